/* anju-bench-households.h: an application's household as the Application
 * object of docs/api.md (what anju_application_store_insert() takes).
 *
 * The data is drawn so that the pre-review comes out as planned: a
 * household meant to pass has a Changsha hukou of three years or more
 * and income and floor area under the migrations' limits; one meant to
 * fail misses the hukou years or, for physical allocation, the income.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "anju-bench-generator-private.h"

G_BEGIN_DECLS

JsonObject *anju_bench_household_new (AnjuBenchGen    *gen,
                                      AnjuBenchRandom *random,
                                      AnjuBenchOrg    *org,
                                      const char      *business_type,
                                      gboolean         passes,
                                      gint64           created_at);

G_END_DECLS
