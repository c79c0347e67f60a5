/* anju-external-record-store.c: external person records in the store.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anju-external-record-store.h"
#include "anju-json-columns.h"
#include "anju-mask.h"
#include "anju-stmt.h"

void
anju_external_record_clear (AnjuExternalRecord *record)
{
  g_clear_pointer (&record->id_no, g_free);
  g_clear_pointer (&record->name, g_free);
  g_clear_pointer (&record->kind, g_free);
  g_clear_pointer (&record->data, g_free);
  g_clear_pointer (&record->source, g_free);
}

static void
add_masked_id_no (JsonBuilder *builder,
                  const char  *id_no)
{
  g_autofree char *masked = anju_mask_id_number (id_no);

  json_builder_set_member_name (builder, "id_no");
  json_builder_add_string_value (builder, masked);
}

static void
add_text (JsonBuilder *builder,
          const char  *member,
          const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

JsonNode *
anju_external_record_json_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  anju_json_add_id_column (builder, "id", stmt, 0);
  add_masked_id_no (builder, (const char *) sqlite3_column_text (stmt, 1));
  anju_json_add_text_column (builder, "name", stmt, 2);
  anju_json_add_text_column (builder, "kind", stmt, 3);
  anju_json_add_text_column (builder, "data", stmt, 4);
  anju_json_add_text_column (builder, "source", stmt, 5);
  anju_json_add_time_column (builder, "imported_at", stmt, 6);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

JsonNode *
anju_external_record_to_json (const AnjuExternalRecord *record)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_null_value (builder);
  add_masked_id_no (builder, record->id_no);
  add_text (builder, "name", record->name);
  add_text (builder, "kind", record->kind);
  add_text (builder, "data", record->data);
  add_text (builder, "source", record->source);
  json_builder_set_member_name (builder, "imported_at");
  json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

gboolean
anju_external_record_exists (AnjuDb                    *db,
                             const AnjuExternalRecord  *record,
                             gboolean                  *out_exists,
                             GError                   **error)
{
  g_auto(AnjuStmt) stmt = NULL;
  gint64 id = 0;

  stmt = anju_db_prepare (db, "SELECT id FROM pubrent_external_records"
                              " WHERE id_no = ?1 AND kind = ?2 AND data = ?3 LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  anju_db_bind_text (stmt, 1, record->id_no);
  anju_db_bind_text (stmt, 2, record->kind);
  anju_db_bind_text (stmt, 3, record->data);
  if (!anju_db_step_id (db, stmt, &id, error))
    return FALSE;
  *out_exists = id != 0;
  return TRUE;
}

gint64
anju_external_record_insert (AnjuDb                    *db,
                             const AnjuExternalRecord  *record,
                             gint64                     imported_by,
                             gint64                     now,
                             GError                   **error)
{
  g_auto(AnjuStmt) stmt = NULL;

  stmt = anju_db_prepare (db, "INSERT INTO pubrent_external_records"
                              " (id_no, name, kind, data, source, imported_at, imported_by)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  if (stmt == NULL)
    return 0;
  anju_db_bind_text (stmt, 1, record->id_no);
  anju_db_bind_text (stmt, 2, record->name);
  anju_db_bind_text (stmt, 3, record->kind);
  anju_db_bind_text (stmt, 4, record->data);
  anju_db_bind_text (stmt, 5, record->source);
  sqlite3_bind_int64 (stmt, 6, now);
  sqlite3_bind_int64 (stmt, 7, imported_by);
  if (!anju_db_step_done (db, stmt, error))
    return 0;
  return anju_db_last_insert_id (db);
}
