#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "anju-page-confirm.h"

typedef struct
{
  GtkWidget         *page;       /* (owned) */
  AnjuRecord        *record;     /* (owned) */
  char              *response;   /* (owned) the destructive answer's id */
  AnjuPageConfirmed  confirmed;
} PageConfirm;

static void
page_confirm_free (PageConfirm *confirm)
{
  g_clear_object (&confirm->page);
  g_clear_object (&confirm->record);
  g_free (confirm->response);
  g_free (confirm);
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             PageConfirm      *confirm)
{
  if (g_str_equal (response, confirm->response))
    confirm->confirmed (confirm->page, confirm->record);
}

void
anju_page_confirm (GtkWidget         *page,
                   AnjuRecord        *record,
                   const char        *heading,
                   const char        *body,
                   const char        *response_id,
                   const char        *response_label,
                   AnjuPageConfirmed  confirmed)
{
  AdwMessageDialog *dialog;
  PageConfirm *confirm;

  g_return_if_fail (GTK_IS_WIDGET (page));
  g_return_if_fail (ANJU_IS_RECORD (record));
  g_return_if_fail (heading != NULL);
  g_return_if_fail (response_id != NULL && !g_str_equal (response_id, "cancel"));
  g_return_if_fail (response_label != NULL);
  g_return_if_fail (confirmed != NULL);

  confirm = g_new0 (PageConfirm, 1);
  confirm->page = g_object_ref (page);
  confirm->record = g_object_ref (record);
  confirm->response = g_strdup (response_id);
  confirm->confirmed = confirmed;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (page)),
                                                       heading, body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    response_id, response_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, response_id, ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  /* The page and record live as long as the dialog that asks about them. */
  g_object_set_data_full (G_OBJECT (dialog), "anju-page-confirm", confirm,
                          (GDestroyNotify) page_confirm_free);
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), confirm);
  gtk_window_present (GTK_WINDOW (dialog));
}
