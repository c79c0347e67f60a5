/* test-backup.c: online backup while the API keeps writing, and restore
 * (anju-server backup FILE / restore FILE, server/core/anju-db.h). */

#include <glib/gstdio.h>
#include <string.h>

#include "anju-audit.h"
#include "anju-test-cli.h"
#include "anju-test-identity.h"

/* How many organisations the writer makes; enough that the backup lands
 * in the middle of the stream, few enough to stay quick under ASan. */
#define WRITER_COUNT 60
/* Rows the writer must have made before the backup starts. */
#define WRITER_HEAD_START 5

typedef struct
{
  AnjuTestServer *srv;
  const char     *token;
  gint64          center;

  GMutex          lock;
  GCond           cond;
  guint           created;     /* (locked) */
  guint           failed_status; /* (locked) first non-201, or 0 */
} Writer;

static gpointer
writer_thread_func (gpointer data)
{
  Writer *writer = data;
  g_autoptr(SoupSession) session = anju_test_server_new_session (writer->srv);

  for (guint i = 0; i < WRITER_COUNT; i++)
    {
      g_autofree char *body = g_strdup_printf ("{\"name\":\"并发供应商%03u\",\"kind\":\"supplier\","
                                               "\"parent_id\":%" G_GINT64_FORMAT "}",
                                               i, writer->center);
      g_autoptr(JsonNode) reply = NULL;
      guint status = 0;

      reply = anju_test_request_with_session (writer->srv, session, writer->token, "POST",
                                              "/api/v1/organisations", body, &status);

      g_mutex_lock (&writer->lock);
      if (status == SOUP_STATUS_CREATED)
        writer->created++;
      else if (writer->failed_status == 0)
        writer->failed_status = status;
      g_cond_signal (&writer->cond);
      g_mutex_unlock (&writer->lock);

      if (status != SOUP_STATUS_CREATED)
        break;
    }

  return NULL;
}

static guint
writer_get_created (Writer *writer)
{
  guint created;

  g_mutex_lock (&writer->lock);
  created = writer->created;
  g_mutex_unlock (&writer->lock);

  return created;
}

static void
writer_wait_for (Writer *writer,
                 guint   count)
{
  g_mutex_lock (&writer->lock);
  while (writer->created < count && writer->failed_status == 0)
    g_cond_wait (&writer->cond, &writer->lock);
  g_mutex_unlock (&writer->lock);
}

static gint64
count_rows (const char *path,
            const char *table,
            const char *where)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE %s", table, where);
  g_autofree char *text = anju_test_sqlite_query (path, sql);

  return g_ascii_strtoll (text, NULL, 10);
}

static void
assert_quick_check (const char *path)
{
  g_autofree char *result = anju_test_sqlite_query (path, "PRAGMA quick_check");

  g_assert_cmpstr (result, ==, "ok");
}

/* The tables the writer does not touch are identical in both files. */
static void
assert_same_tables (const char *live,
                    const char *copy)
{
  static const char * const tables[] = { "roles", "role_permissions", "users", "user_roles", NULL };

  for (guint i = 0; tables[i] != NULL; i++)
    {
      g_autofree char *a = anju_test_sqlite_dump (live, tables[i]);
      g_autofree char *b = anju_test_sqlite_dump (copy, tables[i]);

      g_assert_cmpstr (a, ==, b);
    }
}

/* Every organisation in the copy is exactly as it is in the live file:
 * the copy is a prefix of the writer's stream, not a torn mix. */
static void
assert_orgs_prefix (const char *live,
                    const char *copy)
{
  g_autofree char *max_id = anju_test_sqlite_query (copy, "SELECT max(id) FROM organisations");
  g_autofree char *where = g_strdup_printf ("id <= %s", max_id);
  g_autofree char *copy_dump = anju_test_sqlite_dump (copy, "organisations");
  g_autofree char *count_sql = g_strdup_printf ("SELECT count(*) FROM organisations WHERE %s", where);
  g_autofree char *live_count = anju_test_sqlite_query (live, count_sql);
  g_autofree char *copy_count = anju_test_sqlite_query (copy, "SELECT count(*) FROM organisations");
  g_autofree char *live_dump = NULL;
  g_autoptr(GString) prefix = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;

  g_assert_cmpstr (live_count, ==, copy_count);

  /* The live dump's lines up to the copy's last id, in rowid order. */
  live_dump = anju_test_sqlite_dump (live, "organisations");
  lines = g_strsplit (live_dump, "\n", -1);
  for (guint i = 0; lines[i] != NULL && i < g_ascii_strtoull (copy_count, NULL, 10); i++)
    g_string_append_printf (prefix, "%s\n", lines[i]);
  g_assert_cmpstr (prefix->str, ==, copy_dump);
}

static GBytes *
load_key (const char *path)
{
  g_autoptr(GError) error = NULL;
  GBytes *key = anju_audit_load_key (path, &error);

  g_assert_no_error (error);
  return key;
}

static void
assert_chain_intact (const char *database_path,
                     const char *key_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnjuDb) db = anju_db_open (database_path, &error);
  g_autoptr(GBytes) key = load_key (key_path);
  gint64 checked = 0;
  gint64 broken = 0;

  g_assert_no_error (error);
  anju_audit_verify (db, key, &checked, &broken, &error);
  g_assert_no_error (error);
  g_assert_cmpint (broken, ==, 0);
  g_assert_cmpint (checked, >, 0);
}

typedef struct
{
  const char *database_path;
  const char *audit_key_path;
} Existing;

static void
use_existing_database (AnjuConfig *config,
                       gpointer    data)
{
  const Existing *existing = data;

  g_free (config->database_path);
  config->database_path = g_strdup (existing->database_path);
  g_free (config->audit_key_file);
  config->audit_key_file = g_strdup (existing->audit_key_path);
}

/* A server on the restored file serves what the backup held. */
static void
assert_serves (const char *database_path,
               const char *audit_key_path,
               gint64      expected_orgs)
{
  Existing existing = { database_path, audit_key_path };
  AnjuTestServer *srv = anju_test_server_start_with (FALSE, use_existing_database, &existing);
  g_autofree char *admin = anju_test_login (srv, "admin", ANJU_TEST_DEMO_PASSWORD);
  g_autoptr(JsonNode) orgs = NULL;
  guint status = 0;

  orgs = anju_test_request (srv, admin, "GET", "/api/v1/organisations?page_size=1", NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, orgs);
  g_assert_cmpint (anju_test_json_int (orgs, "total"), ==, expected_orgs);

  anju_test_server_stop (srv);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (from, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents_full (to, contents, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error);
  g_assert_no_error (error);
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_cmpint (g_remove (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* anju_db_backup_to from a connection of its own while another thread
 * keeps creating organisations through the API. */
static void
test_online_backup (AnjuTestFixture *fixture,
                    gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("anju-backup-XXXXXX", &error);
  g_autofree char *dest = g_build_filename (dir, "backup.db", NULL);
  g_autofree char *key_copy = g_build_filename (dir, "audit.key", NULL);
  g_autofree char *key_path = anju_config_get_audit_key_path (srv->config);
  g_autoptr(AnjuDb) db = NULL;
  g_autoptr(GThread) thread = NULL;
  const char *live = srv->config->database_path;
  gint64 baseline = count_rows (live, "organisations", "kind = 'supplier'");
  gint64 in_copy;
  guint created_before, created_after;
  Writer writer = { srv, fixture->admin, anju_test_center_id (srv, fixture->admin), };

  g_assert_no_error (error);
  g_mutex_init (&writer.lock);
  g_cond_init (&writer.cond);

  thread = g_thread_new ("api-writer", writer_thread_func, &writer);
  writer_wait_for (&writer, WRITER_HEAD_START);

  db = anju_db_open (live, &error);
  g_assert_no_error (error);
  created_before = writer_get_created (&writer);
  anju_db_backup_to (db, dest, &error);
  created_after = writer_get_created (&writer);
  g_assert_no_error (error);
  g_clear_object (&db);

  g_thread_join (g_steal_pointer (&thread));
  g_assert_cmpuint (writer.failed_status, ==, 0);
  g_assert_cmpuint (writer.created, ==, WRITER_COUNT);
  g_mutex_clear (&writer.lock);
  g_cond_clear (&writer.cond);

  /* The copy is a consistent snapshot from the middle of the stream. */
  assert_quick_check (dest);
  in_copy = count_rows (dest, "organisations", "kind = 'supplier'") - baseline;
  g_test_message ("writer had made %u to %u during the backup; the copy holds %" G_GINT64_FORMAT,
                  created_before, created_after, in_copy);
  g_assert_cmpint (in_copy, >=, created_before);
  g_assert_cmpint (in_copy, <=, created_after + 1);
  assert_same_tables (live, dest);
  assert_orgs_prefix (live, dest);

  /* Its audit chain is whole: the snapshot cut between transactions. */
  copy_file (key_path, key_copy);
  assert_chain_intact (dest, key_copy);

  /* Restore: the copy is a database a server runs on. */
  assert_serves (dest, key_copy, count_rows (dest, "organisations", "1"));

  /* The server made its certificate beside the restored database. */
  remove_dir (dir);
}

/* anju-server backup FILE against the running server's database, then
 * restore FILE into another installation. */
static void
test_cli_backup_restore (AnjuTestFixture *fixture,
                         gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("anju-cli-backup-XXXXXX", &error);
  g_autofree char *live_key = anju_config_get_audit_key_path (srv->config);
  g_autofree char *key_copy = g_build_filename (dir, "audit.key", NULL);
  g_autofree char *backup = g_build_filename (dir, "backup.db", NULL);
  g_autofree char *target = g_build_filename (dir, "anju.db", NULL);
  g_autofree char *live_config = NULL;
  g_autofree char *target_config = NULL;
  g_autofree char *live_orgs = NULL;
  g_autofree char *restored_orgs = NULL;
  g_autofree char *target_before = NULL;
  g_autofree char *target_after = NULL;
  gint64 center = anju_test_center_id (srv, fixture->admin);
  gint64 marker;

  g_assert_no_error (error);
  copy_file (live_key, key_copy);

  marker = anju_test_create_org (srv, fixture->admin, center, "supplier", "备份前的供应商");
  {
    g_autofree char *live_dir = g_build_filename (dir, "live", NULL);
    g_autoptr(AnjuCliResult) result = NULL;

    g_assert_cmpint (g_mkdir (live_dir, 0700), ==, 0);
    live_config = anju_test_write_config (live_dir, srv->config->database_path, key_copy, NULL);
    result = anju_test_run_cli (live_config, NULL, "backup", backup, NULL);
    g_assert_cmpint (result->exit_status, ==, 0);
    g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
    assert_quick_check (backup);
  }

  /* Written after the backup: must not come back with a restore. */
  anju_test_create_org (srv, fixture->admin, center, "supplier", "备份后的供应商");
  live_orgs = anju_test_sqlite_dump (backup, "organisations");
  {
    g_autofree char *marker_sql = g_strdup_printf ("id = %" G_GINT64_FORMAT, marker);

    g_assert_cmpint (count_rows (backup, "organisations", marker_sql), ==, 1);
    g_assert_cmpint (count_rows (backup, "organisations", "name = '备份后的供应商'"), ==, 0);
  }

  /* A second installation, initialised empty, takes the backup. */
  target_config = anju_test_write_config (dir, target, key_copy, NULL);
  {
    g_autoptr(AnjuCliResult) init = anju_test_run_cli (target_config, NULL, "init", NULL);

    g_assert_cmpint (init->exit_status, ==, 0);
  }

  /* Refused: something that is not a backup.  The target is untouched. */
  target_before = anju_test_sqlite_dump (target, "organisations");
  {
    g_autoptr(AnjuCliResult) wrong = anju_test_run_cli (target_config, NULL, "restore", target_config, NULL);
    g_autofree char *missing = g_build_filename (dir, "no-such-backup.db", NULL);
    g_autoptr(AnjuCliResult) absent = anju_test_run_cli (target_config, NULL, "restore", missing, NULL);

    g_assert_cmpint (wrong->exit_status, !=, 0);
    g_assert_cmpstr (wrong->err, !=, "");
    g_assert_cmpint (absent->exit_status, !=, 0);
    g_assert_nonnull (strstr (absent->err, "no-such-backup.db"));
  }
  target_after = anju_test_sqlite_dump (target, "organisations");
  g_assert_cmpstr (target_before, ==, target_after);

  {
    g_autoptr(AnjuCliResult) restore = anju_test_run_cli (target_config, NULL, "restore", backup, NULL);

    g_assert_cmpint (restore->exit_status, ==, 0);
  }
  assert_quick_check (target);
  restored_orgs = anju_test_sqlite_dump (target, "organisations");
  g_assert_cmpstr (restored_orgs, ==, live_orgs);
  assert_same_tables (backup, target);

  {
    g_autoptr(AnjuCliResult) verify = anju_test_run_cli (target_config, NULL, "verify-audit", NULL);

    g_assert_cmpint (verify->exit_status, ==, 0);
  }

  assert_serves (target, key_copy, count_rows (backup, "organisations", "1"));

  /* Clean up everything the commands and the server left, including the
   * copy restore keeps of the database it replaced. */
  {
    g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
    const char *name;
    gboolean kept_previous = FALSE;

    while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
      kept_previous |= g_str_has_prefix (name, "anju.db.before-restore-");
    g_assert_true (kept_previous);
  }
  {
    g_autofree char *live_dir = g_build_filename (dir, "live", NULL);

    remove_dir (live_dir);
  }
  remove_dir (dir);
}

static void
add_fixture_test (const char *path,
                  void      (*func) (AnjuTestFixture *, gconstpointer))
{
  g_test_add (path, AnjuTestFixture, NULL,
              anju_test_fixture_set_up, func, anju_test_fixture_tear_down);
}

int
main (int    argc,
      char **argv)
{
  anju_test_init (&argc, &argv);

  add_fixture_test ("/backup/online-while-writing", test_online_backup);
  add_fixture_test ("/backup/cli-backup-restore", test_cli_backup_restore);

  return g_test_run ();
}
