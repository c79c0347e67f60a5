/* anju-commit-group.c: group commit for the server's writing connection.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anju-commit-group.h"
#include "anju-db.h"

typedef struct
{
  AnjuCommittedFunc func;
  gpointer          user_data;
  GDestroyNotify    destroy;
} Waiter;

struct _AnjuCommitGroup
{
  AnjuDb  *db;            /* (unowned) owns the group */
  guint    max_writes;
  gboolean open;          /* the outer BEGIN IMMEDIATE ran */
  gboolean in_write;      /* a caller's savepoint is open */
  guint    holds;
  guint    deferred;      /* commits left pending during the holds */
  guint    writes;        /* savepoints released into the open group */
  GSource *flush_source;  /* (owned) (nullable) */
  GArray  *waiters;       /* (owned) of Waiter */
  guint64  commits;
  guint64  failures;
};

AnjuCommitGroup *
anju_commit_group_new (AnjuDb *db,
                       guint   max_writes)
{
  AnjuCommitGroup *self = g_new0 (AnjuCommitGroup, 1);

  self->db = db;
  self->max_writes = MAX (max_writes, 1);
  self->waiters = g_array_new (FALSE, FALSE, sizeof (Waiter));
  return self;
}

void
anju_commit_group_free (AnjuCommitGroup *self)
{
  g_autoptr(GError) error = NULL;

  if (self == NULL)
    return;
  if (!anju_commit_group_flush (self, &error))
    g_warning ("The last group of writes was not saved: %s", error->message);
  g_array_unref (self->waiters);
  g_free (self);
}

/* Prepared once and kept, unlike anju_db_exec(): these run several
 * times per write. */
static gboolean
run (AnjuCommitGroup  *self,
     const char       *sql,
     GError          **error)
{
  sqlite3_stmt *stmt = anju_db_prepare (self->db, sql, error);

  return stmt != NULL && anju_db_step_done (self->db, stmt, error);
}

static gboolean
flush_cb (gpointer user_data)
{
  AnjuCommitGroup *self = user_data;
  g_autoptr(GError) error = NULL;

  /* The source goes in flush; a NULL keeps it from being destroyed twice. */
  g_clear_pointer (&self->flush_source, g_source_unref);
  if (!anju_commit_group_flush (self, &error))
    g_warning ("A group of writes was not saved: %s", error->message);
  return G_SOURCE_REMOVE;
}

/* At the requests' own priority: the next turn of the loop commits,
 * after the requests that turn has ready, however busy it stays. */
static void
schedule_flush (AnjuCommitGroup *self)
{
  if (self->flush_source != NULL)
    return;
  self->flush_source = g_idle_source_new ();
  g_source_set_priority (self->flush_source, G_PRIORITY_DEFAULT);
  g_source_set_static_name (self->flush_source, "[anju] group commit");
  g_source_set_callback (self->flush_source, flush_cb, self, NULL);
  g_source_attach (self->flush_source, g_main_context_get_thread_default ());
}

gboolean
anju_commit_group_begin (AnjuCommitGroup  *self,
                         GError          **error)
{
  /* Nested: SQLite's own "within a transaction" error, as without a group. */
  if (self->in_write)
    return anju_db_exec (self->db, "BEGIN IMMEDIATE", error);
  /* IMMEDIATE takes the write lock now, so no write of the group fails
   * half-way because another connection started writing. */
  if (!self->open)
    {
      if (!run (self, "BEGIN IMMEDIATE", error))
        return FALSE;
      self->open = TRUE;
    }
  if (!run (self, "SAVEPOINT anju_write", error))
    return FALSE;
  self->in_write = TRUE;
  return TRUE;
}

gboolean
anju_commit_group_commit (AnjuCommitGroup  *self,
                          GError          **error)
{
  g_return_val_if_fail (self->in_write, FALSE);

  if (!run (self, "RELEASE anju_write", error))
    {
      anju_commit_group_rollback (self);
      return FALSE;
    }
  self->in_write = FALSE;
  self->writes++;
  if (self->holds > 0 && self->writes < self->max_writes)
    {
      self->deferred++;
      schedule_flush (self);
      return TRUE;
    }
  return anju_commit_group_flush (self, error);
}

void
anju_commit_group_rollback (AnjuCommitGroup *self)
{
  if (!self->in_write)
    return;
  self->in_write = FALSE;
  if (!run (self, "ROLLBACK TO anju_write", NULL) || !run (self, "RELEASE anju_write", NULL))
    {
      /* The savepoint is gone only when SQLite rolled back the whole
       * transaction by itself (an I/O error, say): the group with it. */
      self->open = FALSE;
    }
  /* Statements outside any savepoint may have joined the group. */
  if (self->open)
    schedule_flush (self);
}

gboolean
anju_commit_group_in_write (AnjuCommitGroup *self)
{
  return self->in_write;
}

void
anju_commit_group_hold (AnjuCommitGroup *self)
{
  if (self->holds++ == 0)
    self->deferred = 0;
}

guint
anju_commit_group_release (AnjuCommitGroup *self)
{
  g_return_val_if_fail (self->holds > 0, 0);

  return --self->holds == 0 ? self->deferred : 0;
}

gboolean
anju_commit_group_pending (AnjuCommitGroup *self)
{
  return self->open;
}

void
anju_commit_group_when_committed (AnjuCommitGroup   *self,
                                  AnjuCommittedFunc  func,
                                  gpointer           user_data,
                                  GDestroyNotify     destroy)
{
  Waiter waiter = { func, user_data, destroy };

  g_return_if_fail (self->open);

  g_array_append_val (self->waiters, waiter);
  schedule_flush (self);
}

static void
notify_waiters (AnjuCommitGroup *self,
                const GError    *error)
{
  g_autoptr(GArray) waiters = g_steal_pointer (&self->waiters);

  /* A waiter may start the next group. */
  self->waiters = g_array_new (FALSE, FALSE, sizeof (Waiter));
  for (guint i = 0; i < waiters->len; i++)
    {
      Waiter *waiter = &g_array_index (waiters, Waiter, i);

      waiter->func (error, waiter->user_data);
      if (waiter->destroy != NULL)
        waiter->destroy (waiter->user_data);
    }
}

gboolean
anju_commit_group_flush (AnjuCommitGroup  *self,
                         GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (!self->in_write, FALSE);

  if (self->flush_source != NULL)
    {
      g_source_destroy (self->flush_source);
      g_clear_pointer (&self->flush_source, g_source_unref);
    }
  if (self->open)
    {
      ok = run (self, "COMMIT", &local_error);
      if (!ok && !sqlite3_get_autocommit (anju_db_get_handle (self->db)))
        anju_db_exec (self->db, "ROLLBACK", NULL);
      if (!ok)
        self->failures++;
      self->open = FALSE;
      self->writes = 0;
      self->commits++;
    }
  notify_waiters (self, local_error);
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return ok;
}

guint64
anju_commit_group_get_commits (AnjuCommitGroup *self)
{
  return self->commits;
}

guint64
anju_commit_group_get_failures (AnjuCommitGroup *self)
{
  return self->failures;
}
