/* test-printer.c: the kiosk prints the eligibility confirmation form and
 * the street publicity list the server sends (F-TERM-012, F-TERM-013) and
 * its own receipts, through GtkPrintOperation without a dialog.
 *
 * The file backend exports through the same operation and drawing code
 * as the CUPS one; pdftotext reads the result back.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <pango/pangocairo.h>
#include <poppler.h>
#include <string.h>

#include "anju-printer.h"
#include "anju-qr-decode.h"
#include "anju-test-dirs.h"
#include "anju-test-qr-image.h"

#define APPLICATION_NO "GZF-2026-000123"
#define QR_TEXT        "anju:pubrent-application:" APPLICATION_NO

/* The text of a PDF with all white space removed: pdftotext puts spaces
 * between CJK and Latin text as it likes. */
static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  GString *text;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);

  text = g_string_new (NULL);
  for (const char *p = out; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (text, g_utf8_get_char (p));
  return g_string_free (text, FALSE);
}

static PopplerDocument *
open_pdf (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  PopplerDocument *document;

  g_assert_no_error (error);
  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  return document;
}

/* Renders a page at 144 dpi on white and looks for a QR code in it: the
 * printed code must still be readable. */
static char *
scan_printed_page (PopplerDocument *document,
                   int              index)
{
  PopplerPage *page = poppler_document_get_page (document, index);
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;
  char *text;

  poppler_page_get_size (page, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (width * 2), (int) (height * 2));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, 2, 2);
  poppler_page_render_for_printing (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* ARGB32 is B, G, R, A in memory: for black on white the order of the
   * colour channels does not matter. */
  text = anju_qr_decode_rgba (cairo_image_surface_get_data (surface),
                              cairo_image_surface_get_width (surface),
                              cairo_image_surface_get_height (surface),
                              cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);
  g_object_unref (page);
  return text;
}

static GBytes *
qr_png (void)
{
  int width, height, stride;
  g_autofree guint8 *pixels = anju_test_qr_rgba (QR_TEXT, 4, &width, &height, &stride);
  g_autoptr(GBytes) bytes = g_bytes_new (pixels, (gsize) stride * height);
  g_autoptr(GdkTexture) texture = gdk_memory_texture_new (width, height, GDK_MEMORY_R8G8B8A8,
                                                          bytes, stride);

  return gdk_texture_save_to_png_bytes (texture);
}

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
show_text (cairo_t    *cr,
           double      y,
           const char *text)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("WenQuanYi Micro Hei 16");

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, 60, y);
  pango_cairo_show_layout (cr, layout);
  pango_font_description_free (font);
  g_object_unref (layout);
}

/* What the server sends: an A4 portrait form, then a landscape list. */
static GBytes *
make_pdf (void)
{
  GByteArray *data = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (write_cb, data, 595, 842);
  cairo_t *cr = cairo_create (surface);

  show_text (cr, 60, "公共租赁住房资格确认单");
  show_text (cr, 100, "申请编号：" APPLICATION_NO);
  cairo_show_page (cr);
  cairo_pdf_surface_set_size (surface, 842, 595);
  show_text (cr, 60, "街道公示名单");
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);

  return g_byte_array_free_to_bytes (data);
}

static void
assert_printed_into (AnjuPrinter *printer,
                     const char  *dir,
                     const char  *job_prefix)
{
  const char *output = anju_printer_get_last_output (printer);
  g_autofree char *base = NULL;

  g_assert_nonnull (output);
  g_assert_true (g_path_is_absolute (output));
  g_assert_true (g_file_test (output, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_str_has_suffix (output, ".pdf"));
  g_assert_true (g_str_has_prefix (output, dir));
  base = g_path_get_basename (output);
  g_assert_true (g_str_has_prefix (base, job_prefix));
}

static void
test_receipt (void)
{
  const char * const lines[] = {
    "申请编号：" APPLICATION_NO,
    "申请人：张三",
    "业务类型：公共租赁住房（非定向）",
    NULL,
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("anju-print-XXXXXX", &error);
  g_autoptr(AnjuPrinter) printer = NULL;
  g_autoptr(GBytes) png = qr_png ();
  g_autofree char *text = NULL;
  g_autofree char *scanned = NULL;
  PopplerDocument *document;

  g_assert_no_error (error);
  printer = anju_printer_new_file (dir);
  g_assert_cmpstr (anju_device_get_kind (ANJU_DEVICE (printer)), ==, "printer");
  g_assert_null (anju_printer_get_last_output (printer));

  g_assert_true (anju_printer_print_receipt (printer, NULL, "公租房申请回执", lines, png, &error));
  g_assert_no_error (error);
  g_assert_cmpint (anju_device_get_state (ANJU_DEVICE (printer)), ==, ANJU_DEVICE_STATE_OK);
  assert_printed_into (printer, dir, "公租房申请回执-");

  text = pdf_text (anju_printer_get_last_output (printer));
  g_assert_nonnull (strstr (text, "公租房申请回执"));
  g_assert_nonnull (strstr (text, "申请编号：" APPLICATION_NO));
  g_assert_nonnull (strstr (text, "申请人：张三"));
  g_assert_nonnull (strstr (text, "公共租赁住房（非定向）"));

  document = open_pdf (anju_printer_get_last_output (printer));
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 1);
  scanned = scan_printed_page (document, 0);
  g_assert_cmpstr (scanned, ==, QR_TEXT);
  g_object_unref (document);

  /* Not a PNG: the caller's mistake, the printer is fine. */
  {
    g_autoptr(GBytes) junk = g_bytes_new_static ("not a png", 9);

    g_assert_false (anju_printer_print_receipt (printer, NULL, "回执", lines, junk, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
    g_assert_cmpint (anju_device_get_state (ANJU_DEVICE (printer)), ==, ANJU_DEVICE_STATE_OK);
  }

  g_unlink (anju_printer_get_last_output (printer));
  g_rmdir (dir);
}

/* Eighty lines do not fit on one sheet: the receipt goes on. */
static void
test_long_receipt (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("anju-print-XXXXXX", &error);
  g_autoptr(AnjuPrinter) printer = anju_printer_new_file (dir);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = NULL;
  PopplerDocument *document;

  for (int i = 1; i <= 80; i++)
    g_ptr_array_add (lines, g_strdup_printf ("第%d项：已提交", i));
  g_ptr_array_add (lines, NULL);

  g_assert_true (anju_printer_print_receipt (printer, NULL, "办件进度", (const char * const *) lines->pdata,
                                             NULL, &error));
  g_assert_no_error (error);

  document = open_pdf (anju_printer_get_last_output (printer));
  g_assert_cmpint (poppler_document_get_n_pages (document), >=, 2);
  g_object_unref (document);
  text = pdf_text (anju_printer_get_last_output (printer));
  g_assert_nonnull (strstr (text, "第1项：已提交"));
  g_assert_nonnull (strstr (text, "第80项：已提交"));

  g_unlink (anju_printer_get_last_output (printer));
  g_rmdir (dir);
}

static void
test_pdf (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("anju-print-XXXXXX", &error);
  g_autoptr(AnjuPrinter) printer = anju_printer_new_file (dir);
  g_autoptr(GBytes) pdf = make_pdf ();
  g_autoptr(GBytes) junk = g_bytes_new_static ("%PDF-junk", 9);
  g_autofree char *text = NULL;
  PopplerDocument *document;

  g_assert_true (anju_printer_print_pdf (printer, NULL, pdf, "confirmation-" APPLICATION_NO, &error));
  g_assert_no_error (error);
  assert_printed_into (printer, dir, "confirmation-" APPLICATION_NO "-");

  document = open_pdf (anju_printer_get_last_output (printer));
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 2);
  g_object_unref (document);
  text = pdf_text (anju_printer_get_last_output (printer));
  g_assert_nonnull (strstr (text, "公共租赁住房资格确认单"));
  g_assert_nonnull (strstr (text, "申请编号：" APPLICATION_NO));
  g_assert_nonnull (strstr (text, "街道公示名单"));

  /* Not a PDF: refused before anything is printed. */
  g_assert_false (anju_printer_print_pdf (printer, NULL, junk, "junk", &error));
  g_assert_nonnull (error);
  g_assert_cmpint (anju_device_get_state (ANJU_DEVICE (printer)), ==, ANJU_DEVICE_STATE_OK);

  g_unlink (anju_printer_get_last_output (printer));
  g_rmdir (dir);
}

/* A printer that cannot write is ERROR until its next job succeeds. */
static void
test_error_until_success (void)
{
  const char * const lines[] = { "申请人：张三", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("anju-print-XXXXXX", &error);
  g_autofree char *output_dir = g_build_filename (dir, "out", NULL);
  g_autoptr(AnjuPrinter) printer = anju_printer_new_file (output_dir);
  AnjuDevice *device = ANJU_DEVICE (printer);

  /* A file where the folder should be. */
  g_assert_true (g_file_set_contents (output_dir, "", 0, &error));
  g_assert_false (anju_printer_print_receipt (printer, NULL, "回执", lines, NULL, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (anju_device_get_state (device), ==, ANJU_DEVICE_STATE_ERROR);
  g_assert_cmpstr (anju_device_get_status_message (device), ==, error->message);
  g_clear_error (&error);

  g_unlink (output_dir);
  g_assert_true (anju_printer_print_receipt (printer, NULL, "回执", lines, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (anju_device_get_state (device), ==, ANJU_DEVICE_STATE_OK);
  g_assert_null (anju_device_get_status_message (device));

  g_unlink (anju_printer_get_last_output (printer));
  g_rmdir (output_dir);
  g_rmdir (dir);
}

static void
test_cups_missing (void)
{
  const char * const lines[] = { "申请人：张三", NULL };
  g_autoptr(AnjuPrinter) printer = anju_printer_new_cups ("anju-no-such-printer");
  g_autoptr(GBytes) pdf = make_pdf ();
  g_autoptr(GError) error = NULL;
  AnjuDevice *device = ANJU_DEVICE (printer);

  g_assert_false (anju_printer_print_receipt (printer, NULL, "回执", lines, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpint (anju_device_get_state (device), ==, ANJU_DEVICE_STATE_MISSING);
  g_assert_nonnull (strstr (anju_device_get_status_message (device), "anju-no-such-printer"));
  g_assert_cmpstr (anju_device_get_status_message (device), ==, error->message);
  g_assert_null (anju_printer_get_last_output (printer));
  g_clear_error (&error);

  g_assert_false (anju_printer_print_pdf (printer, NULL, pdf, "confirmation", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (anju_printer_check (printer, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  anju_test_isolate_dirs ();
  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  /* No accessibility bus: these tests drive devices, not widgets, and an
   * at-spi2-registryd activated as the session ends outlives it, holding
   * the test runner's output open. */
  g_setenv ("GTK_A11Y", "none", TRUE);
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/devices/printer/receipt  F-TERM-013", test_receipt);
  g_test_add_func ("/devices/printer/long-receipt  F-TERM-011", test_long_receipt);
  g_test_add_func ("/devices/printer/pdf  F-TERM-012 F-TERM-013", test_pdf);
  g_test_add_func ("/devices/printer/error-until-success  F-TERM-013", test_error_until_success);
  g_test_add_func ("/devices/printer/cups-missing  F-TERM-013", test_cups_missing);

  return g_test_run ();
}
