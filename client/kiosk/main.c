/* main.c: anju-kiosk, the citizens' service terminal.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "anju-bench-timing.h"
#include "anju-kiosk-application.h"
#include "anju-software-gl.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AnjuKioskApplication) app = NULL;
  const char *localedir;

  anju_bench_timing_start ();

  /* ANJU_LOCALEDIR lets an uninstalled build (meson devenv,
   * run-platform.sh) find the catalogues it just built. */
  setlocale (LC_ALL, "");
  localedir = g_getenv ("ANJU_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Before GTK starts: cairo, not llvmpipe, on a machine without a GPU. */
  anju_software_gl_avoid ();

  app = anju_kiosk_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
