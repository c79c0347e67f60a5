/* anju-workflow-words.h: the workflow engine's ids as people read them.
 *
 * Instances, tasks and history rows carry machine words (docs/api.md,
 * "Workflow instances"): states ("running"), actions ("approve"), task
 * kinds ("supplement").  The to-do page, the instance dialog and the
 * action bar show them through these tables.  An id a table does not
 * know (a newer server) is shown as it is.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Each returns the translated label, id itself when unknown, NULL for
 * NULL. */
const char *anju_workflow_state_label      (const char *state);
const char *anju_workflow_action_label     (const char *action);
const char *anju_workflow_task_kind_label  (const char *kind);
const char *anju_workflow_task_state_label (const char *state);

G_END_DECLS
