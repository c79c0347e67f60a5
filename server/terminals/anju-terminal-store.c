/* anju-terminal-store.c: terminals in the database.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-json-columns.h"
#include "anju-mask.h"
#include "anju-stmt.h"
#include "anju-terminal-store.h"

const char * const anju_terminal_peripheral_kinds[] = {
  "camera", "fingerprint", "id_reader", "printer", NULL
};

void
anju_terminal_ref_clear (AnjuTerminalRef *ref)
{
  g_clear_pointer (&ref->sn, g_free);
  g_clear_pointer (&ref->terminal_no, g_free);
  g_clear_pointer (&ref->name, g_free);
  g_clear_pointer (&ref->location, g_free);
  g_clear_pointer (&ref->state, g_free);
  g_clear_pointer (&ref->org_name, g_free);
  g_clear_pointer (&ref->org_path, g_free);
}

gboolean
anju_terminal_store_load (AnjuDb           *db,
                          gint64            id,
                          AnjuTerminalRef  *out_ref,
                          GError          **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "SELECT t.sn, t.terminal_no, t.name, t.location,"
                                           " t.state, o.id, o.name, o.path, t.service_user_id,"
                                           " t.credential_hash IS NOT NULL"
                                           " AND t.credential_revoked_at IS NULL"
                                           " FROM" ANJU_TERMINAL_FROM
                                           " WHERE t.id = ?1 AND t.state <> 'deleted'",
                                           error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!anju_db_step_row (db, stmt, ANJU_ERROR_NOT_FOUND, _("No such terminal"), error))
    return FALSE;
  anju_terminal_ref_clear (out_ref);
  out_ref->id = id;
  out_ref->sn = anju_db_column_dup (stmt, 0);
  out_ref->terminal_no = anju_db_column_dup (stmt, 1);
  out_ref->name = anju_db_column_dup (stmt, 2);
  out_ref->location = anju_db_column_dup (stmt, 3);
  out_ref->state = anju_db_column_dup (stmt, 4);
  out_ref->org_id = sqlite3_column_int64 (stmt, 5);
  out_ref->org_name = anju_db_column_dup (stmt, 6);
  out_ref->org_path = anju_db_column_dup (stmt, 7);
  out_ref->service_user_id = sqlite3_column_int64 (stmt, 8);
  out_ref->has_credential = sqlite3_column_int (stmt, 9) != 0;
  return TRUE;
}

static JsonNode *
peripheral_default (void)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "enabled");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_set_member_name (builder, "model");
  json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

JsonNode *
anju_terminal_peripherals_normalise (JsonObject *configured)
{
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  for (guint i = 0; anju_terminal_peripheral_kinds[i] != NULL; i++)
    {
      const char *kind = anju_terminal_peripheral_kinds[i];
      JsonNode *member = configured != NULL ? json_object_get_member (configured, kind) : NULL;
      JsonNode *value = peripheral_default ();
      JsonObject *given;

      if (member != NULL && JSON_NODE_HOLDS_OBJECT (member))
        {
          given = json_node_get_object (member);
          if (json_object_has_member (given, "enabled"))
            json_object_set_boolean_member (json_node_get_object (value), "enabled",
                                            json_object_get_boolean_member (given, "enabled"));
          if (json_object_has_member (given, "model"))
            json_object_set_member (json_node_get_object (value), "model",
                                    json_node_copy (json_object_get_member (given, "model")));
        }
      json_object_set_member (object, kind, value);
    }
  json_node_take_object (node, object);
  return node;
}

/* The stored text, every kind filled in; a corrupt text reads as none. */
static JsonNode *
peripherals_from_text (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (text == NULL || !json_parser_load_from_data (parser, text, -1, NULL))
    return anju_terminal_peripherals_normalise (NULL);
  root = json_parser_get_root (parser);
  return anju_terminal_peripherals_normalise (root != NULL && JSON_NODE_HOLDS_OBJECT (root)
                                              ? json_node_get_object (root) : NULL);
}

static void
add_phone (JsonBuilder  *builder,
           sqlite3_stmt *stmt,
           int           column,
           gboolean      reveal)
{
  const char *phone = (const char *) sqlite3_column_text (stmt, column);
  g_autofree char *masked = NULL;

  json_builder_set_member_name (builder, "person_phone");
  if (phone == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }
  masked = reveal ? g_strdup (phone) : anju_mask_phone (phone);
  json_builder_add_string_value (builder, masked);
}

static void
add_org (JsonBuilder  *builder,
         sqlite3_stmt *stmt,
         int           column)
{
  json_builder_set_member_name (builder, "org");
  json_builder_begin_object (builder);
  anju_json_add_id_column (builder, "id", stmt, column);
  anju_json_add_text_column (builder, "name", stmt, column + 1);
  json_builder_end_object (builder);
}

static void
add_credential (JsonBuilder  *builder,
                sqlite3_stmt *stmt,
                int           column)
{
  json_builder_set_member_name (builder, "credential");
  json_builder_begin_object (builder);
  anju_json_add_bool_column (builder, "active", stmt, column);
  anju_json_add_time_column (builder, "issued_at", stmt, column + 1);
  anju_json_add_time_column (builder, "revoked_at", stmt, column + 2);
  json_builder_end_object (builder);
}

static void
add_status (JsonBuilder                   *builder,
            sqlite3_stmt                  *stmt,
            int                            column,
            const AnjuTerminalJsonOptions *options)
{
  gboolean has_heartbeat = sqlite3_column_type (stmt, column) != SQLITE_NULL;
  gint64 heartbeat = sqlite3_column_int64 (stmt, column);

  json_builder_set_member_name (builder, "online");
  json_builder_add_boolean_value (builder, has_heartbeat
                                  && options->now - heartbeat <= options->offline_after);
  anju_json_add_time_column (builder, "last_heartbeat_at", stmt, column);
}

JsonNode *
anju_terminal_json_from_row (sqlite3_stmt                  *stmt,
                             const AnjuTerminalJsonOptions *options)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  anju_json_add_id_column (builder, "id", stmt, 0);
  anju_json_add_text_column (builder, "sn", stmt, 1);
  anju_json_add_text_column (builder, "terminal_no", stmt, 2);
  anju_json_add_text_column (builder, "name", stmt, 3);
  anju_json_add_text_column (builder, "person_in_charge", stmt, 4);
  add_phone (builder, stmt, 5, options->reveal_pii);
  add_org (builder, stmt, 6);
  anju_json_add_text_column (builder, "location", stmt, 8);
  anju_json_add_text_column (builder, "network", stmt, 9);
  anju_json_add_text_column (builder, "model", stmt, 10);
  json_builder_set_member_name (builder, "peripherals");
  json_builder_add_value (builder,
                          peripherals_from_text ((const char *) sqlite3_column_text (stmt, 11)));
  anju_json_add_text_column (builder, "state", stmt, 12);
  add_credential (builder, stmt, 13);
  if (options->with_status)
    add_status (builder, stmt, 16, options);
  anju_json_add_time_column (builder, "created_at", stmt, 17);
  anju_json_add_time_column (builder, "updated_at", stmt, 18);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

JsonNode *
anju_terminal_store_to_json (AnjuDb                         *db,
                             gint64                          id,
                             const AnjuTerminalJsonOptions  *options,
                             GError                        **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "SELECT " ANJU_TERMINAL_COLUMNS
                                           " FROM" ANJU_TERMINAL_FROM " WHERE t.id = ?1",
                                           error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!anju_db_step_row (db, stmt, ANJU_ERROR_NOT_FOUND, _("No such terminal"), error))
    return NULL;
  return anju_terminal_json_from_row (stmt, options);
}

static char *
node_to_text (JsonNode *node)
{
  return node != NULL ? json_to_string (node, FALSE) : NULL;
}

gboolean
anju_terminal_store_add_change (AnjuDb      *db,
                                gint64       terminal_id,
                                const char  *action,
                                gint64       at,
                                gint64       actor_id,
                                const char  *actor_name,
                                JsonNode    *before,
                                JsonNode    *after,
                                GError     **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "INSERT INTO terminal_changes (terminal_id, action,"
                                           " at, actor_id, actor_name, before_json, after_json)"
                                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                           error);
  g_autofree char *before_text = node_to_text (before);
  g_autofree char *after_text = node_to_text (after);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, terminal_id);
  anju_db_bind_text (stmt, 2, action);
  sqlite3_bind_int64 (stmt, 3, at);
  if (actor_id != 0)
    sqlite3_bind_int64 (stmt, 4, actor_id);
  anju_db_bind_text (stmt, 5, actor_name);
  anju_db_bind_text (stmt, 6, before_text);
  anju_db_bind_text (stmt, 7, after_text);
  return anju_db_step_done (db, stmt, error);
}
