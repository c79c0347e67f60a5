/* anju-kept-pages.c: a list's page, written once per change.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "anju-kept-pages.h"
#include "anju-reader-cache.h"

/* The reader's pages: the rows' SQL with its values → Page. */
#define CACHE_NAME "anju-kept-pages"

typedef struct
{
  gint64 data_version;
  gsize  length;
  char   data[];         /* the page's JSON text, length bytes and a NUL */
} Page;

/* The page's key: everything its text follows from.  The total is the
 * count's, kept at the same version (anju-list-totals.h), and written
 * into the page; write_row tells one list's rows from another's. */
static char *
page_key (sqlite3_stmt      *rows,
          AnjuRowWriteFunc   write_row,
          gint64             total,
          guint              page,
          guint              page_size,
          GError           **error)
{
  g_autofree char *expanded = anju_db_expanded_sql (rows, error);

  if (expanded == NULL)
    return NULL;
  return g_strdup_printf ("%p %" G_GINT64_FORMAT " %u %u %s", (gpointer) write_row, total, page,
                          page_size, expanded);
}

char *
anju_kept_pages_write (AnjuDb            *reader,
                       sqlite3_stmt      *rows,
                       AnjuRowWriteFunc   write_row,
                       gint64             total,
                       guint              page,
                       guint              page_size,
                       gsize             *out_length,
                       GError           **error)
{
  AnjuReaderCache *pages = anju_reader_cache_get (reader, CACHE_NAME,
                                                 ANJU_KEPT_PAGES_MAX_BYTES);
  g_autofree char *key = NULL;
  gint64 data_version;
  Page *kept;
  char *data;

  /* The version and the rows must see one snapshot (anju-db-worker.h). */
  g_return_val_if_fail (!sqlite3_get_autocommit (anju_db_get_handle (reader)), NULL);

  if ((key = page_key (rows, write_row, total, page, page_size, error)) == NULL
      || !anju_db_query_count (reader, "PRAGMA data_version", &data_version, error))
    return NULL;
  kept = anju_reader_cache_lookup (pages, key);
  if (kept != NULL && kept->data_version == data_version)
    {
      *out_length = kept->length;
      return g_memdup2 (kept->data, kept->length + 1);
    }
  data = anju_request_write_page (reader, rows, write_row, NULL, total, page, page_size,
                                  out_length, error);
  if (data == NULL)
    return NULL;
  kept = g_malloc (sizeof (Page) + *out_length + 1);
  kept->data_version = data_version;
  kept->length = *out_length;
  memcpy (kept->data, data, *out_length + 1);
  anju_reader_cache_keep (pages, g_steal_pointer (&key), kept, sizeof (Page) + *out_length + 1);
  return data;
}
