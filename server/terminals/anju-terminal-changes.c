/* anju-terminal-changes.c: GET /terminals/{id}/changes, the full history
 * of a terminal's registration (F-TERM-001), newest first.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anju-json-columns.h"
#include "anju-stmt.h"
#include "anju-terminals-private.h"

static JsonNode *
parse_json_column (sqlite3_stmt *stmt,
                   int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  if (text == NULL)
    return json_node_new (JSON_NODE_NULL);
  return json_from_string (text, NULL);
}

static void
add_change (JsonBuilder  *builder,
            sqlite3_stmt *stmt)
{
  json_builder_begin_object (builder);
  anju_json_add_id_column (builder, "id", stmt, 0);
  anju_json_add_text_column (builder, "action", stmt, 1);
  anju_json_add_time_column (builder, "at", stmt, 2);
  json_builder_set_member_name (builder, "by");
  json_builder_begin_object (builder);
  anju_json_add_id_column (builder, "id", stmt, 3);
  anju_json_add_text_column (builder, "name", stmt, 4);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "before");
  json_builder_add_value (builder, parse_json_column (stmt, 5));
  json_builder_set_member_name (builder, "after");
  json_builder_add_value (builder, parse_json_column (stmt, 6));
  json_builder_end_object (builder);
}

static JsonNode *
changes_to_json (AnjuDb  *db,
                 gint64   id,
                 GError **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "SELECT c.id, c.action, c.at, c.actor_id,"
                                           " COALESCE(u.name, c.actor_name),"
                                           " c.before_json, c.after_json"
                                           " FROM terminal_changes c"
                                           " LEFT JOIN users u ON u.id = c.actor_id"
                                           " WHERE c.terminal_id = ?1 ORDER BY c.id DESC",
                                           error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    add_change (builder, stmt);
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
handle_changes (AnjuRequest *request)
{
  g_auto(AnjuTerminalRef) terminal = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  gint64 id;

  if (!anju_request_get_path_id (request, "id", &id)
      || !_anju_terminals_load_for_read (request, id, &terminal))
    return;
  node = changes_to_json (anju_request_get_db (request), id, &error);
  if (node == NULL)
    anju_request_reply_error (request, error);
  else
    anju_request_reply_json (request, SOUP_STATUS_OK, g_steal_pointer (&node));
}

static const AnjuRoute changes_routes[] = {
  { "GET", "/api/v1/terminals/{id}/changes", ANJU_TERMINALS_PERM_MANAGE, ANJU_ROUTE_DEFAULT,
    handle_changes, "The terminal's change history, newest first", NULL, "terminals" },
};

const AnjuRoute *
_anju_terminals_changes_routes (guint *n_routes)
{
  *n_routes = G_N_ELEMENTS (changes_routes);
  return changes_routes;
}
