/* anju-settings-store.h: the Settings object of docs/api.md
 * ("Eligibility pre-review") as stored in pubrent_rules and
 * pubrent_settings.
 *
 * Settings: {"rules": [Rule], "street_publicity_days", "announcement_days"}
 * Rule: {"code","name","enabled","threshold","unit","min","max"} where
 * threshold, min and max are a whole number of years for unit "years",
 * decimal strings for "yuan" ("60000.00") and "square_metres" ("15.00"),
 * and null for rules without a threshold (unit null).
 */
#pragma once

#include <json-glib/json-glib.h>

#include "anju-db.h"
#include "anju-prereview-private.h"

G_BEGIN_DECLS

#define ANJU_PUBRENT_DAYS_MIN 1
#define ANJU_PUBRENT_DAYS_MAX 60

/* One rule as PUT gives it, threshold in the stored unit. */
typedef struct
{
  const char *code;
  gboolean    enabled;
  gboolean    has_threshold;
  gint64      threshold;
} AnjuRuleSetting;

JsonNode *anju_settings_store_to_json     (AnjuDb                 *db,
                                           GError                **error);
/* Adds a threshold in the unit's wire form (see above). */
void      anju_settings_add_threshold     (JsonBuilder            *builder,
                                           AnjuPrereviewUnit       unit,
                                           gint64                  value);
/* Writes every rule and both periods; the caller holds the transaction. */
gboolean  anju_settings_store_write       (AnjuDb                 *db,
                                           const AnjuRuleSetting  *rules,
                                           guint                   n_rules,
                                           gint64                  street_publicity_days,
                                           gint64                  announcement_days,
                                           gint64                  user_id,
                                           gint64                  now,
                                           GError                **error);

G_END_DECLS
