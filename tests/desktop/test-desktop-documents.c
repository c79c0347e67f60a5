/* test-desktop-documents.c: generated documents on the desktop.
 *
 *   pdf-view   F-PRH-005  the preview shows every page of a PDF, zooms,
 *                         and refuses bytes that are not a PDF
 *   pdf-print  F-PRH-006  printing draws every page (exported to a file
 *                         instead of a printer)
 *   templates  F-PRH-005  the templates page previews the selected
 *                         template (the server renders example data)
 *   history    F-PRH-006  the documents page lists a generated
 *                         confirmation form and previews its PDF
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <poppler.h>

#include "anju-desktop-test.h"
#include "anju-document-templates-page.h"
#include "anju-documents-page.h"
#include "anju-pdf-print.h"
#include "anju-pdf-view.h"
#include "anju-record-column.h"

#define FORM_APPLICATION "GZF-2026-910001"

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

static gboolean
has_pages (gpointer data)
{
  return anju_pdf_view_get_n_pages (data) >= 1;
}

/* The first AnjuPdfView below page. */
static AnjuPdfView *
page_pdf_view (GtkWidget *page)
{
  GtkWidget *view = anju_desktop_test_find_type (page, ANJU_TYPE_PDF_VIEW);

  g_assert_nonnull (view);
  return ANJU_PDF_VIEW (view);
}

static void
preview_template (AnjuWindow *window,
                  gpointer    data)
{
  GtkWidget *page = anju_desktop_test_open_page (window, "pubrent-document-templates");

  g_assert_true (ANJU_IS_DOCUMENT_TEMPLATES_PAGE (page));
  /* The first template is selected once the list is in, and previewed. */
  g_assert_true (anju_test_display_wait_for (has_pages, page_pdf_view (page), "the template preview"));
}

static void
test_templates_page (void)
{
  AnjuTestServer *server = anju_test_server_start (TRUE);

  anju_desktop_test_run (server, "center", ANJU_TEST_DEMO_PASSWORD, preview_template, NULL);
  anju_test_server_stop (server);
}

/* A confirmed application of 银盆岭街道 with its confirmation form,
 * made the way the announcement sweep would. */
static void
generate_form (AnjuTestServer *server)
{
  g_autofree char *id = NULL;
  g_autofree char *token = NULL;
  g_autofree char *body = NULL;
  g_autoptr(JsonNode) reply = NULL;
  guint status;

  id = anju_test_db_query (server,
                           "INSERT INTO pubrent_applications (application_no, business_type, status, org_id,"
                           " applicant_name, id_no, household_size, submitted_at, created_by, created_at,"
                           " updated_at) VALUES ('" FORM_APPLICATION "', 'open_physical', 'confirmed',"
                           " (SELECT id FROM organisations WHERE name = '银盆岭街道'), '刘德明',"
                           " '430104199001011234', 2, 1790000000,"
                           " (SELECT id FROM users WHERE username = 'street_ypl'), 1790000000, 1790000000)"
                           " RETURNING id");
  token = anju_test_login (server, "center", ANJU_TEST_DEMO_PASSWORD);
  body = g_strdup_printf ("{\"kind\": \"confirmation\", \"application_ids\": [%s]}", id);
  reply = anju_test_request (server, token, "POST", "/api/v1/pubrent/documents", body, &status);
  g_assert_cmpuint (status, ==, 201);
}

static gboolean
form_listed (gpointer data)
{
  GtkWidget *view = anju_desktop_test_find_type (data, GTK_TYPE_COLUMN_VIEW);
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (view)));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      AnjuRecord *record = anju_record_column_item_record (item);
      JsonArray *numbers = anju_record_get_member_array (record, "application_nos");

      if (numbers != NULL && json_array_get_length (numbers) == 1
          && g_strcmp0 (json_array_get_string_element (numbers, 0), FORM_APPLICATION) == 0
          && g_str_has_prefix (anju_record_get_string (record, "number"), "QRD-"))
        return TRUE;
    }
  return FALSE;
}

static void
browse_history (AnjuWindow *window,
                gpointer    data)
{
  GtkWidget *page = anju_desktop_test_open_page (window, "pubrent-documents");

  g_assert_true (ANJU_IS_DOCUMENTS_PAGE (page));
  g_assert_true (anju_test_display_wait_for (form_listed, page, "the confirmation form in the list"));
  /* The newest document is selected and previewed, ready to print. */
  g_assert_true (anju_test_display_wait_for (has_pages, page_pdf_view (page), "the document preview"));
  g_assert_true (gtk_widget_is_sensitive (anju_desktop_test_find_button (page, "documents.print")));
}

static void
test_history_page (void)
{
  AnjuTestServer *server = anju_test_server_start (TRUE);

  generate_form (server);
  /* A street worker sees the forms of the street's applications. */
  anju_desktop_test_run (server, "street_ypl", ANJU_TEST_DEMO_PASSWORD, browse_history, NULL);
  anju_test_server_stop (server);
}

int
main (int   argc,
      char *argv[])
{
  anju_test_display_init (&argc, &argv);

  g_test_add_func ("/pubrent/documents/pdf-view  F-PRH-005", test_pdf_view);
  g_test_add_func ("/pubrent/documents/pdf-print  F-PRH-006", test_pdf_print);
  g_test_add_func ("/pubrent/documents/templates-preview  F-PRH-005", test_templates_page);
  g_test_add_func ("/pubrent/documents/history-list  F-PRH-006", test_history_page);

  return g_test_run ();
}
