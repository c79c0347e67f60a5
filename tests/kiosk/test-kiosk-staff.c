/* test-kiosk-staff.c: the street staff's mode of the kiosk (F-TERM-010)
 * against a real server: a wrong password is refused, the staff member
 * signs in, the camera (a still image of the receipt's QR code) opens
 * the applicant, a material photographed with the camera is attached to
 * the application with its category, and reset signs the person out.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <qrencode.h>
#include <string.h>

#include "anju-application-test.h"
#include "anju-kiosk-staff-screen.h"
#include "anju-kiosk-test.h"
#include "anju-test-json.h"

#define STAFF_USER "street_ypl"
#define PIXELS_PER_MODULE 8
#define QUIET_MODULES 4

static AnjuTestServer *
start_server (void)
{
  AnjuTestServer *server = anju_test_server_start (TRUE);

  anju_test_db_drop_orphan_processes (server);

  return server;
}

/* A submitted application of 银盆岭街道's community, in street review. */
static gint64
street_review_application (AnjuTestServer  *server,
                           const char      *id_no,
                           char           **out_no)
{
  g_autofree char *community = anju_test_login (server, "community_ypl", ANJU_TEST_DEMO_PASSWORD);
  g_autofree char *body = anju_app_test_body ("open_physical", "王小湘", id_no, "");
  g_autofree char *path = NULL;
  g_autoptr(JsonNode) submitted = NULL;
  gint64 id = anju_app_test_create (server, community, body);
  guint status = 0;

  path = g_strdup_printf ("/api/v1/pubrent/applications/%" G_GINT64_FORMAT "/submit", id);
  submitted = anju_test_request (server, community, "POST", path, NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, submitted);
  *out_no = g_strdup (anju_test_json_string (submitted, "application_no"));

  return id;
}

/* The receipt's code as a PNG, drawn here as the server draws it:
 * libqrencode's modules as black squares with a white quiet zone. */
static void
write_qr_png (const char *text,
              const char *path)
{
  QRcode *code = QRcode_encodeString (text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  int side;
  cairo_surface_t *surface;
  cairo_t *cr;

  g_assert_nonnull (code);
  side = (code->width + 2 * QUIET_MODULES) * PIXELS_PER_MODULE;
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, side, side);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (int y = 0; y < code->width; y++)
    for (int x = 0; x < code->width; x++)
      if (code->data[y * code->width + x] & 1)
        cairo_rectangle (cr, (x + QUIET_MODULES) * PIXELS_PER_MODULE,
                         (y + QUIET_MODULES) * PIXELS_PER_MODULE, PIXELS_PER_MODULE, PIXELS_PER_MODULE);
  cairo_fill (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  QRcode_free (code);
}

/* The camera shows the still image in path. */
static void
camera_shows_png (GKeyFile *config,
                  gpointer  data)
{
  g_autofree char *source = g_strdup_printf ("filesrc location=%s ! pngdec ! imagefreeze is-live=true",
                                             (const char *) data);

  g_key_file_set_string (config, "camera", "backend", "simulator");
  g_key_file_set_string (config, "camera", "simulator_source", source);
}

typedef struct
{
  GtkWidget  *screen;
  const char *page;
} Page;

static gboolean
page_is (gpointer data)
{
  Page *page = data;

  return g_strcmp0 (anju_kiosk_staff_screen_get_page_name (ANJU_KIOSK_STAFF_SCREEN (page->screen)),
                    page->page) == 0;
}

static void
wait_for_page (GtkWidget  *screen,
               const char *name)
{
  Page page = { screen, name };
  g_autofree char *what = g_strdup_printf ("the page “%s”", name);

  g_assert_true (anju_test_display_wait_for (page_is, &page, what));
}

static gboolean
button_sensitive (gpointer data)
{
  Page *page = data;
  GtkWidget *button = anju_kiosk_test_find_button (page->screen, page->page);

  return button != NULL && gtk_widget_is_sensitive (button) && gtk_widget_get_mapped (button);
}

static void
press (GtkWidget  *screen,
       const char *label)
{
  Page wanted = { screen, label };
  g_autofree char *what = g_strdup_printf ("the button “%s”", label);

  g_assert_true (anju_test_display_wait_for (button_sensitive, &wanted, what));
  anju_kiosk_test_click_label (screen, label);
}

static gboolean
label_visible (gpointer data)
{
  return gtk_widget_get_visible (GTK_WIDGET (data))
         && g_strcmp0 (gtk_label_get_text (GTK_LABEL (data)), "") != 0;
}

static gboolean
has_income_row (gpointer data)
{
  return anju_kiosk_test_find_named (GTK_WIDGET (data), "income") != NULL;
}

static void
sign_in (GtkWidget  *screen,
         const char *password)
{
  anju_kiosk_test_set_text (anju_kiosk_test_child (screen, "username_entry"), STAFF_USER);
  anju_kiosk_test_set_text (anju_kiosk_test_child (screen, "password_entry"), password);
  press (screen, "Sign in");
}

/* F-TERM-010: sign in, scan, open, photograph, attach, sign out. */
static void
test_staff_material (void)
{
  AnjuTestServer *server = start_server ();
  g_autofree char *id_no = anju_app_test_id ("19900101", "068");
  g_autofree char *application_no = NULL;
  g_autofree char *qr_text = NULL;
  g_autofree char *dir = g_dir_make_tmp ("anju-staff-XXXXXX", NULL);
  g_autofree char *qr_path = g_build_filename (dir, "receipt-qr.png", NULL);
  g_autofree char *path = NULL;
  g_autoptr(JsonNode) files = NULL;
  AnjuKioskTest *kiosk;
  GtkWidget *screen;
  GtkDropDown *categories;
  gint64 id;
  guint status = 0;
  int row;

  id = street_review_application (server, id_no, &application_no);
  qr_text = g_strconcat ("anju:pubrent-application:", application_no, NULL);
  write_qr_png (qr_text, qr_path);
  kiosk = anju_kiosk_test_new (server, camera_shows_png, qr_path);
  screen = anju_kiosk_test_show_screen (kiosk, "staff");
  wait_for_page (screen, "sign-in");

  /* A wrong password is refused where it was typed. */
  sign_in (screen, "Wrong@2026x");
  g_assert_true (anju_test_display_wait_for (label_visible, anju_kiosk_test_child (screen, "sign_in_error_label"),
                                             "the refusal"));
  g_assert_null (anju_kiosk_staff_screen_get_staff_client (ANJU_KIOSK_STAFF_SCREEN (screen)));

  /* The right one opens the scanner; the receipt's code, the applicant. */
  sign_in (screen, ANJU_TEST_DEMO_PASSWORD);
  wait_for_page (screen, "find");
  wait_for_page (screen, "application");
  g_assert_cmpint (anju_kiosk_staff_screen_get_application_id (ANJU_KIOSK_STAFF_SCREEN (screen)), ==, id);
  g_assert_true (anju_kiosk_test_shows_text (screen, application_no));
  g_assert_true (anju_kiosk_test_shows_text (screen, "王小湘"));

  /* A material: income proof, photographed and attached. */
  press (screen, "Photograph a material");
  wait_for_page (screen, "material");
  categories = GTK_DROP_DOWN (anju_kiosk_test_child (screen, "category_dropdown"));
  for (guint i = 0; i < g_list_model_get_n_items (gtk_drop_down_get_model (categories)); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (categories)), i),
                   "收入证明") == 0)
      gtk_drop_down_set_selected (categories, i);
  press (screen, "Take photo");
  press (screen, "Upload");
  wait_for_page (screen, "application");
  g_assert_true (anju_test_display_wait_for (has_income_row, anju_kiosk_test_child (screen, "files_list"),
                                             "the material in the list"));

  /* The server holds it, with its category, added by the staff member. */
  path = g_strdup_printf ("/api/v1/pubrent/applications/%" G_GINT64_FORMAT "/files", id);
  files = anju_kiosk_test_admin_request (kiosk, "GET", path, NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, files);
  row = anju_test_json_find (files, "items", "category", "income");
  g_assert_cmpint (row, >=, 0);
  {
    g_autofree char *member = g_strdup_printf ("items.%d.content_type", row);

    g_assert_cmpstr (anju_test_json_string (files, member), ==, "image/jpeg");
  }

  /* Home signs the person out. */
  anju_kiosk_context_go_home (anju_kiosk_test_get_context (kiosk));
  anju_test_display_wait_for_screen (kiosk, "home");
  g_assert_null (anju_kiosk_staff_screen_get_staff_client (ANJU_KIOSK_STAFF_SCREEN (screen)));
  g_assert_cmpstr (anju_kiosk_staff_screen_get_page_name (ANJU_KIOSK_STAFF_SCREEN (screen)), ==, "sign-in");
  g_assert_false (anju_kiosk_test_shows_text (screen, application_no));
  g_assert_null (gtk_widget_get_first_child (anju_kiosk_test_child (screen, "files_list")));

  anju_kiosk_test_free (kiosk);
  anju_test_server_stop (server);
  g_unlink (qr_path);
  g_rmdir (dir);
}

/* The number typed instead of scanned; a number out of reach. */
static void
test_staff_number (void)
{
  AnjuTestServer *server = start_server ();
  AnjuKioskTest *kiosk = anju_kiosk_test_new (server, NULL, NULL);
  g_autofree char *id_no = anju_app_test_id ("19900101", "079");
  g_autofree char *application_no = NULL;
  GtkWidget *screen;
  gint64 id;

  id = street_review_application (server, id_no, &application_no);
  screen = anju_kiosk_test_show_screen (kiosk, "staff");
  sign_in (screen, ANJU_TEST_DEMO_PASSWORD);
  wait_for_page (screen, "find");

  anju_kiosk_test_set_text (anju_kiosk_test_child (screen, "number_entry"), "GZF-1999-999999");
  press (screen, "Open");
  g_assert_true (anju_test_display_wait_for (label_visible, anju_kiosk_test_child (screen, "find_error_label"),
                                             "no such application"));

  anju_kiosk_test_set_text (anju_kiosk_test_child (screen, "number_entry"), application_no);
  press (screen, "Open");
  wait_for_page (screen, "application");
  g_assert_cmpint (anju_kiosk_staff_screen_get_application_id (ANJU_KIOSK_STAFF_SCREEN (screen)), ==, id);

  press (screen, "Sign out");
  wait_for_page (screen, "sign-in");
  g_assert_null (anju_kiosk_staff_screen_get_staff_client (ANJU_KIOSK_STAFF_SCREEN (screen)));

  anju_kiosk_test_free (kiosk);
  anju_test_server_stop (server);
}

int
main (int   argc,
      char *argv[])
{
  anju_test_display_init (&argc, &argv);

  g_test_add_func ("/kiosk/staff/F-TERM-010/material", test_staff_material);
  g_test_add_func ("/kiosk/staff/F-TERM-010/number", test_staff_number);

  return g_test_run ();
}
