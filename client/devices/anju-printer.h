/* anju-printer.h: the kiosk printer, through GtkPrintOperation.
 *
 * Never a dialog.  The real backend prints to the configured CUPS printer
 * (it must be among the printers GTK enumerates, else MISSING); the
 * simulator exports each job as a PDF file into a directory, through the
 * same GtkPrintOperation and the same drawing code.
 *
 * Two kinds of jobs: the server's PDFs (confirmation forms, publicity
 * lists), drawn page by page with poppler-glib onto the print context, and
 * the kiosk's own receipts, laid out with Pango (CJK fonts) and an
 * optional QR image.  Implements AnjuDevice (kind "printer").
 *
 * Both kinds go on A4 portrait, the paper of the kiosk's one printer
 * (the server's forms are A4): PDF pages are scaled to the printable
 * area, receipts wrap at its width (anju-receipt-print-job.h).  Jobs run
 * synchronously.  A failed job makes the printer ERROR with the reason,
 * until the next job succeeds; the simulator's file is named
 * <job>-<YYYYmmdd-HHMMSS-microseconds>.pdf, the receipt's job being its
 * title.
 */
#pragma once

#include <gtk/gtk.h>

#include "anju-device.h"

G_BEGIN_DECLS

#define ANJU_TYPE_PRINTER (anju_printer_get_type ())
G_DECLARE_FINAL_TYPE (AnjuPrinter, anju_printer, ANJU, PRINTER, GObject)

AnjuPrinter *anju_printer_new_cups        (const char   *printer_name);
AnjuPrinter *anju_printer_new_file        (const char   *output_dir);

/* Whether the printer is there, without printing (for the heartbeat):
 * a CUPS printer GTK does not list makes it MISSING, one that came back
 * clears MISSING.  The simulator is always there. */
gboolean     anju_printer_check           (AnjuPrinter  *self,
                                           GError      **error);

/* The file the simulator wrote for the last job (NULL for CUPS). */
const char  *anju_printer_get_last_output (AnjuPrinter  *self);

gboolean     anju_printer_print_pdf       (AnjuPrinter  *self,
                                           GtkWindow    *parent,
                                           GBytes       *pdf,
                                           const char   *job_name,
                                           GError      **error);

/* A receipt: a title, lines of "label: value" text and, when qr_png is
 * given, that image below them. */
gboolean     anju_printer_print_receipt   (AnjuPrinter        *self,
                                           GtkWindow          *parent,
                                           const char         *title,
                                           const char * const *lines,
                                           GBytes             *qr_png,
                                           GError            **error);

G_END_DECLS
