/* anju-db.h: the store's SQLite connection.
 *
 * One connection per thread that uses it (the server's is on its main
 * thread).  WAL, foreign keys on, busy_timeout set.  Migrations are SQL
 * files in the server GResource (/org/anju/server/sql/NNNN-name.sql),
 * applied in order, one transaction each; PRAGMA user_version holds the
 * number of the last one applied.
 *
 * Statements from anju_db_prepare() are cached per SQL text and come back
 * reset with their bindings cleared; they are borrowed, never finalized
 * by the caller, and must not be used by two callers at once.
 */
#pragma once

#include <glib-object.h>
#include <sqlite3.h>

#include "anju-commit-group.h"
#include "anju-error.h"

G_BEGIN_DECLS

#define ANJU_TYPE_DB (anju_db_get_type ())
G_DECLARE_FINAL_TYPE (AnjuDb, anju_db, ANJU, DB, GObject)

AnjuDb       *anju_db_open                 (const char  *path,
                                            GError     **error);
/* A read-only connection to the database at path, which must exist and
 * be in WAL mode (the writer's connection made it so): for threads that
 * only read beside the writer (anju-db-worker.h).  Same busy timeout and
 * pragmas as anju_db_open(); writes fail with SQLITE_READONLY. */
AnjuDb       *anju_db_open_reader          (const char  *path,
                                            GError     **error);
gboolean      anju_db_migrate              (AnjuDb      *self,
                                            GError     **error);
int           anju_db_get_schema_version   (AnjuDb      *self);
int           anju_db_get_latest_version   (void);
const char   *anju_db_get_path             (AnjuDb      *self);
sqlite3      *anju_db_get_handle           (AnjuDb      *self);

sqlite3_stmt *anju_db_prepare              (AnjuDb      *self,
                                            const char  *sql,
                                            GError     **error);
gboolean      anju_db_exec                 (AnjuDb      *self,
                                            const char  *sql,
                                            GError     **error);
/* Steps a statement that returns no row; maps constraint failures to
 * ANJU_ERROR_CONFLICT and the rest to ANJU_ERROR_DATABASE. */
gboolean      anju_db_step_done            (AnjuDb        *self,
                                            sqlite3_stmt  *stmt,
                                            GError       **error);
/* Runs sql, a statement with the single parameter ?1 that returns no row
 * (DELETE … WHERE id = ?1), with id bound; errors as anju_db_step_done(). */
gboolean      anju_db_exec_with_id         (AnjuDb        *self,
                                            const char    *sql,
                                            gint64         id,
                                            GError       **error);
/* Steps a statement that returns at most one row: TRUE with stmt on the
 * row; FALSE with error set to missing_code and missing_message when there
 * is none, or to the database error. */
gboolean      anju_db_step_row             (AnjuDb        *self,
                                            sqlite3_stmt  *stmt,
                                            AnjuErrorCode  missing_code,
                                            const char    *missing_message,
                                            GError       **error);
/* Steps a statement that returns at most one row and reads its first
 * column as an integer: *out_id is 0 when there is no row, which is never
 * a valid rowid.  FALSE with error set only for a database error. */
gboolean      anju_db_step_id              (AnjuDb        *self,
                                            sqlite3_stmt  *stmt,
                                            gint64        *out_id,
                                            GError       **error);
/* Steps a statement that always returns exactly one row (SELECT COUNT(*)
 * …) and reads its first column; no row is a database error. */
gboolean      anju_db_step_count           (AnjuDb        *self,
                                            sqlite3_stmt  *stmt,
                                            gint64        *out_count,
                                            GError       **error);
/* anju_db_step_count () of sql, prepared (and kept) here and reset after:
 * a number read again and again (a version, PRAGMA data_version). */
gboolean      anju_db_query_count          (AnjuDb        *self,
                                            const char    *sql,
                                            gint64        *out_count,
                                            GError       **error);
/* Steps stmt to its end, adding a copy of every row's first column to
 * set (a string set that frees its keys, e.g. permission ids). */
gboolean      anju_db_step_add_texts       (AnjuDb        *self,
                                            sqlite3_stmt  *stmt,
                                            GHashTable    *set,
                                            GError       **error);
/* Steps stmt to its end, appending every row's first column as a
 * gint64 to ids (a GArray of gint64). */
gboolean      anju_db_step_add_ids         (AnjuDb        *self,
                                            sqlite3_stmt  *stmt,
                                            GArray        *ids,
                                            GError       **error);
/* Sets error from the connection's last result code. */
void          anju_db_set_error            (AnjuDb      *self,
                                            GError     **error);

gboolean      anju_db_begin                (AnjuDb      *self,
                                            GError     **error);
gboolean      anju_db_commit               (AnjuDb      *self,
                                            GError     **error);
void          anju_db_rollback             (AnjuDb      *self);
/* TRUE between anju_db_begin() and its commit or rollback. */
gboolean      anju_db_in_write             (AnjuDb      *self);
/* How many writes this connection has rolled back (a failed request, a
 * failed group COMMIT): a cache that keys what it read inside writes on
 * a generation a trigger raises also keys it on this, as a rolled-back
 * write takes its raise back and a later one can bring the number
 * back over other data. */
guint64       anju_db_get_rollbacks        (AnjuDb      *self);
/* From here on the connection's commits are grouped (anju-commit-group.h):
 * the server does this for its own connection, whose requests'
 * answers it holds until their group is committed. */
void          anju_db_enable_group_commit  (AnjuDb      *self,
                                            guint        max_writes);
/* (nullable) */
AnjuCommitGroup *anju_db_get_commit_group  (AnjuDb      *self);
gint64        anju_db_last_insert_id       (AnjuDb      *self);
gint64        anju_db_size_bytes           (AnjuDb      *self);

/* Online backup of the whole database to dest (a new file), safe while
 * other connections write: one sqlite3_backup_step(-1) over one read
 * snapshot, then quick_check on the copy. */
gboolean      anju_db_backup_to            (AnjuDb      *self,
                                            const char  *dest,
                                            GError     **error);

/* Replaces every page of self with the contents of source (the restore
 * half of backup); run it while nothing else uses self. */
gboolean      anju_db_restore_from         (AnjuDb      *self,
                                            AnjuDb      *source,
                                            GError     **error);

/* Binds text, or NULL when str is NULL. */
void          anju_db_bind_text            (sqlite3_stmt *stmt,
                                            int           index,
                                            const char   *str);
/* Column text copied, or NULL. */
char         *anju_db_column_dup           (sqlite3_stmt *stmt,
                                            int           index);
/* (transfer full) stmt's SQL with its bound values written in, g_free ()d:
 * the key of what a reader keeps for that statement and those values
 * (anju-reader-cache.h, anju-unit-positions.h). */
char         *anju_db_expanded_sql         (sqlite3_stmt  *stmt,
                                            GError       **error);

G_END_DECLS
