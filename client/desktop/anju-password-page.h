/* anju-password-page.h: the change-password form (PORTAL account center).
 *
 * Current, new and repeated password.  The shared password policy is
 * checked first so the user hears what is wrong without a round trip, but
 * the server decides.  Used twice: forced, after a sign-in whose user
 * must_change_password, and by choice on the "My account" page.
 * ::password-changed is emitted once the server accepted the change and
 * the client holds the refreshed user.
 */
#pragma once

#include <adwaita.h>

#include "anju-api-client.h"

G_BEGIN_DECLS

#define ANJU_TYPE_PASSWORD_PAGE (anju_password_page_get_type ())
G_DECLARE_FINAL_TYPE (AnjuPasswordPage, anju_password_page, ANJU, PASSWORD_PAGE, AdwBin)

GtkWidget     *anju_password_page_new        (AnjuApiClient    *client);
AnjuApiClient *anju_password_page_get_client (AnjuPasswordPage *self);
void           anju_password_page_set_client (AnjuPasswordPage *self,
                                              AnjuApiClient    *client);
/* Empties the fields and the error (after success, or a new sign-in). */
void           anju_password_page_clear      (AnjuPasswordPage *self);

G_END_DECLS
