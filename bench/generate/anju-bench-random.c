/* anju-bench-random.c: xoshiro256** seeded by splitmix64.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anju-bench-random.h"

static guint64
splitmix64 (guint64 *state)
{
  guint64 z = (*state += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

static inline guint64
rotl (guint64 x,
      int     k)
{
  return (x << k) | (x >> (64 - k));
}

void
anju_bench_random_init (AnjuBenchRandom *self,
                        guint64          seed,
                        guint64          stream)
{
  /* Mixing the stream through splitmix first keeps streams of
   * neighbouring numbers unrelated. */
  guint64 state = seed;
  guint64 mixed = splitmix64 (&state) ^ (stream * G_GUINT64_CONSTANT (0xd1b54a32d192ed03));

  for (guint i = 0; i < G_N_ELEMENTS (self->s); i++)
    self->s[i] = splitmix64 (&mixed);
}

guint64
anju_bench_random_next (AnjuBenchRandom *self)
{
  guint64 *s = self->s;
  guint64 result = rotl (s[1] * 5, 7) * 9;
  guint64 t = s[1] << 17;

  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl (s[3], 45);
  return result;
}

guint64
anju_bench_random_below (AnjuBenchRandom *self,
                         guint64          n)
{
  /* Rejection sampling: no modulo bias, however large n is. */
  guint64 limit;
  guint64 value;

  g_return_val_if_fail (n > 0, 0);

  limit = G_MAXUINT64 - G_MAXUINT64 % n;
  do
    value = anju_bench_random_next (self);
  while (value >= limit);
  return value % n;
}

gint64
anju_bench_random_range (AnjuBenchRandom *self,
                         gint64           low,
                         gint64           high)
{
  g_return_val_if_fail (low <= high, low);

  return low + (gint64) anju_bench_random_below (self, (guint64) (high - low) + 1);
}

gboolean
anju_bench_random_percent (AnjuBenchRandom *self,
                           guint            percent)
{
  return anju_bench_random_below (self, 100) < percent;
}

guint
anju_bench_random_weighted (AnjuBenchRandom *self,
                            const guint     *weights,
                            guint            n)
{
  guint64 total = 0;
  guint64 draw;

  for (guint i = 0; i < n; i++)
    total += weights[i];
  g_return_val_if_fail (total > 0, 0);

  draw = anju_bench_random_below (self, total);
  for (guint i = 0; i < n; i++)
    {
      if (draw < weights[i])
        return i;
      draw -= weights[i];
    }
  return n - 1;
}

const char *
anju_bench_random_pick (AnjuBenchRandom    *self,
                        const char * const *items,
                        guint               n)
{
  return items[anju_bench_random_below (self, n)];
}
