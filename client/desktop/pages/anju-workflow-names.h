/* anju-workflow-names.h: the workflow engine's ids, named for people.
 *
 * Organisation levels of a step's assignee, the optional actions of a
 * step and the states of a process instance (docs/api.md, "Workflow
 * templates" and "Workflow instances") each get a translated label; an
 * id this table does not know (a newer server) is shown as it is.  The
 * monitor's pause, resume and cancel follow the state machine of the
 * contract.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "community", "street", "center", "enterprise", NULL-terminated, in the
 * order the editor offers them. */
const char * const *anju_workflow_levels           (void);
gboolean            anju_workflow_level_is_known   (const char *level);
/* 社区 / 街道 / 中心 / 运营企业 in zh_CN; the id itself when unknown. */
const char         *anju_workflow_level_label      (const char *level);

/* "reject" → "Reject"; the id itself when unknown. */
const char         *anju_workflow_action_label     (const char *action);

/* The instance states, NULL-terminated, in the order of the monitor's
 * filter. */
const char * const *anju_workflow_states           (void);
/* "running" → "Running"; the id itself when unknown (NULL for NULL). */
const char         *anju_workflow_state_label      (const char *state);
/* What an administrator may do in a state: pause a running or returned
 * instance, resume a paused one, cancel any unfinished one. */
gboolean            anju_workflow_state_can_pause  (const char *state);
gboolean            anju_workflow_state_can_resume (const char *state);
gboolean            anju_workflow_state_can_cancel (const char *state);

G_END_DECLS
