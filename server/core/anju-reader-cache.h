/* anju-reader-cache.h: what a reader connection keeps by SQL text,
 * within a budget of bytes.
 *
 * The kept totals and pages (anju-list-totals.h, anju-kept-pages.h) are
 * each such a cache: keyed by a statement's SQL with its values, bounded
 * by the bytes they hold, not by a number of entries (the city's lists
 * go round thousands of keys), and forgotten all at once when full,
 * which costs nothing to track.
 *
 * A cache belongs to its reader connection, which one thread uses at a
 * time (anju-db-worker.h); nothing is shared between threads.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "anju-db.h"

G_BEGIN_DECLS

typedef struct _AnjuReaderCache AnjuReaderCache;

/* (transfer none) reader's cache called name, empty at first; it goes
 * with the reader.  Keeps at most max_bytes, about. */
AnjuReaderCache *anju_reader_cache_get    (AnjuDb          *reader,
                                           const char      *name,
                                           gsize            max_bytes);
/* (transfer none) (nullable) what is kept under key. */
gpointer         anju_reader_cache_lookup (AnjuReaderCache *self,
                                           const char      *key);
/* Keeps value (owned, g_free ()d), which takes value_bytes, under key
 * (owned), instead of what key had; forgets everything first when it
 * would not fit.  A value bigger than the whole budget is freed, not
 * kept. */
void             anju_reader_cache_keep   (AnjuReaderCache *self,
                                           char            *key,
                                           gpointer         value,
                                           gsize            value_bytes);

G_END_DECLS
