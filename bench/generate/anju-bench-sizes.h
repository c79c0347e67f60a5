/* anju-bench-sizes.h: the sizes the generator makes (issue 7).
 *
 * pilot is the New Area (湘江新区) at the pilot's scale, city all of
 * Changsha; tiny is about 1 % of pilot, for tests.  The counts of
 * applications, members, units, projects, users, streets and
 * communities are the issue's; the rest (enterprises, employers) are
 * the generator's own choice in proportion.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ANJU_BENCH_MAX_HOUSEHOLD 6

typedef struct
{
  const char *name;
  guint       districts;               /* the first n of anju_bench_districts() */
  guint       streets_per_district;
  guint       communities_per_street;
  guint       employers;               /* organisations filing directed applications */
  guint       operators;               /* operating enterprises of the projects */
  guint       users;
  guint       projects;
  guint       units;
  guint       applications;
  /* Weights of household sizes 1 … ANJU_BENCH_MAX_HOUSEHOLD: their mean
   * is the members per application (2.4 pilot, 2.5 city). */
  guint       household_weights[ANJU_BENCH_MAX_HOUSEHOLD];
} AnjuBenchSize;

/* NULL for an unknown name. */
const AnjuBenchSize *anju_bench_size_lookup (const char *name);

G_END_DECLS
