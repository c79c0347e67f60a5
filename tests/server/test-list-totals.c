/* test-list-totals.c: a list's total is counted once per change of its
 * version (server/core/anju-list-totals.h), for as many lists as fit the
 * reader's budget: the city search by name goes round 2 000 names, and
 * with 256 totals kept nearly every request counted again.  Its page is
 * written once per commit (server/core/anju-kept-pages.h).
 *
 * The count and the rows call a function of the test's own, so the test
 * sees every time SQLite really counts or reads a row; for the
 * application search's own count, SQLite's run counter of the statement
 * does.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anju-application-list.h"
#include "anju-json-text.h"
#include "anju-kept-pages.h"
#include "anju-list-totals.h"
#include "anju-test-server.h"
#include "anju-test-tmp-db.h"

#define N_NAMES 600
#define VERSION_SQL "SELECT version FROM names_version WHERE id = 1"
#define COUNT_SQL "SELECT COUNT(*) FROM names WHERE counted () AND name = ?1"

static void
counted (sqlite3_context *context,
         int              argc,
         sqlite3_value  **argv)
{
  guint *n_counted = sqlite3_user_data (context);

  (*n_counted)++;
  sqlite3_result_int (context, 1);
}

typedef struct
{
  char   *path;     /* (owned) */
  AnjuDb *writer;   /* (owned) */
  AnjuDb *reader;   /* (owned) opened by open_reader () */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->path = anju_test_tmp_db_new ("anju-list-totals");
  fixture->writer = anju_db_open (fixture->path, &error);
  g_assert_no_error (error);
}

/* The reader, once the test made its tables with the writer. */
static void
open_reader (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  fixture->reader = anju_db_open_reader (fixture->path, &error);
  g_assert_no_error (error);
}

/* The test's tables, made with the writer, then the reader, on which
 * counted () adds one to *n_counted each time SQLite calls it. */
static void
open_counting_reader (Fixture    *fixture,
                      const char *tables_sql,
                      guint      *n_counted)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (anju_db_exec (fixture->writer, tables_sql, &error));
  g_assert_no_error (error);
  open_reader (fixture);
  sqlite3_create_function (anju_db_get_handle (fixture->reader), "counted", 0, SQLITE_UTF8,
                           n_counted, counted, NULL, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->reader);
  g_clear_object (&fixture->writer);
  anju_test_tmp_db_remove (g_steal_pointer (&fixture->path));
}

/* The total of the bound count through the kept totals, as a database
 * worker job asks it: in one transaction.  How many times SQLite ran
 * the count so far in *n_runs, when given. */
static gint64
count_as_job (AnjuDb       *reader,
              sqlite3_stmt *count,
              const char   *version_sql,
              int          *n_runs)
{
  g_autoptr(GError) error = NULL;
  gint64 total = -1;

  g_assert_true (anju_db_exec (reader, "BEGIN", &error));
  g_assert_true (anju_list_totals_count (reader, count, version_sql, &total, &error));
  g_assert_no_error (error);
  if (n_runs != NULL)
    *n_runs = sqlite3_stmt_status (count, SQLITE_STMTSTATUS_RUN, FALSE);
  sqlite3_reset (count);
  g_assert_true (anju_db_exec (reader, "COMMIT", &error));
  return total;
}

static gint64
total_of (AnjuDb *reader,
          guint   name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = g_strdup_printf ("name-%u", name);
  sqlite3_stmt *count = anju_db_prepare (reader, COUNT_SQL, &error);

  g_assert_no_error (error);
  sqlite3_bind_text (count, 1, value, -1, SQLITE_TRANSIENT);
  return count_as_job (reader, count, VERSION_SQL, NULL);
}

/* F-PRH-014: 600 searches asked twice count 600 times, not 1 200; a
 * change of the version counts again, with the new answer. */
static void
test_kept_for_many_lists (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint n_counted = 0;

  open_counting_reader (fixture,
                        "CREATE TABLE names (name TEXT);"
                        "CREATE INDEX names_name ON names (name);"
                        "CREATE TABLE names_version (id INTEGER PRIMARY KEY, version INTEGER);"
                        "INSERT INTO names_version VALUES (1, 1);"
                        "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n"
                        " WHERE i < 599)"
                        " INSERT INTO names SELECT 'name-' || i FROM n;"
                        "INSERT INTO names VALUES ('name-7');",
                        &n_counted);

  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < N_NAMES; i++)
      g_assert_cmpint (total_of (fixture->reader, i), ==, i == 7 ? 2 : 1);
  /* COUNT(*) over an equality calls counted () once per row matched. */
  g_assert_cmpuint (n_counted, ==, N_NAMES + 1);

  g_assert_true (anju_db_exec (fixture->writer, "INSERT INTO names VALUES ('name-8');"
                                                "UPDATE names_version SET version = 2;", &error));
  g_assert_no_error (error);
  g_assert_cmpint (total_of (fixture->reader, 8), ==, 2);
  g_assert_cmpuint (n_counted, ==, N_NAMES + 1 + 2);
}

#define N_CITY_NAMES 2000
#define APPLICATIONS_VERSION_SQL "SELECT version FROM pubrent_applications_version WHERE id = 1"

/* The application search's count for q, as the list asks it; how many
 * times SQLite ran the count so far in *n_runs. */
static gint64
search_total (AnjuDb     *reader,
              const char *q,
              int        *n_runs)
{
  AnjuCaller center = { .org_kind = "center", .org_path = "/1/" };
  g_auto(AnjuApplicationFilters) filters = { .caller = &center, .directed = -1 };
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *count;

  anju_application_filters_set_q (&filters, q);
  sql = anju_application_list_sql (&filters, ANJU_APPLICATION_LIST_COUNT);
  count = anju_db_prepare (reader, sql, &error);
  g_assert_no_error (error);
  anju_application_filters_bind (count, &filters);
  return count_as_job (reader, count, APPLICATIONS_VERSION_SQL, n_runs);
}

/* F-PRH-014: the city search goes round 2 000 names; asked twice, each
 * is counted once.  The search's count is a UNION of four SELECTs, some
 * 500 bytes of SQL with its values: within 1 MiB the reader forgot them
 * all before the round ended and counted every name again. */
static void
test_kept_for_city_name_search (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  int n_runs = 0;

  anju_db_migrate (fixture->writer, &error);
  g_assert_no_error (error);
  open_reader (fixture);

  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < N_CITY_NAMES; i++)
      {
        g_autofree char *name = g_strdup_printf ("欧阳%04u", i);

        g_assert_cmpint (search_total (fixture->reader, name, &n_runs), ==, 0);
      }
  g_assert_cmpint (n_runs, ==, N_CITY_NAMES);
}

#define PAGE_SQL "SELECT name, counted () FROM names WHERE name >= ?1 ORDER BY name LIMIT ?2"

static void
write_name (sqlite3_stmt *stmt,
            AnjuJsonText *text,
            gpointer      user_data)
{
  anju_json_text_string (text, (const char *) sqlite3_column_text (stmt, 0));
}

/* The page of up to limit names from the name from on, through the kept
 * pages, as a database worker job asks it: in one transaction. */
static char *
page_of (AnjuDb     *reader,
         const char *from,
         int         limit)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *rows = anju_db_prepare (reader, PAGE_SQL, &error);
  char *page;
  gsize length = 0;

  g_assert_no_error (error);
  sqlite3_bind_text (rows, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (rows, 2, limit);
  g_assert_true (anju_db_exec (reader, "BEGIN", &error));
  page = anju_kept_pages_write (reader, rows, write_name, 99, 1, (guint) limit, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, ==, strlen (page));
  sqlite3_reset (rows);
  g_assert_true (anju_db_exec (reader, "COMMIT", &error));
  return page;
}

/* F-PRH-014: a page asked again is the same text, its rows not read
 * again; other values are another page; any commit, even to a table the
 * page does not read, writes it again, with what changed. */
static void
test_page_kept_until_commit (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;
  g_autofree char *other = NULL;
  g_autofree char *after_other_table = NULL;
  g_autofree char *renamed = NULL;
  guint n_counted = 0;

  open_counting_reader (fixture,
                        "CREATE TABLE names (name TEXT);"
                        "CREATE TABLE elsewhere (x INTEGER);"
                        "INSERT INTO names VALUES ('a'), ('b'), ('c');",
                        &n_counted);

  first = page_of (fixture->reader, "a", 2);
  g_assert_cmpstr (first, ==, "{\"items\":[\"a\",\"b\"],\"total\":99,\"next\":2}");
  g_assert_cmpuint (n_counted, ==, 2);
  again = page_of (fixture->reader, "a", 2);
  g_assert_cmpstr (again, ==, first);
  g_assert_cmpuint (n_counted, ==, 2);

  other = page_of (fixture->reader, "b", 2);
  g_assert_cmpstr (other, ==, "{\"items\":[\"b\",\"c\"],\"total\":99,\"next\":2}");
  g_assert_cmpuint (n_counted, ==, 4);

  g_assert_true (anju_db_exec (fixture->writer, "INSERT INTO elsewhere VALUES (1)", &error));
  after_other_table = page_of (fixture->reader, "a", 2);
  g_assert_cmpstr (after_other_table, ==, first);
  g_assert_cmpuint (n_counted, ==, 6);

  g_assert_true (anju_db_exec (fixture->writer, "UPDATE names SET name = 'a2' WHERE name = 'b'",
                               &error));
  g_assert_no_error (error);
  renamed = page_of (fixture->reader, "a", 2);
  g_assert_cmpstr (renamed, ==, "{\"items\":[\"a\",\"a2\"],\"total\":99,\"next\":2}");
  g_assert_cmpuint (n_counted, ==, 8);
}

/* The pages a reader keeps stay within ANJU_KEPT_PAGES_MAX_BYTES: 150
 * pages of some 20 KB each (a city unit list's), 3 MB, asked round and
 * round, are written again every round. */
static void
test_pages_within_budget (Fixture       *fixture,
                          gconstpointer  data)
{
  guint n_counted = 0;

  /* 160 names of 2 003 bytes, "000…" to "159…". */
  open_counting_reader (fixture,
                        "CREATE TABLE names (name TEXT);"
                        "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n"
                        " WHERE i < 159)"
                        " INSERT INTO names"
                        " SELECT printf ('%03d', i) || hex (zeroblob (1000)) FROM n;",
                        &n_counted);

  g_assert_cmpuint (150 * 20 * 1024, >, ANJU_KEPT_PAGES_MAX_BYTES);
  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < 150; i++)
      {
        g_autofree char *from = g_strdup_printf ("%03u", i);
        g_autofree char *page = page_of (fixture->reader, from, 10);

        g_assert_cmpuint (strlen (page), >, 20 * 1000);
      }
  g_assert_cmpuint (n_counted, ==, 2 * 150 * 10);
}

int
main (int    argc,
      char **argv)
{
  anju_test_init (&argc, &argv);

  g_test_add ("/lists/totals/F-PRH-014/kept-for-many-lists", Fixture, NULL,
              fixture_set_up, test_kept_for_many_lists, fixture_tear_down);
  g_test_add ("/lists/totals/F-PRH-014/kept-for-city-name-search", Fixture, NULL,
              fixture_set_up, test_kept_for_city_name_search, fixture_tear_down);
  g_test_add ("/lists/pages/F-PRH-014/kept-until-a-commit", Fixture, NULL,
              fixture_set_up, test_page_kept_until_commit, fixture_tear_down);
  g_test_add ("/lists/pages/kept-within-budget", Fixture, NULL,
              fixture_set_up, test_pages_within_budget, fixture_tear_down);
  return g_test_run ();
}
