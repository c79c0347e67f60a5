/* anju-kiosk-qr.c: GET /kiosk/applications/{id}/qr: the QR code street
 * staff scan at the kiosk to open an application (F-TERM-012), as a PNG.
 *
 * The code is drawn by the documents' renderer (anju-document-qr.h) onto
 * an image surface, without antialiasing so every module stays sharp.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo.h>
#include <glib/gi18n.h>

#include "anju-document-qr.h"
#include "anju-kiosk-private.h"

#define QR_PREFIX   "anju:pubrent-application:"
#define QR_PIXELS   330

static cairo_status_t
append_png_cb (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
render_png (const char  *text,
            GError     **error)
{
  g_autoptr(GByteArray) png = g_byte_array_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, QR_PIXELS,
                                                         QR_PIXELS);
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;
  gboolean drawn;

  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  drawn = anju_document_draw_qr (cr, text, 0, 0, QR_PIXELS, error);
  cairo_destroy (cr);
  status = drawn ? cairo_surface_write_to_png_stream (surface, append_png_cb, png)
                 : CAIRO_STATUS_SUCCESS;
  cairo_surface_destroy (surface);
  if (!drawn)
    return NULL;
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_INTERNAL,
                   /* Translators: %s is cairo's reason */
                   _("Could not write the QR code image: %s"), cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&png));
}

static void
handle_qr (AnjuRequest *request)
{
  g_auto(AnjuKioskApp) app = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autofree char *text = NULL;
  gint64 id;

  if (!anju_request_get_path_id (request, "id", &id) || !_anju_kiosk_load_own_app (request, id,
                                                                                   &app))
    return;
  text = g_strconcat (QR_PREFIX, app.application_no, NULL);
  png = render_png (text, &error);
  if (png == NULL)
    anju_request_reply_error (request, error);
  else
    anju_request_reply_text (request, SOUP_STATUS_OK, "image/png", png);
}

static const AnjuRoute routes[] = {
  { "GET", "/api/v1/kiosk/applications/{id}/qr", ANJU_PERM_KIOSK_OPERATE, ANJU_ROUTE_DEFAULT,
    handle_qr, "PNG of the QR code anju:pubrent-application:<application_no>", NULL, "kiosk" },
};

const AnjuRoute *
_anju_kiosk_qr_routes (guint *n_routes)
{
  *n_routes = G_N_ELEMENTS (routes);
  return routes;
}
