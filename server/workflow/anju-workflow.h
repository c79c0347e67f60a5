/* anju-workflow.h: the workflow engine, as the business domains use it.
 *
 * Every approval of every domain (public rental applications, enterprise
 * onboarding, filings, contracts …) runs on this engine.  A process
 * template is data (docs/api.md, "Workflow templates"): ordered steps,
 * each naming the role and organisation level of its assignee, the
 * actions it allows, a time limit, conditions on the instance's fields
 * that skip it or branch after it, and hooks by name.  Saving a template
 * makes a new version; an instance keeps the version it started on.
 *
 * What a domain does with it:
 *
 *  - at start-up, anju_workflow_register_hook() for every hook its
 *    templates may name.  A hook runs inside the engine's transaction;
 *    it may read and change the instance's fields (later conditions see
 *    the change) and do the domain's own writes; returning FALSE rolls
 *    the whole action back, and the caller sees the error.
 *  - when a record needs approval, anju_workflow_start() inside its own
 *    write transaction: the instance, its first task, the history row,
 *    the audit row and the engine's events commit or roll back together
 *    with the domain's write.
 *  - anju_workflow_find() to show a record's process on its page.
 *
 * Acting on tasks, the to-do and done lists, pause, resume and cancel go
 * through the HTTP API, which checks who may do what (the step's role,
 * the caller's data scope, the submitter) and answers 403 / 409 / 422 as
 * docs/api.md says.  Every change writes one history row and one audit
 * row (workflow.<action>) and emits the workflow.* events of docs/api.md
 * through the server's event bus, in one transaction with the change.
 *
 * Overdue tasks are found by a periodic sweep ([workflow]
 * reminder_interval_seconds) that reminds each task once, as anju-server.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "anju-audit.h"
#include "anju-db.h"
#include "anju-request.h"
#include "anju-server.h"

G_BEGIN_DECLS

#define ANJU_TYPE_WORKFLOW (anju_workflow_get_type ())
G_DECLARE_FINAL_TYPE (AnjuWorkflow, anju_workflow, ANJU, WORKFLOW, GObject)

/* A step hook is named by a step's on_enter or on_complete, a process
 * hook by a template's on_complete. */
typedef enum
{
  ANJU_WORKFLOW_HOOK_STEP,
  ANJU_WORKFLOW_HOOK_PROCESS,
} AnjuWorkflowHookKind;

typedef enum
{
  ANJU_WORKFLOW_ON_ENTER,          /* a step became current (not when skipped) */
  ANJU_WORKFLOW_ON_COMPLETE,       /* a step was approved, or the process ended */
} AnjuWorkflowHookEvent;

/* What a hook is told.  Everything is borrowed for the call only. */
typedef struct
{
  AnjuDb               *db;            /* inside the engine's transaction */
  gint64                now;           /* seconds since the epoch */
  const AnjuAuditActor *actor;         /* who caused it (anju-server for the sweep) */
  gint64                instance_id;
  const char           *template_code;
  const char           *domain;
  gint64                record_id;
  const char           *step_key;      /* (nullable): NULL for a process hook */
  AnjuWorkflowHookEvent event;
  /* (nullable) For a process hook the state the instance ended in:
   * "completed", "rejected", "withdrawn" or "cancelled" (process hooks run
   * however the process ends).  For a step's on_complete "approve". */
  const char           *outcome;
  /* The instance's fields; changes are saved with the instance. */
  JsonObject           *fields;
} AnjuWorkflowHookContext;

typedef gboolean (*AnjuWorkflowHookFunc) (const AnjuWorkflowHookContext  *context,
                                          gpointer                        user_data,
                                          GError                        **error);

/* Makes the engine, registers it as the server service "workflow", adds
 * its routes and its overdue sweep.  Called once from anju_server_new(). */
void          anju_workflow_register      (AnjuServer            *server);
/* (transfer none) The server's engine. */
AnjuWorkflow *anju_workflow_get           (AnjuServer            *server);

/* The overdue sweep's name (anju_server_get_sweep) and the query of its
 * batches (for the query-plan test): ?1 now, ?2 and ?3 the cursor (due
 * date and id of the last task seen), ?4 the batch's size. */
#define ANJU_WORKFLOW_OVERDUE_SWEEP_NAME "workflow.overdue"
const char   *anju_workflow_overdue_sql   (void);

/* Adds a hook templates may name (GET /workflow/hooks lists them).  name
 * is "<domain>.<what>", description one translated line. */
void          anju_workflow_register_hook (AnjuWorkflow          *self,
                                           const char            *name,
                                           AnjuWorkflowHookKind   kind,
                                           const char            *description,
                                           AnjuWorkflowHookFunc   func,
                                           gpointer               user_data,
                                           GDestroyNotify         destroy);

/* The caller of a request as the actor of anju_workflow_start(); the
 * strings are borrowed from the request. */
void          anju_workflow_actor_from_request (AnjuRequest    *request,
                                                AnjuAuditActor *out_actor);

/* Starts the current version of the template with code template_code
 * for the record (domain, record_id), inside the caller's transaction
 * (programming error otherwise).  domain may be NULL for the template's
 * own.  org_id is the record's organisation (the applicant's community,
 * the owning enterprise) from which the steps' levels are resolved.
 * fields (nullable) are the values the conditions read.  actor becomes the
 * submitter (none when actor_id is 0).  Errors: ANJU_ERROR_VALIDATION for
 * an unknown template or an organisation that cannot supply a level a
 * step needs, ANJU_ERROR_CONFLICT when the record already has a live
 * process, or whatever a hook or an event listener set. */
gboolean      anju_workflow_start         (AnjuWorkflow          *self,
                                           const AnjuAuditActor  *actor,
                                           const char            *template_code,
                                           const char            *domain,
                                           gint64                 record_id,
                                           const char            *record_label,
                                           gint64                 org_id,
                                           JsonObject            *fields,
                                           gint64                *out_instance_id,
                                           GError               **error);

/* Takes action ("approve", "reject", "return", "resubmit" or "withdraw";
 * a transfer needs the HTTP API) on the instance as actor, inside the
 * caller's transaction (programming error otherwise), by the same rules
 * and code path as POST /workflow/instances/{id}/actions: the same
 * history row, audit row (workflow.<action>), hooks and events.  comment
 * (nullable) is the opinion; reject and return need one.  An actor with
 * actor_id 0 is anju-server itself and may take any action the state and
 * the step allow (the publicity sweep approves a step whose period is
 * over).  Errors: ANJU_ERROR_NOT_FOUND (no instance),
 * ANJU_ERROR_VALIDATION (unknown action, "comment: …" missing),
 * ANJU_ERROR_FORBIDDEN (not the actor's to take), ANJU_ERROR_CONFLICT
 * (the state or step refuses it, with the reason), or whatever a hook or
 * listener set. */
gboolean      anju_workflow_act           (AnjuWorkflow          *self,
                                           const AnjuAuditActor  *actor,
                                           gint64                 instance_id,
                                           const char            *action,
                                           const char            *comment,
                                           GError               **error);

/* An engine without a server, for data made up at init (the demo): it
 * works on db with no event listeners, at the business time set by
 * anju_workflow_set_offline_time(), and its audit rows say anju-server
 * wrote them at audit_at.  anju_workflow_start() and anju_workflow_act()
 * work on it; register the hooks its templates name first. */
AnjuWorkflow *anju_workflow_new_offline   (AnjuDb                *db,
                                           GBytes                *audit_key,
                                           gint64                 audit_at);
void          anju_workflow_set_offline_time (AnjuWorkflow       *self,
                                              gint64              now);

/* The newest instance of (domain, record_id): *out_instance_id 0 when
 * there is none; *out_state (nullable, free it) its state. */
gboolean      anju_workflow_find          (AnjuWorkflow          *self,
                                           const char            *domain,
                                           gint64                 record_id,
                                           gint64                *out_instance_id,
                                           char                 **out_state,
                                           GError               **error);

/* The size of the caller's to-do list (GET /api/v1/todo/counts: total
 * and overdue at now), for summaries such as the home page's tiles. */
gboolean      anju_workflow_count_todo    (AnjuDb                *db,
                                           const AnjuCaller      *caller,
                                           gint64                 now,
                                           gint64                *out_open,
                                           gint64                *out_overdue,
                                           GError               **error);

/* anju-server init --demo: public rental applications at every step of
 * pubrent.application.review for the demo organisations (docs/demo.md),
 * audited as anju-server.  Runs inside the caller's transaction, after
 * the demo organisations and users exist. */
gboolean      anju_workflow_populate_demo (AnjuDb                *db,
                                           GBytes                *audit_key,
                                           gint64                 now,
                                           GError               **error);

G_END_DECLS
