/* anju-workflow-template.h: a process template version in memory, and
 * the one reader that turns template JSON into it.
 *
 * The same reader checks what clients send (POST templates, versions,
 * validate) and reads what the database holds, so a stored template is
 * always one that validation accepted.  Each problem is recorded under
 * the path of the member at fault ("steps[2].role",
 * "steps[1].branches[0].goto"), so an editor can show all of them at once.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "anju-db.h"
#include "anju-workflow.h"

G_BEGIN_DECLS

#define ANJU_WF_MAX_STEPS 30

/* The actions of the actions endpoint, as bits of a set. */
typedef enum
{
  ANJU_WF_APPROVE  = 1 << 0,
  ANJU_WF_REJECT   = 1 << 1,
  ANJU_WF_RETURN   = 1 << 2,
  ANJU_WF_TRANSFER = 1 << 3,
  ANJU_WF_WITHDRAW = 1 << 4,
  ANJU_WF_RESUBMIT = 1 << 5,
} AnjuWfAction;

#define ANJU_WF_N_ACTIONS 6

/* "approve" …; NULL for anything else. */
const char   *anju_wf_action_name      (AnjuWfAction  action);
/* 0 when name is no action. */
AnjuWfAction  anju_wf_action_from_name (const char   *name);
/* The NULL-terminated names every action has, in bit order. */
extern const char * const anju_wf_action_names[];

typedef struct
{
  char      *key;
  char      *name;
  char      *role;             /* a role code */
  char      *level;            /* community, street, center, enterprise */
  guint      actions;          /* AnjuWfAction set; approve always */
  int        time_limit_days;  /* 0: no time limit */
  JsonArray *skip_when;        /* (owned) conditions, maybe empty */
  JsonArray *branches;         /* (owned) {"when": [conditions], "goto"} */
  char      *on_enter;         /* (nullable) step hook */
  char      *on_complete;      /* (nullable) step hook */
} AnjuWfStep;

typedef struct
{
  gint64     id;
  char      *code;
  int        version;
  char      *name;
  char      *domain;
  char      *description;      /* (nullable) */
  char      *on_complete;      /* (nullable) process hook */
  gboolean   is_current;
  GPtrArray *steps;            /* of AnjuWfStep */
} AnjuWfTemplate;

void              anju_wf_template_free       (AnjuWfTemplate *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnjuWfTemplate, anju_wf_template_free)

/* The step called key and its index, or NULL. */
const AnjuWfStep *anju_wf_template_find_step  (const AnjuWfTemplate *self,
                                               const char           *key,
                                               guint                *out_index);

/* Where the reader records problems, and what it checks names against:
 * with db NULL role codes are not looked up, with workflow NULL hook
 * names are not (stored templates were checked when saved). */
typedef struct
{
  AnjuDb       *db;            /* (nullable) */
  AnjuWorkflow *workflow;      /* (nullable) */
  JsonObject   *problems;      /* (owned) path → message, the first per path */
  GError       *error;         /* (owned) (nullable) a store failure while checking */
} AnjuWfCheck;

void              anju_wf_check_init          (AnjuWfCheck  *check,
                                               AnjuDb       *db,
                                               AnjuWorkflow *workflow);
void              anju_wf_check_clear         (AnjuWfCheck  *check);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AnjuWfCheck, anju_wf_check_clear)

void              anju_wf_check_add           (AnjuWfCheck *check,
                                               const char  *path,
                                               const char  *message);
/* No problem and no error so far. */
gboolean          anju_wf_check_ok            (AnjuWfCheck *check);

/* The member of object (at path, NULL for the body itself) as a
 * required, non-blank string of at most max_chars characters, trimmed;
 * NULL with a problem otherwise. */
char             *anju_wf_read_text           (AnjuWfCheck *check,
                                               const char  *path,
                                               JsonObject  *object,
                                               const char  *member,
                                               guint        max_chars);
/* Reads a step list (1–30 steps); NULL when there were problems or a
 * store error (both in check). */
GPtrArray        *anju_wf_steps_read          (AnjuWfCheck *check,
                                               JsonNode    *steps);
/* Checks a hook name of kind at path; node may be absent (NULL) or JSON
 * null.  Returns the name or NULL. */
char             *anju_wf_hook_read           (AnjuWfCheck          *check,
                                               const char           *path,
                                               JsonNode             *node,
                                               AnjuWorkflowHookKind  kind);
/* The normalised step list: every member present, as stored. */
JsonNode         *anju_wf_steps_to_json       (GPtrArray   *steps);

G_END_DECLS
