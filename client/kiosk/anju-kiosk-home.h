/* anju-kiosk-home.h: the kiosk's home screen.
 *
 * The server's banner, one large tile per enabled module of the
 * terminal's layout in the layout's order (modules without a screen in
 * anju-kiosk-screens.h are left out), the elderly-friendly mode toggle
 * and a small "Staff" button for street staff.  A tap emits
 * ::module-activated (const char *key); the staff button emits it with
 * "staff".  Each tile's widget name is its module key.
 */
#pragma once

#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define ANJU_TYPE_KIOSK_HOME (anju_kiosk_home_get_type ())
G_DECLARE_FINAL_TYPE (AnjuKioskHome, anju_kiosk_home, ANJU, KIOSK_HOME, GtkBox)

/* modules: the Layout's [{"key","name","enabled"}]. */
void       anju_kiosk_home_set_modules      (AnjuKioskHome *self,
                                             JsonArray     *modules);
/* banner: (nullable) */
void       anju_kiosk_home_set_banner       (AnjuKioskHome *self,
                                             GdkPaintable  *banner);
/* The keys of the tiles shown, in order (for tests and the log). */
GStrv      anju_kiosk_home_dup_tile_keys    (AnjuKioskHome *self);
gboolean   anju_kiosk_home_get_elderly_mode (AnjuKioskHome *self);
void       anju_kiosk_home_set_elderly_mode (AnjuKioskHome *self,
                                             gboolean       elderly_mode);

G_END_DECLS
