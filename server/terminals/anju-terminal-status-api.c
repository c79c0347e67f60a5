/* anju-terminal-status-api.c: the peripheral status board and the alerts
 * (F-TERM-003).
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-audit.h"
#include "anju-caller.h"
#include "anju-config.h"
#include "anju-json-columns.h"
#include "anju-stmt.h"
#include "anju-terminal-alert-store.h"
#include "anju-terminals-private.h"
#include "anju-transaction.h"
#include "anju-validation.h"

#define MAX_NOTE_LENGTH 500

/* ---- status board ---- */

static gboolean
add_peripherals (AnjuDb       *db,
                 JsonBuilder  *builder,
                 gint64        terminal_id,
                 GError      **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "SELECT kind, state, message, since"
                                           " FROM terminal_peripherals WHERE terminal_id = ?1"
                                           " ORDER BY CASE kind WHEN 'camera' THEN 1"
                                           " WHEN 'fingerprint' THEN 2 WHEN 'id_reader' THEN 3"
                                           " ELSE 4 END",
                                           error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, terminal_id);
  json_builder_set_member_name (builder, "peripherals");
  json_builder_begin_array (builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      json_builder_begin_object (builder);
      anju_json_add_text_column (builder, "kind", stmt, 0);
      anju_json_add_text_column (builder, "state", stmt, 1);
      anju_json_add_text_column (builder, "message", stmt, 2);
      anju_json_add_time_column (builder, "since", stmt, 3);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  if (rc != SQLITE_DONE)
    {
      anju_db_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

static void
add_status_terminal (JsonBuilder  *builder,
                     sqlite3_stmt *stmt)
{
  json_builder_set_member_name (builder, "terminal");
  json_builder_begin_object (builder);
  anju_json_add_id_column (builder, "id", stmt, 0);
  anju_json_add_text_column (builder, "terminal_no", stmt, 1);
  anju_json_add_text_column (builder, "name", stmt, 2);
  anju_json_add_text_column (builder, "location", stmt, 3);
  anju_json_add_text_column (builder, "state", stmt, 4);
  json_builder_set_member_name (builder, "org");
  json_builder_begin_object (builder);
  anju_json_add_id_column (builder, "id", stmt, 5);
  anju_json_add_text_column (builder, "name", stmt, 6);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

static gboolean
add_status_item (AnjuDb        *db,
                 JsonBuilder   *builder,
                 sqlite3_stmt  *stmt,
                 gint64         online_since,
                 GError       **error)
{
  gboolean has_heartbeat = sqlite3_column_type (stmt, 7) != SQLITE_NULL;

  json_builder_begin_object (builder);
  add_status_terminal (builder, stmt);
  json_builder_set_member_name (builder, "online");
  json_builder_add_boolean_value (builder, has_heartbeat
                                  && sqlite3_column_int64 (stmt, 7) >= online_since);
  anju_json_add_time_column (builder, "last_heartbeat_at", stmt, 7);
  anju_json_add_text_column (builder, "app_version", stmt, 8);
  if (!add_peripherals (db, builder, sqlite3_column_int64 (stmt, 0), error))
    return FALSE;
  json_builder_end_object (builder);
  return TRUE;
}

static JsonNode *
status_to_json (AnjuRequest  *request,
                gint64        org_id,
                GError      **error)
{
  AnjuDb *db = anju_request_get_db (request);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "SELECT t.id, t.terminal_no, t.name, t.location,"
                                           " t.state, o.id, o.name, t.last_heartbeat_at,"
                                           " t.app_version FROM" ANJU_TERMINAL_FROM
                                           " WHERE t.state <> 'deleted'"
                                           " AND o.path LIKE ?1 || '%'"
                                           " AND (?2 = 0 OR t.org_id = ?2)"
                                           " ORDER BY t.terminal_no, t.id",
                                           error);
  gint64 online_since = _anju_terminals_now (request)
                        - anju_request_get_config (request)->terminals_offline_after_seconds;
  int rc;

  if (stmt == NULL)
    return NULL;
  anju_db_bind_text (stmt, 1, anju_request_get_caller (request)->org_path);
  sqlite3_bind_int64 (stmt, 2, org_id);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (!add_status_item (db, builder, stmt, online_since, error))
        return NULL;
    }
  if (rc != SQLITE_DONE)
    {
      anju_db_set_error (db, error);
      return NULL;
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
handle_status (AnjuRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  gboolean present = FALSE;
  gint64 org_id = 0;

  if (anju_request_get_query_int (request, "org_id", &org_id, &present, &error))
    node = status_to_json (request, org_id, &error);
  if (node == NULL)
    anju_request_reply_error (request, error);
  else
    anju_request_reply_json (request, SOUP_STATUS_OK, g_steal_pointer (&node));
}

/* ---- alerts ---- */

typedef struct
{
  const char *scope_path;
  const char *state;
  gint64      terminal_id;
} AlertListFilters;

static void
bind_alert_filters (sqlite3_stmt  *stmt,
                    gconstpointer  bind_data)
{
  const AlertListFilters *filters = bind_data;

  anju_db_bind_text (stmt, 1, filters->scope_path);
  anju_db_bind_text (stmt, 2, filters->state);
  sqlite3_bind_int64 (stmt, 3, filters->terminal_id);
}

static JsonNode *
alert_item (sqlite3_stmt  *stmt,
            gpointer       user_data,
            GError       **error)
{
  return anju_terminal_alert_json_from_row (stmt);
}

static void
handle_alerts (AnjuRequest *request)
{
#define ALERT_LIST_WHERE \
  " WHERE o.path LIKE ?1 || '%'" \
  " AND (?2 IS NULL OR a.state = ?2)" \
  " AND (?3 = 0 OR a.terminal_id = ?3)"
  static const char * const states[] = { "open", "handled", "recovered", NULL };
  AlertListFilters filters = {
    .scope_path = anju_request_get_caller (request)->org_path,
    .state = anju_request_get_query (request, "state"),
  };
  g_autoptr(GError) error = NULL;
  gboolean present = FALSE;
  guint page, page_size;

  if (!anju_request_get_paging (request, &page, &page_size, &error)
      || !anju_request_get_query_int (request, "terminal_id", &filters.terminal_id, &present,
                                      &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  if (filters.state != NULL && !g_strv_contains (states, filters.state))
    {
      anju_reply_field_error (request, "state",
                              _("Must be “open”, “handled” or “recovered”"));
      return;
    }
  anju_request_reply_list (request,
                           "SELECT COUNT(*) FROM" ANJU_TERMINAL_ALERT_FROM ALERT_LIST_WHERE,
                           "SELECT " ANJU_TERMINAL_ALERT_COLUMNS " FROM" ANJU_TERMINAL_ALERT_FROM
                           ALERT_LIST_WHERE " ORDER BY a.raised_at DESC, a.id DESC"
                           " LIMIT ?4 OFFSET ?5",
                           4, page, page_size, bind_alert_filters, &filters, alert_item, NULL);
#undef ALERT_LIST_WHERE
}

static const AnjuFieldSpec handle_body[] = {
  { "note", ANJU_FIELD_STRING, ANJU_FIELD_NULLABLE, NULL, MAX_NOTE_LENGTH,
    "What was done about it" },
  { NULL }
};

/* The alert's state and terminal; replies 404 (unknown, or outside the
 * scope) and returns FALSE. */
static gboolean
load_alert (AnjuRequest  *request,
            gint64        id,
            char        **out_state,
            gint64       *out_terminal_id)
{
  AnjuDb *db = anju_request_get_db (request);
  g_autoptr(GError) error = NULL;
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "SELECT a.state, a.terminal_id, o.path"
                                           " FROM" ANJU_TERMINAL_ALERT_FROM " WHERE a.id = ?1",
                                           &error);

  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      if (anju_db_step_row (db, stmt, ANJU_ERROR_NOT_FOUND, _("No such alert"), &error)
          && !anju_caller_can_see_org_path (anju_request_get_caller (request),
                                            (const char *) sqlite3_column_text (stmt, 2)))
        g_set_error_literal (&error, ANJU_ERROR, ANJU_ERROR_NOT_FOUND, _("No such alert"));
    }
  if (error != NULL)
    {
      anju_request_reply_error (request, error);
      return FALSE;
    }
  *out_state = anju_db_column_dup (stmt, 0);
  *out_terminal_id = sqlite3_column_int64 (stmt, 1);
  return TRUE;
}

static gboolean
mark_handled (AnjuRequest  *request,
              gint64        id,
              const char   *note,
              GError      **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (anju_request_get_db (request),
                                           "UPDATE terminal_alerts SET state = 'handled',"
                                           " handled_by = ?2, handled_at = ?3, note = ?4"
                                           " WHERE id = ?1",
                                           error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, anju_request_get_caller (request)->user_id);
  sqlite3_bind_int64 (stmt, 3, _anju_terminals_now (request));
  anju_db_bind_text (stmt, 4, note);
  return anju_db_step_done (anju_request_get_db (request), stmt, error);
}

static gboolean
write_handle (AnjuRequest  *request,
              gint64        id,
              gint64        terminal_id,
              const char   *note,
              JsonNode    **out_after,
              GError      **error)
{
  AnjuDb *db = anju_request_get_db (request);
  AnjuCaller *caller = anju_request_get_caller (request);
  g_autoptr(JsonNode) before = NULL;

  if (!anju_db_begin (db, error))
    return FALSE;
  return anju_transaction_end (
    db,
    (before = anju_terminal_alert_to_json (db, id, error)) != NULL
    && mark_handled (request, id, note, error)
    && (*out_after = anju_terminal_alert_to_json (db, id, error)) != NULL
    && anju_terminal_store_add_change (db, terminal_id, "alert.handle",
                                       _anju_terminals_now (request), caller->user_id,
                                       caller->display_name, before, *out_after, error)
    && anju_audit_record (request, NULL, "terminal.alert.handle", ANJU_TERMINALS_ALERT_ENTITY,
                          id, before, *out_after, error),
    error);
}

static void
handle_handle (AnjuRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autofree char *state = NULL;
  g_autofree char *note = NULL;
  JsonObject *body;
  gint64 id, terminal_id = 0;

  if (!anju_request_get_path_id (request, "id", &id)
      || !load_alert (request, id, &state, &terminal_id))
    return;
  body = anju_request_parse_body (request, handle_body, &error);
  if (body == NULL)
    {
      anju_request_reply_error (request, error);
      return;
    }
  if (g_str_equal (state, "handled"))
    {
      anju_reply_error_code (request, ANJU_ERROR_CONFLICT, _("This alert has been handled"));
      return;
    }
  note = anju_body_dup_trimmed (body, "note");
  if (note != NULL && *note == '\0')
    g_clear_pointer (&note, g_free);
  if (!write_handle (request, id, terminal_id, note, &after, &error))
    anju_request_reply_error (request, error);
  else
    anju_request_reply_json (request, SOUP_STATUS_OK, g_steal_pointer (&after));
}

/* Before the registry's routes: "status" and "alerts" are not ids. */
static const AnjuRoute status_routes[] = {
  { "GET", "/api/v1/terminals/status", ANJU_TERMINALS_PERM_MANAGE, ANJU_ROUTE_DEFAULT,
    handle_status, "Every terminal's heartbeat and peripherals; filter org_id", NULL,
    "terminals" },
  { "GET", "/api/v1/terminals/alerts", ANJU_TERMINALS_PERM_MANAGE, ANJU_ROUTE_DEFAULT,
    handle_alerts, "Terminal alerts, newest first; filters state, terminal_id", NULL,
    "terminals" },
  { "POST", "/api/v1/terminals/alerts/{id}/handle", ANJU_TERMINALS_PERM_MANAGE,
    ANJU_ROUTE_DEFAULT, handle_handle, "Mark an alert handled, with a note", handle_body,
    "terminals" },
};

const AnjuRoute *
_anju_terminals_status_routes (guint *n_routes)
{
  *n_routes = G_N_ELEMENTS (status_routes);
  return status_routes;
}
