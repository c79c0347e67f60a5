/* test-terminal-content-logic.c: what the terminal content pages decide
 * on their own, without the server or a display.
 *
 *   a terminal article's display period: the dates typed, where today
 *   stands in it, how it is written                 F-TERM-004, F-TERM-007
 *   the honor roll's sections and what their subtitle holds  F-TERM-014
 *   the words for identity capture kinds and sizes  F-TERM-005, F-TERM-006
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anju-content-labels.h"
#include "anju-date-picker.h"
#include "anju-terminal-content-labels.h"

static void
test_dates (void)
{
  g_autofree char *plain = anju_date_text_from_api ("2026-12-01");
  g_autofree char *timed = anju_date_text_from_api ("2026-12-01T00:00:00+08:00");

  g_assert_true (anju_date_text_is_valid (""));
  g_assert_true (anju_date_text_is_valid (NULL));
  g_assert_true (anju_date_text_is_valid ("2028-02-29"));
  g_assert_false (anju_date_text_is_valid ("2026-02-29"));
  g_assert_false (anju_date_text_is_valid ("2026-13-01"));
  g_assert_false (anju_date_text_is_valid ("2026-1-01"));
  g_assert_false (anju_date_text_is_valid ("2026-W48-1"));
  g_assert_false (anju_date_text_is_valid ("20261201"));

  g_assert_cmpstr (plain, ==, "2026-12-01");
  g_assert_cmpstr (timed, ==, "2026-12-01");
  g_assert_null (anju_date_text_from_api (NULL));
  g_assert_null (anju_date_text_from_api ("soon"));
}

static void
test_display_period (void)
{
  g_autofree char *both = anju_article_display_period_text ("2026-12-01", "2026-12-31");
  g_autofree char *from = anju_article_display_period_text ("2026-12-01", NULL);
  g_autofree char *until = anju_article_display_period_text (NULL, "2026-12-31");
  g_autofree char *none = anju_article_display_period_text (NULL, NULL);

  g_assert_true (anju_article_kind_is_terminal ("publicity"));
  g_assert_true (anju_article_kind_is_terminal ("policy"));
  g_assert_false (anju_article_kind_is_terminal ("notice"));
  g_assert_false (anju_article_kind_is_terminal (NULL));

  /* Both ends count as inside. */
  g_assert_cmpstr (anju_article_display_state ("2026-12-01", "2026-12-31", "2026-11-30"), ==, "upcoming");
  g_assert_cmpstr (anju_article_display_state ("2026-12-01", "2026-12-31", "2026-12-01"), ==, "showing");
  g_assert_cmpstr (anju_article_display_state ("2026-12-01", "2026-12-31", "2026-12-31"), ==, "showing");
  g_assert_cmpstr (anju_article_display_state ("2026-12-01", "2026-12-31", "2027-01-01"), ==, "ended");
  g_assert_cmpstr (anju_article_display_state (NULL, NULL, "2026-12-15"), ==, "showing");
  g_assert_cmpstr (anju_article_display_state (NULL, "2026-12-31", "2027-01-01"), ==, "ended");
  g_assert_cmpstr (anju_article_display_state ("2026-12-01", NULL, "2030-01-01"), ==, "showing");

  g_assert_cmpstr (anju_article_display_state_label ("showing"), ==, "Showing");
  g_assert_cmpstr (anju_article_display_state_label ("upcoming"), ==, "Not yet shown");
  g_assert_cmpstr (anju_article_display_state_label ("ended"), ==, "Ended");

  g_assert_cmpstr (both, ==, "2026-12-01 – 2026-12-31");
  g_assert_cmpstr (from, ==, "From 2026-12-01");
  g_assert_cmpstr (until, ==, "Until 2026-12-31");
  g_assert_cmpstr (none, ==, "No display period");
}

static void
test_honor_labels (void)
{
  const char * const *codes = anju_honor_category_codes ();

  g_assert_cmpuint (g_strv_length ((char **) codes), ==, 3);
  for (guint i = 0; codes[i] != NULL; i++)
    {
      g_assert_cmpstr (anju_honor_category_label (codes[i]), !=, codes[i]);
      g_assert_cmpstr (anju_honor_category_subtitle_title (codes[i]), !=, codes[i]);
    }

  g_assert_cmpstr (anju_honor_category_label ("supplier"), ==, "Quality suppliers");
  g_assert_cmpstr (anju_honor_category_subtitle_title ("enterprise"), ==, "Service field");
  g_assert_cmpstr (anju_honor_category_subtitle_title ("staff"), ==, "Post");
  g_assert_true (anju_honor_category_has_community ("staff"));
  g_assert_false (anju_honor_category_has_community ("enterprise"));

  /* A section from a newer server still has a name and a column title. */
  g_assert_cmpstr (anju_honor_category_label ("volunteer"), ==, "volunteer");
  g_assert_cmpstr (anju_honor_category_subtitle_title ("volunteer"), ==, "Field, products or post");
}

static void
test_capture_labels (void)
{
  g_autofree char *small = anju_capture_size_text (600);
  g_autofree char *negative = anju_capture_size_text (-1);

  g_assert_cmpuint (g_strv_length ((char **) anju_capture_kind_codes ()), ==, 2);
  g_assert_cmpstr (anju_capture_kind_label ("face"), ==, "Face");
  g_assert_cmpstr (anju_capture_kind_label ("fingerprint"), ==, "Fingerprint");
  g_assert_cmpstr (anju_capture_kind_label ("iris"), ==, "iris");
  g_assert_cmpstr (small, ==, "600 bytes");
  g_assert_cmpstr (negative, ==, "0 bytes");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/terminal/content/dates  F-TERM-004", test_dates);
  g_test_add_func ("/terminal/content/display-period  F-TERM-004 F-TERM-007", test_display_period);
  g_test_add_func ("/terminal/content/honor-roll-labels  F-TERM-014", test_honor_labels);
  g_test_add_func ("/terminal/content/capture-labels  F-TERM-005 F-TERM-006", test_capture_labels);

  return g_test_run ();
}
