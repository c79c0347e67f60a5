/* anju-workflow-step.h: one step of a process template while it is
 * being edited.
 *
 * The Step object of docs/api.md ("Workflow templates") as a mutable
 * GObject, so that the editor's step list can hold it in a GListModel
 * and its rows follow renames ("name" and "key" notify).  Everything
 * else is plain getters and setters: the step form is the only writer.
 * Approve is always allowed; the other actions are flags.  A time limit
 * of 0 means none (JSON null).  No GTK here.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum
{
  ANJU_WORKFLOW_ACTION_NONE     = 0,
  ANJU_WORKFLOW_ACTION_REJECT   = 1 << 0,
  ANJU_WORKFLOW_ACTION_RETURN   = 1 << 1,
  ANJU_WORKFLOW_ACTION_TRANSFER = 1 << 2,
  ANJU_WORKFLOW_ACTION_WITHDRAW = 1 << 3,
} AnjuWorkflowActions;

/* The time limit the API accepts (docs/api.md): 1–365 days or none. */
#define ANJU_WORKFLOW_TIME_LIMIT_MAX (365)

/* The special "goto" that ends the process. */
#define ANJU_WORKFLOW_GOTO_END "end"

typedef struct
{
  GPtrArray *when;      /* (owned) of AnjuWorkflowCondition */
  char      *goto_key;  /* (owned) a later step's key or "end"; "" while not chosen */
} AnjuWorkflowBranch;

AnjuWorkflowBranch *anju_workflow_branch_new  (void);
void                anju_workflow_branch_free (AnjuWorkflowBranch *branch);

/* The optional actions' API names, in the order the editor shows them. */
typedef struct
{
  AnjuWorkflowActions  flag;
  const char          *id;     /* "reject" */
} AnjuWorkflowActionName;

const AnjuWorkflowActionName *anju_workflow_optional_actions (guint *n_actions);

#define ANJU_TYPE_WORKFLOW_STEP (anju_workflow_step_get_type ())
G_DECLARE_FINAL_TYPE (AnjuWorkflowStep, anju_workflow_step, ANJU, WORKFLOW_STEP, GObject)

/* A blank step: key and name as given, no role, level "center",
 * approve/reject/return, no time limit, no conditions, no hooks. */
AnjuWorkflowStep    *anju_workflow_step_new          (const char        *key,
                                                      const char        *name);
/* node: a Step object.  ANJU_ERROR_MALFORMED when it is not one. */
AnjuWorkflowStep    *anju_workflow_step_new_from_json (JsonNode         *node,
                                                       GError          **error);
/* (transfer full) every member of the contract's Step. */
JsonNode            *anju_workflow_step_to_json      (AnjuWorkflowStep  *self);

const char          *anju_workflow_step_get_key      (AnjuWorkflowStep  *self);
void                 anju_workflow_step_set_key      (AnjuWorkflowStep  *self,
                                                      const char        *key);
const char          *anju_workflow_step_get_name     (AnjuWorkflowStep  *self);
void                 anju_workflow_step_set_name     (AnjuWorkflowStep  *self,
                                                      const char        *name);
/* A role code, "" while none is chosen. */
const char          *anju_workflow_step_get_role     (AnjuWorkflowStep  *self);
void                 anju_workflow_step_set_role     (AnjuWorkflowStep  *self,
                                                      const char        *role);
/* community, street, center or enterprise. */
const char          *anju_workflow_step_get_level    (AnjuWorkflowStep  *self);
void                 anju_workflow_step_set_level    (AnjuWorkflowStep  *self,
                                                      const char        *level);
AnjuWorkflowActions  anju_workflow_step_get_actions  (AnjuWorkflowStep  *self);
void                 anju_workflow_step_set_actions  (AnjuWorkflowStep  *self,
                                                      AnjuWorkflowActions actions);
/* 0: no limit. */
guint                anju_workflow_step_get_time_limit_days (AnjuWorkflowStep *self);
void                 anju_workflow_step_set_time_limit_days (AnjuWorkflowStep *self,
                                                             guint             days);
/* (nullable) hook names. */
const char          *anju_workflow_step_get_on_enter    (AnjuWorkflowStep  *self);
void                 anju_workflow_step_set_on_enter    (AnjuWorkflowStep  *self,
                                                         const char        *hook);
const char          *anju_workflow_step_get_on_complete (AnjuWorkflowStep  *self);
void                 anju_workflow_step_set_on_complete (AnjuWorkflowStep  *self,
                                                         const char        *hook);

/* (transfer none) of AnjuWorkflowCondition: edit in place. */
GPtrArray           *anju_workflow_step_get_skip_when (AnjuWorkflowStep  *self);
/* (transfer none) of AnjuWorkflowBranch: edit in place. */
GPtrArray           *anju_workflow_step_get_branches  (AnjuWorkflowStep  *self);

G_END_DECLS
