/* anju-kiosk-apply-screen.h: the kiosk's public-rental application
 * (F-TERM-009, with the ID card F-TERM-005 and the face and fingerprint
 * captures F-TERM-006).
 *
 * The module key "apply".  A citizen walks through seven steps: the
 * business type (open types only: a terminal stands in a street) and
 * consent; the ID card, read every 700 ms while that step shows (manual
 * entry by staff when the reader fails); phone, hukou county, income,
 * floor area and marital status; a face photo; a fingerprint enrolment;
 * the other household members (their cards, or by hand); the review.
 * Submitting creates the application as the terminal, submits it,
 * sends the two captures, shows the number and prints the receipt with
 * the application's QR code.  A server 422 sends the citizen back to the
 * step that holds the field.  reset() wipes all of it.
 */
#pragma once

#include <gtk/gtk.h>

#include "anju-kiosk-screen.h"

G_BEGIN_DECLS

#define ANJU_TYPE_KIOSK_APPLY_SCREEN (anju_kiosk_apply_screen_get_type ())
G_DECLARE_FINAL_TYPE (AnjuKioskApplyScreen, anju_kiosk_apply_screen, ANJU, KIOSK_APPLY_SCREEN, GtkBox)

/* The name of the step showing ("type", "card", … "done"), for tests and
 * the window's idle logic. */
const char *anju_kiosk_apply_screen_get_step_name (AnjuKioskApplyScreen *self);
/* The number of the application submitted last (NULL before). */
const char *anju_kiosk_apply_screen_get_application_no (AnjuKioskApplyScreen *self);

G_END_DECLS
