/* anju-kiosk-progress-screen.h: 办件查询, an applicant's progress.
 *
 * Two ways in: the ID card (read on the terminal, POST
 * /api/v1/kiosk/progress), or the application number with the phone
 * number given in it (the public POST /api/v1/public/pubrent/progress).
 * Shows each application's status and timeline.  A number and phone
 * that do not match say only "no matching application", as the server
 * does.  Implements AnjuKioskScreen: reset empties the entries and the
 * results.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ANJU_TYPE_KIOSK_PROGRESS_SCREEN (anju_kiosk_progress_screen_get_type ())
G_DECLARE_FINAL_TYPE (AnjuKioskProgressScreen, anju_kiosk_progress_screen, ANJU, KIOSK_PROGRESS_SCREEN, GtkBox)

G_END_DECLS
