#include "config.h"

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
