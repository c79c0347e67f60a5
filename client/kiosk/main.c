/* main.c: anju-kiosk, the citizens' service terminal.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "anju-kiosk-application.h"

/* Run from the build tree (run-platform.sh, development), the catalogue
 * to use is the one just built, not an older installed one or none. */
static const char *
find_locale_dir (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *build_root = g_path_get_dirname (BUILD_LOCALEDIR);
  gsize            len = strlen (build_root);

  if (exe != NULL && strncmp (exe, build_root, len) == 0 && exe[len] == G_DIR_SEPARATOR)
    return BUILD_LOCALEDIR;

  return LOCALEDIR;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AnjuKioskApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, find_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = anju_kiosk_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
