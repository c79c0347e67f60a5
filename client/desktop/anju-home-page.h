/* anju-home-page.h: the work entry point (F-PORTAL-001).
 *
 * Greets the signed-in user with their organisation and roles, and lists
 * the parts of the platform their permissions open, each a link to that
 * page through the window's "win.show-page" action.
 */
#pragma once

#include <adwaita.h>

#include "anju-api-client.h"

G_BEGIN_DECLS

#define ANJU_TYPE_HOME_PAGE (anju_home_page_get_type ())
G_DECLARE_FINAL_TYPE (AnjuHomePage, anju_home_page, ANJU, HOME_PAGE, AdwBin)

GtkWidget *anju_home_page_new (AnjuApiClient *client);

G_END_DECLS
