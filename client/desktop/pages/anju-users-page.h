/* anju-users-page.h: user accounts (F-PORTAL-017): a searchable, filterable,
 * paged table of users with create, edit, disable/enable, unlock and
 * password reset.
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

#define ANJU_TYPE_USERS_PAGE (anju_users_page_get_type ())
G_DECLARE_FINAL_TYPE (AnjuUsersPage, anju_users_page, ANJU, USERS_PAGE, AdwBin)

GtkWidget *anju_users_page_new    (AnjuApiClient *client);
/* Drops what is shown and fetches it again from the server. */
void       anju_users_page_reload (AnjuUsersPage *self);

G_END_DECLS
