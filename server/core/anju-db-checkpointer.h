/* anju-db-checkpointer.h: WAL checkpoints off the main loop.
 *
 * Every commit of the server's one writing connection appends its pages
 * to the WAL; a checkpoint copies them back into the database file and
 * syncs both files.  SQLite runs it by default inside the commit that
 * passes 1,000 frames, on the main loop: at city size that was a tenth of
 * a write's CPU and, with its two fsyncs, the main loop waiting on the
 * disk while nobody is served.
 *
 * The checkpointer turns that off on the writer and runs PASSIVE
 * checkpoints in a thread with a connection of its own, woken by the
 * writer's commits once the WAL holds threshold frames.  A passive
 * checkpoint never waits for the writer or a reader, so writes go on
 * while it copies.  The WAL starts over from its beginning only when a
 * write begins with every frame copied back, which a checkpoint beside a
 * steady stream of writes rarely leaves; so when the WAL passes limit
 * frames the writer copies the rest itself (the few frames written since
 * the thread's last pass) and the next write starts the WAL over: the
 * file stays bounded by about limit frames.
 *
 * The thread owns its connection; the writer is only touched on the
 * thread that uses it (the hook runs in its commits).  Free the
 * checkpointer before the writer's last reference goes: it puts SQLite's
 * own checkpoints back on the writer and waits for a running pass.
 */
#pragma once

#include "anju-db.h"

G_BEGIN_DECLS

typedef struct _AnjuDbCheckpointer AnjuDbCheckpointer;

/* The server's settings: the thread wakes at SQLite's default size, the
 * writer steps in at eight times that (two of the WAL index's 4,096-frame
 * hash tables, so page lookups stay short). */
#define ANJU_DB_CHECKPOINT_FRAMES       1000
#define ANJU_DB_CHECKPOINT_LIMIT_FRAMES 8000

AnjuDbCheckpointer *anju_db_checkpointer_new        (AnjuDb              *writer,
                                                     guint                threshold,
                                                     guint                limit,
                                                     GError             **error);
void                anju_db_checkpointer_free       (AnjuDbCheckpointer  *self);

/* For tests: waits until the thread has nothing left to do for the
 * commits made so far, and answers how many passes it has run. */
guint               anju_db_checkpointer_settle     (AnjuDbCheckpointer  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnjuDbCheckpointer, anju_db_checkpointer_free)

G_END_DECLS
