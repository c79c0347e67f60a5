/* anju-commit-group.h: group commit for the server's writing connection.
 *
 * Every write request used to end in a COMMIT of its own.  At city size
 * a commit rewrites some 25 pages that nearly every write touches (the
 * right-hand leaves of the audit and log tables, the statistics
 * summaries, the version rows); the COMMIT was 15 % of the main loop's
 * time under the submit scenario (bench/RESULTS.md).
 *
 * With a group, anju_db_begin() opens one outer transaction (BEGIN
 * IMMEDIATE) when none is open and a SAVEPOINT inside it for the
 * caller; anju_db_commit() releases the savepoint and, while a request
 * handler holds commits (anju_commit_group_hold()), leaves the outer
 * transaction open for the other requests of the same turn of the main
 * loop.  An idle source at the requests' priority commits it on the
 * next turn, or the write that reaches max_writes does.  A failed
 * request still rolls back only its own savepoint.
 *
 * The answer to a deferred write must not go out before its COMMIT: the
 * server pauses the message and resumes it from
 * anju_commit_group_when_committed(), with an error answer instead when
 * the COMMIT failed (then every write of the group is gone, none half).
 * Writes made outside a hold (sweeps, timers, replies that come later
 * from a thread) commit at once, together with whatever is pending.
 *
 * Main-loop reads on the same connection see the group's writes before
 * they are committed; other connections (the database worker's readers)
 * see them after.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _AnjuDb AnjuDb;
typedef struct _AnjuCommitGroup AnjuCommitGroup;

/* error is NULL when the group committed. */
typedef void (*AnjuCommittedFunc) (const GError *error,
                                   gpointer      user_data);

/* db is not referenced: it owns the group (anju_db_enable_group_commit()). */
AnjuCommitGroup *anju_commit_group_new            (AnjuDb            *db,
                                                   guint              max_writes);
/* Commits what is pending first. */
void             anju_commit_group_free           (AnjuCommitGroup   *self);

gboolean         anju_commit_group_begin          (AnjuCommitGroup   *self,
                                                   GError           **error);
gboolean         anju_commit_group_commit         (AnjuCommitGroup   *self,
                                                   GError           **error);
void             anju_commit_group_rollback       (AnjuCommitGroup   *self);
/* TRUE between anju_commit_group_begin() and its commit or rollback. */
gboolean         anju_commit_group_in_write       (AnjuCommitGroup   *self);

/* Around a request handler: the commits in between may wait for the
 * group.  release returns how many did. */
void             anju_commit_group_hold           (AnjuCommitGroup   *self);
guint            anju_commit_group_release        (AnjuCommitGroup   *self);

/* TRUE while writes wait for their COMMIT. */
gboolean         anju_commit_group_pending        (AnjuCommitGroup   *self);
/* func runs once, after the COMMIT of the writes pending now; only
 * while anju_commit_group_pending(). */
void             anju_commit_group_when_committed (AnjuCommitGroup   *self,
                                                   AnjuCommittedFunc  func,
                                                   gpointer           user_data,
                                                   GDestroyNotify     destroy);
/* Commits what is pending now; FALSE with error when the COMMIT failed
 * (the pending writes are then rolled back). */
gboolean         anju_commit_group_flush          (AnjuCommitGroup   *self,
                                                   GError           **error);
/* How many group COMMITs failed (their writes rolled back). */
guint64          anju_commit_group_get_failures   (AnjuCommitGroup   *self);
/* How many COMMITs the group has run: for tests. */
guint64          anju_commit_group_get_commits    (AnjuCommitGroup   *self);

G_END_DECLS
