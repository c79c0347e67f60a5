/* anju-sql-pattern.h: "contains" filters as LIKE patterns.
 *
 * User text goes into a bound parameter, never into SQL; but inside a
 * LIKE pattern its % and _ would still be wildcards.  The pattern made
 * here escapes them with a backslash, so the SQL must say ESCAPE '\'.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "%<text, escaped>%", or NULL when text is NULL or empty (no filter). */
char *anju_sql_contains_pattern (const char *text);

G_END_DECLS
