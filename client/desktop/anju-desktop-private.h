/* anju-desktop-private.h: what tests may reach inside anju-desktop.
 *
 * Not for the application's own code: these getters expose template
 * children so a GTest can fill the sign-in form, answer the trust
 * dialog and find the pages, through the real windows.
 *
 * A test drives the whole application without g_application_run():
 *
 *   app = _anju_application_new_for_tests (NULL);
 *   g_assert_true (_anju_application_start (app, &error));   // register + activate
 *   login = _anju_application_get_login_window (app);
 *   gtk_editable_set_text (_anju_login_window_get_server_entry (login), srv->base_uri);
 *   …  g_signal_emit_by_name (_anju_login_window_get_sign_in_button (login), "clicked");
 *   iterate the main context until _anju_login_window_get_trust_dialog (login) != NULL,
 *   anju_trust_dialog_answer (dialog, TRUE);
 *   iterate until _anju_application_get_main_window (app) != NULL.
 *
 * Tests should set GIO_USE_PROXY_RESOLVER=dummy before GIO starts: the
 * system proxy resolver needs GSettings schemas that isolated test dirs
 * hide, and tests never need a proxy.
 */
#pragma once

#include <adwaita.h>

#include "anju-api-client.h"
#include "anju-application.h"
#include "anju-login-window.h"
#include "anju-password-page.h"
#include "anju-trust-dialog.h"
#include "anju-trust-store.h"
#include "anju-window.h"

G_BEGIN_DECLS

/* Non-unique (no D-Bus name to fight over), not registered yet.
 * trust_store NULL: the default file (under the test's isolated
 * config dir). */
AnjuApplication  *_anju_application_new_for_tests      (AnjuTrustStore   *trust_store);
/* Registers (startup: styles, resources) and activates (the sign-in
 * window), without a main loop of its own. */
gboolean          _anju_application_start              (AnjuApplication  *self,
                                                        GError          **error);
AnjuTrustStore   *_anju_application_get_trust_store    (AnjuApplication  *self);
/* (nullable) */
AnjuLoginWindow  *_anju_application_get_login_window   (AnjuApplication  *self);
/* (nullable) */
AnjuWindow       *_anju_application_get_main_window    (AnjuApplication  *self);

GtkEditable      *_anju_login_window_get_server_entry   (AnjuLoginWindow *self);
GtkEditable      *_anju_login_window_get_username_entry (AnjuLoginWindow *self);
GtkEditable      *_anju_login_window_get_password_entry (AnjuLoginWindow *self);
GtkButton        *_anju_login_window_get_sign_in_button (AnjuLoginWindow *self);
/* (nullable) the trust dialog while it is asking */
AnjuTrustDialog  *_anju_login_window_get_trust_dialog   (AnjuLoginWindow *self);
AnjuPasswordPage *_anju_login_window_get_password_page  (AnjuLoginWindow *self);
/* (nullable) the text of the message banner while it is shown */
const char       *_anju_login_window_get_message        (AnjuLoginWindow *self);
gboolean          _anju_login_window_is_busy            (AnjuLoginWindow *self);

GtkStack         *_anju_window_get_stack                (AnjuWindow *self);
GtkListBox       *_anju_window_get_sidebar              (AnjuWindow *self);
/* (nullable) the page widget of that name ("users" …) */
GtkWidget        *_anju_window_get_page                 (AnjuWindow *self,
                                                         const char *name);
/* (nullable) the sign-in window shown after the session expired */
AnjuLoginWindow  *_anju_window_get_reauth_window        (AnjuWindow *self);
/* (nullable) the text of the page's sidebar badge while it is shown */
const char       *_anju_window_get_page_badge           (AnjuWindow *self,
                                                         const char *name);

G_END_DECLS
