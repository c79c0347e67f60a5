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
#include "anju-test-display.h"
#include "anju-test-server.h"

G_BEGIN_DECLS

/* Depth-first search below (and including) root; NULL when none. */
GtkWidget  *anju_desktop_test_find_label  (GtkWidget         *root,
                                           const char        *text);
/* A label whose text starts with prefix (a toast, a message). */
GtkWidget  *anju_desktop_test_find_label_starting (GtkWidget   *root,
                                                   const char  *prefix);
GtkWidget  *anju_desktop_test_find_button (GtkWidget         *root,
                                           const char        *action_name);
GtkWidget  *anju_desktop_test_find_type   (GtkWidget         *root,
                                           GType              type);
/* The AdwPreferencesRow (entry row, combo row …) titled title. */
GtkWidget  *anju_desktop_test_find_row    (GtkWidget         *root,
                                           const char        *title);
/* The first visible toplevel of that type, or NULL. */
GtkWidget  *anju_desktop_test_find_window (GType              type);

/* Emits "clicked" on a button that must be sensitive. */
void        anju_desktop_test_click       (GtkWidget         *button);
/* The item of action_name in a menu below root (the popover of a
 * GtkMenuButton, built with the button), or NULL; and a click on it,
 * which must be sensitive. */
GtkWidget  *anju_desktop_test_find_menu_item  (GtkWidget     *root,
                                               const char    *action_name);
void        anju_desktop_test_click_menu_item (GtkWidget     *item);

/* Clicks the button of a message dialog's response, which must be
 * enabled; that answers and closes the dialog.  (The answer alone,
 * adw_message_dialog_response(), leaves the dialog open.) */
void        anju_desktop_test_answer      (GtkWidget         *dialog,
                                           const char        *response);

/* Waits (with the usual deadline) until a toplevel of type is mapped and
 * returns it; or until none is left. */
GtkWidget  *anju_test_display_wait_for_window      (GType       type);
void        anju_test_display_wait_for_window_gone (GType       type);
/* Waits until the button of action_name below root is sensitive, then
 * clicks it. */
void        anju_desktop_test_click_action    (GtkWidget         *root,
                                               const char        *action_name);
/* Sets the text of the editable row titled title in dialog. */
void        anju_desktop_test_set_row_text    (GtkWidget         *dialog,
                                               const char        *title,
                                               const char        *text);

/* What a test does with the signed-in desktop. */
typedef void (*AnjuDesktopTestBody) (AnjuWindow *window,
                                     gpointer    data);

/* Runs a fresh application through g_application_run(), so it starts up,
 * registers and shuts down as in real life, and inside it: signs in as
 * username through the sign-in window (trusting the server's certificate
 * after checking that the fingerprint shown is the server's), calls
 * body with the main window, then closes every window.  Fails the test
 * when the API client or the application outlives it (a leak). */
void        anju_desktop_test_run         (AnjuTestServer      *server,
                                           const char          *username,
                                           const char          *password,
                                           AnjuDesktopTestBody  body,
                                           gpointer             data);
/* Activates the sidebar row of that page and returns the page. */
GtkWidget  *anju_desktop_test_open_page   (AnjuWindow        *window,
                                           const char        *name);

G_END_DECLS
