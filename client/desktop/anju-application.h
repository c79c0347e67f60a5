/* anju-application.h: the anju-desktop application (org.anju.Desktop).
 *
 * Owns the trust store and moves the user between the sign-in window and
 * the main window: activate shows the sign-in window (or the main window
 * when signed in), a successful sign-in replaces it with an AnjuWindow,
 * and signing out brings the sign-in window back for the same server and
 * username.  --server URL prefills the server address.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ANJU_APPLICATION_ID "org.anju.Desktop"

#define ANJU_TYPE_APPLICATION (anju_application_get_type ())
G_DECLARE_FINAL_TYPE (AnjuApplication, anju_application, ANJU, APPLICATION, AdwApplication)

AnjuApplication *anju_application_new (void);

G_END_DECLS
