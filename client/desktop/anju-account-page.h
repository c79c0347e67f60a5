/* anju-account-page.h: "My account" (PORTAL account center, §1.3).
 *
 * The signed-in user's own profile as the server knows it, the change
 * password form, and "sign out everywhere" (PORTAL-143), which goes
 * through the window's "win.sign-out-everywhere" action because ending
 * the session is the window's business.
 */
#pragma once

#include <adwaita.h>

#include "anju-api-client.h"

G_BEGIN_DECLS

#define ANJU_TYPE_ACCOUNT_PAGE (anju_account_page_get_type ())
G_DECLARE_FINAL_TYPE (AnjuAccountPage, anju_account_page, ANJU, ACCOUNT_PAGE, AdwBin)

GtkWidget *anju_account_page_new    (AnjuApiClient   *client);
/* Fetches GET /api/v1/auth/me again. */
void       anju_account_page_reload (AnjuAccountPage *self);

G_END_DECLS
