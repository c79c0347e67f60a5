/* anju-test-tmp-db.c: a database file of a test's own.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "anju-test-tmp-db.h"

char *
anju_test_tmp_db_new (const char *prefix)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_strconcat (prefix, "-XXXXXX", NULL);
  g_autofree char *dir = g_dir_make_tmp (template, &error);

  g_assert_no_error (error);
  return g_build_filename (dir, "anju.db", NULL);
}

void
anju_test_tmp_db_remove (char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };
  g_autofree char *dir = NULL;

  if (path == NULL)
    return;
  dir = g_path_get_dirname (path);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
  g_rmdir (dir);
  g_free (path);
}
