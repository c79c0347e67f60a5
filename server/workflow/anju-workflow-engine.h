/* anju-workflow-engine.h: the transitions of a process instance.
 *
 * Each function is one whole operation inside the caller's transaction:
 * the state change, the tasks, one history row for what the actor did
 * (plus the server's own rows: skip, complete), the hooks, one audit row
 * (workflow.<action>) and the events.  On failure the caller rolls back,
 * and nothing is left half-written.
 *
 * Who may do what is not checked here (anju-workflow-rules.h decides it
 * before); what the engine checks is what the data must be for the
 * transition to make sense.
 */
#pragma once

#include "anju-workflow-run.h"
#include "anju-workflow-tasks.h"

G_BEGIN_DECLS

/* Problems with a start that a form can name: *out_field is the member
 * at fault ("org_id") when the error is ANJU_ERROR_VALIDATION.  The
 * organisation's ancestors come through cache (nullable). */
gboolean        anju_wf_engine_check_start (AnjuWfOrgCache       *cache,
                                            AnjuDb               *db,
                                            const AnjuWfTemplate *template,
                                            const char           *domain,
                                            gint64                record_id,
                                            gint64                org_id,
                                            JsonObject           *fields,
                                            const char          **out_field,
                                            GError              **error);
/* Starts template (taken) for the record; domain NULL is the template's,
 * fields (nullable) are copied.
 * Call anju_wf_engine_check_start() first.  Returns the new instance. */
AnjuWfInstance *anju_wf_engine_start       (const AnjuWfRun      *run,
                                            AnjuWfTemplate       *template,
                                            const char           *domain,
                                            gint64                record_id,
                                            const char           *record_label,
                                            gint64                org_id,
                                            JsonObject           *fields,
                                            GError              **error);

typedef struct
{
  AnjuWfAction  action;
  const char   *comment;       /* (nullable) */
  GArray       *attachments;   /* (nullable) of gint64 file ids */
  gint64        transfer_to;   /* transfer: the new assignee */
} AnjuWfActRequest;

gboolean        anju_wf_engine_act         (const AnjuWfRun        *run,
                                            AnjuWfInstance         *instance,
                                            const AnjuWfActRequest *request,
                                            GError                **error);

/* The administrators' pause, resume and cancel, with their reason. */
gboolean        anju_wf_engine_pause       (const AnjuWfRun      *run,
                                            AnjuWfInstance       *instance,
                                            const char           *reason,
                                            GError              **error);
gboolean        anju_wf_engine_resume      (const AnjuWfRun      *run,
                                            AnjuWfInstance       *instance,
                                            const char           *reason,
                                            GError              **error);
gboolean        anju_wf_engine_cancel      (const AnjuWfRun      *run,
                                            AnjuWfInstance       *instance,
                                            const char           *reason,
                                            GError              **error);

/* The overdue reminder of one open task (the sweep). */
gboolean        anju_wf_engine_remind      (const AnjuWfRun      *run,
                                            AnjuWfInstance       *instance,
                                            const AnjuWfTask     *task,
                                            GError              **error);

G_END_DECLS
