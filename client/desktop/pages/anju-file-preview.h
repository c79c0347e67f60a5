/* anju-file-preview.h: a stored image or PDF, shown in a window.
 *
 * Downloads GET /api/v1/files/{id}/content and shows an image
 * (GdkTexture in a GtkPicture) or a PDF (AnjuPdfView); any other type
 * says it cannot be previewed and offers nothing but closing.
 */
#pragma once

#include <gtk/gtk.h>

#include "anju-api-client.h"

G_BEGIN_DECLS

/* Whether a content type can be previewed. */
gboolean anju_file_preview_supports (const char    *content_type);
/* file: a File object ("id", "name", "content_type"). */
void     anju_file_preview_present  (GtkWindow     *parent,
                                     AnjuApiClient *client,
                                     JsonObject    *file);

G_END_DECLS
