/* test-statistics.c: public rental housing statistics (F-PRH-001 信息统计):
 * the counts are those of the rows created, over the caller's scope.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "anju-application-test.h"

#define STATISTICS "/api/v1/pubrent/statistics"

static gint64
count_of (JsonNode   *statistics,
          const char *array,
          const char *member,
          const char *value)
{
  int i = anju_test_json_find (statistics, array, member, value);
  g_autofree char *path = g_strdup_printf ("%s.%d.count", array, i);

  g_assert_cmpint (i, >=, 0);
  return anju_test_json_int (statistics, path);
}

static JsonNode *
get_statistics (AnjuTestServer *srv,
                const char     *token)
{
  guint status = 0;
  JsonNode *reply = anju_test_request (srv, token, "GET", STATISTICS, NULL, &status);

  anju_assert_status (status, SOUP_STATUS_OK, reply);
  return reply;
}

static void
create_open (AnjuTestServer *srv,
             const char     *token,
             const char     *seq,
             gboolean        submit)
{
  g_autofree char *id_no = anju_app_test_id ("19920202", seq);
  g_autofree char *body = anju_app_test_body ("open_physical", "统计人", id_no,
                                              ",\"members\":[{\"relation\":\"self\",\"hukou_years\":5}]");
  gint64 id = anju_app_test_create (srv, token, body);

  if (submit)
    {
      g_autoptr(JsonNode) reply = NULL;
      guint status = 0;

      reply = anju_test_item_request (srv, token, "POST", APPLICATIONS, id, "submit", NULL, &status);
      anju_assert_status (status, SOUP_STATUS_OK, reply);
    }
}

/* Counts move by exactly the rows created; streets see their own. */
static void
test_counts_and_scope (AnjuTestFixture *fixture,
                       gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *community = anju_test_login_demo (srv, "community_ypl");
  g_autofree char *street_ypl = anju_test_login_demo (srv, "street_ypl");
  g_autofree char *street_wyh = anju_test_login_demo (srv, "street_wyh");
  g_autoptr(JsonNode) center_before = get_statistics (srv, fixture->admin);
  g_autoptr(JsonNode) ypl_before = get_statistics (srv, street_ypl);
  g_autoptr(JsonNode) wyh_before = get_statistics (srv, street_wyh);
  g_autoptr(JsonNode) center_after = NULL;
  g_autoptr(JsonNode) ypl_after = NULL;
  g_autoptr(JsonNode) wyh_after = NULL;
  guint n_months;
  g_autofree char *last_submitted = NULL;

  create_open (srv, community, "301", FALSE);
  create_open (srv, community, "303", TRUE);
  create_open (srv, community, "305", TRUE);

  center_after = get_statistics (srv, fixture->admin);
  ypl_after = get_statistics (srv, street_ypl);
  wyh_after = get_statistics (srv, street_wyh);

  g_assert_cmpint (count_of (center_after, "by_business_type", "business_type", "open_physical"), ==,
                   count_of (center_before, "by_business_type", "business_type", "open_physical") + 3);
  g_assert_cmpint (count_of (ypl_after, "by_business_type", "business_type", "open_physical"), ==,
                   count_of (ypl_before, "by_business_type", "business_type", "open_physical") + 3);
  g_assert_cmpint (count_of (wyh_after, "by_business_type", "business_type", "open_physical"), ==,
                   count_of (wyh_before, "by_business_type", "business_type", "open_physical"));
  g_assert_cmpint (count_of (center_after, "by_status", "status", "draft"), ==,
                   count_of (center_before, "by_status", "status", "draft") + 1);
  g_assert_cmpint (count_of (center_after, "by_status", "status", "street_review"), ==,
                   count_of (center_before, "by_status", "status", "street_review") + 2);
  g_assert_cmpuint (anju_test_json_length (center_after, "by_business_type"), ==, 4);
  g_assert_cmpuint (anju_test_json_length (center_after, "by_status"), ==, 11);

  n_months = anju_test_json_length (center_after, "by_month");
  g_assert_cmpuint (n_months, ==, 12);
  last_submitted = g_strdup_printf ("by_month.%u.submitted", n_months - 1);
  g_assert_cmpint (anju_test_json_int (center_after, last_submitted), ==,
                   anju_test_json_int (center_before, last_submitted) + 2);
  g_assert_cmpint (anju_test_json_int (wyh_after, last_submitted), ==,
                   anju_test_json_int (wyh_before, last_submitted));
}

/* Units by state and project add up; without pubrent.housing.read the
 * housing parts are empty; months is checked. */
static void
test_housing_parts (AnjuTestFixture *fixture,
                    gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *community = anju_test_login_demo (srv, "community_ypl");
  g_autoptr(JsonNode) center = get_statistics (srv, fixture->admin);
  g_autoptr(JsonNode) no_housing = get_statistics (srv, community);
  g_autoptr(JsonNode) bad = NULL;
  g_autofree char *units = anju_test_db_query (srv, "SELECT COUNT(*) FROM pubrent_units");
  gint64 by_state = 0, by_project = 0;
  guint status = 0;

  for (guint i = 0; i < anju_test_json_length (center, "units_by_state"); i++)
    {
      g_autofree char *path = g_strdup_printf ("units_by_state.%u.count", i);

      by_state += anju_test_json_int (center, path);
    }
  for (guint i = 0; i < anju_test_json_length (center, "units_by_project"); i++)
    {
      static const char * const states[] = { "vacant", "allocated", "leased" };

      for (guint s = 0; s < G_N_ELEMENTS (states); s++)
        {
          g_autofree char *path = g_strdup_printf ("units_by_project.%u.%s", i, states[s]);

          by_project += anju_test_json_int (center, path);
        }
    }
  g_assert_cmpint (by_state, ==, g_ascii_strtoll (units, NULL, 10));
  g_assert_cmpint (by_project, ==, by_state);
  g_assert_cmpuint (anju_test_json_length (no_housing, "units_by_state"), ==, 0);
  g_assert_cmpuint (anju_test_json_length (no_housing, "units_by_project"), ==, 0);

  bad = anju_test_request (srv, fixture->admin, "GET", STATISTICS "?months=0", NULL, &status);
  anju_assert_error (status, bad, 422, "validation_failed");
}

int
main (int   argc,
      char *argv[])
{
  anju_test_init (&argc, &argv);

  g_test_add ("/pubrent/statistics/F-PRH-001/counts-and-scope", AnjuTestFixture, NULL,
              anju_app_test_set_up, test_counts_and_scope, anju_test_fixture_tear_down);
  g_test_add ("/pubrent/statistics/F-PRH-001/housing-parts", AnjuTestFixture, NULL,
              anju_app_test_set_up, test_housing_parts, anju_test_fixture_tear_down);

  return g_test_run ();
}
