/* anju-counted-page.h: a page of a list whose rows carry the list's total.
 *
 * A paged list answers its total with every page.  Counting it with a
 * second statement runs the list's whole search twice; for a list that
 * is searched and sorted in full anyway (the to-do: the caller's tasks
 * from several index ranges, sorted after the search), the page's
 * statement can count the same rows as it goes:
 *
 *   SELECT *, COUNT(*) OVER () FROM (<the list>) ORDER BY … LIMIT ? OFFSET ?
 *
 * gives every row of the page the number of rows before LIMIT, in its
 * last column.  Only a page past the end, which has no row to read it
 * from, counts with a statement of its own.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "anju-request.h"

G_BEGIN_DECLS

/* The page anju_request_write_page() makes, with the total read from the
 * last column of rows (which write_row does not write), or from count
 * (SELECT COUNT(*) of the same list, bound) when rows has none.  NULL
 * with db's error set when stepping fails. */
char *anju_counted_page_write (AnjuDb            *db,
                               sqlite3_stmt      *rows,
                               sqlite3_stmt      *count,
                               AnjuRowWriteFunc   write_row,
                               gpointer           user_data,
                               guint              page,
                               guint              page_size,
                               gsize             *out_length,
                               GError           **error);

G_END_DECLS
