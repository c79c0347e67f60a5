/* anju-workflow-api.h: what the workflow endpoints share: reading an
 * instance for the caller, answering with it, running an operation as
 * the caller, and the template bodies the generic body check cannot
 * describe (a list of step objects). */
#pragma once

#include "anju-request.h"
#include "anju-workflow-instance.h"
#include "anju-workflow-run.h"
#include "anju-workflow-template.h"

G_BEGIN_DECLS

/* The instance, or a 404 reply and NULL. */
AnjuWfInstance *anju_wf_api_load_instance   (AnjuRequest          *request,
                                             gint64                id);
/* 200 with the Instance as the caller sees it (my_actions), with tasks
 * and history. */
void            anju_wf_api_reply_instance  (AnjuRequest          *request,
                                             guint                 status,
                                             const AnjuWfInstance *instance);
/* The Instance as the caller sees it; for lists (no tasks, history). */
JsonNode       *anju_wf_api_instance_json   (AnjuRequest          *request,
                                             const AnjuWfInstance *instance,
                                             gboolean              details,
                                             GError              **error);

/* A run acting as the request's caller; actor is its storage. */
void            anju_wf_api_run_init        (AnjuWfRun            *run,
                                             AnjuRequest          *request,
                                             AnjuAuditActor       *actor);

/* The body as a JSON object checked against nothing yet (400 replied
 * and NULL when it is no JSON object).  Transfer full. */
JsonObject     *anju_wf_api_read_body       (AnjuRequest          *request);
/* Adds an "Unknown field" problem for each member not in known. */
void            anju_wf_api_check_members   (AnjuWfCheck          *check,
                                             JsonObject           *body,
                                             const char * const   *known);
/* Answers the store error of check, or 422 with every problem. */
void            anju_wf_api_reply_check     (AnjuRequest          *request,
                                             AnjuWfCheck          *check);

G_END_DECLS
