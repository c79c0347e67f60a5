/* test-desktop-users.c: user administration through the desktop's real
 * windows against a real anju-server (F-PORTAL-017).
 *
 * An administrator signs in, trusts the server's certificate, opens
 * Users and creates an account through the New User dialog, whose
 * refusals (its own and the server's) keep what was typed; the new
 * account is then found with the page's search.
 */
#include "config.h"

#include "anju-desktop-test.h"
#include "anju-user-dialog-private.h"
#include "anju-users-page.h"

#define NEW_USERNAME "f017.tester"
#define NEW_PASSWORD "Xiangjiang#2026"

typedef struct
{
  GtkWidget *page;
  GtkWidget *dialog;
} Fixture;

static gboolean
create_button_ready (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *button = anju_desktop_test_find_button (fixture->page, "users.create");

  return button != NULL && gtk_widget_is_sensitive (button);
}

static gboolean
user_dialog_shown (gpointer data)
{
  Fixture *fixture = data;

  fixture->dialog = anju_desktop_test_find_window (ANJU_TYPE_USER_DIALOG);
  return fixture->dialog != NULL && gtk_widget_get_mapped (fixture->dialog);
}

static gboolean
user_dialog_gone (gpointer data)
{
  return anju_desktop_test_find_window (ANJU_TYPE_USER_DIALOG) == NULL;
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
  GtkWidget *column_view = anju_desktop_test_find_type (fixture->page, GTK_TYPE_COLUMN_VIEW);

  return column_view != NULL && anju_desktop_test_find_label (column_view, NEW_USERNAME) != NULL;
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
  GtkWidget *widget = _anju_user_dialog_get_field (ANJU_USER_DIALOG (fixture->dialog), field);

  return gtk_editable_get_text (GTK_EDITABLE (widget));
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
  anju_desktop_test_click (save);
  g_assert_nonnull (_anju_user_dialog_get_field_error (dialog, "phone"));
  g_assert_true (gtk_widget_has_css_class (_anju_user_dialog_get_field (dialog, "phone"), "error"));

  /* A refusal only the server can make: "admin" exists (409).  The dialog
   * stays, says why, and keeps everything typed. */
  set_field (fixture, "phone", "13900001234");
  set_field (fixture, "username", "admin");
  anju_desktop_test_click (save);
  g_assert_null (_anju_user_dialog_get_field_error (dialog, "phone"));
  g_assert_true (anju_test_display_wait_for (dialog_says_something, fixture, "the server's refusal"));
  g_assert_true (anju_desktop_test_find_window (ANJU_TYPE_USER_DIALOG) == fixture->dialog);
  g_assert_cmpstr (field_text (fixture, "username"), ==, "admin");
  g_assert_cmpstr (field_text (fixture, "name"), ==, "测试用户");
  g_assert_cmpstr (field_text (fixture, "phone"), ==, "13900001234");
  g_assert_cmpstr (field_text (fixture, "password"), ==, NEW_PASSWORD);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (role)));

  set_field (fixture, "username", NEW_USERNAME);
  anju_desktop_test_click (save);
  g_assert_true (anju_test_display_wait_for (user_dialog_gone, fixture, "the dialog to close after saving"));
  fixture->dialog = NULL;
}

static void
assert_server_has_user (AnjuTestServer *server)
{
  g_autofree char *token = anju_test_login (server, "admin", ANJU_TEST_DEMO_PASSWORD);
  g_autoptr(JsonNode) answer = NULL;
  JsonObject *page;
  JsonObject *user;
  guint status = 0;

  answer = anju_test_request (server, token, "GET", "/api/v1/users?q=" NEW_USERNAME, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  page = json_node_get_object (answer);
  g_assert_cmpint (json_object_get_int_member (page, "total"), ==, 1);
  user = json_array_get_object_element (json_object_get_array_member (page, "items"), 0);
  g_assert_cmpstr (json_object_get_string_member (user, "username"), ==, NEW_USERNAME);
  g_assert_cmpstr (json_object_get_string_member (user, "name"), ==, "测试用户");
  g_assert_true (json_object_get_boolean_member (user, "must_change_password"));
}

static void
create_user (AnjuWindow *window,
             gpointer    data)
{
  Fixture fixture = { NULL, };
  GtkWidget *search;

  fixture.page = anju_desktop_test_open_page (window, "users");
  g_assert_true (ANJU_IS_USERS_PAGE (fixture.page));
  g_assert_true (anju_test_display_wait_for (create_button_ready, &fixture, "the New User button"));

  anju_desktop_test_click (anju_desktop_test_find_button (fixture.page, "users.create"));
  g_assert_true (anju_test_display_wait_for (user_dialog_shown, &fixture, "the New User dialog"));
  fill_and_save (&fixture);

  /* Look the new account up the way an administrator would. */
  search = anju_desktop_test_find_type (fixture.page, GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (search);
  gtk_editable_set_text (GTK_EDITABLE (search), NEW_USERNAME);
  g_assert_true (anju_test_display_wait_for (new_user_listed, &fixture, "the new user in the list"));

  assert_server_has_user (data);
}

static void
test_create_user (void)
{
  AnjuTestServer *server = anju_test_server_start (TRUE);

  anju_desktop_test_run (server, "admin", ANJU_TEST_DEMO_PASSWORD, create_user, server);
  anju_test_server_stop (server);
}

int
main (int   argc,
      char *argv[])
{
  anju_test_display_init (&argc, &argv);

  g_test_add_func ("/portal/users/create-in-desktop  F-PORTAL-017", test_create_user);

  return g_test_run ();
}
