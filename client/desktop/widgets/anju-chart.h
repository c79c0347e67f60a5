/* anju-chart.h: a small chart of counts, drawn with cairo and pango.
 *
 * Bars (one bar per series and category, side by side), stacked bars
 * (the series of a category on top of each other) or lines (one line per
 * series across the categories, e.g. months).  Category and axis labels
 * are pango text, so Chinese shows as Chinese; a legend names the series
 * when there is more than one.  The chart's accessible description says
 * every number (anju_chart_describe()), since a screen reader cannot see
 * the bars.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  ANJU_CHART_BARS,
  ANJU_CHART_STACKED,
  ANJU_CHART_LINES,
} AnjuChartMode;

#define ANJU_TYPE_CHART (anju_chart_get_type ())
G_DECLARE_FINAL_TYPE (AnjuChart, anju_chart, ANJU, CHART, GtkDrawingArea)

GtkWidget  *anju_chart_new              (AnjuChartMode       mode,
                                         const char         *title);
AnjuChartMode anju_chart_get_mode       (AnjuChart          *self);
const char *anju_chart_get_title        (AnjuChart          *self);
/* values: n_series rows of n_categories (series-major), copied.
 * series_names: n_series names, or NULL for one unnamed series. */
void        anju_chart_set_data         (AnjuChart          *self,
                                         const char * const *categories,
                                         guint               n_categories,
                                         const char * const *series_names,
                                         guint               n_series,
                                         const double       *values);
guint       anju_chart_get_n_categories (AnjuChart          *self);
/* The sum of every value shown. */
double      anju_chart_get_total        (AnjuChart          *self);
/* (transfer full) what the accessible description says. */
char       *anju_chart_dup_description  (AnjuChart          *self);

G_END_DECLS
