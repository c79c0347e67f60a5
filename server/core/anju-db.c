#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "anju-commit-group.h"
#include "anju-db.h"
#include "anju-error.h"
#include "anju-server-resources.h"
#include "anju-str-hash.h"

#define MIGRATIONS_PATH "/org/anju/server/sql/"
#define BUSY_TIMEOUT_MS 5000

/* The writer's page cache, in KiB (PRAGMA cache_size takes it negated):
 * at city size the interior pages of every index a write touches, and
 * the right-hand leaves the new rows go to, stay in memory instead of
 * being read again (pread) by nearly every statement.  SQLite's default
 * is 2 MiB. */
#define WRITER_CACHE_KIB 65536

/* A reader's (each database worker thread has one): a list's page reads
 * one table row per item, at city size each on a page of its own (two
 * applications a page), and the first pages of the lists people look at
 * are hundreds of such pages.  With SQLite's 2 MiB they were read again
 * (pread) by almost every request: 0.45 ms per first page of the
 * application list by status, 0.1-0.14 ms with 8 MiB.  Five readers
 * (two lanes of [database] worker_threads = 2, record_threads = 1)
 * keep at most 40 MiB. */
#define READER_CACHE_KIB 8192

/* Heap that glibc keeps after a free instead of handing it back to the
 * kernel (M_TRIM_THRESHOLD), and the size from which it maps a block of
 * its own (M_MMAP_THRESHOLD).  The threshold holds for every malloc
 * arena, and glibc makes one per thread up to eight per core: with the
 * worker's readers, the export and the checkpointer each keeping 32 MiB
 * the city run's server grew to 351 MB.  Four arenas of 8 MiB kept it
 * at 191 MB; with two, the readers' list pages looked 10-50 % dearer
 * in CPU (noisy runs: bench/RESULTS.md). */
#define KEEP_HEAP_BYTES (8 * 1024 * 1024)
#define MMAP_FROM_BYTES (4 * 1024 * 1024)
#define MALLOC_ARENAS 4

struct _AnjuDb
{
  GObject     parent_instance;

  sqlite3    *handle;       /* (owned) */
  char       *path;
  GHashTable *statements;   /* (owned) SQL text → (owned) sqlite3_stmt */
  AnjuCommitGroup *group;   /* (owned) (nullable) */
  guint64     rollbacks;    /* writes rolled back, for anju_db_get_rollbacks() */
};

G_DEFINE_FINAL_TYPE (AnjuDb, anju_db, G_TYPE_OBJECT)

static void
anju_db_finalize (GObject *object)
{
  AnjuDb *self = ANJU_DB (object);

  /* The last group commits while the connection is there; statements
   * must go before it can close. */
  g_clear_pointer (&self->group, anju_commit_group_free);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->handle != NULL)
    sqlite3_close (self->handle);
  g_free (self->path);

  G_OBJECT_CLASS (anju_db_parent_class)->finalize (object);
}

static void
anju_db_class_init (AnjuDbClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = anju_db_finalize;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
anju_db_init (AnjuDb *self)
{
  self->statements = g_hash_table_new_full (anju_str_hash, g_str_equal, g_free,
                                            finalize_statement);
}

void
anju_db_set_error (AnjuDb  *self,
                   GError **error)
{
  int code = sqlite3_extended_errcode (self->handle);

  if ((code & 0xff) == SQLITE_CONSTRAINT)
    g_set_error (error, ANJU_ERROR, ANJU_ERROR_CONFLICT,
                 _("The change conflicts with existing data: %s"),
                 sqlite3_errmsg (self->handle));
  else
    g_set_error (error, ANJU_ERROR, ANJU_ERROR_DATABASE,
                 _("Database error: %s"), sqlite3_errmsg (self->handle));
}

gboolean
anju_db_exec (AnjuDb      *self,
              const char  *sql,
              GError     **error)
{
  g_return_val_if_fail (ANJU_IS_DB (self), FALSE);

  if (sqlite3_exec (self->handle, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      anju_db_set_error (self, error);
      return FALSE;
    }
  return TRUE;
}

/* Every CHECK (x IN (…three or more values…)) and partial index
 * "WHERE state IN (…)" of the schema makes SQLite build a small
 * ephemeral b-tree (with its own pager and about 90 KiB of page cache)
 * for each row a statement writes, and free it again when the statement
 * ends.  With glibc's defaults that freed memory at the top of the heap
 * goes back to the kernel (brk) at once and is faulted in again by the
 * next statement; on a multi-core machine each shrink costs a TLB
 * shootdown on every CPU.  Measured on a submit: a third of the
 * server's CPU.  Keeping a few MiB of heap is cheap next to that.  It is
 * a setting of the process, the same for every connection, so it is
 * applied again harmlessly by each anju_db_open(). */
static void
keep_freed_heap (void)
{
#ifdef __GLIBC__
  mallopt (M_MMAP_THRESHOLD, MMAP_FROM_BYTES);
  mallopt (M_TRIM_THRESHOLD, KEEP_HEAP_BYTES);
  mallopt (M_ARENA_MAX, MALLOC_ARENAS);
#endif
}

/* SQLite counts every allocation of the process under one global mutex
 * unless told not to, and nothing here reads the counts
 * (sqlite3_memory_used()): the reader threads and the main loop waited on
 * each other for it under the city detail scenario.  A process setting,
 * which SQLite takes only before its first connection: later calls fail
 * harmlessly (SQLITE_MISUSE). */
static void
configure_sqlite (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
      g_once_init_leave (&done, 1);
    }
}

static gboolean
configure_connection (AnjuDb  *self,
                      GError **error)
{
  g_autofree char *cache_size = g_strdup_printf ("PRAGMA cache_size=-%d;", WRITER_CACHE_KIB);

  sqlite3_busy_timeout (self->handle, BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (self->handle, 1);

  /* WAL lets backups and readers run beside the writer; NORMAL only risks
   * the last commits on power loss, never corruption.  A group commit's
   * savepoints (anju-commit-group.h) keep the pages each write changes in
   * a statement journal, which SQLite spills to a temporary file past
   * 64 KiB: a fifth of the main loop in pwrite() under the city submit
   * scenario.  In memory it is a few hundred KiB per request. */
  return anju_db_exec (self,
                       "PRAGMA journal_mode=WAL;"
                       "PRAGMA synchronous=NORMAL;"
                       "PRAGMA foreign_keys=ON;"
                       "PRAGMA temp_store=MEMORY;",
                       error)
         && anju_db_exec (self, cache_size, error);
}

AnjuDb *
anju_db_open (const char  *path,
              GError     **error)
{
  g_autoptr(AnjuDb) self = NULL;
  g_autofree char *dir = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  keep_freed_heap ();
  configure_sqlite ();
  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_DATABASE,
                   /* Translators: %1$s is a directory, %2$s the reason */
                   _("Cannot create the directory %1$s: %2$s"), dir, g_strerror (errno));
      return NULL;
    }

  self = g_object_new (ANJU_TYPE_DB, NULL);
  self->path = g_strdup (path);
  rc = sqlite3_open_v2 (path, &self->handle,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_DATABASE,
                   /* Translators: %1$s is a file, %2$s the reason */
                   _("Cannot open the database %1$s: %2$s"), path,
                   self->handle != NULL ? sqlite3_errmsg (self->handle) : sqlite3_errstr (rc));
      return NULL;
    }

  if (!configure_connection (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

AnjuDb *
anju_db_open_reader (const char  *path,
                     GError     **error)
{
  g_autoptr(AnjuDb) self = NULL;
  g_autofree char *cache_size = g_strdup_printf ("PRAGMA cache_size=-%d;", READER_CACHE_KIB);
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  configure_sqlite ();
  self = g_object_new (ANJU_TYPE_DB, NULL);
  self->path = g_strdup (path);
  rc = sqlite3_open_v2 (path, &self->handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_DATABASE,
                   /* Translators: %1$s is a file, %2$s the reason */
                   _("Cannot open the database %1$s: %2$s"), path,
                   self->handle != NULL ? sqlite3_errmsg (self->handle) : sqlite3_errstr (rc));
      return NULL;
    }

  /* WAL is a property of the file, set by the writer; a reader only
   * needs to wait rather than fail while a checkpoint holds a lock. */
  sqlite3_busy_timeout (self->handle, BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (self->handle, 1);
  if (!anju_db_exec (self, "PRAGMA foreign_keys=ON; PRAGMA query_only=ON;", error)
      || !anju_db_exec (self, cache_size, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
anju_db_get_path (AnjuDb *self)
{
  return self->path;
}

sqlite3 *
anju_db_get_handle (AnjuDb *self)
{
  g_return_val_if_fail (ANJU_IS_DB (self), NULL);
  return self->handle;
}

sqlite3_stmt *
anju_db_prepare (AnjuDb      *self,
                 const char  *sql,
                 GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ANJU_IS_DB (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      anju_db_set_error (self, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
anju_db_step_done (AnjuDb        *self,
                   sqlite3_stmt  *stmt,
                   GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return TRUE;
    }

  anju_db_set_error (self, error);
  sqlite3_reset (stmt);
  return FALSE;
}

gboolean
anju_db_exec_with_id (AnjuDb      *self,
                      const char  *sql,
                      gint64       id,
                      GError     **error)
{
  sqlite3_stmt *stmt = anju_db_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return anju_db_step_done (self, stmt, error);
}

gboolean
anju_db_step_row (AnjuDb         *self,
                  sqlite3_stmt   *stmt,
                  AnjuErrorCode   missing_code,
                  const char     *missing_message,
                  GError        **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    g_set_error_literal (error, ANJU_ERROR, missing_code, missing_message);
  else
    anju_db_set_error (self, error);
  return FALSE;
}

gboolean
anju_db_step_id (AnjuDb        *self,
                 sqlite3_stmt  *stmt,
                 gint64        *out_id,
                 GError       **error)
{
  int rc = sqlite3_step (stmt);

  *out_id = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      anju_db_set_error (self, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
anju_db_step_count (AnjuDb        *self,
                    sqlite3_stmt  *stmt,
                    gint64        *out_count,
                    GError       **error)
{
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      anju_db_set_error (self, error);
      return FALSE;
    }
  *out_count = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

gboolean
anju_db_query_count (AnjuDb      *self,
                     const char  *sql,
                     gint64      *out_count,
                     GError     **error)
{
  sqlite3_stmt *stmt = anju_db_prepare (self, sql, error);
  gboolean ok = stmt != NULL && anju_db_step_count (self, stmt, out_count, error);

  if (stmt != NULL)
    sqlite3_reset (stmt);
  return ok;
}

gboolean
anju_db_step_add_texts (AnjuDb        *self,
                        sqlite3_stmt  *stmt,
                        GHashTable    *set,
                        GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (set, anju_db_column_dup (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      anju_db_set_error (self, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
anju_db_step_add_ids (AnjuDb        *self,
                      sqlite3_stmt  *stmt,
                      GArray        *ids,
                      GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      anju_db_set_error (self, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
anju_db_in_write (AnjuDb *self)
{
  if (self->group != NULL)
    return anju_commit_group_in_write (self->group);
  return !sqlite3_get_autocommit (self->handle);
}

gboolean
anju_db_begin (AnjuDb  *self,
               GError **error)
{
  if (self->group != NULL)
    return anju_commit_group_begin (self->group, error);
  /* IMMEDIATE takes the write lock now, so a transaction never fails
   * half-way because another connection started writing. */
  return anju_db_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
anju_db_commit (AnjuDb  *self,
                GError **error)
{
  if (self->group != NULL)
    return anju_commit_group_commit (self->group, error);
  if (anju_db_exec (self, "COMMIT", error))
    return TRUE;
  anju_db_rollback (self);
  return FALSE;
}

void
anju_db_rollback (AnjuDb *self)
{
  if (anju_db_in_write (self))
    self->rollbacks++;
  if (self->group != NULL)
    anju_commit_group_rollback (self->group);
  else if (!sqlite3_get_autocommit (self->handle))
    sqlite3_exec (self->handle, "ROLLBACK", NULL, NULL, NULL);
}

guint64
anju_db_get_rollbacks (AnjuDb *self)
{
  g_return_val_if_fail (ANJU_IS_DB (self), 0);

  if (self->group != NULL)
    return self->rollbacks + anju_commit_group_get_failures (self->group);
  return self->rollbacks;
}

void
anju_db_enable_group_commit (AnjuDb *self,
                             guint   max_writes)
{
  g_return_if_fail (ANJU_IS_DB (self));
  g_return_if_fail (self->group == NULL);
  g_return_if_fail (sqlite3_get_autocommit (self->handle));

  self->group = anju_commit_group_new (self, max_writes);
}

AnjuCommitGroup *
anju_db_get_commit_group (AnjuDb *self)
{
  g_return_val_if_fail (ANJU_IS_DB (self), NULL);
  return self->group;
}

gint64
anju_db_last_insert_id (AnjuDb *self)
{
  return sqlite3_last_insert_rowid (self->handle);
}

static gint64
query_int (AnjuDb     *self,
           const char *sql)
{
  sqlite3_stmt *stmt = anju_db_prepare (self, sql, NULL);
  gint64 value = 0;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return value;
}

gint64
anju_db_size_bytes (AnjuDb *self)
{
  return query_int (self, "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()");
}

int
anju_db_get_schema_version (AnjuDb *self)
{
  return (int) query_int (self, "PRAGMA user_version");
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  /* GPtrArray hands us pointers to the elements. */
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Migration resources are "NNNN-name.sql"; sorted by name = by number. */
static char **
list_migrations (void)
{
  /* Looked up in our own resource, not the global registry: the
   * constructor that would register it is dropped when nothing else in
   * the static library's object file is referenced. */
  g_auto(GStrv) names = g_resource_enumerate_children (anju_server_resources_get_resource (),
                                                       MIGRATIONS_PATH, 0, NULL);
  GPtrArray *sorted = g_ptr_array_new ();

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (g_str_has_suffix (names[i], ".sql") && g_ascii_isdigit (names[i][0]))
      g_ptr_array_add (sorted, g_strdup (names[i]));

  g_ptr_array_sort (sorted, compare_names);
  g_ptr_array_add (sorted, NULL);
  return (char **) g_ptr_array_free (sorted, FALSE);
}

int
anju_db_get_latest_version (void)
{
  g_auto(GStrv) names = list_migrations ();
  guint n = g_strv_length (names);

  return n == 0 ? 0 : (int) g_ascii_strtoll (names[n - 1], NULL, 10);
}

static gboolean
apply_migration (AnjuDb      *self,
                 const char  *name,
                 int          version,
                 GError     **error)
{
  g_autofree char *path = g_strconcat (MIGRATIONS_PATH, name, NULL);
  g_autofree char *set_version = NULL;
  g_autoptr(GBytes) sql = NULL;

  sql = g_resource_lookup_data (anju_server_resources_get_resource (), path, 0, error);
  if (sql == NULL)
    return FALSE;

  if (!anju_db_begin (self, error))
    return FALSE;

  set_version = g_strdup_printf ("PRAGMA user_version=%d", version);
  if (!anju_db_exec (self, g_bytes_get_data (sql, NULL), error) ||
      !anju_db_exec (self, set_version, error))
    {
      anju_db_rollback (self);
      g_prefix_error (error, _("Migration %s failed: "), name);
      return FALSE;
    }

  if (!anju_db_commit (self, error))
    return FALSE;

  g_message ("Applied migration %s", name);
  return TRUE;
}

gboolean
anju_db_migrate (AnjuDb  *self,
                 GError **error)
{
  g_auto(GStrv) names = list_migrations ();
  int current = anju_db_get_schema_version (self);
  int latest = anju_db_get_latest_version ();

  g_return_val_if_fail (ANJU_IS_DB (self), FALSE);

  if (current > latest)
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_DATABASE,
                   /* Translators: %1$s is a file, %2$d and %3$d schema versions */
                   _("The database %1$s has schema version %2$d, newer than this "
                     "anju-server understands (%3$d). Use a newer anju-server or "
                     "restore a backup."),
                   self->path, current, latest);
      return FALSE;
    }

  for (guint i = 0; names[i] != NULL; i++)
    {
      int version = (int) g_ascii_strtoll (names[i], NULL, 10);

      if (version > current && !apply_migration (self, names[i], version, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
quick_check (const char  *path,
             GError     **error)
{
  g_autoptr(AnjuDb) copy = anju_db_open (path, error);
  sqlite3_stmt *stmt;
  gboolean ok;

  if (copy == NULL)
    return FALSE;

  stmt = anju_db_prepare (copy, "PRAGMA quick_check", error);
  if (stmt == NULL)
    return FALSE;

  ok = sqlite3_step (stmt) == SQLITE_ROW &&
       g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_reset (stmt);
  if (!ok)
    g_set_error (error, ANJU_ERROR, ANJU_ERROR_DATABASE,
                 _("The backup %s failed its integrity check"), path);
  return ok;
}

gboolean
anju_db_backup_to (AnjuDb      *self,
                   const char  *dest,
                   GError     **error)
{
  sqlite3 *target = NULL;
  sqlite3_backup *backup;
  int rc;

  g_return_val_if_fail (ANJU_IS_DB (self), FALSE);

  if (g_file_test (dest, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_CONFLICT,
                   _("%s already exists; a backup never overwrites a file"), dest);
      return FALSE;
    }

  if (sqlite3_open_v2 (dest, &target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_DATABASE,
                   _("Cannot create the backup %s: %s"), dest, sqlite3_errmsg (target));
      sqlite3_close (target);
      return FALSE;
    }

  /* One step over one read snapshot: a stepped backup restarts on every
   * commit from another connection and may never finish. */
  backup = sqlite3_backup_init (target, "main", self->handle, "main");
  if (backup == NULL)
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_DATABASE,
                   _("Cannot start the backup: %s"), sqlite3_errmsg (target));
      sqlite3_close (target);
      g_unlink (dest);
      return FALSE;
    }
  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);

  if (rc != SQLITE_DONE)
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_DATABASE,
                   _("The backup failed: %s"), sqlite3_errstr (rc));
      sqlite3_close (target);
      g_unlink (dest);
      return FALSE;
    }

  sqlite3_close (target);
  return quick_check (dest, error);
}

gboolean
anju_db_restore_from (AnjuDb  *self,
                      AnjuDb  *source,
                      GError **error)
{
  sqlite3_backup *backup;
  int rc;

  g_return_val_if_fail (ANJU_IS_DB (self) && ANJU_IS_DB (source), FALSE);

  /* Cached statements would hold the schema of the old contents. */
  g_hash_table_remove_all (self->statements);

  backup = sqlite3_backup_init (self->handle, "main", source->handle, "main");
  if (backup == NULL)
    {
      anju_db_set_error (self, error);
      return FALSE;
    }
  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_DATABASE,
                   _("The restore failed: %s"), sqlite3_errstr (rc));
      return FALSE;
    }
  return TRUE;
}

void
anju_db_bind_text (sqlite3_stmt *stmt,
                   int           index,
                   const char   *str)
{
  if (str == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, str, -1, SQLITE_TRANSIENT);
}

char *
anju_db_column_dup (sqlite3_stmt *stmt,
                    int           index)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, index));
}

char *
anju_db_expanded_sql (sqlite3_stmt  *stmt,
                      GError       **error)
{
  char *expanded = sqlite3_expanded_sql (stmt);
  char *copy;

  /* NULL only when SQLite could not allocate it. */
  if (expanded == NULL)
    {
      g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_DATABASE, "Out of memory");
      return NULL;
    }
  copy = g_strdup (expanded);
  sqlite3_free (expanded);
  return copy;
}
