/* anju-message-settings-api.h: routes of message templates and push strategies (docs/api.md "Message settings"). */
#pragma once

#include "anju-route.h"

G_BEGIN_DECLS

const AnjuRoute *anju_message_settings_api_get_routes (guint *n_routes);

G_END_DECLS
