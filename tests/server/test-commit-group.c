/* test-commit-group.c: group commit on the server's writing connection
 * (server/core/anju-commit-group.h, issue 7, writes).
 *
 * The writes of held request handlers share one COMMIT on the next turn
 * of the main loop; until then no other connection sees them and their
 * waiters have not run.  A write that fails rolls back only its own
 * savepoint; a COMMIT that fails loses the whole group, and says so to
 * every waiter.  Through HTTPS: a write whose COMMIT fails is answered
 * with an error, never with the success its handler wrote, and leaves
 * nothing behind.  No timing anywhere: the tests count rows and COMMITs.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "anju-commit-group.h"
#include "anju-db.h"
#include "anju-test-identity.h"
#include "anju-test-tmp-db.h"

typedef struct
{
  char   *path;    /* (owned) */
  AnjuDb *db;      /* (owned) with a group */
} Fixture;

typedef struct
{
  guint   calls;
  GError *error;   /* (owned) (nullable) the last call's */
} Waited;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->path = anju_test_tmp_db_new ("anju-commit-group");
  fixture->db = anju_db_open (fixture->path, &error);
  g_assert_no_error (error);
  anju_db_exec (fixture->db,
                "CREATE TABLE parent (id INTEGER PRIMARY KEY);"
                "INSERT INTO parent VALUES (1);"
                "CREATE TABLE t (id INTEGER PRIMARY KEY,"
                " parent_id INTEGER REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED)",
                &error);
  g_assert_no_error (error);
  anju_db_enable_group_commit (fixture->db, GPOINTER_TO_UINT (data) != 0
                                            ? GPOINTER_TO_UINT (data) : 64);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->db);
  anju_test_tmp_db_remove (g_steal_pointer (&fixture->path));
}

static AnjuCommitGroup *
group_of (Fixture *fixture)
{
  return anju_db_get_commit_group (fixture->db);
}

/* Rows of t as another connection sees them: what is committed. */
static char *
committed_ids (Fixture *fixture)
{
  return anju_test_sqlite_query (fixture->path,
                                 "SELECT COALESCE (group_concat (id, ','), '') FROM"
                                 " (SELECT id FROM t ORDER BY id)");
}

static gboolean
insert_row (Fixture *fixture,
            gint64   id,
            gint64   parent_id,
            GError **error)
{
  sqlite3_stmt *stmt = anju_db_prepare (fixture->db,
                                        "INSERT INTO t (id, parent_id) VALUES (?1, ?2)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, parent_id);
  return anju_db_step_done (fixture->db, stmt, error);
}

static void
waited_cb (const GError *error,
           gpointer      user_data)
{
  Waited *waited = user_data;

  waited->calls++;
  g_clear_error (&waited->error);
  if (error != NULL)
    waited->error = g_error_copy (error);
}

/* One request handler's write, as anju-server.c runs it: held, and when
 * its commit waits for the group, a waiter for that COMMIT.  Returns the
 * number of commits deferred. */
static guint
held_write (Fixture *fixture,
            gint64   id,
            gint64   parent_id,
            Waited  *waited)
{
  AnjuCommitGroup *group = group_of (fixture);
  g_autoptr(GError) error = NULL;
  guint deferred;

  anju_commit_group_hold (group);
  g_assert_true (anju_db_begin (fixture->db, &error));
  g_assert_no_error (error);
  g_assert_true (anju_db_in_write (fixture->db));
  g_assert_true (insert_row (fixture, id, parent_id, &error));
  g_assert_no_error (error);
  g_assert_true (anju_db_commit (fixture->db, &error));
  g_assert_no_error (error);
  g_assert_false (anju_db_in_write (fixture->db));
  deferred = anju_commit_group_release (group);
  if (deferred > 0 && anju_commit_group_pending (group))
    anju_commit_group_when_committed (group, waited_cb, waited, NULL);
  return deferred;
}

static void
run_loop_until_committed (Fixture *fixture)
{
  while (anju_commit_group_pending (group_of (fixture)))
    g_main_context_iteration (NULL, TRUE);
}

/* Two held writes: neither is seen nor answered before the loop turns,
 * then one COMMIT has both. */
static void
test_shared_commit (Fixture       *fixture,
                    gconstpointer  data)
{
  AnjuCommitGroup *group = group_of (fixture);
  Waited first = { 0, }, second = { 0, };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint64 commits = anju_commit_group_get_commits (group);

  g_assert_cmpuint (held_write (fixture, 1, 1, &first), ==, 1);
  g_assert_cmpuint (held_write (fixture, 2, 1, &second), ==, 1);
  before = committed_ids (fixture);
  g_assert_cmpstr (before, ==, "");
  g_assert_cmpuint (first.calls + second.calls, ==, 0);
  g_assert_cmpuint (anju_commit_group_get_commits (group), ==, commits);

  run_loop_until_committed (fixture);
  after = committed_ids (fixture);
  g_assert_cmpstr (after, ==, "1,2");
  g_assert_cmpuint (anju_commit_group_get_commits (group), ==, commits + 1);
  g_assert_cmpuint (first.calls, ==, 1);
  g_assert_cmpuint (second.calls, ==, 1);
  g_assert_no_error (first.error);
  g_assert_no_error (second.error);
}

/* A failed request rolls back its own write, not the group's others. */
static void
test_rollback_own (Fixture       *fixture,
                   gconstpointer  data)
{
  AnjuCommitGroup *group = group_of (fixture);
  Waited first = { 0, };
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;

  held_write (fixture, 1, 1, &first);

  anju_commit_group_hold (group);
  g_assert_true (anju_db_begin (fixture->db, &error));
  g_assert_true (insert_row (fixture, 2, 1, &error));
  /* The same key again: the request fails half-way. */
  g_assert_false (insert_row (fixture, 2, 1, &error));
  g_assert_error (error, ANJU_ERROR, ANJU_ERROR_CONFLICT);
  anju_db_rollback (fixture->db);
  g_assert_false (anju_db_in_write (fixture->db));
  g_assert_cmpuint (anju_commit_group_release (group), ==, 0);

  run_loop_until_committed (fixture);
  after = committed_ids (fixture);
  g_assert_cmpstr (after, ==, "1");
  g_assert_cmpuint (first.calls, ==, 1);
  g_assert_no_error (first.error);
}

/* A write outside any handler (a sweep, a thread's late answer) commits
 * at once, with what waits. */
static void
test_unheld_commits_now (Fixture       *fixture,
                         gconstpointer  data)
{
  AnjuCommitGroup *group = group_of (fixture);
  Waited first = { 0, };
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  guint64 commits = anju_commit_group_get_commits (group);

  held_write (fixture, 1, 1, &first);
  g_assert_true (anju_db_begin (fixture->db, &error));
  g_assert_true (insert_row (fixture, 2, 1, &error));
  g_assert_true (anju_db_commit (fixture->db, &error));
  g_assert_no_error (error);

  after = committed_ids (fixture);
  g_assert_cmpstr (after, ==, "1,2");
  g_assert_false (anju_commit_group_pending (group));
  g_assert_cmpuint (anju_commit_group_get_commits (group), ==, commits + 1);
  g_assert_cmpuint (first.calls, ==, 1);
}

/* The write that fills the group commits it (the fixture's bound is 3). */
static void
test_max_writes (Fixture       *fixture,
                 gconstpointer  data)
{
  AnjuCommitGroup *group = group_of (fixture);
  Waited waited[3] = { { 0, }, };
  g_autofree char *after = NULL;
  guint64 commits = anju_commit_group_get_commits (group);

  g_assert_cmpuint (held_write (fixture, 1, 1, &waited[0]), ==, 1);
  g_assert_cmpuint (held_write (fixture, 2, 1, &waited[1]), ==, 1);
  g_assert_cmpuint (held_write (fixture, 3, 1, &waited[2]), ==, 0);

  after = committed_ids (fixture);
  g_assert_cmpstr (after, ==, "1,2,3");
  g_assert_cmpuint (anju_commit_group_get_commits (group), ==, commits + 1);
  g_assert_cmpuint (waited[0].calls, ==, 1);
  g_assert_cmpuint (waited[1].calls, ==, 1);
  g_assert_cmpuint (waited[2].calls, ==, 0);
}

/* A transaction inside a transaction is still refused. */
static void
test_nested_refused (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (anju_db_begin (fixture->db, &error));
  g_assert_false (anju_db_begin (fixture->db, &error));
  g_assert_error (error, ANJU_ERROR, ANJU_ERROR_DATABASE);
  anju_db_rollback (fixture->db);
  g_assert_false (anju_db_in_write (fixture->db));
}

/* A deferred foreign key fails only at COMMIT: the whole group is lost,
 * every waiter hears it, and the next group works. */
static void
test_failed_commit (Fixture       *fixture,
                    gconstpointer  data)
{
  AnjuCommitGroup *group = group_of (fixture);
  Waited good = { 0, }, bad = { 0, };
  g_autoptr(GError) error = NULL;
  g_autofree char *lost = NULL;
  g_autofree char *kept = NULL;

  held_write (fixture, 1, 1, &good);
  held_write (fixture, 2, 99, &bad);
  g_test_expect_message ("anju-server", G_LOG_LEVEL_WARNING,
                         "A group of writes was not saved: *FOREIGN KEY*");
  run_loop_until_committed (fixture);
  g_test_assert_expected_messages ();

  g_assert_cmpuint (good.calls, ==, 1);
  g_assert_cmpuint (bad.calls, ==, 1);
  g_assert_error (good.error, ANJU_ERROR, ANJU_ERROR_CONFLICT);
  g_assert_error (bad.error, ANJU_ERROR, ANJU_ERROR_CONFLICT);
  g_assert_true (sqlite3_get_autocommit (anju_db_get_handle (fixture->db)));
  lost = committed_ids (fixture);
  g_assert_cmpstr (lost, ==, "");

  g_clear_error (&good.error);
  g_clear_error (&bad.error);
  held_write (fixture, 3, 1, &good);
  g_assert_true (anju_commit_group_flush (group, &error));
  g_assert_no_error (error);
  kept = committed_ids (fixture);
  g_assert_cmpstr (kept, ==, "3");
  g_assert_cmpuint (good.calls, ==, 2);
  g_assert_no_error (good.error);
}

/* Closing the connection commits what waits. */
static void
test_close_commits (Fixture       *fixture,
                    gconstpointer  data)
{
  Waited waited = { 0, };
  g_autofree char *after = NULL;

  held_write (fixture, 1, 1, &waited);
  g_clear_object (&fixture->db);

  after = committed_ids (fixture);
  g_assert_cmpstr (after, ==, "1");
  g_assert_cmpuint (waited.calls, ==, 1);
  g_assert_no_error (waited.error);
}

/* ---- through HTTPS ---------------------------------------------------- */

static JsonNode *
post_organisation (AnjuTestFixture *fixture,
                   const char      *name,
                   guint           *out_status)
{
  gint64 center = anju_test_center_id (fixture->srv, fixture->admin);

  return anju_test_requestf (fixture->srv, fixture->admin, "POST", "/api/v1/organisations",
                             out_status,
                             "{\"name\":\"%s\",\"kind\":\"enterprise_property\","
                             "\"parent_id\":%" G_GINT64_FORMAT "}", name, center);
}

/* The handler has written its 201 when the group's COMMIT fails (a
 * deferred foreign key a trigger breaks): the client must get an error
 * instead, and nothing of the request (row, audit) may be left. */
static void
test_http_failed_commit (AnjuTestFixture *fixture,
                         gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autoptr(JsonNode) refused = NULL;
  g_autoptr(JsonNode) created = NULL;
  g_autofree char *organisations = NULL;
  g_autofree char *audit = NULL;
  g_autofree char *organisations_after = NULL;
  g_autofree char *audit_after = NULL;
  g_autofree char *found = NULL;
  guint status = 0;

  g_free (anju_test_db_query (srv, "CREATE TABLE commit_trap (org_id INTEGER"
                                   " REFERENCES organisations (id) DEFERRABLE INITIALLY DEFERRED)"));
  g_free (anju_test_db_query (srv, "CREATE TRIGGER commit_trap AFTER INSERT ON organisations"
                                   " WHEN NEW.name = '提交失败物业' BEGIN"
                                   " INSERT INTO commit_trap VALUES (-1); END"));
  organisations = anju_test_db_dump (srv, "organisations");
  audit = anju_test_db_query (srv, "SELECT COUNT(*) FROM audit_log");

  g_test_expect_message ("anju-server", G_LOG_LEVEL_WARNING,
                         "A group of writes was not saved: *FOREIGN KEY*");
  refused = post_organisation (fixture, "提交失败物业", &status);
  g_test_assert_expected_messages ();
  anju_assert_error (status, refused, SOUP_STATUS_INTERNAL_SERVER_ERROR, "internal_error");
  organisations_after = anju_test_db_dump (srv, "organisations");
  audit_after = anju_test_db_query (srv, "SELECT COUNT(*) FROM audit_log");
  g_assert_cmpstr (organisations_after, ==, organisations);
  g_assert_cmpstr (audit_after, ==, audit);

  /* The next write is a group of its own, and its answer comes only
   * once another connection can read it. */
  created = post_organisation (fixture, "提交成功物业", &status);
  anju_assert_status (status, SOUP_STATUS_CREATED, created);
  found = anju_test_db_query (srv, "SELECT COUNT(*) FROM organisations"
                                   " WHERE name = '提交成功物业'");
  g_assert_cmpstr (found, ==, "1");
}

int
main (int    argc,
      char **argv)
{
  anju_test_init (&argc, &argv);

  g_test_add ("/commit-group/shared-commit", Fixture, NULL,
              fixture_set_up, test_shared_commit, fixture_tear_down);
  g_test_add ("/commit-group/rollback-own", Fixture, NULL,
              fixture_set_up, test_rollback_own, fixture_tear_down);
  g_test_add ("/commit-group/unheld-commits-now", Fixture, NULL,
              fixture_set_up, test_unheld_commits_now, fixture_tear_down);
  g_test_add ("/commit-group/max-writes", Fixture, GUINT_TO_POINTER (3),
              fixture_set_up, test_max_writes, fixture_tear_down);
  g_test_add ("/commit-group/nested-refused", Fixture, NULL,
              fixture_set_up, test_nested_refused, fixture_tear_down);
  g_test_add ("/commit-group/failed-commit", Fixture, NULL,
              fixture_set_up, test_failed_commit, fixture_tear_down);
  g_test_add ("/commit-group/close-commits", Fixture, NULL,
              fixture_set_up, test_close_commits, fixture_tear_down);
  g_test_add ("/commit-group/http-failed-commit", AnjuTestFixture, NULL,
              anju_test_fixture_set_up, test_http_failed_commit, anju_test_fixture_tear_down);

  return g_test_run ();
}
