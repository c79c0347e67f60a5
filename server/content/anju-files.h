/* anju-files.h: the files endpoints (uploads and downloads of
 * attachments, docs/api.md "Files").
 *
 * POST /files takes the raw bytes (an ANJU_ROUTE_UPLOAD route, limited by
 * [files] max_upload_bytes), checks name, size and type, stores them and
 * audits file.upload.  Reading a file's metadata or bytes asks
 * anju-file-access.h; a file the caller may not read is a 404.
 */
#pragma once

#include "anju-route.h"

G_BEGIN_DECLS

const AnjuRoute *anju_files_get_routes (guint *n_routes);

G_END_DECLS
