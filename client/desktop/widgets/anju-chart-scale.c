/* anju-chart-scale.c: nice axes and chart descriptions.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-chart-scale.h"

void
anju_chart_scale_compute (double          largest,
                          guint           max_ticks,
                          AnjuChartScale *out_scale)
{
  static const double nice[] = { 1, 2, 5, 10 };
  double raw, magnitude = 1, step = 1;
  guint64 n_steps;

  g_return_if_fail (out_scale != NULL);

  max_ticks = MAX (max_ticks, 2);
  if (!(largest > 0))
    largest = 1;

  /* The smallest nice step that needs no more than max_ticks - 1 steps;
   * counts never need steps below 1. */
  raw = largest / (max_ticks - 1);
  while (magnitude * 10 <= raw)
    magnitude *= 10;
  for (guint i = 0; i < G_N_ELEMENTS (nice); i++)
    {
      step = nice[i] * magnitude;
      if (step >= raw)
        break;
    }

  n_steps = (guint64) (largest / step);
  if (n_steps * step < largest)
    n_steps++;
  out_scale->step = step;
  out_scale->max = n_steps * step;
  out_scale->n_ticks = (guint) n_steps + 1;
}

char *
anju_chart_describe (const char         *title,
                     const char * const *categories,
                     guint               n_categories,
                     const char * const *series_names,
                     guint               n_series,
                     const double       *values)
{
  GString *text = g_string_new (title != NULL ? title : "");

  if (n_categories == 0)
    {
      if (text->len > 0)
        g_string_append (text, _(": "));
      g_string_append (text, _("no data"));
      return g_string_free (text, FALSE);
    }

  for (guint c = 0; c < n_categories; c++)
    {
      g_string_append (text, c == 0 ? _(": ") : _("; "));
      g_string_append (text, categories[c]);
      for (guint s = 0; s < n_series; s++)
        {
          g_string_append (text, s == 0 ? " " : _(", "));
          if (series_names != NULL && series_names[s] != NULL)
            g_string_append_printf (text, "%s ", series_names[s]);
          g_string_append_printf (text, "%g", values[s * n_categories + c]);
        }
    }
  return g_string_free (text, FALSE);
}
