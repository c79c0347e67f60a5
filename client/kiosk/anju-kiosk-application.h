/* anju-kiosk-application.h: the anju-kiosk process.
 *
 * Shows one home window, fullscreen and undecorated on the terminal's
 * screen; --windowed shows it in an ordinary window for development.
 * --config FILE names the terminal's configuration (default
 * /etc/anju/kiosk.conf); when it cannot be read, or a simulator it names
 * does not start, the window shows why instead of the services.
 * The application id is org.anju.Kiosk, so libadwaita loads the kiosk's
 * style sheet from /org/anju/Kiosk/style.css by itself.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ANJU_TYPE_KIOSK_APPLICATION (anju_kiosk_application_get_type ())
G_DECLARE_FINAL_TYPE (AnjuKioskApplication, anju_kiosk_application, ANJU, KIOSK_APPLICATION, AdwApplication)

AnjuKioskApplication *anju_kiosk_application_new          (void);
/* TRUE when started with --windowed. */
gboolean              anju_kiosk_application_get_windowed (AnjuKioskApplication *self);

G_END_DECLS
