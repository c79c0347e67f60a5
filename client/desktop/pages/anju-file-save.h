/* anju-file-save.h: an attachment saved to the user's disk.
 *
 * anju_file_save() asks where with the platform's own file chooser
 * (GtkFileChooserNative: GTK 4.8 has no GtkFileDialog), offering the
 * file's name, then downloads GET /api/v1/files/{id}/content and writes
 * it there.  The outcome is a toast of the window the widget is in.
 * anju_file_save_to_async() is the part after the question.
 */
#pragma once

#include <gtk/gtk.h>

#include "anju-api-client.h"

G_BEGIN_DECLS

/* file: a File object of docs/api.md ("id", "name" …). */
void     anju_file_save           (GtkWidget           *widget,
                                   AnjuApiClient       *client,
                                   JsonObject          *file);

/* Downloads the API path and writes the bytes to destination (replacing
 * it): every "save" and "export" of the desktop ends here. */
void     anju_download_to_file_async  (AnjuApiClient       *client,
                                       const char          *path,
                                       GFile               *destination,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean anju_download_to_file_finish (GAsyncResult        *result,
                                       GError             **error);

void     anju_file_save_to_async  (AnjuApiClient       *client,
                                   gint64               file_id,
                                   GFile               *destination,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data);
gboolean anju_file_save_to_finish (GAsyncResult        *result,
                                   GError             **error);

G_END_DECLS
