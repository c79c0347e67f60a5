/* anju-bench-random.h: the generator's own seeded random numbers.
 *
 * xoshiro256** (Blackman and Vigna), seeded through splitmix64, so a seed
 * gives the same sequence on every machine and C library (rand() and
 * g_random_* give no such promise).  A stream is (seed, stream number):
 * each phase and each generated record draws from a stream of its own,
 * so changing how many numbers one record takes does not move every
 * record after it.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint64 s[4];
} AnjuBenchRandom;

void      anju_bench_random_init    (AnjuBenchRandom *self,
                                     guint64          seed,
                                     guint64          stream);
guint64   anju_bench_random_next    (AnjuBenchRandom *self);
/* Uniform in [0, n); n > 0. */
guint64   anju_bench_random_below   (AnjuBenchRandom *self,
                                     guint64          n);
/* Uniform in [low, high], both included. */
gint64    anju_bench_random_range   (AnjuBenchRandom *self,
                                     gint64           low,
                                     gint64           high);
/* TRUE with probability percent / 100. */
gboolean  anju_bench_random_percent (AnjuBenchRandom *self,
                                     guint            percent);
/* An index into weights (n of them, not all 0), drawn by weight. */
guint     anju_bench_random_weighted (AnjuBenchRandom *self,
                                      const guint     *weights,
                                      guint            n);
/* One of the n strings of items, uniformly. */
const char *anju_bench_random_pick  (AnjuBenchRandom    *self,
                                     const char * const *items,
                                     guint               n);

G_END_DECLS
