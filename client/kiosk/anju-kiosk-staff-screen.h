/* anju-kiosk-staff-screen.h: the street staff's mode of the kiosk
 * (F-TERM-010: materials photographed at the terminal).
 *
 * The module key "staff".  A member of the street's staff signs in with
 * username and password: that makes a second AnjuApiClient (same server,
 * same pinned certificate) holding the person's session, so that what
 * they do is done, checked and audited as them, never as the terminal.
 * They scan the QR code of an applicant's receipt with the kiosk camera
 * (anju:pubrent-application:<no>, read four times a second) or type the
 * number, see the application as their role allows, and attach
 * materials: a category, a camera photo (JPEG), uploaded to
 * /api/v1/files and attached to the application.  reset() (idle, home)
 * signs the person out and forgets the applicant.
 */
#pragma once

#include <gtk/gtk.h>

#include "anju-api-client.h"
#include "anju-kiosk-screen.h"

G_BEGIN_DECLS

#define ANJU_TYPE_KIOSK_STAFF_SCREEN (anju_kiosk_staff_screen_get_type ())
G_DECLARE_FINAL_TYPE (AnjuKioskStaffScreen, anju_kiosk_staff_screen, ANJU, KIOSK_STAFF_SCREEN, GtkBox)

/* "sign-in", "find", "application" or "material". */
const char    *anju_kiosk_staff_screen_get_page_name      (AnjuKioskStaffScreen *self);
/* The signed-in person's client, NULL when nobody is signed in. */
AnjuApiClient *anju_kiosk_staff_screen_get_staff_client   (AnjuKioskStaffScreen *self);
/* The id of the application open, 0 when none. */
gint64         anju_kiosk_staff_screen_get_application_id (AnjuKioskStaffScreen *self);

/* The application number in a scanned code, or NULL when the text is
 * not an Anju application code. */
char          *anju_kiosk_staff_parse_qr                  (const char *text);

G_END_DECLS
