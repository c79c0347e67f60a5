/* anju-workflow-condition.c: reading and evaluating step conditions. */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "anju-workflow-condition.h"

#define MAX_FIELD_NAME 64

static const char * const operators[] = {
  "eq", "ne", "gt", "ge", "lt", "le", "in", "set", "unset", NULL,
};

static gboolean
is_field_name (const char *name)
{
  if (name == NULL || *name == '\0' || strlen (name) > MAX_FIELD_NAME)
    return FALSE;
  if (!g_ascii_isalpha (*name) && *name != '_')
    return FALSE;
  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '_')
      return FALSE;
  return TRUE;
}

static gboolean
is_number (JsonNode *node)
{
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

static gboolean
is_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node)
         && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
is_scalar (JsonNode *node)
{
  return is_number (node) || is_string (node)
         || (node != NULL && JSON_NODE_HOLDS_VALUE (node)
             && json_node_get_value_type (node) == G_TYPE_BOOLEAN);
}

static gboolean
is_scalar_list (JsonNode *node)
{
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;
  array = json_node_get_array (node);
  if (json_array_get_length (array) == 0)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (!is_scalar (json_array_get_element (array, i)))
      return FALSE;
  return TRUE;
}

static void
add_problem (AnjuWfCheck *check,
             const char  *path,
             const char  *member,
             const char  *message)
{
  g_autofree char *full = g_strdup_printf ("%s.%s", path, member);

  anju_wf_check_add (check, full, message);
}

/* The value a condition with op needs: NULL when it is acceptable, else
 * the reason. */
static const char *
value_problem (const char *op,
               JsonNode   *value)
{
  if (g_str_equal (op, "set") || g_str_equal (op, "unset"))
    return value == NULL ? NULL : _("Must not be given for this operator");
  if (value == NULL)
    return _("This field is required");
  if (g_str_equal (op, "in"))
    return is_scalar_list (value) ? NULL
           : _("Must be a non-empty list of strings, numbers or true or false");
  if (g_str_equal (op, "eq") || g_str_equal (op, "ne"))
    return is_scalar (value) ? NULL : _("Must be a string, a number or true or false");
  return is_number (value) || is_string (value) ? NULL : _("Must be a number or a string");
}

static JsonNode *
read_condition (AnjuWfCheck *check,
                const char  *path,
                JsonNode    *node)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GList) members = NULL;
  JsonObject *object;
  JsonNode *field;
  JsonNode *op;
  JsonNode *value;
  const char *op_text = NULL;
  const char *why;
  guint problems_before = json_object_get_size (check->problems);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      anju_wf_check_add (check, path, _("Must be a condition object"));
      return NULL;
    }
  object = json_node_get_object (node);
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    if (!g_str_equal (l->data, "field") && !g_str_equal (l->data, "op")
        && !g_str_equal (l->data, "value"))
      add_problem (check, path, l->data, _("Unknown field"));

  field = json_object_get_member (object, "field");
  op = json_object_get_member (object, "op");
  value = json_object_get_member (object, "value");

  if (field == NULL)
    add_problem (check, path, "field", _("This field is required"));
  else if (!is_string (field) || !is_field_name (json_node_get_string (field)))
    add_problem (check, path, "field",
                 _("Must be a field name: letters, digits and “_”, not starting with a digit"));

  if (op == NULL)
    add_problem (check, path, "op", _("This field is required"));
  else if (!is_string (op) || !g_strv_contains (operators, json_node_get_string (op)))
    {
      g_autofree char *allowed = g_strjoinv (", ", (char **) operators);
      /* Translators: %s is a list of the allowed values */
      g_autofree char *why_op = g_strdup_printf (_("Must be one of: %s"), allowed);

      add_problem (check, path, "op", why_op);
    }
  else
    op_text = json_node_get_string (op);

  if (op_text != NULL && (why = value_problem (op_text, value)) != NULL)
    add_problem (check, path, "value", why);

  if (json_object_get_size (check->problems) != problems_before)
    return NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "field");
  json_builder_add_string_value (builder, json_node_get_string (field));
  json_builder_set_member_name (builder, "op");
  json_builder_add_string_value (builder, op_text);
  if (value != NULL)
    {
      json_builder_set_member_name (builder, "value");
      json_builder_add_value (builder, json_node_copy (value));
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

JsonArray *
anju_wf_conditions_read (AnjuWfCheck *check,
                         const char  *path,
                         JsonNode    *node)
{
  JsonArray *conditions = json_array_new ();
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return conditions;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      anju_wf_check_add (check, path, _("Must be a list of conditions"));
      return conditions;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *item_path = g_strdup_printf ("%s[%u]", path, i);
      JsonNode *condition = read_condition (check, item_path, json_array_get_element (array, i));

      if (condition != NULL)
        json_array_add_element (conditions, condition);
    }
  return conditions;
}

/* ---- evaluation ------------------------------------------------------- */

static gboolean
values_equal (JsonNode *a,
              JsonNode *b)
{
  if (is_number (a) && is_number (b))
    return json_node_get_double (a) == json_node_get_double (b);
  if (is_string (a) && is_string (b))
    return g_str_equal (json_node_get_string (a), json_node_get_string (b));
  if (JSON_NODE_HOLDS_VALUE (a) && JSON_NODE_HOLDS_VALUE (b)
      && json_node_get_value_type (a) == G_TYPE_BOOLEAN
      && json_node_get_value_type (b) == G_TYPE_BOOLEAN)
    return json_node_get_boolean (a) == json_node_get_boolean (b);
  return FALSE;
}

/* Sets *out_order to the sign of a − b; FALSE when the two do not order. */
static gboolean
compare_values (JsonNode *a,
                JsonNode *b,
                int      *out_order)
{
  if (is_number (a) && is_number (b))
    {
      double x = json_node_get_double (a);
      double y = json_node_get_double (b);

      *out_order = (x > y) - (x < y);
      return TRUE;
    }
  if (is_string (a) && is_string (b))
    {
      *out_order = g_strcmp0 (json_node_get_string (a), json_node_get_string (b));
      return TRUE;
    }
  return FALSE;
}

static gboolean
list_contains (JsonNode *list,
               JsonNode *value)
{
  JsonArray *array = json_node_get_array (list);

  for (guint i = 0; i < json_array_get_length (array); i++)
    if (values_equal (json_array_get_element (array, i), value))
      return TRUE;
  return FALSE;
}

static gboolean
ordering_holds (const char *op,
                JsonNode   *actual,
                JsonNode   *value)
{
  int order;

  if (actual == NULL || !compare_values (actual, value, &order))
    return FALSE;
  if (g_str_equal (op, "gt"))
    return order > 0;
  if (g_str_equal (op, "ge"))
    return order >= 0;
  if (g_str_equal (op, "lt"))
    return order < 0;
  return order <= 0;
}

static gboolean
condition_holds (JsonObject *condition,
                 JsonObject *fields)
{
  const char *op = json_object_get_string_member (condition, "op");
  JsonNode *value = json_object_get_member (condition, "value");
  JsonNode *actual = json_object_get_member (fields,
                                             json_object_get_string_member (condition, "field"));
  gboolean present = actual != NULL && !JSON_NODE_HOLDS_NULL (actual);

  if (g_str_equal (op, "set"))
    return present;
  if (g_str_equal (op, "unset"))
    return !present;
  if (g_str_equal (op, "eq"))
    return present && values_equal (actual, value);
  if (g_str_equal (op, "ne"))
    return !present || !values_equal (actual, value);
  if (g_str_equal (op, "in"))
    return present && list_contains (value, actual);
  return present && ordering_holds (op, actual, value);
}

gboolean
anju_wf_conditions_hold (JsonArray  *conditions,
                         JsonObject *fields)
{
  for (guint i = 0; conditions != NULL && i < json_array_get_length (conditions); i++)
    if (!condition_holds (json_array_get_object_element (conditions, i), fields))
      return FALSE;
  return TRUE;
}
