/* anju-kiosk-honor-screen.h: 光荣榜, the honor roll.
 *
 * Three columns from GET /api/v1/kiosk/honor-roll: the top five
 * enterprises, suppliers and service staff, by rank, as center staff
 * keep them.  Implements AnjuKioskScreen (nothing personal to wipe: the
 * roll is public).
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ANJU_TYPE_KIOSK_HONOR_SCREEN (anju_kiosk_honor_screen_get_type ())
G_DECLARE_FINAL_TYPE (AnjuKioskHonorScreen, anju_kiosk_honor_screen, ANJU, KIOSK_HONOR_SCREEN, GtkBox)

G_END_DECLS
