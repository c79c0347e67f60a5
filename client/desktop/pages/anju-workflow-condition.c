/* anju-workflow-condition.c: conditions of process templates. */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "anju-error.h"
#include "anju-record.h"
#include "anju-workflow-condition.h"

typedef struct
{
  const char *id;
  const char *label;  /* N_() */
} OpName;

static const OpName op_names[] = {
  [ANJU_WORKFLOW_OP_EQ]    = { "eq",    N_("equals") },
  [ANJU_WORKFLOW_OP_NE]    = { "ne",    N_("does not equal") },
  [ANJU_WORKFLOW_OP_GT]    = { "gt",    N_("is greater than") },
  [ANJU_WORKFLOW_OP_GE]    = { "ge",    N_("is at least") },
  [ANJU_WORKFLOW_OP_LT]    = { "lt",    N_("is less than") },
  [ANJU_WORKFLOW_OP_LE]    = { "le",    N_("is at most") },
  [ANJU_WORKFLOW_OP_IN]    = { "in",    N_("is one of") },
  [ANJU_WORKFLOW_OP_SET]   = { "set",   N_("is filled in") },
  [ANJU_WORKFLOW_OP_UNSET] = { "unset", N_("is not filled in") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (op_names) == ANJU_WORKFLOW_N_OPS);

/* What separates the items of an `in` list: people type the ASCII
 * comma, the full-width one or the enumeration comma. */
static const char * const separators[] = { ",", "，", "、" };

const char *
anju_workflow_op_to_string (AnjuWorkflowOp op)
{
  if ((guint) op >= ANJU_WORKFLOW_N_OPS)
    return NULL;

  return op_names[op].id;
}

gboolean
anju_workflow_op_from_string (const char     *text,
                              AnjuWorkflowOp *out_op)
{
  g_return_val_if_fail (out_op != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  for (guint i = 0; i < ANJU_WORKFLOW_N_OPS; i++)
    {
      if (g_str_equal (op_names[i].id, text))
        {
          *out_op = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
anju_workflow_op_label (AnjuWorkflowOp op)
{
  if ((guint) op >= ANJU_WORKFLOW_N_OPS)
    return NULL;

  return _(op_names[op].label);
}

gboolean
anju_workflow_op_takes_value (AnjuWorkflowOp op)
{
  return op != ANJU_WORKFLOW_OP_SET && op != ANJU_WORKFLOW_OP_UNSET;
}

AnjuWorkflowCondition *
anju_workflow_condition_new (void)
{
  AnjuWorkflowCondition *self = g_new0 (AnjuWorkflowCondition, 1);

  self->field = g_strdup ("");
  self->op = ANJU_WORKFLOW_OP_EQ;
  return self;
}

AnjuWorkflowCondition *
anju_workflow_condition_copy (const AnjuWorkflowCondition *self)
{
  AnjuWorkflowCondition *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (AnjuWorkflowCondition, 1);
  copy->field = g_strdup (self->field);
  copy->op = self->op;
  copy->value = self->value != NULL ? json_node_copy (self->value) : NULL;
  return copy;
}

void
anju_workflow_condition_free (AnjuWorkflowCondition *self)
{
  if (self == NULL)
    return;

  g_free (self->field);
  g_clear_pointer (&self->value, json_node_unref);
  g_free (self);
}

AnjuWorkflowCondition *
anju_workflow_condition_from_json (JsonNode  *node,
                                   GError   **error)
{
  g_autoptr(AnjuWorkflowCondition) self = NULL;
  JsonObject *object;
  const char *field;
  const char *op;
  JsonNode *value;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_MALFORMED,
                           "a condition is not an object");
      return NULL;
    }

  object = json_node_get_object (node);
  field = anju_json_get_string (object, "field");
  op = anju_json_get_string (object, "op");

  self = anju_workflow_condition_new ();
  if (field != NULL)
    {
      g_free (self->field);
      self->field = g_strdup (field);
    }
  if (!anju_workflow_op_from_string (op, &self->op))
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_MALFORMED,
                   "unknown condition operator “%s”", op != NULL ? op : "");
      return NULL;
    }

  value = json_object_get_member (object, "value");
  if (value != NULL && !JSON_NODE_HOLDS_NULL (value) && anju_workflow_op_takes_value (self->op))
    self->value = json_node_copy (value);

  return g_steal_pointer (&self);
}

JsonNode *
anju_workflow_condition_to_json (const AnjuWorkflowCondition *self)
{
  g_autoptr(JsonObject) object = json_object_new ();
  JsonNode *node;

  g_return_val_if_fail (self != NULL, NULL);

  json_object_set_string_member (object, "field", self->field);
  json_object_set_string_member (object, "op", anju_workflow_op_to_string (self->op));
  if (anju_workflow_op_takes_value (self->op))
    {
      if (self->value != NULL)
        json_object_set_member (object, "value", json_node_copy (self->value));
      else
        json_object_set_null_member (object, "value");
    }

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (node, object);
  return node;
}

GPtrArray *
anju_workflow_conditions_from_json (JsonNode  *node,
                                    GError   **error)
{
  g_autoptr(GPtrArray) conditions = g_ptr_array_new_with_free_func ((GDestroyNotify) anju_workflow_condition_free);
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_steal_pointer (&conditions);

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_MALFORMED,
                           "conditions are not an array");
      return NULL;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      AnjuWorkflowCondition *condition;

      condition = anju_workflow_condition_from_json (json_array_get_element (array, i), error);
      if (condition == NULL)
        return NULL;
      g_ptr_array_add (conditions, condition);
    }

  return g_steal_pointer (&conditions);
}

JsonNode *
anju_workflow_conditions_to_json (GPtrArray *conditions)
{
  g_autoptr(JsonArray) array = json_array_new ();
  JsonNode *node;

  for (guint i = 0; conditions != NULL && i < conditions->len; i++)
    json_array_add_element (array, anju_workflow_condition_to_json (g_ptr_array_index (conditions, i)));

  node = json_node_new (JSON_NODE_ARRAY);
  json_node_set_array (node, array);
  return node;
}

GPtrArray *
anju_workflow_conditions_copy (GPtrArray *conditions)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func ((GDestroyNotify) anju_workflow_condition_free);

  for (guint i = 0; conditions != NULL && i < conditions->len; i++)
    g_ptr_array_add (copy, anju_workflow_condition_copy (g_ptr_array_index (conditions, i)));

  return copy;
}

/* Value text → JSON */

static gboolean
is_number_text (const char *text)
{
  gboolean digits = FALSE;

  /* Only what a decimal number is made of: g_ascii_strtod() would also
   * read "inf", "nan" and hexadecimal, which nobody means here. */
  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits = TRUE;
      else if (strchr ("+-.eE", *p) == NULL)
        return FALSE;
    }

  return digits;
}

static JsonNode *
scalar_from_text (const char *text)
{
  gsize length = strlen (text);
  gint64 integer;
  char *end = NULL;
  double number;

  if (length >= 2 && text[0] == '"' && text[length - 1] == '"')
    {
      g_autofree char *inner = g_strndup (text + 1, length - 2);

      return json_node_init_string (json_node_alloc (), inner);
    }

  if (g_str_equal (text, "true") || g_str_equal (text, "false"))
    return json_node_init_boolean (json_node_alloc (), g_str_equal (text, "true"));

  if (is_number_text (text))
    {
      if (g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &integer, NULL))
        return json_node_init_int (json_node_alloc (), integer);

      number = g_ascii_strtod (text, &end);
      if (end != NULL && *end == '\0' && isfinite (number))
        return json_node_init_double (json_node_alloc (), number);
    }

  return json_node_init_string (json_node_alloc (), text);
}

/* Length of the separator at p, or 0. */
static gsize
separator_at (const char *p)
{
  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    {
      if (g_str_has_prefix (p, separators[i]))
        return strlen (separators[i]);
    }

  return 0;
}

static void
add_item (JsonArray *array,
          GString   *item)
{
  g_autofree char *text = g_strstrip (g_strdup (item->str));

  if (*text != '\0')
    json_array_add_element (array, scalar_from_text (text));
  g_string_truncate (item, 0);
}

/* Splits at separators outside double quotes. */
static JsonNode *
list_from_text (const char *text)
{
  g_autoptr(JsonArray) array = json_array_new ();
  g_autoptr(GString) item = g_string_new (NULL);
  gboolean quoted = FALSE;
  JsonNode *node;

  for (const char *p = text; *p != '\0';)
    {
      gsize separator = quoted ? 0 : separator_at (p);

      if (separator > 0)
        {
          add_item (array, item);
          p += separator;
          continue;
        }

      if (*p == '"')
        quoted = !quoted;
      g_string_append_c (item, *p);
      p++;
    }
  add_item (array, item);

  if (json_array_get_length (array) == 0)
    return NULL;

  node = json_node_new (JSON_NODE_ARRAY);
  json_node_set_array (node, array);
  return node;
}

void
anju_workflow_condition_set_value_text (AnjuWorkflowCondition *self,
                                        const char            *text)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->value, json_node_unref);
  stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  if (*stripped == '\0' || !anju_workflow_op_takes_value (self->op))
    return;

  if (self->op == ANJU_WORKFLOW_OP_IN)
    self->value = list_from_text (stripped);
  else
    self->value = scalar_from_text (stripped);
}

/* JSON → value text */

static gboolean
has_separator (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (separator_at (p) > 0)
        return TRUE;
    }

  return FALSE;
}

static void
append_scalar_text (GString  *text,
                    JsonNode *node,
                    gboolean  in_list)
{
  if (JSON_NODE_HOLDS_VALUE (node))
    {
      GType type = json_node_get_value_type (node);

      if (type == G_TYPE_BOOLEAN)
        {
          g_string_append (text, json_node_get_boolean (node) ? "true" : "false");
          return;
        }

      if (type == G_TYPE_INT64)
        {
          g_string_append_printf (text, "%" G_GINT64_FORMAT, json_node_get_int (node));
          return;
        }

      if (type == G_TYPE_DOUBLE)
        {
          char buffer[G_ASCII_DTOSTR_BUF_SIZE];

          g_string_append (text, g_ascii_dtostr (buffer, sizeof buffer, json_node_get_double (node)));
          return;
        }

      if (type == G_TYPE_STRING)
        {
          const char *string = json_node_get_string (node);
          g_autoptr(JsonNode) reread = scalar_from_text (string);
          g_autofree char *stripped = g_strstrip (g_strdup (string));

          /* Quote text that would read back as something else: "10",
           * "true", leading blanks, a list separator inside `in`. */
          if (json_node_get_value_type (reread) != G_TYPE_STRING
              || g_strcmp0 (json_node_get_string (reread), string) != 0
              || !g_str_equal (stripped, string)
              || (in_list && has_separator (string)))
            g_string_append_printf (text, "\"%s\"", string);
          else
            g_string_append (text, string);
          return;
        }
    }

  /* Objects and nulls are not something the editor makes; show them as
   * JSON so nothing is hidden. */
  {
    g_autofree char *json = json_to_string (node, FALSE);

    g_string_append (text, json);
  }
}

char *
anju_workflow_condition_get_value_text (const AnjuWorkflowCondition *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);

  if (self->value == NULL)
    return g_strdup ("");

  if (JSON_NODE_HOLDS_ARRAY (self->value))
    {
      JsonArray *array = json_node_get_array (self->value);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          if (i > 0)
            g_string_append (text, ", ");
          append_scalar_text (text, json_array_get_element (array, i), TRUE);
        }
    }
  else
    append_scalar_text (text, self->value, FALSE);

  return g_string_free (g_steal_pointer (&text), FALSE);
}
