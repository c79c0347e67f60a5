/* anju-kiosk-articles-screen.h: 公示信息, 政策宣传 and 业务指南.
 *
 * One screen class for the three article kinds of the kiosk ("kind":
 * "publicity", "policy" or "guide"): a list from GET
 * /api/v1/kiosk/articles (the server picks what this terminal's street
 * may show today), with a keyword search for policies and guides, and a
 * detail page (GET /api/v1/kiosk/articles/{id}) that shows a guide's
 * steps, materials and time limit.  Implements AnjuKioskScreen: reset
 * clears the search and returns to the list.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ANJU_TYPE_KIOSK_ARTICLES_SCREEN (anju_kiosk_articles_screen_get_type ())
G_DECLARE_FINAL_TYPE (AnjuKioskArticlesScreen, anju_kiosk_articles_screen, ANJU, KIOSK_ARTICLES_SCREEN, GtkBox)

const char *anju_kiosk_articles_screen_get_kind (AnjuKioskArticlesScreen *self);

G_END_DECLS
