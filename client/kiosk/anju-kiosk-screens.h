/* anju-kiosk-screens.h: the kiosk's service screens, as one table.
 *
 * A row per module key of the home layout (docs/api.md, "Layout"): the
 * tile's title and icon, and the screen's type.  The window makes one
 * screen per row (g_object_new (type, "context", context, [kind …])) and
 * a home tile for each enabled module of the layout that has a row here;
 * "staff" is reached by the home screen's small staff button, never by a
 * tile.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct
{
  const char *key;          /* the layout's module key */
  /* NC_("kiosk module", …): the tile's and the header's title */
  const char *title;
  const char *icon_name;
  GType     (*get_type) (void);
  /* (nullable) the value of the screen's "kind" property, for one class
   * serving several modules */
  const char *kind;
} AnjuKioskScreenInfo;

/* The rows, in the default layout's order. */
const AnjuKioskScreenInfo *anju_kiosk_screens_get_all (guint      *n_screens);
/* NULL for a key without a screen. */
const AnjuKioskScreenInfo *anju_kiosk_screens_lookup  (const char *key);
/* The title, translated. */
const char                *anju_kiosk_screens_get_title (const AnjuKioskScreenInfo *info);
GtkWidget                 *anju_kiosk_screens_create  (const AnjuKioskScreenInfo *info,
                                                       gpointer                   context);

G_END_DECLS
