/* anju-kiosk-window.h: the kiosk's home screen.
 *
 * A large title, a clock, and one tile per service a citizen can start at
 * the terminal.  None of the services is available on a terminal yet: the
 * tiles are insensitive, a line under them says so, and tapping one shows
 * the same in a toast, so a tap never goes unanswered.
 */
#pragma once

#include <gtk/gtk.h>

#include "anju-kiosk-application.h"

G_BEGIN_DECLS

#define ANJU_TYPE_KIOSK_WINDOW (anju_kiosk_window_get_type ())
G_DECLARE_FINAL_TYPE (AnjuKioskWindow, anju_kiosk_window, ANJU, KIOSK_WINDOW, GtkApplicationWindow)

AnjuKioskWindow *anju_kiosk_window_new (AnjuKioskApplication *application);

G_END_DECLS
