/* anju-file-type.h: which accepted kind of file a run of bytes is.
 *
 * An upload declares its Content-Type; the server believes the bytes.
 * These are the accepted types (docs/api.md, "Files") and what each must
 * look like:
 *
 *   application/pdf       starts with "%PDF-"
 *   image/jpeg            starts with FF D8 FF
 *   image/png             starts with the 8-byte PNG signature
 *   application/msword    an OLE2 compound file holding a "WordDocument"
 *                         stream
 *   application/vnd.ms-excel
 *                         an OLE2 compound file holding a "Workbook" (or
 *                         Excel 5 "Book") stream
 *   …wordprocessingml.document, …spreadsheetml.sheet
 *                         a ZIP archive whose central directory lists
 *                         "[Content_Types].xml" and parts under "word/"
 *                         or "xl/" respectively
 *
 * Only the structure needed to tell the types apart is read, always
 * within bounds: truncated or malformed files are simply not recognised.
 * ZIP64 archives (over 4 GiB or 65535 entries) are not recognised either,
 * which no upload under [files] max_upload_bytes needs.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ANJU_FILE_TYPE_PDF  "application/pdf"
#define ANJU_FILE_TYPE_JPEG "image/jpeg"
#define ANJU_FILE_TYPE_PNG  "image/png"
#define ANJU_FILE_TYPE_DOC  "application/msword"
#define ANJU_FILE_TYPE_DOCX "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
#define ANJU_FILE_TYPE_XLS  "application/vnd.ms-excel"
#define ANJU_FILE_TYPE_XLSX "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

/* The accepted types, NULL-terminated, in the order above. */
extern const char * const anju_file_types[];

gboolean    anju_file_type_is_accepted (const char   *content_type);
/* The accepted type the bytes are, or NULL when they are none of them. */
const char *anju_file_type_sniff       (const guint8 *data,
                                        gsize         length);

G_END_DECLS
