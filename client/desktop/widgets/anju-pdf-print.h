/* anju-pdf-print.h: printing a PDF from the desktop.
 *
 * anju_pdf_print() opens the print dialog over parent (GtkPrintOperation)
 * and draws the poppler pages of pdf, each scaled to the printable area
 * of the paper (never enlarged) and centred.  It returns at once; a
 * failure is shown in a message dialog over parent.
 * anju_pdf_print_operation_new() is the operation itself, for callers
 * (and tests) that want to run it another way, such as exporting to a
 * file.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void               anju_pdf_print               (GtkWindow  *parent,
                                                 GBytes     *pdf,
                                                 const char *job_name);
/* (transfer full): NULL with error set when poppler cannot read pdf. */
GtkPrintOperation *anju_pdf_print_operation_new (GBytes     *pdf,
                                                 const char *job_name,
                                                 GError    **error);

G_END_DECLS
