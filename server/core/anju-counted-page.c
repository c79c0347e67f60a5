/* anju-counted-page.c: a page of a list whose rows carry the list's total.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anju-counted-page.h"
#include "anju-db.h"
#include "anju-json-text.h"

char *
anju_counted_page_write (AnjuDb            *db,
                         sqlite3_stmt      *rows,
                         sqlite3_stmt      *count,
                         AnjuRowWriteFunc   write_row,
                         gpointer           user_data,
                         guint              page,
                         guint              page_size,
                         gsize             *out_length,
                         GError           **error)
{
  /* Small to start with, as anju_request_write_page() says why. */
  g_autoptr(GString) out = g_string_sized_new (4096);
  g_autoptr(AnjuJsonText) text = anju_json_text_new (out);
  int total_column = sqlite3_column_count (rows) - 1;
  gint64 total = -1;
  int rc;

  anju_json_text_begin_page (text);
  while ((rc = sqlite3_step (rows)) == SQLITE_ROW)
    {
      if (total < 0)
        total = sqlite3_column_int64 (rows, total_column);
      write_row (rows, text, user_data);
    }
  if (rc != SQLITE_DONE || (total < 0 && !anju_db_step_count (db, count, &total, error)))
    {
      if (rc != SQLITE_DONE)
        anju_db_set_error (db, error);
      return NULL;
    }
  anju_json_text_end_page (text, total, page, page_size);
  *out_length = out->len;
  return g_string_free (g_steal_pointer (&out), FALSE);
}
