#include "config.h"

#include <glib/gi18n.h>

#include "anju-file-row.h"
#include "anju-record.h"

#define FILE_KEY "anju-file"

char *
anju_file_describe (JsonObject *file)
{
  const char *content_type = anju_json_get_string (file, "content_type");
  gint64 size = anju_json_get_int (file, "size", 0);
  g_autofree char *type_text = NULL;
  g_autofree char *size_text = g_format_size ((guint64) MAX (size, 0));

  /* On Unix a content type is a MIME type, so the shared MIME database
   * names it in the user's language. */
  if (content_type != NULL)
    type_text = g_content_type_get_description (content_type);

  if (type_text == NULL)
    return g_steal_pointer (&size_text);

  /* Translators: %1$s is a file type ("PNG image"), %2$s its size ("12.3 kB") */
  return g_strdup_printf (_("%1$s · %2$s"), type_text, size_text);
}

GtkWidget *
anju_file_row_new (JsonObject *file)
{
  GtkWidget *row = adw_action_row_new ();
  const char *name = anju_json_get_string (file, "name");
  g_autofree char *description = anju_file_describe (file);
  g_autofree char *escaped = g_markup_escape_text (name != NULL ? name : "", -1);

  g_return_val_if_fail (file != NULL, NULL);

  /* Titles are markup; a file name is not. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), description);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("mail-attachment-symbolic"));
  g_object_set_data_full (G_OBJECT (row), FILE_KEY, json_object_ref (file),
                          (GDestroyNotify) json_object_unref);

  return row;
}

JsonObject *
anju_file_row_get_file (GtkWidget *row)
{
  g_return_val_if_fail (GTK_IS_WIDGET (row), NULL);

  return g_object_get_data (G_OBJECT (row), FILE_KEY);
}
