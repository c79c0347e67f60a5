/* anju-review-progress.c: the progress query of citizens: its rate limit
 * per client address and its answer, shared by the public query by
 * number and phone and the kiosk's query by ID card.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-clock.h"
#include "anju-mask.h"
#include "anju-review-private.h"
#include "anju-stmt.h"
#include "anju-transaction.h"
#include "anju-validation.h"

#define RATE_WINDOW 60

/* One try more from address; FALSE in *out_allowed past the limit of the
 * last minute.  Old tries are forgotten as new ones come. */
static gboolean
count_try (AnjuDb      *db,
           const char  *address,
           gint64       now,
           guint        limit,
           gboolean    *out_allowed,
           GError     **error)
{
  g_auto(AnjuStmt) forget = anju_db_prepare (db,
                                             "DELETE FROM pubrent_progress_tries WHERE at <= ?1",
                                             error);
  g_auto(AnjuStmt) count = NULL;
  g_auto(AnjuStmt) add = NULL;
  gint64 tries = 0;

  if (forget == NULL)
    return FALSE;
  sqlite3_bind_int64 (forget, 1, now - RATE_WINDOW);
  if (!anju_db_step_done (db, forget, error))
    return FALSE;
  count = anju_db_prepare (db,
                           "SELECT COUNT(*) FROM pubrent_progress_tries WHERE client_address = ?1",
                           error);
  if (count == NULL)
    return FALSE;
  anju_db_bind_text (count, 1, address);
  if (!anju_db_step_count (db, count, &tries, error))
    return FALSE;
  *out_allowed = tries < limit;
  if (!*out_allowed)
    return TRUE;
  add = anju_db_prepare (db,
                         "INSERT INTO pubrent_progress_tries (client_address, at) VALUES (?1, ?2)",
                         error);
  if (add == NULL)
    return FALSE;
  anju_db_bind_text (add, 1, address);
  sqlite3_bind_int64 (add, 2, now);
  return anju_db_step_done (db, add, error);
}

gboolean
anju_review_count_progress_query (AnjuRequest *request)
{
  AnjuDb *db = anju_request_get_db (request);
  const char *address = anju_request_get_client_address (request);
  guint limit = anju_request_get_config (request)->pubrent_progress_per_minute;
  g_autoptr(GError) error = NULL;
  gboolean allowed = FALSE, ok;

  if (!anju_db_begin (db, &error))
    {
      anju_request_reply_error (request, error);
      return FALSE;
    }
  ok = count_try (db, address != NULL ? address : "", anju_clock_now_secs (anju_request_get_clock (request)), limit, &allowed,
                  &error);
  if (!anju_transaction_end (db, ok, &error))
    {
      anju_request_reply_error (request, error);
      return FALSE;
    }
  if (!allowed)
    anju_reply_error_code (request, ANJU_ERROR_TOO_MANY_REQUESTS,
                           _("Too many progress queries from this address; try again in a "
                             "minute"));
  return allowed;
}

JsonNode *
anju_review_progress_json (AnjuDb  *db,
                           gint64   application_id,
                           GError **error)
{
  g_auto(AnjuReviewApp) app = { 0, };
  g_autoptr(JsonNode) timeline = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *masked = NULL;

  if (!_anju_review_app_load (db, application_id, &app, error)
      || (timeline = _anju_review_timeline (db, &app, FALSE, error)) == NULL)
    return NULL;
  masked = anju_mask_name (app.applicant_name);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "application_no");
  json_builder_add_string_value (builder, app.application_no);
  json_builder_set_member_name (builder, "applicant_name");
  json_builder_add_string_value (builder, masked);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, app.status);
  json_builder_set_member_name (builder, "status_label");
  json_builder_add_string_value (builder, _anju_review_status_label (app.status));
  json_builder_set_member_name (builder, "timeline");
  json_builder_add_value (builder, g_steal_pointer (&timeline));
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
