#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#include "anju-test-dirs.h"

/* The process's private home; set once, before any test runs. */
static char *private_home;

static const struct
{
  const char *variable;
  const char *subdir;
} user_dirs[] = {
  { "HOME", "home" },
  { "XDG_CONFIG_HOME", "config" },
  { "XDG_DATA_HOME", "data" },
  { "XDG_CACHE_HOME", "cache" },
  { "XDG_STATE_HOME", "state" },
  { "XDG_RUNTIME_DIR", "runtime" },
};

static void
remove_tree (const char *path,
             gboolean    keep_top)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_SYMLINK) || !g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_remove (path);
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_tree (child, FALSE);
    }
  if (!keep_top)
    g_rmdir (path);
}

static void
remove_private_home (void)
{
  if (private_home != NULL)
    remove_tree (private_home, FALSE);
  g_clear_pointer (&private_home, g_free);
}

static void
make_user_dirs (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (user_dirs); i++)
    {
      g_autofree char *path = g_build_filename (private_home, user_dirs[i].subdir, NULL);

      if (g_mkdir_with_parents (path, 0700) != 0)
        g_error ("Cannot create %s: %s", path, g_strerror (errno));
      g_setenv (user_dirs[i].variable, path, TRUE);
    }
}

void
anju_test_isolate_dirs (void)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (private_home == NULL);

  private_home = g_dir_make_tmp ("anju-test-home-XXXXXX", &error);
  if (private_home == NULL)
    g_error ("Cannot make a private home: %s", error->message);

  make_user_dirs ();
  atexit (remove_private_home);
}

void
anju_test_clear_dirs (void)
{
  g_return_if_fail (private_home != NULL);

  remove_tree (private_home, TRUE);
  make_user_dirs ();
}
