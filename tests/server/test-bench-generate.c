/* test-bench-generate.c: the benchmark's data generator (issue 7,
 * bench/generate/) at its tiny size: deterministic for a seed, valid ID
 * numbers, every application status, households within bounds, an
 * audit chain the server verifies (F-PORTAL-021), and a real server on
 * the result answering the unit list (F-PRH-012) and an application
 * search (F-PRH-008 …) for a generated street user.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>

#include "anju-audit.h"
#include "anju-bench-generate.h"
#include "anju-bench-sizes.h"
#include "anju-db.h"
#include "anju-id-number.h"
#include "anju-test-identity.h"
#include "anju-test-server.h"

#define SEED 20261101

/* The tables the generator fills whose contents must repeat. */
static const char * const main_tables[] = {
  "organisations", "users", "user_roles", "pubrent_projects", "pubrent_buildings",
  "pubrent_units", "pubrent_unit_changes", "pubrent_applications", "pubrent_members",
  "pubrent_application_changes", "workflow_instances", "workflow_tasks", "workflow_history",
  "pubrent_publicity", "audit_log",
};

/* One tiny database, generated once and only read by the tests. */
typedef struct
{
  char *dir;
  char *path;
} Generated;

static void
generate_into (const char *dir,
               guint64     seed,
               char      **out_path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "anju.db", NULL);
  AnjuBenchOptions options = {
    .size = "tiny",
    .seed = seed,
    .database_path = path,
    .quiet = TRUE,
  };

  anju_bench_generate (&options, NULL, &error);
  g_assert_no_error (error);
  *out_path = g_steal_pointer (&path);
}

static char *
new_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("anju-bench-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static AnjuDb *
open_generated (const Generated *generated)
{
  g_autoptr(GError) error = NULL;
  AnjuDb *db = anju_db_open (generated->path, &error);

  g_assert_no_error (error);
  return db;
}

static gint64
query_int (AnjuDb     *db,
           const char *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = anju_db_prepare (db, sql, &error);
  gint64 value = 0;

  g_assert_no_error (error);
  anju_db_step_count (db, stmt, &value, &error);
  g_assert_no_error (error);
  sqlite3_reset (stmt);
  return value;
}

/* ---- determinism ----------------------------------------------------- */

static void
test_deterministic (gconstpointer data)
{
  const Generated *generated = data;
  g_autofree char *same_dir = new_tmp_dir ();
  g_autofree char *other_dir = new_tmp_dir ();
  g_autofree char *same = NULL;
  g_autofree char *other = NULL;
  guint differing = 0;

  generate_into (same_dir, SEED, &same);
  generate_into (other_dir, SEED + 1, &other);

  for (guint i = 0; i < G_N_ELEMENTS (main_tables); i++)
    {
      g_autofree char *first = anju_test_sqlite_dump (generated->path, main_tables[i]);
      g_autofree char *again = anju_test_sqlite_dump (same, main_tables[i]);
      g_autofree char *different = anju_test_sqlite_dump (other, main_tables[i]);

      g_test_message ("%s: %zu bytes", main_tables[i], strlen (first));
      g_assert_cmpuint (strlen (first), >, 0);
      g_assert_cmpstr (first, ==, again);
      if (g_strcmp0 (first, different) != 0)
        differing++;
    }
  /* Another seed: other people, other times, other hashes. */
  {
    g_autofree char *members = anju_test_sqlite_dump (generated->path, "pubrent_members");
    g_autofree char *other_members = anju_test_sqlite_dump (other, "pubrent_members");

    g_assert_cmpstr (members, !=, other_members);
  }
  g_assert_cmpuint (differing, >=, G_N_ELEMENTS (main_tables) - 1);

  remove_dir (same_dir);
  remove_dir (other_dir);
}

/* ---- contents -------------------------------------------------------- */

static void
assert_id_number (const char *id_no,
                  const char *birth_date,
                  const char *gender)
{
  g_autoptr(GError) error = NULL;
  GDate date;
  char text[11];

  anju_id_number_validate (id_no, &error);
  g_assert_no_error (error);
  if (birth_date != NULL)
    {
      g_assert_true (anju_id_number_get_birth_date (id_no, &date));
      g_snprintf (text, sizeof text, "%04d-%02d-%02d", g_date_get_year (&date),
                  g_date_get_month (&date), g_date_get_day (&date));
      g_assert_cmpstr (text, ==, birth_date);
    }
  if (gender != NULL)
    g_assert_cmpint (anju_id_number_get_sex (id_no), ==,
                     g_str_equal (gender, "female") ? ANJU_SEX_FEMALE : ANJU_SEX_MALE);
}

static void
test_id_numbers (gconstpointer data)
{
  g_autoptr(AnjuDb) db = open_generated (data);
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  guint checked = 0;

  stmt = anju_db_prepare (db, "SELECT id_no, birth_date, gender FROM pubrent_members"
                              " UNION ALL SELECT id_no, NULL, NULL FROM pubrent_applications",
                          &error);
  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      assert_id_number ((const char *) sqlite3_column_text (stmt, 0),
                        (const char *) sqlite3_column_text (stmt, 1),
                        (const char *) sqlite3_column_text (stmt, 2));
      checked++;
    }
  sqlite3_reset (stmt);
  g_assert_cmpuint (checked, >, 330);
}

static void
test_every_status (gconstpointer data)
{
  g_autoptr(AnjuDb) db = open_generated (data);
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  guint statuses = 0;

  /* The schema's list of statuses is its code table. */
  stmt = anju_db_prepare (db, "SELECT c.code, (SELECT COUNT(*) FROM pubrent_applications a"
                              "  WHERE a.status = c.code)"
                              " FROM pubrent_codes c WHERE c.code_set = 'status'",
                          &error);
  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_test_message ("%s: %d", sqlite3_column_text (stmt, 0), sqlite3_column_int (stmt, 1));
      g_assert_cmpint (sqlite3_column_int (stmt, 1), >, 0);
      statuses++;
    }
  sqlite3_reset (stmt);
  g_assert_cmpuint (statuses, ==, 11);

  /* A status that implies a process has one, in the matching state. */
  g_assert_cmpint (query_int (db, "SELECT COUNT(*) FROM pubrent_applications a"
                                  " WHERE a.status IN ('street_review', 'street_publicity',"
                                  " 'center_review') AND NOT EXISTS (SELECT 1 FROM"
                                  " workflow_instances w WHERE w.record_id = a.id"
                                  " AND w.state = 'running')"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT COUNT(*) FROM pubrent_applications a"
                                  " WHERE a.status IN ('draft', 'prereview_failed', 'closed')"
                                  " AND EXISTS (SELECT 1 FROM workflow_instances w"
                                  " WHERE w.record_id = a.id)"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT COUNT(*) FROM pubrent_applications a"
                                  " WHERE a.status = 'street_publicity' AND NOT EXISTS"
                                  " (SELECT 1 FROM pubrent_publicity p WHERE p.application_id = a.id"
                                  " AND p.kind = 'street' AND p.closed_at IS NULL)"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT COUNT(*) FROM pubrent_applications"
                                  " WHERE status = 'confirmed' AND confirmed_at IS NULL"), ==, 0);
  /* Five years of business time, nothing after the base time. */
  g_assert_cmpint (query_int (db, "SELECT MAX(updated_at) FROM pubrent_applications"), <=,
                   ANJU_BENCH_BASE_TIME);
  g_assert_cmpint (query_int (db, "SELECT MIN(created_at) FROM pubrent_applications"), <,
                   ANJU_BENCH_BASE_TIME - 3 * 365 * 86400);
}

static void
test_members (gconstpointer data)
{
  g_autoptr(AnjuDb) db = open_generated (data);

  g_assert_cmpint (query_int (db, "SELECT COUNT(*) FROM pubrent_applications"), ==, 330);
  g_assert_cmpint (query_int (db, "SELECT MIN(n) FROM (SELECT COUNT(m.id) AS n"
                                  " FROM pubrent_applications a LEFT JOIN pubrent_members m"
                                  " ON m.application_id = a.id GROUP BY a.id)"), >=, 1);
  g_assert_cmpint (query_int (db, "SELECT MAX(n) FROM (SELECT COUNT(*) AS n"
                                  " FROM pubrent_members GROUP BY application_id)"), <=,
                   ANJU_BENCH_MAX_HOUSEHOLD);
  /* Each household's size is its members, the first of whom applies. */
  g_assert_cmpint (query_int (db, "SELECT COUNT(*) FROM pubrent_applications a"
                                  " WHERE a.household_size != (SELECT COUNT(*) FROM"
                                  " pubrent_members m WHERE m.application_id = a.id)"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT COUNT(*) FROM pubrent_members m"
                                  " JOIN pubrent_applications a ON a.id = m.application_id"
                                  " WHERE m.position = 0 AND (m.relation != 'self'"
                                  " OR m.id_no != a.id_no)"), ==, 0);
}

static void
test_audit_chain (gconstpointer data)
{
  const Generated *generated = data;
  g_autoptr(AnjuDb) db = open_generated (generated);
  g_autoptr(GError) error = NULL;
  g_autofree char *key_path = g_build_filename (generated->dir, "audit.key", NULL);
  g_autoptr(GBytes) key = anju_audit_load_key (key_path, &error);
  gint64 checked = 0;
  gint64 broken = 0;

  g_assert_no_error (error);
  anju_audit_verify (db, key, &checked, &broken, &error);
  g_assert_no_error (error);
  g_assert_cmpint (broken, ==, 0);
  g_assert_cmpint (checked, ==, query_int (db, "SELECT COUNT(*) FROM audit_log"));
  g_assert_cmpint (checked, >, 1000);
}

/* ---- a server on it --------------------------------------------------- */

static void
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (from, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents_full (to, contents, (gssize) length, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                            &error);
  g_assert_no_error (error);
}

/* The server's own database and key are copies of the generated ones:
 * the server writes (sessions, audit rows) and the other tests read. */
static void
use_generated (AnjuConfig *config,
               gpointer    data)
{
  const Generated *generated = data;
  g_autofree char *dir = g_path_get_dirname (config->database_path);
  g_autofree char *key_from = g_build_filename (generated->dir, "audit.key", NULL);
  g_autofree char *key_to = g_build_filename (dir, "audit.key", NULL);

  copy_file (generated->path, config->database_path);
  copy_file (key_from, key_to);
}

static void
test_server_answers (gconstpointer data)
{
  const Generated *generated = data;
  AnjuTestServer *srv = anju_test_server_start_with (FALSE, use_generated, (gpointer) generated);
  g_autofree char *token = anju_test_login (srv, "street_ypl", ANJU_BENCH_PASSWORD);
  g_autoptr(JsonNode) units = anju_test_get_ok (srv, token,
                                                 "/api/v1/pubrent/units?page=1&page_size=20");
  g_autofree char *name = NULL;
  g_autofree char *id_text = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *search_path = NULL;
  g_autoptr(JsonNode) found = NULL;
  JsonArray *items;
  gboolean seen = FALSE;

  g_assert_cmpint (json_object_get_int_member (json_node_get_object (units), "total"), ==, 400);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (units),
                                                                         "items")), ==, 20);

  /* An application entered by one of the street's communities. */
  name = anju_test_sqlite_query (srv->config->database_path,
                                 "SELECT a.applicant_name FROM pubrent_applications a"
                                 " JOIN organisations o ON o.id = a.org_id"
                                 " JOIN users u ON u.username = 'street_ypl'"
                                 " JOIN organisations s ON s.id = u.org_id"
                                 " WHERE substr (o.path, 1, length (s.path)) = s.path"
                                 " ORDER BY a.id LIMIT 1");
  id_text = anju_test_sqlite_query (srv->config->database_path,
                                    "SELECT a.id FROM pubrent_applications a"
                                    " JOIN organisations o ON o.id = a.org_id"
                                    " JOIN users u ON u.username = 'street_ypl'"
                                    " JOIN organisations s ON s.id = u.org_id"
                                    " WHERE substr (o.path, 1, length (s.path)) = s.path"
                                    " ORDER BY a.id LIMIT 1");
  g_assert_nonnull (name);
  escaped = g_uri_escape_string (name, NULL, FALSE);
  search_path = g_strdup_printf ("/api/v1/pubrent/applications?q=%s", escaped);
  found = anju_test_get_ok (srv, token, search_path);
  items = json_object_get_array_member (json_node_get_object (found), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    if (json_object_get_int_member (json_array_get_object_element (items, i), "id")
        == g_ascii_strtoll (id_text, NULL, 10))
      seen = TRUE;
  g_assert_true (seen);

  anju_test_server_stop (srv);
}

int
main (int    argc,
      char **argv)
{
  Generated generated = { 0, };
  int result;

  anju_test_init (&argc, &argv);

  generated.dir = new_tmp_dir ();
  generate_into (generated.dir, SEED, &generated.path);

  g_test_add_data_func ("/bench/generate/deterministic", &generated, test_deterministic);
  g_test_add_data_func ("/bench/generate/id-numbers", &generated, test_id_numbers);
  g_test_add_data_func ("/bench/generate/every-status", &generated, test_every_status);
  g_test_add_data_func ("/bench/generate/members", &generated, test_members);
  g_test_add_data_func ("/bench/generate/audit-chain", &generated, test_audit_chain);
  g_test_add_data_func ("/bench/generate/server-answers", &generated, test_server_answers);
  result = g_test_run ();

  remove_dir (generated.dir);
  g_free (generated.dir);
  g_free (generated.path);
  return result;
}
