/* anju-chart.c: bars, stacked bars and lines of counts.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-chart-scale.h"
#include "anju-chart.h"

#define PADDING 12.0
#define MAX_TICKS 6
#define LEGEND_SWATCH 10.0

struct _AnjuChart
{
  GtkDrawingArea  parent_instance;

  AnjuChartMode   mode;
  char           *title;
  GStrv           categories;
  GStrv           series_names;   /* (nullable) */
  guint           n_categories;
  guint           n_series;
  double         *values;         /* n_series × n_categories */
};

G_DEFINE_FINAL_TYPE (AnjuChart, anju_chart, GTK_TYPE_DRAWING_AREA)

/* Colours that stay apart for the common colour blindnesses (Okabe-Ito). */
static const GdkRGBA palette[] = {
  { 0.000, 0.447, 0.698, 1 },
  { 0.902, 0.624, 0.000, 1 },
  { 0.000, 0.620, 0.451, 1 },
  { 0.835, 0.369, 0.000, 1 },
  { 0.800, 0.475, 0.655, 1 },
  { 0.337, 0.706, 0.914, 1 },
};

static double
value_at (AnjuChart *self,
          guint      series,
          guint      category)
{
  return self->values[series * self->n_categories + category];
}

/* The largest bar (or stack, or point) the axis must hold. */
static double
largest_value (AnjuChart *self)
{
  double largest = 0;

  for (guint c = 0; c < self->n_categories; c++)
    {
      double stack = 0;

      for (guint s = 0; s < self->n_series; s++)
        {
          stack += value_at (self, s, c);
          largest = MAX (largest, value_at (self, s, c));
        }
      if (self->mode == ANJU_CHART_STACKED)
        largest = MAX (largest, stack);
    }
  return largest;
}

static void
set_source (cairo_t       *cr,
            const GdkRGBA *rgba)
{
  cairo_set_source_rgba (cr, rgba->red, rgba->green, rgba->blue, rgba->alpha);
}

static void
get_foreground (AnjuChart *self,
                GdkRGBA   *out)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), out);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static PangoLayout *
make_layout (AnjuChart  *self,
             const char *text,
             int         max_width)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);

  if (max_width > 0)
    {
      pango_layout_set_width (layout, max_width * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
    }
  return layout;
}

static void
draw_text (cairo_t     *cr,
           PangoLayout *layout,
           double       x,
           double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* Draws the legend along the top; returns its height. */
static double
draw_legend (AnjuChart     *self,
             cairo_t       *cr,
             const GdkRGBA *fg)
{
  double x = PADDING;
  int height = 0;

  if (self->series_names == NULL || self->n_series < 2)
    return 0;

  for (guint s = 0; s < self->n_series; s++)
    {
      g_autoptr(PangoLayout) layout = make_layout (self, self->series_names[s], 0);
      int w, h;

      pango_layout_get_pixel_size (layout, &w, &h);
      set_source (cr, &palette[s % G_N_ELEMENTS (palette)]);
      cairo_rectangle (cr, x, PADDING + (h - LEGEND_SWATCH) / 2, LEGEND_SWATCH, LEGEND_SWATCH);
      cairo_fill (cr);
      set_source (cr, fg);
      draw_text (cr, layout, x + LEGEND_SWATCH + 4, PADDING);
      x += LEGEND_SWATCH + 4 + w + 16;
      height = MAX (height, h);
    }
  return height + 8;
}

typedef struct
{
  double left, top, right, bottom;   /* the plot area */
  AnjuChartScale scale;
} Plot;

static double
y_of (const Plot *plot,
      double      value)
{
  return plot->bottom - (plot->bottom - plot->top) * value / plot->scale.max;
}

/* Grid lines and tick labels; sets plot->left from the widest label. */
static void
draw_axis (AnjuChart     *self,
           cairo_t       *cr,
           Plot          *plot,
           const GdkRGBA *fg)
{
  int widest = 0;

  for (guint i = 0; i < plot->scale.n_ticks; i++)
    {
      g_autofree char *text = g_strdup_printf ("%g", i * plot->scale.step);
      g_autoptr(PangoLayout) layout = make_layout (self, text, 0);
      int w, h;

      pango_layout_get_pixel_size (layout, &w, &h);
      widest = MAX (widest, w);
    }
  plot->left = PADDING + widest + 6;

  for (guint i = 0; i < plot->scale.n_ticks; i++)
    {
      double value = i * plot->scale.step;
      g_autofree char *text = g_strdup_printf ("%g", value);
      g_autoptr(PangoLayout) layout = make_layout (self, text, 0);
      double y = y_of (plot, value);
      int w, h;

      pango_layout_get_pixel_size (layout, &w, &h);
      cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, 0.15);
      cairo_move_to (cr, plot->left, y + 0.5);
      cairo_line_to (cr, plot->right, y + 0.5);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
      set_source (cr, fg);
      draw_text (cr, layout, plot->left - 6 - w, y - h / 2.0);
    }
}

static void
draw_category_labels (AnjuChart     *self,
                      cairo_t       *cr,
                      const Plot    *plot,
                      const GdkRGBA *fg)
{
  double slot = (plot->right - plot->left) / self->n_categories;

  set_source (cr, fg);
  for (guint c = 0; c < self->n_categories; c++)
    {
      g_autoptr(PangoLayout) layout = make_layout (self, self->categories[c], (int) slot - 4);

      draw_text (cr, layout, plot->left + c * slot + 2, plot->bottom + 4);
    }
}

static void
draw_bars (AnjuChart  *self,
           cairo_t    *cr,
           const Plot *plot)
{
  double slot = (plot->right - plot->left) / self->n_categories;
  double group = slot * 0.7;
  gboolean stacked = self->mode == ANJU_CHART_STACKED;
  double bar = stacked ? group : group / self->n_series;

  for (guint c = 0; c < self->n_categories; c++)
    {
      double x = plot->left + c * slot + (slot - group) / 2;
      double base = 0;

      for (guint s = 0; s < self->n_series; s++)
        {
          double value = value_at (self, s, c);
          double bar_x = stacked ? x : x + s * bar;
          double top = y_of (plot, base + value);
          double bottom = y_of (plot, base);

          set_source (cr, &palette[s % G_N_ELEMENTS (palette)]);
          cairo_rectangle (cr, bar_x, top, MAX (bar - 2, 1), bottom - top);
          cairo_fill (cr);
          if (stacked)
            base += value;
        }
    }
}

static void
draw_lines (AnjuChart  *self,
            cairo_t    *cr,
            const Plot *plot)
{
  double slot = (plot->right - plot->left) / self->n_categories;

  cairo_set_line_width (cr, 2);
  for (guint s = 0; s < self->n_series; s++)
    {
      set_source (cr, &palette[s % G_N_ELEMENTS (palette)]);
      for (guint c = 0; c < self->n_categories; c++)
        {
          double x = plot->left + (c + 0.5) * slot;
          double y = y_of (plot, value_at (self, s, c));

          if (c == 0)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
        }
      cairo_stroke (cr);
      for (guint c = 0; c < self->n_categories; c++)
        {
          cairo_arc (cr, plot->left + (c + 0.5) * slot, y_of (plot, value_at (self, s, c)), 3,
                     0, 2 * G_PI);
          cairo_fill (cr);
        }
    }
}

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  AnjuChart *self = ANJU_CHART (area);
  g_autoptr(PangoLayout) probe = NULL;
  GdkRGBA fg;
  Plot plot = { 0, };
  int label_height = 0;

  get_foreground (self, &fg);
  if (self->n_categories == 0 || self->n_series == 0)
    {
      g_autoptr(PangoLayout) empty = make_layout (self, _("No data"), width);
      int h;

      pango_layout_get_pixel_size (empty, NULL, &h);
      set_source (cr, &fg);
      draw_text (cr, empty, 0, (height - h) / 2.0);
      return;
    }

  probe = make_layout (self, "0", 0);
  pango_layout_get_pixel_size (probe, NULL, &label_height);
  plot.top = PADDING + draw_legend (self, cr, &fg) + label_height / 2.0;
  plot.right = width - PADDING;
  plot.bottom = height - PADDING - label_height - 4;
  anju_chart_scale_compute (largest_value (self), MAX_TICKS, &plot.scale);
  if (plot.bottom <= plot.top)
    return;

  draw_axis (self, cr, &plot, &fg);
  if (plot.right <= plot.left)
    return;
  draw_category_labels (self, cr, &plot, &fg);
  if (self->mode == ANJU_CHART_LINES)
    draw_lines (self, cr, &plot);
  else
    draw_bars (self, cr, &plot);
}

static void
update_description (AnjuChart *self)
{
  g_autofree char *description = anju_chart_dup_description (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), description);
}

static void
anju_chart_finalize (GObject *object)
{
  AnjuChart *self = ANJU_CHART (object);

  g_free (self->title);
  g_strfreev (self->categories);
  g_strfreev (self->series_names);
  g_free (self->values);

  G_OBJECT_CLASS (anju_chart_parent_class)->finalize (object);
}

static void
anju_chart_class_init (AnjuChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = anju_chart_finalize;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "anju-chart");
}

static void
anju_chart_init (AnjuChart *self)
{
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self), 220);
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (self), 320);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self), draw_chart, NULL, NULL);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
}

GtkWidget *
anju_chart_new (AnjuChartMode  mode,
                const char    *title)
{
  AnjuChart *self = g_object_new (ANJU_TYPE_CHART, NULL);

  self->mode = mode;
  self->title = g_strdup (title);
  update_description (self);
  return GTK_WIDGET (self);
}

AnjuChartMode
anju_chart_get_mode (AnjuChart *self)
{
  g_return_val_if_fail (ANJU_IS_CHART (self), ANJU_CHART_BARS);
  return self->mode;
}

const char *
anju_chart_get_title (AnjuChart *self)
{
  g_return_val_if_fail (ANJU_IS_CHART (self), NULL);
  return self->title;
}

void
anju_chart_set_data (AnjuChart          *self,
                     const char * const *categories,
                     guint               n_categories,
                     const char * const *series_names,
                     guint               n_series,
                     const double       *values)
{
  g_return_if_fail (ANJU_IS_CHART (self));
  g_return_if_fail (n_categories == 0 || (categories != NULL && values != NULL));

  g_strfreev (self->categories);
  g_strfreev (self->series_names);
  g_free (self->values);

  self->categories = g_new0 (char *, n_categories + 1);
  for (guint c = 0; c < n_categories; c++)
    self->categories[c] = g_strdup (categories[c]);
  self->series_names = NULL;
  if (series_names != NULL)
    {
      self->series_names = g_new0 (char *, n_series + 1);
      for (guint s = 0; s < n_series; s++)
        self->series_names[s] = g_strdup (series_names[s]);
    }
  self->n_categories = n_categories;
  self->n_series = n_series;
  self->values = g_memdup2 (values, sizeof (double) * n_series * n_categories);

  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
anju_chart_get_n_categories (AnjuChart *self)
{
  g_return_val_if_fail (ANJU_IS_CHART (self), 0);
  return self->n_categories;
}

double
anju_chart_get_total (AnjuChart *self)
{
  double total = 0;

  g_return_val_if_fail (ANJU_IS_CHART (self), 0);
  for (guint i = 0; i < self->n_series * self->n_categories; i++)
    total += self->values[i];
  return total;
}

char *
anju_chart_dup_description (AnjuChart *self)
{
  g_return_val_if_fail (ANJU_IS_CHART (self), NULL);
  return anju_chart_describe (self->title, (const char * const *) self->categories,
                              self->n_categories, (const char * const *) self->series_names,
                              self->n_series, self->values);
}
