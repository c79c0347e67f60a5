/* anju-workflow-history-names.h: what happened to a process instance,
 * in words people read.
 *
 * A history entry or a done task carries the action that was taken
 * ("approve", and the engine's own "start", "skip", "remind" …), a task
 * its kind ("review", "supplement") and state (docs/api.md, "Workflow
 * instances").  These read as what was done ("Approved"), where
 * anju-workflow-names.h names what may be done ("Approve") and the
 * instance states.  An id a table does not know (a newer server) is
 * shown as it is.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Each returns the translated label, id itself when unknown, NULL for
 * NULL. */
const char *anju_workflow_history_action_label (const char *action);
const char *anju_workflow_task_kind_label      (const char *kind);
const char *anju_workflow_task_state_label     (const char *state);

G_END_DECLS
