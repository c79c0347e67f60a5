/* anju-review-api.c: withdrawal, the timeline and the citizens' progress
 * query of an application (docs/api.md, Applications).
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-caller.h"
#include "anju-clock.h"
#include "anju-db-worker.h"
#include "anju-review-private.h"
#include "anju-stmt.h"
#include "anju-transaction.h"
#include "anju-validation.h"

#define REASON_MAX     500
#define NUMBER_MAX     40
#define PHONE_MAX      20

static gint64
request_now (AnjuRequest *request)
{
  return anju_clock_now_secs (anju_request_get_clock (request));
}

/* The application of the path's {id} when the caller may see it; replies
 * 404 and returns FALSE otherwise. */
static gboolean
load_visible (AnjuRequest   *request,
              AnjuReviewApp *app)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!anju_request_get_path_id (request, "id", &id))
    return FALSE;
  if (_anju_review_app_load (anju_request_get_db (request), id, app, &error)
      && !anju_caller_can_see_org_path (anju_request_get_caller (request), app->org_path))
    g_set_error_literal (&error, ANJU_ERROR, ANJU_ERROR_NOT_FOUND, _("No such application"));
  if (error == NULL)
    return TRUE;
  anju_request_reply_error (request, error);
  return FALSE;
}

/* ---- timeline -------------------------------------------------------------- */

static gboolean           /* in a worker thread */
write_timeline (AnjuDb            *reader,
                const AnjuCaller  *caller,
                gint64             id,
                GString           *out,
                GError           **error)
{
  g_auto(AnjuReviewApp) app = { 0, };

  if (!_anju_review_app_load (reader, id, &app, error))
    return FALSE;
  if (!anju_caller_can_see_org_path (caller, app.org_path))
    {
      g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_NOT_FOUND, _("No such application"));
      return FALSE;
    }
  return _anju_review_timeline_write (reader, &app, TRUE, out, error);
}

/* A read of committed rows only: the database worker's RECORD lane
 * answers it on the connection that read the application's detail, the
 * scope (404 outside it) included, beside the main loop. */
static void
handle_timeline (AnjuRequest *request)
{
  gint64 id;

  if (!anju_request_get_path_id (request, "id", &id))
    return;
  anju_db_worker_reply_record (request, write_timeline, id, 2048);
}

/* ---- withdrawal ------------------------------------------------------------ */

static const char * const withdrawable[] = {
  "draft", "prereview_failed", "returned", "street_review", "street_publicity", "center_review",
  NULL
};

static const AnjuFieldSpec withdraw_body[] = {
  { "reason", ANJU_FIELD_STRING, ANJU_FIELD_REQUIRED, NULL, REASON_MAX, "Why it is withdrawn" },
  { NULL }
};

/* The organisation that entered it (with pubrent.application.create) or
 * a reviewer whose scope holds it. */
static gboolean
may_withdraw (const AnjuCaller    *caller,
              const AnjuReviewApp *app)
{
  return (caller->org_id == app->org_id
          && anju_caller_has_permission (caller, "pubrent.application.create"))
         || anju_caller_has_permission (caller, "pubrent.application.review");
}

static gboolean
write_withdraw (AnjuRequest   *request,
                AnjuReviewApp *app,
                const char    *reason,
                GError       **error)
{
  AnjuServer *server = anju_request_get_server (request);
  AnjuWorkflow *workflow = anju_workflow_get (server);
  g_autofree char *state = NULL;
  gint64 instance_id = 0, now = request_now (request);
  AnjuAuditActor actor;

  if (!anju_workflow_find (workflow, ANJU_REVIEW_DOMAIN, app->id, &instance_id, &state, error))
    return FALSE;
  anju_workflow_actor_from_request (request, &actor);
  if (instance_id != 0
      && g_strv_contains ((const char * const[]) { "running", "returned", "paused", NULL }, state))
    {
      static const AnjuAuditActor server_actor = { .actor = ANJU_AUDIT_SYSTEM_ACTOR };
      g_autoptr(GError) local_error = NULL;

      /* The engine withdraws, and its process hook decides the
       * application.  The process's submitter withdraws as themselves;
       * anyone else this endpoint lets withdraw (a colleague, a reviewer)
       * through anju-server, since the engine lets only the submitter. */
      if (anju_workflow_act (workflow, &actor, instance_id, "withdraw", reason, &local_error))
        return TRUE;
      if (!g_error_matches (local_error, ANJU_ERROR, ANJU_ERROR_FORBIDDEN))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      return anju_workflow_act (workflow, &server_actor, instance_id, "withdraw", reason, error);
    }
  return _anju_review_close_open (anju_request_get_db (request), app->id, -1, now, error)
         && _anju_review_set_status (anju_request_get_db (request),
                                     anju_server_get_audit_key (server), &actor, app, "withdrawn",
                                     "withdraw", now, error)
         && _anju_review_archive_files (anju_request_get_db (request), app->id, error);
}

static void
handle_withdraw (AnjuRequest *request)
{
  g_auto(AnjuReviewApp) app = { 0, };
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  AnjuDb *db = anju_request_get_db (request);
  JsonObject *body;
  gboolean ok;

  if (!load_visible (request, &app))
    return;
  if (!may_withdraw (anju_request_get_caller (request), &app))
    {
      anju_reply_error_code (request, ANJU_ERROR_FORBIDDEN,
                             _("Only the organisation that entered the application, or a "
                               "reviewer, may withdraw it"));
      return;
    }
  body = anju_request_parse_body (request, withdraw_body, &error);
  if (body == NULL)
    {
      anju_request_reply_error (request, error);
      return;
    }
  reason = anju_body_dup_trimmed (body, "reason");
  if (!anju_check_not_blank (request, "reason", reason))
    {
      anju_reply_validation_failed (request);
      return;
    }
  if (!g_strv_contains (withdrawable, app.status))
    {
      anju_reply_error_code (request, ANJU_ERROR_CONFLICT,
                             _("The application has been decided and can no longer be "
                               "withdrawn"));
      return;
    }

  if (!anju_db_begin (db, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  ok = write_withdraw (request, &app, reason, &error);
  if (!anju_transaction_end (db, ok, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  {
    g_auto(AnjuReviewApp) after = { 0, };
    g_autoptr(JsonBuilder) builder = json_builder_new ();

    if (!_anju_review_app_load (db, app.id, &after, &error))
      {
        anju_request_reply_error (request, error);
        return;
      }
    json_builder_begin_object (builder);
    json_builder_set_member_name (builder, "id");
    json_builder_add_int_value (builder, after.id);
    json_builder_set_member_name (builder, "application_no");
    json_builder_add_string_value (builder, after.application_no);
    json_builder_set_member_name (builder, "status");
    json_builder_add_string_value (builder, after.status);
    json_builder_set_member_name (builder, "status_label");
    json_builder_add_string_value (builder, _anju_review_status_label (after.status));
    json_builder_end_object (builder);
    anju_request_reply_json (request, SOUP_STATUS_OK, json_builder_get_root (builder));
  }
}

/* ---- the citizens' progress query ----------------------------------------- */

/* The application of the number whose applicant's phone is phone, or 0. */
static gboolean
find_by_number (AnjuDb      *db,
                const char  *number,
                const char  *phone,
                gint64      *out_id,
                GError     **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "SELECT id FROM pubrent_applications"
                                           " WHERE application_no = ?1 AND phone = ?2",
                                           error);

  if (stmt == NULL)
    return FALSE;
  anju_db_bind_text (stmt, 1, number);
  anju_db_bind_text (stmt, 2, phone);
  return anju_db_step_id (db, stmt, out_id, error);
}

static const AnjuFieldSpec progress_body[] = {
  { "application_no", ANJU_FIELD_STRING, ANJU_FIELD_REQUIRED, NULL, NUMBER_MAX,
    "The application number (GZF-2026-000123)" },
  { "phone", ANJU_FIELD_STRING, ANJU_FIELD_REQUIRED, NULL, PHONE_MAX,
    "The applicant's mobile number" },
  { NULL }
};

static void
handle_progress (AnjuRequest *request)
{
  g_auto(AnjuReviewApp) app = { 0, };
  g_autoptr(GError) error = NULL;
  g_autofree char *number = NULL;
  g_autofree char *phone = NULL;
  AnjuDb *db = anju_request_get_db (request);
  JsonObject *body;
  JsonNode *node;
  gint64 id = 0;

  if (!anju_review_count_progress_query (request))
    return;
  body = anju_request_parse_body (request, progress_body, &error);
  if (body == NULL)
    {
      anju_request_reply_error (request, error);
      return;
    }
  number = anju_body_dup_trimmed (body, "application_no");
  phone = anju_body_dup_trimmed (body, "phone");
  if (!find_by_number (db, number, phone, &id, &error)
      || (id != 0 && !_anju_review_app_load (db, id, &app, &error)))
    {
      anju_request_reply_error (request, error);
      return;
    }
  /* A draft was never handed in: there is no progress to show. */
  if (id == 0 || app.submitted_at == 0)
    {
      anju_reply_error_code (request, ANJU_ERROR_NOT_FOUND,
                             _("No application with this number and phone number"));
      return;
    }
  node = anju_review_progress_json (db, app.id, &error);
  if (node == NULL)
    anju_request_reply_error (request, error);
  else
    anju_request_reply_json (request, SOUP_STATUS_OK, node);
}

static const AnjuRoute routes[] = {
  { "POST", "/api/v1/pubrent/applications/{id}/withdraw", "pubrent.application.read",
    ANJU_ROUTE_DEFAULT, handle_withdraw, "Withdraw an application before its decision",
    withdraw_body, "pubrent" },
  { "GET", "/api/v1/pubrent/applications/{id}/timeline", "pubrent.application.read",
    ANJU_ROUTE_DEFAULT, handle_timeline, "The progress timeline of an application", NULL,
    "pubrent" },
  { "POST", "/api/v1/public/pubrent/progress", NULL, ANJU_ROUTE_PUBLIC, handle_progress,
    "The applicant's progress query (no sign-in)", progress_body, "pubrent" },
};

const AnjuRoute *
_anju_review_application_routes (guint *n_routes)
{
  *n_routes = G_N_ELEMENTS (routes);
  return routes;
}
