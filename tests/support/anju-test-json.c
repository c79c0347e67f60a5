/* anju-test-json.c: reading API answers in tests. */

#include "anju-test-json.h"


char *
anju_test_json_to_string (JsonNode *node)
{
  if (node == NULL)
    return g_strdup ("(no answer)");

  return json_to_string (node, FALSE);
}

static gboolean
parse_index (const char *segment,
             guint      *out_index)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (segment, 10, 0, G_MAXUINT, &value, NULL))
    return FALSE;

  *out_index = (guint) value;
  return TRUE;
}

JsonNode *
anju_test_json_lookup (JsonNode   *root,
                       const char *path)
{
  g_auto(GStrv) segments = g_strsplit (path, ".", -1);
  JsonNode *node = root;

  for (guint i = 0; node != NULL && segments[i] != NULL; i++)
    {
      guint index;

      if (JSON_NODE_HOLDS_OBJECT (node))
        {
          JsonObject *object = json_node_get_object (node);

          node = json_object_has_member (object, segments[i])
                 ? json_object_get_member (object, segments[i])
                 : NULL;
        }
      else if (JSON_NODE_HOLDS_ARRAY (node) && parse_index (segments[i], &index))
        {
          JsonArray *array = json_node_get_array (node);

          node = index < json_array_get_length (array)
                 ? json_array_get_element (array, index)
                 : NULL;
        }
      else
        {
          node = NULL;
        }
    }

  return node;
}

gboolean
anju_test_json_has (JsonNode   *root,
                    const char *path)
{
  return anju_test_json_lookup (root, path) != NULL;
}

gboolean
anju_test_json_is_null (JsonNode   *root,
                        const char *path)
{
  JsonNode *node = anju_test_json_lookup (root, path);

  return node != NULL && JSON_NODE_HOLDS_NULL (node);
}

G_GNUC_NORETURN static void
fail_lookup (JsonNode   *root,
             const char *path,
             const char *wanted)
{
  g_autofree char *text = anju_test_json_to_string (root);

  g_error ("expected %s at \"%s\" in %s", wanted, path, text);
}

static JsonNode *
lookup_value (JsonNode   *root,
              const char *path,
              GType       type,
              const char *wanted)
{
  JsonNode *node = anju_test_json_lookup (root, path);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != type)
    fail_lookup (root, path, wanted);

  return node;
}

const char *
anju_test_json_string (JsonNode   *root,
                       const char *path)
{
  return json_node_get_string (lookup_value (root, path, G_TYPE_STRING, "a string"));
}

gint64
anju_test_json_int (JsonNode   *root,
                    const char *path)
{
  return json_node_get_int (lookup_value (root, path, G_TYPE_INT64, "an integer"));
}

gboolean
anju_test_json_bool (JsonNode   *root,
                     const char *path)
{
  return json_node_get_boolean (lookup_value (root, path, G_TYPE_BOOLEAN, "a boolean"));
}

static JsonArray *
lookup_array (JsonNode   *root,
              const char *path)
{
  JsonNode *node = anju_test_json_lookup (root, path);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    fail_lookup (root, path, "an array");

  return json_node_get_array (node);
}

guint
anju_test_json_length (JsonNode   *root,
                       const char *path)
{
  return json_array_get_length (lookup_array (root, path));
}

gboolean
anju_test_json_array_has_string (JsonNode   *root,
                                 const char *path,
                                 const char *value)
{
  JsonArray *array = lookup_array (root, path);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (element)
          && json_node_get_value_type (element) == G_TYPE_STRING
          && g_strcmp0 (json_node_get_string (element), value) == 0)
        return TRUE;
    }

  return FALSE;
}

static char *
value_as_text (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return g_strdup (json_node_get_string (node));
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? "true" : "false");
    default:
      return NULL;
    }
}

int
anju_test_json_find (JsonNode   *root,
                     const char *array_path,
                     const char *member,
                     const char *value)
{
  JsonArray *array = lookup_array (root, array_path);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *text = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;

      text = value_as_text (anju_test_json_lookup (element, member));
      if (g_strcmp0 (text, value) == 0)
        return (int) i;
    }

  return -1;
}

void
anju_test_assert_status_impl (const char *file,
                              int         line,
                              const char *func,
                              guint       status,
                              guint       expected,
                              JsonNode   *reply)
{
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;

  if (status == expected)
    return;

  text = anju_test_json_to_string (reply);
  message = g_strdup_printf ("status %u, expected %u; answer: %s", status, expected, text);
  g_assertion_message (G_LOG_DOMAIN, file, line, func, message);
}

void
anju_test_assert_error_impl (const char *file,
                             int         line,
                             const char *func,
                             guint       status,
                             JsonNode   *reply,
                             guint       expected_status,
                             const char *expected_code)
{
  JsonNode *code = anju_test_json_lookup (reply, "error.code");
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;

  if (status == expected_status
      && code != NULL
      && JSON_NODE_HOLDS_VALUE (code)
      && json_node_get_value_type (code) == G_TYPE_STRING
      && g_strcmp0 (json_node_get_string (code), expected_code) == 0)
    return;

  text = anju_test_json_to_string (reply);
  message = g_strdup_printf ("expected %u %s; got status %u, answer: %s",
                             expected_status, expected_code, status, text);
  g_assertion_message (G_LOG_DOMAIN, file, line, func, message);
}
