/* anju-list-totals.h: a list's total, counted once per change.
 *
 * A paged list answers its total with every page; at city scale
 * counting a status among 400 000 applications steps over an index
 * range of a hundred thousand entries for each page.  The rows rarely
 * change between two pages, so a reader connection keeps each total it
 * counted (by the count's SQL with its values) with the number
 * version_sql read before: a one-row counter that triggers bump on every
 * change of what the list counts (resources/sql/0017-list-indexes.sql).
 * While that number is the same, the total is too.
 *
 * The cache belongs to the reader connection, which one thread uses at a
 * time (anju-db-worker.h); nothing is shared between threads.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "anju-db.h"

G_BEGIN_DECLS

/* *out_total is what count (prepared on reader and bound; SELECT COUNT(*)
 * …) answers, counted now or kept from an earlier count at the same
 * version.  version_sql returns exactly one integer.  Inside a read
 * transaction (a database worker job), so that the version read and the
 * count see the same commit. */
gboolean anju_list_totals_count (AnjuDb        *reader,
                                 sqlite3_stmt  *count,
                                 const char    *version_sql,
                                 gint64        *out_total,
                                 GError       **error);

G_END_DECLS
