/* test-list-query-plans.c: the unit list (F-PRH-072) and the application
 * list and search (F-PRH-014) keep the indexes that make them answer at
 * city scale (issue 7), and their kept totals and page starts follow
 * every change.
 *
 * The plans are read with EXPLAIN QUERY PLAN on the SQL the server builds
 * for each set of filters (anju_unit_list_sql, anju_application_list_sql),
 * on a test server's database: a filtered list must SEARCH an index, no
 * list may SCAN a whole table, and the default orders must come from an
 * index (no TEMP B-TREE FOR ORDER BY).  Without statistics (no ANALYZE,
 * as in production) SQLite plans the same on a small database as on a
 * big one; with statistics of city size written in, the plans must hold
 * too.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "anju-application-list.h"
#include "anju-db.h"
#include "anju-housing-units.h"
#include "anju-housing.h"
#include "anju-test-identity.h"

#define UNITS "/api/v1/pubrent/units"
#define APPLICATIONS "/api/v1/pubrent/applications"

/* ---- plans ------------------------------------------------------------ */

/* The test server's database, read-only, beside the server. */
static AnjuDb *
open_reader (AnjuTestServer *srv)
{
  g_autoptr(GError) error = NULL;
  AnjuDb *reader = anju_db_open_reader (anju_db_get_path (anju_server_get_db (srv->server)),
                                        &error);

  g_assert_no_error (error);
  return reader;
}

/* The lines of EXPLAIN QUERY PLAN of sql with filters bound, one a line. */
static char *
plan_of (AnjuDb       *reader,
         const char   *sql,
         AnjuBindFunc  bind,
         gconstpointer filters)
{
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  g_autoptr(GString) plan = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = anju_db_prepare (reader, explain, &error);

  g_assert_no_error (error);
  bind (stmt, filters);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (plan, "%s\n", (const char *) sqlite3_column_text (stmt, 3));
  sqlite3_reset (stmt);
  g_test_message ("%s\n%s", sql, plan->str);
  return g_string_free (g_steal_pointer (&plan), FALSE);
}

/* A subquery's rows as they come: the search's page of matches (k),
 * or its matches for the count. */
static gboolean
is_subquery_scan (const char *line)
{
  return g_str_equal (line, "SCAN k") || g_str_has_prefix (line, "SCAN (subquery-");
}

/* No "SCAN x" without an index: a full scan of a table. */
static void
assert_no_table_scan (const char *plan)
{
  g_auto(GStrv) lines = g_strsplit (plan, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "SCAN ") && strstr (lines[i], " USING ") == NULL
        && !is_subquery_scan (lines[i]))
      g_test_fail_printf ("full table scan: %s\n%s", lines[i], plan);
}

static void
assert_in_order (const char *plan)
{
  if (strstr (plan, "TEMP B-TREE FOR ORDER BY") != NULL)
    g_test_fail_printf ("the list is sorted, not read in index order:\n%s", plan);
}

static void
assert_uses (const char *plan,
             const char *step)
{
  if (strstr (plan, step) == NULL)
    g_test_fail_printf ("no \"%s\" in the plan:\n%s", step, plan);
}

static void
check_unit_plans (AnjuDb                *reader,
                  const AnjuUnitFilters *filters,
                  const char            *page_step)
{
  g_autofree char *keys_sql = anju_unit_list_sql (filters, ANJU_UNIT_LIST_KEYS);
  g_autofree char *page_sql = anju_unit_list_sql (filters, ANJU_UNIT_LIST_PAGE);
  g_autofree char *export_sql = anju_unit_list_sql (filters, ANJU_UNIT_LIST_ALL);
  g_autofree char *keys = plan_of (reader, keys_sql, anju_unit_filters_bind, filters);
  g_autofree char *page = plan_of (reader, page_sql, anju_unit_filters_bind, filters);
  g_autofree char *export = plan_of (reader, export_sql, anju_unit_filters_bind, filters);

  assert_no_table_scan (keys);
  assert_no_table_scan (page);
  assert_no_table_scan (export);
  assert_in_order (keys);
  assert_in_order (page);
  assert_in_order (export);
  /* The walk over the unit numbers reads the index alone. */
  assert_uses (keys, "USING COVERING INDEX");
  assert_uses (page, page_step);
}

/* F-PRH-072: every filter the desktop sends, and none. */
static void
test_unit_plans (AnjuTestFixture *fixture,
                 gconstpointer    data)
{
  g_autoptr(AnjuDb) reader = open_reader (fixture->srv);
  AnjuUnitFilters all = { .abnormal = -1 };
  AnjuUnitFilters project_state = { .project_id = 1, .state = "vacant", .abnormal = -1 };
  AnjuUnitFilters project = { .project_id = 1, .abnormal = -1 };
  AnjuUnitFilters building = { .building_id = 1, .abnormal = -1 };
  AnjuUnitFilters state = { .state = "leased", .abnormal = -1 };
  AnjuUnitFilters enterprise = { .scope = "/1/9/", .abnormal = -1 };

  /* The deep page starts at a unit number: a range of the unique index. */
  check_unit_plans (reader, &all, "SEARCH u USING INDEX sqlite_autoindex_pubrent_units_1 (unit_no>?)");
  check_unit_plans (reader, &project_state,
                    "SEARCH u USING COVERING INDEX pubrent_units_project_state_summary"
                    " (project_id=? AND state=? AND unit_no>?)");
  check_unit_plans (reader, &project,
                    "SEARCH u USING INDEX pubrent_units_project_order (project_id=? AND unit_no>?)");
  check_unit_plans (reader, &building,
                    "SEARCH u USING INDEX pubrent_units_building_order (building_id=? AND unit_no>?)");
  check_unit_plans (reader, &state,
                    "SEARCH u USING INDEX pubrent_units_state_order (state=? AND unit_no>?)");

  /* An enterprise's projects come from the index on organisation paths. */
  {
    g_autofree char *sql = anju_unit_list_sql (&enterprise, ANJU_UNIT_LIST_KEYS);
    g_autofree char *plan = plan_of (reader, sql, anju_unit_filters_bind, &enterprise);

    assert_no_table_scan (plan);
    assert_uses (plan, "sqlite_autoindex_organisations_2 (path>? AND path<?)");
  }
}

/* The filters of one application list request; clear them after. */
static void
set_search (AnjuApplicationFilters *filters,
            const AnjuCaller       *caller,
            const char             *q,
            const char             *status)
{
  *filters = (AnjuApplicationFilters) { .caller = caller, .directed = -1 };
  if (q != NULL)
    anju_application_filters_set_q (filters, q);
  if (status != NULL)
    filters->statuses = g_strsplit (status, ",", -1);
}

static void
check_application_plans (AnjuDb                       *reader,
                         const AnjuApplicationFilters *filters,
                         gboolean                      in_order,
                         const char * const           *steps)
{
  g_autofree char *count_sql = anju_application_list_sql (filters, ANJU_APPLICATION_LIST_COUNT);
  g_autofree char *page_sql = anju_application_list_sql (filters, ANJU_APPLICATION_LIST_PAGE);
  g_autofree char *count = plan_of (reader, count_sql, anju_application_filters_bind, filters);
  g_autofree char *page = plan_of (reader, page_sql, anju_application_filters_bind, filters);

  assert_no_table_scan (count);
  assert_no_table_scan (page);
  if (in_order)
    assert_in_order (page);
  for (guint i = 0; steps[i] != NULL; i++)
    assert_uses (page, steps[i]);
}

/* The page of filters does not take step. */
static void
assert_page_without (AnjuDb                       *reader,
                     const AnjuApplicationFilters *filters,
                     const char                   *step)
{
  g_autofree char *page_sql = anju_application_list_sql (filters, ANJU_APPLICATION_LIST_PAGE);
  g_autofree char *page = plan_of (reader, page_sql, anju_application_filters_bind, filters);

  if (strstr (page, step) != NULL)
    g_test_fail_printf ("\"%s\" in the plan:\n%s", step, page);
}

/* F-PRH-014: the list, the search by name, application number and ID
 * number, by status, for the center and for a street. */
static void
test_application_plans (AnjuTestFixture *fixture,
                        gconstpointer    data)
{
  g_autoptr(AnjuDb) reader = open_reader (fixture->srv);
  AnjuCaller center = { .org_kind = "center", .org_path = "/1/" };
  AnjuCaller street = { .org_kind = "street", .org_path = "/1/2/" };
  g_auto(AnjuApplicationFilters) all = { 0 };
  g_auto(AnjuApplicationFilters) by_name = { 0 };
  g_auto(AnjuApplicationFilters) by_id = { 0 };
  g_auto(AnjuApplicationFilters) by_status = { 0 };
  g_auto(AnjuApplicationFilters) street_all = { 0 };
  const char * const newest[] = { "pubrent_applications_created", NULL };
  /* Each way to match reads an index; the name's alone.  A name's page
   * comes from the name's index too, never the table (0026); an ID
   * number's row or two from the table, which its match has read. */
#define SEARCH_WAYS \
    "SEARCH a USING COVERING INDEX pubrent_applications_name_summary" \
    " (applicant_name>? AND applicant_name<?)", \
    "SEARCH a USING INDEX sqlite_autoindex_pubrent_applications_1 (application_no=?)", \
    "SEARCH a USING INDEX pubrent_applications_id_no (id_no=?)", \
    "SEARCH m USING INDEX pubrent_members_id_no (id_no=?)", \
    "SEARCH a USING INTEGER PRIMARY KEY (rowid=?)"
  const char * const name_page = "SEARCH a USING COVERING INDEX pubrent_applications_name_summary"
                                 " (applicant_name=? AND created_at=?)";
  const char * const search_name[] = { SEARCH_WAYS, name_page, NULL };
  const char * const search_id[] = { SEARCH_WAYS, NULL };
#undef SEARCH_WAYS
  /* A code's name is one lookup of the codes' key (0025). */
  const char * const status[] = {
    "SEARCH a USING INDEX pubrent_applications_status_created (status=?)",
    "SEARCH sc USING PRIMARY KEY (code_set=? AND code=?)",
    "SEARCH bc USING PRIMARY KEY (code_set=? AND code=?)",
    NULL
  };
  const char * const scope[] = {
    "sqlite_autoindex_organisations_2 (path>? AND path<?)",
    "SEARCH a USING INDEX pubrent_applications_org_created (org_id=?)",
    NULL
  };

  set_search (&all, &center, NULL, NULL);
  set_search (&by_name, &center, "张", NULL);
  set_search (&by_id, &center, "43010419880808818x", NULL);
  set_search (&by_status, &center, NULL, "street_review");
  set_search (&street_all, &street, NULL, NULL);
  check_application_plans (reader, &all, TRUE, newest);
  /* A search sorts its matches; each way to match is an index. */
  check_application_plans (reader, &by_name, FALSE, search_name);
  check_application_plans (reader, &by_id, FALSE, search_id);
  assert_page_without (reader, &by_id, name_page);
  check_application_plans (reader, &by_status, TRUE, status);
  check_application_plans (reader, &street_all, FALSE, scope);
}

/* ---- kept totals and page starts follow changes ------------------------ */

static gint64
total_of (AnjuTestServer *srv,
          const char     *token,
          const char     *path)
{
  g_autoptr(JsonNode) reply = anju_test_get_ok (srv, token, path);

  return anju_test_json_int (reply, "total");
}

static gint64
db_int (AnjuTestServer *srv,
        const char     *sql)
{
  g_autofree char *text = anju_test_db_query (srv, sql);

  return text != NULL ? g_ascii_strtoll (text, NULL, 10) : -1;
}

/* Every page of size page_size starts with the unit at its offset in
 * unit number order, as the database has them now. */
static void
assert_pages_in_order (AnjuTestServer *srv,
                       const char     *token,
                       guint           page_size)
{
  gint64 total = db_int (srv, "SELECT COUNT(*) FROM pubrent_units");

  for (gint64 offset = 0; offset < total; offset += page_size)
    {
      g_autofree char *path = g_strdup_printf (UNITS "?page=%" G_GINT64_FORMAT "&page_size=%u",
                                               offset / page_size + 1, page_size);
      g_autofree char *sql = g_strdup_printf ("SELECT unit_no FROM pubrent_units"
                                              " ORDER BY unit_no LIMIT 1 OFFSET %" G_GINT64_FORMAT,
                                              offset);
      g_autofree char *expected = anju_test_db_query (srv, sql);
      g_autoptr(JsonNode) page = anju_test_get_ok (srv, token, path);
      JsonArray *items = json_object_get_array_member (json_node_get_object (page), "items");

      g_assert_cmpint (anju_test_json_int (page, "total"), ==, total);
      g_assert_cmpuint (json_array_get_length (items), ==, MIN ((gint64) page_size, total - offset));
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0),
                                                      "unit_no"), ==, expected);
    }
}

/* F-PRH-072: pages deep in a list of several hundred units start where
 * OFFSET says, and after a unit is added or changes state, the totals
 * and the pages are those of the new data, not of what was kept. */
static void
test_unit_positions_follow_changes (AnjuTestFixture *fixture,
                                    gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *center = anju_test_login (srv, "center", ANJU_TEST_DEMO_PASSWORD);
  g_autofree char *patch = NULL;
  g_autoptr(JsonNode) reply = NULL;
  gint64 unit, vacant;
  guint status = 0;

  /* Setup only: 400 more units of the first building, so the list has
   * several kept page starts (one every 128 units). */
  g_free (anju_test_db_query (srv,
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400)"
    " INSERT INTO pubrent_units (unit_no, project_id, building_id, room_no, floor, layout,"
    " floor_area, monthly_rent, created_at, updated_at)"
    " SELECT printf ('QP-%04d', i), b.project_id, b.id, printf ('%d', i), 1, 'studio',"
    " 4000, 50000, 0, 0 FROM n, (SELECT id, project_id FROM pubrent_buildings"
    " ORDER BY id LIMIT 1) b"));
  assert_pages_in_order (srv, center, 50);
  assert_pages_in_order (srv, center, 50);   /* now from what the readers kept */

  vacant = total_of (srv, center, UNITS "?state=vacant");
  g_assert_cmpint (vacant, ==, db_int (srv, "SELECT COUNT(*) FROM pubrent_units"
                                            " WHERE state = 'vacant'"));
  unit = db_int (srv, "SELECT id FROM pubrent_units WHERE state = 'vacant' ORDER BY unit_no"
                      " LIMIT 1");
  patch = g_strdup_printf (UNITS "/%" G_GINT64_FORMAT, unit);
  reply = anju_test_request (srv, center, "PATCH", patch, "{\"state\":\"leased\"}", &status);
  anju_assert_status (status, 200, reply);
  g_assert_cmpint (total_of (srv, center, UNITS "?state=vacant"), ==, vacant - 1);

  /* A unit whose number sorts first moves every page by one. */
  g_free (anju_test_db_query (srv,
    "INSERT INTO pubrent_units (unit_no, project_id, building_id, room_no, floor, layout,"
    " floor_area, monthly_rent, created_at, updated_at)"
    " SELECT '0-FIRST', project_id, id, '1', 1, 'studio', 4000, 50000, 0, 0"
    " FROM pubrent_buildings ORDER BY id LIMIT 1"));
  assert_pages_in_order (srv, center, 50);
  assert_pages_in_order (srv, center, 7);
}

typedef struct
{
  AnjuTestServer *srv;
  const char     *token;
  const char     *path;
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
                                                   call->path, NULL, NULL, &call->status);
  g_clear_object (&session);
  g_main_context_pop_thread_default (context);
  return NULL;
}

static guint
n_walks (AnjuTestServer *srv)
{
  AnjuUnitPositionsCache *positions = anju_housing_get_unit_positions (srv->server);

  g_assert_nonnull (positions);
  return anju_unit_positions_cache_get_n_walks (positions);
}

/* F-PRH-072: the page starts are one walk for the whole server, not one
 * per database worker connection: many requests at once for a deep page
 * wait for the same walk, later ones use what it found; a change of
 * something no list filters or orders by walks nothing, a change of
 * state walks again, once. */
static void
test_unit_positions_shared (AnjuTestFixture *fixture,
                            gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *center = anju_test_login (srv, "center", ANJU_TEST_DEMO_PASSWORD);
  g_autofree char *patch = NULL;
  g_autoptr(JsonNode) reply = NULL;
  Call calls[8];
  GThread *threads[G_N_ELEMENTS (calls)];
  guint walks, status = 0;
  gint64 unit;

  /* Setup only: 300 more units, so page 5 of 50 lies past two kept
   * starts. */
  g_free (anju_test_db_query (srv,
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300)"
    " INSERT INTO pubrent_units (unit_no, project_id, building_id, room_no, floor, layout,"
    " floor_area, monthly_rent, created_at, updated_at)"
    " SELECT printf ('QS-%04d', i), b.project_id, b.id, printf ('%d', i), 1, 'studio',"
    " 4000, 50000, 0, 0 FROM n, (SELECT id, project_id FROM pubrent_buildings"
    " ORDER BY id LIMIT 1) b"));

  walks = n_walks (srv);
  for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
    {
      calls[i] = (Call) { srv, center, UNITS "?page=5&page_size=50", 0, NULL };
      threads[i] = g_thread_new ("test-list-query-plans call", call_thread, &calls[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
    g_thread_join (threads[i]);
  for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
    {
      g_assert_cmpuint (calls[i].status, ==, SOUP_STATUS_OK);
      g_assert_true (g_bytes_equal (calls[i].body, calls[0].body));
    }
  for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
    g_bytes_unref (calls[i].body);
  g_assert_cmpuint (n_walks (srv), ==, walks + 1);
  assert_pages_in_order (srv, center, 50);
  g_assert_cmpuint (n_walks (srv), ==, walks + 1);

  unit = db_int (srv, "SELECT id FROM pubrent_units WHERE state = 'vacant' ORDER BY unit_no"
                      " LIMIT 1");
  patch = g_strdup_printf (UNITS "/%" G_GINT64_FORMAT, unit);
  reply = anju_test_request (srv, center, "PATCH", patch, "{\"monthly_rent\":\"610.00\"}", &status);
  anju_assert_status (status, 200, reply);
  assert_pages_in_order (srv, center, 50);
  g_assert_cmpuint (n_walks (srv), ==, walks + 1);

  g_clear_pointer (&reply, json_node_unref);
  reply = anju_test_request (srv, center, "PATCH", patch, "{\"state\":\"leased\"}", &status);
  anju_assert_status (status, 200, reply);
  assert_pages_in_order (srv, center, 50);
  assert_pages_in_order (srv, center, 50);
  g_assert_cmpuint (n_walks (srv), ==, walks + 2);
}

/* F-PRH-072: what walks found is kept for many lists at once, as many as
 * fit a few MiB: the city has 1 500 projects, and a unit list going round
 * them (filtered by project and state) walked again on nearly every
 * request while the cache kept 64 lists. */
static void
test_unit_positions_many_lists (AnjuTestFixture *fixture,
                                gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *center = anju_test_login (srv, "center", ANJU_TEST_DEMO_PASSWORD);
  const guint n_lists = 300;
  guint walks = n_walks (srv);

  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < n_lists; i++)
      {
        g_autofree char *path = g_strdup_printf (UNITS "?q=LG-%u&page_size=5", i);
        g_autoptr(JsonNode) reply = NULL;
        guint status = 0;

        reply = anju_test_request (srv, center, "GET", path, NULL, &status);
        anju_assert_status (status, SOUP_STATUS_OK, reply);
      }
  g_assert_cmpuint (n_walks (srv), ==, walks + n_lists);
}

/* F-PRH-014: a status's total follows a change of status. */
static void
test_application_totals_follow_changes (AnjuTestFixture *fixture,
                                        gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *center = anju_test_login (srv, "center", ANJU_TEST_DEMO_PASSWORD);
  gint64 closed = total_of (srv, center, APPLICATIONS "?status=closed");
  gint64 all = total_of (srv, center, APPLICATIONS);

  g_assert_cmpint (closed, ==, db_int (srv, "SELECT COUNT(*) FROM pubrent_applications"
                                            " WHERE status = 'closed'"));
  g_assert_cmpint (total_of (srv, center, APPLICATIONS "?status=closed"), ==, closed);
  g_free (anju_test_db_query (srv, "UPDATE pubrent_applications SET status = 'closed'"
                                   " WHERE id = (SELECT min(id) FROM pubrent_applications"
                                   " WHERE status <> 'closed')"));
  g_assert_cmpint (total_of (srv, center, APPLICATIONS "?status=closed"), ==, closed + 1);
  g_assert_cmpint (total_of (srv, center, APPLICATIONS), ==, all);
}

/* The ids ?q= finds, page after page of two. */
static char *
searched_ids (AnjuTestServer *srv,
              const char     *token,
              const char     *escaped_q,
              gint64         *out_total)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  *out_total = -1;
  for (guint page = 1; page == 1 || (page - 1) * 2 < (guint) *out_total; page++)
    {
      g_autofree char *path = g_strdup_printf (APPLICATIONS "?q=%s&page=%u&page_size=2",
                                               escaped_q, page);
      g_autoptr(JsonNode) reply = anju_test_get_ok (srv, token, path);
      JsonArray *items = json_object_get_array_member (json_node_get_object (reply), "items");

      *out_total = anju_test_json_int (reply, "total");
      for (guint i = 0; i < json_array_get_length (items); i++)
        g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, ids->len > 0 ? "," : "",
                                json_object_get_int_member (json_array_get_object_element (items, i),
                                                            "id"));
    }
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

/* F-PRH-014: the search unites its ways to match.  An applicant found
 * both by the application's ID number and as its first member is listed
 * once and counted once; namesakes come newest first (the later id first
 * when created together) over pages, as the table has them. */
static void
test_application_search_unites (AnjuTestFixture *fixture,
                                gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *center = anju_test_login (srv, "center", ANJU_TEST_DEMO_PASSWORD);
  g_autofree char *id_no = anju_test_db_query (srv,
    "SELECT a.id_no FROM pubrent_applications a JOIN pubrent_members m"
    " ON m.application_id = a.id AND m.id_no = a.id_no"
    " WHERE (SELECT COUNT(*) FROM pubrent_applications b WHERE b.id_no = a.id_no) = 1"
    " AND (SELECT COUNT(*) FROM pubrent_members n WHERE n.id_no = a.id_no) = 1 LIMIT 1");
  g_autofree char *expected = NULL;
  g_autofree char *found = NULL;
  g_autofree char *by_id = NULL;
  g_auto(GStrv) expected_ids = NULL;
  gint64 total;

  g_assert_nonnull (id_no);
  by_id = searched_ids (srv, center, id_no, &total);
  g_assert_cmpint (total, ==, 1);
  g_assert_null (strchr (by_id, ','));

  /* Seven namesakes 欧阳1 … 欧阳7, two by two created in the same second,
   * and a 阳欧 the prefix must not find. */
  g_free (anju_test_db_query (srv,
    "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 8)"
    " INSERT INTO pubrent_applications (application_no, business_type, status, org_id,"
    " applicant_name, created_by, created_at, updated_at)"
    " SELECT 'NAMESAKE-' || i, t.business_type, t.status, t.org_id,"
    " CASE WHEN i < 8 THEN '欧阳' || i ELSE '阳欧' END, t.created_by,"
    " 1700000000 + i / 2, 1700000000 FROM n, (SELECT * FROM pubrent_applications LIMIT 1) t"));
  expected = anju_test_db_query (srv,
    "SELECT group_concat(id, ',') FROM (SELECT id FROM pubrent_applications"
    " WHERE substr(applicant_name, 1, 2) = '欧阳' ORDER BY created_at DESC, id DESC)");
  found = searched_ids (srv, center, "%E6%AC%A7%E9%98%B3", &total);   /* 欧阳 */
  expected_ids = g_strsplit (expected, ",", -1);
  g_assert_cmpuint (g_strv_length (expected_ids), ==, 7);
  g_assert_cmpint (total, ==, 7);
  g_assert_cmpstr (found, ==, expected);
}

/* Statistics as ANALYZE writes them at city size (600 000 units, 400 000
 * applications, 2 000 organisations): with them SQLite weighs plans by
 * row counts, and a list must still not start from the small table and
 * sort the big one. */
static void
pretend_city_statistics (AnjuTestServer *srv)
{
  g_free (anju_test_db_query (srv, "ANALYZE"));
  g_free (anju_test_db_query (srv,
    "DELETE FROM sqlite_stat1 WHERE tbl IN ('pubrent_applications', 'pubrent_members',"
    " 'pubrent_units', 'pubrent_projects', 'pubrent_buildings', 'organisations')"));
  g_free (anju_test_db_query (srv,
    "INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES"
    " ('pubrent_applications', 'sqlite_autoindex_pubrent_applications_1', '400000 1'),"
    " ('pubrent_applications', 'pubrent_applications_created', '400000 1'),"
    " ('pubrent_applications', 'pubrent_applications_org_created', '400000 200 1'),"
    " ('pubrent_applications', 'pubrent_applications_status', '400000 36000 9000'),"
    " ('pubrent_applications', 'pubrent_applications_status_created', '400000 36000 1'),"
    " ('pubrent_applications', 'pubrent_applications_submitted', '400000 2'),"
    /* A common name: some hundreds of namesakes. */
    " ('pubrent_applications', 'pubrent_applications_name_summary',"
    "  '400000 200 1 1 1 1 1 1 1 1 1 1 1'),"
    " ('pubrent_applications', 'pubrent_applications_id_no', '400000 1'),"
    /* The statistics page's covering indexes (0019) lead with the same
     * columns as the lists' and must not win the lists' plans. */
    " ('pubrent_applications', 'pubrent_applications_org_stage', '400000 200 60 20'),"
    " ('pubrent_members', 'sqlite_autoindex_pubrent_members_1', '1000000 3 1'),"
    " ('pubrent_members', 'pubrent_members_id_no', '1000000 1'),"
    " ('organisations', 'sqlite_autoindex_organisations_1', '2000 1'),"
    " ('organisations', 'sqlite_autoindex_organisations_2', '2000 1'),"
    " ('organisations', 'sqlite_autoindex_organisations_3', '2000 10 1'),"
    " ('organisations', 'organisations_parent', '2000 10'),"
    " ('pubrent_units', 'sqlite_autoindex_pubrent_units_1', '600000 1'),"
    " ('pubrent_units', 'pubrent_units_project_order', '600000 400 1'),"
    " ('pubrent_units', 'pubrent_units_project_state_summary',"
    "  '600000 400 130 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1'),"
    " ('pubrent_units', 'pubrent_units_building_order', '600000 100 1'),"
    " ('pubrent_units', 'pubrent_units_state_order', '600000 200000 1'),"
    " ('pubrent_units', 'pubrent_units_project_state', '600000 400 130 70'),"
    " ('pubrent_projects', 'sqlite_autoindex_pubrent_projects_1', '1500 1'),"
    " ('pubrent_projects', 'pubrent_projects_operator', '1500 30'),"
    " ('pubrent_buildings', 'sqlite_autoindex_pubrent_buildings_1', '6000 4 1')"));
}

static void
test_unit_plans_city_statistics (AnjuTestFixture *fixture,
                                 gconstpointer    data)
{
  pretend_city_statistics (fixture->srv);
  test_unit_plans (fixture, data);
}

static void
test_application_plans_city_statistics (AnjuTestFixture *fixture,
                                        gconstpointer    data)
{
  pretend_city_statistics (fixture->srv);
  test_application_plans (fixture, data);
}

int
main (int    argc,
      char **argv)
{
  anju_test_init (&argc, &argv);

  g_test_add ("/lists/plans/units", AnjuTestFixture, NULL, anju_test_fixture_set_up,
              test_unit_plans, anju_test_fixture_tear_down);
  g_test_add ("/lists/plans/applications", AnjuTestFixture, NULL, anju_test_fixture_set_up,
              test_application_plans, anju_test_fixture_tear_down);
  g_test_add ("/lists/plans/units-city-statistics", AnjuTestFixture, NULL,
              anju_test_fixture_set_up, test_unit_plans_city_statistics,
              anju_test_fixture_tear_down);
  g_test_add ("/lists/plans/applications-city-statistics", AnjuTestFixture, NULL,
              anju_test_fixture_set_up, test_application_plans_city_statistics,
              anju_test_fixture_tear_down);
  g_test_add ("/lists/units/positions-follow-changes", AnjuTestFixture, NULL,
              anju_test_fixture_set_up, test_unit_positions_follow_changes,
              anju_test_fixture_tear_down);
  g_test_add ("/lists/units/positions-shared", AnjuTestFixture, NULL,
              anju_test_fixture_set_up, test_unit_positions_shared,
              anju_test_fixture_tear_down);
  g_test_add ("/lists/units/positions-many-lists", AnjuTestFixture, NULL,
              anju_test_fixture_set_up, test_unit_positions_many_lists,
              anju_test_fixture_tear_down);
  g_test_add ("/lists/applications/search-unites-ways", AnjuTestFixture, NULL,
              anju_test_fixture_set_up, test_application_search_unites,
              anju_test_fixture_tear_down);
  g_test_add ("/lists/applications/totals-follow-changes", AnjuTestFixture, NULL,
              anju_test_fixture_set_up, test_application_totals_follow_changes,
              anju_test_fixture_tear_down);
  return g_test_run ();
}
