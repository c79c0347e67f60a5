/* anju-pubrent-settings.h: the center's public rental housing business
 * settings (pubrent_settings, migration 0011; docs/api.md "Eligibility
 * pre-review").
 *
 * Keys and their defaults: "street_publicity_days" (7) and
 * "announcement_days" (7), whole days in 1..60, changed through
 * PUT /api/v1/pubrent/settings.  Readers such as the review module call
 * anju_pubrent_settings_get() when they open a publicity, so a change
 * applies to the next period, never to one already running.
 */
#pragma once

#include "anju-db.h"

G_BEGIN_DECLS

#define ANJU_PUBRENT_SETTING_STREET_PUBLICITY_DAYS "street_publicity_days"
#define ANJU_PUBRENT_SETTING_ANNOUNCEMENT_DAYS     "announcement_days"

/* An unknown key is ANJU_ERROR_NOT_FOUND. */
gboolean anju_pubrent_settings_get (AnjuDb      *db,
                                    const char  *key,
                                    gint64      *out_value,
                                    GError     **error);

G_END_DECLS
