/* anju-document-number.c: document numbers and their verification codes.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "anju-document-content.h"
#include "anju-document-number.h"
#include "anju-stmt.h"

static int
shanghai_year (gint64 now)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (8 * 3600);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (now);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);

  return g_date_time_get_year (local);
}

char *
anju_document_number_next (AnjuDb      *db,
                           const char  *kind,
                           gint64       now,
                           GError     **error)
{
  const char *prefix = anju_document_kind_prefix (kind);
  int year = shanghai_year (now);
  g_auto(AnjuStmt) stmt = NULL;
  gint64 last;

  g_return_val_if_fail (prefix != NULL, NULL);

  stmt = anju_db_prepare (db,
                          "INSERT INTO pubrent_document_counters (kind, year, last) VALUES (?1, ?2, 1)"
                          " ON CONFLICT (kind, year) DO UPDATE SET last = last + 1"
                          " RETURNING last", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, year);
  if (!anju_db_step_id (db, stmt, &last, error))
    return NULL;

  return g_strdup_printf ("%s-%d-%06" G_GINT64_FORMAT, prefix, year, last);
}

static GBytes *
load_key (AnjuDb  *db,
          GError **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db, "SELECT key FROM pubrent_document_secret WHERE id = 1",
                                           error);

  if (stmt == NULL
      || !anju_db_step_row (db, stmt, ANJU_ERROR_DATABASE,
                            _("The document verification key is missing"), error))
    return NULL;
  return g_bytes_new (sqlite3_column_blob (stmt, 0), (gsize) sqlite3_column_bytes (stmt, 0));
}

char *
anju_document_code_for (AnjuDb      *db,
                        const char  *number,
                        GError     **error)
{
  g_autoptr(GBytes) key = load_key (db, error);
  g_autofree char *hmac = NULL;
  gsize key_length;
  const guchar *key_data;

  if (key == NULL)
    return NULL;
  key_data = g_bytes_get_data (key, &key_length);
  hmac = g_compute_hmac_for_string (G_CHECKSUM_SHA256, key_data, key_length, number, -1);
  return g_strndup (hmac, ANJU_DOCUMENT_CODE_LENGTH);
}

gboolean
anju_document_code_verify (AnjuDb      *db,
                           const char  *number,
                           const char  *code,
                           gboolean    *out_valid,
                           GError     **error)
{
  g_autofree char *expected = NULL;
  guint difference = 0;

  *out_valid = FALSE;
  if (number == NULL || code == NULL || strlen (code) != ANJU_DOCUMENT_CODE_LENGTH)
    return TRUE;
  expected = anju_document_code_for (db, number, error);
  if (expected == NULL)
    return FALSE;
  /* The same time for every wrong code, so timing tells nothing. */
  for (guint i = 0; i < ANJU_DOCUMENT_CODE_LENGTH; i++)
    difference |= (guint) (expected[i] ^ g_ascii_tolower (code[i]));
  *out_valid = difference == 0;
  return TRUE;
}
