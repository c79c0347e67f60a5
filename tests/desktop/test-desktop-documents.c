/* test-desktop-documents.c: generated documents on the desktop.
 *
 *   pdf-view   F-PRH-005  the preview shows every page of a PDF, zooms,
 *                         and refuses bytes that are not a PDF
 *   pdf-print  F-PRH-006  printing draws every page (exported to a file
 *                         instead of a printer)
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <poppler.h>

#include "anju-desktop-test.h"
#include "anju-pdf-print.h"
#include "anju-pdf-view.h"

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* An A4 PDF of n_pages pages, each with a line of text. */
static GBytes *
make_pdf (int n_pages)
{
  GByteArray *buffer = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_bytes, buffer, 595.0, 842.0);
  cairo_t *cr = cairo_create (surface);

  for (int i = 0; i < n_pages; i++)
    {
      cairo_move_to (cr, 72, 72);
      cairo_show_text (cr, "Anju");
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);

  return g_byte_array_free_to_bytes (buffer);
}

static void
test_pdf_view (void)
{
  g_autoptr(GBytes) pdf = make_pdf (2);
  g_autoptr(GBytes) junk = g_bytes_new_static ("not a pdf", 9);
  g_autoptr(GError) error = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = anju_pdf_view_new ();
  AnjuPdfView *pdf_view = ANJU_PDF_VIEW (view);

  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));

  g_assert_true (anju_pdf_view_set_pdf (pdf_view, pdf, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (anju_pdf_view_get_n_pages (pdf_view), ==, 2);
  g_assert_true (anju_pdf_view_get_pdf (pdf_view) == pdf);

  g_assert_cmpfloat (anju_pdf_view_get_zoom (pdf_view), ==, 1.0);
  g_assert_true (gtk_widget_activate_action (view, "pdf.zoom-in", NULL));
  g_assert_cmpfloat (anju_pdf_view_get_zoom (pdf_view), >, 1.0);
  g_assert_true (gtk_widget_activate_action (view, "pdf.zoom-reset", NULL));
  g_assert_cmpfloat (anju_pdf_view_get_zoom (pdf_view), ==, 1.0);
  anju_pdf_view_set_zoom (pdf_view, 100.0);
  g_assert_cmpfloat (anju_pdf_view_get_zoom (pdf_view), ==, 4.0);

  g_assert_false (anju_pdf_view_set_pdf (pdf_view, junk, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (anju_pdf_view_get_n_pages (pdf_view), ==, 0);
  g_assert_null (anju_pdf_view_get_pdf (pdf_view));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_pdf_print (void)
{
  g_autoptr(GBytes) pdf = make_pdf (3);
  g_autoptr(GBytes) junk = g_bytes_new_static ("x", 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autofree char *dir = g_dir_make_tmp ("anju-print-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "printed.pdf", NULL);
  g_autofree char *uri = NULL;
  PopplerDocument *printed;
  GtkPrintOperationResult result;

  g_assert_no_error (error);
  operation = anju_pdf_print_operation_new (pdf, "test", &error);
  g_assert_no_error (error);
  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  uri = g_filename_to_uri (path, NULL, &error);
  printed = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (printed), ==, 3);
  g_object_unref (printed);

  g_assert_null (anju_pdf_print_operation_new (junk, "test", &error));
  g_assert_nonnull (error);

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  anju_desktop_test_init (&argc, &argv);

  g_test_add_func ("/pubrent/documents/pdf-view  F-PRH-005", test_pdf_view);
  g_test_add_func ("/pubrent/documents/pdf-print  F-PRH-006", test_pdf_print);

  return g_test_run ();
}
