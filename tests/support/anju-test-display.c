/* anju-test-display.c
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "anju-test-dirs.h"
#include "anju-test-display.h"

/* Generous: only a hang should ever reach it. */
#define WAIT_SECONDS 45

void
anju_test_display_init (int    *argc,
                        char ***argv)
{
  /* Before GTK, GIO and GStreamer start: software rendering under Xvfb,
   * no system proxy resolver (it needs GSettings schemas the private home
   * hides), and a private home, so the trusted servers, GStreamer's
   * registry and the caches are the test's own. */
  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  anju_test_isolate_dirs ();

  gtk_test_init (argc, argv, NULL);
  adw_init ();

  /* Without a window manager, focus moves between windows without the
   * focus-out GTK 4.8's cursor blink expects, and its warning would be
   * fatal here.  A steady cursor has nothing to warn about. */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);
}

static gboolean
wake_up_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

gboolean
anju_test_display_wait_for (AnjuTestCondition  condition,
                            gpointer           data,
                            const char        *what)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;
  guint wake_up = g_timeout_add (50, wake_up_cb, NULL);
  gboolean held;

  while (!(held = condition (data)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (wake_up);
  if (!held)
    g_test_message ("Gave up waiting for %s", what);

  return held;
}
