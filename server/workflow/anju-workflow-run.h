/* anju-workflow-run.h: one engine operation in progress.
 *
 * Everything a transition needs besides the instance: the store (inside
 * the caller's transaction), the time, who acts, where audit rows and
 * events go, and the hook registry.  Requests, anju_workflow_start(),
 * the overdue sweep and the demo data each fill one in.
 */
#pragma once

#include "anju-event-bus.h"
#include "anju-workflow-instance.h"
#include "anju-workflow.h"

G_BEGIN_DECLS

typedef struct
{
  AnjuWorkflow         *workflow;     /* hooks */
  AnjuDb               *db;
  GBytes               *audit_key;
  AnjuEventBus         *events;       /* (nullable): the demo has no listeners */
  gint64                now;
  /* Who acts: the history names them, the instance takes them as its
   * submitter.  actor_id 0 is anju-server itself. */
  const AnjuAuditActor *actor;
  /* (nullable) Who the audit rows name when not actor, and when (0:
   * now): the demo data is history made up at init, written by
   * anju-server. */
  const AnjuAuditActor *audit_actor;
  gint64                audit_at;

  /* (owned) Events wait here until the operation has written everything,
   * so listeners read the store as the operation leaves it. */
  GPtrArray            *pending;
} AnjuWfRun;

/* A run on the server's store, clock, audit key and event bus. */
void     anju_wf_run_init_for_server (AnjuWfRun            *run,
                                      AnjuWorkflow         *workflow,
                                      AnjuServer           *server,
                                      const AnjuAuditActor *actor);
/* Drops events still pending (the operation failed). */
void     anju_wf_run_clear           (AnjuWfRun            *run);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AnjuWfRun, anju_wf_run_clear)

/* The audit row of an action on the instance: workflow.<action>. */
gboolean anju_wf_run_audit           (const AnjuWfRun      *run,
                                      const char           *action,
                                      gint64                instance_id,
                                      JsonNode             *before,
                                      JsonNode             *after,
                                      GError              **error);
/* Runs the hook called name (nothing when NULL) over the instance;
 * changes it makes to the fields stay in instance->fields.  A hook the
 * server does not have is a conflict: the template names it, but the
 * module that registers it is not in this server. */
gboolean anju_wf_run_hook            (const AnjuWfRun      *run,
                                      AnjuWfInstance       *instance,
                                      const char           *name,
                                      AnjuWorkflowHookEvent event,
                                      const char           *step_key,
                                      const char           *outcome,
                                      GError              **error);
/* Queues a copy of event (nothing without a bus). */
void     anju_wf_run_emit            (const AnjuWfRun      *run,
                                      const AnjuEvent      *event);
/* Emits the queued events in order, with the store and the time filled
 * in: the last thing an operation does. */
gboolean anju_wf_run_flush           (const AnjuWfRun      *run,
                                      GError              **error);

G_END_DECLS
