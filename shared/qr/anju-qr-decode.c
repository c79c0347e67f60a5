/* anju-qr-decode.c
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <zbar.h>

#include "anju-qr-decode.h"

/* ITU-R BT.601 luma in integers: what zbar expects of a Y800 plane.
 * Transparent pixels count as white paper, so a PNG with a transparent
 * quiet zone still has one. */
static guint8 *
rgba_to_grey (const guint8 *rgba,
              int           width,
              int           height,
              int           stride)
{
  guint8 *grey = g_malloc ((gsize) width * height);

  for (int y = 0; y < height; y++)
    {
      const guint8 *row = rgba + (gsize) y * stride;

      for (int x = 0; x < width; x++)
        {
          const guint8 *pixel = row + 4 * x;
          guint luma = (299 * pixel[0] + 587 * pixel[1] + 114 * pixel[2]) / 1000;

          grey[(gsize) y * width + x] = (luma * pixel[3] + 255 * (255 - pixel[3])) / 255;
        }
    }
  return grey;
}

char *
anju_qr_decode_rgba (const guint8 *rgba,
                     int           width,
                     int           height,
                     int           stride)
{
  g_autofree guint8 *grey = NULL;
  zbar_image_scanner_t *scanner;
  zbar_image_t *image;
  const zbar_symbol_t *symbol;
  char *text = NULL;

  g_return_val_if_fail (rgba != NULL, NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);
  g_return_val_if_fail (stride >= 4 * width, NULL);

  grey = rgba_to_grey (rgba, width, height, stride);

  scanner = zbar_image_scanner_create ();
  zbar_image_scanner_set_config (scanner, ZBAR_NONE, ZBAR_CFG_ENABLE, 0);
  zbar_image_scanner_set_config (scanner, ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1);

  /* The plane stays ours (no cleanup handler): zbar only reads it. */
  image = zbar_image_create ();
  zbar_image_set_format (image, zbar_fourcc ('Y', '8', '0', '0'));
  zbar_image_set_size (image, width, height);
  zbar_image_set_data (image, grey, (unsigned long) width * height, NULL);

  if (zbar_scan_image (scanner, image) > 0)
    {
      for (symbol = zbar_image_first_symbol (image);
           symbol != NULL && text == NULL;
           symbol = zbar_symbol_next (symbol))
        {
          const char *data = zbar_symbol_get_data (symbol);

          if (zbar_symbol_get_type (symbol) == ZBAR_QRCODE && data != NULL
              && g_utf8_validate (data, zbar_symbol_get_data_length (symbol), NULL))
            text = g_strndup (data, zbar_symbol_get_data_length (symbol));
        }
    }

  zbar_image_destroy (image);
  zbar_image_scanner_destroy (scanner);
  return text;
}
