/* anju-bench-generate-main.c: the anju-bench-generate command.
 *
 *   anju-bench-generate --size tiny|pilot|city --seed N --database PATH
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <malloc.h>
#include <stdlib.h>

#include "anju-bench-generate.h"

int
main (int    argc,
      char **argv)
{
  g_autofree char *size = NULL;
  g_autofree char *database = NULL;
  gint64 seed = 1;
  gboolean quiet = FALSE;
  GOptionEntry entries[] = {
    { "size", 0, 0, G_OPTION_ARG_STRING, &size, "tiny, pilot or city", "SIZE" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "Seed of the random data (default 1)", "N" },
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database, "The new database file", "PATH" },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, "No progress and no report", NULL },
    { NULL },
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- fill a database for the benchmark");
  g_autoptr(GError) error = NULL;
  AnjuBenchOptions options;

  /* The generator allocates and frees large JSON texts all the time:
   * without these, glibc gives the heap's top back to the kernel and
   * takes it again thousands of times a second, and the page faults and
   * TLB flushes cost more than the work. */
  mallopt (M_TRIM_THRESHOLD, 512 * 1024 * 1024);
  mallopt (M_TOP_PAD, 64 * 1024 * 1024);
  mallopt (M_MMAP_THRESHOLD, 32 * 1024 * 1024);

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("anju-bench-generate: %s\n", error->message);
      return EXIT_FAILURE;
    }
  if (size == NULL || database == NULL || seed < 0)
    {
      g_printerr ("anju-bench-generate: --size, --seed (≥ 0) and --database are needed\n");
      return EXIT_FAILURE;
    }

  options = (AnjuBenchOptions) {
    .size = size,
    .seed = (guint64) seed,
    .database_path = database,
    .quiet = quiet,
  };
  if (!anju_bench_generate (&options, NULL, &error))
    {
      g_printerr ("anju-bench-generate: %s\n", error->message);
      return EXIT_FAILURE;
    }
  return EXIT_SUCCESS;
}
