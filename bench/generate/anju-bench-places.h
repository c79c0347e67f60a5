/* anju-bench-places.h: Changsha's districts and made-up but plausible
 * street (街道), community (社区) and road names.
 *
 * Organisation names must be unique among siblings, and every street
 * hangs under the one center, so street names are unique city-wide:
 * the n-th name is a toponym of the pool, ordinal-suffixed once the pool
 * is used up.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "anju-bench-random.h"

G_BEGIN_DECLS

typedef struct
{
  const char *name;     /* "岳麓区" */
  const char *code;     /* "430104" */
} AnjuBenchDistrict;

/* The nine districts and counties of Changsha; the pilot (湘江新区) uses
 * the first one, 岳麓区. */
const AnjuBenchDistrict *anju_bench_districts (guint *n_districts);

/* The n-th distinct toponym ("银盆岭", "银盆岭二"…), for names that must
 * not repeat. */
char *anju_bench_toponym     (guint            n);
/* A road name ("麓山南路"). */
const char *anju_bench_road  (AnjuBenchRandom *random);

G_END_DECLS
