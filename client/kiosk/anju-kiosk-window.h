/* anju-kiosk-window.h: the kiosk's one window.
 *
 * A header (back home, title, clock) over the home screen and one screen
 * per row of anju-kiosk-screens.h, in a GtkStack.  At start it asks the
 * server for its home (GET /api/v1/kiosk/home: title, banner, modules in
 * order, theme) and starts the heartbeat.  Any input restarts the idle
 * timeout ([terminal] idle_timeout_seconds); when it fires, every screen
 * is reset and the home shown.  A long press or five taps on the clock
 * open the maintenance PIN pad, the only way out.  When the server
 * refuses the terminal (revoked credential, disabled terminal) the
 * window shows "disabled" and stops its services.  A window made with
 * anju_kiosk_window_new_failed() only shows why the terminal cannot
 * start.
 */
#pragma once

#include <gtk/gtk.h>

#include "anju-kiosk-context.h"
#include "anju-kiosk-heartbeat.h"

G_BEGIN_DECLS

#define ANJU_TYPE_KIOSK_WINDOW (anju_kiosk_window_get_type ())
G_DECLARE_FINAL_TYPE (AnjuKioskWindow, anju_kiosk_window, ANJU, KIOSK_WINDOW, GtkApplicationWindow)

/* application: (nullable) */
AnjuKioskWindow    *anju_kiosk_window_new            (GtkApplication   *application,
                                                      AnjuKioskContext *context);
AnjuKioskWindow    *anju_kiosk_window_new_failed     (GtkApplication   *application,
                                                      const char       *message);

/* Whether a close request (Alt+F4 from a window manager) may close it:
 * only in --windowed development mode. */
void                anju_kiosk_window_set_closable   (AnjuKioskWindow  *self,
                                                      gboolean          closable);

/* For tests and the maintenance staff: */
AnjuKioskContext   *anju_kiosk_window_get_context    (AnjuKioskWindow  *self);
AnjuKioskHeartbeat *anju_kiosk_window_get_heartbeat  (AnjuKioskWindow  *self);
/* "loading", "kiosk", "unavailable", "stopped" or "error". */
const char         *anju_kiosk_window_get_state      (AnjuKioskWindow  *self);
/* "home" or the key of the screen shown. */
const char         *anju_kiosk_window_get_screen_key (AnjuKioskWindow  *self);
/* (nullable) the screen of key, or the home for "home". */
GtkWidget          *anju_kiosk_window_get_screen     (AnjuKioskWindow  *self,
                                                      const char       *key);
/* (nullable) the open maintenance dialog. */
GtkWindow          *anju_kiosk_window_get_maintenance_dialog (AnjuKioskWindow *self);

G_END_DECLS
