/* anju-file-store.c: uploads as blobs in SQLite.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-content-json.h"
#include "anju-file-store.h"
#include "anju-file-type.h"
#include "anju-json-columns.h"
#include "anju-stmt.h"

void
anju_file_info_clear (AnjuFileInfo *info)
{
  g_clear_pointer (&info->name, g_free);
  g_clear_pointer (&info->content_type, g_free);
  g_clear_pointer (&info->sha256, g_free);
}

gboolean
anju_file_check_name (const char *name,
                      GError    **error)
{
  const char *why = NULL;

  if (name == NULL || *name == '\0')
    why = _("Give the file a name");
  else if (!g_utf8_validate (name, -1, NULL))
    why = _("Must be valid UTF-8 text");
  else if (g_utf8_strlen (name, -1) > ANJU_FILE_NAME_MAX)
    why = _("A file name may be at most 255 characters long");
  else
    for (const char *p = name; *p != '\0' && why == NULL; p++)
      if (*p == '/' || *p == '\\' || g_ascii_iscntrl (*p))
        why = _("A file name must not contain “/”, “\\” or control characters");

  if (why != NULL)
    g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_VALIDATION, why);
  return why == NULL;
}

gboolean
anju_file_check_size (gsize    size,
                      gsize    max_bytes,
                      GError **error)
{
  if (size == 0)
    {
      g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_VALIDATION, _("The file is empty"));
      return FALSE;
    }
  if (size > max_bytes)
    {
      g_autofree char *limit = g_format_size_full (max_bytes, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, ANJU_ERROR, ANJU_ERROR_TOO_LARGE,
                   _("The file is larger than the limit of %s"), limit);
      return FALSE;
    }
  return TRUE;
}

static char *
accepted_types_text (void)
{
  return g_strjoinv (", ", (char **) anju_file_types);
}

gboolean
anju_file_check_type (const char *declared_type,
                      GBytes     *data,
                      GError    **error)
{
  g_autofree char *accepted = accepted_types_text ();
  gsize length;
  const guint8 *bytes = g_bytes_get_data (data, &length);
  const char *actual;

  if (!anju_file_type_is_accepted (declared_type))
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_VALIDATION,
                   /* Translators: %s is a list of MIME types */
                   _("This type of file is not accepted; accepted types: %s"), accepted);
      return FALSE;
    }
  actual = anju_file_type_sniff (bytes, length);
  if (g_strcmp0 (actual, declared_type) != 0)
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_VALIDATION,
                   /* Translators: %1$s is a MIME type, %2$s a list of them */
                   _("The contents are not a file of type %1$s; accepted types: %2$s"),
                   declared_type, accepted);
      return FALSE;
    }
  return TRUE;
}

static char *
sha256_hex (GBytes *data)
{
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, data);
}

static gboolean
store_blob (AnjuDb     *db,
            const char *sha256,
            GBytes     *data,
            GError    **error)
{
  g_auto(AnjuStmt) stmt = NULL;
  gsize length;
  gconstpointer bytes = g_bytes_get_data (data, &length);

  /* Identical uploads share the blob already there. */
  stmt = anju_db_prepare (db, "INSERT INTO file_blobs (sha256, data) VALUES (?1, ?2)"
                              " ON CONFLICT (sha256) DO NOTHING", error);
  if (stmt == NULL)
    return FALSE;
  anju_db_bind_text (stmt, 1, sha256);
  sqlite3_bind_blob64 (stmt, 2, bytes, length, SQLITE_STATIC);
  return anju_db_step_done (db, stmt, error);
}

gint64
anju_file_store_add (AnjuDb               *db,
                     const AnjuFileUpload *upload,
                     gsize                 max_bytes,
                     gint64                now,
                     GError              **error)
{
  g_autofree char *sha256 = NULL;
  g_auto(AnjuStmt) stmt = NULL;

  if (!anju_file_check_name (upload->name, error)
      || !anju_file_check_size (g_bytes_get_size (upload->data), max_bytes, error)
      || !anju_file_check_type (upload->content_type, upload->data, error))
    return 0;

  sha256 = sha256_hex (upload->data);
  if (!store_blob (db, sha256, upload->data, error))
    return 0;

  stmt = anju_db_prepare (db,
                          "INSERT INTO files (sha256, name, content_type, size, uploaded_by,"
                          " uploaded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                          error);
  if (stmt == NULL)
    return 0;
  anju_db_bind_text (stmt, 1, sha256);
  anju_db_bind_text (stmt, 2, upload->name);
  anju_db_bind_text (stmt, 3, upload->content_type);
  sqlite3_bind_int64 (stmt, 4, g_bytes_get_size (upload->data));
  sqlite3_bind_int64 (stmt, 5, upload->uploaded_by);
  sqlite3_bind_int64 (stmt, 6, now);
  if (!anju_db_step_done (db, stmt, error))
    return 0;
  return anju_db_last_insert_id (db);
}

gboolean
anju_file_store_load (AnjuDb       *db,
                      gint64        id,
                      AnjuFileInfo *out_info,
                      GError      **error)
{
  g_auto(AnjuStmt) stmt = NULL;

  stmt = anju_db_prepare (db,
                          "SELECT id, name, content_type, size, sha256, uploaded_by, uploaded_at,"
                          " archived_at IS NOT NULL FROM files WHERE id = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!anju_db_step_row (db, stmt, ANJU_ERROR_NOT_FOUND, _("No such file"), error))
    return FALSE;

  *out_info = (AnjuFileInfo) {
    .id = sqlite3_column_int64 (stmt, 0),
    .name = anju_db_column_dup (stmt, 1),
    .content_type = anju_db_column_dup (stmt, 2),
    .size = sqlite3_column_int64 (stmt, 3),
    .sha256 = anju_db_column_dup (stmt, 4),
    .uploaded_by = sqlite3_column_int64 (stmt, 5),
    .uploaded_at = sqlite3_column_int64 (stmt, 6),
    .archived = sqlite3_column_int (stmt, 7) != 0,
  };
  return TRUE;
}

GBytes *
anju_file_store_read (AnjuDb  *db,
                      gint64   id,
                      GError **error)
{
  g_auto(AnjuStmt) stmt = NULL;

  stmt = anju_db_prepare (db,
                          "SELECT b.data FROM files f JOIN file_blobs b ON b.sha256 = f.sha256"
                          " WHERE f.id = ?1",
                          error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!anju_db_step_row (db, stmt, ANJU_ERROR_NOT_FOUND, _("No such file"), error))
    return NULL;
  return g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
}

gboolean
anju_file_store_archive (AnjuDb  *db,
                         gint64   id,
                         gint64   now,
                         GError **error)
{
  g_auto(AnjuStmt) stmt = NULL;

  /* An archived row must not even be touched: its trigger refuses any
   * UPDATE, so the WHERE leaves it out. */
  stmt = anju_db_prepare (db, "UPDATE files SET archived_at = ?2"
                              " WHERE id = ?1 AND archived_at IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, now);
  return anju_db_step_done (db, stmt, error);
}

JsonNode *
anju_file_json_from_row (sqlite3_stmt *stmt,
                         int           first_column)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  int c = first_column;

  json_builder_begin_object (builder);
  anju_json_add_id_column (builder, "id", stmt, c);
  anju_json_add_text_column (builder, "name", stmt, c + 1);
  anju_json_add_text_column (builder, "content_type", stmt, c + 2);
  json_builder_set_member_name (builder, "size");
  json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, c + 3));
  anju_json_add_text_column (builder, "sha256", stmt, c + 4);
  anju_json_add_time_column (builder, "uploaded_at", stmt, c + 5);
  anju_content_json_add_ref (builder, "uploaded_by", stmt, c + 6);
  anju_json_add_bool_column (builder, "archived", stmt, c + 8);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

JsonNode *
anju_file_store_to_json (AnjuDb  *db,
                         gint64   id,
                         GError **error)
{
  g_auto(AnjuStmt) stmt = NULL;

  stmt = anju_db_prepare (db, "SELECT " ANJU_FILE_COLUMNS " FROM " ANJU_FILE_JOIN
                              " WHERE f.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!anju_db_step_row (db, stmt, ANJU_ERROR_NOT_FOUND, _("No such file"), error))
    return NULL;
  return anju_file_json_from_row (stmt, 0);
}
