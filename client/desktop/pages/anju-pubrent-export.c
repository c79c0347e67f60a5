/* anju-pubrent-export.c: download an export, write it where asked. */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-page-feedback.h"
#include "anju-pubrent-export.h"

typedef struct
{
  GtkWidget     *widget;       /* (owned) where the outcome is told */
  AnjuApiClient *client;       /* (owned) */
  char          *path;         /* (owned) */
  GFile         *destination;  /* (owned) (nullable) */
} ExportRequest;

static void
export_request_free (ExportRequest *request)
{
  g_clear_object (&request->widget);
  g_clear_object (&request->client);
  g_clear_object (&request->destination);
  g_free (request->path);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportRequest, export_request_free)

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(ExportRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (G_FILE (object));
  g_autofree char *message = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    {
      anju_page_toast_error (request->widget, request->client, _("Could not write the export"), error);
      return;
    }

  /* Translators: %1$s is a file name */
  message = g_strdup_printf (_("Exported to “%1$s”"), name);
  anju_page_toast (request->widget, message);
}

static void
downloaded_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(ExportRequest) request = user_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  GFile *destination;

  bytes = anju_api_client_download_finish (ANJU_API_CLIENT (object), result, NULL, &error);
  if (bytes == NULL)
    {
      anju_page_toast_error (request->widget, request->client, _("Could not export the list"), error);
      return;
    }

  destination = request->destination;
  g_file_replace_contents_bytes_async (destination, bytes, NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                       written_cb, g_steal_pointer (&request));
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  g_autoptr(ExportRequest) request = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    request->destination = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (request->destination != NULL)
    {
      AnjuApiClient *client = request->client;
      const char *path = request->path;

      anju_api_client_download_async (client, path, NULL, downloaded_cb, g_steal_pointer (&request));
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

void
anju_pubrent_export (GtkWidget     *widget,
                     AnjuApiClient *client,
                     const char    *path,
                     const char    *name)
{
  GtkFileChooserNative *chooser;
  ExportRequest *request;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (ANJU_IS_API_CLIENT (client));
  g_return_if_fail (path != NULL);
  g_return_if_fail (name != NULL);

  request = g_new0 (ExportRequest, 1);
  request->widget = g_object_ref (widget);
  request->client = g_object_ref (client);
  request->path = g_strdup (path);

  chooser = gtk_file_chooser_native_new (_("Export the List"),
                                         GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
