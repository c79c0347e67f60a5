/* anju-pubrent-form.c: rows for a JSON object's members, from a table. */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-field-error.h"
#include "anju-pubrent-form.h"

typedef struct
{
  const AnjuPubrentField *field;
  GtkWidget              *row;      /* (unowned) */
  GtkWidget              *value;    /* (unowned) the GtkSwitch of a boolean, else the row */
  GtkWidget              *error;    /* (unowned) the message label in the row */
  JsonArray              *codes;    /* (unowned) the code set of a combo row, else NULL */
} Slot;

struct _AnjuPubrentForm
{
  JsonObject *codes;   /* (owned) (nullable) */
  GArray     *slots;   /* Slot */
};

AnjuPubrentForm *
anju_pubrent_form_new (JsonObject *codes)
{
  AnjuPubrentForm *self = g_new0 (AnjuPubrentForm, 1);

  self->codes = codes != NULL ? json_object_ref (codes) : NULL;
  self->slots = g_array_new (FALSE, TRUE, sizeof (Slot));
  return self;
}

void
anju_pubrent_form_free (AnjuPubrentForm *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->codes, json_object_unref);
  g_array_unref (self->slots);
  g_free (self);
}

static JsonArray *
code_set (JsonObject *codes,
          const char *name)
{
  JsonNode *node;

  if (codes == NULL || name == NULL)
    return NULL;
  node = json_object_get_member (codes, name);
  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static const char *
string_member (JsonObject *object,
               const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static const char *
code_at (JsonArray *set,
         guint      index)
{
  JsonNode *node = index < json_array_get_length (set) ? json_array_get_element (set, index) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? string_member (json_node_get_object (node), "code") : NULL;
}

const char *
anju_pubrent_codes_name (JsonObject *codes,
                         const char *set_name,
                         const char *code)
{
  JsonArray *set = code_set (codes, set_name);
  guint n = set != NULL ? json_array_get_length (set) : 0;

  if (code == NULL)
    return NULL;

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (code_at (set, i), code) == 0)
      return string_member (json_node_get_object (json_array_get_element (set, i)), "name");

  return NULL;
}

static GtkWidget *
make_combo_row (JsonArray *set)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *row = adw_combo_row_new ();

  /* Position 0 is "not given": most coded fields are optional. */
  gtk_string_list_append (names, C_("code", "Not given"));
  for (guint i = 0; i < json_array_get_length (set); i++)
    {
      JsonNode *node = json_array_get_element (set, i);
      const char *name = JSON_NODE_HOLDS_OBJECT (node) ? string_member (json_node_get_object (node), "name") : NULL;

      gtk_string_list_append (names, name != NULL ? name : "");
    }
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (names));
  return row;
}

static void
add_slot (AnjuPubrentForm        *self,
          GtkWidget              *group,
          const AnjuPubrentField *field)
{
  Slot slot = { .field = field };
  JsonArray *set = field->kind == ANJU_PUBRENT_FIELD_CODE ? code_set (self->codes, field->code_set) : NULL;

  if (field->kind == ANJU_PUBRENT_FIELD_BOOLEAN)
    {
      slot.row = adw_action_row_new ();
      slot.value = gtk_switch_new ();
      gtk_widget_set_valign (slot.value, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (slot.row), slot.value);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (slot.row), slot.value);
      gtk_accessible_update_property (GTK_ACCESSIBLE (slot.value),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _(field->label), -1);
    }
  else if (set != NULL)
    {
      slot.row = make_combo_row (set);
      slot.codes = set;
      slot.value = slot.row;
    }
  else
    {
      slot.row = adw_entry_row_new ();
      slot.value = slot.row;
      if (field->kind != ANJU_PUBRENT_FIELD_TEXT && field->kind != ANJU_PUBRENT_FIELD_CODE)
        gtk_editable_set_width_chars (GTK_EDITABLE (slot.row), 12);
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (slot.row), _(field->label));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (slot.row), FALSE);
  slot.error = gtk_label_new (NULL);
  gtk_widget_set_visible (slot.error, FALSE);
  gtk_label_set_wrap (GTK_LABEL (slot.error), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (slot.error), 28);
  gtk_widget_add_css_class (slot.error, "error");
  if (ADW_IS_ENTRY_ROW (slot.row))
    adw_entry_row_add_suffix (ADW_ENTRY_ROW (slot.row), slot.error);
  else
    adw_action_row_add_suffix (ADW_ACTION_ROW (slot.row), slot.error);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), slot.row);
  g_array_append_val (self->slots, slot);
}

GtkWidget *
anju_pubrent_form_add_group (AnjuPubrentForm        *self,
                             const char             *title,
                             const AnjuPubrentField *fields,
                             guint                   n_fields)
{
  GtkWidget *group = adw_preferences_group_new ();

  g_return_val_if_fail (self != NULL, NULL);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _(title));
  for (guint i = 0; i < n_fields; i++)
    add_slot (self, group, &fields[i]);
  return group;
}

static Slot *
find_slot (AnjuPubrentForm *self,
           const char      *member)
{
  for (guint i = 0; i < self->slots->len; i++)
    {
      Slot *slot = &g_array_index (self->slots, Slot, i);

      if (g_strcmp0 (slot->field->member, member) == 0)
        return slot;
    }
  return NULL;
}

GtkWidget *
anju_pubrent_form_get_row (AnjuPubrentForm *self,
                           const char      *member)
{
  Slot *slot;

  g_return_val_if_fail (self != NULL, NULL);

  slot = find_slot (self, member);
  return slot != NULL ? slot->row : NULL;
}

static void
slot_set_text (Slot       *slot,
               const char *text)
{
  if (GTK_IS_SWITCH (slot->value))
    gtk_switch_set_active (GTK_SWITCH (slot->value), g_strcmp0 (text, "true") == 0);
  else if (slot->codes != NULL)
    {
      guint position = 0;

      for (guint i = 0; text != NULL && i < json_array_get_length (slot->codes); i++)
        if (g_strcmp0 (code_at (slot->codes, i), text) == 0)
          position = i + 1;
      adw_combo_row_set_selected (ADW_COMBO_ROW (slot->row), position);
    }
  else
    gtk_editable_set_text (GTK_EDITABLE (slot->row), text != NULL ? text : "");
}

/* A JSON value as the text a row holds. */
static char *
node_text (JsonNode *node)
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
    case G_TYPE_DOUBLE:
      return g_strdup_printf ("%.2f", json_node_get_double (node));
    default:
      return NULL;
    }
}

void
anju_pubrent_form_set_values (AnjuPubrentForm *self,
                              JsonObject      *object)
{
  g_return_if_fail (self != NULL);

  for (guint i = 0; i < self->slots->len; i++)
    {
      Slot *slot = &g_array_index (self->slots, Slot, i);
      JsonNode *node = object != NULL ? json_object_get_member (object, slot->field->member) : NULL;
      g_autofree char *text = node_text (node);

      slot_set_text (slot, text);
    }
}

void
anju_pubrent_form_set_text (AnjuPubrentForm *self,
                            const char      *member,
                            const char      *value)
{
  Slot *slot;

  g_return_if_fail (self != NULL);

  slot = find_slot (self, member);
  if (slot != NULL)
    slot_set_text (slot, value);
}

static char *
slot_get_text (Slot *slot)
{
  if (GTK_IS_SWITCH (slot->value))
    return g_strdup (gtk_switch_get_active (GTK_SWITCH (slot->value)) ? "true" : "false");

  if (slot->codes != NULL)
    {
      guint position = adw_combo_row_get_selected (ADW_COMBO_ROW (slot->row));

      return position > 0 && position != GTK_INVALID_LIST_POSITION
             ? g_strdup (code_at (slot->codes, position - 1)) : NULL;
    }

  {
    g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (slot->row))));

    return *text != '\0' ? g_steal_pointer (&text) : NULL;
  }
}

char *
anju_pubrent_form_get_text (AnjuPubrentForm *self,
                            const char      *member)
{
  Slot *slot;

  g_return_val_if_fail (self != NULL, NULL);

  slot = find_slot (self, member);
  return slot != NULL ? slot_get_text (slot) : NULL;
}

void
anju_pubrent_form_get_values (AnjuPubrentForm *self,
                              JsonObject      *object)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (object != NULL);

  for (guint i = 0; i < self->slots->len; i++)
    {
      Slot *slot = &g_array_index (self->slots, Slot, i);
      const char *member = slot->field->member;
      g_autofree char *text = slot_get_text (slot);
      gint64 count;

      if (text == NULL)
        json_object_set_null_member (object, member);
      else if (slot->field->kind == ANJU_PUBRENT_FIELD_BOOLEAN)
        json_object_set_boolean_member (object, member, g_str_equal (text, "true"));
      else if (slot->field->kind == ANJU_PUBRENT_FIELD_COUNT
               && g_ascii_string_to_signed (text, 10, 0, G_MAXINT32, &count, NULL))
        json_object_set_int_member (object, member, count);
      else
        json_object_set_string_member (object, member, text);
    }
}

static AnjuFieldSlot
field_slot (const Slot *slot)
{
  return (AnjuFieldSlot) { slot->field->member, slot->row, slot->error };
}

guint
anju_pubrent_form_show_errors (AnjuPubrentForm *self,
                               JsonObject      *fields,
                               const char      *prefix)
{
  guint shown = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; fields != NULL && i < self->slots->len; i++)
    {
      Slot *slot = &g_array_index (self->slots, Slot, i);
      g_autofree char *name = g_strconcat (prefix != NULL ? prefix : "", slot->field->member, NULL);
      const char *message = string_member (fields, name);
      AnjuFieldSlot field = field_slot (slot);

      if (message != NULL)
        {
          anju_field_error_set (&field, message);
          shown++;
        }
    }
  return shown;
}

void
anju_pubrent_form_clear_errors (AnjuPubrentForm *self)
{
  g_return_if_fail (self != NULL);

  for (guint i = 0; i < self->slots->len; i++)
    {
      AnjuFieldSlot field = field_slot (&g_array_index (self->slots, Slot, i));

      anju_field_error_set (&field, NULL);
    }
}

char *
anju_pubrent_form_display (JsonObject             *codes,
                           const AnjuPubrentField *field,
                           JsonObject             *object)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, field->member) : NULL;
  g_autofree char *text = node_text (node);
  const char *name;

  if (text == NULL)
    return NULL;

  if (field->kind == ANJU_PUBRENT_FIELD_BOOLEAN)
    return g_strdup (g_str_equal (text, "true") ? _("Yes") : _("No"));

  if (field->kind == ANJU_PUBRENT_FIELD_CODE
      && (name = anju_pubrent_codes_name (codes, field->code_set, text)) != NULL)
    return g_strdup (name);

  return g_steal_pointer (&text);
}
