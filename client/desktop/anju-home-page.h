/* anju-home-page.h: the workbench, the work entry point (工作台,
 * F-PORTAL-001, 002, 005, 007).
 *
 * Greets the signed-in user with their organisation and roles, then
 * shows their shortcuts (常用功能, GET/PUT /api/v1/me/shortcuts: pages
 * they chose and ordered in a dialog), the data overview tiles and the
 * business-handling summary of GET /api/v1/portal/overview, the first
 * few tasks of their to-do list (GET /api/v1/todo) and the latest news
 * and notices.  Every item leads on through the window's actions:
 * "win.show-page" for pages, "win.open-record" for a task.
 *
 * A tile the caller may not see (null in the overview) is hidden; when
 * the overview cannot be had (a server without it answers 404) the
 * tiles show "—" and the rest of the page works on.  The page reloads
 * each time it is shown and on anju_home_page_reload().
 */
#pragma once

#include <adwaita.h>

#include "anju-api-client.h"

G_BEGIN_DECLS

#define ANJU_TYPE_HOME_PAGE (anju_home_page_get_type ())
G_DECLARE_FINAL_TYPE (AnjuHomePage, anju_home_page, ANJU, HOME_PAGE, AdwBin)

GtkWidget *anju_home_page_new    (AnjuApiClient *client);
void       anju_home_page_reload (AnjuHomePage  *self);

G_END_DECLS
