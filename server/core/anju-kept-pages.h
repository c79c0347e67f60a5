/* anju-kept-pages.h: a list's page, written once per change.
 *
 * Staff open the same few lists again and again: the applications
 * waiting for the center's review, first page, newest first.  Writing
 * such a page reads fifty rows with their organisation and code names
 * and writes them as JSON text, most of what the request costs.  A
 * reader connection keeps each page it wrote (by its SQL with its
 * values) with the database's PRAGMA data_version read before: it
 * changes with every commit of another connection, whatever table it
 * touched (a renamed organisation shows in the page too).  While that
 * number is the same, the page is too.
 *
 * Only for a write_row that writes what the row holds and nothing else:
 * not the caller (scope and masking are in the SQL or the same for
 * everyone), not the clock.
 *
 * The pages belong to the reader connection, which one thread uses at a
 * time (anju-db-worker.h); nothing is shared between threads.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "anju-db.h"
#include "anju-request.h"

G_BEGIN_DECLS

/* What a reader's pages may take before it forgets them all. */
#define ANJU_KEPT_PAGES_MAX_BYTES (2 * 1024 * 1024)

/* (transfer full) The page anju_request_write_page () writes of rows
 * (prepared on reader and bound, its LIMIT and OFFSET too) with total,
 * page and page_size; written now or a copy of one kept at the same
 * data version.  Inside a read transaction (a database worker job), so
 * that the version and the rows are one snapshot. */
char *anju_kept_pages_write (AnjuDb            *reader,
                             sqlite3_stmt      *rows,
                             AnjuRowWriteFunc   write_row,
                             gint64             total,
                             guint              page,
                             guint              page_size,
                             gsize             *out_length,
                             GError           **error);

G_END_DECLS
