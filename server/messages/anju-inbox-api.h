/* anju-inbox-api.h: routes of the inbox and sending by hand (docs/api.md "Messages"). */
#pragma once

#include "anju-route.h"

G_BEGIN_DECLS

const AnjuRoute *anju_inbox_api_get_routes (guint *n_routes);

G_END_DECLS
