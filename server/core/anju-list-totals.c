/* anju-list-totals.c: a list's total, counted once per change.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "anju-list-totals.h"
#include "anju-str-hash.h"

/* The reader's totals (Totals). */
#define CACHE_DATA "anju-list-totals"
/* What a reader's totals may take before it forgets them all: a few
 * hundred bytes each (the key is the count's SQL with its values; the
 * application search's, a UNION of four SELECTs, about 550).  Counting
 * them instead (256) had the city search by name, which goes round
 * 2 000 names, count again on nearly every request; so did 1 MiB once
 * the search became a UNION.  Four readers keep at most 16 MiB. */
#define MAX_BYTES (4 * 1024 * 1024)

typedef struct
{
  GHashTable *by_key;    /* (owned) count SQL with its values → (owned) Total */
  gsize       n_bytes;   /* what by_key takes, about */
} Totals;

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

static void
totals_free (gpointer data)
{
  Totals *totals = data;

  g_hash_table_unref (totals->by_key);
  g_free (totals);
}

static Totals *
reader_totals (AnjuDb *reader)
{
  Totals *totals = g_object_get_data (G_OBJECT (reader), CACHE_DATA);

  if (totals == NULL)
    {
      totals = g_new0 (Totals, 1);
      totals->by_key = g_hash_table_new_full (anju_str_hash, g_str_equal, g_free, g_free);
      g_object_set_data_full (G_OBJECT (reader), CACHE_DATA, totals, totals_free);
    }
  return totals;
}

/* Keeps total under key, forgetting everything first when full. */
static void
keep (Totals *totals,
      char   *key,
      gint64  version,
      gint64  total)
{
  gsize n_bytes = strlen (key) + 1 + sizeof (Total);
  Total *kept = g_new (Total, 1);

  if (totals->n_bytes + n_bytes > MAX_BYTES)
    {
      g_hash_table_remove_all (totals->by_key);
      totals->n_bytes = 0;
    }
  if (!g_hash_table_contains (totals->by_key, key))
    totals->n_bytes += n_bytes;
  *kept = (Total) { version, total };
  g_hash_table_replace (totals->by_key, key, kept);
}

gboolean
anju_list_totals_count (AnjuDb        *reader,
                        sqlite3_stmt  *count,
                        const char    *version_sql,
                        gint64        *out_total,
                        GError       **error)
{
  Totals *totals = reader_totals (reader);
  char *expanded = sqlite3_expanded_sql (count);
  g_autofree char *key = g_strdup (expanded);
  Total *kept;
  gint64 version;

  /* The version and the count must see one snapshot (anju-db-worker.h). */
  g_return_val_if_fail (!sqlite3_get_autocommit (anju_db_get_handle (reader)), FALSE);

  sqlite3_free (expanded);
  if (key == NULL)
    {
      g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_DATABASE, "Out of memory");
      return FALSE;
    }
  if (!read_version (reader, version_sql, &version, error))
    return FALSE;
  kept = g_hash_table_lookup (totals->by_key, key);
  if (kept != NULL && kept->version == version)
    {
      *out_total = kept->total;
      return TRUE;
    }
  if (!anju_db_step_count (reader, count, out_total, error))
    return FALSE;
  keep (totals, g_steal_pointer (&key), version, *out_total);
  return TRUE;
}
