/* anju-kiosk-codes.h: the application code dictionary on the kiosk.
 *
 * GET /api/v1/pubrent/codes answers {"set": [{"code","name","seed_code"}]}
 * (any signed-in caller, so a terminal too).  The kiosk turns the ID
 * card's national codes (sex 1/2, nation 01…56) into dictionary codes by
 * their seed_code, and fills its choosers from a set.
 *
 * The hukou county is not in the dictionary: the kiosk offers the
 * counties of Changsha (GB/T 2260), where every terminal stands.
 */
#pragma once

#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The code whose seed_code is seed_code in set, or NULL.  codes may be
 * NULL (not loaded). */
const char *anju_kiosk_codes_find_by_seed (JsonObject *codes,
                                           const char *set,
                                           const char *seed_code);
/* The name of code in set, or NULL. */
const char *anju_kiosk_codes_get_name     (JsonObject *codes,
                                           const char *set,
                                           const char *code);
/* The code at position in set (the order the server gives), or NULL. */
const char *anju_kiosk_codes_get_code_at  (JsonObject *codes,
                                           const char *set,
                                           guint       position);
/* The names of set for a GtkDropDown, leaving out the code skip
 * (nullable): "relation" without "self" for the other members. */
GtkStringList *anju_kiosk_codes_names     (JsonObject *codes,
                                           const char *set,
                                           const char *skip);
/* The code of the name at position in a list made by codes_names with
 * the same skip. */
const char *anju_kiosk_codes_code_of_position (JsonObject *codes,
                                               const char *set,
                                               const char *skip,
                                               guint       position);

/* The counties of Changsha: code and translated name, position < n. */
guint       anju_kiosk_counties_get_n     (void);
const char *anju_kiosk_counties_get_code  (guint position);
const char *anju_kiosk_counties_get_name  (guint position);

G_END_DECLS
