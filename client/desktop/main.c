/* main.c: anju-desktop. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "anju-application.h"
#include "anju-bench-timing.h"
#include "anju-software-gl.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AnjuApplication) app = NULL;
  const char *localedir;

  anju_bench_timing_start ();

  /* Follow the desktop's language; ANJU_LOCALEDIR lets an uninstalled
   * build (meson devenv) find its own catalogues. */
  setlocale (LC_ALL, "");
  localedir = g_getenv ("ANJU_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_prgname ("anju-desktop");
  /* Before GTK starts: cairo, not llvmpipe, on a machine without a GPU. */
  anju_software_gl_avoid ();
  g_set_application_name (_("Anju"));

  app = anju_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
