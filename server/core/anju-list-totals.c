/* anju-list-totals.c: a list's total, counted once per change.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anju-list-totals.h"
#include "anju-reader-cache.h"

/* The reader's totals: count SQL with its values → Total. */
#define CACHE_NAME "anju-list-totals"
/* What a reader's totals may take before it forgets them all: a few
 * hundred bytes each (the key is the count's SQL with its values; the
 * application search's, a UNION of four SELECTs, about 550).  Counting
 * them instead (256) had the city search by name, which goes round
 * 2 000 names, count again on nearly every request; so did 1 MiB once
 * the search became a UNION.  Four readers keep at most 16 MiB. */
#define MAX_BYTES (4 * 1024 * 1024)

typedef struct
{
  gint64 version;
  gint64 total;
} Total;

gboolean
anju_list_totals_count (AnjuDb        *reader,
                        sqlite3_stmt  *count,
                        const char    *version_sql,
                        gint64        *out_total,
                        GError       **error)
{
  AnjuReaderCache *totals = anju_reader_cache_get (reader, CACHE_NAME, MAX_BYTES);
  g_autofree char *key = NULL;
  Total *kept;
  gint64 version;

  /* The version and the count must see one snapshot (anju-db-worker.h). */
  g_return_val_if_fail (!sqlite3_get_autocommit (anju_db_get_handle (reader)), FALSE);

  if ((key = anju_db_expanded_sql (count, error)) == NULL
      || !anju_db_query_count (reader, version_sql, &version, error))
    return FALSE;
  kept = anju_reader_cache_lookup (totals, key);
  if (kept != NULL && kept->version == version)
    {
      *out_total = kept->total;
      return TRUE;
    }
  if (!anju_db_step_count (reader, count, out_total, error))
    return FALSE;
  kept = g_new (Total, 1);
  *kept = (Total) { version, *out_total };
  anju_reader_cache_keep (totals, g_steal_pointer (&key), kept, sizeof (Total));
  return TRUE;
}
