/* anju-stmt.h: scope guard for statements borrowed from anju_db_prepare().
 *
 *   g_auto(AnjuStmt) stmt = anju_db_prepare (db, SQL, error);
 *
 * resets the statement when it goes out of scope, so a half-read SELECT
 * never keeps its read snapshot (and the WAL) pinned until the next
 * caller happens to prepare the same SQL.
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

typedef sqlite3_stmt *AnjuStmt;

G_DEFINE_AUTO_CLEANUP_FREE_FUNC (AnjuStmt, sqlite3_reset, NULL)

G_END_DECLS
