/* test-enterprises-logic.c: the labels of the enterprise and publicity
 * pages, without a display (F-PRH-011, F-PRH public notices).
 *
 * Every code the API answers has a label of its own; a code the desktop
 * does not know yet is shown as it is rather than as nothing.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>

#include "anju-enterprise-labels.h"

static void
test_states_and_kinds (void)
{
  g_assert_cmpstr (anju_enterprise_state_label ("active"), ==, "Active");
  g_assert_cmpstr (anju_enterprise_state_label ("purged"), ==, "Purged");
  g_assert_cmpstr (anju_enterprise_state_label ("merged"), ==, "merged");
  g_assert_cmpstr (anju_enterprise_state_label (NULL), ==, "");
  g_assert_cmpstr (anju_publicity_kind_label ("street"), ==, "Street publicity");
  g_assert_cmpstr (anju_publicity_kind_label ("announcement"), ==, "New Area announcement");
  g_assert_cmpstr (anju_objection_result_label ("pending"), ==, "Awaiting verification");
  g_assert_cmpstr (anju_objection_result_label ("substantiated"), ==, "Substantiated");
  g_assert_cmpstr (anju_objection_result_label ("unfounded"), ==, "Unfounded");
}

/* passed is null while the publicity runs or an objection waits. */
static void
test_outcome (void)
{
  g_assert_cmpstr (anju_publicity_outcome_label (FALSE, FALSE), ==, "Undecided");
  g_assert_cmpstr (anju_publicity_outcome_label (FALSE, TRUE), ==, "Undecided");
  g_assert_cmpstr (anju_publicity_outcome_label (TRUE, TRUE), ==, "Passed");
  g_assert_cmpstr (anju_publicity_outcome_label (TRUE, FALSE), ==, "Not passed");
}

/* The forms offer exactly the server's codes (docs/api.md), each with a
 * label that is not the code. */
static void
test_methods (void)
{
  static const char * const objection[] = { "phone", "letter", "visit", "email", "other", NULL };
  static const char * const verification[] = { "visit", "records", "interview", "other", NULL };

  g_assert_true (g_strv_equal ((const char * const *) anju_objection_methods, objection));
  g_assert_true (g_strv_equal ((const char * const *) anju_verification_methods, verification));
  for (guint i = 0; objection[i] != NULL; i++)
    g_assert_cmpstr (anju_objection_method_label (objection[i]), !=, objection[i]);
  for (guint i = 0; verification[i] != NULL; i++)
    g_assert_cmpstr (anju_verification_method_label (verification[i]), !=, verification[i]);
  g_assert_cmpstr (anju_objection_method_label ("fax"), ==, "fax");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pubrent/enterprises/labels  F-PRH-011", test_states_and_kinds);
  g_test_add_func ("/pubrent/publicity/outcome  F-PRH-005", test_outcome);
  g_test_add_func ("/pubrent/publicity/methods  F-PRH-005", test_methods);

  return g_test_run ();
}
