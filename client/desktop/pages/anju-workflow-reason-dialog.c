/* anju-workflow-reason-dialog.c: a message dialog with a required reason. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "anju-workflow-reason-dialog.h"

#define RESPONSE "confirm"

typedef struct
{
  GtkWidget               *page;    /* (owned) */
  AnjuRecord              *record;  /* (owned) */
  GtkEditable             *entry;   /* (unowned) the dialog's */
  AnjuWorkflowReasonGiven  given;
} ReasonAsk;

static void
reason_ask_free (ReasonAsk *ask)
{
  g_clear_object (&ask->page);
  g_clear_object (&ask->record);
  g_free (ask);
}

static char *
stripped_reason (ReasonAsk *ask)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (ask->entry)));
}

static void
reason_changed_cb (GtkEditable      *entry,
                   AdwMessageDialog *dialog)
{
  ReasonAsk *ask = g_object_get_data (G_OBJECT (dialog), "anju-reason-ask");
  g_autofree char *reason = stripped_reason (ask);

  adw_message_dialog_set_response_enabled (dialog, RESPONSE, *reason != '\0');
}

static void
reason_activated_cb (GtkEntry         *entry,
                     AdwMessageDialog *dialog)
{
  if (!adw_message_dialog_get_response_enabled (dialog, RESPONSE))
    return;

  adw_message_dialog_response (dialog, RESPONSE);
  gtk_window_close (GTK_WINDOW (dialog));
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             ReasonAsk        *ask)
{
  g_autofree char *reason = NULL;

  if (!g_str_equal (response, RESPONSE))
    return;

  reason = stripped_reason (ask);
  if (*reason != '\0')
    ask->given (ask->page, ask->record, reason);
}

void
anju_workflow_reason_ask (GtkWidget               *page,
                          AnjuRecord              *record,
                          const char              *heading,
                          const char              *body,
                          const char              *response_label,
                          gboolean                 destructive,
                          AnjuWorkflowReasonGiven  given)
{
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  ReasonAsk *ask;

  g_return_if_fail (GTK_IS_WIDGET (page));
  g_return_if_fail (ANJU_IS_RECORD (record));
  g_return_if_fail (heading != NULL);
  g_return_if_fail (response_label != NULL);
  g_return_if_fail (given != NULL);

  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason (required)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, C_("workflow instance", "Reason"),
                                  GTK_ACCESSIBLE_PROPERTY_REQUIRED, TRUE,
                                  -1);

  ask = g_new0 (ReasonAsk, 1);
  ask->page = g_object_ref (page);
  ask->record = g_object_ref (record);
  ask->entry = GTK_EDITABLE (entry);
  ask->given = given;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (page)), heading, body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    RESPONSE, response_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, RESPONSE,
                                              destructive ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, RESPONSE, FALSE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  adw_message_dialog_set_extra_child (dialog, entry);

  /* The page and record live as long as the dialog that asks about them. */
  g_object_set_data_full (G_OBJECT (dialog), "anju-reason-ask", ask, (GDestroyNotify) reason_ask_free);
  g_signal_connect (entry, "changed", G_CALLBACK (reason_changed_cb), dialog);
  g_signal_connect (entry, "activate", G_CALLBACK (reason_activated_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), ask);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}
