/* anju-kiosk-print-screen.h: 资料打印, the applicant's own documents.
 *
 * Reads the ID card, lets the citizen choose the qualification
 * confirmation form or the street publicity material, asks the server
 * for it (POST /api/v1/kiosk/documents), shows its first page and prints
 * it on the terminal's printer.  A 409 (not confirmed yet, no publicity)
 * shows the server's message, which names the current status.  A printer
 * failure is shown with "Retry"; the printer reports ERROR in the next
 * heartbeat.  Implements AnjuKioskScreen: reset forgets the card and the
 * PDF.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ANJU_TYPE_KIOSK_PRINT_SCREEN (anju_kiosk_print_screen_get_type ())
G_DECLARE_FINAL_TYPE (AnjuKioskPrintScreen, anju_kiosk_print_screen, ANJU, KIOSK_PRINT_SCREEN, GtkBox)

G_END_DECLS
