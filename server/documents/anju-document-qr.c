/* anju-document-qr.c: a QR code drawn with cairo.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <qrencode.h>

#include <glib/gi18n.h>

#include "anju-document-qr.h"
#include "anju-error.h"

#define QUIET_ZONE 4

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QRcode, QRcode_free)

gboolean
anju_document_draw_qr (cairo_t     *cr,
                       const char  *text,
                       double       x,
                       double       y,
                       double       size,
                       GError     **error)
{
  g_autoptr(QRcode) code = QRcode_encodeString (text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  double module;

  if (code == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, ANJU_ERROR, ANJU_ERROR_INTERNAL,
                   /* Translators: %s says why, from the C library */
                   _("Could not make the QR code: %s"), g_strerror (saved_errno));
      return FALSE;
    }

  module = size / (code->width + 2 * QUIET_ZONE);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, size, size);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (int row = 0; row < code->width; row++)
    for (int column = 0; column < code->width; column++)
      /* Bit 0 of each byte is the module's colour: 1 is dark. */
      if (code->data[row * code->width + column] & 1)
        cairo_rectangle (cr, x + (column + QUIET_ZONE) * module, y + (row + QUIET_ZONE) * module,
                         module, module);
  cairo_fill (cr);
  cairo_restore (cr);

  return TRUE;
}
