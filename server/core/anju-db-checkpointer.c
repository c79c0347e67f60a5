/* anju-db-checkpointer.c: PASSIVE checkpoints of the writer's WAL in a
 * thread of their own.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anju-db-checkpointer.h"

struct _AnjuDbCheckpointer
{
  AnjuDb  *writer;       /* (owned) its WAL hook points at us */
  AnjuDb  *own;          /* (owned) used by the thread only */
  GThread *thread;       /* (owned) */
  guint    wal_pages;

  GMutex   lock;
  GCond    cond;
  gboolean pending;      /* under lock: the WAL reached wal_pages */
  gboolean stopping;     /* under lock */
  guint    runs;         /* under lock: checkpoints done */
};

/* On the writer's thread, after each commit: n_pages is the size of the
 * WAL.  Never does the work here, that is the point. */
static int
wal_committed_cb (void       *data,
                  sqlite3    *handle,
                  const char *schema,
                  int         n_pages)
{
  AnjuDbCheckpointer *self = data;

  if (n_pages < 0 || (guint) n_pages < self->wal_pages)
    return SQLITE_OK;
  g_mutex_lock (&self->lock);
  if (!self->pending)
    {
      self->pending = TRUE;
      g_cond_broadcast (&self->cond);
    }
  g_mutex_unlock (&self->lock);
  return SQLITE_OK;
}

static void
checkpoint (AnjuDbCheckpointer *self)
{
  int rc = sqlite3_wal_checkpoint_v2 (anju_db_get_handle (self->own), NULL,
                                      SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);

  /* BUSY: another checkpoint (a backup, the CLI) is running; the next
   * commit asks again. */
  if (rc != SQLITE_OK && rc != SQLITE_BUSY)
    g_warning ("WAL checkpoint of %s failed: %s", anju_db_get_path (self->own),
               sqlite3_errmsg (anju_db_get_handle (self->own)));
}

static gpointer
run_checkpoints (gpointer data)
{
  AnjuDbCheckpointer *self = data;

  g_mutex_lock (&self->lock);
  for (;;)
    {
      while (!self->pending && !self->stopping)
        g_cond_wait (&self->cond, &self->lock);
      if (self->stopping)
        break;
      self->pending = FALSE;
      g_mutex_unlock (&self->lock);

      checkpoint (self);

      g_mutex_lock (&self->lock);
      self->runs++;
      g_cond_broadcast (&self->cond);
    }
  g_mutex_unlock (&self->lock);
  return NULL;
}

AnjuDbCheckpointer *
anju_db_checkpointer_new (AnjuDb   *writer,
                          guint     wal_pages,
                          GError  **error)
{
  AnjuDbCheckpointer *self;
  AnjuDb *own;

  g_return_val_if_fail (ANJU_IS_DB (writer), NULL);
  g_return_val_if_fail (wal_pages > 0, NULL);

  own = anju_db_open (anju_db_get_path (writer), error);
  if (own == NULL)
    return NULL;

  self = g_new0 (AnjuDbCheckpointer, 1);
  self->writer = g_object_ref (writer);
  self->own = own;
  self->wal_pages = wal_pages;
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
  self->thread = g_thread_new ("anju-checkpoint", run_checkpoints, self);
  /* Replaces the auto-checkpoint, which is a WAL hook too. */
  sqlite3_wal_hook (anju_db_get_handle (writer), wal_committed_cb, self);
  return self;
}

void
anju_db_checkpointer_free (AnjuDbCheckpointer *self)
{
  if (self == NULL)
    return;

  sqlite3_wal_autocheckpoint (anju_db_get_handle (self->writer), ANJU_DB_CHECKPOINT_PAGES);
  g_mutex_lock (&self->lock);
  self->stopping = TRUE;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
  g_thread_join (self->thread);

  g_object_unref (self->own);
  g_object_unref (self->writer);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);
  g_free (self);
}

guint
anju_db_checkpointer_wait_runs (AnjuDbCheckpointer *self,
                                guint               n_runs)
{
  guint runs;

  g_mutex_lock (&self->lock);
  while (self->runs < n_runs)
    g_cond_wait (&self->cond, &self->lock);
  runs = self->runs;
  g_mutex_unlock (&self->lock);
  return runs;
}
