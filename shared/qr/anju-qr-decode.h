/* anju-qr-decode.h: finds a QR code in a picture.
 *
 * A pure function over pixels, so that it can be tested without a camera
 * or a display: the camera hands it its newest frame.  zbar reads 8-bit
 * grey (Y800); the RGBA picture is converted first.  Only QR codes are
 * looked for: the kiosk reads the application QR codes the server prints
 * (`anju:pubrent-application:<application_no>`), and other symbologies
 * would only add false readings.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* rgba: width × height pixels of 4 bytes (R, G, B, A), rows stride bytes
 * apart.  Returns the text of the first QR code found (UTF-8), or NULL
 * when there is none. */
char *anju_qr_decode_rgba (const guint8 *rgba,
                           int           width,
                           int           height,
                           int           stride);

G_END_DECLS
