/* test-statistics.c: public rental housing statistics (F-PRH-001 信息统计;
 * PRH-003 房源数据统计, PRH-007 业务类型统计, PRH-008 业务办理进度统计):
 * the counts are those of the rows created, over the caller's scope; the
 * cached answer is the counted one, until a write changes what it counts;
 * scopes never share an answer; the counts are served by indexes.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "anju-application-test.h"
#include "anju-statistics-queries.h"
#include "anju-statistics.h"

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

static AnjuStatisticsCache *
cache_of (AnjuTestServer *srv)
{
  AnjuStatisticsCache *cache = anju_statistics_get_cache (srv->server);

  g_assert_nonnull (cache);
  return cache;
}

static GBytes *
get_raw (AnjuTestServer *srv,
         const char     *token,
         const char     *path)
{
  guint status = 0;
  GBytes *body = anju_test_request_raw (srv, token, "GET", path, NULL, NULL, &status);

  g_assert_cmpuint (status, ==, SOUP_STATUS_OK);
  return body;
}

static gint64
sum_counts (JsonNode   *statistics,
            const char *array)
{
  gint64 sum = 0;

  for (guint i = 0; i < anju_test_json_length (statistics, array); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s.%u.count", array, i);

      sum += anju_test_json_int (statistics, path);
    }
  return sum;
}

static gint64
db_count (AnjuTestServer *srv,
          const char     *sql)
{
  g_autofree char *value = anju_test_db_query (srv, sql);

  g_assert_nonnull (value);
  return g_ascii_strtoll (value, NULL, 10);
}

/* The first answer is counted, the second comes from the cache, byte for
 * byte the same, and both are the table's counts. */
static void
test_cached_is_counted (AnjuTestFixture *fixture,
                        gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  AnjuStatisticsCache *cache = cache_of (srv);
  guint counted = anju_statistics_cache_get_n_counted (cache);
  g_autoptr(GBytes) first = get_raw (srv, fixture->admin, STATISTICS);
  g_autoptr(GBytes) second = NULL;
  g_autoptr(JsonNode) answer = NULL;

  g_assert_cmpuint (anju_statistics_cache_get_n_counted (cache), ==, counted + 1);
  second = get_raw (srv, fixture->admin, STATISTICS);
  g_assert_cmpuint (anju_statistics_cache_get_n_counted (cache), ==, counted + 1);
  g_assert_true (g_bytes_equal (first, second));

  answer = anju_test_parse_json (second);
  g_assert_cmpint (sum_counts (answer, "by_business_type"), ==,
                   db_count (srv, "SELECT COUNT(*) FROM pubrent_applications"));
  g_assert_cmpint (sum_counts (answer, "by_status"), ==,
                   db_count (srv, "SELECT COUNT(*) FROM pubrent_applications"));
  g_assert_cmpint (count_of (answer, "by_status", "status", "rejected"), ==,
                   db_count (srv, "SELECT COUNT(*) FROM pubrent_applications"
                                  " WHERE status = 'rejected'"));
  g_assert_cmpint (sum_counts (answer, "units_by_state"), ==,
                   db_count (srv, "SELECT COUNT(*) FROM pubrent_units"));
  g_assert_cmpint (count_of (answer, "units_by_state", "state", "vacant"), ==,
                   db_count (srv, "SELECT COUNT(*) FROM pubrent_units WHERE state = 'vacant'"));
}

static gint64
sum_members (JsonNode   *statistics,
             const char *array,
             const char *member)
{
  gint64 sum = 0;

  for (guint i = 0; i < anju_test_json_length (statistics, array); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s.%u.%s", array, i, member);

      sum += anju_test_json_int (statistics, path);
    }
  return sum;
}

static gint64
first_vacant_unit (AnjuTestServer *srv,
                   const char     *token)
{
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  reply = anju_test_request (srv, token, "GET", "/api/v1/pubrent/units?state=vacant&abnormal=false",
                             NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, reply);
  return anju_test_json_int (reply, "items.0.id");
}

static void
post_ok (AnjuTestServer *srv,
         const char     *token,
         const char     *method,
         const char     *path,
         const char     *body)
{
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  reply = anju_test_request (srv, token, method, path, body, &status);
  anju_assert_status (status, SOUP_STATUS_OK, reply);
}

static void
delete_ok (AnjuTestServer *srv,
           const char     *token,
           const char     *path)
{
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  reply = anju_test_request (srv, token, "DELETE", path, NULL, &status);
  g_assert_cmpuint (status, ==, SOUP_STATUS_NO_CONTENT);
}

/* The street approves the application's street review. */
static void
approve_street_review (AnjuTestServer *srv,
                       const char     *token,
                       gint64          id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT max(id) FROM workflow_instances"
                                          " WHERE domain = 'pubrent.application'"
                                          " AND record_id = %" G_GINT64_FORMAT, id);
  g_autofree char *path = g_strdup_printf ("/api/v1/workflow/instances/%" G_GINT64_FORMAT
                                           "/actions", db_count (srv, sql));

  post_ok (srv, token, "POST", path, "{\"action\":\"approve\",\"comment\":\"同意\"}");
}

static gint64
status_count (AnjuTestServer *srv,
              const char     *token,
              const char     *status)
{
  g_autoptr(JsonNode) statistics = get_statistics (srv, token);

  return count_of (statistics, "by_status", "status", status);
}

/* Every write to what the statistics count is in the next answer, though
 * the one before it was cached: a draft, its submission, the street's
 * approval, a unit's new state and its abnormal mark. */
static void
test_writes_change_answer (AnjuTestFixture *fixture,
                           gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *community = anju_test_login_demo (srv, "community_ypl");
  g_autofree char *street = anju_test_login_demo (srv, "street_ypl");
  g_autofree char *id_no = anju_app_test_id ("19920202", "311");
  g_autofree char *body = anju_app_test_body ("open_physical", "缓存人", id_no,
                                              ",\"members\":[{\"relation\":\"self\",\"hukou_years\":5}]");
  gint64 drafts = status_count (srv, street, "draft");
  gint64 reviews = status_count (srv, street, "street_review");
  gint64 publicity = status_count (srv, street, "street_publicity");
  gint64 unit = first_vacant_unit (srv, fixture->admin);
  g_autofree char *unit_path = g_strdup_printf ("/api/v1/pubrent/units/%" G_GINT64_FORMAT, unit);
  g_autofree char *abnormal_path = g_strdup_printf ("%s/abnormal", unit_path);
  g_autoptr(JsonNode) before = get_statistics (srv, fixture->admin);
  g_autoptr(JsonNode) after = NULL;
  g_autofree char *submit_path = NULL;
  gint64 id;

  /* Cached now: asked twice with nothing in between. */
  g_assert_cmpint (status_count (srv, street, "draft"), ==, drafts);

  id = anju_app_test_create (srv, community, body);
  g_assert_cmpint (status_count (srv, street, "draft"), ==, drafts + 1);

  submit_path = g_strdup_printf (APPLICATIONS "/%" G_GINT64_FORMAT "/submit", id);
  post_ok (srv, community, "POST", submit_path, NULL);
  g_assert_cmpint (status_count (srv, street, "draft"), ==, drafts);
  g_assert_cmpint (status_count (srv, street, "street_review"), ==, reviews + 1);

  approve_street_review (srv, street, id);
  g_assert_cmpint (status_count (srv, street, "street_review"), ==, reviews);
  g_assert_cmpint (status_count (srv, street, "street_publicity"), ==, publicity + 1);

  post_ok (srv, fixture->admin, "PATCH", unit_path, "{\"state\":\"leased\"}");
  post_ok (srv, fixture->admin, "POST", abnormal_path,
           "{\"kind\":\"needs_repair\",\"reason\":\"厨房水管漏水\",\"suggestion\":\"报修\"}");
  after = get_statistics (srv, fixture->admin);
  g_assert_cmpint (count_of (after, "units_by_state", "state", "vacant"), ==,
                   count_of (before, "units_by_state", "state", "vacant") - 1);
  g_assert_cmpint (count_of (after, "units_by_state", "state", "leased"), ==,
                   count_of (before, "units_by_state", "state", "leased") + 1);
  g_assert_cmpint (sum_members (after, "units_by_project", "abnormal"), ==,
                   sum_members (before, "units_by_project", "abnormal") + 1);
}

/* Asked in either order, a street and the center each get the counts of
 * their own scope, and a caller without pubrent.housing.read no units. */
static void
test_scopes_apart (AnjuTestFixture *fixture,
                   gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *street = anju_test_login_demo (srv, "street_ypl");
  g_autofree char *community = anju_test_login_demo (srv, "community_ypl");
  g_autoptr(JsonNode) street_first = get_statistics (srv, street);
  g_autoptr(JsonNode) center = get_statistics (srv, fixture->admin);
  g_autoptr(JsonNode) street_again = get_statistics (srv, street);
  g_autoptr(JsonNode) community_after = get_statistics (srv, community);
  gint64 all = db_count (srv, "SELECT COUNT(*) FROM pubrent_applications");
  gint64 in_street = db_count (srv, "SELECT COUNT(*) FROM pubrent_applications a"
                                    " JOIN organisations o ON o.id = a.org_id"
                                    " WHERE o.path LIKE (SELECT o2.path FROM organisations o2"
                                    "  JOIN users u ON u.org_id = o2.id"
                                    "  WHERE u.username = 'street_ypl') || '%'");

  g_assert_cmpint (in_street, <, all);
  g_assert_cmpint (sum_counts (center, "by_status"), ==, all);
  g_assert_cmpint (sum_counts (street_first, "by_status"), ==, in_street);
  g_assert_cmpint (sum_counts (street_again, "by_status"), ==, in_street);
  g_assert_cmpuint (anju_test_json_length (community_after, "units_by_state"), ==, 0);
  g_assert_cmpuint (anju_test_json_length (center, "units_by_state"), ==, 3);
}

typedef struct
{
  AnjuTestServer *srv;
  const char     *token;
  guint           status;
  GBytes         *body;     /* (owned) (nullable) */
} Call;

static gpointer
call_thread (gpointer data)
{
  Call *call = data;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(SoupSession) session = NULL;

  g_main_context_push_thread_default (context);
  session = anju_test_server_new_session (call->srv);
  call->body = anju_test_request_raw_with_session (call->srv, session, call->token, "GET",
                                                   STATISTICS, NULL, NULL, &call->status);
  g_clear_object (&session);
  g_main_context_pop_thread_default (context);
  return NULL;
}

/* Many at once for one scope: one count, the same answer for all. */
static void
test_one_count_for_many (AnjuTestFixture *fixture,
                         gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  AnjuStatisticsCache *cache = cache_of (srv);
  guint counted = anju_statistics_cache_get_n_counted (cache);
  Call calls[8] = { 0 };
  GThread *threads[G_N_ELEMENTS (calls)];

  for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
    {
      calls[i] = (Call) { srv, fixture->admin, 0, NULL };
      threads[i] = g_thread_new ("test-statistics call", call_thread, &calls[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
    g_thread_join (threads[i]);

  for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
    {
      g_assert_cmpuint (calls[i].status, ==, SOUP_STATUS_OK);
      g_assert_true (g_bytes_equal (calls[i].body, calls[0].body));
    }
  g_assert_cmpuint (anju_statistics_cache_get_n_counted (cache), ==, counted + 1);
  for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
    g_bytes_unref (calls[i].body);
}

/* More scopes and queries than the cache holds: it keeps its bound, and
 * the least recently used answer is counted again. */
static void
test_cache_bounded (AnjuTestFixture *fixture,
                    gconstpointer    data)
{
  static const char * const users[] = { "street_ypl", "street_wyh", "community_ypl", "employer" };
  AnjuTestServer *srv = fixture->srv;
  AnjuStatisticsCache *cache = cache_of (srv);
  guint counted;
  g_autoptr(GPtrArray) tokens = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (tokens, g_strdup (fixture->admin));
  for (guint i = 0; i < G_N_ELEMENTS (users); i++)
    g_ptr_array_add (tokens, anju_test_login_demo (srv, users[i]));

  counted = anju_statistics_cache_get_n_counted (cache);
  for (guint t = 0; t < tokens->len; t++)
    for (guint months = 1; months <= 36; months++)
      {
        g_autofree char *path = g_strdup_printf (STATISTICS "?months=%u", months);

        g_bytes_unref (get_raw (srv, g_ptr_array_index (tokens, t), path));
      }
  g_assert_cmpuint (anju_statistics_cache_get_n_counted (cache), ==, counted + tokens->len * 36);
  g_assert_cmpuint (anju_statistics_cache_get_size (cache), <=, 128);
  g_assert_cmpuint (anju_statistics_cache_get_size (cache), >, 0);

  /* The newest is still kept; the oldest went first. */
  g_bytes_unref (get_raw (srv, g_ptr_array_index (tokens, tokens->len - 1), STATISTICS "?months=36"));
  g_assert_cmpuint (anju_statistics_cache_get_n_counted (cache), ==, counted + tokens->len * 36);
  g_bytes_unref (get_raw (srv, fixture->admin, STATISTICS "?months=1"));
  g_assert_cmpuint (anju_statistics_cache_get_n_counted (cache), ==, counted + tokens->len * 36 + 1);
}

/* Every count reads only the summaries, each a range of its primary key
 * per organisation or project: never the applications or the units, no
 * full scan of a summary. */
static void
test_plans_use_indexes (AnjuTestFixture *fixture,
                        gconstpointer    data)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (fixture->srv->config->database_path, &db,
                                    SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  for (guint i = 0; anju_statistics_sql[i] != NULL; i++)
    {
      g_autofree char *sql = g_strconcat ("EXPLAIN QUERY PLAN ", anju_statistics_sql[i], NULL);
      g_autoptr(GString) plan = g_string_new (NULL);
      sqlite3_stmt *stmt = NULL;

      g_assert_null (strstr (anju_statistics_sql[i], "pubrent_applications "));
      g_assert_null (strstr (anju_statistics_sql[i], "pubrent_units "));
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *detail = (const char *) sqlite3_column_text (stmt, 3);

          g_string_append_printf (plan, "%s\n", detail);
          if (strstr (detail, "pubrent_statistics_") != NULL ||
              g_str_has_prefix (detail, "SCAN s") || g_str_has_prefix (detail, "SCAN m") ||
              g_str_has_prefix (detail, "SCAN u"))
            g_error ("%s\n%s: scans a whole summary", anju_statistics_sql[i], detail);
        }
      sqlite3_finalize (stmt);
      g_test_message ("%s\n%s", anju_statistics_sql[i], plan->str);
    }
  sqlite3_close (db);
}

/* Rows of a that b lacks, and the other way round: 0 when equal. */
static gint64
count_differences (AnjuTestServer *srv,
                   const char     *a,
                   const char     *b)
{
  g_autofree char *sql = g_strdup_printf ("SELECT (SELECT COUNT(*) FROM (%s EXCEPT %s))"
                                          " + (SELECT COUNT(*) FROM (%s EXCEPT %s))",
                                          a, b, b, a);

  return db_count (srv, sql);
}

#define MONTH_OF(column) "CAST (strftime ('%Y%m', " column " + 28800, 'unixepoch') AS INTEGER)"

/* The summaries, with what a full recount of the tables gives. */
static void
assert_summaries_recounted (AnjuTestServer *srv)
{
  g_assert_cmpint (count_differences (srv,
                                      "SELECT org_id, business_type, status, COUNT(*)"
                                      " FROM pubrent_applications GROUP BY 1, 2, 3",
                                      "SELECT org_id, business_type, status, n"
                                      " FROM pubrent_statistics_stages WHERE n != 0"), ==, 0);
  g_assert_cmpint (count_differences (srv,
                                      "SELECT org_id, month, SUM (s), SUM (c), SUM (r) FROM"
                                      " (SELECT org_id, " MONTH_OF ("submitted_at") " AS month,"
                                      "   1 AS s, 0 AS c, 0 AS r FROM pubrent_applications"
                                      "  WHERE submitted_at IS NOT NULL"
                                      "  UNION ALL SELECT org_id, " MONTH_OF ("confirmed_at") ", 0, 1, 0"
                                      "  FROM pubrent_applications WHERE confirmed_at IS NOT NULL"
                                      "  UNION ALL SELECT org_id, " MONTH_OF ("decided_at") ", 0, 0, 1"
                                      "  FROM pubrent_applications"
                                      "  WHERE status = 'rejected' AND decided_at IS NOT NULL)"
                                      " GROUP BY 1, 2",
                                      "SELECT org_id, month, submitted, confirmed, rejected"
                                      " FROM pubrent_statistics_months"
                                      " WHERE submitted != 0 OR confirmed != 0 OR rejected != 0"), ==, 0);
  g_assert_cmpint (count_differences (srv,
                                      "SELECT project_id, state, abnormal, COUNT(*)"
                                      " FROM pubrent_units GROUP BY 1, 2, 3",
                                      "SELECT project_id, state, abnormal, n"
                                      " FROM pubrent_statistics_units WHERE n != 0"), ==, 0);
  g_assert_cmpint (db_count (srv, "SELECT COUNT(*) FROM pubrent_statistics_stages WHERE n < 0"), ==, 0);
  g_assert_cmpint (db_count (srv, "SELECT COUNT(*) FROM pubrent_statistics_months"
                                  " WHERE submitted < 0 OR confirmed < 0 OR rejected < 0"), ==, 0);
  g_assert_cmpint (db_count (srv, "SELECT COUNT(*) FROM pubrent_statistics_units WHERE n < 0"), ==, 0);
}

static void
run_sql (AnjuTestServer *srv,
         const char     *sql)
{
  g_free (anju_test_db_query (srv, sql));
}

/* After every kind of write, through the API and straight to the
 * tables, the summaries the answers are summed from are what counting
 * the applications and units gives: creating, submitting, approving,
 * withdrawing and deleting applications, rejecting and confirming one,
 * moving one to another organisation and into another month, deleting a
 * submitted one; a unit's new state, abnormal mark, another project, a
 * new unit and a deleted one. */
static void
test_summaries_equal_recount (AnjuTestFixture *fixture,
                              gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *community = anju_test_login_demo (srv, "community_ypl");
  g_autofree char *street = anju_test_login_demo (srv, "street_ypl");
  g_autofree char *body = NULL;
  g_autofree char *path = NULL;
  g_autofree char *sql = NULL;
  gint64 ids[4];
  gint64 unit = first_vacant_unit (srv, fixture->admin);
  g_autofree char *unit_path = g_strdup_printf ("/api/v1/pubrent/units/%" G_GINT64_FORMAT, unit);
  g_autofree char *abnormal_path = g_strdup_printf ("%s/abnormal", unit_path);

  assert_summaries_recounted (srv);

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *seq = g_strdup_printf ("%u", 321 + 2 * i);
      g_autofree char *id_no = anju_app_test_id ("19920202", seq);

      g_free (body);
      body = anju_app_test_body ("open_physical", "汇总人", id_no,
                                 ",\"members\":[{\"relation\":\"self\",\"hukou_years\":5}]");
      ids[i] = anju_app_test_create (srv, community, body);
    }
  for (guint i = 1; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *submit = g_strdup_printf (APPLICATIONS "/%" G_GINT64_FORMAT "/submit", ids[i]);

      post_ok (srv, community, "POST", submit, NULL);
    }
  approve_street_review (srv, street, ids[1]);
  path = g_strdup_printf (APPLICATIONS "/%" G_GINT64_FORMAT "/withdraw", ids[2]);
  post_ok (srv, community, "POST", path, "{\"reason\":\"不再需要\"}");
  g_free (path);
  path = g_strdup_printf (APPLICATIONS "/%" G_GINT64_FORMAT, ids[0]);
  delete_ok (srv, community, path);
  assert_summaries_recounted (srv);

  /* What no endpoint of a test does in a few steps: a decision, a move to
   * another organisation, another month, a purge. */
  sql = g_strdup_printf ("UPDATE pubrent_applications SET status = 'rejected', decided_at = 1700000000"
                         " WHERE id = %" G_GINT64_FORMAT, ids[3]);
  run_sql (srv, sql);
  run_sql (srv, "UPDATE pubrent_applications SET status = 'confirmed', confirmed_at = 1710000000,"
                " decided_at = 1709000000"
                " WHERE id = (SELECT min(id) FROM pubrent_applications WHERE status = 'street_review')");
  g_free (sql);
  sql = g_strdup_printf ("UPDATE pubrent_applications"
                         " SET org_id = (SELECT max(id) FROM organisations WHERE kind = 'community'),"
                         " submitted_at = submitted_at - 40 * 86400"
                         " WHERE id IN (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")", ids[1], ids[3]);
  run_sql (srv, sql);
  g_free (sql);
  sql = g_strdup_printf ("UPDATE pubrent_applications SET business_type = 'open_subsidy'"
                         " WHERE id = %" G_GINT64_FORMAT, ids[3]);
  run_sql (srv, sql);
  run_sql (srv, "DELETE FROM pubrent_applications WHERE id = (SELECT max(id) FROM pubrent_applications"
                " WHERE submitted_at IS NOT NULL AND id NOT IN"
                "  (SELECT record_id FROM workflow_instances WHERE domain = 'pubrent.application'))");
  assert_summaries_recounted (srv);

  post_ok (srv, fixture->admin, "PATCH", unit_path, "{\"state\":\"allocated\"}");
  post_ok (srv, fixture->admin, "POST", abnormal_path,
           "{\"kind\":\"needs_repair\",\"reason\":\"墙面渗水\",\"suggestion\":\"报修\"}");
  g_free (sql);
  sql = g_strdup_printf ("UPDATE pubrent_units SET project_id = (SELECT max(id) FROM pubrent_projects)"
                         " WHERE id = %" G_GINT64_FORMAT, unit);
  run_sql (srv, sql);
  run_sql (srv, "INSERT INTO pubrent_units (unit_no, project_id, building_id, room_no, floor, layout,"
                " floor_area, monthly_rent, state, created_at, updated_at)"
                " SELECT unit_no || '-S', project_id, building_id, room_no, floor, layout, floor_area,"
                " monthly_rent, 'leased', created_at, updated_at FROM pubrent_units"
                " WHERE id = (SELECT min(id) FROM pubrent_units)");
  run_sql (srv, "DELETE FROM pubrent_units WHERE id = (SELECT max(id) FROM pubrent_units"
                " WHERE id NOT IN (SELECT unit_id FROM pubrent_unit_changes))");
  assert_summaries_recounted (srv);
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

  g_test_add ("/pubrent/statistics/F-PRH-001/PRH-007/cached-is-counted", AnjuTestFixture, NULL,
              anju_app_test_set_up, test_cached_is_counted, anju_test_fixture_tear_down);
  g_test_add ("/pubrent/statistics/F-PRH-001/PRH-008/writes-change-answer", AnjuTestFixture, NULL,
              anju_app_test_set_up, test_writes_change_answer, anju_test_fixture_tear_down);
  g_test_add ("/pubrent/statistics/F-PRH-001/PRH-003/scopes-apart", AnjuTestFixture, NULL,
              anju_app_test_set_up, test_scopes_apart, anju_test_fixture_tear_down);
  g_test_add ("/pubrent/statistics/F-PRH-001/one-count-for-many", AnjuTestFixture, NULL,
              anju_app_test_set_up, test_one_count_for_many, anju_test_fixture_tear_down);
  g_test_add ("/pubrent/statistics/F-PRH-001/cache-bounded", AnjuTestFixture, NULL,
              anju_app_test_set_up, test_cache_bounded, anju_test_fixture_tear_down);
  g_test_add ("/pubrent/statistics/F-PRH-001/plans-use-indexes", AnjuTestFixture, NULL,
              anju_app_test_set_up, test_plans_use_indexes, anju_test_fixture_tear_down);
  g_test_add ("/pubrent/statistics/F-PRH-001/summaries-equal-recount", AnjuTestFixture, NULL,
              anju_app_test_set_up, test_summaries_equal_recount, anju_test_fixture_tear_down);

  return g_test_run ();
}
