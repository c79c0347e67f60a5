/* anju-bench-generate.c: the generator's run — database, key, password,
 * the phases, the report.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <glib/gstdio.h>

#include "anju-bench-generate.h"
#include "anju-bench-generator-private.h"
#include "anju-config.h"
#include "anju-kdf.h"
#include "anju-stmt.h"
#include "anju-transaction.h"

#define AUDIT_KEY_BYTES 32
#define SALT_BYTES      16
#define HASH_BYTES      32

/* The tables the phases write, in the order of the report, with the
 * phase whose time their rows/s is measured against. */
static const struct
{
  const char *table;
  const char *phase;
} written_tables[] = {
  { "organisations", "organisations" },
  { "users", "organisations" },
  { "user_roles", "organisations" },
  { "pubrent_projects", "units" },
  { "pubrent_buildings", "units" },
  { "pubrent_units", "units" },
  { "pubrent_unit_changes", "units" },
  { "pubrent_applications", "applications" },
  { "pubrent_members", "applications" },
  { "pubrent_application_changes", "applications" },
  { "workflow_instances", "applications" },
  { "workflow_tasks", "applications" },
  { "workflow_history", "applications" },
  { "pubrent_publicity", "applications" },
  { "audit_log", NULL },   /* every phase writes it */
};

void
anju_bench_table_stat_free (AnjuBenchTableStat *stat)
{
  if (stat == NULL)
    return;
  g_free (stat->table);
  g_free (stat);
}

static void
bench_org_free (gpointer data)
{
  AnjuBenchOrg *org = data;

  anju_org_ref_clear (&org->ref);
  g_ptr_array_unref (org->users);
  g_free (org);
}

static void
gen_clear (AnjuBenchGen *gen)
{
  g_clear_object (&gen->db);
  g_clear_pointer (&gen->audit_key, g_bytes_unref);
  g_clear_pointer (&gen->password_hash, g_free);
  g_clear_pointer (&gen->streets, g_ptr_array_unref);
  g_clear_pointer (&gen->communities, g_ptr_array_unref);
  g_clear_pointer (&gen->employers, g_ptr_array_unref);
  g_clear_pointer (&gen->operators, g_ptr_array_unref);
  g_clear_pointer (&gen->orgs, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AnjuBenchGen, gen_clear)

/* ---- batches --------------------------------------------------------- */

gboolean
anju_bench_batch_begin (AnjuBenchGen  *gen,
                        const char    *phase,
                        GError       **error)
{
  gen->phase = phase;
  gen->phase_started = g_get_monotonic_time ();
  return anju_db_begin (gen->db, error);
}

static void
print_progress (AnjuBenchGen *gen,
                guint         done,
                guint         total)
{
  double seconds = (double) (g_get_monotonic_time () - gen->phase_started) / G_USEC_PER_SEC;

  if (gen->quiet)
    return;
  g_print ("  %-14s %9u / %-9u %5.1f %%  %8.0f /s\n", gen->phase, done, total,
           total > 0 ? 100.0 * done / total : 100.0, seconds > 0 ? done / seconds : 0.0);
}

gboolean
anju_bench_batch_step (AnjuBenchGen  *gen,
                       guint          done,
                       guint          total,
                       GError       **error)
{
  if (done % gen->batch_size != 0)
    return TRUE;
  if (!anju_db_commit (gen->db, error))
    return FALSE;
  if (done % (gen->batch_size * 4) == 0)
    print_progress (gen, done, total);
  return anju_db_begin (gen->db, error);
}

gboolean
anju_bench_batch_end (AnjuBenchGen  *gen,
                      guint          total,
                      GError       **error)
{
  if (!anju_db_commit (gen->db, error))
    return FALSE;
  /* The last step printed it already when it fell on a report. */
  if (total == 0 || total % (gen->batch_size * 4) != 0)
    print_progress (gen, total, total);
  return TRUE;
}

/* ---- key and password ------------------------------------------------ */

static void
fill_random_bytes (AnjuBenchRandom *random,
                   guint8          *out,
                   gsize            n)
{
  for (gsize i = 0; i < n; i += 8)
    {
      guint64 word = anju_bench_random_next (random);

      memcpy (out + i, &word, MIN (8, n - i));
    }
}

/* The audit key from the seed (bench data only: anyone who knows the
 * seed can forge rows), written where the server's default config looks:
 * beside the database. */
static GBytes *
write_audit_key (const char       *database_path,
                 AnjuBenchRandom  *random,
                 GError          **error)
{
  g_autoptr(AnjuConfig) config = anju_config_new_default ();
  g_autofree char *path = NULL;
  guint8 key[AUDIT_KEY_BYTES];

  fill_random_bytes (random, key, sizeof key);
  g_free (config->database_path);
  config->database_path = g_strdup (database_path);
  path = anju_config_get_audit_key_path (config);
  /* Every database of the directory shares the key: one made from the
   * same seed is the same key, any other would break their chains. */
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GBytes) existing = anju_audit_load_key (path, error);
      g_autoptr(GBytes) wanted = g_bytes_new (key, sizeof key);

      if (existing == NULL)
        return NULL;
      if (g_bytes_equal (existing, wanted))
        return g_steal_pointer (&existing);
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_CONFIG,
                   "%s holds another seed's audit key: remove it with its databases first",
                   path);
      return NULL;
    }
  if (!g_file_set_contents_full (path, (const char *) key, sizeof key,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return NULL;
  return anju_audit_load_key (path, error);
}

/* ANJU_BENCH_PASSWORD hashed once, in the server's format and with its
 * iterations, the salt from the seed so the users table is the same on
 * every run; anju_kdf_verify() proves the server accepts it. */
static char *
hash_password (AnjuBenchRandom  *random,
               GError          **error)
{
  guint8 salt[SALT_BYTES];
  guint8 hash[HASH_BYTES];
  g_autofree char *salt_b64 = NULL;
  g_autofree char *hash_b64 = NULL;
  g_autofree char *stored = NULL;

  fill_random_bytes (random, salt, sizeof salt);
  if (PKCS5_PBKDF2_HMAC (ANJU_BENCH_PASSWORD, strlen (ANJU_BENCH_PASSWORD), salt, sizeof salt,
                         ANJU_KDF_ITERATIONS, EVP_sm3 (), sizeof hash, hash) != 1)
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_INTERNAL, "PBKDF2-HMAC-SM3 failed");
      return NULL;
    }
  salt_b64 = g_base64_encode (salt, sizeof salt);
  hash_b64 = g_base64_encode (hash, sizeof hash);
  stored = g_strdup_printf ("pbkdf2-sm3$%u$%s$%s", ANJU_KDF_ITERATIONS, salt_b64, hash_b64);
  if (!anju_kdf_verify (ANJU_BENCH_PASSWORD, stored, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, ANJU_ERROR, ANJU_ERROR_INTERNAL,
                     "The server does not accept the generated password hash");
      return NULL;
    }
  return g_steal_pointer (&stored);
}

/* ---- database -------------------------------------------------------- */

static gboolean
run_pinning (AnjuDb           *db,
             AnjuBenchRandom  *random,
             GError          **error)
{
  static const char * const updates[] = {
    "UPDATE roles SET created_at = ?1, updated_at = ?1",
    "UPDATE workflow_templates SET created_at = ?1",
    "UPDATE pubrent_document_templates SET created_at = ?1, updated_at = ?1",
  };
  guint8 secret[32];
  g_auto(AnjuStmt) stmt = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (updates); i++)
    {
      g_auto(AnjuStmt) update = anju_db_prepare (db, updates[i], error);

      if (update == NULL)
        return FALSE;
      sqlite3_bind_int64 (update, 1, ANJU_BENCH_BASE_TIME - ANJU_BENCH_YEARS * 365 * ANJU_BENCH_DAY);
      if (!anju_db_step_done (db, update, error))
        return FALSE;
    }

  fill_random_bytes (random, secret, sizeof secret);
  stmt = anju_db_prepare (db, "UPDATE pubrent_document_secret SET key = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_blob (stmt, 1, secret, sizeof secret, SQLITE_TRANSIENT);
  return anju_db_step_done (db, stmt, error);
}

/* The migrations stamp their seed rows with the wall clock and make the
 * documents' verification secret with randomblob(); the base time and
 * the seed instead make the whole database depend on the seed only
 * (bench data: the secret is as guessable as the seed). */
static gboolean
pin_migration_values (AnjuDb           *db,
                      AnjuBenchRandom  *random,
                      GError          **error)
{
  if (!anju_db_begin (db, error))
    return FALSE;
  if (!run_pinning (db, random, error))
    {
      anju_db_rollback (db);
      return FALSE;
    }
  return anju_db_commit (db, error);
}

static AnjuDb *
open_new_database (const char       *path,
                   AnjuBenchRandom  *random,
                   GError          **error)
{
  g_autoptr(AnjuDb) db = NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_CONFIG,
                   "%s exists: the generator only fills a new database", path);
      return NULL;
    }
  db = anju_db_open (path, error);
  if (db == NULL || !anju_db_migrate (db, error)
      || !pin_migration_values (db, random, error))
    return NULL;
  /* Bulk loading by one connection: a crash loses the run anyway, so no
   * fsync, no WAL (every page written once, not to the WAL and again by
   * the checkpoint; the rollback journal in memory still undoes a failed
   * batch) and a page cache that holds the hot indexes.  finish_database()
   * puts WAL back; the server sets synchronous=NORMAL on every open. */
  if (!anju_db_exec (db, "PRAGMA synchronous = OFF", error)
      || !anju_db_exec (db, "PRAGMA journal_mode = MEMORY", error)
      || !anju_db_exec (db, "PRAGMA cache_size = -262144", error))
    return NULL;
  return g_steal_pointer (&db);
}

/* ---- report ---------------------------------------------------------- */

static gint64
count_rows (AnjuDb      *db,
            const char  *table,
            GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT COUNT(*) FROM %s", table);
  g_auto(AnjuStmt) stmt = anju_db_prepare (db, sql, error);
  gint64 count = -1;

  if (stmt == NULL || !anju_db_step_count (db, stmt, &count, error))
    return -1;
  return count;
}

static GPtrArray *
collect_stats (AnjuBenchGen  *gen,
               GHashTable    *phase_seconds,
               double         total_seconds,
               GError       **error)
{
  g_autoptr(GPtrArray) stats = g_ptr_array_new_with_free_func ((GDestroyNotify) anju_bench_table_stat_free);

  for (guint i = 0; i < G_N_ELEMENTS (written_tables); i++)
    {
      AnjuBenchTableStat *stat = g_new0 (AnjuBenchTableStat, 1);
      double *seconds = written_tables[i].phase != NULL
                        ? g_hash_table_lookup (phase_seconds, written_tables[i].phase) : NULL;

      stat->table = g_strdup (written_tables[i].table);
      stat->seconds = seconds != NULL ? *seconds : total_seconds;
      g_ptr_array_add (stats, stat);
      stat->rows = count_rows (gen->db, stat->table, error);
      if (stat->rows < 0)
        return NULL;
    }
  return g_steal_pointer (&stats);
}

static void
print_report (AnjuBenchGen *gen,
              GPtrArray    *stats,
              double        total_seconds,
              const char   *path)
{
  gint64 total_rows = 0;
  gint64 size = anju_db_size_bytes (gen->db);

  g_print ("\n%-28s %12s %10s %12s\n", "table", "rows", "seconds", "rows/s");
  for (guint i = 0; i < stats->len; i++)
    {
      AnjuBenchTableStat *stat = g_ptr_array_index (stats, i);

      total_rows += stat->rows;
      g_print ("%-28s %12" G_GINT64_FORMAT " %10.1f %12.0f\n", stat->table, stat->rows,
               stat->seconds, stat->seconds > 0 ? stat->rows / stat->seconds : 0.0);
    }
  g_print ("%-28s %12" G_GINT64_FORMAT " %10.1f %12.0f\n", "overall", total_rows, total_seconds,
           total_seconds > 0 ? total_rows / total_seconds : 0.0);
  g_print ("\n%s: %.1f MiB (size %s, seed %" G_GUINT64_FORMAT ")\n", path,
           (double) size / (1024.0 * 1024.0), gen->size->name, gen->seed);
}

/* ---- the run --------------------------------------------------------- */

typedef gboolean (*PhaseFunc) (AnjuBenchGen *gen, GError **error);

static gboolean
run_phase (AnjuBenchGen  *gen,
           PhaseFunc      func,
           GHashTable    *phase_seconds,
           GError       **error)
{
  gint64 started = g_get_monotonic_time ();
  double *seconds;

  if (!func (gen, error))
    {
      if (!sqlite3_get_autocommit (anju_db_get_handle (gen->db)))
        anju_db_rollback (gen->db);
      return FALSE;
    }
  seconds = g_new (double, 1);
  *seconds = (double) (g_get_monotonic_time () - started) / G_USEC_PER_SEC;
  g_hash_table_insert (phase_seconds, (gpointer) gen->phase, seconds);
  return TRUE;
}

static guint32
julian_day_of (gint64 secs)
{
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_utc (secs + 8 * 3600);
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (local),
                  g_date_time_get_month (local), g_date_time_get_year (local));
  return g_date_get_julian (&date);
}

gboolean
anju_bench_generate (const AnjuBenchOptions  *options,
                     GPtrArray              **out_stats,
                     GError                 **error)
{
  static const PhaseFunc phases[] = {
    anju_bench_make_organisations,
    anju_bench_make_housing,
    anju_bench_make_applications,
  };
  g_auto(AnjuBenchGen) gen = { 0, };
  g_autoptr(GHashTable) phase_seconds = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                               g_free);
  g_autoptr(GPtrArray) stats = NULL;
  AnjuBenchRandom random;
  gint64 started = g_get_monotonic_time ();
  double total_seconds;

  g_return_val_if_fail (options != NULL && options->database_path != NULL, FALSE);

  gen.size = anju_bench_size_lookup (options->size);
  if (gen.size == NULL)
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_VALIDATION,
                   "Unknown size “%s”: tiny, pilot or city", options->size);
      return FALSE;
    }
  gen.seed = options->seed;
  gen.quiet = options->quiet;
  gen.batch_size = 500;
  gen.start = ANJU_BENCH_BASE_TIME - ANJU_BENCH_YEARS * 365 * ANJU_BENCH_DAY;
  gen.today = julian_day_of (ANJU_BENCH_BASE_TIME);
  gen.streets = g_ptr_array_new ();
  gen.communities = g_ptr_array_new ();
  gen.employers = g_ptr_array_new ();
  gen.operators = g_ptr_array_new ();
  gen.orgs = g_ptr_array_new_with_free_func (bench_org_free);

  anju_bench_random_init (&random, gen.seed, ANJU_BENCH_STREAM_KEYS);
  gen.db = open_new_database (options->database_path, &random, error);
  if (gen.db == NULL
      || (gen.audit_key = write_audit_key (options->database_path, &random, error)) == NULL
      || (gen.password_hash = hash_password (&random, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (phases); i++)
    if (!run_phase (&gen, phases[i], phase_seconds, error))
      return FALSE;

  /* Back to the server's journal mode; the file is then the whole
   * database, and the size reported is its size. */
  if (!anju_db_exec (gen.db, "PRAGMA journal_mode = WAL", error))
    return FALSE;
  total_seconds = (double) (g_get_monotonic_time () - started) / G_USEC_PER_SEC;
  stats = collect_stats (&gen, phase_seconds, total_seconds, error);
  if (stats == NULL)
    return FALSE;
  if (!gen.quiet)
    print_report (&gen, stats, total_seconds, options->database_path);
  if (out_stats != NULL)
    *out_stats = g_steal_pointer (&stats);
  return TRUE;
}
