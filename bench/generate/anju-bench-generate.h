/* anju-bench-generate.h: the benchmark's data generator (issue 7).
 *
 * Fills a new database with organisations, users, housing and public
 * rental applications at one of the sizes of anju-bench-sizes.h, through
 * the server's own code: its migrations, its store functions and its
 * workflow engine with the review's hooks, so every row is one the
 * server could have written, and the audit chain is the server's (the
 * audit key is written beside the database, where anju-server looks for
 * it by default).
 *
 * Deterministic: the same size and seed give the same contents of every
 * table.  Nothing reads the clock or a system random source: business
 * time runs over the five years before ANJU_BENCH_BASE_TIME, the audit
 * key and the password hash's salt come from the seed.  Every generated
 * account's password is ANJU_BENCH_PASSWORD.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* 2026-11-01T00:00+08:00: "now" of the generated data. */
#define ANJU_BENCH_BASE_TIME G_GINT64_CONSTANT (1793462400)
#define ANJU_BENCH_PASSWORD  "Anju@2026"

typedef struct
{
  const char *size;            /* "tiny", "pilot" or "city" */
  guint64     seed;
  const char *database_path;   /* must not exist yet */
  gboolean    quiet;           /* no progress and no report on stdout */
} AnjuBenchOptions;

typedef struct
{
  char   *table;
  gint64  rows;
  double  seconds;             /* of the phase that wrote it */
} AnjuBenchTableStat;

void      anju_bench_table_stat_free (AnjuBenchTableStat *stat);

/* Generates the database.  out_stats (nullable) gets one
 * AnjuBenchTableStat per table written. */
gboolean  anju_bench_generate        (const AnjuBenchOptions  *options,
                                      GPtrArray              **out_stats,
                                      GError                 **error);

G_END_DECLS
