#include "config.h"

#include <glib/gi18n.h>

#include "anju-file-save.h"
#include "anju-page-feedback.h"
#include "anju-record.h"

typedef struct
{
  GtkWidget     *widget;   /* (owned) where the outcome is told */
  AnjuApiClient *client;   /* (owned) */
  char          *name;     /* (owned) the file's name, for the messages */
  gint64         id;
} SaveRequest;

static void
save_request_free (SaveRequest *request)
{
  g_clear_object (&request->widget);
  g_clear_object (&request->client);
  g_free (request->name);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveRequest, save_request_free)

static void
replaced_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
downloaded_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GFile *destination = g_task_get_task_data (task);
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;

  bytes = anju_api_client_download_finish (ANJU_API_CLIENT (object), result, NULL, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_file_replace_contents_bytes_async (destination, bytes, NULL, FALSE, G_FILE_CREATE_NONE,
                                       g_task_get_cancellable (task), replaced_cb, g_object_ref (task));
}

void
anju_download_to_file_async (AnjuApiClient       *client,
                             const char          *path,
                             GFile               *destination,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ANJU_IS_API_CLIENT (client));
  g_return_if_fail (path != NULL);
  g_return_if_fail (G_IS_FILE (destination));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, anju_download_to_file_async);
  g_task_set_task_data (task, g_object_ref (destination), g_object_unref);
  anju_api_client_download_async (client, path, cancellable, downloaded_cb, g_steal_pointer (&task));
}

gboolean
anju_download_to_file_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == anju_download_to_file_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
anju_file_save_to_async (AnjuApiClient       *client,
                         gint64               file_id,
                         GFile               *destination,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (file_id > 0);

  path = g_strdup_printf ("/api/v1/files/%" G_GINT64_FORMAT "/content", file_id);
  anju_download_to_file_async (client, path, destination, cancellable, callback, user_data);
}

gboolean
anju_file_save_to_finish (GAsyncResult  *result,
                          GError       **error)
{
  return anju_download_to_file_finish (result, error);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(SaveRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!anju_file_save_to_finish (result, &error))
    {
      /* Translators: %1$s is a file name */
      message = g_strdup_printf (_("Could not save “%1$s”"), request->name);
      anju_page_toast_error (request->widget, request->client, message, error);
      return;
    }

  /* Translators: %1$s is a file name */
  message = g_strdup_printf (_("Saved “%1$s”"), request->name);
  anju_page_toast (request->widget, message);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  SaveRequest *request = user_data;
  g_autoptr(GFile) destination = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    destination = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (destination != NULL)
    anju_file_save_to_async (request->client, request->id, destination, NULL, saved_cb, request);
  else
    save_request_free (request);

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

void
anju_file_save (GtkWidget     *widget,
                AnjuApiClient *client,
                JsonObject    *file)
{
  GtkFileChooserNative *chooser;
  SaveRequest *request;
  const char *name;
  gint64 id;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (ANJU_IS_API_CLIENT (client));
  g_return_if_fail (file != NULL);

  id = anju_json_get_int (file, "id", 0);
  g_return_if_fail (id > 0);

  name = anju_json_get_string (file, "name");
  request = g_new0 (SaveRequest, 1);
  request->widget = g_object_ref (widget);
  request->client = g_object_ref (client);
  request->name = g_strdup (name != NULL ? name : "");
  request->id = id;

  chooser = gtk_file_chooser_native_new (_("Save Attachment"),
                                         GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (*request->name != '\0')
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), request->name);

  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
