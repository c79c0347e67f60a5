/* anju-bench-generator-private.h: what the generator's phases share.
 *
 * Each phase writes in batches, one transaction per batch (what the
 * server does per request would be one per record; batches make the
 * generator bound by the work, not by fsync).
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "anju-audit.h"
#include "anju-bench-generate.h"
#include "anju-bench-random.h"
#include "anju-bench-sizes.h"
#include "anju-db.h"
#include "anju-org-store.h"

G_BEGIN_DECLS

#define ANJU_BENCH_DAY   G_GINT64_CONSTANT (86400)
#define ANJU_BENCH_YEARS 5

/* Random streams: one per phase, one per application above these. */
enum
{
  ANJU_BENCH_STREAM_KEYS = 1,
  ANJU_BENCH_STREAM_ORGS,
  ANJU_BENCH_STREAM_USERS,
  ANJU_BENCH_STREAM_HOUSING,
  ANJU_BENCH_STREAM_APPLICATIONS = 1000,
};

typedef struct
{
  gint64          id;
  char           *username;
  char           *name;
  AnjuAuditActor  actor;        /* borrows username and the org's path */
} AnjuBenchUser;

typedef struct _AnjuBenchOrg AnjuBenchOrg;
struct _AnjuBenchOrg
{
  AnjuOrgRef    ref;            /* (owned) id, kind, name, path */
  AnjuBenchOrg *parent;         /* (nullable) borrowed */
  const char   *district;       /* borrowed: "岳麓区" */
  const char   *district_code;  /* borrowed: "430104" */
  GPtrArray    *users;          /* of AnjuBenchUser */
};

typedef struct
{
  AnjuDb              *db;
  GBytes              *audit_key;
  const AnjuBenchSize *size;
  guint64              seed;
  gboolean             quiet;
  char                *password_hash;
  gint64               start;          /* ANJU_BENCH_BASE_TIME - five years */
  guint32              today;          /* Julian day of the base time, in Shanghai */

  AnjuBenchOrg        *center;
  GPtrArray           *streets;        /* of AnjuBenchOrg, borrowed from orgs */
  GPtrArray           *communities;
  GPtrArray           *employers;
  GPtrArray           *operators;
  GPtrArray           *orgs;           /* (owned) every one */

  /* Progress of the running batch phase. */
  const char          *phase;
  guint                batch_size;
  gint64               phase_started;  /* monotonic µs, for the report only */
} AnjuBenchGen;

/* The phases, in order; each opens and commits its own transactions. */
gboolean anju_bench_make_organisations (AnjuBenchGen  *gen,
                                        GError       **error);
gboolean anju_bench_make_housing       (AnjuBenchGen  *gen,
                                        GError       **error);
gboolean anju_bench_make_applications  (AnjuBenchGen  *gen,
                                        GError       **error);

/* Batches: begin opens the first transaction; step commits and opens the
 * next one every gen->batch_size items, printing progress; end commits
 * the last. */
gboolean anju_bench_batch_begin        (AnjuBenchGen  *gen,
                                        const char    *phase,
                                        GError       **error);
gboolean anju_bench_batch_step         (AnjuBenchGen  *gen,
                                        guint          done,
                                        guint          total,
                                        GError       **error);
gboolean anju_bench_batch_end          (AnjuBenchGen  *gen,
                                        guint          total,
                                        GError       **error);

/* A user of org picked at random (org has at least one). */
AnjuBenchUser *anju_bench_org_pick_user (AnjuBenchOrg    *org,
                                         AnjuBenchRandom *random);

/* "anju-server": what init and imports write as. */
extern const AnjuAuditActor anju_bench_system_actor;

G_END_DECLS
