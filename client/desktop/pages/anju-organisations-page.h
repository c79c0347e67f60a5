/* anju-organisations-page.h: the organisation structure (F-PORTAL-015): a tree of the
 * organisations in the caller's scope with create, edit, move and delete.
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

#define ANJU_TYPE_ORGANISATIONS_PAGE (anju_organisations_page_get_type ())
G_DECLARE_FINAL_TYPE (AnjuOrganisationsPage, anju_organisations_page, ANJU, ORGANISATIONS_PAGE, AdwBin)

GtkWidget *anju_organisations_page_new    (AnjuApiClient *client);
/* Drops what is shown and fetches it again from the server. */
void       anju_organisations_page_reload (AnjuOrganisationsPage *self);

G_END_DECLS
