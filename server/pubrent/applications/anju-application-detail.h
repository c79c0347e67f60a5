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
/* The ApplicationFile list of an application. */
JsonNode *anju_application_files_json   (AnjuDb            *db,
                                         gint64             id,
                                         gint64             file_id,
                                         GError           **error);

G_END_DECLS
