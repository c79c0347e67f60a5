/* anju-file-preview.c: a stored image or PDF, in a window of its own. */
#include "config.h"

#include <glib/gi18n.h>

#include <adwaita.h>

#include "anju-error-message.h"
#include "anju-file-preview.h"
#include "anju-pdf-view.h"
#include "anju-record.h"

typedef struct
{
  GtkWindow     *window;   /* (owned) */
  AdwBin        *content;  /* (unowned) inside window */
} Preview;

static void
preview_free (Preview *preview)
{
  g_clear_object (&preview->window);
  g_free (preview);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Preview, preview_free)

gboolean
anju_file_preview_supports (const char *content_type)
{
  return g_strcmp0 (content_type, "image/png") == 0
         || g_strcmp0 (content_type, "image/jpeg") == 0
         || g_strcmp0 (content_type, "application/pdf") == 0;
}

static void
show_status (Preview    *preview,
             const char *title,
             const char *description)
{
  GtkWidget *status = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "dialog-error-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), title);
  adw_status_page_set_description (ADW_STATUS_PAGE (status), description);
  adw_bin_set_child (preview->content, status);
}

static void
downloaded_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(Preview) preview = user_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *content_type = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkWidget *picture;

  bytes = anju_api_client_download_finish (ANJU_API_CLIENT (object), result, &content_type, &error);
  if (bytes == NULL)
    {
      g_autofree char *reason = anju_error_message_for (error, NULL);

      if (reason != NULL)
        show_status (preview, _("Could Not Load the File"), reason);
      return;
    }

  if (g_strcmp0 (content_type, "application/pdf") == 0)
    {
      GtkWidget *view = anju_pdf_view_new ();

      if (!anju_pdf_view_set_pdf (ANJU_PDF_VIEW (view), bytes, &error))
        {
          show_status (preview, _("Cannot Show This File"), error->message);
          g_object_ref_sink (view);
          g_object_unref (view);
          return;
        }
      gtk_widget_set_vexpand (view, TRUE);
      adw_bin_set_child (preview->content, view);
      return;
    }

  texture = gdk_texture_new_from_bytes (bytes, &error);
  if (texture == NULL)
    {
      show_status (preview, _("Cannot Show This File"), error->message);
      return;
    }

  picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));
  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (picture), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_window_get_title (preview->window), -1);
  adw_bin_set_child (preview->content, picture);
}

void
anju_file_preview_present (GtkWindow     *parent,
                           AnjuApiClient *client,
                           JsonObject    *file)
{
  Preview *preview;
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *content = adw_bin_new ();
  GtkWidget *spinner = gtk_spinner_new ();
  const char *name;
  g_autofree char *path = NULL;

  g_return_if_fail (ANJU_IS_API_CLIENT (client));
  g_return_if_fail (file != NULL);

  name = anju_json_get_string (file, "name");
  gtk_window_set_title (GTK_WINDOW (window), name != NULL ? name : _("Preview"));
  gtk_window_set_default_size (GTK_WINDOW (window), 760, 860);
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_spinner_set_spinning (GTK_SPINNER (spinner), TRUE);
  gtk_widget_set_halign (spinner, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (spinner, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spinner), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Loading"), -1);
  adw_bin_set_child (ADW_BIN (content), spinner);
  gtk_widget_set_vexpand (content, TRUE);
  gtk_box_append (GTK_BOX (box), content);
  adw_window_set_content (ADW_WINDOW (window), box);

  preview = g_new0 (Preview, 1);
  preview->window = GTK_WINDOW (g_object_ref (window));
  preview->content = ADW_BIN (content);

  path = g_strdup_printf ("/api/v1/files/%" G_GINT64_FORMAT "/content", anju_json_get_int (file, "id", 0));
  anju_api_client_download_async (client, path, NULL, downloaded_cb, preview);
  gtk_window_present (GTK_WINDOW (window));
}
