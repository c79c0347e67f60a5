/* anju-pdf-print-job.h: a print operation that prints a PDF.
 *
 * Each page of the document is drawn with poppler onto the print context,
 * turned a quarter when its orientation differs from the paper's, scaled
 * to fill the printable area and centred in it.  The operation holds the
 * document; its unit is points.  Used by AnjuPrinter, which sets the
 * paper and runs it.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Fails (poppler's error) when pdf is not a PDF. */
GtkPrintOperation *anju_pdf_print_job_new (GBytes  *pdf,
                                           GError **error);

G_END_DECLS
