/* anju-terminal-credential-dialog.c: a new credential, shown once. */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-terminal-credential-dialog.h"

#define CREDENTIAL_LABEL "anju-credential-label"

static void
copy_clicked_cb (GtkButton *button,
                 GtkLabel  *label)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (button)), gtk_label_get_text (label));
  gtk_button_set_icon_name (button, "object-select-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (button), _("Copied"));
}

static GtkWidget *
credential_row (const char *credential)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (credential);
  GtkWidget *copy = gtk_button_new_from_icon_name ("edit-copy-symbolic");

  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_CHAR);
  gtk_widget_add_css_class (label, "monospace");
  gtk_widget_add_css_class (label, "title-4");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Terminal credential"), -1);

  gtk_widget_set_valign (copy, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (copy, _("Copy the credential"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (copy), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Copy the credential"), -1);
  g_signal_connect_object (copy, "clicked", G_CALLBACK (copy_clicked_cb), label, 0);

  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), copy);
  g_object_set_data (G_OBJECT (box), CREDENTIAL_LABEL, label);
  return box;
}

GtkWidget *
anju_terminal_credential_dialog_new (GtkWindow  *parent,
                                     const char *terminal_name,
                                     const char *sn,
                                     const char *credential)
{
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  g_return_val_if_fail (credential != NULL, NULL);

  /* Translators: %1$s is a terminal's name */
  heading = g_strdup_printf (_("Credential of “%1$s”"), terminal_name != NULL ? terminal_name : "");
  /* Translators: %1$s is the terminal's serial number */
  body = g_strdup_printf (_("Enter it in the terminal’s configuration with its serial number %1$s. "
                            "It will not be shown again: the server keeps only a fingerprint of it. "
                            "Any earlier credential of this terminal no longer works."),
                          sn != NULL ? sn : "");

  dialog = adw_message_dialog_new (parent, heading, body);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), credential_row (credential));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("I Have _Copied It"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  return dialog;
}

const char *
_anju_terminal_credential_dialog_get_shown (GtkWidget *dialog)
{
  GtkWidget *row;
  GtkLabel *label;

  g_return_val_if_fail (ADW_IS_MESSAGE_DIALOG (dialog), NULL);

  row = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
  label = row != NULL ? g_object_get_data (G_OBJECT (row), CREDENTIAL_LABEL) : NULL;
  return label != NULL ? gtk_label_get_text (label) : NULL;
}
