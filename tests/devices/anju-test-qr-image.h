/* anju-test-qr-image.h: QR code pictures for the device tests.
 *
 * Drawn with libqrencode (the server's QR library): black modules on
 * white, a quiet zone of four modules, scale pixels a module.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* RGBA pixels (R, G, B, A), rows *stride bytes apart; g_free() them. */
guint8 *anju_test_qr_rgba (const char *text,
                           int         scale,
                           int        *width,
                           int        *height,
                           int        *stride);

G_END_DECLS
