#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <poppler.h>

#include "anju-pdf-print.h"

#define DOCUMENT_KEY "anju-pdf-document"

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              gpointer           user_data)
{
  PopplerDocument *document = g_object_get_data (G_OBJECT (operation), DOCUMENT_KEY);
  /* (owned): poppler-glib 22.12 has no autoptr for its types */
  PopplerPage *page = poppler_document_get_page (document, page_nr);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double area_width = gtk_print_context_get_width (context);
  double area_height = gtk_print_context_get_height (context);
  double page_width, page_height, scale;

  if (page == NULL)
    return;

  /* The context's unit is points (set below), like the PDF's; a page is
   * shrunk to the printable area, never enlarged, and centred in it. */
  poppler_page_get_size (page, &page_width, &page_height);
  scale = MIN (1.0, MIN (area_width / page_width, area_height / page_height));
  cairo_translate (cr, (area_width - page_width * scale) / 2, (area_height - page_height * scale) / 2);
  cairo_scale (cr, scale, scale);
  poppler_page_render_for_printing (page, cr);
  g_object_unref (page);
}

static void
done_cb (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         gpointer                 user_data)
{
  GtkWindow *parent = user_data;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;

  gtk_print_operation_get_error (operation, &error);
  dialog = adw_message_dialog_new (parent, _("Could Not Print"),
                                   error != NULL ? error->message : NULL);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

GtkPrintOperation *
anju_pdf_print_operation_new (GBytes      *pdf,
                              const char  *job_name,
                              GError     **error)
{
  PopplerDocument *document;  /* (owned) */
  GtkPrintOperation *operation;

  g_return_val_if_fail (pdf != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  document = poppler_document_new_from_bytes (pdf, NULL, error);
  if (document == NULL)
    return NULL;

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_n_pages (operation, poppler_document_get_n_pages (document));
  if (job_name != NULL)
    gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_object_set_data_full (G_OBJECT (operation), DOCUMENT_KEY,
                          document, g_object_unref);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), NULL);

  return operation;
}

void
anju_pdf_print (GtkWindow  *parent,
                GBytes     *pdf,
                const char *job_name)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (pdf != NULL);

  operation = anju_pdf_print_operation_new (pdf, job_name, &error);
  if (operation == NULL)
    {
      GtkWidget *dialog = adw_message_dialog_new (parent, _("Could Not Print"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  /* The operation keeps itself alive until it is done; the window is
   * only borrowed for the dialog. */
  gtk_print_operation_set_allow_async (operation, TRUE);
  if (parent != NULL)
    g_signal_connect_object (operation, "done", G_CALLBACK (done_cb), parent, 0);
  else
    g_signal_connect (operation, "done", G_CALLBACK (done_cb), NULL);
  gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, NULL);
}
