/* anju-message-template.c: finding and filling {name} references. */
#include "config.h"

#include <string.h>

#include "anju-message-template.h"

#define MAX_NAME_LENGTH 64

/* When text points at "{name}", the length of name (and *out_end just past
 * the "}"); 0 when it is not a reference. */
static gsize
reference_at (const char  *text,
              const char **out_end)
{
  gsize length = 0;

  if (*text != '{')
    return 0;
  for (const char *p = text + 1; *p != '\0'; p++, length++)
    {
      if (*p == '}')
        {
          *out_end = p + 1;
          return length;
        }
      if (*p == '{' || g_ascii_isspace (*p) || length >= MAX_NAME_LENGTH)
        return 0;
    }
  return 0;
}

char *
anju_message_template_render (const char *text,
                              JsonObject *variables)
{
  GString *result = g_string_sized_new (strlen (text) + 64);
  const char *p = text;

  while (*p != '\0')
    {
      const char *end = NULL;
      gsize length = reference_at (p, &end);

      if (length == 0)
        {
          g_string_append_c (result, *p++);
          continue;
        }

      {
        g_autofree char *name = g_strndup (p + 1, length);
        JsonNode *value = variables != NULL ? json_object_get_member (variables, name) : NULL;

        if (value != NULL && JSON_NODE_HOLDS_VALUE (value)
            && json_node_get_value_type (value) == G_TYPE_STRING)
          g_string_append (result, json_node_get_string (value));
      }
      p = end;
    }
  return g_string_free (result, FALSE);
}

char *
anju_message_template_find_unknown (const char         *text,
                                    const char * const *allowed)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      const char *end = NULL;
      gsize length = reference_at (p, &end);
      g_autofree char *name = NULL;

      if (length == 0)
        continue;
      name = g_strndup (p + 1, length);
      if (!g_strv_contains (allowed, name))
        return g_steal_pointer (&name);
      p = end - 1;
    }
  return NULL;
}
