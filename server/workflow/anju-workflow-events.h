/* anju-workflow-events.h: the workflow.* events of docs/api.md
 * ("Messages": the event table), with exactly the variables and
 * recipients listed there.  Every variable is a string; times are
 * ISO 8601 (Asia/Shanghai), an absent due date the empty string.
 * The events are queued on the run and go out with anju_wf_run_flush().
 */
#pragma once

#include "anju-workflow-run.h"
#include "anju-workflow-tasks.h"

G_BEGIN_DECLS

/* workflow.task.assigned or workflow.task.overdue, to the users who may
 * act on the task. */
gboolean anju_wf_emit_task_event     (const AnjuWfRun      *run,
                                      const char           *type,
                                      const AnjuWfInstance *instance,
                                      const AnjuWfTask     *task,
                                      GError              **error);
/* workflow.instance.completed, .rejected, .returned or .cancelled, to the
 * submitter.  step_name and comment are used by the events that list
 * them. */
gboolean anju_wf_emit_instance_event (const AnjuWfRun      *run,
                                      const char           *type,
                                      const AnjuWfInstance *instance,
                                      const char           *step_name,
                                      const char           *comment,
                                      GError              **error);

G_END_DECLS
