/* anju-db-checkpointer.h: the writer's WAL copied back into the database
 * by a thread of its own.
 *
 * SQLite's own auto-checkpoint runs inside the COMMIT of whichever write
 * takes the WAL past its limit: that request then reads and writes every
 * page changed since the last checkpoint and waits for two fsyncs, all on
 * the server's main loop, where every other request waits behind it.
 *
 * A checkpointer replaces the writer connection's auto-checkpoint with a
 * WAL hook that only wakes its thread once the WAL holds wal_pages pages
 * or more; the thread runs a PASSIVE checkpoint on a connection of its
 * own, which never blocks the writer nor the readers (SQLite copies only
 * what no reader still needs; the rest waits for the next one).  Freeing
 * it stops the thread and gives the writer its auto-checkpoint back.
 *
 * The writer must stay on one thread while the checkpointer lives (the
 * hook runs on it), as AnjuDb requires anyway.
 */
#pragma once

#include "anju-db.h"

G_BEGIN_DECLS

typedef struct _AnjuDbCheckpointer AnjuDbCheckpointer;

/* SQLite's default auto-checkpoint limit, in WAL pages. */
#define ANJU_DB_CHECKPOINT_PAGES 1000

AnjuDbCheckpointer *anju_db_checkpointer_new        (AnjuDb              *writer,
                                                     guint                wal_pages,
                                                     GError             **error);
void                anju_db_checkpointer_free       (AnjuDbCheckpointer  *self);

/* For tests: blocks until the thread has run at least n_runs checkpoints
 * since it started, and returns how many it has run. */
guint               anju_db_checkpointer_wait_runs  (AnjuDbCheckpointer  *self,
                                                     guint                n_runs);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnjuDbCheckpointer, anju_db_checkpointer_free)

G_END_DECLS
