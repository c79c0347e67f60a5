/* anju-housing-export.c: a filtered list exported to a file on disk. */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-file-save.h"
#include "anju-housing-export.h"
#include "anju-page-feedback.h"

char *
anju_housing_export_path (AnjuPagedModel     *model,
                          const char         *export_path,
                          const char * const *filters,
                          const char         *format)
{
  GString *path;

  g_return_val_if_fail (ANJU_IS_PAGED_MODEL (model), NULL);
  g_return_val_if_fail (export_path != NULL && filters != NULL && format != NULL, NULL);

  path = g_string_new (export_path);
  g_string_append_printf (path, "?format=%s", format);
  for (const char * const *name = filters; *name != NULL; name++)
    {
      const char *value = anju_paged_model_get_filter (model, *name);

      if (value == NULL)
        continue;
      g_string_append_printf (path, "&%s=", *name);
      g_string_append_uri_escaped (path, value, NULL, FALSE);
    }

  return g_string_free (path, FALSE);
}

typedef struct
{
  GtkWidget     *widget;   /* (owned) where the outcome is told */
  AnjuApiClient *client;   /* (owned) */
  char          *path;     /* (owned) */
  char          *name;     /* (owned) (nullable) the chosen file's name */
} ExportRequest;

static void
export_request_free (ExportRequest *request)
{
  g_clear_object (&request->widget);
  g_clear_object (&request->client);
  g_free (request->path);
  g_free (request->name);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportRequest, export_request_free)

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(ExportRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!anju_download_to_file_finish (result, &error))
    {
      anju_page_toast_error (request->widget, request->client, _("Could not export"), error);
      return;
    }

  /* Translators: %1$s is a file name */
  message = g_strdup_printf (_("Exported to “%1$s”"), request->name);
  anju_page_toast (request->widget, message);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  ExportRequest *request = user_data;
  g_autoptr(GFile) destination = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    destination = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (destination != NULL)
    {
      request->name = g_file_get_basename (destination);
      anju_download_to_file_async (request->client, request->path, destination, NULL, exported_cb,
                                   request);
    }
  else
    export_request_free (request);

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

void
anju_housing_export (GtkWidget     *widget,
                     AnjuApiClient *client,
                     const char    *path,
                     const char    *file_stem,
                     const char    *format)
{
  GtkFileChooserNative *chooser;
  ExportRequest *request;
  g_autofree char *name = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (ANJU_IS_API_CLIENT (client));
  g_return_if_fail (path != NULL && file_stem != NULL && format != NULL);

  request = g_new0 (ExportRequest, 1);
  request->widget = g_object_ref (widget);
  request->client = g_object_ref (client);
  request->path = g_strdup (path);

  chooser = gtk_file_chooser_native_new (_("Export"),
                                         GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  name = g_strconcat (file_stem, ".", format, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
