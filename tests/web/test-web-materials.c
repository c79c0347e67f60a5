/* test-web-materials.c: the street worker's materials from the phone
 * (issue 6 item 4; F-PORTAL-029 扫码查看申办人信息 / 上传申办人证明材料,
 * F-PRH-004 资料管理): #/scan opens an applicant by the QR code of the
 * kiosk receipt read by the camera (a fake camera playing a video of the
 * code) or by the number typed, and #/applications/:id/materials uploads
 * a large photo, resized on the phone, attached with its category.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>

#include "anju-test-json.h"
#include "anju-test-qr-y4m.h"
#include "anju-web-application.h"
#include "anju-web-test.h"

#define CODE_PREFIX    "anju:pubrent-application:"
#define QR_SCALE       8          /* pixels a module: 37 modules → 296 px */
#define PHOTO_WIDTH    3000
#define PHOTO_HEIGHT   2000
#define RESIZED_SIDE   1600       /* the page's longest side (materials.js) */

typedef struct
{
  char               *dir;        /* the video and the photos */
  char               *camera;     /* the fake camera's video, NULL without */
  AnjuWebTest        *web;
  AnjuWebApplication *application;
} Fixture;

/* With data TRUE the browser gets a fake camera.  Chromium reads its
 * video when the page starts the camera, so the file is written blank
 * first and gets the code once the application (and its number) exists. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  gboolean camera = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("anju-web-materials-XXXXXX", &error);
  g_assert_no_error (error);
  if (camera)
    {
      fixture->camera = g_build_filename (fixture->dir, "camera.y4m", NULL);
      anju_test_qr_y4m_write (fixture->camera, NULL, QR_SCALE, &error);
      g_assert_no_error (error);
    }
  fixture->web = anju_web_test_start (fixture->camera);
  if (fixture->web == NULL)
    return;
  fixture->application = anju_web_application_submit (fixture->web->server, "欧阳晓明", "117");
  if (camera)
    {
      g_autofree char *code = g_strconcat (CODE_PREFIX, fixture->application->number, NULL);

      anju_test_qr_y4m_write (fixture->camera, code, QR_SCALE, &error);
      g_assert_no_error (error);
    }
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->application, anju_web_application_free);
  g_clear_pointer (&fixture->web, anju_web_test_stop);
  remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->camera);
}

/* The page fits the phone's 360 px: nothing to scroll sideways. */
static void
assert_no_horizontal_scroll (Fixture *fixture)
{
  g_autoptr(JsonNode) fits = anju_web_test_eval (fixture->web,
                                                 "document.documentElement.scrollWidth"
                                                 " <= window.innerWidth");

  g_assert_true (json_node_get_boolean (fits));
}

/* Opens the materials page of the fixture's application, signed in as
 * the street reviewer. */
static void
open_materials_page (Fixture *fixture)
{
  g_autofree char *hash = g_strdup_printf ("#/applications/%" G_GINT64_FORMAT "/materials",
                                           fixture->application->id);

  anju_web_test_sign_in (fixture->web, "street_ypl");
  anju_web_test_open (fixture->web, hash);
}

/* Chooses category in the add form, then the files, then "Upload". */
static void
upload_files (Fixture    *fixture,
              const char *category,
              const char *path)
{
  g_autofree char *choose = g_strdup_printf ("(() => { const select = document.querySelector('select[name=category]');"
                                             " select.value = '%s';"
                                             " select.dispatchEvent(new Event('change', { bubbles: true }));"
                                             " return select.value; })()",
                                             category);
  g_autoptr(JsonNode) chosen = anju_web_test_eval (fixture->web, choose);
  g_autoptr(GError) error = NULL;
  const char *paths[2] = { path, NULL };

  g_assert_cmpstr (json_node_get_string (chosen), ==, category);
  if (!anju_browser_set_files (fixture->web->browser, "input[name=photo]", paths, &error))
    anju_web_test_fail (fixture->web, g_steal_pointer (&error));
  anju_web_test_click (fixture->web, "[data-action=upload]");
}

/* Waits until the materials page of the fixture's application shows. */
static void
wait_for_materials_page (Fixture *fixture)
{
  g_autofree char *expression = NULL;

  anju_web_test_wait_ready (fixture->web, "/applications/:id/materials");
  expression = g_strdup_printf ("location.hash === '#/applications/%" G_GINT64_FORMAT "/materials'"
                                " && document.querySelector('[data-field=application_no]')"
                                "?.textContent === '%s'",
                                fixture->application->id, fixture->application->number);
  anju_web_test_wait (fixture->web, expression);
}

/* F-PORTAL-029: the camera sees the receipt's code; the page opens the
 * applicant's materials without anything typed. */
static void
test_scan_camera (Fixture       *fixture,
                  gconstpointer  data)
{
  if (fixture->web == NULL)
    return;
  anju_web_test_sign_in (fixture->web, "street_ypl");
  anju_web_test_open (fixture->web, "#/scan");
  wait_for_materials_page (fixture);
}

/* F-PORTAL-029: a number that names nothing says so under the field; the
 * receipt's number opens the applicant. */
static void
test_scan_typed (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *invalid = NULL;

  if (fixture->web == NULL)
    return;
  anju_web_test_sign_in (fixture->web, "street_ypl");
  anju_web_test_open (fixture->web, "#/scan");

  anju_web_test_type (fixture->web, "input[name=application_no]", "GZF-2026-999999");
  anju_web_test_click (fixture->web, "[data-action=open]");
  anju_web_test_wait (fixture->web, "document.getElementById('scan-number-error').textContent !== ''");
  invalid = anju_web_test_eval_string (fixture->web,
                                          "document.querySelector('input[name=application_no]')"
                                          ".getAttribute('aria-invalid')");
  g_assert_cmpstr (invalid, ==, "true");

  json_node_unref (anju_web_test_eval (fixture->web,
                                       "document.querySelector('input[name=application_no]').value = ''"));
  anju_web_test_type (fixture->web, "input[name=application_no]", fixture->application->number);
  anju_web_test_unready (fixture->web);
  anju_web_test_click (fixture->web, "[data-action=open]");
  wait_for_materials_page (fixture);
}

/* A photo as a phone camera takes one: 3000×2000, a gradient with some
 * detail so that the JPEG is several hundred KB. */
static char *
write_photo (Fixture *fixture)
{
  g_autoptr(GdkPixbuf) photo = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, PHOTO_WIDTH,
                                               PHOTO_HEIGHT);
  guint8 *pixels = gdk_pixbuf_get_pixels (photo);
  int stride = gdk_pixbuf_get_rowstride (photo);
  char *path = g_build_filename (fixture->dir, "proof.jpg", NULL);
  g_autoptr(GError) error = NULL;

  for (int y = 0; y < PHOTO_HEIGHT; y++)
    for (int x = 0; x < PHOTO_WIDTH; x++)
      {
        guint8 *pixel = pixels + (gsize) y * stride + (gsize) x * 3;

        pixel[0] = (guint8) (x * 255 / PHOTO_WIDTH);
        pixel[1] = (guint8) (y * 255 / PHOTO_HEIGHT);
        pixel[2] = (guint8) (((x / 40) + (y / 40)) % 2 ? 220 : 30);
      }
  gdk_pixbuf_save (photo, path, "jpeg", &error, "quality", "90", NULL);
  g_assert_no_error (error);
  return path;
}

/* The application's materials as the street reviewer reads them. */
static JsonNode *
materials (Fixture    *fixture,
           const char *token)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/pubrent/applications/%" G_GINT64_FORMAT "/files",
                                           fixture->application->id);
  guint status = 0;
  JsonNode *reply = anju_test_request (fixture->web->server, token, "GET", path, NULL, &status);

  anju_assert_status (status, SOUP_STATUS_OK, reply);
  return reply;
}

/* F-PRH-004 / F-PORTAL-029: a 3000×2000 photo chosen with a category is
 * uploaded with a progress bar that reaches 100 %, attached with that
 * category, listed on the page, and stored at most 1600 px on its
 * longest side. */
static void
test_upload_resized (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *photo = NULL;
  g_autofree char *token = NULL;
  g_autofree char *content_path = NULL;
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(JsonNode) percent = NULL;
  g_autoptr(GBytes) content = NULL;
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  g_autoptr(GError) error = NULL;
  GdkPixbuf *stored;
  goffset photo_size;
  guint status = 0;

  if (fixture->web == NULL)
    return;
  photo = write_photo (fixture);
  {
    g_autoptr(GFile) file = g_file_new_for_path (photo);
    g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                   G_FILE_QUERY_INFO_NONE, NULL, &error);

    g_assert_no_error (error);
    photo_size = g_file_info_get_size (info);
  }
  token = anju_test_login (fixture->web->server, "street_ypl", ANJU_TEST_DEMO_PASSWORD);
  before = materials (fixture, token);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (anju_test_json_lookup (before, "items"))), ==, 0);

  open_materials_page (fixture);
  upload_files (fixture, "income", photo);

  anju_web_test_wait (fixture->web, "document.querySelector('[data-list=uploads] [data-upload]')"
                                    "?.dataset.state === 'done'");
  percent = anju_web_test_eval (fixture->web, "document.querySelector('[data-list=uploads] progress').value");
  g_assert_cmpint (json_node_get_int (percent), ==, 100);
  anju_web_test_wait (fixture->web, "document.querySelector('[data-list=materials] [data-category=income]')"
                                    " !== null");
  assert_no_horizontal_scroll (fixture);

  after = materials (fixture, token);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (anju_test_json_lookup (after, "items"))), ==, 1);
  g_assert_cmpstr (anju_test_json_string (after, "items.0.category"), ==, "income");
  g_assert_cmpstr (anju_test_json_string (after, "items.0.content_type"), ==, "image/jpeg");
  g_assert_cmpint (anju_test_json_int (after, "items.0.size"), <, photo_size);

  content_path = g_strdup_printf ("/api/v1/files/%" G_GINT64_FORMAT "/content",
                                  anju_test_json_int (after, "items.0.id"));
  content = anju_test_request_raw (fixture->web->server, token, "GET", content_path, NULL, NULL,
                                   &status);
  g_assert_cmpuint (status, ==, SOUP_STATUS_OK);
  gdk_pixbuf_loader_write_bytes (loader, content, &error);
  g_assert_no_error (error);
  gdk_pixbuf_loader_close (loader, &error);
  g_assert_no_error (error);
  stored = gdk_pixbuf_loader_get_pixbuf (loader);
  g_assert_nonnull (stored);
  /* Resized, the shape kept: 3000×2000 → 1600×1067. */
  g_assert_cmpint (gdk_pixbuf_get_width (stored), ==, RESIZED_SIDE);
  g_assert_cmpint (gdk_pixbuf_get_height (stored), ==,
                   (RESIZED_SIDE * PHOTO_HEIGHT + PHOTO_WIDTH / 2) / PHOTO_WIDTH);
}

/* F-PRH-004: a file the server refuses (not a type materials may have)
 * fails on its own row with the reason, offers no retry (it would fail
 * again), and nothing is attached. */
static void
test_upload_refused (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *token = NULL;
  g_autofree char *reason = NULL;
  g_autoptr(JsonNode) retry_hidden = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(GError) error = NULL;

  if (fixture->web == NULL)
    return;
  path = g_build_filename (fixture->dir, "notes.txt", NULL);
  g_file_set_contents (path, "not a proof\n", -1, &error);
  g_assert_no_error (error);

  open_materials_page (fixture);
  upload_files (fixture, "other", path);
  anju_web_test_wait (fixture->web, "document.querySelector('[data-list=uploads] [data-upload]')"
                                    "?.dataset.state === 'failed'");
  reason = anju_web_test_eval_string (fixture->web,
                                      "document.querySelector('[data-list=uploads] [role=alert]')"
                                      ".textContent");
  g_assert_cmpstr (reason, !=, "");
  retry_hidden = anju_web_test_eval (fixture->web,
                                     "document.querySelector('[data-list=uploads] [data-action=retry]')"
                                     ".hidden");
  g_assert_true (json_node_get_boolean (retry_hidden));

  token = anju_test_login (fixture->web->server, "street_ypl", ANJU_TEST_DEMO_PASSWORD);
  after = materials (fixture, token);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (anju_test_json_lookup (after, "items"))), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  anju_test_init (&argc, &argv);

  g_test_add ("/web/materials/scan-camera F-PORTAL-029", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_scan_camera, fixture_tear_down);
  g_test_add ("/web/materials/scan-typed F-PORTAL-029", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_scan_typed, fixture_tear_down);
  g_test_add ("/web/materials/upload-resized F-PRH-004", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_upload_resized, fixture_tear_down);
  g_test_add ("/web/materials/upload-refused F-PRH-004", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_upload_refused, fixture_tear_down);
  return g_test_run ();
}
