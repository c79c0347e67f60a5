/* anju-terminal-layout.c: terminal_layouts.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anju-json-columns.h"
#include "anju-stmt.h"
#include "anju-terminal-layout.h"

const AnjuTerminalModule anju_terminal_layout_modules[] = {
  { "publicity", "公示信息" },
  { "policy", "政策宣传" },
  { "guides", "业务指南" },
  { "apply", "公租房申请" },
  { "progress", "办件查询" },
  { "print", "资料打印" },
  { "honor_roll", "光荣榜" },
  { NULL, NULL },
};

static const char *
module_name (const char *key)
{
  for (guint i = 0; anju_terminal_layout_modules[i].key != NULL; i++)
    {
      if (g_strcmp0 (anju_terminal_layout_modules[i].key, key) == 0)
        return anju_terminal_layout_modules[i].name;
    }
  return NULL;
}

static void
add_module (JsonBuilder *builder,
            const char  *key,
            gboolean     enabled)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "key");
  json_builder_add_string_value (builder, key);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, module_name (key));
  json_builder_set_member_name (builder, "enabled");
  json_builder_add_boolean_value (builder, enabled);
  json_builder_end_object (builder);
}

/* The saved modules, in their order; then any module the saved list lacks
 * (one added by a later version), off, so every key is always there. */
static void
add_modules (JsonBuilder *builder,
             const char  *saved)
{
  g_autoptr(JsonNode) node = saved != NULL ? json_from_string (saved, NULL) : NULL;
  JsonArray *array = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node)
                                                                   : NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  json_builder_set_member_name (builder, "modules");
  json_builder_begin_array (builder);
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *module = json_array_get_object_element (array, i);
      const char *key = json_object_get_string_member_with_default (module, "key", NULL);

      if (module_name (key) == NULL || g_hash_table_contains (seen, key))
        continue;
      g_hash_table_add (seen, (gpointer) key);
      add_module (builder, key,
                  json_object_get_boolean_member_with_default (module, "enabled", FALSE));
    }
  for (guint i = 0; anju_terminal_layout_modules[i].key != NULL; i++)
    {
      if (!g_hash_table_contains (seen, anju_terminal_layout_modules[i].key))
        add_module (builder, anju_terminal_layout_modules[i].key, saved == NULL);
    }
  json_builder_end_array (builder);
}

static JsonNode *
default_layout (gint64 terminal_id)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "terminal_id");
  json_builder_add_int_value (builder, terminal_id);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, ANJU_TERMINAL_LAYOUT_DEFAULT_TITLE);
  add_modules (builder, NULL);
  json_builder_set_member_name (builder, "banner_file_id");
  json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "theme");
  json_builder_add_string_value (builder, "standard");
  json_builder_set_member_name (builder, "updated_at");
  json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

JsonNode *
anju_terminal_layout_to_json (AnjuDb  *db,
                              gint64   terminal_id,
                              GError **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "SELECT title, modules, banner_file_id, theme,"
                                           " updated_at FROM terminal_layouts"
                                           " WHERE terminal_id = ?1",
                                           error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, terminal_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return default_layout (terminal_id);
  if (rc != SQLITE_ROW)
    {
      anju_db_set_error (db, error);
      return NULL;
    }
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "terminal_id");
  json_builder_add_int_value (builder, terminal_id);
  anju_json_add_text_column (builder, "title", stmt, 0);
  add_modules (builder, (const char *) sqlite3_column_text (stmt, 1));
  anju_json_add_id_column (builder, "banner_file_id", stmt, 2);
  anju_json_add_text_column (builder, "theme", stmt, 3);
  anju_json_add_time_column (builder, "updated_at", stmt, 4);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

gboolean
anju_terminal_layout_get_banner (AnjuDb  *db,
                                 gint64   terminal_id,
                                 gint64  *out_file_id,
                                 GError **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "SELECT banner_file_id FROM terminal_layouts"
                                           " WHERE terminal_id = ?1",
                                           error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, terminal_id);
  return anju_db_step_id (db, stmt, out_file_id, error);
}

gboolean
anju_terminal_layout_save (AnjuDb      *db,
                           gint64       terminal_id,
                           const char  *title,
                           JsonArray   *modules,
                           gint64       banner_file_id,
                           const char  *theme,
                           gint64       updated_by,
                           gint64       now,
                           GError     **error)
{
  g_autoptr(JsonNode) node = json_node_init_array (json_node_alloc (), modules);
  g_autofree char *text = json_to_string (node, FALSE);
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "INSERT INTO terminal_layouts (terminal_id, title,"
                                           " modules, banner_file_id, theme, updated_by,"
                                           " updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
                                           " ON CONFLICT (terminal_id) DO UPDATE SET"
                                           " title = excluded.title,"
                                           " modules = excluded.modules,"
                                           " banner_file_id = excluded.banner_file_id,"
                                           " theme = excluded.theme,"
                                           " updated_by = excluded.updated_by,"
                                           " updated_at = excluded.updated_at",
                                           error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, terminal_id);
  anju_db_bind_text (stmt, 2, title);
  anju_db_bind_text (stmt, 3, text);
  if (banner_file_id != 0)
    sqlite3_bind_int64 (stmt, 4, banner_file_id);
  anju_db_bind_text (stmt, 5, theme);
  if (updated_by != 0)
    sqlite3_bind_int64 (stmt, 6, updated_by);
  sqlite3_bind_int64 (stmt, 7, now);
  return anju_db_step_done (db, stmt, error);
}
