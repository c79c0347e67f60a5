/* anju-document-template-store.c: document templates and their JSON.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-document-template-store.h"
#include "anju-json-columns.h"
#include "anju-stmt.h"

#define SELECT_TEMPLATE \
  "SELECT id, kind, name, title, issuer, body, logo_file_id, font_size, active" \
  " FROM pubrent_document_templates"

void
anju_document_template_clear (AnjuDocumentTemplate *template)
{
  g_clear_pointer (&template->kind, g_free);
  g_clear_pointer (&template->name, g_free);
  g_clear_pointer (&template->title, g_free);
  g_clear_pointer (&template->issuer, g_free);
  g_clear_pointer (&template->body, g_free);
}

static void
read_template (sqlite3_stmt         *stmt,
               AnjuDocumentTemplate *out_template)
{
  *out_template = (AnjuDocumentTemplate) {
    .id = sqlite3_column_int64 (stmt, 0),
    .kind = anju_db_column_dup (stmt, 1),
    .name = anju_db_column_dup (stmt, 2),
    .title = anju_db_column_dup (stmt, 3),
    .issuer = anju_db_column_dup (stmt, 4),
    .body = anju_db_column_dup (stmt, 5),
    .logo_file_id = sqlite3_column_int64 (stmt, 6),
    .font_size = sqlite3_column_int (stmt, 7),
    .active = sqlite3_column_int (stmt, 8) != 0,
  };
}

gboolean
anju_document_template_load (AnjuDb                *db,
                             gint64                 id,
                             AnjuDocumentTemplate  *out_template,
                             GError               **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db, SELECT_TEMPLATE " WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!anju_db_step_row (db, stmt, ANJU_ERROR_NOT_FOUND, _("No such document template"), error))
    return FALSE;
  read_template (stmt, out_template);
  return TRUE;
}

gboolean
anju_document_template_load_active (AnjuDb                *db,
                                    const char            *kind,
                                    AnjuDocumentTemplate  *out_template,
                                    GError               **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db, SELECT_TEMPLATE " WHERE kind = ?1 AND active = 1",
                                           error);

  if (stmt == NULL)
    return FALSE;
  anju_db_bind_text (stmt, 1, kind);
  if (!anju_db_step_row (db, stmt, ANJU_ERROR_CONFLICT,
                         _("No template of this kind is active: activate one first"), error))
    return FALSE;
  read_template (stmt, out_template);
  return TRUE;
}

static void
bind_members (sqlite3_stmt               *stmt,
              const AnjuDocumentTemplate *template)
{
  anju_db_bind_text (stmt, 1, template->name);
  anju_db_bind_text (stmt, 2, template->title);
  anju_db_bind_text (stmt, 3, template->issuer);
  anju_db_bind_text (stmt, 4, template->body);
  if (template->logo_file_id > 0)
    sqlite3_bind_int64 (stmt, 5, template->logo_file_id);
  else
    sqlite3_bind_null (stmt, 5);
  sqlite3_bind_int (stmt, 6, template->font_size);
}

gint64
anju_document_template_insert (AnjuDb                      *db,
                               const AnjuDocumentTemplate  *template,
                               gint64                       user_id,
                               gint64                       now,
                               GError                     **error)
{
  g_auto(AnjuStmt) stmt = NULL;

  stmt = anju_db_prepare (db,
                          "INSERT INTO pubrent_document_templates (name, title, issuer, body,"
                          " logo_file_id, font_size, kind, created_by, created_at, updated_by,"
                          " updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?8, ?9)",
                          error);
  if (stmt == NULL)
    return 0;
  bind_members (stmt, template);
  anju_db_bind_text (stmt, 7, template->kind);
  sqlite3_bind_int64 (stmt, 8, user_id);
  sqlite3_bind_int64 (stmt, 9, now);
  if (!anju_db_step_done (db, stmt, error))
    return 0;
  return anju_db_last_insert_id (db);
}

gboolean
anju_document_template_update (AnjuDb                      *db,
                               const AnjuDocumentTemplate  *template,
                               gint64                       user_id,
                               gint64                       now,
                               GError                     **error)
{
  g_auto(AnjuStmt) stmt = NULL;

  stmt = anju_db_prepare (db,
                          "UPDATE pubrent_document_templates SET name = ?1, title = ?2, issuer = ?3,"
                          " body = ?4, logo_file_id = ?5, font_size = ?6, updated_by = ?8,"
                          " updated_at = ?9 WHERE id = ?7",
                          error);
  if (stmt == NULL)
    return FALSE;
  bind_members (stmt, template);
  sqlite3_bind_int64 (stmt, 7, template->id);
  sqlite3_bind_int64 (stmt, 8, user_id);
  sqlite3_bind_int64 (stmt, 9, now);
  return anju_db_step_done (db, stmt, error);
}

gboolean
anju_document_template_activate (AnjuDb  *db,
                                 gint64   id,
                                 gint64   user_id,
                                 gint64   now,
                                 GError **error)
{
  g_auto(AnjuStmt) off = NULL;
  g_auto(AnjuStmt) on = NULL;

  /* Off first: the unique index allows one active row per kind. */
  off = anju_db_prepare (db,
                         "UPDATE pubrent_document_templates SET active = 0 WHERE active = 1"
                         " AND kind = (SELECT kind FROM pubrent_document_templates WHERE id = ?1)"
                         " AND id <> ?1",
                         error);
  if (off == NULL)
    return FALSE;
  sqlite3_bind_int64 (off, 1, id);
  if (!anju_db_step_done (db, off, error))
    return FALSE;

  on = anju_db_prepare (db,
                        "UPDATE pubrent_document_templates SET active = 1, updated_by = ?2,"
                        " updated_at = ?3 WHERE id = ?1",
                        error);
  if (on == NULL)
    return FALSE;
  sqlite3_bind_int64 (on, 1, id);
  sqlite3_bind_int64 (on, 2, user_id);
  sqlite3_bind_int64 (on, 3, now);
  return anju_db_step_done (db, on, error);
}

gboolean
anju_document_template_count_use (AnjuDb  *db,
                                  gint64   id,
                                  gint64   now,
                                  GError **error)
{
  g_auto(AnjuStmt) stmt = NULL;

  stmt = anju_db_prepare (db,
                          "UPDATE pubrent_document_templates SET usage_count = usage_count + 1,"
                          " last_used_at = ?2 WHERE id = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, now);
  return anju_db_step_done (db, stmt, error);
}

JsonNode *
anju_document_template_json_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 0));
  anju_json_add_text_column (builder, "kind", stmt, 1);
  anju_json_add_text_column (builder, "name", stmt, 2);
  anju_json_add_text_column (builder, "title", stmt, 3);
  anju_json_add_text_column (builder, "issuer", stmt, 4);
  anju_json_add_text_column (builder, "body", stmt, 5);
  anju_json_add_id_column (builder, "logo_file_id", stmt, 6);
  json_builder_set_member_name (builder, "font_size");
  json_builder_add_int_value (builder, sqlite3_column_int (stmt, 7));
  anju_json_add_bool_column (builder, "active", stmt, 8);
  json_builder_set_member_name (builder, "usage_count");
  json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 9));
  anju_json_add_time_column (builder, "last_used_at", stmt, 10);
  anju_json_add_time_column (builder, "created_at", stmt, 11);
  anju_json_add_time_column (builder, "updated_at", stmt, 12);
  json_builder_set_member_name (builder, "created_by");
  if (sqlite3_column_type (stmt, 13) == SQLITE_NULL)
    json_builder_add_null_value (builder);
  else
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 13));
      anju_json_add_text_column (builder, "name", stmt, 14);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

JsonNode *
anju_document_template_to_json (AnjuDb  *db,
                                gint64   id,
                                GError **error)
{
  g_auto(AnjuStmt) stmt = NULL;

  stmt = anju_db_prepare (db,
                          "SELECT " ANJU_DOCUMENT_TEMPLATE_COLUMNS " FROM "
                          ANJU_DOCUMENT_TEMPLATE_JOIN " WHERE t.id = ?1",
                          error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!anju_db_step_row (db, stmt, ANJU_ERROR_NOT_FOUND, _("No such document template"), error))
    return NULL;
  return anju_document_template_json_from_row (stmt);
}
