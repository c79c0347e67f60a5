/* test-detail-text.c: the application detail and its timeline (F-PRH-003),
 * written as JSON text straight from the rows, answer exactly what the
 * JsonNode way makes of the same rows: anju_application_detail(), which
 * the import's preview still uses, and _anju_review_timeline(), which
 * the citizens' progress query still uses.
 *
 * Every application of the demo database is written both ways for
 * callers who see it in full (the center, the street reviewer, the
 * organisation that entered it) and for one who sees it masked, after
 * rows with awkward values were added: NULL columns, quotes,
 * backslashes, control characters, CJK and emoji, a pre-review report
 * with nested objects and doubles, files with and without notes, review
 * opinions.  The text, read and written out again by json-glib, must be
 * the same bytes as json-glib's text of the JsonNode: the same members in
 * the same order, the same types, null where it was null, ID numbers and
 * phones masked alike.  (Byte for byte they differ in one place only:
 * json-glib 1.6 leaves U+001F unescaped, which is not JSON; the text
 * writes \u001f, as the lists do, anju-json-text.h.)
 *
 * The statements the text writers ran are then explained on the same
 * reader: none may scan a table that grows with the city.  The to-do's
 * page (its total counted in the same statement, anju-counted-page.h)
 * answers the same total on every page, past the end too.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "anju-application-detail.h"
#include "anju-application-json.h"
#include "anju-db.h"
#include "anju-review-private.h"
#include "anju-sessions.h"
#include "anju-test-identity.h"
#include "anju-workflow-private.h"

/* Not valid JSON text in a JSON string: each of these must come back
 * escaped exactly as json-glib escapes it. */
#define AWKWARD "引号\"反斜杠\\\\ 控制\x01\x1f\t\n\r 😀🏠 \xe2\x80\xa8 </script>"

/* The blob of the files added, one byte. */
#define SHA256 "'" "00000000000000000000000000000000" "000000000000000000000000000000aa" "'"

static void
exec_sql (AnjuTestServer *srv,
          const char     *sql)
{
  g_free (anju_test_db_query (srv, sql));
}

/* A report as anju_application_store_submitted() stores one: written by
 * json-glib's generator. */
static char *
awkward_report (void)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "passed");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_set_member_name (builder, "at");
  json_builder_add_string_value (builder, "2026-03-01T09:30:00+08:00");
  json_builder_set_member_name (builder, "score");
  json_builder_add_double_value (builder, 0.1);
  json_builder_set_member_name (builder, "rules");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "rule");
  json_builder_add_string_value (builder, "hukou");
  json_builder_set_member_name (builder, "detail");
  json_builder_add_string_value (builder, AWKWARD);
  json_builder_set_member_name (builder, "record");
  json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* Awkward values in the rows the detail and the timeline read. */
static void
add_awkward_rows (AnjuTestServer *srv)
{
  g_autofree char *report = awkward_report ();
  char *sql;

  sql = sqlite3_mprintf ("UPDATE pubrent_applications SET applicant_name = %Q,"
                         " agent_name = %Q, agent_phone = '13800138000',"
                         " agent_id_no = '430104199001011234', employer_name = NULL,"
                         " hukou_road = '', annual_income_total = 123456, prereview_json = %Q"
                         " WHERE id = (SELECT MIN(id) FROM pubrent_applications)",
                         AWKWARD, AWKWARD, report);
  exec_sql (srv, sql);
  sqlite3_free (sql);
  /* Not JSON, and not JSON that ends: both are null, as before. */
  exec_sql (srv, "UPDATE pubrent_applications SET prereview_json = 'passed'"
                 " WHERE id = (SELECT MAX(id) FROM pubrent_applications)");
  exec_sql (srv, "UPDATE pubrent_applications SET prereview_json = '{\"passed\": tru'"
                 " WHERE id = (SELECT MIN(id) + 1 FROM pubrent_applications)");
  sql = sqlite3_mprintf ("UPDATE pubrent_members SET name = %Q, phone = NULL, birth_date = NULL"
                         " WHERE application_id = (SELECT MIN(id) FROM pubrent_applications)",
                         AWKWARD);
  exec_sql (srv, sql);
  sqlite3_free (sql);
  sql = sqlite3_mprintf ("UPDATE workflow_history SET comment = %Q"
                         " WHERE id IN (SELECT id FROM workflow_history ORDER BY id LIMIT 3)",
                         AWKWARD);
  exec_sql (srv, sql);
  sqlite3_free (sql);

  exec_sql (srv, "INSERT INTO file_blobs (sha256, data) VALUES (" SHA256 ", x'00')");
  sql = sqlite3_mprintf ("INSERT INTO files (id, sha256, name, content_type, size, uploaded_by,"
                         " uploaded_at, archived_at) VALUES"
                         " (900001, " SHA256 ", %Q, 'application/pdf', 1,"
                         "  (SELECT MIN(id) FROM users), 1767225600, NULL),"
                         " (900002, " SHA256 ", 'b.pdf', 'application/pdf', 1,"
                         "  (SELECT MAX(id) FROM users), 1767225601, 1767225700)",
                         AWKWARD);
  exec_sql (srv, sql);
  sqlite3_free (sql);
  sql = sqlite3_mprintf ("INSERT INTO pubrent_application_files (application_id, file_id, category,"
                         " note, added_by, added_at)"
                         " SELECT MIN(id), 900001, 'hukou', %Q, (SELECT MIN(id) FROM users),"
                         "  1767225600 FROM pubrent_applications"
                         " UNION ALL SELECT MIN(id), 900002, 'income', NULL,"
                         "  (SELECT MAX(id) FROM users), 1767225601 FROM pubrent_applications",
                         AWKWARD);
  exec_sql (srv, sql);
  sqlite3_free (sql);
}

static AnjuCaller *
load_caller (AnjuTestServer *srv,
             AnjuDb         *reader,
             const char     *username)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM users WHERE username = '%s'", username);
  g_autofree char *id = anju_test_db_query (srv, sql);
  g_autoptr(GError) error = NULL;
  AnjuCaller *caller;

  g_assert_nonnull (id);
  caller = anju_sessions_load_caller (reader, g_ascii_strtoll (id, NULL, 10), 0, 0, &error);
  g_assert_no_error (error);
  return caller;
}

/* Text json-glib writes of the JSON text: the same for two texts that
 * hold the same members, in the same order, of the same types. */
static char *
normalised (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = json_from_string (text, &error);

  g_assert_no_error (error);
  return json_to_string (node, FALSE);
}

/* The detail of id for caller both ways; TRUE when it was masked. */
static gboolean
assert_same_detail (AnjuDb           *reader,
                    const AnjuCaller *caller,
                    gint64            id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = anju_application_detail (reader, caller, id, &error);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *by_nodes = NULL;
  g_autofree char *by_text = NULL;
  JsonObject *org;

  g_assert_no_error (error);
  by_nodes = json_to_string (node, FALSE);
  g_assert_true (anju_application_detail_write (reader, caller, id, FALSE, text, &error));
  g_assert_no_error (error);
  by_text = normalised (text->str);
  g_assert_cmpstr (by_text, ==, by_nodes);

  org = json_object_get_object_member (json_node_get_object (node), "org");
  return !anju_application_caller_sees_pii (caller, json_object_get_int_member (org, "id"));
}

static void
assert_same_timeline (AnjuDb *reader,
                      gint64  id)
{
  g_auto(AnjuReviewApp) app = { 0, };
  g_autoptr(GError) error = NULL;

  g_assert_true (_anju_review_app_load (reader, id, &app, &error));
  g_assert_no_error (error);
  for (int with_people = 0; with_people <= 1; with_people++)
    {
      g_autoptr(JsonNode) node = _anju_review_timeline (reader, &app, with_people, &error);
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *by_nodes = NULL;
      g_autofree char *by_text = NULL;

      g_assert_no_error (error);
      by_nodes = json_to_string (node, FALSE);
      g_assert_true (_anju_review_timeline_write (reader, &app, with_people, text, &error));
      g_assert_no_error (error);
      by_text = normalised (text->str);
      g_assert_cmpstr (by_text, ==, by_nodes);
    }
}

/* ---- plans ------------------------------------------------------------ */

/* The tables that grow with the city. */
static const char * const big_tables[] = {
  "workflow_tasks", "workflow_history", "workflow_instances", "pubrent_applications",
  "pubrent_members", "pubrent_application_files", "pubrent_publicity", "files", "users",
  NULL
};

/* The plan line of sql that scans a big table (by name or alias), or NULL;
 * aliases are taken as any word right after a big table's name. */
static char *
find_big_scan (AnjuDb     *reader,
               const char *sql)
{
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = anju_db_prepare (reader, explain, &error);
  g_auto(GStrv) words = g_regex_split_simple ("[^A-Za-z0-9_]+", sql, 0, 0);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  char *found = NULL;

  g_assert_no_error (error);
  for (guint i = 0; words[i] != NULL; i++)
    if (g_strv_contains (big_tables, words[i]))
      {
        g_ptr_array_add (names, words[i]);
        if (words[i + 1] != NULL)
          g_ptr_array_add (names, words[i + 1]);
      }
  while (found == NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 3);
      g_auto(GStrv) parts = g_strsplit (line, " ", 3);

      if (g_strv_length (parts) >= 2 && g_str_equal (parts[0], "SCAN"))
        for (guint i = 0; i < names->len; i++)
          if (g_str_equal (parts[1], g_ptr_array_index (names, i)))
            found = g_strdup (line);
    }
  sqlite3_reset (stmt);
  return found;
}

/* Zeroes the run counters of reader's statements, or checks the plan of
 * every one that ran since; returns how many it checked. */
static guint
check_statements (AnjuDb   *reader,
                  gboolean  reset)
{
  sqlite3 *handle = anju_db_get_handle (reader);
  g_autoptr(GPtrArray) ran = g_ptr_array_new_with_free_func (g_free);

  for (sqlite3_stmt *stmt = sqlite3_next_stmt (handle, NULL); stmt != NULL;
       stmt = sqlite3_next_stmt (handle, stmt))
    if (sqlite3_stmt_status (stmt, SQLITE_STMTSTATUS_RUN, TRUE) > 0 && !reset
        && !g_str_has_prefix (sqlite3_sql (stmt), "EXPLAIN"))
      g_ptr_array_add (ran, g_strdup (sqlite3_sql (stmt)));
  for (guint i = 0; i < ran->len; i++)
    {
      g_autofree char *scan = find_big_scan (reader, g_ptr_array_index (ran, i));

      if (scan != NULL)
        g_error ("a full scan of a big table: %s\nin: %s", scan,
                 (const char *) g_ptr_array_index (ran, i));
    }
  return ran->len;
}

/* ---- tests ------------------------------------------------------------ */

/* F-PRH-003: every application's detail and timeline, both ways, for
 * callers who see it in full and one who sees it masked. */
static void
test_detail_and_timeline (AnjuTestFixture *fixture,
                          gconstpointer    data G_GNUC_UNUSED)
{
  AnjuTestServer *srv = fixture->srv;
  g_autoptr(GError) error = NULL;
  g_autoptr(AnjuDb) reader = NULL;
  g_autoptr(GPtrArray) callers = g_ptr_array_new_with_free_func ((GDestroyNotify) anju_caller_free);
  g_autofree char *ids = NULL;
  g_auto(GStrv) id_list = NULL;
  AnjuCaller *outsider;
  guint masked = 0;
  guint in_full = 0;

  add_awkward_rows (srv);
  reader = anju_db_open_reader (anju_db_get_path (anju_server_get_db (srv->server)), &error);
  g_assert_no_error (error);
  g_ptr_array_add (callers, load_caller (srv, reader, "center"));
  g_ptr_array_add (callers, load_caller (srv, reader, "street_ypl"));
  g_ptr_array_add (callers, load_caller (srv, reader, "community_ypl"));
  /* Without pubrent.application.review and of no application's
   * organisation: every detail masked. */
  outsider = load_caller (srv, reader, "community_ypl");
  g_hash_table_remove_all (outsider->permissions);
  outsider->org_id = -1;
  g_ptr_array_add (callers, outsider);

  ids = anju_test_db_query (srv, "SELECT group_concat(id, ' ') FROM pubrent_applications");
  g_assert_nonnull (ids);
  id_list = g_strsplit (ids, " ", -1);
  g_assert_cmpuint (g_strv_length (id_list), >=, 3);

  check_statements (reader, TRUE);
  for (guint i = 0; id_list[i] != NULL; i++)
    {
      gint64 id = g_ascii_strtoll (id_list[i], NULL, 10);

      for (guint c = 0; c < callers->len; c++)
        {
          if (assert_same_detail (reader, g_ptr_array_index (callers, c), id))
            masked++;
          else
            in_full++;
        }
      assert_same_timeline (reader, id);
    }
  g_assert_cmpuint (masked, >=, g_strv_length (id_list));
  g_assert_cmpuint (in_full, >=, g_strv_length (id_list));
  g_assert_cmpuint (check_statements (reader, FALSE), >, 0);
}

/* The masked detail masks the applicant's, the agent's and the members'
 * ID numbers and phones, and nothing else. */
static void
test_detail_masked (AnjuTestFixture *fixture,
                    gconstpointer    data G_GNUC_UNUSED)
{
  AnjuTestServer *srv = fixture->srv;
  g_autoptr(GError) error = NULL;
  g_autoptr(AnjuDb) reader = NULL;
  g_autoptr(AnjuCaller) outsider = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *id = NULL;
  JsonObject *detail;
  JsonObject *member;

  add_awkward_rows (srv);
  reader = anju_db_open_reader (anju_db_get_path (anju_server_get_db (srv->server)), &error);
  g_assert_no_error (error);
  outsider = load_caller (srv, reader, "community_ypl");
  g_hash_table_remove_all (outsider->permissions);
  outsider->org_id = -1;
  id = anju_test_db_query (srv, "SELECT MIN(id) FROM pubrent_applications");
  g_assert_true (anju_application_detail_write (reader, outsider, g_ascii_strtoll (id, NULL, 10),
                                                FALSE, text, &error));
  g_assert_no_error (error);
  node = json_from_string (text->str, &error);
  g_assert_no_error (error);
  detail = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (detail, "agent_phone"), !=, "13800138000");
  g_assert_nonnull (strchr (json_object_get_string_member (detail, "agent_phone"), '*'));
  g_assert_nonnull (strchr (json_object_get_string_member (detail, "agent_id_no"), '*'));
  g_assert_nonnull (strchr (json_object_get_string_member (detail, "id_no"), '*'));
  g_assert_cmpstr (json_object_get_string_member (detail, "applicant_name"), ==, AWKWARD);
  member = json_array_get_object_element (json_object_get_array_member (detail, "members"), 0);
  g_assert_nonnull (strchr (json_object_get_string_member (member, "id_no"), '*'));
  g_assert_true (json_object_get_null_member (member, "phone"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (detail, "files")), ==, 2);
  g_assert_false (json_object_get_boolean_member (json_object_get_object_member (detail,
                                                                                 "prereview"),
                                                  "passed"));
}

static gint64
todo_total (AnjuTestServer *srv,
            const char     *token,
            const char     *query,
            guint          *out_items)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/todo?%s", query);
  guint status = 0;
  g_autoptr(JsonNode) page = anju_test_request (srv, token, "GET", path, NULL, &status);
  JsonObject *object;

  anju_assert_status (status, SOUP_STATUS_OK, page);
  object = json_node_get_object (page);

  *out_items = json_array_get_length (json_object_get_array_member (object, "items"));
  return json_object_get_int_member (object, "total");
}

/* F-PORTAL-005: the to-do's total, read from its page's rows, is the
 * same on every page and past the end (counted then). */
static void
test_todo_total (AnjuTestFixture *fixture,
                 gconstpointer    data G_GNUC_UNUSED)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *token = anju_test_login (srv, "street_ypl", ANJU_TEST_DEMO_PASSWORD);
  guint all, first, second, past, overdue_items;
  gint64 total = todo_total (srv, token, "page_size=100", &all);

  g_assert_cmpint (total, ==, all);
  g_assert_cmpint (total, >=, 2);
  g_assert_cmpint (todo_total (srv, token, "page_size=1", &first), ==, total);
  g_assert_cmpint (todo_total (srv, token, "page=2&page_size=1&sort=created", &second), ==, total);
  g_assert_cmpint (todo_total (srv, token, "page=500&page_size=1", &past), ==, total);
  g_assert_cmpuint (first, ==, 1);
  g_assert_cmpuint (second, ==, 1);
  g_assert_cmpuint (past, ==, 0);
  g_assert_cmpint (todo_total (srv, token, "page=500&overdue=true", &overdue_items), >=, 0);
  g_assert_cmpuint (overdue_items, ==, 0);
}

/* F-PORTAL-005: the to-do's page, counted in the same statement, searches
 * the caller's open tasks through their indexes in both orders. */
static void
test_todo_plans (AnjuTestFixture *fixture,
                 gconstpointer    data G_GNUC_UNUSED)
{
  AnjuDb *db = anju_server_get_db (fixture->srv->server);
  g_autoptr(GError) error = NULL;
  g_autoptr(AnjuDb) reader = anju_db_open_reader (anju_db_get_path (db), &error);
  g_autofree char *control = NULL;

  g_assert_no_error (error);
  for (int by_created = 0; by_created <= 1; by_created++)
    {
      const char *sql = _anju_workflow_todo_page_sql (by_created);
      g_autofree char *scan = find_big_scan (reader, sql);

      g_assert_nonnull (strstr (sql, "COUNT(*) OVER ()"));
      if (scan != NULL)
        g_error ("a full scan of a big table: %s\nin: %s", scan, sql);
    }
  /* The checker finds one. */
  control = find_big_scan (reader, "SELECT id FROM workflow_tasks t WHERE t.comment = ?1");
  g_assert_nonnull (control);
}

int
main (int   argc,
      char *argv[])
{
  anju_test_init (&argc, &argv);

  g_test_add ("/detail-text/F-PRH-003/detail-and-timeline", AnjuTestFixture, NULL,
              anju_test_fixture_set_up, test_detail_and_timeline, anju_test_fixture_tear_down);
  g_test_add ("/detail-text/F-PRH-003/masked", AnjuTestFixture, NULL,
              anju_test_fixture_set_up, test_detail_masked, anju_test_fixture_tear_down);
  g_test_add ("/detail-text/F-PORTAL-005/todo-total", AnjuTestFixture, NULL,
              anju_test_fixture_set_up, test_todo_total, anju_test_fixture_tear_down);
  g_test_add ("/detail-text/F-PORTAL-005/todo-plans", AnjuTestFixture, NULL,
              anju_test_fixture_set_up, test_todo_plans, anju_test_fixture_tear_down);
  return g_test_run ();
}
