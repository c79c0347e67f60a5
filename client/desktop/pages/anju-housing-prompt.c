/* anju-housing-prompt.c: a short question with a few fields. */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-housing-prompt.h"

typedef enum
{
  FIELD_TEXT,
  FIELD_INTEGER,
  FIELD_CHOICE,
} FieldKind;

typedef struct
{
  char               *member;   /* (owned) */
  FieldKind           kind;
  gboolean            required;
  GtkWidget          *row;      /* (unowned) an AdwEntryRow or AdwComboRow */
  const char * const *codes;    /* (unowned) static, for a choice */
} Field;

struct _AnjuHousingPrompt
{
  AdwMessageDialog      *dialog;    /* (unowned) owns the prompt */
  AdwPreferencesGroup   *group;     /* (unowned) */
  GtkWidget             *page;      /* (owned) */
  AnjuRecord            *record;    /* (owned) (nullable) */
  char                  *response;  /* (owned) */
  GArray                *fields;    /* (owned) of Field */
  AnjuHousingPromptDone  done;
};

static void
field_clear (gpointer data)
{
  Field *field = data;

  g_free (field->member);
}

static void
prompt_free (AnjuHousingPrompt *prompt)
{
  g_clear_object (&prompt->page);
  g_clear_object (&prompt->record);
  g_free (prompt->response);
  g_array_unref (prompt->fields);
  g_free (prompt);
}

static char *
stripped_text (GtkWidget *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* The answer needs every required row, and numbers where numbers go. */
static void
update_response (AnjuHousingPrompt *prompt)
{
  gboolean ready = TRUE;

  for (guint i = 0; i < prompt->fields->len; i++)
    {
      Field *field = &g_array_index (prompt->fields, Field, i);
      g_autofree char *text = NULL;
      gboolean ok = TRUE;

      if (field->kind == FIELD_CHOICE)
        continue;

      text = stripped_text (field->row);
      if (field->required && *text == '\0')
        ok = FALSE;
      if (field->kind == FIELD_INTEGER && *text != '\0'
          && !g_ascii_string_to_signed (text, 10, G_MININT, G_MAXINT, NULL, NULL))
        ok = FALSE;

      /* Only a number that cannot be one is marked; an empty row just
       * keeps the answer disabled. */
      if (field->kind == FIELD_INTEGER && *text != '\0' && !ok)
        gtk_widget_add_css_class (field->row, "error");
      else
        gtk_widget_remove_css_class (field->row, "error");
      ready &= ok;
    }

  adw_message_dialog_set_response_enabled (prompt->dialog, prompt->response, ready);
}

static JsonNode *
build_body (AnjuHousingPrompt *prompt)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  for (guint i = 0; i < prompt->fields->len; i++)
    {
      Field *field = &g_array_index (prompt->fields, Field, i);
      g_autofree char *text = NULL;
      gint64 number = 0;

      if (field->kind == FIELD_CHOICE)
        {
          guint position = adw_combo_row_get_selected (ADW_COMBO_ROW (field->row));

          if (position < g_strv_length ((char **) field->codes))
            {
              json_builder_set_member_name (builder, field->member);
              json_builder_add_string_value (builder, field->codes[position]);
            }
          continue;
        }

      text = stripped_text (field->row);
      if (field->kind == FIELD_INTEGER)
        {
          if (*text != '\0' && g_ascii_string_to_signed (text, 10, G_MININT, G_MAXINT, &number, NULL))
            {
              json_builder_set_member_name (builder, field->member);
              json_builder_add_int_value (builder, number);
            }
          continue;
        }

      json_builder_set_member_name (builder, field->member);
      json_builder_add_string_value (builder, text);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
response_cb (AdwMessageDialog  *dialog,
             const char        *response,
             AnjuHousingPrompt *prompt)
{
  g_autoptr(JsonNode) body = NULL;

  if (!g_str_equal (response, prompt->response))
    return;

  body = build_body (prompt);
  prompt->done (prompt->page, prompt->record, body);
}

AnjuHousingPrompt *
anju_housing_prompt_new (GtkWidget  *page,
                         AnjuRecord *record,
                         const char *heading,
                         const char *body,
                         const char *response_id,
                         const char *response_label,
                         gboolean    destructive)
{
  AnjuHousingPrompt *prompt;

  g_return_val_if_fail (GTK_IS_WIDGET (page), NULL);
  g_return_val_if_fail (record == NULL || ANJU_IS_RECORD (record), NULL);
  g_return_val_if_fail (response_id != NULL && !g_str_equal (response_id, "cancel"), NULL);

  prompt = g_new0 (AnjuHousingPrompt, 1);
  prompt->page = g_object_ref (page);
  prompt->record = record != NULL ? g_object_ref (record) : NULL;
  prompt->response = g_strdup (response_id);
  prompt->fields = g_array_new (FALSE, TRUE, sizeof (Field));
  g_array_set_clear_func (prompt->fields, field_clear);

  prompt->dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (page)),
                                                               heading, body));
  adw_message_dialog_add_responses (prompt->dialog,
                                    "cancel", _("_Cancel"),
                                    response_id, response_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (prompt->dialog, response_id,
                                              destructive ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (prompt->dialog, "cancel");
  adw_message_dialog_set_close_response (prompt->dialog, "cancel");

  prompt->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_message_dialog_set_extra_child (prompt->dialog, GTK_WIDGET (prompt->group));

  g_object_set_data_full (G_OBJECT (prompt->dialog), "anju-housing-prompt", prompt,
                          (GDestroyNotify) prompt_free);
  return prompt;
}

static void
add_field (AnjuHousingPrompt *prompt,
           Field             *field)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (field->row),
                                  GTK_ACCESSIBLE_PROPERTY_REQUIRED, field->required,
                                  -1);
  adw_preferences_group_add (prompt->group, field->row);
  g_array_append_val (prompt->fields, *field);
}

void
anju_housing_prompt_add_entry (AnjuHousingPrompt *prompt,
                               const char        *member,
                               const char        *title,
                               const char        *initial,
                               gboolean           required,
                               gboolean           integer)
{
  Field field = { g_strdup (member), integer ? FIELD_INTEGER : FIELD_TEXT, required, NULL, NULL };

  g_return_if_fail (prompt != NULL);

  field.row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field.row), title);
  gtk_editable_set_text (GTK_EDITABLE (field.row), initial != NULL ? initial : "");
  g_signal_connect_swapped (field.row, "changed", G_CALLBACK (update_response), prompt);
  add_field (prompt, &field);
  update_response (prompt);
}

void
anju_housing_prompt_add_choice (AnjuHousingPrompt    *prompt,
                                const char           *member,
                                const char           *title,
                                const char * const   *codes,
                                AnjuHousingLabelFunc  label)
{
  Field field = { g_strdup (member), FIELD_CHOICE, TRUE, NULL, codes };
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  g_return_if_fail (prompt != NULL);
  g_return_if_fail (codes != NULL && label != NULL);

  for (const char * const *code = codes; *code != NULL; code++)
    gtk_string_list_append (labels, label (*code));

  field.row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field.row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (field.row), G_LIST_MODEL (labels));
  add_field (prompt, &field);
}

GtkWidget *
anju_housing_prompt_present (AnjuHousingPrompt     *prompt,
                             AnjuHousingPromptDone  done)
{
  g_return_val_if_fail (prompt != NULL, NULL);
  g_return_val_if_fail (done != NULL, NULL);

  prompt->done = done;
  g_signal_connect (prompt->dialog, "response", G_CALLBACK (response_cb), prompt);
  gtk_window_present (GTK_WINDOW (prompt->dialog));

  return GTK_WIDGET (prompt->dialog);
}
