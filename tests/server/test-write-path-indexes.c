/* test-write-path-indexes.c: migration 0023 (issue 7, writes).
 *
 * The indexes no query reads are gone from audit_log and
 * workflow_instances; the done list's and the to-do assignee's indexes
 * keep only the rows those lists can find, and SQLite still chooses
 * them; a database migrated from schema 22 (the one before it) keeps its rows; and the
 * schema's constraints still fail a bad value with the same error.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "anju-db.h"
#include "anju-test-tmp-db.h"

/* The indexes of schema 22 that 0023, 0024, 0026 and 0027 drop or
 * rebuild, as 0001, 0005, 0010 and 0017 made them. */
static const char schema_22_indexes[] =
  "DROP INDEX pubrent_applications_name_summary;"
  "CREATE INDEX pubrent_applications_name ON pubrent_applications (applicant_name);"
  "DROP INDEX pubrent_units_project_state_summary;"
  "CREATE INDEX pubrent_units_project_state_order ON pubrent_units (project_id, state, unit_no);"
  "DROP INDEX workflow_tasks_done_by;"
  "DROP INDEX workflow_tasks_open_assignee;"
  "CREATE INDEX audit_log_at ON audit_log (at);"
  "CREATE INDEX audit_log_actor ON audit_log (actor);"
  "CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);"
  "CREATE INDEX workflow_instances_org ON workflow_instances (org_id);"
  "CREATE INDEX workflow_instances_submitter ON workflow_instances (submitter_id);"
  "CREATE INDEX workflow_tasks_open_assignee ON workflow_tasks (assignee_id) WHERE state = 'open';"
  "CREATE INDEX workflow_tasks_done_by ON workflow_tasks (done_by, done_at);"
  "PRAGMA user_version=22;";

/* An instance with an open task of a role, a transferred open task and
 * a done one, and two audit rows (the chain itself is test-audit's). */
static const char rows[] =
  "INSERT INTO organisations (id, parent_id, name, kind, path, created_at, updated_at)"
  " VALUES (900, NULL, 'Org', 'center', '/900/', 0, 0);"
  "INSERT INTO users (id, username, name, org_id, password_hash, created_at, updated_at)"
  " VALUES (900, 'u900', 'U', 900, 'x', 0, 0);"
  "INSERT INTO workflow_instances (id, template_id, domain, record_id, record_label, org_id,"
  " state, created_at, updated_at)"
  " SELECT 900, id, 'test', 1, 'Record', 900, 'running', 0, 0 FROM workflow_templates LIMIT 1;"
  "INSERT INTO workflow_tasks (id, instance_id, step_key, step_name, kind, role, org_id,"
  " assignee_id, state, created_at, done_at, done_by) VALUES"
  " (901, 900, 's', 'S', 'review', 'street_staff', 900, NULL, 'open', 0, NULL, NULL),"
  " (902, 900, 's', 'S', 'review', 'street_staff', 900, NULL, 'open', 0, NULL, NULL),"
  " (903, 900, 's', 'S', 'review', 'street_staff', 900, NULL, 'done', 0, 5, NULL);"
  "INSERT INTO audit_log (id, at, actor, action, entity, prev_hmac, hmac) VALUES"
  " (9001, 1, 'a', 'x', 'e', '', 'h1'), (9002, 2, 'a', 'x', 'e', 'h1', 'h2');";

typedef struct
{
  char   *path;   /* (owned) */
  AnjuDb *db;     /* (owned) */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->path = anju_test_tmp_db_new ("anju-write-indexes");
  fixture->db = anju_db_open (fixture->path, &error);
  g_assert_no_error (error);
  anju_db_migrate (fixture->db, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->db);
  anju_test_tmp_db_remove (g_steal_pointer (&fixture->path));
}

/* The index's CREATE statement, or NULL when there is none. */
static char *
index_sql (AnjuDb     *db,
           const char *name)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = anju_db_prepare (db, "SELECT sql FROM sqlite_schema"
                                            " WHERE type = 'index' AND name = ?1",
                                        &error);

  g_assert_no_error (error);
  anju_db_bind_text (stmt, 1, name);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return anju_db_column_dup (stmt, 0);
}

static char *
query_plan (AnjuDb     *db,
            const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  sqlite3_stmt *stmt = anju_db_prepare (db, explain, &error);
  g_autoptr(GString) plan = g_string_new (NULL);

  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (plan, "%s\n", (const char *) sqlite3_column_text (stmt, 3));
  return g_string_free (g_steal_pointer (&plan), FALSE);
}

static gint64
count (AnjuDb     *db,
       const char *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = anju_db_prepare (db, sql, &error);
  gint64 n = -1;

  g_assert_no_error (error);
  anju_db_step_count (db, stmt, &n, &error);
  g_assert_no_error (error);
  return n;
}

static void
assert_write_path_indexes (AnjuDb *db)
{
  static const char * const dropped[] = {
    "audit_log_at", "audit_log_actor", "audit_log_entity",
    "workflow_instances_org", "workflow_instances_submitter", NULL
  };
  g_autofree char *done_by = index_sql (db, "workflow_tasks_done_by");
  g_autofree char *assignee = index_sql (db, "workflow_tasks_open_assignee");
  g_autofree char *template = index_sql (db, "workflow_instances_template");

  for (guint i = 0; dropped[i] != NULL; i++)
    {
      g_autofree char *sql = index_sql (db, dropped[i]);

      g_assert_null (sql);
    }
  g_assert_nonnull (template);
  g_assert_nonnull (done_by);
  g_assert_nonnull (strstr (done_by, "WHERE done_by IS NOT NULL"));
  g_assert_nonnull (assignee);
  g_assert_nonnull (strstr (assignee, "WHERE state = 'open' AND assignee_id IS NOT NULL"));
  g_assert_cmpint (anju_db_get_schema_version (db), ==, anju_db_get_latest_version ());
}

static void
test_schema (Fixture       *fixture,
             gconstpointer  data)
{
  assert_write_path_indexes (fixture->db);
}

/* The lists that read the two partial indexes still do. */
static void
test_plans (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *done = query_plan (fixture->db,
                                      "SELECT t.id FROM workflow_tasks t"
                                      " WHERE t.state = 'done' AND t.done_by = ?1"
                                      " ORDER BY t.done_at DESC, t.id DESC LIMIT 20");
  g_autofree char *assigned = query_plan (fixture->db,
                                          "SELECT t.id FROM workflow_tasks t"
                                          " INDEXED BY workflow_tasks_open_assignee"
                                          " WHERE t.state = 'open' AND t.assignee_id = ?1");

  g_assert_nonnull (strstr (done, "USING INDEX workflow_tasks_done_by (done_by=?)"));
  g_assert_nonnull (strstr (assigned, "USING INDEX workflow_tasks_open_assignee (assignee_id=?)"));
}

/* From schema 22 with rows: every row is still there and still found
 * through the indexes that remain. */
static void
test_from_schema_22 (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  anju_db_exec (fixture->db, schema_22_indexes, &error);
  g_assert_no_error (error);
  anju_db_exec (fixture->db, rows, &error);
  g_assert_no_error (error);
  anju_db_exec (fixture->db, "UPDATE workflow_tasks SET assignee_id = 900 WHERE id = 902;"
                             "UPDATE workflow_tasks SET done_by = 900 WHERE id = 903;",
                &error);
  g_assert_no_error (error);
  g_assert_cmpint (anju_db_get_schema_version (fixture->db), ==, 22);

  anju_db_migrate (fixture->db, &error);
  g_assert_no_error (error);
  assert_write_path_indexes (fixture->db);
  g_assert_cmpint (count (fixture->db, "SELECT COUNT(*) FROM audit_log WHERE id >= 9001"), ==, 2);
  g_assert_cmpint (count (fixture->db, "SELECT COUNT(*) FROM workflow_tasks WHERE instance_id = 900"),
                   ==, 3);
  g_assert_cmpint (count (fixture->db, "SELECT COUNT(*) FROM workflow_tasks"
                                       " INDEXED BY workflow_tasks_open_assignee"
                                       " WHERE state = 'open' AND assignee_id = 900"),
                   ==, 1);
  g_assert_cmpint (count (fixture->db, "SELECT COUNT(*) FROM workflow_tasks"
                                       " INDEXED BY workflow_tasks_done_by WHERE done_by = 900"),
                   ==, 1);
  g_assert_cmpint (count (fixture->db, "SELECT COUNT(*) FROM workflow_tasks"
                                       " INDEXED BY workflow_tasks_open_org_role"
                                       " WHERE state = 'open' AND org_id = 900"
                                       " AND role = 'street_staff'"),
                   ==, 2);
  anju_db_exec (fixture->db, "PRAGMA integrity_check", &error);
  g_assert_no_error (error);
}

/* The CHECK constraints were left alone: a bad state still fails as a
 * conflict, naming the check. */
static void
test_constraints (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  anju_db_exec (fixture->db, rows, &error);
  g_assert_no_error (error);
  anju_db_exec (fixture->db, "UPDATE workflow_tasks SET state = 'lost' WHERE id = 901", &error);
  g_assert_error (error, ANJU_ERROR, ANJU_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "CHECK constraint failed: state IN ('open', 'done', 'cancelled')"));
  g_clear_error (&error);
  anju_db_exec (fixture->db, "UPDATE workflow_instances SET state = 'lost' WHERE id = 900", &error);
  g_assert_error (error, ANJU_ERROR, ANJU_ERROR_CONFLICT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/db/write-path-indexes/schema", Fixture, NULL,
              fixture_set_up, test_schema, fixture_tear_down);
  g_test_add ("/db/write-path-indexes/plans", Fixture, NULL,
              fixture_set_up, test_plans, fixture_tear_down);
  g_test_add ("/db/write-path-indexes/from-schema-22", Fixture, NULL,
              fixture_set_up, test_from_schema_22, fixture_tear_down);
  g_test_add ("/db/write-path-indexes/constraints", Fixture, NULL,
              fixture_set_up, test_constraints, fixture_tear_down);
  return g_test_run ();
}
