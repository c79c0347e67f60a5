/* test-software-gl.c: the clients leave OpenGL to machines with a GPU
 * (anju-software-gl.h, issue 7: start-up of anju-desktop and anju-kiosk). */
#include "config.h"

#include <glib/gstdio.h>

#include "anju-software-gl.h"

static char *
make_dir (const char *const *entries)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("anju-dri-XXXXXX", &error);

  g_assert_no_error (error);
  for (guint i = 0; entries != NULL && entries[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (dir, entries[i], NULL);

      g_assert_true (g_file_set_contents (path, "", 0, NULL));
    }
  return dir;
}

static void
remove_dir (const char        *dir,
            const char *const *entries)
{
  for (guint i = 0; entries != NULL && entries[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (dir, entries[i], NULL);

      g_assert_cmpint (g_unlink (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* A render node is a GPU Mesa can drive; a card node alone (simpledrm)
 * or no /dev/dri at all means llvmpipe. */
static void
test_only_without_render_node (void)
{
  const char *const gpu[] = { "card0", "renderD128", NULL };
  const char *const display_only[] = { "card0", NULL };
  g_autofree char *with_gpu = make_dir (gpu);
  g_autofree char *without_gpu = make_dir (display_only);
  g_autofree char *empty = make_dir (NULL);
  g_autofree char *missing = g_build_filename (empty, "dri", NULL);

  g_assert_false (anju_software_gl_only (with_gpu));
  g_assert_true (anju_software_gl_only (without_gpu));
  g_assert_true (anju_software_gl_only (empty));
  g_assert_true (anju_software_gl_only (missing));

  remove_dir (with_gpu, gpu);
  remove_dir (without_gpu, display_only);
  remove_dir (empty, NULL);
}

/* What the user set wins; otherwise GL is disabled exactly when this
 * machine has no render node. */
static void
test_avoid_respects_the_user (void)
{
  g_setenv ("GDK_DEBUG", "", TRUE);
  g_unsetenv ("GSK_RENDERER");
  g_assert_false (anju_software_gl_avoid ());
  g_assert_cmpstr (g_getenv ("GDK_DEBUG"), ==, "");

  g_unsetenv ("GDK_DEBUG");
  g_setenv ("GSK_RENDERER", "ngl", TRUE);
  g_assert_false (anju_software_gl_avoid ());
  g_assert_null (g_getenv ("GDK_DEBUG"));

  g_unsetenv ("GSK_RENDERER");
  if (anju_software_gl_only ("/dev/dri"))
    {
      g_assert_true (anju_software_gl_avoid ());
      g_assert_cmpstr (g_getenv ("GDK_DEBUG"), ==, "gl-disable");
      g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "cairo");
    }
  else
    {
      g_assert_false (anju_software_gl_avoid ());
      g_assert_null (g_getenv ("GDK_DEBUG"));
      g_assert_null (g_getenv ("GSK_RENDERER"));
    }
  g_unsetenv ("GDK_DEBUG");
  g_unsetenv ("GSK_RENDERER");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/software-gl/only-without-render-node", test_only_without_render_node);
  g_test_add_func ("/software-gl/avoid-respects-the-user", test_avoid_respects_the_user);

  return g_test_run ();
}
