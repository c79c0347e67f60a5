/* anju-bench-people.c: ID numbers, birth dates and phones.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include "anju-bench-names.h"
#include "anju-bench-people.h"
#include "anju-id-number.h"

/* Changsha's districts and counties, then one district of each other
 * Hunan city (GB/T 2260). */
static const char * const changsha_regions[] = {
  "430102", "430103", "430104", "430105", "430111", "430112", "430121", "430181", "430182",
};

static const char * const hunan_regions[] = {
  "430202", "430302", "430405", "430502", "430602", "430702", "430802", "430902",
  "431002", "431102", "431202", "431302", "433101",
};

static const char * const mobile_prefixes[] = {
  "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151",
  "152", "153", "155", "156", "157", "158", "159", "166", "173", "176", "177", "180",
  "181", "182", "183", "184", "185", "186", "187", "188", "189", "191", "198", "199",
};

void
anju_bench_person_clear (AnjuBenchPerson *self)
{
  g_clear_pointer (&self->name, g_free);
}

const char *
anju_bench_birth_region (AnjuBenchRandom *random)
{
  if (anju_bench_random_percent (random, 70))
    return anju_bench_random_pick (random, changsha_regions, G_N_ELEMENTS (changsha_regions));
  return anju_bench_random_pick (random, hunan_regions, G_N_ELEMENTS (hunan_regions));
}

void
anju_bench_phone_fill (AnjuBenchRandom *random,
                       char             out_phone[12])
{
  const char *prefix = anju_bench_random_pick (random, mobile_prefixes,
                                               G_N_ELEMENTS (mobile_prefixes));

  g_snprintf (out_phone, 12, "%s%08" G_GUINT64_FORMAT, prefix,
              anju_bench_random_below (random, 100000000));
}

/* A birthday age years before today, the day of the year drawn so that
 * the person has turned age and not yet age + 1. */
static void
draw_birth (AnjuBenchRandom *random,
            int              age,
            guint32          today,
            GDate           *out_birth)
{
  GDate latest;
  GDate earliest;
  guint32 span;

  g_date_clear (&latest, 1);
  g_date_set_julian (&latest, today);
  g_date_subtract_years (&latest, age);
  earliest = latest;
  g_date_subtract_years (&earliest, 1);
  g_date_add_days (&earliest, 1);
  span = g_date_get_julian (&latest) - g_date_get_julian (&earliest);

  g_date_clear (out_birth, 1);
  g_date_set_julian (out_birth, g_date_get_julian (&earliest)
                                + (guint32) anju_bench_random_below (random, span + 1));
}

void
anju_bench_person_init (AnjuBenchPerson *self,
                        AnjuBenchRandom *random,
                        const char      *region,
                        gboolean         female,
                        int              age,
                        guint32          today)
{
  char first17[18];
  GDate birth;
  int sequence;

  self->name = anju_bench_name_new (random, female);
  self->female = female;
  draw_birth (random, age, today, &birth);
  g_snprintf (self->birth_date, sizeof self->birth_date, "%04d-%02d-%02d",
              g_date_get_year (&birth), g_date_get_month (&birth), g_date_get_day (&birth));

  /* The sequence's last digit is odd for men, even for women. */
  sequence = (int) anju_bench_random_below (random, 500) * 2 + (female ? 0 : 1);
  g_snprintf (first17, sizeof first17, "%s%04d%02d%02d%03d", region,
              g_date_get_year (&birth), g_date_get_month (&birth), g_date_get_day (&birth),
              sequence);
  g_snprintf (self->id_no, sizeof self->id_no, "%s%c", first17,
              anju_id_number_check_char (first17));
  anju_bench_phone_fill (random, self->phone);
}
