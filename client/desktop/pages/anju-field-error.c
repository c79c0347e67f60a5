#include "config.h"

#include <glib/gi18n.h>

#include "anju-error-message.h"
#include "anju-field-error.h"

void
anju_field_error_set (const AnjuFieldSlot *slot,
                      const char          *message)
{
  g_return_if_fail (slot != NULL);
  g_return_if_fail (GTK_IS_WIDGET (slot->row));
  g_return_if_fail (GTK_IS_LABEL (slot->label));

  if (message != NULL)
    {
      gtk_label_set_text (GTK_LABEL (slot->label), message);
      gtk_widget_set_visible (slot->label, TRUE);
      gtk_widget_add_css_class (slot->row, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (slot->row),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (slot->row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
    }
  else
    {
      gtk_label_set_text (GTK_LABEL (slot->label), "");
      gtk_widget_set_visible (slot->label, FALSE);
      gtk_widget_remove_css_class (slot->row, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (slot->row), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (slot->row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

void
anju_field_errors_clear (const AnjuFieldSlot *slots,
                         guint                n_slots)
{
  for (guint i = 0; i < n_slots; i++)
    anju_field_error_set (&slots[i], NULL);
}

guint
anju_field_errors_show (const AnjuFieldSlot *slots,
                        guint                n_slots,
                        JsonObject          *fields)
{
  guint shown = 0;

  if (fields == NULL)
    return 0;

  for (guint i = 0; i < n_slots; i++)
    {
      JsonNode *node;

      if (!json_object_has_member (fields, slots[i].field))
        continue;

      node = json_object_get_member (fields, slots[i].field);
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        continue;

      anju_field_error_set (&slots[i], json_node_get_string (node));
      shown++;
    }

  return shown;
}

void
anju_field_errors_show_failure (const AnjuFieldSlot *slots,
                                guint                n_slots,
                                AnjuApiClient       *client,
                                const GError        *error,
                                GtkLabel            *general_label)
{
  g_autofree char *message = NULL;

  g_return_if_fail (ANJU_IS_API_CLIENT (client));
  g_return_if_fail (error != NULL);
  g_return_if_fail (GTK_IS_LABEL (general_label));

  if (g_error_matches (error, ANJU_ERROR, ANJU_ERROR_VALIDATION)
      && anju_field_errors_show (slots, n_slots,
                                 anju_api_client_get_last_error_fields (client)) > 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (general_label), FALSE);
      return;
    }

  message = anju_error_message_for (error, anju_api_client_get_base_uri (client));
  gtk_label_set_text (general_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (general_label), message != NULL);
}

AnjuRecord *
anju_field_errors_saved_record (const AnjuFieldSlot *slots,
                                guint                n_slots,
                                AnjuApiClient       *client,
                                JsonNode            *answer,
                                const GError        *error,
                                GtkLabel            *general_label)
{
  g_return_val_if_fail (answer != NULL || error != NULL, NULL);
  g_return_val_if_fail (GTK_IS_LABEL (general_label), NULL);

  if (answer == NULL)
    {
      anju_field_errors_show_failure (slots, n_slots, client, error, general_label);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_OBJECT (answer))
    {
      gtk_label_set_text (general_label, _("The server sent an answer this program does not understand."));
      gtk_widget_set_visible (GTK_WIDGET (general_label), TRUE);
      return NULL;
    }

  return anju_record_new (json_node_get_object (answer));
}
