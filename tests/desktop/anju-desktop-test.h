/* anju-desktop-test.h: drive anju-desktop through its real windows.
 *
 * For GLib tests run under `dbus-run-session -- xvfb-run -a`.  Widgets
 * are driven as a person would (text into entries, "clicked" on
 * buttons); every wait iterates the main context until a condition
 * holds, with a deadline that only catches a hang, never a slow machine.
 */
#pragma once

#include <adwaita.h>

#include "anju-desktop-private.h"
#include "anju-test-server.h"

G_BEGIN_DECLS

typedef gboolean (*AnjuTestCondition) (gpointer data);

/* Call first in main(): display settings, then gtk_test_init() with
 * isolated directories. */
void        anju_desktop_test_init        (int               *argc,
                                           char            ***argv);

/* FALSE (with a test message naming what) when the deadline passed. */
gboolean    anju_desktop_test_wait_for    (AnjuTestCondition  condition,
                                           gpointer           data,
                                           const char        *what);

/* Depth-first search below (and including) root; NULL when none. */
GtkWidget  *anju_desktop_test_find_label  (GtkWidget         *root,
                                           const char        *text);
GtkWidget  *anju_desktop_test_find_button (GtkWidget         *root,
                                           const char        *action_name);
GtkWidget  *anju_desktop_test_find_type   (GtkWidget         *root,
                                           GType              type);
/* The first visible toplevel of that type, or NULL. */
GtkWidget  *anju_desktop_test_find_window (GType              type);

/* Emits "clicked" on a button that must be sensitive. */
void        anju_desktop_test_click       (GtkWidget         *button);

/* Starts the application and signs in as username through the sign-in
 * window, trusting the server's certificate after checking that the
 * fingerprint shown is the server's.  Returns the main window. */
AnjuWindow *anju_desktop_test_sign_in     (AnjuApplication   *app,
                                           AnjuTestServer    *server,
                                           const char        *username,
                                           const char        *password);
/* Activates the sidebar row of that page and returns the page. */
GtkWidget  *anju_desktop_test_open_page   (AnjuWindow        *window,
                                           const char        *name);
/* Destroys every window and drops app, then waits for the API client
 * (and so its connections, which the server waits for when it stops)
 * to be finalized; a client that survives is a leak. */
void        anju_desktop_test_close       (AnjuApplication  **app);

G_END_DECLS
