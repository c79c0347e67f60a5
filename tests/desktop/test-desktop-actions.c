/* test-desktop-actions.c: the administration pages' one-request actions
 * through the desktop's real windows against a real anju-server, each
 * checked against what the server then holds.
 *
 *   organisations  F-PORTAL-015  a community moved under another street
 *   users          F-PORTAL-017  a name edited, the account disabled and
 *                                enabled, unlocked after failed sign-ins,
 *                                its password reset
 *   roles          F-PORTAL-016  a custom role renamed, then deleted
 */
#include "config.h"

#include "anju-desktop-test.h"
#include "anju-organisations-page.h"
#include "anju-password-reset-dialog.h"
#include "anju-record-column.h"
#include "anju-role-dialog.h"
#include "anju-roles-page.h"
#include "anju-test-identity.h"
#include "anju-user-dialog-private.h"
#include "anju-users-page.h"

#define MOVED_COMMUNITY "云麓园社区"
#define OLD_STREET      "银盆岭街道"
#define NEW_STREET      "望月湖街道"
#define USERNAME        "street_wyh"
#define NEW_NAME        "王强军"
#define OLD_ROLE        "临时巡检员"
#define NEW_ROLE        "社区巡检员"
#define RESET_PASSWORD  "Reset#2026abc"

typedef struct _Fixture Fixture;

struct _Fixture
{
  AnjuTestServer  *server;
  char            *token;     /* the demo administrator's, for checking */
  AnjuWindow      *window;
  GtkWidget       *page;
  void           (*scenario) (Fixture *fixture);
};

static void
run_scenario_cb (AnjuWindow *window,
                 gpointer    data)
{
  Fixture *fixture = data;

  fixture->window = window;
  fixture->scenario (fixture);
}

/* A fresh server with the demo data, and the desktop signed in to it as
 * the demo administrator. */
static void
run_as_admin (void (*scenario) (Fixture *fixture))
{
  Fixture fixture = { anju_test_server_start (TRUE), NULL, NULL, NULL, scenario };

  fixture.token = anju_test_login (fixture.server, "admin", ANJU_TEST_DEMO_PASSWORD);
  anju_desktop_test_run (fixture.server, "admin", ANJU_TEST_DEMO_PASSWORD, run_scenario_cb, &fixture);
  g_free (fixture.token);
  anju_test_server_stop (fixture.server);
}

/* GET path as the administrator: the answer's object, and its status. */
static JsonObject *
server_get (Fixture    *fixture,
            const char *path,
            guint      *out_status)
{
  g_autoptr(JsonNode) answer = NULL;

  answer = anju_test_request (fixture->server, fixture->token, "GET", path, NULL, out_status);
  if (!JSON_NODE_HOLDS_OBJECT (answer))
    return NULL;

  return json_object_ref (json_node_get_object (answer));
}

/* GET /api/v1/collection/id, which must succeed. */
static JsonObject *
server_get_ok (Fixture    *fixture,
               const char *collection,
               gint64      id)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/%s/%" G_GINT64_FORMAT, collection, id);
  JsonObject *object;
  guint status = 0;

  object = server_get (fixture, path, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_nonnull (object);

  return object;
}

static guint
login_status (Fixture    *fixture,
              const char *username,
              const char *password)
{
  g_autoptr(JsonNode) answer = NULL;
  guint status = 0;

  answer = anju_test_requestf (fixture->server, NULL, "POST", "/api/v1/auth/login", &status,
                               "{\"username\": \"%s\", \"password\": \"%s\"}", username, password);
  return status;
}

static GtkSelectionModel *
page_selection (Fixture *fixture)
{
  GtkWidget *view = anju_desktop_test_find_type (fixture->page, GTK_TYPE_COLUMN_VIEW);

  if (view != NULL)
    return gtk_column_view_get_model (GTK_COLUMN_VIEW (view));

  view = anju_desktop_test_find_type (fixture->page, GTK_TYPE_LIST_VIEW);
  g_assert_nonnull (view);
  return gtk_list_view_get_model (GTK_LIST_VIEW (view));
}

/* The position of the item whose record has member == value, or -1. */
static int
find_record (Fixture    *fixture,
             const char *member,
             const char *value)
{
  GListModel *model = G_LIST_MODEL (page_selection (fixture));
  guint n_items = g_list_model_get_n_items (model);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      AnjuRecord *record = anju_record_column_item_record (item);

      if (g_strcmp0 (anju_record_get_string (record, member), value) == 0)
        return (int) i;
    }

  return -1;
}

/* Selects, as a click would, the item whose record has member == value. */
static void
select_record (Fixture    *fixture,
               const char *member,
               const char *value)
{
  int position = find_record (fixture, member, value);

  g_assert_cmpint (position, >=, 0);
  g_assert_true (gtk_selection_model_select_item (page_selection (fixture), (guint) position, TRUE));
}

/* (nullable) The record of the selected item. */
static AnjuRecord *
selected_record (Fixture *fixture)
{
  GtkSelectionModel *model = page_selection (fixture);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (model));

  for (guint i = 0; i < n_items; i++)
    {
      if (gtk_selection_model_is_selected (model, i))
        {
          g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (model), i);

          return anju_record_column_item_record (item);
        }
    }

  return NULL;
}

typedef struct
{
  Fixture    *fixture;
  const char *text;
} Lookup;

static gboolean
window_shows_label (gpointer data)
{
  Lookup *lookup = data;

  return anju_desktop_test_find_label (GTK_WIDGET (lookup->fixture->window), lookup->text) != NULL;
}

/* The toast (or any label) saying text, word for word. */
static void
wait_for_toast (Fixture    *fixture,
                const char *text)
{
  Lookup lookup = { fixture, text };

  g_assert_true (anju_test_display_wait_for (window_shows_label, &lookup, text));
}

static gboolean
menu_item_sensitive (gpointer data)
{
  Lookup *lookup = data;
  GtkWidget *item = anju_desktop_test_find_menu_item (lookup->fixture->page, lookup->text);

  return item != NULL && gtk_widget_is_sensitive (item);
}

/* Chooses action_name from the page's menu once it may be chosen. */
static void
choose_menu_item (Fixture    *fixture,
                  const char *action_name)
{
  Lookup lookup = { fixture, action_name };

  g_assert_true (anju_test_display_wait_for (menu_item_sensitive, &lookup, action_name));
  anju_desktop_test_click_menu_item (anju_desktop_test_find_menu_item (fixture->page, action_name));
}

/* Organisations ----------------------------------------------------------- */

typedef struct
{
  Fixture *fixture;
  gint64   parent_id;
} Placement;

static gboolean
community_under (gpointer data)
{
  Placement *placement = data;
  int position = find_record (placement->fixture, "name", MOVED_COMMUNITY);
  g_autoptr(GObject) item = NULL;

  if (position < 0)
    return FALSE;

  item = g_list_model_get_item (G_LIST_MODEL (page_selection (placement->fixture)), (guint) position);
  return anju_record_get_int (anju_record_column_item_record (item), "parent_id", 0) == placement->parent_id;
}

/* The position of name among the strings a drop-down offers, or -1. */
static int
offered_position (GtkDropDown *drop_down,
                  const char  *name)
{
  GListModel *names = gtk_drop_down_get_model (drop_down);

  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    {
      if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (names), i), name) == 0)
        return (int) i;
    }

  return -1;
}

static void
move_scenario (Fixture *fixture)
{
  gint64 old_street = anju_test_find_org (fixture->server, fixture->token, OLD_STREET);
  gint64 new_street = anju_test_find_org (fixture->server, fixture->token, NEW_STREET);
  gint64 community = anju_test_find_org (fixture->server, fixture->token, MOVED_COMMUNITY);
  Placement placement = { fixture, old_street };
  g_autoptr(JsonObject) moved = NULL;
  GtkWidget *drop_down;
  GtkWidget *dialog;
  int position;

  fixture->page = anju_desktop_test_open_page (fixture->window, "organisations");
  g_assert_true (ANJU_IS_ORGANISATIONS_PAGE (fixture->page));
  g_assert_true (anju_test_display_wait_for (community_under, &placement, "the community in its street"));

  /* A community goes under a street, and not the one it is in. */
  select_record (fixture, "name", MOVED_COMMUNITY);
  anju_desktop_test_click_action (fixture->page, "orgs.move");
  dialog = anju_test_display_wait_for_window (ADW_TYPE_MESSAGE_DIALOG);
  drop_down = anju_desktop_test_find_type (dialog, GTK_TYPE_DROP_DOWN);
  g_assert_nonnull (drop_down);
  g_assert_cmpint (offered_position (GTK_DROP_DOWN (drop_down), OLD_STREET), ==, -1);
  g_assert_cmpint (offered_position (GTK_DROP_DOWN (drop_down), "银盆岭社区"), ==, -1);
  position = offered_position (GTK_DROP_DOWN (drop_down), NEW_STREET);
  g_assert_cmpint (position, >=, 0);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), (guint) position);
  anju_desktop_test_answer (dialog, "move");
  anju_test_display_wait_for_window_gone (ADW_TYPE_MESSAGE_DIALOG);

  wait_for_toast (fixture, "Moved “" MOVED_COMMUNITY "” under “" NEW_STREET "”");
  placement.parent_id = new_street;
  g_assert_true (anju_test_display_wait_for (community_under, &placement, "the community in its new street"));

  moved = server_get_ok (fixture, "organisations", community);
  g_assert_cmpint (json_object_get_int_member (moved, "parent_id"), ==, new_street);
}

/* Users ------------------------------------------------------------------- */

typedef struct
{
  Fixture    *fixture;
  const char *member;
  const char *value;
} Expected;

/* The selected user (the page selects the one an action answered with
 * after reloading) shows member == value. */
static gboolean
selected_user_shows (gpointer data)
{
  Expected *expected = data;
  AnjuRecord *record = selected_record (expected->fixture);

  return record != NULL
         && g_strcmp0 (anju_record_get_string (record, "username"), USERNAME) == 0
         && g_strcmp0 (anju_record_get_string (record, expected->member), expected->value) == 0;
}

static gboolean
selected_user_locked (gpointer data)
{
  AnjuRecord *record = selected_record (data);

  return record != NULL
         && g_strcmp0 (anju_record_get_string (record, "username"), USERNAME) == 0
         && anju_record_get_boolean (record, "locked", FALSE);
}

static gboolean
selected_user_unlocked (gpointer data)
{
  AnjuRecord *record = selected_record (data);

  return record != NULL
         && g_strcmp0 (anju_record_get_string (record, "username"), USERNAME) == 0
         && !anju_record_get_boolean (record, "locked", TRUE);
}

static void
wait_for_selected (Fixture    *fixture,
                   const char *member,
                   const char *value)
{
  Expected expected = { fixture, member, value };

  g_assert_true (anju_test_display_wait_for (selected_user_shows, &expected, value));
}

static gboolean
only_user_listed (gpointer data)
{
  Fixture *fixture = data;

  return g_list_model_get_n_items (G_LIST_MODEL (page_selection (fixture))) == 1
         && find_record (fixture, "username", USERNAME) == 0;
}

static JsonObject *
server_user (Fixture *fixture,
             gint64   id)
{
  return server_get_ok (fixture, "users", id);
}

static void
edit_name (Fixture *fixture,
           gint64   id)
{
  g_autoptr(JsonObject) user = NULL;
  GtkWidget *dialog;
  GtkWidget *name;

  anju_desktop_test_click_action (fixture->page, "users.edit");
  dialog = anju_test_display_wait_for_window (ANJU_TYPE_USER_DIALOG);
  name = _anju_user_dialog_get_field (ANJU_USER_DIALOG (dialog), "name");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "王强");
  gtk_editable_set_text (GTK_EDITABLE (name), NEW_NAME);
  anju_desktop_test_click (_anju_user_dialog_get_save_button (ANJU_USER_DIALOG (dialog)));
  anju_test_display_wait_for_window_gone (ANJU_TYPE_USER_DIALOG);

  wait_for_toast (fixture, "Saved user “" USERNAME "”");
  wait_for_selected (fixture, "name", NEW_NAME);
  user = server_user (fixture, id);
  g_assert_cmpstr (json_object_get_string_member (user, "name"), ==, NEW_NAME);
  g_assert_cmpstr (json_object_get_string_member (user, "status"), ==, "active");
}

static void
disable_and_enable (Fixture *fixture,
                    gint64   id)
{
  g_autoptr(JsonObject) user = NULL;
  GtkWidget *dialog;

  /* Cancelling the question leaves the account as it was. */
  choose_menu_item (fixture, "users.disable");
  dialog = anju_test_display_wait_for_window (ADW_TYPE_MESSAGE_DIALOG);
  anju_desktop_test_answer (dialog, "cancel");
  anju_test_display_wait_for_window_gone (ADW_TYPE_MESSAGE_DIALOG);
  user = server_user (fixture, id);
  g_assert_cmpstr (json_object_get_string_member (user, "status"), ==, "active");

  choose_menu_item (fixture, "users.disable");
  dialog = anju_test_display_wait_for_window (ADW_TYPE_MESSAGE_DIALOG);
  anju_desktop_test_answer (dialog, "disable");
  anju_test_display_wait_for_window_gone (ADW_TYPE_MESSAGE_DIALOG);
  wait_for_toast (fixture, "Disabled “" USERNAME "”");
  wait_for_selected (fixture, "status", "disabled");
  g_clear_pointer (&user, json_object_unref);
  user = server_user (fixture, id);
  g_assert_cmpstr (json_object_get_string_member (user, "status"), ==, "disabled");
  g_assert_cmpuint (login_status (fixture, USERNAME, ANJU_TEST_DEMO_PASSWORD), ==, 403);

  choose_menu_item (fixture, "users.enable");
  wait_for_toast (fixture, "Enabled “" USERNAME "”");
  wait_for_selected (fixture, "status", "active");
  g_clear_pointer (&user, json_object_unref);
  user = server_user (fixture, id);
  g_assert_cmpstr (json_object_get_string_member (user, "status"), ==, "active");
  g_assert_cmpuint (login_status (fixture, USERNAME, ANJU_TEST_DEMO_PASSWORD), ==, 200);
}

static void
unlock (Fixture *fixture,
        gint64   id)
{
  g_autoptr(JsonObject) user = NULL;
  guint attempts = fixture->server->config->lockout_attempts;

  g_assert_cmpuint (attempts, >, 0);
  for (guint i = 0; i < attempts; i++)
    g_assert_cmpuint (login_status (fixture, USERNAME, "Wrong#Password1"), ==, 401);
  g_assert_cmpuint (login_status (fixture, USERNAME, ANJU_TEST_DEMO_PASSWORD), ==, 423);

  /* The page learns of the lock when it reloads. */
  anju_desktop_test_click_action (fixture->page, "users.reload");
  g_assert_true (anju_test_display_wait_for (selected_user_locked, fixture, "the lock to be shown"));

  choose_menu_item (fixture, "users.unlock");
  wait_for_toast (fixture, "Unlocked “" USERNAME "”");
  g_assert_true (anju_test_display_wait_for (selected_user_unlocked, fixture, "the lock to be gone"));
  user = server_user (fixture, id);
  g_assert_false (json_object_get_boolean_member (user, "locked"));
  g_assert_cmpuint (login_status (fixture, USERNAME, ANJU_TEST_DEMO_PASSWORD), ==, 200);
}

static void
reset_password (Fixture *fixture,
                gint64   id)
{
  g_autoptr(JsonObject) user = NULL;
  GtkWidget *dialog;
  GtkWidget *row;
  GtkWidget *text;

  choose_menu_item (fixture, "users.reset-password");
  dialog = anju_test_display_wait_for_window (ANJU_TYPE_PASSWORD_RESET_DIALOG);
  row = anju_desktop_test_find_type (dialog, ADW_TYPE_PASSWORD_ENTRY_ROW);
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), RESET_PASSWORD);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "reset"));

  /* Enter in the focused row answers the default response, as a person
   * would. */
  text = anju_desktop_test_find_type (row, GTK_TYPE_TEXT);
  g_assert_nonnull (text);
  gtk_widget_grab_focus (text);
  g_signal_emit_by_name (text, "activate");
  anju_test_display_wait_for_window_gone (ANJU_TYPE_PASSWORD_RESET_DIALOG);
  wait_for_toast (fixture, "Reset the password of “" USERNAME "”; it must be changed at the next sign-in");

  user = server_user (fixture, id);
  g_assert_true (json_object_get_boolean_member (user, "must_change_password"));
  g_assert_cmpuint (login_status (fixture, USERNAME, ANJU_TEST_DEMO_PASSWORD), ==, 401);
  g_assert_cmpuint (login_status (fixture, USERNAME, RESET_PASSWORD), ==, 200);
}

static void
users_scenario (Fixture *fixture)
{
  gint64 id = anju_test_find_user (fixture->server, fixture->token, USERNAME);
  GtkWidget *search;

  fixture->page = anju_desktop_test_open_page (fixture->window, "users");
  g_assert_true (ANJU_IS_USERS_PAGE (fixture->page));
  search = anju_desktop_test_find_type (fixture->page, GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (search);
  gtk_editable_set_text (GTK_EDITABLE (search), USERNAME);
  g_assert_true (anju_test_display_wait_for (only_user_listed, fixture, "the one user in the list"));
  select_record (fixture, "username", USERNAME);

  edit_name (fixture, id);
  disable_and_enable (fixture, id);
  unlock (fixture, id);
  reset_password (fixture, id);
}

/* Roles ------------------------------------------------------------------- */

static gboolean
role_listed (gpointer data)
{
  Lookup *lookup = data;

  return find_record (lookup->fixture, "name", lookup->text) >= 0;
}

static gboolean
role_not_listed (gpointer data)
{
  Lookup *lookup = data;

  return g_list_model_get_n_items (G_LIST_MODEL (page_selection (lookup->fixture))) > 0
         && find_record (lookup->fixture, "name", lookup->text) < 0;
}

static void
roles_scenario (Fixture *fixture)
{
  static const char * const permissions[] = { "portal.user.read", NULL };
  gint64 id = anju_test_create_role (fixture->server, fixture->token, OLD_ROLE, permissions);
  g_autoptr(JsonObject) role = NULL;
  g_autofree char *path = NULL;
  Lookup old_role = { fixture, OLD_ROLE };
  Lookup new_role = { fixture, NEW_ROLE };
  JsonObject *refusal;
  GtkWidget *dialog;
  guint status = 0;

  fixture->page = anju_desktop_test_open_page (fixture->window, "roles");
  g_assert_true (ANJU_IS_ROLES_PAGE (fixture->page));
  g_assert_true (anju_test_display_wait_for (role_listed, &old_role, OLD_ROLE));

  /* Renaming keeps the permissions. */
  select_record (fixture, "name", OLD_ROLE);
  anju_desktop_test_click_action (fixture->page, "roles.rename");
  dialog = anju_test_display_wait_for_window (ANJU_TYPE_ROLE_DIALOG);
  anju_desktop_test_set_row_text (dialog, "Name", NEW_ROLE);
  g_assert_true (gtk_widget_activate_action (dialog, "default.activate", NULL));
  anju_test_display_wait_for_window_gone (ANJU_TYPE_ROLE_DIALOG);
  wait_for_toast (fixture, "Saved role “" NEW_ROLE "”");
  g_assert_true (anju_test_display_wait_for (role_listed, &new_role, NEW_ROLE));
  g_assert_cmpint (find_record (fixture, "name", OLD_ROLE), ==, -1);

  role = server_get_ok (fixture, "roles", id);
  g_assert_cmpstr (json_object_get_string_member (role, "name"), ==, NEW_ROLE);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (role, "permissions")), ==, 1);

  /* The renamed role is the one shown, and goes after a confirmation. */
  g_assert_cmpint (anju_record_get_id (selected_record (fixture)), ==, id);
  anju_desktop_test_click_action (fixture->page, "roles.delete");
  dialog = anju_test_display_wait_for_window (ADW_TYPE_MESSAGE_DIALOG);
  anju_desktop_test_answer (dialog, "delete");
  anju_test_display_wait_for_window_gone (ADW_TYPE_MESSAGE_DIALOG);
  wait_for_toast (fixture, "Deleted role “" NEW_ROLE "”");
  g_assert_true (anju_test_display_wait_for (role_not_listed, &new_role, "the role to leave the list"));

  path = g_strdup_printf ("/api/v1/roles/%" G_GINT64_FORMAT, id);
  g_clear_pointer (&role, json_object_unref);
  role = server_get (fixture, path, &status);
  g_assert_cmpuint (status, ==, 404);
  refusal = json_object_get_object_member (role, "error");
  g_assert_cmpstr (json_object_get_string_member (refusal, "code"), ==, "not_found");
}

static void
test_move_organisation (void)
{
  run_as_admin (move_scenario);
}

static void
test_user_actions (void)
{
  run_as_admin (users_scenario);
}

static void
test_rename_delete_role (void)
{
  run_as_admin (roles_scenario);
}

int
main (int   argc,
      char *argv[])
{
  anju_test_display_init (&argc, &argv);

  g_test_add_func ("/portal/organisations/move-in-desktop  F-PORTAL-015", test_move_organisation);
  g_test_add_func ("/portal/users/edit-disable-enable-unlock-reset  F-PORTAL-017", test_user_actions);
  g_test_add_func ("/portal/roles/rename-and-delete  F-PORTAL-016", test_rename_delete_role);

  return g_test_run ();
}
