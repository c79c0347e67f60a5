/* anju-kiosk-service-tile.h: one large touch button on the kiosk's home
 * screen: an icon above a title.
 *
 * The title is also the button's accessible name, since the button's
 * child is a box rather than a plain label.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ANJU_TYPE_KIOSK_SERVICE_TILE (anju_kiosk_service_tile_get_type ())
G_DECLARE_FINAL_TYPE (AnjuKioskServiceTile, anju_kiosk_service_tile, ANJU, KIOSK_SERVICE_TILE, GtkButton)

GtkWidget  *anju_kiosk_service_tile_new           (const char           *icon_name,
                                                   const char           *title);
const char *anju_kiosk_service_tile_get_icon_name (AnjuKioskServiceTile *self);
void        anju_kiosk_service_tile_set_icon_name (AnjuKioskServiceTile *self,
                                                   const char           *icon_name);
const char *anju_kiosk_service_tile_get_title     (AnjuKioskServiceTile *self);
void        anju_kiosk_service_tile_set_title     (AnjuKioskServiceTile *self,
                                                   const char           *title);

G_END_DECLS
