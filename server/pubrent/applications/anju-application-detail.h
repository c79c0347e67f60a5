/* anju-application-detail.h: the Application a GET answers: the record
 * with its members, files, pre-review report and process, masked as
 * docs/api.md says for the caller. */
#pragma once

#include <json-glib/json-glib.h>

#include "anju-caller.h"
#include "anju-db.h"

G_BEGIN_DECLS

JsonNode *anju_application_detail       (AnjuDb            *db,
                                         const AnjuCaller  *caller,
                                         gint64             id,
                                         GError           **error);
/* The same Application, written as JSON text at the end of out straight
 * from the rows (anju-json-text.h), which costs a fraction of the
 * JsonNode.  With in_scope_only, an application out of the caller's
 * scope is ANJU_ERROR_NOT_FOUND, as for a GET.  db may be a worker's
 * reader (anju-db-worker.h) and caller a copy of the request's. */
gboolean  anju_application_detail_write (AnjuDb            *db,
                                         const AnjuCaller  *caller,
                                         gint64             id,
                                         gboolean           in_scope_only,
                                         GString           *out,
                                         GError           **error);
/* The ApplicationFile list of an application. */
JsonNode *anju_application_files_json   (AnjuDb            *db,
                                         gint64             id,
                                         gint64             file_id,
                                         GError           **error);

G_END_DECLS
