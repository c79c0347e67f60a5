/* anju-roles-page.h: roles and their permissions (F-PORTAL-016, F-PORTAL-018):
 * the list of roles beside a permission matrix grouped by module.  System
 * roles are shown read-only; custom roles can be created, renamed, edited
 * and deleted.
 *
 * Created by AnjuWindow by GType with the construct-only property
 * "client" (AnjuApiClient), which every request of the page goes
 * through.  The page loads nothing until it is shown or reloaded, so a
 * window can create every page at sign-in without a burst of requests.
 * Results and failures are reported through the window's "win.toast"
 * action.
 */
#pragma once

#include <adwaita.h>

#include "anju-api-client.h"

G_BEGIN_DECLS

#define ANJU_TYPE_ROLES_PAGE (anju_roles_page_get_type ())
G_DECLARE_FINAL_TYPE (AnjuRolesPage, anju_roles_page, ANJU, ROLES_PAGE, AdwBin)

GtkWidget *anju_roles_page_new    (AnjuApiClient *client);
/* Drops what is shown and fetches it again from the server. */
void       anju_roles_page_reload (AnjuRolesPage *self);

G_END_DECLS
