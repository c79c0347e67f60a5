/* anju-document-render.c: the one renderer of every generated document.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <glib/gi18n.h>

#include "anju-document-qr.h"
#include "anju-document-render.h"
#include "anju-error.h"

/* A4 in points. */
#define PAGE_WIDTH   595.276
#define PAGE_HEIGHT  841.89
#define MARGIN       56.0
#define CONTENT_WIDTH (PAGE_WIDTH - 2 * MARGIN)
#define CELL_PADDING 4.0
#define LOGO_HEIGHT  48.0
#define QR_SIZE      96.0
#define FONT_FAMILY  "WenQuanYi Micro Hei"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_t, cairo_destroy)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_surface_t, cairo_surface_destroy)

/* Where the drawing is: the page and the height used on it so far. */
typedef struct
{
  const AnjuDocumentContent *content;
  cairo_t                   *cr;
  double                     y;
  int                        page;
  /* (nullable) the table header to repeat after a page break */
  const char * const        *repeat_cells;
  const double              *repeat_widths;
  guint                      repeat_n;
} Pager;

static void draw_row (Pager *pager, const char * const *cells, const double *widths, guint n,
                      gboolean bold);

char *
anju_document_format_date (gint64 unix_secs)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (8 * 3600);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_secs);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);

  return g_strdup_printf ("%d年%d月%d日", g_date_time_get_year (local),
                          g_date_time_get_month (local), g_date_time_get_day_of_month (local));
}

static PangoLayout *
make_layout (Pager       *pager,
             const char  *text,
             double       size,
             gboolean     bold,
             double       width,
             PangoAlignment alignment)
{
  PangoLayout *layout = pango_cairo_create_layout (pager->cr);
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family (font, FONT_FAMILY);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

static void
draw_footer (Pager *pager)
{
  g_autofree char *text = g_strdup_printf ("%s    第 %d 页", pager->content->number, pager->page);
  g_autoptr(PangoLayout) layout = make_layout (pager, text, 9, FALSE, CONTENT_WIDTH,
                                               PANGO_ALIGN_CENTER);

  cairo_move_to (pager->cr, MARGIN, PAGE_HEIGHT - MARGIN + 8);
  pango_cairo_show_layout (pager->cr, layout);
}

static void
next_page (Pager *pager)
{
  if (pager->page > 0)
    {
      draw_footer (pager);
      cairo_show_page (pager->cr);
    }
  pager->page++;
  pager->y = MARGIN;
}

/* Starts a new page unless height still fits on this one. */
static void
ensure_space (Pager  *pager,
              double  height)
{
  /* A block taller than a page goes where it starts, or it never would. */
  if (pager->y + height <= PAGE_HEIGHT - MARGIN || pager->y <= MARGIN)
    return;
  next_page (pager);
  if (pager->repeat_cells != NULL)
    draw_row (pager, pager->repeat_cells, pager->repeat_widths, pager->repeat_n, TRUE);
}

/* Text over the full width, line by line so that it breaks across pages. */
static void
draw_text (Pager          *pager,
           const char     *text,
           double          size,
           gboolean        bold,
           PangoAlignment  alignment,
           gboolean        indent)
{
  g_autoptr(PangoLayout) layout = make_layout (pager, text, size, bold, CONTENT_WIDTH, alignment);
  PangoLayoutIter *iter;

  /* Chinese paragraphs open with two characters of indent. */
  if (indent)
    pango_layout_set_indent (layout, (int) (2 * size * PANGO_SCALE));
  pango_layout_set_spacing (layout, (int) (size * 0.4 * PANGO_SCALE));

  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      int baseline = pango_layout_iter_get_baseline (iter);
      double height;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      height = (double) logical.height / PANGO_SCALE + size * 0.4;
      ensure_space (pager, height);
      cairo_move_to (pager->cr, MARGIN + (double) logical.x / PANGO_SCALE,
                     pager->y + (double) (baseline - logical.y) / PANGO_SCALE);
      pango_cairo_show_layout_line (pager->cr, line);
      pager->y += height;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

/* One table row: cells side by side, each wrapped in its column, with
 * borders; bold for a header. */
static void
draw_row (Pager              *pager,
          const char * const *cells,
          const double       *widths,
          guint               n,
          gboolean            bold)
{
  double size = MAX (8, pager->content->font_size - 2);
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);
  double height = 0, x = MARGIN;

  for (guint i = 0; i < n; i++)
    {
      PangoLayout *layout = make_layout (pager, cells[i], size, bold,
                                         widths[i] * CONTENT_WIDTH - 2 * CELL_PADDING,
                                         PANGO_ALIGN_LEFT);

      g_ptr_array_add (layouts, layout);
      height = MAX (height, layout_height (layout) + 2 * CELL_PADDING);
    }

  ensure_space (pager, height);
  cairo_set_line_width (pager->cr, 0.5);
  for (guint i = 0; i < n; i++)
    {
      double width = widths[i] * CONTENT_WIDTH;

      if (bold)
        {
          cairo_set_source_rgb (pager->cr, 0.92, 0.92, 0.92);
          cairo_rectangle (pager->cr, x, pager->y, width, height);
          cairo_fill (pager->cr);
        }
      cairo_set_source_rgb (pager->cr, 0, 0, 0);
      cairo_rectangle (pager->cr, x, pager->y, width, height);
      cairo_stroke (pager->cr);
      cairo_move_to (pager->cr, x + CELL_PADDING, pager->y + CELL_PADDING);
      pango_cairo_show_layout (pager->cr, g_ptr_array_index (layouts, i));
      x += width;
    }
  pager->y += height;
}

static void
draw_heading (Pager *pager)
{
  const AnjuDocumentContent *content = pager->content;
  g_autofree char *number = g_strdup_printf ("编号：%s", content->number);

  draw_text (pager, content->title, content->font_size + 8, TRUE, PANGO_ALIGN_CENTER, FALSE);
  pager->y += 4;
  draw_text (pager, number, MAX (8, content->font_size - 2), FALSE, PANGO_ALIGN_RIGHT, FALSE);
  pager->y += 8;
}

static void
draw_signature (Pager *pager)
{
  const AnjuDocumentContent *content = pager->content;
  g_autofree char *date = anju_document_format_date (content->issued_at);

  pager->y += 16;
  ensure_space (pager, 3 * content->font_size * 1.6);
  draw_text (pager, content->issuer, content->font_size, FALSE, PANGO_ALIGN_RIGHT, FALSE);
  draw_text (pager, date, content->font_size, FALSE, PANGO_ALIGN_RIGHT, FALSE);
}

static const char * const list_header[] = { "序号", "申请编号", "姓名", "街道（社区）", "家庭人口", "业务类型" };
static const double list_widths[] = { 0.08, 0.22, 0.14, 0.26, 0.10, 0.20 };

static void
draw_list (Pager *pager)
{
  GPtrArray *applicants = pager->content->applicants;

  pager->y += 8;
  draw_row (pager, list_header, list_widths, G_N_ELEMENTS (list_header), TRUE);
  pager->repeat_cells = list_header;
  pager->repeat_widths = list_widths;
  pager->repeat_n = G_N_ELEMENTS (list_header);
  for (guint i = 0; i < applicants->len; i++)
    {
      AnjuDocumentApplicant *applicant = g_ptr_array_index (applicants, i);
      g_autofree char *position = g_strdup_printf ("%u", i + 1);
      g_autofree char *size = g_strdup_printf ("%d", applicant->household_size);
      const char *cells[] = { position, applicant->application_no, applicant->name,
                              applicant->org_name, size, applicant->business_type_label };

      draw_row (pager, cells, list_widths, G_N_ELEMENTS (cells), FALSE);
    }
  pager->repeat_cells = NULL;
}

static const double detail_widths[] = { 0.18, 0.32, 0.18, 0.32 };

static void
draw_applicant_details (Pager                       *pager,
                        const AnjuDocumentApplicant *applicant)
{
  g_autofree char *size = g_strdup_printf ("%d 人", applicant->household_size);
  g_autofree char *submitted = applicant->submitted_at > 0
                               ? anju_document_format_date (applicant->submitted_at) : g_strdup ("");
  const char *rows[][4] = {
    { "申请人", applicant->name, "身份证号", applicant->id_no },
    { "申请编号", applicant->application_no, "申请日期", submitted },
    { "业务类型", applicant->business_type_label, "家庭人口", size },
    { "受理单位", applicant->org_name, "", "" },
  };

  draw_text (pager, "一、申请人基本情况", pager->content->font_size, TRUE, PANGO_ALIGN_LEFT, FALSE);
  pager->y += 4;
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    draw_row (pager, rows[i], detail_widths, 4, FALSE);
  pager->y += 12;
}

static const char * const node_header[] = { "审核环节", "审核结果", "经办单位", "时间", "意见" };
static const double node_widths[] = { 0.16, 0.14, 0.24, 0.18, 0.28 };

static void
draw_nodes (Pager *pager)
{
  GPtrArray *nodes = pager->content->nodes;

  draw_text (pager, "二、审核情况", pager->content->font_size, TRUE, PANGO_ALIGN_LEFT, FALSE);
  pager->y += 4;
  draw_row (pager, node_header, node_widths, G_N_ELEMENTS (node_header), TRUE);
  pager->repeat_cells = node_header;
  pager->repeat_widths = node_widths;
  pager->repeat_n = G_N_ELEMENTS (node_header);
  for (guint i = 0; i < nodes->len; i++)
    {
      AnjuDocumentNode *node = g_ptr_array_index (nodes, i);
      g_autofree char *at = node->at > 0 ? anju_document_format_date (node->at) : g_strdup ("");
      const char *cells[] = { node->name, node->result, node->owner, at,
                              node->opinion != NULL ? node->opinion : "" };

      draw_row (pager, cells, node_widths, G_N_ELEMENTS (cells), FALSE);
    }
  pager->repeat_cells = NULL;
  pager->y += 12;
}

static gboolean
draw_form (Pager   *pager,
           GError **error)
{
  const AnjuDocumentContent *content = pager->content;
  g_autofree char *conclusion = g_strdup_printf ("审核结论：%s", content->conclusion);
  g_autoptr(PangoLayout) caption = NULL;
  double top;

  g_return_val_if_fail (content->applicants->len == 1, FALSE);

  draw_applicant_details (pager, g_ptr_array_index (content->applicants, 0));
  draw_nodes (pager);
  draw_text (pager, "三、确认意见", content->font_size, TRUE, PANGO_ALIGN_LEFT, FALSE);
  pager->y += 4;
  draw_text (pager, content->body, content->font_size, FALSE, PANGO_ALIGN_LEFT, TRUE);
  pager->y += 8;
  draw_text (pager, conclusion, content->font_size + 1, TRUE, PANGO_ALIGN_LEFT, FALSE);

  /* The QR code sits left of the signature, both kept on one page. */
  pager->y += 12;
  ensure_space (pager, QR_SIZE + 20);
  top = pager->y;
  if (!anju_document_draw_qr (pager->cr, content->verify_url, MARGIN, top, QR_SIZE, error))
    return FALSE;
  caption = make_layout (pager, "扫码核验真伪", 9, FALSE, QR_SIZE, PANGO_ALIGN_CENTER);
  cairo_move_to (pager->cr, MARGIN, top + QR_SIZE + 2);
  pango_cairo_show_layout (pager->cr, caption);
  draw_signature (pager);
  pager->y = MAX (pager->y, top + QR_SIZE + 16);
  return TRUE;
}

/* Where cairo's PNG reader is in the logo's bytes. */
typedef struct
{
  const guchar *data;
  gsize         left;
} PngReader;

static cairo_status_t
read_png (void          *closure,
          unsigned char *data,
          unsigned int   length)
{
  PngReader *reader = closure;

  if (length > reader->left)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, reader->data, length);
  reader->data += length;
  reader->left -= length;
  return CAIRO_STATUS_SUCCESS;
}

/* The logo left of the title block, LOGO_HEIGHT high. */
static gboolean
draw_logo (Pager   *pager,
           GBytes  *png,
           GError **error)
{
  PngReader reader = { NULL, 0 };
  g_autoptr(cairo_surface_t) image = NULL;
  double scale;

  reader.data = g_bytes_get_data (png, &reader.left);
  image = cairo_image_surface_create_from_png_stream (read_png, &reader);

  if (cairo_surface_status (image) != CAIRO_STATUS_SUCCESS
      || cairo_image_surface_get_height (image) <= 0)
    {
      g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_VALIDATION,
                           _("The logo must be a PNG image"));
      return FALSE;
    }

  scale = LOGO_HEIGHT / cairo_image_surface_get_height (image);
  cairo_save (pager->cr);
  cairo_translate (pager->cr, MARGIN, pager->y);
  cairo_scale (pager->cr, scale, scale);
  cairo_set_source_surface (pager->cr, image, 0, 0);
  cairo_paint (pager->cr);
  cairo_restore (pager->cr);
  pager->y += LOGO_HEIGHT + 6;
  return TRUE;
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
draw_document (Pager   *pager,
               GError **error)
{
  const AnjuDocumentContent *content = pager->content;

  next_page (pager);
  if (content->logo_png != NULL && !draw_logo (pager, content->logo_png, error))
    return FALSE;
  draw_heading (pager);

  if (anju_document_kind_is_list (content->kind))
    {
      draw_text (pager, content->body, content->font_size, FALSE, PANGO_ALIGN_LEFT, TRUE);
      draw_list (pager);
      draw_signature (pager);
    }
  else if (!draw_form (pager, error))
    return FALSE;

  draw_footer (pager);
  cairo_show_page (pager->cr);
  return TRUE;
}

GBytes *
anju_document_render (const AnjuDocumentContent  *content,
                      GError                    **error)
{
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  g_autoptr(cairo_surface_t) surface = NULL;
  g_autoptr(cairo_t) cr = NULL;
  Pager pager = { content, NULL, 0, 0, NULL, NULL, 0 };
  gboolean ok;

  g_return_val_if_fail (content != NULL, NULL);
  g_return_val_if_fail (content->number != NULL && content->title != NULL, NULL);

  surface = cairo_pdf_surface_create_for_stream (append_bytes, buffer, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, content->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, content->issuer);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Anju");
  cr = cairo_create (surface);
  pager.cr = cr;

  ok = draw_document (&pager, error);
  g_clear_pointer (&cr, cairo_destroy);
  cairo_surface_finish (surface);
  if (!ok)
    return NULL;
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_INTERNAL,
                   /* Translators: %s says why, from cairo */
                   _("Could not write the PDF: %s"),
                   cairo_status_to_string (cairo_surface_status (surface)));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}
