/* anju-test-qr-image.c
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <qrencode.h>
#include <string.h>

#include "anju-test-qr-image.h"

#define QUIET_ZONE 4

guint8 *
anju_test_qr_rgba (const char *text,
                   int         scale,
                   int        *width,
                   int        *height,
                   int        *stride)
{
  QRcode *code = QRcode_encodeString8bit (text, 0, QR_ECLEVEL_M);
  int modules, size;
  guint8 *pixels;

  g_assert_nonnull (code);
  modules = code->width + 2 * QUIET_ZONE;
  size = modules * scale;
  pixels = g_malloc ((gsize) size * size * 4);
  memset (pixels, 0xff, (gsize) size * size * 4);

  for (int y = 0; y < size; y++)
    for (int x = 0; x < size; x++)
      {
        int mx = x / scale - QUIET_ZONE;
        int my = y / scale - QUIET_ZONE;
        guint8 *pixel = pixels + ((gsize) y * size + x) * 4;

        /* Bit 0 of each module is "dark". */
        if (mx >= 0 && my >= 0 && mx < code->width && my < code->width
            && (code->data[my * code->width + mx] & 1))
          pixel[0] = pixel[1] = pixel[2] = 0;
      }

  QRcode_free (code);
  *width = *height = size;
  *stride = size * 4;
  return pixels;
}
