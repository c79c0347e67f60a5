/* anju-file-access.h: who may read a stored file.
 *
 * Its uploader always may.  Anyone else may when one of the readers
 * registered here says so: every module that attaches files to its
 * records adds one that answers "may this caller read a record file_id
 * is attached to?".  The articles add "an article the caller may read";
 * the workflow engine adds "an instance whose history the caller may
 * read".  Everyone else gets 404 from GET /files/{id} and its content.
 *
 * The registry is one per server, kept as the server service
 * ANJU_FILE_ACCESS_SERVICE and made on first use, so modules may register
 * their readers in any order while the server is being made:
 *
 *   anju_file_access_add_reader (anju_file_access_get (server),
 *                                history_attachment_reader, engine, NULL);
 *
 * Readers run on the server's thread, inside whatever transaction the
 * request has open, and must only read.
 */
#pragma once

#include "anju-caller.h"
#include "anju-file-store.h"
#include "anju-server.h"

G_BEGIN_DECLS

#define ANJU_FILE_ACCESS_SERVICE "anju-file-access"

#define ANJU_TYPE_FILE_ACCESS (anju_file_access_get_type ())
G_DECLARE_FINAL_TYPE (AnjuFileAccess, anju_file_access, ANJU, FILE_ACCESS, GObject)

/* Sets *out_may_read to TRUE when caller may read a record file_id is
 * attached to (and leaves it alone otherwise); FALSE only for a store
 * error. */
typedef gboolean (*AnjuFileReader) (AnjuDb            *db,
                                    const AnjuCaller  *caller,
                                    gint64             file_id,
                                    gboolean          *out_may_read,
                                    gpointer           user_data,
                                    GError           **error);

/* (transfer none): the server's registry, made on first use. */
AnjuFileAccess *anju_file_access_get        (AnjuServer        *server);
void            anju_file_access_add_reader (AnjuFileAccess    *self,
                                             AnjuFileReader     reader,
                                             gpointer           user_data,
                                             GDestroyNotify     destroy);
/* Asks the uploader rule, then each reader in turn until one allows. */
gboolean        anju_file_access_may_read   (AnjuFileAccess      *self,
                                             AnjuDb              *db,
                                             const AnjuCaller    *caller,
                                             const AnjuFileInfo  *file,
                                             gboolean            *out_may_read,
                                             GError             **error);
/* Loads file id for caller: ANJU_ERROR_NOT_FOUND when there is no such
 * file or the caller may not read it (the two look the same). */
gboolean        anju_file_access_load       (AnjuFileAccess      *self,
                                             AnjuDb              *db,
                                             const AnjuCaller    *caller,
                                             gint64               id,
                                             AnjuFileInfo        *out_info,
                                             GError             **error);

G_END_DECLS
