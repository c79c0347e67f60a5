#include "config.h"

#include <glib/gi18n.h>

#include "anju-password-policy.h"
#include "anju-password-reset-dialog.h"

struct _AnjuPasswordResetDialog
{
  AdwMessageDialog  parent_instance;

  /* Owned by the dialog's extra child */
  GtkEditable      *password_row;
  GtkLabel         *problem_label;

  /* Owned */
  char             *username;
};

G_DEFINE_FINAL_TYPE (AnjuPasswordResetDialog, anju_password_reset_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
password_changed_cb (AnjuPasswordResetDialog *self)
{
  const char *password = gtk_editable_get_text (self->password_row);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = anju_password_policy_check (password, self->username, &error);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "reset", ok);

  /* Nothing typed yet is not worth a complaint. */
  gtk_label_set_text (self->problem_label, ok || *password == '\0' ? "" : error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), !ok && *password != '\0');
}

static GtkWidget *
build_extra_child (AnjuPasswordResetDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *row = adw_password_entry_row_new ();
  GtkWidget *hint = gtk_label_new (_("At least 8 characters with an upper-case letter, a lower-case "
                                     "letter, a digit and a symbol, not containing the username."));
  GtkWidget *problem = gtk_label_new (NULL);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("New password"));
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  gtk_list_box_append (GTK_LIST_BOX (list), row);

  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (hint), 0.0);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_widget_add_css_class (hint, "caption");

  gtk_label_set_wrap (GTK_LABEL (problem), TRUE);
  gtk_label_set_xalign (GTK_LABEL (problem), 0.0);
  gtk_widget_add_css_class (problem, "error");
  gtk_widget_set_visible (problem, FALSE);

  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (GTK_BOX (box), hint);
  gtk_box_append (GTK_BOX (box), problem);

  self->password_row = GTK_EDITABLE (row);
  self->problem_label = GTK_LABEL (problem);
  g_signal_connect_object (row, "changed", G_CALLBACK (password_changed_cb), self, G_CONNECT_SWAPPED);

  return box;
}

/* libadwaita 1.2 warns (an invalid cast to GtkEditable) when a focused
 * AdwPasswordEntryRow is destroyed.  Every way of closing the dialog
 * unmaps it first, so let go of the focus there. */
static void
anju_password_reset_dialog_unmap (GtkWidget *widget)
{
  gtk_window_set_focus (GTK_WINDOW (widget), NULL);

  GTK_WIDGET_CLASS (anju_password_reset_dialog_parent_class)->unmap (widget);
}

static void
anju_password_reset_dialog_finalize (GObject *object)
{
  AnjuPasswordResetDialog *self = ANJU_PASSWORD_RESET_DIALOG (object);

  g_free (self->username);

  G_OBJECT_CLASS (anju_password_reset_dialog_parent_class)->finalize (object);
}

static void
anju_password_reset_dialog_class_init (AnjuPasswordResetDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = anju_password_reset_dialog_finalize;
  widget_class->unmap = anju_password_reset_dialog_unmap;
}

static void
anju_password_reset_dialog_init (AnjuPasswordResetDialog *self)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);

  adw_message_dialog_set_body (dialog, _("All of the user’s sessions end, and they must choose "
                                         "a password of their own at the next sign-in."));
  adw_message_dialog_set_extra_child (dialog, build_extra_child (self));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "reset", _("_Reset Password"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "reset", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (dialog, "reset", FALSE);
  adw_message_dialog_set_default_response (dialog, "reset");
  adw_message_dialog_set_close_response (dialog, "cancel");
}

GtkWidget *
anju_password_reset_dialog_new (GtkWindow  *parent,
                                const char *username)
{
  AnjuPasswordResetDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (username != NULL, NULL);

  self = g_object_new (ANJU_TYPE_PASSWORD_RESET_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->username = g_strdup (username);
  /* Translators: %1$s is a username */
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (self), _("Reset the Password of “%1$s”"), username);

  return GTK_WIDGET (self);
}

const char *
anju_password_reset_dialog_get_password (AnjuPasswordResetDialog *self)
{
  g_return_val_if_fail (ANJU_IS_PASSWORD_RESET_DIALOG (self), NULL);

  return gtk_editable_get_text (self->password_row);
}
