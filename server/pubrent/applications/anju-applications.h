/* anju-applications.h: public rental housing applications (公租房申请),
 * docs/api.md "Applications" (F-PRH application management, directed
 * application, applicant info, materials).
 *
 * The HTTP endpoints (anju_applications_register) and the C entry points
 * other modules call.  Every function below runs inside the caller's
 * write transaction and does exactly what the matching endpoint does —
 * the handlers call them too — including the audit row
 * (pubrent.application.<action>, as actor), the before/after row of
 * pubrent_application_changes, and for submit the pre-review, the
 * workflow process and the events.  The caller commits or rolls back.
 *
 * A review demo, for instance, makes an application at a step with:
 *
 *   AnjuApplicationWrite write = { server, &actor, now, NULL };
 *   id = anju_applications_create (&write, application_json, &error);
 *   ok = id != 0 && anju_applications_submit (&write, id, &passed, &error);
 *
 * where actor is a user of the organisation that enters it (a street or
 * community for open types, an employer for directed ones) and
 * application_json is the Application object of docs/api.md without ids
 * (members optional: an empty list makes the applicant the one member).
 */
#pragma once

#include <json-glib/json-glib.h>

#include "anju-audit.h"
#include "anju-server.h"

G_BEGIN_DECLS

/* The audit entity and the workflow domain of an application. */
#define ANJU_APPLICATION_DOMAIN "pubrent.application"
#define ANJU_APPLICATION_TEMPLATE "pubrent.application.review"
#define ANJU_APPLICATION_PREREVIEW_FAILED_EVENT "pubrent.application.prereview_failed"

typedef struct
{
  AnjuServer           *server;
  /* Who acts: a user (the application's organisation is actor->org_id
   * on create); actor_id 0 is anju-server. */
  const AnjuAuditActor *actor;
  gint64                now;           /* seconds since the epoch */
  /* (nullable) Collects one message per bad member ("members[1].id_no")
   * when a write fails with ANJU_ERROR_VALIDATION; the error's message
   * names the first one either way. */
  JsonObject           *field_errors;
} AnjuApplicationWrite;

/* Adds the routes, the file-access rule for materials.  Called once from
 * anju_server_new(). */
void     anju_applications_register       (AnjuServer                  *server);

/* POST /pubrent/applications: a draft from the Application object.
 * Errors: ANJU_ERROR_VALIDATION (field_errors), ANJU_ERROR_CONFLICT (a
 * business type the actor's organisation may not enter, a person in
 * another open application).  Returns the new id or 0. */
gint64   anju_applications_create         (const AnjuApplicationWrite  *write,
                                           JsonObject                  *application,
                                           GError                     **error);
/* PATCH /pubrent/applications/{id}: application holds the members to
 * change ("members" replaces the list). */
gboolean anju_applications_update         (const AnjuApplicationWrite  *write,
                                           gint64                       id,
                                           JsonObject                  *application,
                                           GError                     **error);
/* POST …/{id}/submit: validated as a whole, pre-reviewed, then
 * street_review / center_review with the process started, or
 * prereview_failed (event pubrent.application.prereview_failed).
 * *out_passed (nullable) says which. */
gboolean anju_applications_submit         (const AnjuApplicationWrite  *write,
                                           gint64                       id,
                                           gboolean                    *out_passed,
                                           GError                     **error);
/* POST …/{id}/abandon: closed, its files archived. */
gboolean anju_applications_abandon        (const AnjuApplicationWrite  *write,
                                           gint64                       id,
                                           const char                  *reason,
                                           GError                     **error);

/* Archives every material of the application (immutable from now on,
 * still readable); for the review when it decides (confirmed, rejected,
 * withdrawn).  The archive time is the application's decided_at, else
 * its updated_at, so set the status first.  Inside the caller's
 * transaction; no audit row (the decision has its own). */
gboolean anju_applications_archive_files  (AnjuDb                      *db,
                                           gint64                       application_id,
                                           GError                     **error);

/* anju-server init --demo: the applications behind the workflow demo's
 * nine processes (records 1 … 9, GZF-2026-000001 … 000009), inside the
 * caller's transaction, after the demo organisations, users and
 * processes exist; audited as anju-server. */
gboolean anju_applications_populate_demo (AnjuDb     *db,
                                          GBytes     *audit_key,
                                          gint64      now,
                                          GError    **error);

G_END_DECLS
