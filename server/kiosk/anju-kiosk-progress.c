/* anju-kiosk-progress.c: POST /kiosk/progress: the progress of the
 * applications of the person whose ID card the kiosk read (F-TERM-013).
 *
 * The person must be the applicant; drafts were never handed in and are
 * left out.  The answer of each application is the public progress
 * query's (anju_review_progress_json) with its business type and
 * submission time, and the query counts against the same per-address
 * limit.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-kiosk-private.h"
#include "anju-review.h"
#include "anju-stmt.h"
#include "anju-time.h"
#include "anju-validation.h"

#define ID_NO_MAX 18

static const AnjuFieldSpec progress_body[] = {
  { "id_no", ANJU_FIELD_STRING, ANJU_FIELD_REQUIRED, NULL, ID_NO_MAX,
    "The ID number read from the card" },
  { NULL }
};

/* The public answer plus business_type_label and submitted_at. */
static JsonNode *
progress_item (AnjuDb        *db,
               sqlite3_stmt  *stmt,
               GError       **error)
{
  JsonNode *node = anju_review_progress_json (db, sqlite3_column_int64 (stmt, 0), error);
  g_autofree char *submitted_at = anju_time_format_iso8601 (sqlite3_column_int64 (stmt, 2));
  JsonObject *object;

  if (node == NULL)
    return NULL;
  object = json_node_get_object (node);
  json_object_set_string_member (object, "business_type_label",
                                 (const char *) sqlite3_column_text (stmt, 1));
  json_object_set_string_member (object, "submitted_at", submitted_at);
  return node;
}

static JsonNode *
progress_items (AnjuDb      *db,
                const char  *id_no,
                GError     **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "SELECT a.id, c.name, a.submitted_at"
                                           " FROM pubrent_applications a"
                                           " LEFT JOIN pubrent_codes c"
                                           " ON c.code_set = 'business_type'"
                                           " AND c.code = a.business_type"
                                           " WHERE a.id_no = ?1 AND a.submitted_at IS NOT NULL"
                                           " ORDER BY a.submitted_at DESC, a.id DESC",
                                           error);
  g_autoptr(JsonArray) items = json_array_new ();
  int rc;

  if (stmt == NULL)
    return NULL;
  anju_db_bind_text (stmt, 1, id_no);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JsonNode *item = progress_item (db, stmt, error);

      if (item == NULL)
        return NULL;
      json_array_add_element (items, item);
    }
  if (rc != SQLITE_DONE)
    {
      anju_db_set_error (db, error);
      return NULL;
    }
  return json_node_init_array (json_node_alloc (), items);
}

static void
handle_progress (AnjuRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id_no = NULL;
  g_autofree char *given = NULL;
  JsonObject *body;
  JsonObject *answer;
  JsonNode *items;

  if (!anju_review_count_progress_query (request))
    return;
  body = anju_request_parse_body (request, progress_body, &error);
  if (body == NULL)
    {
      anju_request_reply_error (request, error);
      return;
    }
  /* The check character may be read as a lower-case x. */
  given = anju_body_dup_trimmed (body, "id_no");
  id_no = g_ascii_strup (given, -1);
  items = progress_items (anju_request_get_db (request), id_no, &error);
  if (items == NULL)
    {
      anju_request_reply_error (request, error);
      return;
    }
  answer = json_object_new ();
  json_object_set_member (answer, "items", items);
  anju_request_reply_json (request, SOUP_STATUS_OK,
                           json_node_init_object (json_node_alloc (), answer));
  json_object_unref (answer);
}

static const AnjuRoute routes[] = {
  { "POST", "/api/v1/kiosk/progress", ANJU_PERM_KIOSK_OPERATE, ANJU_ROUTE_DEFAULT,
    handle_progress, "The progress of the card holder's applications", progress_body, "kiosk" },
};

const AnjuRoute *
_anju_kiosk_progress_routes (guint *n_routes)
{
  *n_routes = G_N_ELEMENTS (routes);
  return routes;
}
