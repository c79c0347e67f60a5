/* anju-phone.h: mainland China mobile numbers: 11 digits starting 1[3-9]. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean anju_phone_validate_mobile (const char  *phone,
                                     GError     **error);

G_END_DECLS
