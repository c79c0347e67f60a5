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
#include "anju-home-page.h"
#include "anju-login-window.h"
#include "anju-password-page.h"
#include "anju-record-openers.h"
#include "anju-trust-dialog.h"
#include "anju-trust-store.h"
#include "anju-window.h"
#include "anju-workflow-step-form.h"
#include "anju-workflow-step-list.h"
#include "anju-workflow-template-editor.h"

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
/* (nullable) the page widget of that name ("users" …), built now if it
 * was not yet; NULL when the user has no such page */
GtkWidget        *_anju_window_get_page                 (AnjuWindow *self,
                                                         const char *name);
/* Whether the page's widget exists yet (pages are built when first shown) */
gboolean          _anju_window_page_is_built            (AnjuWindow *self,
                                                         const char *name);
/* (nullable) the sign-in window shown after the session expired */
AnjuLoginWindow  *_anju_window_get_reauth_window        (AnjuWindow *self);
/* (nullable) the text of the page's sidebar badge while it is shown */
const char       *_anju_window_get_page_badge           (AnjuWindow *self,
                                                         const char *name);
/* What "win.open-record" asks; a test may add a domain's opener. */
AnjuRecordOpeners *_anju_window_get_record_openers      (AnjuWindow *self);

/* (nullable) the number a data overview tile shows ("users",
 * "open_tasks" … as in the overview's "tiles"), NULL while it is hidden */
const char       *_anju_home_page_get_tile              (AnjuHomePage *self,
                                                         const char   *member);
/* The page names of the shortcut buttons, in order (transfer full). */
GStrv             _anju_home_page_get_shortcuts         (AnjuHomePage *self);

/* The process template editor: ready when its form shows (everything
 * loaded) and no save is in flight. */
gboolean              _anju_workflow_template_editor_is_ready        (AnjuWorkflowTemplateEditor *self);
AnjuWorkflowStepList *_anju_workflow_template_editor_get_steps       (AnjuWorkflowTemplateEditor *self);
GtkListBox           *_anju_workflow_template_editor_get_step_list   (AnjuWorkflowTemplateEditor *self);
AnjuWorkflowStepForm *_anju_workflow_template_editor_get_step_form   (AnjuWorkflowTemplateEditor *self);
/* (nullable) the message above the form while it is shown: a conflict,
 * or a problem no field shows. */
const char           *_anju_workflow_template_editor_get_message     (AnjuWorkflowTemplateEditor *self);
/* Whether the step's row in the list is marked as having a problem. */
gboolean              _anju_workflow_template_editor_step_has_problem (AnjuWorkflowTemplateEditor *self,
                                                                       guint                       position);

/* The widget of a setting of the shown step: "name", "key" (entry
 * rows), "role", "level", "on_enter", "on_complete" (combo rows),
 * "reject", "return", "transfer", "withdraw" (check buttons),
 * "no_limit" (GtkSwitch), "time_limit_days" (GtkSpinButton),
 * "add_branch" (GtkButton), "branches[K].goto" (GtkDropDown); or NULL. */
GtkWidget            *_anju_workflow_step_form_get_widget (AnjuWorkflowStepForm *self,
                                                           const char           *setting);
/* (nullable) the message shown at a setting of the shown step: the
 * above, "actions", "skip_when", "branches", "step" (what no setting
 * shows). */
const char           *_anju_workflow_step_form_get_error  (AnjuWorkflowStepForm *self,
                                                           const char           *setting);

G_END_DECLS
