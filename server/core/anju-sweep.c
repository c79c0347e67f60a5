/* anju-sweep.c: a periodic job done in short batches (see the header).
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anju-sweep.h"

struct _AnjuSweep
{
  /* borrowed */
  AnjuServer           *server;      /* owns the sweep */
  const AnjuSweepFuncs *funcs;
  gpointer              user_data;

  /* owned */
  GSource              *tick;        /* attached: every interval */
  GSource              *batcher;     /* attached: ready while a run goes on */
  gpointer              run;         /* (nullable) the run going on */
  guint                 batch_size;

  /* Shared with the test thread (anju_sweep_*_for_test). */
  GMutex                lock;
  GCond                 cond;
  guint                 runs;        /* begun */
  guint                 ticks;
  guint                 run_batches; /* of the run going on */
  gboolean              running;
  guint                 hold_after;  /* a run's batches before the gate; G_MAXUINT: open */
  gboolean              held;        /* a run waits at the gate */
};

gboolean
anju_sweep_batch_take (AnjuSweepBatch *batch)
{
  if (batch->taken >= batch->size)
    return FALSE;
  if (batch->taken > 0 && g_get_monotonic_time () >= batch->deadline)
    return FALSE;
  batch->taken++;
  return TRUE;
}

/* Whether the test gate lets the run do one more batch (and counts
 * it); when not, the run waits, its batcher asleep, until
 * anju_sweep_release_for_test(). */
static gboolean
pass_gate (AnjuSweep *self)
{
  gboolean pass = TRUE;

  g_mutex_lock (&self->lock);
  if (self->run_batches >= self->hold_after)
    {
      pass = FALSE;
      self->held = TRUE;
      g_source_set_ready_time (self->batcher, -1);
      g_cond_broadcast (&self->cond);
    }
  else
    self->run_batches++;
  g_mutex_unlock (&self->lock);
  return pass;
}

static void
begin_run (AnjuSweep *self)
{
  self->run = self->funcs->begin (self->server, self->user_data);
  g_mutex_lock (&self->lock);
  self->runs++;
  self->run_batches = 0;
  self->running = TRUE;
  g_mutex_unlock (&self->lock);
}

static void
end_run (AnjuSweep *self)
{
  g_source_set_ready_time (self->batcher, -1);
  g_clear_pointer (&self->run, self->funcs->free_run);
  g_mutex_lock (&self->lock);
  self->running = FALSE;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
}

static void
run_batch (AnjuSweep *self)
{
  AnjuSweepBatch batch = {
    .size = self->batch_size,
    .deadline = g_get_monotonic_time () + ANJU_SWEEP_SLICE_MS * 1000,
  };

  if (!pass_gate (self))
    return;
  if (self->funcs->batch (self->server, self->run, &batch, self->user_data))
    g_source_set_ready_time (self->batcher, 0);
  else
    end_run (self);
}

static gboolean
batcher_dispatch (GSource     *source,
                  GSourceFunc  callback,
                  gpointer     user_data)
{
  return callback (user_data);
}

static GSourceFuncs batcher_funcs = { .dispatch = batcher_dispatch };

static gboolean
batcher_cb (gpointer user_data)
{
  AnjuSweep *self = user_data;

  if (self->run == NULL)
    g_source_set_ready_time (self->batcher, -1);
  else
    run_batch (self);
  return G_SOURCE_CONTINUE;
}

static gboolean
tick_cb (gpointer user_data)
{
  AnjuSweep *self = user_data;

  g_mutex_lock (&self->lock);
  self->ticks++;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);

  /* Never a second run beside the one going on: it gets a batch. */
  if (self->run == NULL)
    begin_run (self);
  run_batch (self);
  return G_SOURCE_CONTINUE;
}

AnjuSweep *
anju_sweep_new (AnjuServer           *server,
                guint                 interval_ms,
                guint                 batch_size,
                const AnjuSweepFuncs *funcs,
                gpointer              user_data)
{
  GMainContext *context = g_main_context_get_thread_default ();
  g_autofree char *tick_name = NULL;
  AnjuSweep *self;

  g_return_val_if_fail (interval_ms > 0 && batch_size > 0, NULL);
  g_return_val_if_fail (funcs != NULL && funcs->name != NULL, NULL);

  self = g_new0 (AnjuSweep, 1);
  self->server = server;
  self->funcs = funcs;
  self->user_data = user_data;
  self->batch_size = batch_size;
  self->hold_after = G_MAXUINT;
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);

  /* Below everything a request needs (its sockets at G_PRIORITY_DEFAULT,
   * the database worker's replies at G_PRIORITY_DEFAULT_IDLE): a batch
   * goes only when none of them is ready.  The source is ready by its
   * ready time alone, 0 while a run goes on and -1 otherwise, which the
   * test gate may also set from its own thread. */
  self->batcher = g_source_new (&batcher_funcs, sizeof (GSource));
  g_source_set_priority (self->batcher, G_PRIORITY_LOW);
  g_source_set_name (self->batcher, funcs->name);
  g_source_set_callback (self->batcher, batcher_cb, self, NULL);
  g_source_set_ready_time (self->batcher, -1);
  g_source_attach (self->batcher, context);

  tick_name = g_strconcat (funcs->name, " tick", NULL);
  self->tick = g_timeout_source_new (interval_ms);
  g_source_set_name (self->tick, tick_name);
  g_source_set_callback (self->tick, tick_cb, self, NULL);
  g_source_attach (self->tick, context);
  return self;
}

void
anju_sweep_free (AnjuSweep *self)
{
  if (self == NULL)
    return;

  g_source_destroy (self->tick);
  g_source_destroy (self->batcher);
  g_clear_pointer (&self->tick, g_source_unref);
  g_clear_pointer (&self->batcher, g_source_unref);
  g_clear_pointer (&self->run, self->funcs->free_run);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);
  g_free (self);
}

const char *
anju_sweep_get_name (AnjuSweep *self)
{
  return self->funcs->name;
}

/* ---- tests ------------------------------------------------------------------ */

void
anju_sweep_hold_for_test (AnjuSweep *self,
                          guint      n_batches)
{
  g_mutex_lock (&self->lock);
  self->hold_after = n_batches;
  self->held = FALSE;
  g_mutex_unlock (&self->lock);
}

void
anju_sweep_release_for_test (AnjuSweep *self)
{
  g_mutex_lock (&self->lock);
  self->hold_after = G_MAXUINT;
  if (self->held)
    {
      /* Wakes the server's context: the run goes on from its batcher. */
      self->held = FALSE;
      g_source_set_ready_time (self->batcher, 0);
    }
  g_mutex_unlock (&self->lock);
}

void
anju_sweep_wait_held_for_test (AnjuSweep *self)
{
  g_mutex_lock (&self->lock);
  while (!self->held)
    g_cond_wait (&self->cond, &self->lock);
  g_mutex_unlock (&self->lock);
}

void
anju_sweep_wait_idle_for_test (AnjuSweep *self)
{
  g_mutex_lock (&self->lock);
  while (self->running)
    g_cond_wait (&self->cond, &self->lock);
  g_mutex_unlock (&self->lock);
}

void
anju_sweep_wait_ticks_for_test (AnjuSweep *self,
                                guint      n)
{
  g_mutex_lock (&self->lock);
  while (self->ticks < n)
    g_cond_wait (&self->cond, &self->lock);
  g_mutex_unlock (&self->lock);
}

void
anju_sweep_get_counts_for_test (AnjuSweep *self,
                                guint     *out_runs,
                                guint     *out_ticks)
{
  g_mutex_lock (&self->lock);
  *out_runs = self->runs;
  *out_ticks = self->ticks;
  g_mutex_unlock (&self->lock);
}
