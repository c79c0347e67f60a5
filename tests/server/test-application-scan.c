/* test-application-scan.c: POST /api/v1/pubrent/applications/scan, the
 * application behind the QR code in a picture (docs/api.md "Mobile web
 * (issue 6)").
 *
 * F-PORTAL-029 (street and community staff open an applicant on the
 * phone), F-TERM-012 (the kiosk's application QR code), PRH-A.5.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <cairo.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

#include "anju-document-qr.h"
#include "anju-web-http.h"

#define SCAN "/api/v1/pubrent/applications/scan"
#define QR_PREFIX "anju:pubrent-application:"
/* What the kiosk draws (anju-kiosk-qr.c). */
#define KIOSK_QR_PIXELS 330

static cairo_status_t
append_png_cb (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A width × height light grey picture with the QR code of text (none when
 * NULL) at (x, y), drawn the way the kiosk draws it. */
static cairo_surface_t *
draw_picture (const char *text,
              int         width,
              int         height,
              int         x,
              int         y)
{
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.85, 0.86, 0.84);
  cairo_paint (cr);
  if (text != NULL)
    {
      cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
      g_assert_true (anju_document_draw_qr (cr, text, x, y, KIOSK_QR_PIXELS, &error));
      g_assert_no_error (error);
    }
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static GBytes *
make_png (const char *text,
          int         width,
          int         height)
{
  g_autoptr(GByteArray) png = g_byte_array_new ();
  cairo_surface_t *surface = draw_picture (text, width, height, 0, 0);

  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, append_png_cb, png), ==,
                   CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (g_steal_pointer (&png));
}

/* A phone's photo: the code somewhere in a larger picture, as JPEG. */
static GBytes *
make_jpeg (const char *text)
{
  const int width = 960, height = 720;
  cairo_surface_t *surface = draw_picture (text, width, height, 310, 190);
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autoptr(GError) error = NULL;
  const guint8 *source = cairo_image_surface_get_data (surface);
  int source_stride = cairo_image_surface_get_stride (surface);
  guint8 *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  gchar *buffer = NULL;
  gsize length = 0;

  /* RGB24 is a native-endian 0xXXRRGGBB word per pixel. */
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 word = ((const guint32 *) (source + (gsize) y * source_stride))[x];
        guint8 *out = pixels + (gsize) y * stride + 3 * x;

        out[0] = (word >> 16) & 0xff;
        out[1] = (word >> 8) & 0xff;
        out[2] = word & 0xff;
      }
  cairo_surface_destroy (surface);

  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &length, "jpeg", &error,
                                            "quality", "85", NULL));
  g_assert_no_error (error);
  return g_bytes_new_take (buffer, length);
}

static JsonNode *
scan (AnjuTestServer *srv,
      const char     *token,
      const char     *content_type,
      GBytes         *picture,
      guint          *out_status)
{
  g_autoptr(GBytes) reply = anju_test_request_raw (srv, token, "POST", SCAN, content_type,
                                                   picture, out_status);

  return anju_test_parse_json (reply);
}

/* The number of an application filed under the street called street_name
 * or one of its communities. */
static char *
application_of_street (AnjuTestServer *srv,
                       const char     *street_name)
{
  g_autofree char *sql = g_strdup_printf (
    "SELECT a.application_no FROM pubrent_applications a"
    " JOIN organisations o ON o.id = a.org_id"
    " WHERE o.path LIKE (SELECT path FROM organisations WHERE name = '%s') || '%%'"
    " ORDER BY a.id LIMIT 1", street_name);
  char *number = anju_test_db_query (srv, sql);

  g_assert_nonnull (number);
  return number;
}

static void
assert_found (JsonNode   *reply,
              guint       status,
              const char *application_no)
{
  anju_assert_status (status, SOUP_STATUS_OK, reply);
  g_assert_cmpstr (anju_test_json_string (reply, "application_no"), ==, application_no);
  g_assert_cmpint (anju_test_json_int (reply, "id"), >, 0);
}

/* The kiosk's PNG, and a phone photo of it as JPEG, open the application
 * in the caller's street; scanning writes nothing. */
static void
test_scan_finds_application (AnjuTestFixture *fixture,
                             gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *number = application_of_street (srv, "银盆岭街道");
  g_autofree char *text = g_strconcat (QR_PREFIX, number, NULL);
  g_autofree char *token = anju_test_login (srv, "street_ypl", ANJU_TEST_DEMO_PASSWORD);
  g_autofree char *audit_before = anju_test_db_query (srv, "SELECT COUNT(*) FROM audit_log");
  g_autofree char *audit_after = NULL;
  g_autofree char *expected_id = NULL;
  g_autoptr(GBytes) png = make_png (text, KIOSK_QR_PIXELS, KIOSK_QR_PIXELS);
  g_autoptr(GBytes) jpeg = make_jpeg (text);
  g_autoptr(JsonNode) from_png = NULL;
  g_autoptr(JsonNode) from_jpeg = NULL;
  guint status = 0;

  from_png = scan (srv, token, "image/png", png, &status);
  assert_found (from_png, status, number);
  expected_id = g_strdup_printf ("%" G_GINT64_FORMAT, anju_test_json_int (from_png, "id"));
  {
    g_autofree char *sql = g_strdup_printf ("SELECT id FROM pubrent_applications"
                                            " WHERE application_no = '%s'", number);
    g_autofree char *id = anju_test_db_query (srv, sql);

    g_assert_cmpstr (id, ==, expected_id);
  }

  from_jpeg = scan (srv, token, "image/jpeg", jpeg, &status);
  assert_found (from_jpeg, status, number);

  audit_after = anju_test_db_query (srv, "SELECT COUNT(*) FROM audit_log");
  g_assert_cmpstr (audit_before, ==, audit_after);
}

/* The mobile web's way: the cookie session with its CSRF token. */
static void
test_scan_with_cookie (AnjuTestFixture *fixture,
                       gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *number = application_of_street (srv, "银盆岭街道");
  g_autofree char *text = g_strconcat (QR_PREFIX, number, NULL);
  g_autofree char *csrf = NULL;
  g_autofree char *cookie = anju_web_sign_in (srv, "community_ypl", &csrf);
  g_autoptr(GBytes) png = make_png (text, KIOSK_QR_PIXELS, KIOSK_QR_PIXELS);
  const char *without[] = { "Cookie", cookie, NULL };
  const char *with[] = { "Cookie", cookie, "X-CSRF-Token", csrf, NULL };
  g_autoptr(AnjuWebReply) refused = anju_web_http (srv, "POST", SCAN, without, "image/png", png);
  g_autoptr(AnjuWebReply) reply = anju_web_http (srv, "POST", SCAN, with, "image/png", png);
  g_autoptr(JsonNode) refused_json = anju_web_reply_json (refused);
  g_autoptr(JsonNode) json = anju_web_reply_json (reply);
  g_autofree char *community_number = NULL;

  anju_assert_error (refused->status, refused_json, SOUP_STATUS_FORBIDDEN, "csrf_failed");
  /* community_ypl sees 银盆岭社区 only: the street's first application
   * may belong to another of its communities. */
  if (reply->status == SOUP_STATUS_OK)
    assert_found (json, reply->status, number);
  else
    anju_assert_error (reply->status, json, SOUP_STATUS_NOT_FOUND, "not_found");

  community_number = anju_test_db_query (srv,
    "SELECT a.application_no FROM pubrent_applications a"
    " JOIN organisations o ON o.id = a.org_id WHERE o.name = '银盆岭社区' ORDER BY a.id LIMIT 1");
  g_assert_nonnull (community_number);
  {
    g_autofree char *own_text = g_strconcat (QR_PREFIX, community_number, NULL);
    g_autoptr(GBytes) own_png = make_png (own_text, KIOSK_QR_PIXELS, KIOSK_QR_PIXELS);
    g_autoptr(AnjuWebReply) own = anju_web_http (srv, "POST", SCAN, with, "image/png", own_png);
    g_autoptr(JsonNode) own_json = anju_web_reply_json (own);

    assert_found (own_json, own->status, community_number);
  }
}

/* A picture without a code is 422 no_code with a message to show. */
static void
test_scan_no_code (AnjuTestFixture *fixture,
                   gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *token = anju_test_login (srv, "street_ypl", ANJU_TEST_DEMO_PASSWORD);
  g_autoptr(GBytes) blank_png = make_png (NULL, 640, 480);
  g_autoptr(GBytes) blank_jpeg = make_jpeg (NULL);
  g_autoptr(JsonNode) png_reply = NULL;
  g_autoptr(JsonNode) jpeg_reply = NULL;
  guint status = 0;

  png_reply = scan (srv, token, "image/png", blank_png, &status);
  anju_assert_error (status, png_reply, 422, "no_code");
  g_assert_cmpstr (anju_test_json_string (png_reply, "error.message"), ==,
                   "No QR code was found in the picture");
  jpeg_reply = scan (srv, token, "image/jpeg", blank_jpeg, &status);
  anju_assert_error (status, jpeg_reply, 422, "no_code");
}

/* Another street's application, a code that is not an application's,
 * and a number that does not exist are all 404. */
static void
test_scan_out_of_scope (AnjuTestFixture *fixture,
                        gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *number = application_of_street (srv, "望月湖街道");
  g_autofree char *text = g_strconcat (QR_PREFIX, number, NULL);
  g_autofree char *ypl = anju_test_login (srv, "street_ypl", ANJU_TEST_DEMO_PASSWORD);
  g_autofree char *wyh = anju_test_login (srv, "street_wyh", ANJU_TEST_DEMO_PASSWORD);
  g_autoptr(GBytes) png = make_png (text, KIOSK_QR_PIXELS, KIOSK_QR_PIXELS);
  g_autoptr(GBytes) foreign = make_png ("https://example.org/", KIOSK_QR_PIXELS, KIOSK_QR_PIXELS);
  g_autoptr(GBytes) unknown = make_png (QR_PREFIX "GZF-1999-000000", KIOSK_QR_PIXELS,
                                        KIOSK_QR_PIXELS);
  guint status = 0;

  {
    g_autoptr(JsonNode) reply = scan (srv, ypl, "image/png", png, &status);

    anju_assert_error (status, reply, SOUP_STATUS_NOT_FOUND, "not_found");
  }
  {
    g_autoptr(JsonNode) reply = scan (srv, wyh, "image/png", png, &status);

    assert_found (reply, status, number);
  }
  {
    g_autoptr(JsonNode) reply = scan (srv, ypl, "image/png", foreign, &status);

    anju_assert_error (status, reply, SOUP_STATUS_NOT_FOUND, "not_found");
  }
  {
    g_autoptr(JsonNode) reply = scan (srv, ypl, "image/png", unknown, &status);

    anju_assert_error (status, reply, SOUP_STATUS_NOT_FOUND, "not_found");
  }
}

/* Reading applications is needed, and only JPEG or PNG of at most
 * 4096 pixels a side is read. */
static void
test_scan_refusals (AnjuTestFixture *fixture,
                    gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *number = application_of_street (srv, "银盆岭街道");
  g_autofree char *text = g_strconcat (QR_PREFIX, number, NULL);
  g_autofree char *enterprise = anju_test_login (srv, "enterprise", ANJU_TEST_DEMO_PASSWORD);
  g_autofree char *ypl = anju_test_login (srv, "street_ypl", ANJU_TEST_DEMO_PASSWORD);
  g_autoptr(GBytes) png = make_png (text, KIOSK_QR_PIXELS, KIOSK_QR_PIXELS);
  g_autoptr(GBytes) wide = make_png (text, 4097, 400);
  g_autoptr(GBytes) gif = g_bytes_new_static ("GIF89a\x01\x00\x01\x00\x00\x00\x00;", 14);
  g_autoptr(GBytes) broken = g_bytes_new_static ("\x89PNG\r\n\x1a\nbroken", 14);
  guint status = 0;

  {
    g_autoptr(JsonNode) reply = scan (srv, enterprise, "image/png", png, &status);

    anju_assert_error (status, reply, SOUP_STATUS_FORBIDDEN, "forbidden");
  }
  {
    g_autoptr(JsonNode) reply = scan (srv, NULL, "image/png", png, &status);

    anju_assert_error (status, reply, SOUP_STATUS_UNAUTHORIZED, "unauthorized");
  }
  {
    g_autoptr(JsonNode) reply = scan (srv, ypl, "image/png", wide, &status);

    anju_assert_error (status, reply, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "payload_too_large");
  }
  {
    g_autoptr(JsonNode) reply = scan (srv, ypl, "image/gif", gif, &status);

    anju_assert_error (status, reply, SOUP_STATUS_UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type");
  }
  {
    g_autoptr(JsonNode) reply = scan (srv, ypl, "image/png", broken, &status);

    anju_assert_error (status, reply, SOUP_STATUS_UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type");
  }
}

static void
add_scan_test (const char *path,
               void      (*func) (AnjuTestFixture *, gconstpointer))
{
  g_test_add (path, AnjuTestFixture, NULL, anju_test_fixture_set_up, func,
              anju_test_fixture_tear_down);
}

int
main (int    argc,
      char **argv)
{
  anju_test_init (&argc, &argv);

  add_scan_test ("/pubrent/applications/scan/finds  F-PORTAL-029 F-TERM-012",
                 test_scan_finds_application);
  add_scan_test ("/pubrent/applications/scan/cookie  F-PORTAL-029", test_scan_with_cookie);
  add_scan_test ("/pubrent/applications/scan/no-code  F-PORTAL-029", test_scan_no_code);
  add_scan_test ("/pubrent/applications/scan/out-of-scope  F-PORTAL-029", test_scan_out_of_scope);
  add_scan_test ("/pubrent/applications/scan/refusals  F-PORTAL-029", test_scan_refusals);

  return g_test_run ();
}
