/* anju-kept-pages.c: a list's page, written once per change.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "anju-kept-pages.h"
#include "anju-str-hash.h"

/* The reader's pages (Pages). */
#define CACHE_DATA "anju-kept-pages"

typedef struct
{
  GHashTable *by_key;    /* (owned) page's SQL with its values → (owned) Page */
  gsize       n_bytes;   /* what by_key takes, about */
} Pages;

typedef struct
{
  gint64 data_version;
  gsize  length;
  char   data[];         /* the page's JSON text, length bytes and a NUL */
} Page;

static void
pages_free (gpointer data)
{
  Pages *pages = data;

  g_hash_table_unref (pages->by_key);
  g_free (pages);
}

static Pages *
reader_pages (AnjuDb *reader)
{
  Pages *pages = g_object_get_data (G_OBJECT (reader), CACHE_DATA);

  if (pages == NULL)
    {
      pages = g_new0 (Pages, 1);
      pages->by_key = g_hash_table_new_full (anju_str_hash, g_str_equal, g_free, g_free);
      g_object_set_data_full (G_OBJECT (reader), CACHE_DATA, pages, pages_free);
    }
  return pages;
}

static gboolean
read_data_version (AnjuDb  *reader,
                   gint64  *out_version,
                   GError **error)
{
  sqlite3_stmt *stmt = anju_db_prepare (reader, "PRAGMA data_version", error);
  gboolean ok = stmt != NULL && anju_db_step_count (reader, stmt, out_version, error);

  if (stmt != NULL)
    sqlite3_reset (stmt);
  return ok;
}

/* The page's key: everything its text follows from.  The total is the
 * count's, kept at the same version (anju-list-totals.h), and written
 * into the page; write_row tells one list's rows from another's. */
static char *
page_key (sqlite3_stmt     *rows,
          AnjuRowWriteFunc  write_row,
          gint64            total,
          guint             page,
          guint             page_size)
{
  char *expanded = sqlite3_expanded_sql (rows);
  char *key;

  if (expanded == NULL)
    return NULL;
  key = g_strdup_printf ("%p %" G_GINT64_FORMAT " %u %u %s", (gpointer) write_row, total, page,
                         page_size, expanded);
  sqlite3_free (expanded);
  return key;
}

/* What a kept page takes, about. */
static gsize
page_bytes (const char *key,
            gsize       length)
{
  return strlen (key) + 1 + sizeof (Page) + length + 1;
}

/* Keeps a copy of data under key (instead of one kept at an older
 * version), forgetting everything first when full; a page bigger than
 * the whole budget is not kept. */
static void
keep (Pages      *pages,
      char       *key,
      gint64      data_version,
      const char *data,
      gsize       length)
{
  gsize n_bytes = page_bytes (key, length);
  Page *old = g_hash_table_lookup (pages->by_key, key);
  Page *kept;

  if (old != NULL)
    {
      pages->n_bytes -= page_bytes (key, old->length);
      g_hash_table_remove (pages->by_key, key);
    }
  if (n_bytes > ANJU_KEPT_PAGES_MAX_BYTES)
    {
      g_free (key);
      return;
    }
  if (pages->n_bytes + n_bytes > ANJU_KEPT_PAGES_MAX_BYTES)
    {
      g_hash_table_remove_all (pages->by_key);
      pages->n_bytes = 0;
    }
  kept = g_malloc (sizeof (Page) + length + 1);
  kept->data_version = data_version;
  kept->length = length;
  memcpy (kept->data, data, length + 1);
  pages->n_bytes += n_bytes;
  g_hash_table_insert (pages->by_key, key, kept);
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
  Pages *pages = reader_pages (reader);
  g_autofree char *key = page_key (rows, write_row, total, page, page_size);
  gint64 data_version;
  Page *kept;
  char *data;

  /* The version and the rows must see one snapshot (anju-db-worker.h). */
  g_return_val_if_fail (!sqlite3_get_autocommit (anju_db_get_handle (reader)), NULL);

  if (key == NULL)
    {
      g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_DATABASE, "Out of memory");
      return NULL;
    }
  if (!read_data_version (reader, &data_version, error))
    return NULL;
  kept = g_hash_table_lookup (pages->by_key, key);
  if (kept != NULL && kept->data_version == data_version)
    {
      *out_length = kept->length;
      return g_memdup2 (kept->data, kept->length + 1);
    }
  data = anju_request_write_page (reader, rows, write_row, NULL, total, page, page_size,
                                  out_length, error);
  if (data != NULL)
    keep (pages, g_steal_pointer (&key), data_version, data, *out_length);
  return data;
}
