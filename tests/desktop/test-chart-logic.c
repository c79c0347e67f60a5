/* test-chart-logic.c: the arithmetic of the statistics charts (F-PRH-001):
 * nice value axes and the spoken description of a chart.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "anju-chart-scale.h"

static void
test_scale_nice_steps (void)
{
  static const struct { double largest; double max; double step; guint n_ticks; } cases[] = {
    { 0, 1, 1, 2 },        /* nothing yet: an axis of one */
    { 1, 1, 1, 2 },
    { 3, 3, 1, 4 },
    { 5, 5, 1, 6 },
    { 7, 8, 2, 5 },
    { 12, 15, 5, 4 },      /* 12 / 5 = 2.4 → step 5 */
    { 48, 50, 10, 6 },
    { 101, 150, 50, 4 },
    { 1234, 1500, 500, 4 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      AnjuChartScale scale;

      anju_chart_scale_compute (cases[i].largest, 6, &scale);
      g_test_message ("largest %g: max %g step %g ticks %u", cases[i].largest, scale.max,
                      scale.step, scale.n_ticks);
      g_assert_cmpfloat (scale.max, ==, cases[i].max);
      g_assert_cmpfloat (scale.step, ==, cases[i].step);
      g_assert_cmpuint (scale.n_ticks, ==, cases[i].n_ticks);
      g_assert_cmpfloat (scale.max, >=, cases[i].largest);
      g_assert_cmpuint (scale.n_ticks, <=, 6 + 1);
    }
}

static void
test_scale_never_fractional (void)
{
  AnjuChartScale scale;

  /* Counts are whole: a largest value of 2 on six ticks must not step
   * by 0.5. */
  anju_chart_scale_compute (2, 6, &scale);
  g_assert_cmpfloat (scale.step, ==, 1);
  g_assert_cmpfloat (scale.max, ==, 2);
  anju_chart_scale_compute (-3, 6, &scale);
  g_assert_cmpfloat (scale.max, ==, 1);
}

static void
test_describe (void)
{
  const char *categories[] = { "2026-10", "2026-11" };
  const char *series[] = { "Submitted", "Rejected" };
  const double values[] = { 3, 5, 0, 1 };
  g_autofree char *text = anju_chart_describe ("By month", categories, 2, series, 2, values);
  g_autofree char *single = anju_chart_describe ("States", categories, 2, NULL, 1, values);
  g_autofree char *empty = anju_chart_describe ("States", NULL, 0, NULL, 0, NULL);

  g_assert_cmpstr (text, ==, "By month: 2026-10 Submitted 3, Rejected 0; 2026-11 Submitted 5, Rejected 1");
  g_assert_cmpstr (single, ==, "States: 2026-10 3; 2026-11 5");
  g_assert_cmpstr (empty, ==, "States: no data");
}

int
main (int   argc,
      char *argv[])
{
  /* The descriptions are checked in the source language. */
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pubrent/statistics/F-PRH-001/chart-scale", test_scale_nice_steps);
  g_test_add_func ("/pubrent/statistics/F-PRH-001/chart-scale-whole", test_scale_never_fractional);
  g_test_add_func ("/pubrent/statistics/F-PRH-001/chart-describe", test_describe);

  return g_test_run ();
}
