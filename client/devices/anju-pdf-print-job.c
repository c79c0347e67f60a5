/* anju-pdf-print-job.c
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <poppler.h>

#include "anju-pdf-print-job.h"

#define DOCUMENT_KEY "anju-pdf-print-job-document"

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
  gboolean turn;

  if (page == NULL)
    return;

  poppler_page_get_size (page, &page_width, &page_height);
  if (page_width <= 0 || page_height <= 0)
    {
      g_object_unref (page);
      return;
    }

  /* A landscape list on portrait paper is printed sideways rather than
   * shrunk to a third of the sheet, its top at the sheet's left edge as
   * CUPS turns landscape jobs. */
  turn = (page_width > page_height) != (area_width > area_height);
  if (turn)
    {
      double swap = page_width;

      page_width = page_height;
      page_height = swap;
    }

  scale = MIN (area_width / page_width, area_height / page_height);
  cairo_translate (cr, (area_width - page_width * scale) / 2, (area_height - page_height * scale) / 2);
  cairo_scale (cr, scale, scale);
  if (turn)
    {
      cairo_translate (cr, 0, page_height);
      cairo_rotate (cr, -G_PI / 2);
    }
  poppler_page_render_for_printing (page, cr);
  g_object_unref (page);
}

GtkPrintOperation *
anju_pdf_print_job_new (GBytes  *pdf,
                        GError **error)
{
  PopplerDocument *document;  /* (owned) */
  GtkPrintOperation *operation;

  g_return_val_if_fail (pdf != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  document = poppler_document_new_from_bytes (pdf, NULL, error);
  if (document == NULL)
    return NULL;
  if (poppler_document_get_n_pages (document) < 1)
    {
      g_object_unref (document);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The document has no pages to print"));
      return NULL;
    }

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_n_pages (operation, poppler_document_get_n_pages (document));
  g_object_set_data_full (G_OBJECT (operation), DOCUMENT_KEY, document, g_object_unref);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), NULL);
  return operation;
}
