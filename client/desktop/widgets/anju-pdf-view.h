/* anju-pdf-view.h: the pages of a PDF, one under the other, in a
 * scrolled view with zoom buttons.
 *
 * Every desktop page that previews a generated document (publicity
 * lists, announcements, confirmation forms) shows it here; printing is
 * anju_pdf_print() (anju-pdf-print.h).  The view keeps its own copy of
 * the bytes and renders with poppler; a PDF poppler cannot read leaves
 * the view empty and returns the error.  Zoom: the toolbar buttons,
 * Ctrl+plus, Ctrl+minus and Ctrl+0 (100 %).  The view is a DOCUMENT for
 * assistive technologies and every page is labelled "Page n of m".
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ANJU_TYPE_PDF_VIEW (anju_pdf_view_get_type ())
G_DECLARE_FINAL_TYPE (AnjuPdfView, anju_pdf_view, ANJU, PDF_VIEW, GtkWidget)

GtkWidget *anju_pdf_view_new         (void);
/* Shows pdf (NULL: nothing).  Returns FALSE with error set when poppler
 * cannot read it; the view is then empty. */
gboolean   anju_pdf_view_set_pdf     (AnjuPdfView  *self,
                                      GBytes       *pdf,
                                      GError      **error);
/* (transfer none) (nullable): what set_pdf was last given, if it loaded. */
GBytes    *anju_pdf_view_get_pdf     (AnjuPdfView  *self);
guint      anju_pdf_view_get_n_pages (AnjuPdfView  *self);
/* 1.0 is 100 %: a point of the PDF is 96/72 pixels.  Clamped to
 * [0.25, 4.0]. */
double     anju_pdf_view_get_zoom    (AnjuPdfView  *self);
void       anju_pdf_view_set_zoom    (AnjuPdfView  *self,
                                      double        zoom);

G_END_DECLS
