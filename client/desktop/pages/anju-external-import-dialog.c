/* anju-external-import-dialog.c: the dry run's report before an import.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-external-import-dialog.h"

static GtkWidget *
error_row (JsonObject *error)
{
  const char *column = json_object_get_string_member_with_default (error, "column", NULL);
  const char *reason = json_object_get_string_member_with_default (error, "reason", "");
  gint64 row = json_object_get_int_member_with_default (error, "row", 0);
  g_autofree char *title = column != NULL
    /* Translators: %1$d is a spreadsheet row number, %2$s a column header */
    ? g_strdup_printf (_("Row %1$d, %2$s"), (int) row, column)
    /* Translators: %1$d is a spreadsheet row number */
    : g_strdup_printf (_("Row %1$d"), (int) row);
  GtkWidget *action_row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (action_row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (action_row), reason);
  return action_row;
}

static GtkWidget *
errors_list (JsonArray *errors)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *list = gtk_list_box_new ();

  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Rows with errors"), -1);
  for (guint i = 0; i < json_array_get_length (errors); i++)
    gtk_list_box_append (GTK_LIST_BOX (list), error_row (json_array_get_object_element (errors, i)));

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  return scroller;
}

GtkWidget *
anju_external_import_dialog_new (GtkWindow  *parent,
                                 JsonObject *report)
{
  gint64 rows = json_object_get_int_member_with_default (report, "rows", 0);
  gint64 valid = json_object_get_int_member_with_default (report, "valid", 0);
  JsonNode *errors = json_object_get_member (report, "errors");
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* Translators: %1$d and %2$d are numbers of rows of the file */
  body = g_strdup_printf (_("The file has %1$d rows; %2$d can be imported. Rows with errors are left out."),
                          (int) rows, (int) valid);
  dialog = adw_message_dialog_new (parent, _("Import External Records?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    ANJU_EXTERNAL_IMPORT_RESPONSE, _("_Import"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog),
                                              ANJU_EXTERNAL_IMPORT_RESPONSE,
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                           ANJU_EXTERNAL_IMPORT_RESPONSE, valid > 0);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  if (errors != NULL && JSON_NODE_HOLDS_ARRAY (errors) &&
      json_array_get_length (json_node_get_array (errors)) > 0)
    adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog),
                                        errors_list (json_node_get_array (errors)));
  return dialog;
}
