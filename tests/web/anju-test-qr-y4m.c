/* anju-test-qr-y4m.c
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <qrencode.h>
#include <string.h>

#include "anju-test-qr-y4m.h"

#define QUIET_ZONE 4
#define FRAMES     4       /* a few identical frames: Chromium loops them */
#define LUMA_BLACK 0
#define LUMA_WHITE 255
#define CHROMA_GREY 128    /* no colour */

/* The luma plane: white, with the code centred when there is one. */
static gboolean
draw_luma (guint8      *luma,
           const char  *text,
           int          scale,
           GError     **error)
{
  QRcode *code;
  int size, left, top;

  memset (luma, LUMA_WHITE, (gsize) ANJU_TEST_Y4M_WIDTH * ANJU_TEST_Y4M_HEIGHT);
  if (text == NULL)
    return TRUE;
  code = QRcode_encodeString8bit (text, 0, QR_ECLEVEL_M);
  if (code == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "libqrencode cannot encode “%s”", text);
      return FALSE;
    }
  size = (code->width + 2 * QUIET_ZONE) * scale;
  if (size > ANJU_TEST_Y4M_WIDTH || size > ANJU_TEST_Y4M_HEIGHT)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "a QR code of %d px does not fit a %d×%d frame", size, ANJU_TEST_Y4M_WIDTH,
                   ANJU_TEST_Y4M_HEIGHT);
      QRcode_free (code);
      return FALSE;
    }
  left = (ANJU_TEST_Y4M_WIDTH - size) / 2;
  top = (ANJU_TEST_Y4M_HEIGHT - size) / 2;
  for (int y = 0; y < size; y++)
    for (int x = 0; x < size; x++)
      {
        int mx = x / scale - QUIET_ZONE;
        int my = y / scale - QUIET_ZONE;

        /* Bit 0 of each module is "dark". */
        if (mx >= 0 && my >= 0 && mx < code->width && my < code->width
            && (code->data[my * code->width + mx] & 1))
          luma[(gsize) (top + y) * ANJU_TEST_Y4M_WIDTH + left + x] = LUMA_BLACK;
      }
  QRcode_free (code);
  return TRUE;
}

gboolean
anju_test_qr_y4m_write (const char  *path,
                        const char  *text,
                        int          scale,
                        GError     **error)
{
  const gsize luma_size = (gsize) ANJU_TEST_Y4M_WIDTH * ANJU_TEST_Y4M_HEIGHT;
  const gsize chroma_size = luma_size / 4;
  g_autofree guint8 *luma = g_malloc (luma_size);
  g_autofree guint8 *chroma = g_malloc (chroma_size);
  g_autoptr(GString) video = g_string_new (NULL);

  if (!draw_luma (luma, text, scale, error))
    return FALSE;
  memset (chroma, CHROMA_GREY, chroma_size);
  g_string_append_printf (video, "YUV4MPEG2 W%d H%d F10:1 Ip A1:1 C420jpeg\n",
                          ANJU_TEST_Y4M_WIDTH, ANJU_TEST_Y4M_HEIGHT);
  for (int i = 0; i < FRAMES; i++)
    {
      g_string_append (video, "FRAME\n");
      g_string_append_len (video, (const char *) luma, luma_size);
      g_string_append_len (video, (const char *) chroma, chroma_size);   /* U */
      g_string_append_len (video, (const char *) chroma, chroma_size);   /* V */
    }
  return g_file_set_contents (path, video->str, video->len, error);
}
