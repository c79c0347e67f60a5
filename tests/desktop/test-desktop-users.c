/* test-desktop-users.c: the desktop's user administration, driven through
 * its real windows against a real anju-server (F-PORTAL-017).
 *
 * Runs under `dbus-run-session -- xvfb-run -a` (see meson.build): GTK
 * needs a display and the accessibility bus.  Widgets are driven the way
 * a person would drive them (text into entries, "clicked" on buttons);
 * every wait iterates the main context until a condition holds, with a
 * deadline that only catches a hang, never a slow machine.
 */
#include "config.h"

#include <adwaita.h>

#include "anju-desktop-private.h"
#include "anju-test-server.h"
#include "anju-user-dialog-private.h"
#include "anju-users-page.h"

/* Generous: only a hang should ever reach it. */
#define WAIT_SECONDS 45

#define NEW_USERNAME "f017.tester"
#define NEW_PASSWORD "Xiangjiang#2026"

typedef gboolean (*Condition) (gpointer data);

static gboolean
wake_up_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Iterates the default main context until condition holds; FALSE (with
 * a test message) when the deadline passed first. */
static gboolean
wait_for (Condition   condition,
          gpointer    data,
          const char *what)
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

/* Depth-first search of a widget tree. */
static GtkWidget *
find_widget (GtkWidget     *root,
             gboolean     (*match) (GtkWidget *widget, gconstpointer data),
             gconstpointer  data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_label_with_text (GtkWidget     *widget,
                    gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
is_button_for_action (GtkWidget     *widget,
                      gconstpointer  action_name)
{
  return GTK_IS_BUTTON (widget)
         && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

static gboolean
is_row_named (GtkWidget     *widget,
              gconstpointer  name)
{
  return GTK_IS_LIST_BOX_ROW (widget) && g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

/* The first toplevel of that type, or NULL. */
static GtkWidget *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n_items = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (window))
        return window;
    }

  return NULL;
}

static void
click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

typedef struct
{
  AnjuTestServer  *server;
  AnjuApplication *app;
  GtkWidget       *users_page;
  GtkWidget       *dialog;
} Fixture;

static gboolean
trust_dialog_shown (gpointer data)
{
  Fixture *fixture = data;
  AnjuLoginWindow *login = _anju_application_get_login_window (fixture->app);

  return login != NULL && _anju_login_window_get_trust_dialog (login) != NULL;
}

static gboolean
main_window_shown (gpointer data)
{
  Fixture *fixture = data;
  AnjuWindow *window = _anju_application_get_main_window (fixture->app);

  return window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window));
}

static gboolean
create_button_ready (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *button = find_widget (fixture->users_page, is_button_for_action, "users.create");

  return button != NULL && gtk_widget_is_sensitive (button);
}

static gboolean
user_dialog_shown (gpointer data)
{
  Fixture *fixture = data;

  fixture->dialog = find_toplevel (ANJU_TYPE_USER_DIALOG);
  return fixture->dialog != NULL && gtk_widget_get_mapped (fixture->dialog);
}

static gboolean
user_dialog_gone (gpointer data)
{
  return find_toplevel (ANJU_TYPE_USER_DIALOG) == NULL;
}

static gboolean
dialog_says_something (gpointer data)
{
  Fixture *fixture = data;

  return _anju_user_dialog_get_message (ANJU_USER_DIALOG (fixture->dialog)) != NULL;
}

static gboolean
new_user_listed (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *column_view = find_widget (fixture->users_page, is_of_type,
                                        GSIZE_TO_POINTER (GTK_TYPE_COLUMN_VIEW));

  return column_view != NULL
         && find_widget (column_view, is_label_with_text, NEW_USERNAME) != NULL;
}

static void
sign_in (Fixture *fixture)
{
  AnjuLoginWindow *login = _anju_application_get_login_window (fixture->app);
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autofree char *server_fingerprint = NULL;
  AnjuTrustDialog *trust;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (login);
  gtk_editable_set_text (_anju_login_window_get_server_entry (login), fixture->server->base_uri);
  gtk_editable_set_text (_anju_login_window_get_username_entry (login), "admin");
  gtk_editable_set_text (_anju_login_window_get_password_entry (login), ANJU_TEST_DEMO_PASSWORD);
  click (GTK_WIDGET (_anju_login_window_get_sign_in_button (login)));

  /* A first sign-in asks whether to trust the certificate, and shows the
   * fingerprint of the one the server really presents. */
  g_assert_true (wait_for (trust_dialog_shown, fixture, "the trust dialog"));
  trust = _anju_login_window_get_trust_dialog (login);
  certificate = g_tls_certificate_new_from_pem (fixture->server->cert_pem, -1, &error);
  g_assert_no_error (error);
  server_fingerprint = anju_certificate_get_fingerprint (certificate);
  g_assert_cmpstr (anju_trust_dialog_get_fingerprint (trust), ==, server_fingerprint);
  g_assert_nonnull (find_widget (GTK_WIDGET (trust), is_label_with_text, server_fingerprint));

  anju_trust_dialog_answer (trust, TRUE);
  g_assert_true (wait_for (main_window_shown, fixture, "the main window"));
}

static void
open_users_page (Fixture *fixture)
{
  AnjuWindow *window = _anju_application_get_main_window (fixture->app);
  GtkListBox *sidebar = _anju_window_get_sidebar (window);
  GtkWidget *row = find_widget (GTK_WIDGET (sidebar), is_row_named, "users");

  g_assert_nonnull (row);
  g_signal_emit_by_name (sidebar, "row-activated", row);

  fixture->users_page = _anju_window_get_page (window, "users");
  g_assert_true (ANJU_IS_USERS_PAGE (fixture->users_page));
  g_assert_true (gtk_stack_get_visible_child (_anju_window_get_stack (window)) == fixture->users_page);
  g_assert_true (wait_for (create_button_ready, fixture, "the New User button"));
}

static void
set_field (Fixture    *fixture,
           const char *field,
           const char *text)
{
  GtkWidget *widget = _anju_user_dialog_get_field (ANJU_USER_DIALOG (fixture->dialog), field);

  g_assert_true (GTK_IS_EDITABLE (widget));
  gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

static const char *
field_text (Fixture    *fixture,
            const char *field)
{
  return gtk_editable_get_text (GTK_EDITABLE (_anju_user_dialog_get_field (ANJU_USER_DIALOG (fixture->dialog), field)));
}

/* Fills the dialog, first with mistakes, and checks that each refusal
 * leaves the typed input in place. */
static void
fill_and_save (Fixture *fixture)
{
  AnjuUserDialog *dialog = ANJU_USER_DIALOG (fixture->dialog);
  GtkWidget *role = _anju_user_dialog_get_role_check (dialog, "center_staff");
  GtkWidget *save = _anju_user_dialog_get_save_button (dialog);

  g_assert_nonnull (role);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (role), TRUE);
  set_field (fixture, "name", "测试用户");
  set_field (fixture, "post", "窗口受理");
  set_field (fixture, "password", NEW_PASSWORD);

  /* A mistake the dialog catches itself: shown at the field, no request. */
  set_field (fixture, "username", NEW_USERNAME);
  set_field (fixture, "phone", "1390000");
  click (save);
  g_assert_nonnull (_anju_user_dialog_get_field_error (dialog, "phone"));
  g_assert_true (gtk_widget_has_css_class (_anju_user_dialog_get_field (dialog, "phone"), "error"));

  /* A refusal only the server can make: "admin" exists (409).  The dialog
   * stays, says why, and keeps everything typed. */
  set_field (fixture, "phone", "13900001234");
  set_field (fixture, "username", "admin");
  click (save);
  g_assert_null (_anju_user_dialog_get_field_error (dialog, "phone"));
  g_assert_true (wait_for (dialog_says_something, fixture, "the server's refusal"));
  g_assert_true (find_toplevel (ANJU_TYPE_USER_DIALOG) == fixture->dialog);
  g_assert_cmpstr (field_text (fixture, "username"), ==, "admin");
  g_assert_cmpstr (field_text (fixture, "name"), ==, "测试用户");
  g_assert_cmpstr (field_text (fixture, "phone"), ==, "13900001234");
  g_assert_cmpstr (field_text (fixture, "password"), ==, NEW_PASSWORD);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (role)));

  set_field (fixture, "username", NEW_USERNAME);
  click (save);
  g_assert_true (wait_for (user_dialog_gone, fixture, "the dialog to close after saving"));
  fixture->dialog = NULL;
}

static void
assert_server_has_user (Fixture *fixture)
{
  g_autofree char *token = anju_test_login (fixture->server, "admin", ANJU_TEST_DEMO_PASSWORD);
  g_autoptr(JsonNode) answer = NULL;
  JsonObject *page;
  JsonObject *user;
  guint status = 0;

  answer = anju_test_request (fixture->server, token, "GET", "/api/v1/users?q=" NEW_USERNAME, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  page = json_node_get_object (answer);
  g_assert_cmpint (json_object_get_int_member (page, "total"), ==, 1);
  user = json_array_get_object_element (json_object_get_array_member (page, "items"), 0);
  g_assert_cmpstr (json_object_get_string_member (user, "username"), ==, NEW_USERNAME);
  g_assert_cmpstr (json_object_get_string_member (user, "name"), ==, "测试用户");
  g_assert_true (json_object_get_boolean_member (user, "must_change_password"));
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
destroy_toplevels (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
    }
}

/* Everything of the desktop goes, down to its API client and with it the
 * client's connections: the server waits for open connections when it
 * stops.  A client still alive afterwards is a leak. */
static void
close_desktop (Fixture *fixture)
{
  AnjuWindow *window = _anju_application_get_main_window (fixture->app);
  AnjuApiClient *client = anju_window_get_client (window);

  g_object_add_weak_pointer (G_OBJECT (client), (gpointer *) &client);
  destroy_toplevels ();
  g_clear_object (&fixture->app);
  g_assert_true (wait_for (is_null, &client, "the API client to be finalized"));
}

static void
test_create_user (void)
{
  Fixture fixture = { NULL, };
  g_autoptr(GError) error = NULL;
  GtkWidget *search;

  fixture.server = anju_test_server_start (TRUE);
  fixture.app = _anju_application_new_for_tests (NULL);
  g_assert_true (_anju_application_start (fixture.app, &error));
  g_assert_no_error (error);

  sign_in (&fixture);
  open_users_page (&fixture);

  click (find_widget (fixture.users_page, is_button_for_action, "users.create"));
  g_assert_true (wait_for (user_dialog_shown, &fixture, "the New User dialog"));
  fill_and_save (&fixture);

  /* Look the new account up the way an administrator would. */
  search = find_widget (fixture.users_page, is_of_type, GSIZE_TO_POINTER (GTK_TYPE_SEARCH_ENTRY));
  g_assert_nonnull (search);
  gtk_editable_set_text (GTK_EDITABLE (search), NEW_USERNAME);
  g_assert_true (wait_for (new_user_listed, &fixture, "the new user in the list"));

  assert_server_has_user (&fixture);

  close_desktop (&fixture);
  anju_test_server_stop (fixture.server);
}

int
main (int   argc,
      char *argv[])
{
  /* Before GTK and GIO start: software rendering under Xvfb, and no
   * system proxy resolver (it needs GSettings schemas the isolated test
   * directories hide). */
  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);

  gtk_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  adw_init ();

  /* Without a window manager, focus moves between windows without the
   * focus-out GTK 4.8's cursor blink expects, and its warning would be
   * fatal here.  A steady cursor has nothing to warn about. */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);

  g_test_add_func ("/portal/users/create-in-desktop  F-PORTAL-017", test_create_user);

  return g_test_run ();
}
