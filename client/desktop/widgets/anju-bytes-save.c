#include "config.h"

#include <glib/gi18n.h>

#include "anju-bytes-save.h"
#include "anju-page-feedback.h"

typedef struct
{
  GtkWidget *widget;  /* (owned) where the outcome is told */
  GBytes    *bytes;   /* (owned) */
  char      *name;    /* (owned) */
} SaveBytes;

static void
save_bytes_free (SaveBytes *save)
{
  g_clear_object (&save->widget);
  g_clear_pointer (&save->bytes, g_bytes_unref);
  g_free (save->name);
  g_free (save);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveBytes, save_bytes_free)

static void
replaced_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SaveBytes) save = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    {
      /* Translators: %1$s is a file name, %2$s why it could not be written */
      message = g_strdup_printf (_("Could not save “%1$s”: %2$s"), save->name, error->message);
      anju_page_toast (save->widget, message);
      return;
    }

  /* Translators: %1$s is a file name */
  message = g_strdup_printf (_("Saved “%1$s”"), save->name);
  anju_page_toast (save->widget, message);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  SaveBytes *save = user_data;
  g_autoptr(GFile) destination = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    destination = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (destination != NULL)
    g_file_replace_contents_bytes_async (destination, save->bytes, NULL, FALSE,
                                         G_FILE_CREATE_REPLACE_DESTINATION, NULL, replaced_cb, save);
  else
    save_bytes_free (save);

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

void
anju_bytes_save (GtkWidget  *widget,
                 GBytes     *bytes,
                 const char *name)
{
  GtkFileChooserNative *chooser;
  SaveBytes *save;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (bytes != NULL);

  save = g_new0 (SaveBytes, 1);
  save->widget = g_object_ref (widget);
  save->bytes = g_bytes_ref (bytes);
  save->name = g_strdup (name != NULL ? name : "");

  chooser = gtk_file_chooser_native_new (_("Save File"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (*save->name != '\0')
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), save->name);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), save);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
