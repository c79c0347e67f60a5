/* anju-terminal-alert-store.c: alerts as JSON.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-json-columns.h"
#include "anju-stmt.h"
#include "anju-terminal-alert-store.h"

static void
add_terminal (JsonBuilder  *builder,
              sqlite3_stmt *stmt)
{
  json_builder_set_member_name (builder, "terminal");
  json_builder_begin_object (builder);
  anju_json_add_id_column (builder, "id", stmt, 1);
  anju_json_add_text_column (builder, "terminal_no", stmt, 2);
  anju_json_add_text_column (builder, "name", stmt, 3);
  anju_json_add_text_column (builder, "location", stmt, 4);
  json_builder_end_object (builder);
}

static void
add_handled_by (JsonBuilder  *builder,
                sqlite3_stmt *stmt)
{
  json_builder_set_member_name (builder, "handled_by");
  if (sqlite3_column_type (stmt, 11) == SQLITE_NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }
  json_builder_begin_object (builder);
  anju_json_add_id_column (builder, "id", stmt, 11);
  anju_json_add_text_column (builder, "name", stmt, 12);
  json_builder_end_object (builder);
}

JsonNode *
anju_terminal_alert_json_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  anju_json_add_id_column (builder, "id", stmt, 0);
  add_terminal (builder, stmt);
  anju_json_add_text_column (builder, "kind", stmt, 5);
  anju_json_add_text_column (builder, "peripheral", stmt, 6);
  anju_json_add_text_column (builder, "message", stmt, 7);
  anju_json_add_time_column (builder, "raised_at", stmt, 8);
  anju_json_add_text_column (builder, "state", stmt, 9);
  anju_json_add_time_column (builder, "recovered_at", stmt, 10);
  add_handled_by (builder, stmt);
  anju_json_add_time_column (builder, "handled_at", stmt, 13);
  anju_json_add_text_column (builder, "note", stmt, 14);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

JsonNode *
anju_terminal_alert_to_json (AnjuDb  *db,
                             gint64   id,
                             GError **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "SELECT " ANJU_TERMINAL_ALERT_COLUMNS
                                           " FROM" ANJU_TERMINAL_ALERT_FROM " WHERE a.id = ?1",
                                           error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!anju_db_step_row (db, stmt, ANJU_ERROR_NOT_FOUND, _("No such alert"), error))
    return NULL;
  return anju_terminal_alert_json_from_row (stmt);
}
