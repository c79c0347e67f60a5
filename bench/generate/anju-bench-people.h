/* anju-bench-people.h: people as the registers know them — citizen ID
 * numbers (GB 11643: region, birth date, sequence with the sex in its
 * last digit, check character), birth dates that match ages, mobile
 * numbers.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "anju-bench-random.h"

G_BEGIN_DECLS

typedef struct
{
  char     *name;
  gboolean  female;
  char      birth_date[11];   /* "YYYY-MM-DD" */
  char      id_no[19];
  char      phone[12];
} AnjuBenchPerson;

void  anju_bench_person_clear (AnjuBenchPerson *self);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AnjuBenchPerson, anju_bench_person_clear)

/* A person aged age (whole years on the day today, a GDate Julian day),
 * born in region (a six-digit division code). */
void  anju_bench_person_init  (AnjuBenchPerson *self,
                               AnjuBenchRandom *random,
                               const char      *region,
                               gboolean         female,
                               int              age,
                               guint32          today);
/* A mobile number of a Chinese carrier's prefix: 11 digits. */
void  anju_bench_phone_fill   (AnjuBenchRandom *random,
                               char             out_phone[12]);
/* Where people were born: mostly Changsha's divisions, the rest Hunan's
 * other cities. */
const char *anju_bench_birth_region (AnjuBenchRandom *random);

G_END_DECLS
