/* anju-bench-timing.c: start-up timings for bench/run-bench.sh.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include "anju-bench-timing.h"

/* Process-wide on purpose (see the header); written once from main()
 * before any thread exists, then read from the main thread only. */
static gint64 start_time;
static gboolean enabled;
static GHashTable *marked;

void
anju_bench_timing_start (void)
{
  start_time = g_get_monotonic_time ();
  enabled = g_strcmp0 (g_getenv ("ANJU_BENCH_TIMING"), "1") == 0;
}

gboolean
anju_bench_timing_enabled (void)
{
  return enabled;
}

void
anju_bench_timing_mark (const char *event)
{
  if (!enabled)
    return;

  if (marked == NULL)
    marked = g_hash_table_new (g_str_hash, g_str_equal);
  /* Events are string literals, so the table keeps them as they are. */
  if (!g_hash_table_add (marked, (gpointer) event))
    return;

  fprintf (stderr, "anju-bench: %s %" G_GINT64_FORMAT "\n", event,
           (g_get_monotonic_time () - start_time) / 1000);
  fflush (stderr);
}
