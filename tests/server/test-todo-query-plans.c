/* test-todo-query-plans.c: the to-do list (F-PORTAL-005 统一待办) and
 * the application detail with its processing nodes (F-PRH-003 业务申请
 * 管理: detail and timeline) read through indexes.
 *
 * At city size (issue 7: 400,000 applications, a million members,
 * millions of tasks, history and audit rows) one full scan of a big
 * table costs more than the whole budget of a request.  The test runs
 * the requests of those pages over HTTPS against a demo server, takes
 * the SQL of every statement the server's connection ran meanwhile, and
 * asks SQLite for each plan (EXPLAIN QUERY PLAN on a second connection
 * to the same database): none may SCAN a big table, whether through the
 * table or a whole index of it.  So a query that loses its index (an OR
 * across tables, a function around an indexed column, a dropped index)
 * fails here, without timing anything.
 *
 * The to-do list's page is sorted after the search: the tasks a caller
 * may act on come from the organisations of their scope, and SQLite
 * cannot merge several index ranges in due order.  That sort is a
 * top-N sort over the caller's own open tasks, which is what keeps it
 * cheap; walking an index in due order instead means walking every open
 * task of the city, which is the scan this test forbids.
 */

#include <string.h>

#include <sqlite3.h>

#include "anju-test-json.h"
#include "anju-test-identity.h"
#include "anju-test-server.h"

/* The tables that grow with the city, and what may not scan them. */
static const char * const big_tables[] = {
  "workflow_tasks", "workflow_history", "workflow_instances", "audit_log",
  "pubrent_applications", "pubrent_members", "pubrent_application_changes",
  "pubrent_application_files", "pubrent_publicity", "files", "users", "sessions",
  NULL
};

/* Words that may follow a table's name in a FROM clause and are no alias. */
static const char * const not_aliases[] = {
  "on", "where", "join", "left", "inner", "cross", "natural", "using", "group", "order",
  "limit", "union", "and", "or", "indexed", "not", "set", "values", "window", "having",
  NULL
};

/* alias or name → table, for every big table the statement names. */
static GHashTable *
big_table_names (const char *sql)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; big_tables[i] != NULL; i++)
    {
      g_autofree char *pattern = g_strdup_printf ("\\b%s\\b(?:\\s+(?:AS\\s+)?(\\w+))?",
                                                  big_tables[i]);
      g_autoptr(GRegex) regex = g_regex_new (pattern, G_REGEX_CASELESS, 0, NULL);
      g_autoptr(GMatchInfo) match = NULL;

      g_regex_match (regex, sql, 0, &match);
      while (g_match_info_matches (match))
        {
          g_autofree char *alias = g_match_info_fetch (match, 1);

          g_hash_table_replace (names, g_strdup (big_tables[i]), g_strdup (big_tables[i]));
          if (alias != NULL && *alias != '\0')
            {
              g_autofree char *lower = g_ascii_strdown (alias, -1);

              if (!g_strv_contains (not_aliases, lower))
                g_hash_table_replace (names, g_strdup (alias), g_strdup (big_tables[i]));
            }
          g_match_info_next (match, NULL);
        }
    }
  return names;
}

/* The plan of sql on db, one line per step (EXPLAIN QUERY PLAN's detail
 * column). */
static GPtrArray *
query_plan (sqlite3    *db,
            const char *sql)
{
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, explain, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    g_error ("cannot explain %s: %s", sql, sqlite3_errmsg (db));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (lines, g_strdup ((const char *) sqlite3_column_text (stmt, 3)));
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  return lines;
}

/* The line of sql's plan that scans a big table, or NULL. */
static char *
find_big_scan (sqlite3    *db,
               const char *sql)
{
  g_autoptr(GHashTable) names = big_table_names (sql);
  g_autoptr(GPtrArray) plan = query_plan (db, sql);

  for (guint i = 0; i < plan->len; i++)
    {
      const char *line = g_ptr_array_index (plan, i);
      g_auto(GStrv) words = g_strsplit (line, " ", 3);

      if (g_strv_length (words) >= 2 && g_str_equal (words[0], "SCAN")
          && g_hash_table_contains (names, words[1]))
        return g_strdup_printf ("%s (%s)", line,
                                (const char *) g_hash_table_lookup (names, words[1]));
    }
  return NULL;
}

/* ---- the server's statements, read on the server's own thread -------- */

typedef struct
{
  AnjuDb     *db;         /* borrowed */
  gboolean    reset;      /* zero the run counters, or collect */
  GPtrArray  *sql;        /* (owned) what ran since the reset */
  GMutex      lock;
  GCond       cond;
  gboolean    done;
} StatementVisit;

static gboolean
visit_statements_cb (gpointer data)
{
  StatementVisit *visit = data;
  sqlite3 *handle = anju_db_get_handle (visit->db);

  for (sqlite3_stmt *stmt = sqlite3_next_stmt (handle, NULL); stmt != NULL;
       stmt = sqlite3_next_stmt (handle, stmt))
    {
      int runs = sqlite3_stmt_status (stmt, SQLITE_STMTSTATUS_RUN, visit->reset);

      if (!visit->reset && runs > 0)
        g_ptr_array_add (visit->sql, g_strdup (sqlite3_sql (stmt)));
    }
  g_mutex_lock (&visit->lock);
  visit->done = TRUE;
  g_cond_signal (&visit->cond);
  g_mutex_unlock (&visit->lock);
  return G_SOURCE_REMOVE;
}

/* Zeroes the run counters of the server's statements (reset) or returns
 * the SQL of those that ran since. */
static GPtrArray *
visit_statements (AnjuTestServer *srv,
                  gboolean        reset)
{
  StatementVisit visit = {
    .db = anju_server_get_db (srv->server),
    .reset = reset,
    .sql = g_ptr_array_new_with_free_func (g_free),
  };

  g_mutex_init (&visit.lock);
  g_cond_init (&visit.cond);
  g_main_context_invoke (srv->context, visit_statements_cb, &visit);
  g_mutex_lock (&visit.lock);
  while (!visit.done)
    g_cond_wait (&visit.cond, &visit.lock);
  g_mutex_unlock (&visit.lock);
  g_mutex_clear (&visit.lock);
  g_cond_clear (&visit.cond);
  return visit.sql;
}

/* Runs the requests of paths as username and checks the plan of every
 * statement the server ran for them; returns how many it checked. */
static guint
assert_requests_use_indexes (AnjuTestServer     *srv,
                             const char         *username,
                             const char * const *paths)
{
  g_autofree char *token = anju_test_login (srv, username, ANJU_TEST_DEMO_PASSWORD);
  g_autoptr(GPtrArray) ran = NULL;
  sqlite3 *db = NULL;

  g_ptr_array_unref (visit_statements (srv, TRUE));
  for (guint i = 0; paths[i] != NULL; i++)
    json_node_unref (anju_test_get_ok (srv, token, paths[i]));
  ran = visit_statements (srv, FALSE);

  g_assert_cmpint (sqlite3_open_v2 (anju_db_get_path (anju_server_get_db (srv->server)), &db,
                                    SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < ran->len; i++)
    {
      const char *sql = g_ptr_array_index (ran, i);
      g_autofree char *scan = find_big_scan (db, sql);

      if (scan != NULL)
        g_error ("a full scan of a big table: %s\nin: %s", scan, sql);
    }
  sqlite3_close (db);
  return ran->len;
}

/* The checker itself finds a scan: the to-do query as it was before
 * issue 7, an OR of the assignee and the role within the scope, walked
 * every open task; so does a filter no index serves. */
static void
test_checker_finds_scans (void)
{
  AnjuTestServer *srv = anju_test_server_start (TRUE);
  sqlite3 *db = NULL;
  g_autofree char *or_scan = NULL;
  g_autofree char *member_scan = NULL;
  g_autofree char *indexed = NULL;

  g_assert_cmpint (sqlite3_open_v2 (anju_db_get_path (anju_server_get_db (srv->server)), &db,
                                    SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  or_scan = find_big_scan (db,
                           "SELECT COUNT(*) FROM workflow_tasks t"
                           " JOIN organisations o ON o.id = t.org_id"
                           " WHERE t.state = 'open' AND (t.assignee_id = ?1"
                           "  OR (t.assignee_id IS NULL AND substr(o.path, 1, length(?2)) = ?2))");
  member_scan = find_big_scan (db, "SELECT id FROM pubrent_members m WHERE m.phone = ?1");
  indexed = find_big_scan (db, "SELECT id FROM pubrent_members WHERE id_no = ?1");
  sqlite3_close (db);
  anju_test_server_stop (srv);

  g_assert_nonnull (or_scan);
  g_assert_true (g_str_has_prefix (or_scan, "SCAN t"));
  g_assert_nonnull (member_scan);
  g_assert_null (indexed);
}

/* F-PORTAL-005: the street reviewer's to-do list in both orders, its
 * overdue filter, paging and counts. */
static void
test_todo (void)
{
  static const char * const paths[] = {
    "/api/v1/todo?page_size=50",
    "/api/v1/todo?sort=created",
    "/api/v1/todo?overdue=true&page=2&page_size=2",
    "/api/v1/todo?type=pubrent.application.review",
    "/api/v1/todo/counts",
    "/api/v1/done",
    NULL
  };
  AnjuTestServer *srv = anju_test_server_start (TRUE);

  g_assert_cmpuint (assert_requests_use_indexes (srv, "street_ypl", paths), >, 0);
  g_assert_cmpuint (assert_requests_use_indexes (srv, "center", paths), >, 0);
  anju_test_server_stop (srv);
}

/* F-PRH-003: an application's detail (members, files, pre-review, its
 * process and the caller's actions) and its timeline of processing
 * nodes, as the reviewer of its street and as the center see them. */
static void
test_application_detail (void)
{
  AnjuTestServer *srv = anju_test_server_start (TRUE);
  g_autofree char *id = anju_test_db_query (srv,
                                            "SELECT record_id FROM workflow_instances"
                                            " WHERE domain = 'pubrent.application'"
                                            " AND state = 'running' ORDER BY id LIMIT 1");
  g_autofree char *detail = g_strdup_printf ("/api/v1/pubrent/applications/%s", id);
  g_autofree char *timeline = g_strdup_printf ("/api/v1/pubrent/applications/%s/timeline", id);
  const char * const paths[] = { detail, timeline, NULL };

  g_assert_nonnull (id);
  g_assert_cmpuint (assert_requests_use_indexes (srv, "street_ypl", paths), >, 0);
  g_assert_cmpuint (assert_requests_use_indexes (srv, "center", paths), >, 0);
  anju_test_server_stop (srv);
}

int
main (int   argc,
      char *argv[])
{
  anju_test_init (&argc, &argv);

  g_test_add_func ("/query-plans/checker-finds-scans", test_checker_finds_scans);
  g_test_add_func ("/query-plans/F-PORTAL-005/todo", test_todo);
  g_test_add_func ("/query-plans/F-PRH-003/application-detail", test_application_detail);
  return g_test_run ();
}
