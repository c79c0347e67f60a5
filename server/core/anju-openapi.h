/* anju-openapi.h: the OpenAPI 3.0 document, generated from the route
 * tables so that every endpoint that exists is described. */
#pragma once

#include <json-glib/json-glib.h>

#include "anju-route.h"

G_BEGIN_DECLS

JsonNode *anju_openapi_build (const AnjuRoute *const *routes,
                              guint                   n_routes,
                              const char             *version);

G_END_DECLS
