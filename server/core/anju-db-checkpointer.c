/* anju-db-checkpointer.c: passive WAL checkpoints in a thread of their own.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-db-checkpointer.h"

/* SQLite's own autocheckpoint size, put back when the checkpointer goes. */
#define SQLITE_DEFAULT_CHECKPOINT_FRAMES 1000

struct _AnjuDbCheckpointer
{
  AnjuDb  *writer;      /* (owned) */
  sqlite3 *handle;      /* (owned) the thread's own connection */
  GThread *thread;      /* (owned) */
  guint    threshold;
  guint    limit;

  /* Under mutex: */
  GMutex   mutex;
  GCond    cond;
  gboolean wanted;      /* a commit passed threshold since the last pass began */
  gboolean running;     /* a pass is copying now */
  gboolean stopping;
  guint    passes;
};

static void
run_pass (AnjuDbCheckpointer *self)
{
  int rc = sqlite3_wal_checkpoint_v2 (self->handle, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);

  /* BUSY: the writer copies at the limit just now; the next commit wakes
   * us again. */
  if (rc != SQLITE_OK && rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
    g_warning ("WAL checkpoint of %s failed: %s", anju_db_get_path (self->writer),
               sqlite3_errmsg (self->handle));
}

static gpointer
checkpoint_thread (gpointer data)
{
  AnjuDbCheckpointer *self = data;

  /* A connection opens the WAL with its first read; until then its
   * checkpoints do nothing and still answer SQLITE_OK. */
  if (sqlite3_exec (self->handle, "SELECT COUNT(*) FROM sqlite_schema", NULL, NULL, NULL)
      != SQLITE_OK)
    g_warning ("Cannot read %s for its checkpoints: %s", anju_db_get_path (self->writer),
               sqlite3_errmsg (self->handle));

  g_mutex_lock (&self->mutex);
  for (;;)
    {
      while (!self->wanted && !self->stopping)
        g_cond_wait (&self->cond, &self->mutex);
      if (self->stopping)
        break;
      self->wanted = FALSE;
      self->running = TRUE;
      g_mutex_unlock (&self->mutex);

      run_pass (self);

      g_mutex_lock (&self->mutex);
      self->running = FALSE;
      self->passes++;
      g_cond_broadcast (&self->cond);
    }
  g_mutex_unlock (&self->mutex);
  return NULL;
}

/* In the writer's commits, on its thread: frames is the WAL's length. */
static int
wal_committed_cb (void       *data,
                  sqlite3    *handle,
                  const char *schema,
                  int         frames)
{
  AnjuDbCheckpointer *self = data;

  if (frames < 0 || (guint) frames < self->threshold)
    return SQLITE_OK;
  if ((guint) frames >= self->limit)
    {
      /* What the thread has not copied yet; BUSY while it copies, and
       * the next commit tries again. */
      sqlite3_wal_checkpoint_v2 (handle, schema, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
      return SQLITE_OK;
    }
  g_mutex_lock (&self->mutex);
  self->wanted = TRUE;
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->mutex);
  return SQLITE_OK;
}

AnjuDbCheckpointer *
anju_db_checkpointer_new (AnjuDb  *writer,
                          guint    threshold,
                          guint    limit,
                          GError **error)
{
  AnjuDbCheckpointer *self;
  sqlite3 *handle = NULL;
  const char *path;

  g_return_val_if_fail (ANJU_IS_DB (writer), NULL);
  g_return_val_if_fail (threshold > 0 && limit > threshold, NULL);

  path = anju_db_get_path (writer);
  if (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL)
      != SQLITE_OK)
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_DATABASE,
                   /* Translators: %1$s is a file, %2$s the reason */
                   _("Cannot open the database %1$s: %2$s"), path,
                   handle != NULL ? sqlite3_errmsg (handle) : sqlite3_errstr (SQLITE_NOMEM));
      sqlite3_close (handle);
      return NULL;
    }
  sqlite3_extended_result_codes (handle, 1);

  self = g_new0 (AnjuDbCheckpointer, 1);
  self->writer = g_object_ref (writer);
  self->handle = handle;
  self->threshold = threshold;
  self->limit = limit;
  g_mutex_init (&self->mutex);
  g_cond_init (&self->cond);
  self->thread = g_thread_new ("anju-checkpoint", checkpoint_thread, self);

  /* Replaces SQLite's autocheckpoint, which is a WAL hook too. */
  sqlite3_wal_hook (anju_db_get_handle (writer), wal_committed_cb, self);
  return self;
}

void
anju_db_checkpointer_free (AnjuDbCheckpointer *self)
{
  if (self == NULL)
    return;

  sqlite3_wal_autocheckpoint (anju_db_get_handle (self->writer), SQLITE_DEFAULT_CHECKPOINT_FRAMES);

  g_mutex_lock (&self->mutex);
  self->stopping = TRUE;
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->mutex);
  g_thread_join (self->thread);

  sqlite3_close (self->handle);
  g_object_unref (self->writer);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->cond);
  g_free (self);
}

guint
anju_db_checkpointer_settle (AnjuDbCheckpointer *self)
{
  guint passes;

  g_return_val_if_fail (self != NULL, 0);

  g_mutex_lock (&self->mutex);
  while (self->wanted || self->running)
    g_cond_wait (&self->cond, &self->mutex);
  passes = self->passes;
  g_mutex_unlock (&self->mutex);
  return passes;
}
