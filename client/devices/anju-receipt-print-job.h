/* anju-receipt-print-job.h: a print operation that prints a receipt.
 *
 * The kiosk's own slips (an application's receipt, a progress summary):
 * a large bold title, lines of text, the time of printing and, when
 * given, a QR code image 40 mm wide.  Laid out with Pango in a CJK font
 * named first in the font description ("WenQuanYi Micro Hei", then
 * "Noto Sans CJK SC", then the default sans) so Chinese never falls back
 * to boxes, on the operation's paper (AnjuPrinter uses A4, the paper of
 * the kiosk's one printer); long lines wrap, and a receipt that does not
 * fit on one sheet continues on the next.  The operation's unit is
 * points.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* printed_at: the time printed on the receipt.  Fails when qr_png is
 * given and is not a PNG image. */
GtkPrintOperation *anju_receipt_print_job_new (const char         *title,
                                               const char * const *lines,
                                               GBytes             *qr_png,
                                               GDateTime          *printed_at,
                                               GError            **error);

G_END_DECLS
