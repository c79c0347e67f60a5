/* anju-terminals-api.c: the terminal registry (F-TERM-001): list, read,
 * register, edit, delete, enable and disable.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-audit.h"
#include "anju-caller.h"
#include "anju-clock.h"
#include "anju-config.h"
#include "anju-permissions.h"
#include "anju-sql-pattern.h"
#include "anju-stmt.h"
#include "anju-terminal-input.h"
#include "anju-terminal-service-user.h"
#include "anju-terminals-private.h"
#include "anju-transaction.h"
#include "anju-validation.h"

gint64
_anju_terminals_now (AnjuRequest *request)
{
  return anju_clock_now_secs (anju_request_get_clock (request));
}

static AnjuTerminalJsonOptions
json_options (AnjuRequest *request,
              gboolean     for_history)
{
  AnjuCaller *caller = anju_request_get_caller (request);

  return (AnjuTerminalJsonOptions) {
    .reveal_pii = !for_history && anju_caller_has_permission (caller, ANJU_PERM_USER_PII),
    .with_status = !for_history,
    .now = _anju_terminals_now (request),
    .offline_after = anju_request_get_config (request)->terminals_offline_after_seconds,
  };
}

JsonNode *
_anju_terminals_json_for_caller (AnjuRequest  *request,
                                 gint64        id,
                                 GError      **error)
{
  AnjuTerminalJsonOptions options = json_options (request, FALSE);

  return anju_terminal_store_to_json (anju_request_get_db (request), id, &options, error);
}

JsonNode *
_anju_terminals_json_for_history (AnjuRequest  *request,
                                  gint64        id,
                                  GError      **error)
{
  AnjuTerminalJsonOptions options = json_options (request, TRUE);

  return anju_terminal_store_to_json (anju_request_get_db (request), id, &options, error);
}

gboolean
_anju_terminals_load_for_action (AnjuRequest     *request,
                                 gint64           id,
                                 AnjuTerminalRef *out_ref)
{
  g_autoptr(GError) error = NULL;

  if (!anju_terminal_store_load (anju_request_get_db (request), id, out_ref, &error))
    {
      anju_request_reply_error (request, error);
      return FALSE;
    }
  if (!anju_caller_can_see_org_path (anju_request_get_caller (request), out_ref->org_path))
    {
      anju_reply_error_code (request, ANJU_ERROR_FORBIDDEN,
                             _("This terminal is outside your data scope"));
      return FALSE;
    }
  return TRUE;
}

gboolean
_anju_terminals_record (AnjuRequest  *request,
                        gint64        terminal_id,
                        const char   *action,
                        JsonNode     *before,
                        JsonNode     *after,
                        GError      **error)
{
  AnjuCaller *caller = anju_request_get_caller (request);
  g_autofree char *audit_action = g_strconcat ("terminal.", action, NULL);

  return anju_terminal_store_add_change (anju_request_get_db (request), terminal_id, action,
                                         _anju_terminals_now (request), caller->user_id,
                                         caller->display_name, before, after, error)
         && anju_audit_record (request, NULL, audit_action, ANJU_TERMINALS_ENTITY, terminal_id,
                               before, after, error);
}

static void
reply_terminal (AnjuRequest *request,
                gint64       id,
                guint        status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = _anju_terminals_json_for_caller (request, id, &error);

  if (node == NULL)
    anju_request_reply_error (request, error);
  else
    anju_request_reply_json (request, status, g_steal_pointer (&node));
}

/* ---- list ---- */

typedef struct
{
  const char *scope_path;
  const char *pattern;
  gint64      org_id;
  const char *state;
  const char *online;
  gint64      now;
  gint64      offline_after;
} TerminalListFilters;

static void
bind_list_filters (sqlite3_stmt  *stmt,
                   gconstpointer  bind_data)
{
  const TerminalListFilters *filters = bind_data;

  anju_db_bind_text (stmt, 1, filters->scope_path);
  anju_db_bind_text (stmt, 2, filters->pattern);
  if (filters->org_id != 0)
    sqlite3_bind_int64 (stmt, 3, filters->org_id);
  anju_db_bind_text (stmt, 4, filters->state);
  if (filters->online != NULL)
    sqlite3_bind_int (stmt, 5, g_str_equal (filters->online, "true"));
  sqlite3_bind_int64 (stmt, 6, filters->now - filters->offline_after);
}

static JsonNode *
terminal_item (sqlite3_stmt  *stmt,
               gpointer       user_data,
               GError       **error)
{
  AnjuTerminalJsonOptions options = json_options (user_data, FALSE);

  return anju_terminal_json_from_row (stmt, &options);
}

static gboolean
read_list_filters (AnjuRequest         *request,
                   TerminalListFilters *filters,
                   GError             **error)
{
  static const char * const states[] = { "enabled", "disabled", NULL };
  static const char * const booleans[] = { "true", "false", NULL };
  gboolean present = FALSE;

  if (!anju_request_get_query_int (request, "org_id", &filters->org_id, &present, error))
    return FALSE;
  if (filters->state != NULL && !g_strv_contains (states, filters->state))
    anju_request_add_field_error (request, "state", _("Must be “enabled” or “disabled”"));
  if (filters->online != NULL && !g_strv_contains (booleans, filters->online))
    anju_request_add_field_error (request, "online", _("Must be “true” or “false”"));
  return TRUE;
}

static void
handle_list (AnjuRequest *request)
{
#define TERMINAL_LIST_WHERE \
  " WHERE t.state <> 'deleted' AND o.path LIKE ?1 || '%'" \
  " AND (?2 IS NULL OR t.sn LIKE ?2 ESCAPE '\\' OR t.terminal_no LIKE ?2 ESCAPE '\\'" \
  "      OR t.name LIKE ?2 ESCAPE '\\' OR t.location LIKE ?2 ESCAPE '\\')" \
  " AND (?3 IS NULL OR t.org_id = ?3)" \
  " AND (?4 IS NULL OR t.state = ?4)" \
  " AND (?5 IS NULL OR ?5 = (t.last_heartbeat_at IS NOT NULL AND t.last_heartbeat_at >= ?6))"
  g_autofree char *pattern = anju_sql_contains_pattern (anju_request_get_query (request, "q"));
  TerminalListFilters filters = {
    .scope_path = anju_request_get_caller (request)->org_path,
    .pattern = pattern,
    .state = anju_request_get_query (request, "state"),
    .online = anju_request_get_query (request, "online"),
    .now = _anju_terminals_now (request),
    .offline_after = anju_request_get_config (request)->terminals_offline_after_seconds,
  };
  g_autoptr(GError) error = NULL;
  guint page, page_size;

  if (!anju_request_get_paging (request, &page, &page_size, &error)
      || !read_list_filters (request, &filters, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  if (anju_request_has_field_errors (request))
    {
      anju_reply_validation_failed (request);
      return;
    }
  anju_request_reply_list (request,
                           "SELECT COUNT(*) FROM" ANJU_TERMINAL_FROM TERMINAL_LIST_WHERE,
                           "SELECT " ANJU_TERMINAL_COLUMNS " FROM" ANJU_TERMINAL_FROM
                           TERMINAL_LIST_WHERE " ORDER BY t.terminal_no, t.id LIMIT ?7 OFFSET ?8",
                           7, page, page_size, bind_list_filters, &filters,
                           terminal_item, request);
#undef TERMINAL_LIST_WHERE
}

/* ---- detail ---- */

/* 404 for a terminal outside the scope too: reads never tell it exists. */
gboolean
_anju_terminals_load_for_read (AnjuRequest     *request,
                               gint64           id,
                               AnjuTerminalRef *out_ref)
{
  g_autoptr(GError) error = NULL;

  if (anju_terminal_store_load (anju_request_get_db (request), id, out_ref, &error)
      && !anju_caller_can_see_org_path (anju_request_get_caller (request), out_ref->org_path))
    g_set_error_literal (&error, ANJU_ERROR, ANJU_ERROR_NOT_FOUND, _("No such terminal"));
  if (error != NULL)
    {
      anju_request_reply_error (request, error);
      return FALSE;
    }
  return TRUE;
}

static void
handle_get (AnjuRequest *request)
{
  g_auto(AnjuTerminalRef) terminal = { 0, };
  gint64 id;

  if (anju_request_get_path_id (request, "id", &id)
      && _anju_terminals_load_for_read (request, id, &terminal))
    reply_terminal (request, id, SOUP_STATUS_OK);
}

/* ---- register and edit ---- */

/* 409 when another terminal (deleted ones too: they keep their numbers
 * for the history) has the SN or number, or another account the service
 * user's name.  Replies and returns FALSE on a clash. */
static gboolean
check_unique (AnjuRequest             *request,
              const AnjuTerminalInput *input,
              gint64                   self_id,
              gint64                   self_user_id)
{
  AnjuDb *db = anju_request_get_db (request);
  g_auto(AnjuStmt) stmt = NULL;
  g_autofree char *username = anju_terminal_service_username (input->terminal_no);
  g_autoptr(GError) error = NULL;
  gint64 same_sn = 0, same_no = 0, same_user = 0;

  stmt = anju_db_prepare (db,
                          "SELECT (SELECT id FROM terminals WHERE sn = ?1 AND id <> ?3),"
                          " (SELECT id FROM terminals WHERE terminal_no = ?2 AND id <> ?3),"
                          " (SELECT id FROM users WHERE username = ?4 AND id <> ?5)",
                          &error);
  if (stmt != NULL)
    {
      anju_db_bind_text (stmt, 1, input->sn);
      anju_db_bind_text (stmt, 2, input->terminal_no);
      sqlite3_bind_int64 (stmt, 3, self_id);
      anju_db_bind_text (stmt, 4, username);
      sqlite3_bind_int64 (stmt, 5, self_user_id);
      if (anju_db_step_row (db, stmt, ANJU_ERROR_DATABASE, "no row", &error))
        {
          same_sn = sqlite3_column_int64 (stmt, 0);
          same_no = sqlite3_column_int64 (stmt, 1);
          same_user = sqlite3_column_int64 (stmt, 2);
        }
    }
  if (error != NULL)
    anju_request_reply_error (request, error);
  else if (same_sn != 0)
    anju_reply_error_code (request, ANJU_ERROR_CONFLICT,
                           _("A terminal with this serial number is already registered"));
  else if (same_no != 0)
    anju_reply_error_code (request, ANJU_ERROR_CONFLICT,
                           _("A terminal with this number is already registered"));
  else if (same_user != 0)
    anju_reply_error_code (request, ANJU_ERROR_CONFLICT,
                           _("An account named after this terminal number already exists"));
  return error == NULL && same_sn == 0 && same_no == 0 && same_user == 0;
}

/* 422 with every field error, 403 for an organisation outside the
 * caller's scope, 409 for a clash; replies and returns FALSE. */
static gboolean
check_input (AnjuRequest       *request,
             JsonObject        *body,
             JsonObject        *current,
             AnjuTerminalInput *input,
             gint64             self_id,
             gint64             self_user_id)
{
  g_autoptr(GError) error = NULL;

  if (!anju_terminal_input_read (request, body, current, input, &error))
    {
      anju_request_reply_error (request, error);
      return FALSE;
    }
  if (anju_request_has_field_errors (request))
    {
      anju_reply_validation_failed (request);
      return FALSE;
    }
  if (!anju_caller_can_see_org_path (anju_request_get_caller (request), input->org.path))
    {
      anju_reply_error_code (request, ANJU_ERROR_FORBIDDEN,
                             _("This organisation is outside your data scope"));
      return FALSE;
    }
  return check_unique (request, input, self_id, self_user_id);
}

static void
bind_input (sqlite3_stmt            *stmt,
            const AnjuTerminalInput *input)
{
  g_autofree char *peripherals = anju_terminal_input_peripherals_text (input);

  anju_db_bind_text (stmt, 1, input->sn);
  anju_db_bind_text (stmt, 2, input->terminal_no);
  anju_db_bind_text (stmt, 3, input->name);
  anju_db_bind_text (stmt, 4, input->person_in_charge);
  anju_db_bind_text (stmt, 5, input->person_phone);
  sqlite3_bind_int64 (stmt, 6, input->org.id);
  anju_db_bind_text (stmt, 7, input->location);
  anju_db_bind_text (stmt, 8, input->network);
  anju_db_bind_text (stmt, 9, input->model);
  sqlite3_bind_text (stmt, 10, peripherals, -1, SQLITE_TRANSIENT);
}

static gint64
insert_terminal (AnjuDb                  *db,
                 const AnjuTerminalInput *input,
                 gint64                   service_user_id,
                 gint64                   now,
                 GError                 **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "INSERT INTO terminals (sn, terminal_no, name,"
                                           " person_in_charge, person_phone, org_id, location,"
                                           " network, model, peripherals, service_user_id,"
                                           " created_at, updated_at)"
                                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
                                           " ?11, ?12, ?12)",
                                           error);

  if (stmt == NULL)
    return 0;
  bind_input (stmt, input);
  sqlite3_bind_int64 (stmt, 11, service_user_id);
  sqlite3_bind_int64 (stmt, 12, now);
  if (!anju_db_step_done (db, stmt, error))
    return 0;
  return anju_db_last_insert_id (db);
}

static gboolean
write_create (AnjuRequest             *request,
              const AnjuTerminalInput *input,
              gint64                  *out_id,
              GError                 **error)
{
  AnjuDb *db = anju_request_get_db (request);
  gint64 now = _anju_terminals_now (request);
  g_autoptr(JsonNode) after = NULL;
  gint64 user_id;

  user_id = anju_terminal_service_user_create (db, input->terminal_no, input->name,
                                               input->org.id, now, error);
  *out_id = user_id != 0 ? insert_terminal (db, input, user_id, now, error) : 0;
  return *out_id != 0
         && (after = _anju_terminals_json_for_history (request, *out_id, error)) != NULL
         && _anju_terminals_record (request, *out_id, "create", NULL, after, error);
}

static void
handle_create (AnjuRequest *request)
{
  AnjuDb *db = anju_request_get_db (request);
  g_autoptr(GError) error = NULL;
  g_auto(AnjuTerminalInput) input = { 0, };
  JsonObject *body;
  gint64 id = 0;
  gboolean ok;

  body = anju_request_parse_body (request, anju_terminal_create_body, &error);
  if (body == NULL)
    {
      anju_request_reply_error (request, error);
      return;
    }
  if (!check_input (request, body, NULL, &input, 0, 0))
    return;
  if (!anju_db_begin (db, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  ok = write_create (request, &input, &id, &error);
  if (!anju_transaction_end (db, ok, &error))
    anju_request_reply_error (request, error);
  else
    reply_terminal (request, id, SOUP_STATUS_CREATED);
}

static gboolean
update_terminal (AnjuDb                  *db,
                 gint64                   id,
                 const AnjuTerminalInput *input,
                 gint64                   now,
                 GError                 **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "UPDATE terminals SET sn = ?1, terminal_no = ?2,"
                                           " name = ?3, person_in_charge = ?4,"
                                           " person_phone = ?5, org_id = ?6, location = ?7,"
                                           " network = ?8, model = ?9, peripherals = ?10,"
                                           " updated_at = ?12 WHERE id = ?11",
                                           error);

  if (stmt == NULL)
    return FALSE;
  bind_input (stmt, input);
  sqlite3_bind_int64 (stmt, 11, id);
  sqlite3_bind_int64 (stmt, 12, now);
  return anju_db_step_done (db, stmt, error);
}

static gboolean
write_update (AnjuRequest             *request,
              const AnjuTerminalRef   *terminal,
              const AnjuTerminalInput *input,
              GError                 **error)
{
  AnjuDb *db = anju_request_get_db (request);
  gint64 now = _anju_terminals_now (request);
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;

  return (before = _anju_terminals_json_for_history (request, terminal->id, error)) != NULL
         && update_terminal (db, terminal->id, input, now, error)
         && anju_terminal_service_user_update (db, terminal->service_user_id,
                                               input->terminal_no, input->name, input->org.id,
                                               now, error)
         && (after = _anju_terminals_json_for_history (request, terminal->id, error)) != NULL
         && _anju_terminals_record (request, terminal->id, "update", before, after, error);
}

static void
handle_update (AnjuRequest *request)
{
  AnjuDb *db = anju_request_get_db (request);
  g_autoptr(GError) error = NULL;
  g_auto(AnjuTerminalRef) terminal = { 0, };
  g_auto(AnjuTerminalInput) input = { 0, };
  g_autoptr(JsonNode) current = NULL;
  AnjuTerminalJsonOptions everything = { .reveal_pii = TRUE };
  JsonObject *body;
  gint64 id;
  gboolean ok;

  if (!anju_request_get_path_id (request, "id", &id)
      || !_anju_terminals_load_for_action (request, id, &terminal))
    return;
  body = anju_request_parse_body (request, anju_terminal_update_body, &error);
  if (body != NULL)
    current = anju_terminal_store_to_json (db, id, &everything, &error);
  if (current == NULL)
    {
      anju_request_reply_error (request, error);
      return;
    }
  if (!check_input (request, body, json_node_get_object (current), &input, id,
                    terminal.service_user_id))
    return;
  if (!anju_db_begin (db, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  ok = write_update (request, &terminal, &input, &error);
  if (!anju_transaction_end (db, ok, &error))
    anju_request_reply_error (request, error);
  else
    reply_terminal (request, id, SOUP_STATUS_OK);
}

/* ---- state: enable, disable, delete ---- */

/* Deleting also revokes an active credential and ends the active alerts:
 * nobody is to be told about a terminal that no longer exists. */
static gboolean
set_state (AnjuDb      *db,
           gint64       id,
           const char  *state,
           gint64       now,
           GError     **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "UPDATE terminals SET state = ?2, updated_at = ?3,"
                                           " credential_revoked_at = CASE"
                                           "   WHEN ?2 = 'deleted' AND credential_hash IS NOT NULL"
                                           "   AND credential_revoked_at IS NULL THEN ?3"
                                           "   ELSE credential_revoked_at END"
                                           " WHERE id = ?1",
                                           error);
  g_auto(AnjuStmt) alerts = NULL;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  anju_db_bind_text (stmt, 2, state);
  sqlite3_bind_int64 (stmt, 3, now);
  if (!anju_db_step_done (db, stmt, error))
    return FALSE;
  if (!g_str_equal (state, "deleted"))
    return TRUE;
  alerts = anju_db_prepare (db,
                            "UPDATE terminal_alerts SET recovered_at = ?2,"
                            " state = CASE WHEN state = 'open' THEN 'recovered' ELSE state END"
                            " WHERE terminal_id = ?1 AND recovered_at IS NULL",
                            error);
  if (alerts == NULL)
    return FALSE;
  sqlite3_bind_int64 (alerts, 1, id);
  sqlite3_bind_int64 (alerts, 2, now);
  return anju_db_step_done (db, alerts, error);
}

static gboolean
write_state (AnjuRequest           *request,
             const AnjuTerminalRef *terminal,
             const char            *state,
             const char            *action,
             GError               **error)
{
  AnjuDb *db = anju_request_get_db (request);
  gint64 now = _anju_terminals_now (request);
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;

  if (!anju_db_begin (db, error))
    return FALSE;
  return anju_transaction_end (
    db,
    (before = _anju_terminals_json_for_history (request, terminal->id, error)) != NULL
    && set_state (db, terminal->id, state, now, error)
    && (!g_str_equal (state, "deleted")
        || anju_terminal_service_user_disable (db, terminal->service_user_id, now, error))
    && (after = _anju_terminals_json_for_history (request, terminal->id, error)) != NULL
    && _anju_terminals_record (request, terminal->id, action, before, after, error),
    error);
}

static void
change_state (AnjuRequest *request,
              const char  *state,
              const char  *action,
              const char  *already)
{
  g_auto(AnjuTerminalRef) terminal = { 0, };
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!anju_request_get_path_id (request, "id", &id)
      || !_anju_terminals_load_for_action (request, id, &terminal))
    return;
  if (already != NULL && g_str_equal (terminal.state, state))
    {
      anju_reply_error_code (request, ANJU_ERROR_CONFLICT, already);
      return;
    }
  if (!write_state (request, &terminal, state, action, &error))
    anju_request_reply_error (request, error);
  else if (g_str_equal (state, "deleted"))
    anju_request_reply_no_content (request);
  else
    reply_terminal (request, id, SOUP_STATUS_OK);
}

static void
handle_enable (AnjuRequest *request)
{
  change_state (request, "enabled", "enable", _("This terminal is already enabled"));
}

static void
handle_disable (AnjuRequest *request)
{
  change_state (request, "disabled", "disable", _("This terminal is already disabled"));
}

static void
handle_delete (AnjuRequest *request)
{
  change_state (request, "deleted", "delete", NULL);
}

/* ---- routes ---- */

#define PERM ANJU_TERMINALS_PERM_MANAGE

static const AnjuRoute registry_routes[] = {
  { "GET", "/api/v1/terminals", PERM, ANJU_ROUTE_DEFAULT, handle_list,
    "Registered terminals by number; filters q (SN, number, name, location), org_id, state, "
    "online", NULL, "terminals" },
  { "POST", "/api/v1/terminals", PERM, ANJU_ROUTE_DEFAULT, handle_create,
    "Register a terminal (and its service user); enabled, no credential yet",
    anju_terminal_create_body, "terminals" },
  { "GET", "/api/v1/terminals/{id}", PERM, ANJU_ROUTE_DEFAULT, handle_get,
    "One terminal", NULL, "terminals" },
  { "PATCH", "/api/v1/terminals/{id}", PERM, ANJU_ROUTE_DEFAULT, handle_update,
    "Edit a terminal's registration", anju_terminal_update_body, "terminals" },
  { "DELETE", "/api/v1/terminals/{id}", PERM, ANJU_ROUTE_DEFAULT, handle_delete,
    "Delete a terminal: credential revoked, service user disabled, history kept", NULL,
    "terminals" },
  { "POST", "/api/v1/terminals/{id}/enable", PERM, ANJU_ROUTE_DEFAULT, handle_enable,
    "Enable a terminal", NULL, "terminals" },
  { "POST", "/api/v1/terminals/{id}/disable", PERM, ANJU_ROUTE_DEFAULT, handle_disable,
    "Disable a terminal: its requests are refused", NULL, "terminals" },
};

const AnjuRoute *
_anju_terminals_registry_routes (guint *n_routes)
{
  *n_routes = G_N_ELEMENTS (registry_routes);
  return registry_routes;
}
