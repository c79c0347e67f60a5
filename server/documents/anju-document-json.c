/* anju-document-json.c: the Document object, and who may read it.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-document-json.h"
#include "anju-documents-private.h"
#include "anju-json-columns.h"
#include "anju-mask.h"
#include "anju-stmt.h"

static gboolean
add_applications (JsonBuilder  *builder,
                  AnjuDb       *db,
                  gint64        id,
                  GError      **error)
{
  g_auto(AnjuStmt) stmt = NULL;
  g_autoptr(JsonArray) ids = json_array_new ();
  g_autoptr(JsonArray) names = json_array_new ();
  g_autoptr(JsonArray) numbers = json_array_new ();
  int rc;

  stmt = anju_db_prepare (db,
                          "SELECT a.id, a.applicant_name, a.application_no"
                          " FROM pubrent_document_applications da"
                          " JOIN pubrent_applications a ON a.id = da.application_id"
                          " WHERE da.document_id = ?1 ORDER BY da.position",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *masked = anju_mask_name ((const char *) sqlite3_column_text (stmt, 1));

      json_array_add_int_element (ids, sqlite3_column_int64 (stmt, 0));
      json_array_add_string_element (names, masked);
      json_array_add_string_element (numbers, (const char *) sqlite3_column_text (stmt, 2));
    }
  if (rc != SQLITE_DONE)
    {
      anju_db_set_error (db, error);
      return FALSE;
    }
  json_builder_set_member_name (builder, "application_ids");
  json_builder_add_value (builder, json_node_init_array (json_node_alloc (), ids));
  json_builder_set_member_name (builder, "applicant_names");
  json_builder_add_value (builder, json_node_init_array (json_node_alloc (), names));
  json_builder_set_member_name (builder, "application_nos");
  json_builder_add_value (builder, json_node_init_array (json_node_alloc (), numbers));
  return TRUE;
}

JsonNode *
anju_document_to_json (AnjuDocuments  *documents,
                       AnjuDb         *db,
                       gint64          id,
                       GError        **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_auto(AnjuStmt) stmt = NULL;
  const char *kind, *number, *code;

  stmt = anju_db_prepare (db,
                          "SELECT d.id, d.number, d.kind, d.title, d.file_id, d.code, d.conclusion,"
                          " d.generated_at, d.generated_by, u.name"
                          " FROM pubrent_documents d LEFT JOIN users u ON u.id = d.generated_by"
                          " WHERE d.id = ?1",
                          error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!anju_db_step_row (db, stmt, ANJU_ERROR_NOT_FOUND, _("No such document"), error))
    return NULL;
  number = (const char *) sqlite3_column_text (stmt, 1);
  kind = (const char *) sqlite3_column_text (stmt, 2);
  code = (const char *) sqlite3_column_text (stmt, 5);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, id);
  anju_json_add_text_column (builder, "number", stmt, 1);
  anju_json_add_text_column (builder, "kind", stmt, 2);
  anju_json_add_text_column (builder, "title", stmt, 3);
  json_builder_set_member_name (builder, "file_id");
  json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 4));
  anju_json_add_text_column (builder, "code", stmt, 5);
  /* Only a confirmation form carries its verify URL as a QR code. */
  json_builder_set_member_name (builder, "verify_url");
  if (g_strcmp0 (kind, "confirmation") == 0)
    {
      g_autofree char *url = _anju_documents_verify_url (documents, number, code);

      json_builder_add_string_value (builder, url);
    }
  else
    json_builder_add_null_value (builder);
  anju_json_add_text_column (builder, "conclusion", stmt, 6);
  anju_json_add_time_column (builder, "generated_at", stmt, 7);
  json_builder_set_member_name (builder, "generated_by");
  if (sqlite3_column_type (stmt, 8) == SQLITE_NULL)
    json_builder_add_null_value (builder);
  else
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 8));
      anju_json_add_text_column (builder, "name", stmt, 9);
      json_builder_end_object (builder);
    }
  if (!add_applications (builder, db, id, error))
    return NULL;
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

gboolean
anju_document_check_readable (AnjuDb            *db,
                              const AnjuCaller  *caller,
                              gint64             id,
                              GError           **error)
{
  g_auto(AnjuStmt) stmt = NULL;
  gint64 found;

  stmt = anju_db_prepare (db,
                          "SELECT d.id FROM pubrent_documents d WHERE d.id = ?2 AND "
                          ANJU_DOCUMENT_VISIBLE,
                          error);
  if (stmt == NULL)
    return FALSE;
  anju_db_bind_text (stmt, 1, caller->org_path);
  sqlite3_bind_int64 (stmt, 2, id);
  if (!anju_db_step_id (db, stmt, &found, error))
    return FALSE;
  if (found != 0)
    return TRUE;
  g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_NOT_FOUND, _("No such document"));
  return FALSE;
}
