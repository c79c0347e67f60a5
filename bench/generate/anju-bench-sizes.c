/* anju-bench-sizes.c: tiny, pilot and city.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anju-bench-sizes.h"

static const AnjuBenchSize sizes[] = {
  { "tiny", 1, 2, 2, 2, 1, 30, 2, 400, 330,
    { 28, 30, 24, 12, 4, 2 } },
  /* 10 streets, 100 communities, 2,000 users, 150 projects, 60,000
   * units, 50,000 applications with 120,000 members (mean 2.40). */
  { "pilot", 1, 10, 10, 20, 10, 2000, 150, 60000, 50000,
    { 28, 30, 24, 12, 4, 2 } },
  /* Nine districts of 20 streets, 600,000 units, 400,000 applications
   * with 1,000,000 members (mean 2.50). */
  { "city", 9, 20, 10, 150, 60, 15000, 1500, 600000, 400000,
    { 25, 30, 24, 14, 5, 2 } },
};

const AnjuBenchSize *
anju_bench_size_lookup (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    if (g_strcmp0 (sizes[i].name, name) == 0)
      return &sizes[i];
  return NULL;
}
