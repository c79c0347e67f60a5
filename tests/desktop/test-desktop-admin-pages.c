/* test-desktop-admin-pages.c: the organisation, role and audit pages
 * through the desktop's real windows against a real anju-server.
 *
 *   organisations  F-PORTAL-015  a child created under the right kind of
 *                                parent, then edited; a refused delete
 *                                says why
 *   roles          F-PORTAL-016  a custom role created and given a
 *                  F-PORTAL-018  permission; system roles stay read-only
 *   audit          F-PORTAL-021  a write found by its action, with the
 *                                state it left
 */
#include "config.h"

#include "anju-audit-page.h"
#include "anju-desktop-test.h"
#include "anju-organisation-dialog.h"
#include "anju-organisations-page.h"
#include "anju-permission-matrix.h"
#include "anju-record-column.h"
#include "anju-role-dialog.h"
#include "anju-roles-page.h"

#define NEW_STREET      "测试街道"
#define NEW_ROLE        "巡检员"

typedef struct _Fixture Fixture;

struct _Fixture
{
  AnjuTestServer  *server;
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
  Fixture fixture = { anju_test_server_start (TRUE), NULL, NULL, scenario };

  anju_desktop_test_run (fixture.server, "admin", ANJU_TEST_DEMO_PASSWORD, run_scenario_cb, &fixture);
  anju_test_server_stop (fixture.server);
}

/* GET path as admin; the parsed answer. */
static JsonObject *
server_get (Fixture    *fixture,
            const char *path)
{
  g_autofree char *token = anju_test_login (fixture->server, "admin", ANJU_TEST_DEMO_PASSWORD);
  g_autoptr(JsonNode) answer = NULL;
  guint status = 0;

  answer = anju_test_request (fixture->server, token, "GET", path, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (answer));

  return json_object_ref (json_node_get_object (answer));
}

/* The one item named name in a collection (roles take no ?q=, so the
 * match is made here). */
static JsonObject *
server_find (Fixture    *fixture,
             const char *collection,
             const char *name)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/%s?page_size=200", collection);
  g_autoptr(JsonObject) page = server_get (fixture, path);
  JsonArray *items = json_object_get_array_member (page, "items");
  JsonObject *found = NULL;

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      if (g_strcmp0 (json_object_get_string_member (item, "name"), name) == 0)
        {
          g_assert_null (found);
          found = item;
        }
    }

  g_assert_nonnull (found);
  return json_object_ref (found);
}

/* The position of the item whose record has member == value, or -1. */
static int
find_record (GtkSelectionModel *model,
             const char        *member,
             const char        *value)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (model));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (model), i);
      AnjuRecord *record = anju_record_column_item_record (item);

      if (g_strcmp0 (anju_record_get_string (record, member), value) == 0)
        return (int) i;
    }

  return -1;
}

/* Selects, as a click would, the item whose record has member == value. */
static void
select_record (GtkSelectionModel *model,
               const char        *member,
               const char        *value)
{
  int position = find_record (model, member, value);

  g_assert_cmpint (position, >=, 0);
  g_assert_true (gtk_selection_model_select_item (model, (guint) position, TRUE));
}

static void
select_named (GtkSelectionModel *model,
              const char        *name)
{
  select_record (model, "name", name);
}

/* A street some users belong to, which the server will not delete. */
static char *
busy_street_name (GtkSelectionModel *model)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (model));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (model), i);
      AnjuRecord *record = anju_record_column_item_record (item);

      if (g_strcmp0 (anju_record_get_string (record, "kind"), "street") == 0
          && anju_record_get_int (record, "user_count", 0) > 0)
        return g_strdup (anju_record_get_string (record, "name"));
    }

  g_error ("The demo data has no street with users");
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

typedef struct
{
  Fixture    *fixture;
  const char *text;
} Lookup;

static gboolean
page_shows_label (gpointer data)
{
  Lookup *lookup = data;

  return anju_desktop_test_find_label (lookup->fixture->page, lookup->text) != NULL;
}

static gboolean
window_shows_label_starting (gpointer data)
{
  Lookup *lookup = data;

  return anju_desktop_test_find_label_starting (GTK_WIDGET (lookup->fixture->window), lookup->text) != NULL;
}

static gboolean
button_sensitive (gpointer data)
{
  Lookup *lookup = data;
  GtkWidget *button = anju_desktop_test_find_button (lookup->fixture->page, lookup->text);

  return button != NULL && gtk_widget_is_sensitive (button);
}

static gboolean
button_insensitive (gpointer data)
{
  return !button_sensitive (data);
}

static void
wait_for_label (Fixture    *fixture,
                const char *text)
{
  Lookup lookup = { fixture, text };

  g_assert_true (anju_test_display_wait_for (page_shows_label, &lookup, text));
}

/* The kinds the dialog offers, as shown. */
static guint
offered_kinds (GtkWidget *dialog)
{
  GtkWidget *row = anju_desktop_test_find_row (dialog, "Kind");

  g_assert_true (ADW_IS_COMBO_ROW (row));
  return g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (row)));
}

static gboolean
center_listed (gpointer data)
{
  return find_record (page_selection (data), "kind", "center") >= 0;
}

static void
organisations_scenario (Fixture *fixture)
{
  g_autoptr(JsonObject) created = NULL;
  g_autofree char *busy_street = NULL;
  GtkWidget *dialog;
  Lookup refusal = { fixture, "Could not delete the organisation: " };

  fixture->page = anju_desktop_test_open_page (fixture->window, "organisations");
  g_assert_true (ANJU_IS_ORGANISATIONS_PAGE (fixture->page));
  g_assert_true (anju_test_display_wait_for (center_listed, fixture, "the organisation tree"));
  busy_street = busy_street_name (page_selection (fixture));

  /* Under the center: streets, enterprises, employers and suppliers, not communities. */
  select_record (page_selection (fixture), "kind", "center");
  anju_desktop_test_click_action (fixture->page, "orgs.create-child");
  dialog = anju_test_display_wait_for_window (ANJU_TYPE_ORGANISATION_DIALOG);
  g_assert_cmpuint (offered_kinds (dialog), ==, 6);
  anju_desktop_test_set_row_text (dialog, "Name", NEW_STREET);
  anju_desktop_test_set_row_text (dialog, "Code", "TEST-STREET");
  /* Enter in a field saves: the dialog's default widget. */
  g_assert_true (gtk_widget_activate_action (dialog, "default.activate", NULL));
  anju_test_display_wait_for_window_gone (ANJU_TYPE_ORGANISATION_DIALOG);
  wait_for_label (fixture, NEW_STREET);

  created = server_find (fixture, "organisations", NEW_STREET);
  g_assert_cmpstr (json_object_get_string_member (created, "kind"), ==, "street");
  g_assert_cmpstr (json_object_get_string_member (created, "code"), ==, "TEST-STREET");
  g_assert_cmpint (json_object_get_int_member (created, "parent_id"), ==, 1);

  /* Editing: a cleared code is no code at all. */
  select_named (page_selection (fixture), NEW_STREET);
  anju_desktop_test_click_action (fixture->page, "orgs.edit");
  dialog = anju_test_display_wait_for_window (ANJU_TYPE_ORGANISATION_DIALOG);
  anju_desktop_test_set_row_text (dialog, "Code", "");
  anju_desktop_test_set_row_text (dialog, "Description", "岳麓区测试路 1 号");
  g_assert_true (gtk_widget_activate_action (dialog, "default.activate", NULL));
  anju_test_display_wait_for_window_gone (ANJU_TYPE_ORGANISATION_DIALOG);
  g_clear_pointer (&created, json_object_unref);
  created = server_find (fixture, "organisations", NEW_STREET);
  g_assert_true (json_object_get_null_member (created, "code"));
  g_assert_cmpstr (json_object_get_string_member (created, "description"), ==, "岳麓区测试路 1 号");

  /* Under a street: communities only. */
  wait_for_label (fixture, NEW_STREET);
  select_named (page_selection (fixture), NEW_STREET);
  anju_desktop_test_click_action (fixture->page, "orgs.create-child");
  dialog = anju_test_display_wait_for_window (ANJU_TYPE_ORGANISATION_DIALOG);
  g_assert_cmpuint (offered_kinds (dialog), ==, 1);
  gtk_widget_activate_action (dialog, "window.close", NULL);
  anju_test_display_wait_for_window_gone (ANJU_TYPE_ORGANISATION_DIALOG);

  /* A street with users cannot go; the server's reason is shown. */
  select_named (page_selection (fixture), busy_street);
  anju_desktop_test_click_action (fixture->page, "orgs.delete");
  dialog = anju_test_display_wait_for_window (ADW_TYPE_MESSAGE_DIALOG);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "delete");
  g_assert_true (anju_test_display_wait_for (window_shows_label_starting, &refusal, "the refusal"));
  g_clear_pointer (&created, json_object_unref);
  created = server_find (fixture, "organisations", busy_street);
}

static gboolean
center_admin_listed (gpointer data)
{
  return find_record (page_selection (data), "code", "center_admin") >= 0;
}

static gboolean
user_read_editable (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *matrix = anju_desktop_test_find_type (fixture->page, ANJU_TYPE_PERMISSION_MATRIX);
  GtkWidget *check = anju_permission_matrix_get_check (ANJU_PERMISSION_MATRIX (matrix), "portal.user.read");

  return gtk_widget_is_sensitive (check) && gtk_widget_get_mapped (check);
}

static void
roles_scenario (Fixture *fixture)
{
  g_autoptr(JsonObject) role = NULL;
  Lookup saved = { fixture, "roles.save" };
  GtkWidget *matrix;
  GtkWidget *check;
  GtkWidget *dialog;
  JsonArray *permissions;

  fixture->page = anju_desktop_test_open_page (fixture->window, "roles");
  g_assert_true (ANJU_IS_ROLES_PAGE (fixture->page));
  g_assert_true (anju_test_display_wait_for (center_admin_listed, fixture, "the system roles"));

  /* A system role is shown, not editable. */
  select_record (page_selection (fixture), "code", "center_admin");
  matrix = anju_desktop_test_find_type (fixture->page, ANJU_TYPE_PERMISSION_MATRIX);
  check = anju_permission_matrix_get_check (ANJU_PERMISSION_MATRIX (matrix), "portal.user.read");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_false (gtk_widget_is_sensitive (check));
  g_assert_false (gtk_widget_is_sensitive (anju_desktop_test_find_button (fixture->page, "roles.delete")));

  anju_desktop_test_click_action (fixture->page, "roles.create");
  dialog = anju_test_display_wait_for_window (ANJU_TYPE_ROLE_DIALOG);
  anju_desktop_test_set_row_text (dialog, "Name", NEW_ROLE);
  anju_desktop_test_set_row_text (dialog, "Description", "只读查看用户");
  g_assert_true (gtk_widget_activate_action (dialog, "default.activate", NULL));
  anju_test_display_wait_for_window_gone (ANJU_TYPE_ROLE_DIALOG);

  /* The new role is selected, empty and editable. */
  g_assert_true (anju_test_display_wait_for (user_read_editable, fixture, "the new role's matrix"));
  check = anju_permission_matrix_get_check (ANJU_PERMISSION_MATRIX (matrix), "portal.user.read");
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  anju_desktop_test_click_action (fixture->page, "roles.save");
  g_assert_true (anju_test_display_wait_for (button_insensitive, &saved, "the permissions to be saved"));

  role = server_find (fixture, "roles", NEW_ROLE);
  g_assert_false (json_object_get_boolean_member (role, "system"));
  permissions = json_object_get_array_member (role, "permissions");
  g_assert_cmpuint (json_array_get_length (permissions), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (permissions, 0), ==, "portal.user.read");
}

static gboolean
one_record_listed (gpointer data)
{
  Fixture *fixture = data;

  return g_list_model_get_n_items (G_LIST_MODEL (page_selection (fixture))) == 1
         && anju_desktop_test_find_label (fixture->page, "1 of 1 record") != NULL;
}

static char *
text_view_text (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
audit_scenario (Fixture *fixture)
{
  g_autofree char *token = anju_test_login (fixture->server, "admin", ANJU_TEST_DEMO_PASSWORD);
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *after = NULL;
  GtkWidget *action_filter;
  GtkWidget *after_label;
  GListModel *actions;
  guint status = 0;

  answer = anju_test_request (fixture->server, token, "POST", "/api/v1/roles",
                              "{\"name\": \"审计测试\", \"permissions\": [\"portal.user.read\"]}",
                              &status);
  g_assert_cmpuint (status, ==, 201);

  fixture->page = anju_desktop_test_open_page (fixture->window, "audit");
  g_assert_true (ANJU_IS_AUDIT_PAGE (fixture->page));
  wait_for_label (fixture, "Created a role");

  /* Filter by action, as chosen from the drop-down. */
  action_filter = anju_desktop_test_find_type (fixture->page, GTK_TYPE_DROP_DOWN);
  action_filter = gtk_widget_get_next_sibling (action_filter);
  g_assert_true (GTK_IS_DROP_DOWN (action_filter));
  actions = gtk_drop_down_get_model (GTK_DROP_DOWN (action_filter));
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (actions), i), "Created a role") == 0)
        gtk_drop_down_set_selected (GTK_DROP_DOWN (action_filter), i);
    }
  anju_desktop_test_click (anju_desktop_test_find_button (fixture->page, "audit.apply"));
  g_assert_true (anju_test_display_wait_for (one_record_listed, fixture, "the one role.create record"));

  /* The record's detail shows who did it and the state it left. */
  g_assert_true (gtk_selection_model_select_item (page_selection (fixture), 0, TRUE));
  g_assert_nonnull (anju_desktop_test_find_label (fixture->page, "admin"));
  after_label = anju_desktop_test_find_label (fixture->page, "After");
  g_assert_nonnull (after_label);
  after = text_view_text (gtk_label_get_mnemonic_widget (GTK_LABEL (after_label)));
  g_assert_nonnull (strstr (after, "审计测试"));
  g_assert_nonnull (strstr (after, "portal.user.read"));
}

static void
test_organisations (void)
{
  run_as_admin (organisations_scenario);
}

static void
test_roles (void)
{
  run_as_admin (roles_scenario);
}

static void
test_audit (void)
{
  run_as_admin (audit_scenario);
}

int
main (int   argc,
      char *argv[])
{
  anju_test_display_init (&argc, &argv);

  g_test_add_func ("/portal/organisations/create-edit-refused-delete  F-PORTAL-015",
                   test_organisations);
  g_test_add_func ("/portal/roles/create-and-grant  F-PORTAL-016 F-PORTAL-018", test_roles);
  g_test_add_func ("/portal/audit/filter-and-detail  F-PORTAL-021", test_audit);

  return g_test_run ();
}
