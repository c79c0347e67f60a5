/* anju-sms-api.h: routes of the SMS log, status and resend (docs/api.md "Message settings"). */
#pragma once

#include "anju-route.h"

G_BEGIN_DECLS

const AnjuRoute *anju_sms_api_get_routes (guint *n_routes);

G_END_DECLS
