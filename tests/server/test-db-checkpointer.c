/* test-db-checkpointer.c: the writer's WAL checkpointed by a thread of
 * its own (server/core/anju-db-checkpointer.h, issue 7 point 5).
 *
 * No timing: the test waits on the checkpointer's count of runs, and
 * reads what SQLite itself says of the WAL and of the database file.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "anju-db-checkpointer.h"

#define ROW_BYTES 4000

typedef struct
{
  char   *dir;
  char   *path;
  AnjuDb *db;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("anju-checkpoint-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "anju.db", NULL);
  fixture->db = anju_db_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (anju_db_exec (fixture->db, "CREATE TABLE t (id INTEGER PRIMARY KEY, b BLOB)",
                               &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);

  g_clear_object (&fixture->db);
  g_unlink (wal);
  g_unlink (shm);
  g_unlink (fixture->path);
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* n transactions of one row of about a page each. */
static void
write_rows (AnjuDb *db,
            guint   n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (anju_db_exec (db, "INSERT INTO t (b) VALUES (zeroblob(" G_STRINGIFY (ROW_BYTES)
                                   "))", &error));
      g_assert_no_error (error);
    }
}

/* Pages of the database file itself, not counting the WAL. */
static gint64
file_pages (const char *path)
{
  GStatBuf buf;

  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  return buf.st_size / 4096;
}

/* The WAL past its limit wakes the thread, which copies it into the
 * database file; the writer itself never does. */
static void
test_checkpoints_in_thread (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnjuDbCheckpointer) checkpointer = anju_db_checkpointer_new (fixture->db, 20, &error);
  gint64 before;

  g_assert_no_error (error);
  before = file_pages (fixture->path);

  /* Under the limit: nothing to do, the rows are in the WAL only. */
  write_rows (fixture->db, 5);
  g_assert_cmpint (file_pages (fixture->path), ==, before);

  write_rows (fixture->db, 30);
  g_assert_cmpuint (anju_db_checkpointer_wait_runs (checkpointer, 1), >=, 1);
  g_assert_cmpint (file_pages (fixture->path), >=, before + 20);
}

/* Without a checkpointer the writer's own auto-checkpoint is back. */
static void
test_free_restores_autocheckpoint (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  AnjuDbCheckpointer *checkpointer = anju_db_checkpointer_new (fixture->db, 1000000, &error);
  gint64 before;

  g_assert_no_error (error);
  anju_db_checkpointer_free (checkpointer);
  before = file_pages (fixture->path);

  /* Past SQLite's 1000 pages: the commit that crosses it checkpoints. */
  write_rows (fixture->db, ANJU_DB_CHECKPOINT_PAGES + 10);
  g_assert_cmpint (file_pages (fixture->path), >=, before + ANJU_DB_CHECKPOINT_PAGES);
}

/* A checkpointer and its thread go with the server's connection; two
 * at once each have their own. */
static void
test_two_writers (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *other_path = g_build_filename (fixture->dir, "other.db", NULL);
  g_autofree char *other_wal = g_strconcat (other_path, "-wal", NULL);
  g_autofree char *other_shm = g_strconcat (other_path, "-shm", NULL);
  g_autoptr(AnjuDb) other = anju_db_open (other_path, &error);
  g_autoptr(AnjuDbCheckpointer) first = NULL;
  g_autoptr(AnjuDbCheckpointer) second = NULL;

  g_assert_no_error (error);
  g_assert_true (anju_db_exec (other, "CREATE TABLE t (id INTEGER PRIMARY KEY, b BLOB)", &error));
  first = anju_db_checkpointer_new (fixture->db, 10, &error);
  g_assert_no_error (error);
  second = anju_db_checkpointer_new (other, 10, &error);
  g_assert_no_error (error);

  write_rows (other, 15);
  g_assert_cmpuint (anju_db_checkpointer_wait_runs (second, 1), >=, 1);
  write_rows (fixture->db, 15);
  g_assert_cmpuint (anju_db_checkpointer_wait_runs (first, 1), >=, 1);

  g_clear_pointer (&second, anju_db_checkpointer_free);
  g_clear_object (&other);
  g_unlink (other_wal);
  g_unlink (other_shm);
  g_unlink (other_path);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/db/checkpointer/in-thread", Fixture, NULL, fixture_set_up,
              test_checkpoints_in_thread, fixture_tear_down);
  g_test_add ("/db/checkpointer/free", Fixture, NULL, fixture_set_up,
              test_free_restores_autocheckpoint, fixture_tear_down);
  g_test_add ("/db/checkpointer/two-writers", Fixture, NULL, fixture_set_up,
              test_two_writers, fixture_tear_down);

  return g_test_run ();
}
