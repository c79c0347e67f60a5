/* test-db-checkpointer.c: WAL checkpoints off the main loop (issue 7,
 * writes).
 *
 * The writer's commits wake the checkpointer's thread, which copies the
 * WAL back into the database; the writer steps in itself only when the
 * WAL passes its limit, so the file stays bounded; every committed row is
 * still there after the connections close; and freeing the checkpointer
 * gives the writer SQLite's own checkpoints back.  No timing: the test
 * waits for the thread to settle, and looks at sizes and counts.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "anju-db-checkpointer.h"
#include "anju-test-tmp-db.h"

#define THRESHOLD 16
#define LIMIT     64
#define COMMITS   2000

typedef struct
{
  char *path;   /* (owned) */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->path = anju_test_tmp_db_new ("anju-checkpointer");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  anju_test_tmp_db_remove (g_steal_pointer (&fixture->path));
}

static void
insert_rows (AnjuDb *db,
             guint   first,
             guint   count)
{
  for (guint i = first; i < first + count; i++)
    {
      g_autoptr(GError) error = NULL;
      sqlite3_stmt *stmt = anju_db_prepare (db, "INSERT INTO t (id, body) VALUES (?1, ?2)",
                                            &error);
      g_autofree char *body = g_strnfill (200, 'a' + i % 26);

      g_assert_no_error (error);
      sqlite3_bind_int64 (stmt, 1, i);
      anju_db_bind_text (stmt, 2, body);
      /* One transaction per row: one WAL hook call each. */
      anju_db_step_done (db, stmt, &error);
      g_assert_no_error (error);
    }
}

static gint64
wal_frames (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf st;

  if (g_stat (wal, &st) != 0 || st.st_size < 32)
    return 0;
  /* A 32-byte header, then 24 bytes and a page per frame. */
  return (st.st_size - 32) / (24 + 4096);
}

static gint64
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? st.st_size : 0;
}

static gint64
count_rows (AnjuDb *db)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = anju_db_prepare (db, "SELECT COUNT(*) FROM t", &error);
  gint64 count = 0;

  g_assert_no_error (error);
  anju_db_step_count (db, stmt, &count, &error);
  g_assert_no_error (error);
  return count;
}

static AnjuDb *
open_with_table (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnjuDb) db = anju_db_open (path, &error);

  g_assert_no_error (error);
  anju_db_exec (db, "PRAGMA page_size=4096;"
                    "CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, body TEXT NOT NULL);"
                    "CREATE INDEX IF NOT EXISTS t_body ON t (body);",
                &error);
  g_assert_no_error (error);
  return g_steal_pointer (&db);
}

/* Frames in the WAL as another connection finds them. */
static int
wal_log_frames (const char *path)
{
  sqlite3 *handle = NULL;
  int log = -1;
  int copied = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "SELECT COUNT(*) FROM sqlite_schema", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_wal_checkpoint_v2 (handle, NULL, SQLITE_CHECKPOINT_PASSIVE, &log,
                                              &copied),
                   ==, SQLITE_OK);
  sqlite3_close (handle);
  return log;
}

/* Once the writes pause, the thread has copied every frame, so the next
 * write starts the WAL over from its beginning; nothing committed is
 * lost when the connections close. */
static void
test_checkpointer_wal_starts_over (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnjuDb) db = open_with_table (fixture->path);
  g_autoptr(AnjuDbCheckpointer) checkpointer = anju_db_checkpointer_new (db, THRESHOLD, 1000000,
                                                                        &error);

  g_assert_no_error (error);
  insert_rows (db, 1, COMMITS);
  g_assert_cmpuint (anju_db_checkpointer_settle (checkpointer), >, 0);
  insert_rows (db, COMMITS + 1, 1);
  /* One commit's few pages, not the thousands before it. */
  g_assert_cmpint (wal_log_frames (fixture->path), <, THRESHOLD);

  g_clear_pointer (&checkpointer, anju_db_checkpointer_free);
  g_clear_object (&db);
  db = open_with_table (fixture->path);
  g_assert_cmpint (count_rows (db), ==, COMMITS + 1);
}

/* Past the limit the writer copies itself, so a WAL the thread is
 * seldom woken for (its threshold is just below the limit) stays near
 * the limit instead of holding every commit's pages: 20,000 commits of
 * at least two pages each.  (Near: while a pass of the thread copies,
 * the writer cannot, and the frames of that time come on top.) */
static void
test_checkpointer_bounds_wal (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnjuDb) db = open_with_table (fixture->path);
  g_autoptr(AnjuDbCheckpointer) checkpointer = anju_db_checkpointer_new (db, LIMIT - 1, LIMIT,
                                                                        &error);

  g_assert_no_error (error);
  insert_rows (db, 1, 10 * COMMITS);
  anju_db_checkpointer_settle (checkpointer);
  g_assert_cmpint (wal_frames (fixture->path), <, 5 * COMMITS);
  g_assert_cmpint (count_rows (db), ==, 10 * COMMITS);
}

/* With a limit the writer never reaches, only the thread can have
 * copied the rows into the database file. */
static void
test_checkpointer_copies_in_thread (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnjuDb) db = open_with_table (fixture->path);
  g_autoptr(AnjuDbCheckpointer) checkpointer = anju_db_checkpointer_new (db, THRESHOLD, 1000000,
                                                                        &error);
  gint64 before = file_size (fixture->path);

  g_assert_no_error (error);
  insert_rows (db, 1, COMMITS);
  g_assert_cmpuint (anju_db_checkpointer_settle (checkpointer), >, 0);
  /* 2,000 rows of 200 bytes, twice (table and index). */
  g_assert_cmpint (file_size (fixture->path) - before, >, 2 * COMMITS * 200);
}

/* Below the threshold the thread is never woken. */
static void
test_checkpointer_waits_for_threshold (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnjuDb) db = open_with_table (fixture->path);
  g_autoptr(AnjuDbCheckpointer) checkpointer = anju_db_checkpointer_new (db, 100000, 200000,
                                                                        &error);

  g_assert_no_error (error);
  insert_rows (db, 1, 50);
  g_assert_cmpuint (anju_db_checkpointer_settle (checkpointer), ==, 0);
  g_assert_cmpint (wal_frames (fixture->path), >=, 50);
}

/* Freed, the checkpointer leaves the writer with SQLite's own
 * checkpoints: the WAL no longer grows past SQLite's 1,000 frames. */
static void
test_checkpointer_free_restores_autocheckpoint (Fixture       *fixture,
                                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnjuDb) db = open_with_table (fixture->path);
  AnjuDbCheckpointer *checkpointer = anju_db_checkpointer_new (db, 100000, 200000, &error);

  g_assert_no_error (error);
  anju_db_checkpointer_free (checkpointer);
  insert_rows (db, 1, COMMITS);
  g_assert_cmpint (wal_frames (fixture->path), <, 1100);
  g_assert_cmpint (count_rows (db), ==, COMMITS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/db/checkpointer/wal-starts-over", Fixture, NULL,
              fixture_set_up, test_checkpointer_wal_starts_over, fixture_tear_down);
  g_test_add ("/db/checkpointer/bounds-wal", Fixture, NULL,
              fixture_set_up, test_checkpointer_bounds_wal, fixture_tear_down);
  g_test_add ("/db/checkpointer/copies-in-thread", Fixture, NULL,
              fixture_set_up, test_checkpointer_copies_in_thread, fixture_tear_down);
  g_test_add ("/db/checkpointer/waits-for-threshold", Fixture, NULL,
              fixture_set_up, test_checkpointer_waits_for_threshold, fixture_tear_down);
  g_test_add ("/db/checkpointer/free-restores-autocheckpoint", Fixture, NULL,
              fixture_set_up, test_checkpointer_free_restores_autocheckpoint,
              fixture_tear_down);
  return g_test_run ();
}
