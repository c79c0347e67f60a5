/* anju-test-display.h: what every test of a GTK client does first.
 *
 * For GLib tests run under `dbus-run-session -- xvfb-run -a`: the display
 * settings and private home a client test needs before GTK starts, and a
 * wait that iterates the main context until a condition holds, with a
 * deadline that only catches a hang, never a slow machine.  Shared by the
 * desktop's and the kiosk's fixtures.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef gboolean (*AnjuTestCondition) (gpointer data);

/* Call first in main(): software rendering, no system proxy resolver, a
 * private home for the process (trusted servers, GStreamer's registry),
 * then gtk_test_init() and adw_init(). */
void     anju_test_display_init      (int                *argc,
                                      char             ***argv);

/* FALSE (with a test message naming what) when the deadline passed. */
gboolean anju_test_display_wait_for  (AnjuTestCondition   condition,
                                      gpointer            data,
                                      const char         *what);

G_END_DECLS
