#include "config.h"

#include <string.h>

#include "anju-sql-pattern.h"

char *
anju_sql_contains_pattern (const char *text)
{
  GString *pattern;

  if (text == NULL || *text == '\0')
    return NULL;

  pattern = g_string_new ("%");
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');
  return g_string_free (pattern, FALSE);
}

char *
anju_sql_prefix_end (const char *prefix,
                     gsize      *out_length)
{
  gsize length = strlen (prefix);
  char *end = g_strndup (prefix, length);

  *out_length = length;
  g_return_val_if_fail (length > 0, end);
  /* Valid UTF-8 never holds 0xff, so the last byte always has a next. */
  end[length - 1] = (char) ((guchar) end[length - 1] + 1);
  return end;
}
