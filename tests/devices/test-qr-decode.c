/* test-qr-decode.c: the kiosk reads the QR codes of its receipts
 * (F-TERM-011, a progress query from a scanned receipt).
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "anju-qr-decode.h"
#include "anju-test-qr-image.h"

static void
test_decode (void)
{
  const char *text = "anju:pubrent-application:GZF-2026-000123";
  int width, height, stride;
  g_autofree guint8 *pixels = anju_test_qr_rgba (text, 4, &width, &height, &stride);
  g_autofree char *decoded = anju_qr_decode_rgba (pixels, width, height, stride);

  g_assert_cmpstr (decoded, ==, text);
}

/* A padded stride and a code off the centre of a larger grey picture, as
 * a camera frame would have it. */
static void
test_decode_in_frame (void)
{
  const char *text = "anju:pubrent-application:GZF-2026-000456";
  int qr_width, qr_height, qr_stride;
  g_autofree guint8 *qr = anju_test_qr_rgba (text, 3, &qr_width, &qr_height, &qr_stride);
  int width = 640, height = 480, stride = width * 4 + 64;
  g_autofree guint8 *frame = g_malloc ((gsize) stride * height);
  g_autofree char *decoded = NULL;

  memset (frame, 0x80, (gsize) stride * height);
  for (int y = 0; y < qr_height; y++)
    memcpy (frame + (gsize) (y + 100) * stride + 4 * 300, qr + (gsize) y * qr_stride, qr_width * 4);

  decoded = anju_qr_decode_rgba (frame, width, height, stride);
  g_assert_cmpstr (decoded, ==, text);
}

static void
test_no_code (void)
{
  int width = 320, height = 240, stride = width * 4;
  g_autofree guint8 *pixels = g_malloc ((gsize) stride * height);

  /* A gradient with some structure, but no code in it. */
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint8 *pixel = pixels + (gsize) y * stride + 4 * x;

        pixel[0] = pixel[1] = pixel[2] = ((x / 16 + y / 16) % 2) ? 40 : 220;
        pixel[3] = 255;
      }

  g_assert_null (anju_qr_decode_rgba (pixels, width, height, stride));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/devices/qr/decode  F-TERM-011", test_decode);
  g_test_add_func ("/devices/qr/decode-in-frame  F-TERM-011", test_decode_in_frame);
  g_test_add_func ("/devices/qr/no-code  F-TERM-011", test_no_code);

  return g_test_run ();
}
