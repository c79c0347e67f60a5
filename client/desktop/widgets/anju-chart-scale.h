/* anju-chart-scale.h: the value axis and the spoken form of a chart.
 *
 * Kept apart from AnjuChart so that the arithmetic is tested without a
 * display: the axis runs from 0 to a "nice" maximum in steps of 1, 2 or 5
 * times a power of ten, never finer than 1 (charts count things), with at
 * most max_ticks steps.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double max;       /* the top of the axis, ≥ the largest value */
  double step;      /* between two ticks */
  guint  n_ticks;   /* ticks including 0 and max */
} AnjuChartScale;

void  anju_chart_scale_compute (double          largest,
                                guint           max_ticks,
                                AnjuChartScale *out_scale);

/* What the chart shows, in words, for its accessible description:
 * "Title. Category: series value, series value; …".  values holds
 * n_series rows of n_categories (series-major); series_names may be NULL
 * for a single unnamed series. */
char *anju_chart_describe      (const char         *title,
                                const char * const *categories,
                                guint               n_categories,
                                const char * const *series_names,
                                guint               n_series,
                                const double       *values);

G_END_DECLS
