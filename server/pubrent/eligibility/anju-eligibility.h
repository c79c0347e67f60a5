/* anju-eligibility.h: the eligibility module's endpoints (docs/api.md
 * "Eligibility pre-review"; F-PRH-008).
 *
 * GET/PUT /api/v1/pubrent/settings, GET /api/v1/pubrent/external-records
 * and POST /api/v1/pubrent/external-records/import.  The pre-review itself
 * is anju-prereview.h; the periods other modules read are
 * anju-pubrent-settings.h.
 */
#pragma once

#include "anju-route.h"
#include "anju-server.h"

G_BEGIN_DECLS

#define ANJU_PERM_PUBRENT_APPLICATION_READ "pubrent.application.read"
#define ANJU_PERM_PUBRENT_RULES_WRITE      "pubrent.rules.write"

void             anju_eligibility_register             (AnjuServer *server);

const AnjuRoute *anju_settings_api_get_routes          (guint      *n_routes);
const AnjuRoute *anju_external_records_api_get_routes  (guint      *n_routes);

G_END_DECLS
