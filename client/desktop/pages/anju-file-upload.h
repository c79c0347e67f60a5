/* anju-file-upload.h: one local file sent to the server as an attachment
 * (docs/api.md, "Files").
 *
 * The file is read whole (the server caps uploads at 20 MiB), its type
 * is guessed from its name and first bytes the way the file manager
 * does, and it goes to POST /api/v1/files?name=… with that type.  The
 * result is the server's File object.  The server judges the type and
 * size; the messages say what it refused in words a person can act on.
 */
#pragma once

#include <gio/gio.h>

#include "anju-api-client.h"

G_BEGIN_DECLS

/* The MIME type to declare for a file called filename starting with
 * data (transfer full); "application/octet-stream" when nothing fits. */
char       *anju_file_upload_content_type (const char     *filename,
                                           const guchar   *data,
                                           gsize           size);

void        anju_file_upload_async        (AnjuApiClient       *client,
                                           GFile               *file,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
/* The File object (transfer full), or NULL with error. */
JsonObject *anju_file_upload_finish       (GAsyncResult   *result,
                                           GError        **error);

/* Why the upload of name failed, for a person (transfer full): the
 * server's reason for a file that is too large or of a refused type,
 * otherwise the usual sentence for the error.  NULL when cancelled. */
char       *anju_file_upload_error_message (AnjuApiClient *client,
                                            const char    *name,
                                            const GError  *error);

G_END_DECLS
