/* anju-workflow-step-list.h: the ordered steps of a process template in
 * the editor.
 *
 * A GListModel of AnjuWorkflowStep that the editor's step list shows
 * and its buttons reorder.  It reads and writes the "steps" array of
 * docs/api.md, and checks the rules the server will apply anyway that
 * need nothing but the template itself (names, keys, branch targets,
 * conditions), so that a person sees every obvious mistake at once and
 * before a round trip.  Each problem is reported under the member name
 * the server would use: "steps[2].name", "steps[1].branches[0].goto".
 * No GTK here.
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "anju-workflow-step.h"

G_BEGIN_DECLS

/* The API's bounds (docs/api.md, "Workflow templates"). */
#define ANJU_WORKFLOW_STEPS_MAX     (30)
#define ANJU_WORKFLOW_STEP_NAME_MAX (50)

#define ANJU_TYPE_WORKFLOW_STEP_LIST (anju_workflow_step_list_get_type ())
G_DECLARE_FINAL_TYPE (AnjuWorkflowStepList, anju_workflow_step_list, ANJU, WORKFLOW_STEP_LIST, GObject)

AnjuWorkflowStepList *anju_workflow_step_list_new        (void);
/* node: the "steps" array of a Template.  ANJU_ERROR_MALFORMED when a
 * step is not one. */
AnjuWorkflowStepList *anju_workflow_step_list_new_from_json (JsonNode              *node,
                                                             GError               **error);
/* (transfer full) the "steps" array to send. */
JsonNode             *anju_workflow_step_list_to_json    (AnjuWorkflowStepList  *self);

/* (transfer none) (nullable) */
AnjuWorkflowStep     *anju_workflow_step_list_get_step   (AnjuWorkflowStepList  *self,
                                                          guint                  position);
/* The position of the step with this key, or -1. */
int                   anju_workflow_step_list_find_key   (AnjuWorkflowStepList  *self,
                                                          const char            *key);

/* Inserts a blank step (see anju_workflow_step_new()) after position
 * (G_MAXUINT: at the end) with a key no other step has and name, and
 * returns its position.  Refuses (returns G_MAXUINT) at the maximum. */
guint                 anju_workflow_step_list_add        (AnjuWorkflowStepList  *self,
                                                          guint                  after,
                                                          const char            *name);
void                  anju_workflow_step_list_remove     (AnjuWorkflowStepList  *self,
                                                          guint                  position);
/* Moves the step at from so that it ends up at to.  FALSE (and nothing
 * moved) when either is out of range. */
gboolean              anju_workflow_step_list_move       (AnjuWorkflowStepList  *self,
                                                          guint                  from,
                                                          guint                  to);

/* Points every branch that leads to old_key at new_key instead, so that
 * renaming a step's key keeps the branches to it. */
void                  anju_workflow_step_list_rename_key (AnjuWorkflowStepList  *self,
                                                          const char            *old_key,
                                                          const char            *new_key);

/* "step_N" with the smallest N no step uses as its key (transfer full). */
char                 *anju_workflow_step_list_unique_key (AnjuWorkflowStepList  *self);

/* Adds a message per problem to errors (member path → message, both
 * owned by the table) and returns TRUE when there was none. */
gboolean              anju_workflow_step_list_check      (AnjuWorkflowStepList  *self,
                                                          GHashTable            *errors);

/* TRUE for [a-z][a-z0-9_]*, the rule for step keys. */
gboolean              anju_workflow_step_key_is_valid    (const char            *key);

G_END_DECLS
