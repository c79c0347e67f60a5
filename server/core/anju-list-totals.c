/* anju-list-totals.c: a list's total, counted once per change.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anju-list-totals.h"

/* The reader's totals, by count SQL with its values (GHashTable). */
#define CACHE_DATA "anju-list-totals"
/* Totals kept per reader before it forgets them all: a few hundred
 * bytes each, and the filters in use at one time are few. */
#define MAX_TOTALS 256

typedef struct
{
  gint64 version;
  gint64 total;
} Total;

static gboolean
read_version (AnjuDb      *reader,
              const char  *version_sql,
              gint64      *out_version,
              GError     **error)
{
  sqlite3_stmt *stmt = anju_db_prepare (reader, version_sql, error);
  gboolean ok = stmt != NULL && anju_db_step_count (reader, stmt, out_version, error);

  if (stmt != NULL)
    sqlite3_reset (stmt);
  return ok;
}

static GHashTable *
reader_totals (AnjuDb *reader)
{
  GHashTable *totals = g_object_get_data (G_OBJECT (reader), CACHE_DATA);

  if (totals == NULL)
    {
      totals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_object_set_data_full (G_OBJECT (reader), CACHE_DATA, totals,
                              (GDestroyNotify) g_hash_table_unref);
    }
  return totals;
}

gboolean
anju_list_totals_count (AnjuDb        *reader,
                        sqlite3_stmt  *count,
                        const char    *version_sql,
                        gint64        *out_total,
                        GError       **error)
{
  GHashTable *totals = reader_totals (reader);
  char *expanded = sqlite3_expanded_sql (count);
  g_autofree char *key = g_strdup (expanded);
  Total *kept;
  gint64 before, after;

  sqlite3_free (expanded);
  if (key == NULL)
    {
      g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_DATABASE, "Out of memory");
      return FALSE;
    }
  if (!read_version (reader, version_sql, &before, error))
    return FALSE;
  kept = g_hash_table_lookup (totals, key);
  if (kept != NULL && kept->version == before)
    {
      *out_total = kept->total;
      return TRUE;
    }
  if (!anju_db_step_count (reader, count, out_total, error)
      || !read_version (reader, version_sql, &after, error))
    return FALSE;
  /* Each statement reads the last commit: only when no change came
   * between the two versions is the count that of version before. */
  if (after != before)
    return TRUE;
  if (g_hash_table_size (totals) >= MAX_TOTALS)
    g_hash_table_remove_all (totals);
  kept = g_new (Total, 1);
  *kept = (Total) { before, *out_total };
  g_hash_table_replace (totals, g_steal_pointer (&key), kept);
  return TRUE;
}
