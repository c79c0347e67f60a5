/* anju-test-tmp-db.h: a database file of a test's own.
 *
 * For tests that open a connection themselves rather than start a
 * server: a path "anju.db" in a fresh temporary directory, and its
 * removal with the WAL and shared-memory files SQLite puts beside it.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* (transfer full) prefix names the directory, e.g. "anju-commit-group". */
char *anju_test_tmp_db_new    (const char *prefix);
/* Removes the file, its -wal and -shm, and the directory; frees path. */
void  anju_test_tmp_db_remove (char       *path);

G_END_DECLS
