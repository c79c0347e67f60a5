/* anju-receipt-print-job.c
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "anju-receipt-print-job.h"

#define JOB_KEY "anju-receipt-print-job"

/* Family lists: the first installed one is used for every glyph it has. */
#define TITLE_FONT "WenQuanYi Micro Hei, Noto Sans CJK SC, Sans Bold 20"
#define BODY_FONT  "WenQuanYi Micro Hei, Noto Sans CJK SC, Sans 13"
#define SMALL_FONT "WenQuanYi Micro Hei, Noto Sans CJK SC, Sans 10"

#define POINTS_PER_MM (72.0 / 25.4)
#define QR_SIZE       (40 * POINTS_PER_MM)
#define LINE_GAP      6.0   /* points between two lines */
#define SECTION_GAP   18.0  /* points around the title and before the QR code */

/* One thing on the receipt, placed on a page by begin-print. */
typedef struct
{
  char        *text;         /* (owned) (nullable): NULL for the QR code */
  const char  *font;
  double       gap_before;
  PangoLayout *layout;       /* (owned) (nullable): made in begin-print */
  int          page;
  double       y;
} Item;

typedef struct
{
  GArray          *items;    /* of Item */
  cairo_surface_t *qr;       /* (owned) (nullable) */
} Receipt;

static void
clear_item (gpointer data)
{
  Item *item = data;

  g_free (item->text);
  g_clear_object (&item->layout);
}

static void
receipt_free (gpointer data)
{
  Receipt *receipt = data;

  g_array_unref (receipt->items);
  g_clear_pointer (&receipt->qr, cairo_surface_destroy);
  g_free (receipt);
}

static void
add_item (Receipt    *receipt,
          const char *text,
          const char *font,
          double      gap_before)
{
  Item item = { g_strdup (text), font, gap_before, NULL, 0, 0 };

  g_array_append_val (receipt->items, item);
}

typedef struct
{
  GBytes *bytes;
  gsize   offset;
} PngReader;

static cairo_status_t
read_png_cb (void          *closure,
             unsigned char *data,
             unsigned int   length)
{
  PngReader *reader = closure;
  gsize size;
  const guint8 *bytes = g_bytes_get_data (reader->bytes, &size);

  if (size - reader->offset < length)
    return CAIRO_STATUS_READ_ERROR;

  memcpy (data, bytes + reader->offset, length);
  reader->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

static cairo_surface_t *
load_png (GBytes  *png,
          GError **error)
{
  PngReader reader = { png, 0 };
  cairo_surface_t *surface = cairo_image_surface_create_from_png_stream (read_png_cb, &reader);

  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The QR code is not a PNG image"));
      return NULL;
    }
  return surface;
}

static double
item_height (Item *item)
{
  int height;

  if (item->layout == NULL)
    return QR_SIZE;

  pango_layout_get_size (item->layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

/* Lays every item out at the printable width (the title centred) and
 * gives it a page and a place on it; an item that does not fit below the
 * previous one starts the next page. */
static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                gpointer           user_data)
{
  Receipt *receipt = g_object_get_data (G_OBJECT (operation), JOB_KEY);
  double width = gtk_print_context_get_width (context);
  double page_height = gtk_print_context_get_height (context);
  int page = 0;
  double y = 0;

  for (guint i = 0; i < receipt->items->len; i++)
    {
      Item *item = &g_array_index (receipt->items, Item, i);
      double height;

      g_clear_object (&item->layout);
      if (item->text != NULL)
        {
          PangoFontDescription *font = pango_font_description_from_string (item->font);

          item->layout = gtk_print_context_create_pango_layout (context);
          pango_layout_set_font_description (item->layout, font);
          pango_layout_set_width (item->layout, (int) (width * PANGO_SCALE));
          pango_layout_set_wrap (item->layout, PANGO_WRAP_WORD_CHAR);
          pango_layout_set_text (item->layout, item->text, -1);
          if (i == 0)
            pango_layout_set_alignment (item->layout, PANGO_ALIGN_CENTER);
          pango_font_description_free (font);
        }

      height = item_height (item);
      if (y > 0)
        y += item->gap_before;
      if (y > 0 && y + height > page_height)
        {
          page++;
          y = 0;
        }
      item->page = page;
      item->y = y;
      y += height;
    }

  gtk_print_operation_set_n_pages (operation, page + 1);
}

static void
draw_qr (cairo_t         *cr,
         cairo_surface_t *qr,
         double           x,
         double           y)
{
  double scale = QR_SIZE / MAX (cairo_image_surface_get_width (qr), cairo_image_surface_get_height (qr));

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  cairo_set_source_surface (cr, qr, 0, 0);
  /* Sharp modules: a blurred edge is harder for a phone to read. */
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_NEAREST);
  cairo_paint (cr);
  cairo_restore (cr);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              gpointer           user_data)
{
  Receipt *receipt = g_object_get_data (G_OBJECT (operation), JOB_KEY);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);

  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = 0; i < receipt->items->len; i++)
    {
      Item *item = &g_array_index (receipt->items, Item, i);

      if (item->page != page_nr)
        continue;

      if (item->layout == NULL)
        {
          draw_qr (cr, receipt->qr, (gtk_print_context_get_width (context) - QR_SIZE) / 2, item->y);
          continue;
        }
      cairo_move_to (cr, 0, item->y);
      pango_cairo_show_layout (cr, item->layout);
    }
}

GtkPrintOperation *
anju_receipt_print_job_new (const char         *title,
                            const char * const *lines,
                            GBytes             *qr_png,
                            GDateTime          *printed_at,
                            GError            **error)
{
  g_autofree char *when = NULL;
  g_autofree char *footer = NULL;
  cairo_surface_t *qr = NULL;
  GtkPrintOperation *operation;
  Receipt *receipt;

  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (printed_at != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (qr_png != NULL && (qr = load_png (qr_png, error)) == NULL)
    return NULL;

  receipt = g_new0 (Receipt, 1);
  receipt->items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (receipt->items, clear_item);
  receipt->qr = qr;

  add_item (receipt, title, TITLE_FONT, 0);
  for (guint i = 0; lines != NULL && lines[i] != NULL; i++)
    add_item (receipt, lines[i], BODY_FONT, i == 0 ? SECTION_GAP : LINE_GAP);

  when = g_date_time_format (printed_at, "%Y-%m-%d %H:%M");
  /* Translators: %1$s is a date and time, "2026-03-01 09:30" */
  footer = g_strdup_printf (_("Printed at %1$s"), when);
  add_item (receipt, footer, SMALL_FONT, SECTION_GAP);
  if (qr != NULL)
    add_item (receipt, NULL, NULL, SECTION_GAP);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  g_object_set_data_full (G_OBJECT (operation), JOB_KEY, receipt, receipt_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), NULL);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), NULL);
  return operation;
}
