/* anju-document-qr.h: a QR code drawn with cairo.
 *
 * libqrencode makes the modules (error correction level M, 8-bit mode);
 * each dark module becomes a filled cairo rectangle, so the code is
 * vector graphics in the PDF, sharp at any print resolution.  The square
 * of side size at (x, y) includes the quiet zone of four modules.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

gboolean anju_document_draw_qr (cairo_t     *cr,
                                const char  *text,
                                double       x,
                                double       y,
                                double       size,
                                GError     **error);

G_END_DECLS
