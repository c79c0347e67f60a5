/* anju-sql-pattern.h: "contains" filters as LIKE patterns, "starts
 * with" filters as index ranges.
 *
 * User text goes into a bound parameter, never into SQL; but inside a
 * LIKE pattern its % and _ would still be wildcards.  The pattern made
 * here escapes them with a backslash, so the SQL must say ESCAPE '\'.
 *
 * A LIKE with a bound pattern never uses an index.  "column starts with
 * prefix" as the range
 *
 *   column >= ?prefix AND column < ?end    (end: anju_sql_prefix_end())
 *
 * does, for a column of the BINARY collation: the strings that start
 * with prefix are exactly those from prefix up to, not including, the
 * prefix with its last byte one higher.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "%<text, escaped>%", or NULL when text is NULL or empty (no filter). */
char *anju_sql_contains_pattern (const char *text);
/* The end of the range of the strings that start with prefix (not
 * empty): prefix with its last byte one higher, to bind as a blob-safe
 * text of that length (the byte may not be valid UTF-8 on its own; SQLite
 * compares the bytes).  *out_length is its length in bytes. */
char *anju_sql_prefix_end       (const char *prefix,
                                 gsize      *out_length);

G_END_DECLS
