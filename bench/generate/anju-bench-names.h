/* anju-bench-names.h: Chinese personal names, drawn by frequency.
 *
 * Surnames follow their national frequency (the 2020 census order, per
 * mille, the long tail folded into the last rows); given names are one
 * or two characters from pools that differ by sex, as given names do.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "anju-bench-random.h"

G_BEGIN_DECLS

/* A full name ("王秀英"); female FALSE draws from the male pool. */
char *anju_bench_name_new (AnjuBenchRandom *random,
                           gboolean         female);

G_END_DECLS
