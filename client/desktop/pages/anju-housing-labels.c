/* anju-housing-labels.c: the words and numbers of the housing stock. */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "anju-code-label.h"

#include "anju-housing-labels.h"
#include "anju-money.h"
#include "anju-record.h"

static const char * const project_statuses[] = { "planning", "building", "operating", "closed", NULL };

static const AnjuCodeLabel project_status_labels[] = {
  { "planning", "project status", NC_("project status", "Planning") },
  { "building", "project status", NC_("project status", "Under construction") },
  { "operating", "project status", NC_("project status", "Operating") },
  { "closed", "project status", NC_("project status", "Closed") },
};

static const char * const unit_states[] = { "vacant", "allocated", "leased", NULL };

static const AnjuCodeLabel unit_state_labels[] = {
  { "vacant", "unit state", NC_("unit state", "Vacant") },
  { "allocated", "unit state", NC_("unit state", "Allocated") },
  { "leased", "unit state", NC_("unit state", "Leased") },
};

static const char * const unit_layouts[] = { "studio", "one_bedroom", "two_bedroom", "three_bedroom", NULL };

static const AnjuCodeLabel unit_layout_labels[] = {
  { "studio", "unit layout", NC_("unit layout", "Studio") },
  { "one_bedroom", "unit layout", NC_("unit layout", "One bedroom") },
  { "two_bedroom", "unit layout", NC_("unit layout", "Two bedrooms") },
  { "three_bedroom", "unit layout", NC_("unit layout", "Three bedrooms") },
};

static const char * const abnormal_kinds[] = { "long_vacancy", "needs_repair", "other", NULL };

static const AnjuCodeLabel abnormal_kind_labels[] = {
  { "long_vacancy", "abnormal kind", NC_("abnormal kind", "Long vacancy") },
  { "needs_repair", "abnormal kind", NC_("abnormal kind", "Needs repair") },
  { "other", "abnormal kind", NC_("abnormal kind", "Other") },
};

/* In the order a change lists them: the Unit's members as docs/api.md
 * has them, then the parts of an abnormal mark as the log may keep them
 * flat. */
static const AnjuCodeLabel unit_field_labels[] = {
  { "unit_no", "unit field", NC_("unit field", "Unit no.") },
  { "project", "unit field", NC_("unit field", "Project") },
  { "project_id", "unit field", NC_("unit field", "Project") },
  { "building", "unit field", NC_("unit field", "Building") },
  { "building_id", "unit field", NC_("unit field", "Building") },
  { "entrance", "unit field", NC_("unit field", "Entrance") },
  { "room_no", "unit field", NC_("unit field", "Room") },
  { "floor", "unit field", NC_("unit field", "Floor") },
  { "layout", "unit field", NC_("unit field", "Layout") },
  { "room_count", "unit field", NC_("unit field", "Rooms") },
  { "floor_area", "unit field", NC_("unit field", "Floor area") },
  { "inner_area", "unit field", NC_("unit field", "Inner area") },
  { "orientation", "unit field", NC_("unit field", "Orientation") },
  { "monthly_rent", "unit field", NC_("unit field", "Monthly rent") },
  { "facilities", "unit field", NC_("unit field", "Facilities") },
  { "state", "unit field", NC_("unit field", "State") },
  { "abnormal", "unit field", NC_("unit field", "Abnormal") },
  { "abnormal_kind", "unit field", NC_("unit field", "Abnormal kind") },
  { "abnormal_reason", "unit field", NC_("unit field", "Abnormal reason") },
  { "abnormal_suggestion", "unit field", NC_("unit field", "Suggested handling") },
  { "kind", "unit field", NC_("unit field", "Abnormal kind") },
  { "reason", "unit field", NC_("unit field", "Reason") },
  { "suggestion", "unit field", NC_("unit field", "Suggested handling") },
};

/* The server's actions (server/pubrent/housing), also as audit verbs
 * ("pubrent.unit.abnormal_mark"), and other spellings of the same. */
static const AnjuCodeLabel change_action_labels[] = {
  { "create", "unit change", NC_("unit change", "Created") },
  { "import", "unit change", NC_("unit change", "Imported") },
  { "update", "unit change", NC_("unit change", "Changed") },
  { "state_change", "unit change", NC_("unit change", "State changed") },
  { "abnormal_mark", "unit change", NC_("unit change", "Marked abnormal") },
  { "abnormal_unmark", "unit change", NC_("unit change", "Abnormal mark cleared") },
  { "abnormal.mark", "unit change", NC_("unit change", "Marked abnormal") },
  { "mark_abnormal", "unit change", NC_("unit change", "Marked abnormal") },
  { "abnormal", "unit change", NC_("unit change", "Marked abnormal") },
  { "abnormal.clear", "unit change", NC_("unit change", "Abnormal mark cleared") },
  { "abnormal.unmark", "unit change", NC_("unit change", "Abnormal mark cleared") },
  { "clear_abnormal", "unit change", NC_("unit change", "Abnormal mark cleared") },
  { "unmark_abnormal", "unit change", NC_("unit change", "Abnormal mark cleared") },
};

const char * const *
anju_project_status_codes (void)
{
  return project_statuses;
}

const char *
anju_project_status_label (const char *status)
{
  return anju_code_label_lookup (project_status_labels, G_N_ELEMENTS (project_status_labels), status);
}

const char * const *
anju_unit_state_codes (void)
{
  return unit_states;
}

const char *
anju_unit_state_label (const char *state)
{
  return anju_code_label_lookup (unit_state_labels, G_N_ELEMENTS (unit_state_labels), state);
}

const char * const *
anju_unit_layout_codes (void)
{
  return unit_layouts;
}

const char *
anju_unit_layout_label (const char *layout)
{
  return anju_code_label_lookup (unit_layout_labels, G_N_ELEMENTS (unit_layout_labels), layout);
}

const char * const *
anju_abnormal_kind_codes (void)
{
  return abnormal_kinds;
}

const char *
anju_abnormal_kind_label (const char *kind)
{
  return anju_code_label_lookup (abnormal_kind_labels, G_N_ELEMENTS (abnormal_kind_labels), kind);
}

const char *
anju_unit_field_label (const char *member)
{
  return anju_code_label_lookup (unit_field_labels, G_N_ELEMENTS (unit_field_labels), member);
}

const char *
anju_unit_change_action_label (const char *action)
{
  const char *code = action;

  if (code != NULL && g_str_has_prefix (code, "pubrent.unit."))
    code = code + strlen ("pubrent.unit.");

  if (anju_code_label_find (change_action_labels, G_N_ELEMENTS (change_action_labels), code) == NULL)
    return action;

  return anju_code_label_lookup (change_action_labels, G_N_ELEMENTS (change_action_labels), code);
}

/* "1,250.00" from fen; the decimal strings of the API have the same
 * shape for money and area, so both go through the money parser. */
static char *
format_hundredths (const char *text,
                   const char *prefix,
                   const char *suffix)
{
  g_autofree char *formatted = NULL;
  gint64 hundredths = 0;

  if (text == NULL)
    return NULL;
  if (!anju_money_parse_fen (text, &hundredths, NULL))
    return g_strdup (text);

  formatted = anju_money_format_fen (hundredths);
  return g_strconcat (prefix, formatted, suffix, NULL);
}

char *
anju_housing_format_rent (const char *yuan)
{
  return format_hundredths (yuan, "¥", "");
}

char *
anju_housing_format_area (const char *square_metres)
{
  return format_hundredths (square_metres, "", " m²");
}

static gboolean
is_area (const char *member)
{
  return g_strcmp0 (member, "floor_area") == 0 || g_strcmp0 (member, "inner_area") == 0;
}

/* A number kept as integer hundredths (the stored unit) or sent as the
 * API's decimal string. */
static char *
hundredths_text (const char *member,
                 JsonNode   *value)
{
  g_autofree char *decimal = NULL;

  if (json_node_get_value_type (value) == G_TYPE_STRING)
    decimal = g_strdup (json_node_get_string (value));
  else if (json_node_get_value_type (value) == G_TYPE_INT64)
    {
      gint64 hundredths = json_node_get_int (value);

      decimal = g_strdup_printf ("%s%" G_GINT64_FORMAT ".%02d", hundredths < 0 ? "-" : "",
                                 ABS (hundredths) / 100, (int) (ABS (hundredths) % 100));
    }
  else
    return NULL;

  return is_area (member) ? anju_housing_format_area (decimal) : anju_housing_format_rent (decimal);
}

static const char *
code_text (const char *member,
           const char *code)
{
  if (g_strcmp0 (member, "state") == 0)
    return anju_unit_state_label (code);
  if (g_strcmp0 (member, "layout") == 0)
    return anju_unit_layout_label (code);
  if (g_strcmp0 (member, "kind") == 0 || g_strcmp0 (member, "abnormal_kind") == 0)
    return anju_abnormal_kind_label (code);
  return code;
}

/* An abnormal mark as one line: "Needs repair: the roof leaks". */
static char *
abnormal_text (JsonObject *abnormal)
{
  const char *kind = anju_json_get_string (abnormal, "kind");
  const char *reason = anju_json_get_string (abnormal, "reason");

  if (kind == NULL)
    return g_strdup (reason != NULL ? reason : C_("unit value", "Yes"));
  if (reason == NULL || *reason == '\0')
    return g_strdup (anju_abnormal_kind_label (kind));

  /* Translators: %1$s is the kind of an abnormal unit, %2$s the reason */
  return g_strdup_printf (_("%1$s: %2$s"), anju_abnormal_kind_label (kind), reason);
}

char *
anju_unit_value_text (const char *member,
                      JsonNode   *value)
{
  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    return g_strdup ("—");

  if (JSON_NODE_HOLDS_OBJECT (value))
    {
      JsonObject *object = json_node_get_object (value);

      if (g_strcmp0 (member, "abnormal") == 0)
        return abnormal_text (object);
      if (json_object_has_member (object, "name")
          && json_node_get_value_type (json_object_get_member (object, "name")) == G_TYPE_STRING)
        return g_strdup (json_object_get_string_member (object, "name"));
    }
  else if (JSON_NODE_HOLDS_VALUE (value))
    {
      GType type = json_node_get_value_type (value);

      if (g_strcmp0 (member, "monthly_rent") == 0 || is_area (member))
        {
          char *text = hundredths_text (member, value);

          if (text != NULL)
            return text;
        }
      if (type == G_TYPE_BOOLEAN)
        return g_strdup (json_node_get_boolean (value) ? C_("unit value", "Yes") : C_("unit value", "No"));
      if (type == G_TYPE_STRING)
        {
          const char *text = json_node_get_string (value);

          return g_strdup (*text == '\0' ? "—" : code_text (member, text));
        }
      if (type == G_TYPE_INT64)
        return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (value));
      if (type == G_TYPE_DOUBLE)
        return g_strdup_printf ("%g", json_node_get_double (value));
    }

  return json_to_string (value, FALSE);
}

static JsonNode *
member_of (JsonObject *object,
           const char *member)
{
  return object != NULL && json_object_has_member (object, member)
         ? json_object_get_member (object, member) : NULL;
}

static gboolean
values_equal (JsonNode *a,
              JsonNode *b)
{
  gboolean a_null = a == NULL || JSON_NODE_HOLDS_NULL (a);
  gboolean b_null = b == NULL || JSON_NODE_HOLDS_NULL (b);

  if (a_null || b_null)
    return a_null == b_null;

  return json_node_equal (a, b);
}

static void
describe_member (GString    *lines,
                 const char *member,
                 JsonObject *before,
                 JsonObject *after)
{
  JsonNode *old_value = member_of (before, member);
  JsonNode *new_value = member_of (after, member);
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;

  if (values_equal (old_value, new_value))
    return;

  old_text = anju_unit_value_text (member, old_value);
  new_text = anju_unit_value_text (member, new_value);
  if (lines->len > 0)
    g_string_append_c (lines, '\n');
  /* Translators: one line of a unit's change log: %1$s is a field
   * ("Monthly rent"), %2$s its old value, %3$s its new one */
  g_string_append_printf (lines, _("%1$s: %2$s → %3$s"), anju_unit_field_label (member), old_text, new_text);
}

/* Bookkeeping that changes with every write says nothing to a reader. */
static const char * const unlisted_members[] = { "id", "created_at", "updated_at", NULL };

static void
add_members (GPtrArray  *members,
             JsonObject *object)
{
  g_autoptr(GList) names = object != NULL ? json_object_get_members (object) : NULL;

  for (GList *l = names; l != NULL; l = l->next)
    {
      gboolean known = anju_code_label_find (unit_field_labels, G_N_ELEMENTS (unit_field_labels), l->data) != NULL;

      if (!known && !g_strv_contains (unlisted_members, l->data)
          && !g_ptr_array_find_with_equal_func (members, l->data, g_str_equal, NULL))
        g_ptr_array_add (members, l->data);
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

char *
anju_unit_change_describe (JsonObject *change)
{
  JsonObject *before = NULL;
  JsonObject *after = NULL;
  g_autoptr(GPtrArray) others = g_ptr_array_new ();
  GString *lines;
  JsonNode *node;

  g_return_val_if_fail (change != NULL, NULL);

  lines = g_string_new (NULL);

  if ((node = member_of (change, "before")) != NULL && JSON_NODE_HOLDS_OBJECT (node))
    before = json_node_get_object (node);
  if ((node = member_of (change, "after")) != NULL && JSON_NODE_HOLDS_OBJECT (node))
    after = json_node_get_object (node);

  for (gsize i = 0; i < G_N_ELEMENTS (unit_field_labels); i++)
    describe_member (lines, unit_field_labels[i].code, before, after);

  /* Members this desktop has no name for still show, after the known
   * ones and in a stable order. */
  add_members (others, before);
  add_members (others, after);
  g_ptr_array_sort (others, compare_names);
  for (guint i = 0; i < others->len; i++)
    describe_member (lines, g_ptr_array_index (others, i), before, after);

  return g_string_free (lines, FALSE);
}
