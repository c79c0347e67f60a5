/* anju-login-window.h: signing in to an Anju server (PORTAL-142).
 *
 * Asks for the server address, username and password.  On first contact
 * with a server it shows the server's certificate fingerprint and pins
 * the certificate only if the user trusts it; a server whose certificate
 * differs from the pinned one is refused with a warning, never re-pinned
 * (forgetting a pin is a separate, explicit menu action).  When the user
 * must change the password, the window shows the password form before it
 * reports success.
 *
 * ::signed-in (AnjuApiClient *client) is emitted once the client holds a
 * session the user may work with.
 *
 * In re-authentication mode (anju_login_window_new_for_client) the
 * server and username are fixed: the session of an open main window
 * ended and the same account signs in again on the same client.
 */
#pragma once

#include <adwaita.h>

#include "anju-api-client.h"
#include "anju-trust-store.h"

G_BEGIN_DECLS

#define ANJU_LOGIN_WINDOW_DEFAULT_SERVER "https://127.0.0.1:8443"

#define ANJU_TYPE_LOGIN_WINDOW (anju_login_window_get_type ())
G_DECLARE_FINAL_TYPE (AnjuLoginWindow, anju_login_window, ANJU, LOGIN_WINDOW, AdwApplicationWindow)

/* server_uri and username (nullable) prefill the form. */
AnjuLoginWindow *anju_login_window_new            (GtkApplication  *application,
                                                   AnjuTrustStore  *trust_store,
                                                   const char      *server_uri,
                                                   const char      *username);
AnjuLoginWindow *anju_login_window_new_for_client (GtkApplication  *application,
                                                   AnjuTrustStore  *trust_store,
                                                   AnjuApiClient   *client);
/* Shows a notice above the form (why the user is here again …). */
void             anju_login_window_show_notice    (AnjuLoginWindow *self,
                                                   const char      *message);
/* (nullable) the client of the last attempt, or the fixed one. */
AnjuApiClient   *anju_login_window_get_client     (AnjuLoginWindow *self);

G_END_DECLS
