/* anju-sweep.h: a periodic job done in short batches on the main loop.
 *
 * A sweep (the end of publicity periods, overdue reminders) may find
 * thousands of items at once, each a transaction with its documents and
 * messages; done in one callback they would hold the main loop, and
 * every request queued behind it, for as long as they all take.
 *
 * So the server (anju_server_add_sweep) ticks every interval, and a tick
 * begins a run unless the sweep's previous run is still going: never two
 * runs of one sweep.  A run goes one batch at a time: at most [sweeps]
 * batch_size items, fewer once ANJU_SWEEP_SLICE_MS have gone, never none.
 * Between two batches it yields: the next batch comes from a source of
 * low priority, so every request that is waiting goes first.  A tick
 * that finds its run still going does one batch of it itself, at the
 * tick's priority, so that a run moves on even while requests never let
 * the loop go idle.  Shutdown stops a run between two batches and frees
 * its state.
 *
 * What a run does is the module's: it keeps its own cursor (the key of
 * the last item seen, so each batch reads one bounded page), and each
 * item is a transaction of its own.  An item that fails is logged and
 * passed over; the next run tries it again.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _AnjuServer AnjuServer;
typedef struct _AnjuSweep AnjuSweep;

/* How much of the main loop one batch may take before it yields. */
#define ANJU_SWEEP_SLICE_MS 20

/* One batch's budget. */
typedef struct
{
  guint  size;       /* at most this many items: LIMIT of the batch's page */
  guint  taken;      /* items taken so far */
  gint64 deadline;   /* monotonic µs: no item starts after it but the first */
} AnjuSweepBatch;

/* TRUE (and counts it) when one more item fits in batch. */
gboolean anju_sweep_batch_take (AnjuSweepBatch *batch);

typedef struct
{
  /* Names the sweep in the log and for anju_server_get_sweep(). */
  const char *name;
  /* A run begins: its state (the time it sweeps at, its cursor). */
  gpointer  (*begin)    (AnjuServer     *server,
                         gpointer        user_data);
  /* One batch of run: items while anju_sweep_batch_take() allows.
   * TRUE while items may be left; FALSE once the run is over (a store
   * failure too: the module logs it, and the next tick begins anew). */
  gboolean  (*batch)    (AnjuServer     *server,
                         gpointer        run,
                         AnjuSweepBatch *batch,
                         gpointer        user_data);
  void      (*free_run) (gpointer        run);
} AnjuSweepFuncs;

/* Made by anju_server_add_sweep(), freed by the server at shutdown:
 * ticks every interval_ms on the thread-default main context.  funcs
 * and user_data must outlive it. */
AnjuSweep  *anju_sweep_new                  (AnjuServer           *server,
                                             guint                 interval_ms,
                                             guint                 batch_size,
                                             const AnjuSweepFuncs *funcs,
                                             gpointer              user_data);
/* Stops a run going on (between two batches) and frees its state. */
void        anju_sweep_free                 (AnjuSweep            *self);
const char *anju_sweep_get_name             (AnjuSweep            *self);

/* Tests, from any thread (the sweep runs in the server's): from now on,
 * a run that has done n_batches batches waits at a gate before its next
 * one (the main loop stays free meanwhile), until released. */
void        anju_sweep_hold_for_test        (AnjuSweep            *self,
                                             guint                 n_batches);
void        anju_sweep_release_for_test     (AnjuSweep            *self);
/* Blocks until a run waits at the gate. */
void        anju_sweep_wait_held_for_test   (AnjuSweep            *self);
/* Blocks until no run is going on. */
void        anju_sweep_wait_idle_for_test   (AnjuSweep            *self);
/* Blocks until the sweep has ticked n times in all. */
void        anju_sweep_wait_ticks_for_test  (AnjuSweep            *self,
                                             guint                 n);
/* Runs begun and ticks so far. */
void        anju_sweep_get_counts_for_test  (AnjuSweep            *self,
                                             guint                *out_runs,
                                             guint                *out_ticks);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnjuSweep, anju_sweep_free)

G_END_DECLS
