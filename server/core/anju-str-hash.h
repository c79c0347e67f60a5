/* anju-str-hash.h: a hash of a string, eight bytes at a time.
 *
 * The server's per-connection tables are keyed by SQL text: the
 * prepared statements (anju-db.c), the kept totals and pages
 * (anju-list-totals.h, anju-kept-pages.h).  A search's SQL with its
 * values is one to two kilobytes, hashed several times a request;
 * g_str_hash () takes a byte at a time, in one chain of dependent
 * additions, and showed as 1-2 % of the server's CPU under the city's
 * searches and detail.
 *
 * Not seeded: the keys are SQL the server writes, as with g_str_hash ().
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A GHashFunc for NUL-terminated strings; use with g_str_equal (). */
guint anju_str_hash (gconstpointer key);

G_END_DECLS
