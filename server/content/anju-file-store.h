/* anju-file-store.h: stored files (attachments, later application
 * materials) in the database.
 *
 * The bytes live in file_blobs, keyed by their SHA-256, so identical
 * uploads share one blob and a backup holds them too; a files row holds
 * the name, the type checked against the bytes (anju-file-type.h), the
 * size and who uploaded it when.  Archiving makes a file immutable for
 * good (the triggers of 0003-files.sql): archive what a record of history
 * refers to (a published notice's attachments, a workflow action's).
 *
 * A module that lets its records carry files takes file ids the caller
 * uploaded (AnjuFileInfo.uploaded_by), archives them when the record
 * needs them kept, and tells anju-file-access.h who may read them.
 *
 * Writes here do not open transactions or audit: callers do both, so a
 * write commits together with its audit row.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "anju-db.h"

G_BEGIN_DECLS

/* What POST /files accepts as a name. */
#define ANJU_FILE_NAME_MAX 255

typedef struct
{
  gint64    id;
  char     *name;
  char     *content_type;
  gint64    size;
  char     *sha256;          /* lower-case hex */
  gint64    uploaded_by;     /* user id */
  gint64    uploaded_at;     /* seconds since the epoch */
  gboolean  archived;
} AnjuFileInfo;

void      anju_file_info_clear     (AnjuFileInfo *info);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AnjuFileInfo, anju_file_info_clear)

/* The checks of an upload, one per member the API names in its field
 * errors; each fails with ANJU_ERROR_VALIDATION and a message for that
 * member, except a too large size (ANJU_ERROR_TOO_LARGE).
 *   "name": present, at most ANJU_FILE_NAME_MAX characters of UTF-8,
 *           no "/", "\" or control characters;
 *   "file": not empty, at most max_bytes;
 *   "content_type": an accepted type that the bytes really are. */
gboolean  anju_file_check_name     (const char    *name,
                                    GError       **error);
gboolean  anju_file_check_size     (gsize          size,
                                    gsize          max_bytes,
                                    GError       **error);
gboolean  anju_file_check_type     (const char    *declared_type,
                                    GBytes        *data,
                                    GError       **error);

typedef struct
{
  const char *name;
  const char *content_type;  /* as declared */
  GBytes     *data;
  gint64      uploaded_by;
} AnjuFileUpload;

/* Runs the three checks, then stores the upload.  Returns the new id, or
 * 0 with error. */
gint64    anju_file_store_add      (AnjuDb                *db,
                                    const AnjuFileUpload  *upload,
                                    gsize                  max_bytes,
                                    gint64                 now,
                                    GError               **error);
/* FALSE with ANJU_ERROR_NOT_FOUND when there is no such file. */
gboolean  anju_file_store_load     (AnjuDb        *db,
                                    gint64         id,
                                    AnjuFileInfo  *out_info,
                                    GError       **error);
/* The file's bytes. */
GBytes   *anju_file_store_read     (AnjuDb        *db,
                                    gint64         id,
                                    GError       **error);
/* Makes the file immutable from now on; archiving an archived file
 * changes nothing. */
gboolean  anju_file_store_archive  (AnjuDb        *db,
                                    gint64         id,
                                    gint64         now,
                                    GError       **error);

/* The File object of docs/api.md. */
JsonNode *anju_file_store_to_json  (AnjuDb        *db,
                                    gint64         id,
                                    GError       **error);
/* The same, from a row holding ANJU_FILE_COLUMNS from first_column on
 * (for lists of attachments). */
JsonNode *anju_file_json_from_row  (sqlite3_stmt  *stmt,
                                    int            first_column);

/* The select list anju_file_json_from_row() reads, over
 * "files f JOIN users fu ON fu.id = f.uploaded_by"; 9 columns. */
#define ANJU_FILE_COLUMNS \
  "f.id, f.name, f.content_type, f.size, f.sha256, f.uploaded_at, f.uploaded_by, fu.name," \
  " f.archived_at IS NOT NULL"
#define ANJU_FILE_JOIN "files f JOIN users fu ON fu.id = f.uploaded_by"

G_END_DECLS
