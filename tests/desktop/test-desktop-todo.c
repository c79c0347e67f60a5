/* test-desktop-todo.c: the unified to-do list and the process record
 * page through the desktop's real windows against a real anju-server
 * (F-PORTAL-005, F-PORTAL-001).
 *
 * 李娜 (street_ypl) has two public rental applications to review in the
 * demo data (docs/demo.md).  Both appear in her to-do list, and on the
 * workbench.  She opens the first from the list, which shows the
 * process in the instance dialog, and approves it: it leaves the to-do
 * list and shows up as done.  She opens the second and tries to reject
 * it: without a reason the dialog does not let her; with one it does,
 * and the server holds the rejection with her reason.
 *
 * On the workbench (F-PORTAL-007, F-PORTAL-002) she picks her shortcuts
 * and puts them in order, which the server then holds; the overview
 * tiles show the server's numbers, or "—" while it has none.
 */
#include "config.h"

#include "anju-desktop-test.h"
#include "anju-home-page.h"
#include "anju-instance-dialog-private.h"
#include "anju-record.h"
#include "anju-shortcuts-dialog-private.h"
#include "anju-test-identity.h"
#include "anju-todo-page-private.h"
#include "anju-workflow-action-dialog.h"

#define USERNAME      "street_ypl"
#define REJECT_REASON "家庭人均月收入超过保障标准"

typedef struct
{
  AnjuTestServer *server;
  char           *token;          /* street_ypl's own, for checking */
  AnjuWindow     *window;
  AnjuTodoPage   *page;
  GtkWidget      *dialog;         /* the instance dialog in front */
  char           *labels[2];      /* the record labels of her two tasks */
  gint64          instances[2];   /* and their instances */
  const char     *view;           /* which list a wait looks at */
  const char     *label;          /* which record a wait looks for */
} Fixture;

/* This test is about the generic process page (AnjuInstanceDialog),
 * where a to-do item opens when its record has no page of its own.  The
 * demo's applications have one (test-desktop-applications drives it), so
 * the test takes their rows away and keeps their processes. */
static void
forget_record (Fixture *fixture,
               gint64   record_id)
{
  g_autofree char *members = g_strdup_printf ("DELETE FROM pubrent_members WHERE application_id = %"
                                              G_GINT64_FORMAT, record_id);
  g_autofree char *application = g_strdup_printf ("DELETE FROM pubrent_applications WHERE id = %"
                                                  G_GINT64_FORMAT, record_id);
  g_autofree char *count = g_strdup_printf ("SELECT COUNT(*) FROM pubrent_applications WHERE id = %"
                                            G_GINT64_FORMAT, record_id);
  g_autofree char *left = NULL;

  g_free (anju_test_db_query (fixture->server, members));
  g_free (anju_test_db_query (fixture->server, application));
  left = anju_test_db_query (fixture->server, count);
  g_assert_cmpstr (left, ==, "0");
}

/* What the server says her tasks are, before the desktop is asked. */
static void
find_tasks (Fixture *fixture)
{
  g_autoptr(JsonNode) answer = NULL;
  JsonArray *items;
  guint status = 0;

  answer = anju_test_request (fixture->server, fixture->token, "GET", "/api/v1/todo", NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  items = json_object_get_array_member (json_node_get_object (answer), "items");
  g_assert_cmpuint (json_array_get_length (items), >=, 2);

  for (guint i = 0; i < 2; i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      fixture->labels[i] = g_strdup (json_object_get_string_member (item, "record_label"));
      fixture->instances[i] = json_object_get_int_member (item, "instance_id");
      g_assert_nonnull (json_object_get_string_member (item, "domain"));
      forget_record (fixture, json_object_get_int_member (item, "record_id"));
    }
}

static JsonObject *
server_instance (Fixture *fixture,
                 gint64   id)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/workflow/instances/%" G_GINT64_FORMAT, id);
  g_autoptr(JsonNode) answer = NULL;
  guint status = 0;

  answer = anju_test_request (fixture->server, fixture->token, "GET", path, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  return json_object_ref (json_node_get_object (answer));
}

/* The position of the record in a list of the page, or -1. */
static int
find_in_view (Fixture    *fixture,
              const char *view,
              const char *label)
{
  GListModel *model = G_LIST_MODEL (_anju_todo_page_get_model (fixture->page, view));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AnjuRecord) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (anju_record_get_string (item, "record_label"), label) == 0)
        return (int) i;
    }

  return -1;
}

static gboolean
is_listed (gpointer data)
{
  Fixture *fixture = data;
  AnjuPagedModel *model = _anju_todo_page_get_model (fixture->page, fixture->view);

  return !anju_paged_model_get_loading (model) && find_in_view (fixture, fixture->view, fixture->label) >= 0;
}

static gboolean
is_not_listed (gpointer data)
{
  Fixture *fixture = data;
  AnjuPagedModel *model = _anju_todo_page_get_model (fixture->page, fixture->view);

  return !anju_paged_model_get_loading (model) && find_in_view (fixture, fixture->view, fixture->label) < 0;
}

static void
wait_listed (Fixture    *fixture,
             const char *view,
             const char *label,
             gboolean    listed)
{
  fixture->view = view;
  fixture->label = label;
  g_test_message ("Waiting for “%s” %s the %s list", label, listed ? "in" : "out of", view);
  g_assert_true (anju_test_display_wait_for (listed ? is_listed : is_not_listed, fixture,
                                             listed ? "the task in the list" : "the task to leave the list"));
}

static gboolean
shown_in_column_view (gpointer data)
{
  Fixture *fixture = data;
  GtkColumnView *columns = _anju_todo_page_get_columns (fixture->page, fixture->view);

  return anju_desktop_test_find_label (GTK_WIDGET (columns), fixture->label) != NULL;
}

static gboolean
on_workbench (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *home = _anju_window_get_page (fixture->window, "home");

  return anju_desktop_test_find_row (home, fixture->label) != NULL;
}

static gboolean
dialog_loaded (gpointer data)
{
  Fixture *fixture = data;
  AnjuInstanceDialog *dialog = ANJU_INSTANCE_DIALOG (fixture->dialog);

  return _anju_instance_dialog_get_instance (dialog) != NULL && !_anju_instance_dialog_is_loading (dialog);
}

/* The dialog shows the instance as the server has it after the action:
 * the step it acted on is no longer the caller's. */
static gboolean
dialog_acted_on (gpointer data)
{
  Fixture *fixture = data;
  AnjuInstanceDialog *dialog = ANJU_INSTANCE_DIALOG (fixture->dialog);
  AnjuWorkflowActionBar *bar = _anju_instance_dialog_get_action_bar (dialog);
  AnjuRecord *instance = _anju_instance_dialog_get_instance (dialog);
  JsonArray *mine = instance != NULL ? anju_record_get_member_array (instance, "my_actions") : NULL;

  return dialog_loaded (data) && !anju_workflow_action_bar_get_busy (bar)
         && mine != NULL && json_array_get_length (mine) == 0;
}

/* Opens the record from the to-do list as a person would: activating
 * its row, which goes through "win.open-record". */
static void
open_from_list (Fixture    *fixture,
                const char *label)
{
  GtkColumnView *columns = _anju_todo_page_get_columns (fixture->page, "todo");
  int position;

  _anju_todo_page_show_view (fixture->page, "todo");
  wait_listed (fixture, "todo", label, TRUE);
  position = find_in_view (fixture, "todo", label);
  g_signal_emit_by_name (columns, "activate", (guint) position);

  fixture->dialog = anju_test_display_wait_for_window (ANJU_TYPE_INSTANCE_DIALOG);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (fixture->dialog)) == GTK_WINDOW (fixture->window));
  g_assert_true (anju_test_display_wait_for (dialog_loaded, fixture, "the instance dialog to load"));
  g_assert_cmpstr (anju_record_get_string (_anju_instance_dialog_get_instance (ANJU_INSTANCE_DIALOG (fixture->dialog)),
                                           "record_label"), ==, label);
  g_assert_cmpstr (_anju_instance_dialog_get_state_text (ANJU_INSTANCE_DIALOG (fixture->dialog)), ==, "Running");
}

static void
close_dialog (Fixture *fixture)
{
  gtk_window_close (GTK_WINDOW (fixture->dialog));
  anju_test_display_wait_for_window_gone (ANJU_TYPE_INSTANCE_DIALOG);
  fixture->dialog = NULL;
}

static GtkWidget *
find_button_labelled (GtkWidget  *root,
                      const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_labelled (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The message dialog labels each response's button with the response's
 * label. */
static GtkWidget *
response_button (GtkWidget  *dialog,
                 const char *response)
{
  const char *label = adw_message_dialog_get_response_label (ADW_MESSAGE_DIALOG (dialog), response);
  GtkWidget *button = find_button_labelled (dialog, label);

  g_assert_nonnull (button);
  return button;
}

static void
set_comment (GtkWidget  *dialog,
             const char *text)
{
  GtkWidget *view = anju_desktop_test_find_type (dialog, GTK_TYPE_TEXT_VIEW);

  g_assert_nonnull (view);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

static void
approve (Fixture *fixture)
{
  g_autoptr(JsonObject) instance = NULL;
  GtkWidget *question;

  open_from_list (fixture, fixture->labels[0]);

  anju_desktop_test_click_action (fixture->dialog, "workflow.approve");
  question = anju_test_display_wait_for_window (ANJU_TYPE_WORKFLOW_ACTION_DIALOG);
  /* Approving needs no comment. */
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (question),
                                                          ANJU_WORKFLOW_ACTION_RESPONSE));
  anju_desktop_test_answer (question, ANJU_WORKFLOW_ACTION_RESPONSE);
  anju_test_display_wait_for_window_gone (ANJU_TYPE_WORKFLOW_ACTION_DIALOG);
  g_assert_true (anju_test_display_wait_for (dialog_acted_on, fixture, "the approval to show"));

  /* Out of the to-do list, into the done list, without a reload by hand. */
  wait_listed (fixture, "todo", fixture->labels[0], FALSE);
  _anju_todo_page_show_view (fixture->page, "done");
  wait_listed (fixture, "done", fixture->labels[0], TRUE);
  g_assert_true (anju_test_display_wait_for (shown_in_column_view, fixture, "the done row"));
  g_assert_nonnull (anju_desktop_test_find_label (GTK_WIDGET (_anju_todo_page_get_columns (fixture->page, "done")),
                                                  "Approved"));

  instance = server_instance (fixture, fixture->instances[0]);
  g_assert_cmpstr (json_object_get_string_member (instance, "state"), ==, "running");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (instance, "my_actions")), ==, 0);
  close_dialog (fixture);
}

static void
reject (Fixture *fixture)
{
  g_autoptr(JsonObject) instance = NULL;
  JsonArray *history;
  JsonObject *last;
  GtkWidget *question;
  GtkWidget *reject_button;

  open_from_list (fixture, fixture->labels[1]);

  anju_desktop_test_click_action (fixture->dialog, "workflow.reject");
  question = anju_test_display_wait_for_window (ANJU_TYPE_WORKFLOW_ACTION_DIALOG);
  reject_button = response_button (question, ANJU_WORKFLOW_ACTION_RESPONSE);

  /* No reason, or only blanks: the button stays insensitive. */
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (question),
                                                           ANJU_WORKFLOW_ACTION_RESPONSE));
  g_assert_false (gtk_widget_is_sensitive (reject_button));
  set_comment (question, "   \n ");
  g_assert_false (gtk_widget_is_sensitive (reject_button));

  set_comment (question, REJECT_REASON);
  g_assert_true (gtk_widget_is_sensitive (reject_button));
  anju_desktop_test_answer (question, ANJU_WORKFLOW_ACTION_RESPONSE);
  anju_test_display_wait_for_window_gone (ANJU_TYPE_WORKFLOW_ACTION_DIALOG);
  g_assert_true (anju_test_display_wait_for (dialog_acted_on, fixture, "the rejection to show"));
  g_assert_cmpstr (_anju_instance_dialog_get_state_text (ANJU_INSTANCE_DIALOG (fixture->dialog)), ==, "Rejected");
  g_assert_nonnull (anju_desktop_test_find_label (fixture->dialog, REJECT_REASON));

  wait_listed (fixture, "todo", fixture->labels[1], FALSE);
  _anju_todo_page_show_view (fixture->page, "done");
  wait_listed (fixture, "done", fixture->labels[1], TRUE);

  instance = server_instance (fixture, fixture->instances[1]);
  g_assert_cmpstr (json_object_get_string_member (instance, "state"), ==, "rejected");
  history = json_object_get_array_member (instance, "history");
  last = json_array_get_object_element (history, json_array_get_length (history) - 1);
  g_assert_cmpstr (json_object_get_string_member (last, "action"), ==, "reject");
  g_assert_cmpstr (json_object_get_string_member (last, "comment"), ==, REJECT_REASON);
  close_dialog (fixture);
}

static gboolean
only_overdue_listed (gpointer data)
{
  Fixture *fixture = data;
  AnjuPagedModel *model = _anju_todo_page_get_model (fixture->page, "todo");
  GListModel *items = G_LIST_MODEL (model);
  g_autoptr(AnjuRecord) first = NULL;

  if (anju_paged_model_get_loading (model) || g_list_model_get_n_items (items) != 1)
    return FALSE;

  first = g_list_model_get_item (items, 0);
  return anju_record_get_boolean (first, "overdue", FALSE);
}

static gboolean
types_counted (gpointer data)
{
  Fixture *fixture = data;
  GListModel *types = _anju_todo_page_get_types (fixture->page);

  return g_list_model_get_n_items (types) == 2
         && g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (types), 0), "All types (2)") == 0;
}

/* Her overdue task stands out, in words too, and the filters narrow the
 * list to it; the type filter counts her tasks per type. */
static void
filter (Fixture *fixture)
{
  GtkWidget *columns = GTK_WIDGET (_anju_todo_page_get_columns (fixture->page, "todo"));
  GtkToggleButton *overdue_only = _anju_todo_page_get_overdue_toggle (fixture->page);
  GtkWidget *overdue_label = anju_desktop_test_find_label (columns, "Overdue");

  g_assert_nonnull (overdue_label);
  g_assert_true (gtk_widget_has_css_class (overdue_label, "anju-overdue"));
  g_assert_true (anju_test_display_wait_for (types_counted, fixture, "the counts per type"));

  gtk_toggle_button_set_active (overdue_only, TRUE);
  g_assert_true (anju_test_display_wait_for (only_overdue_listed, fixture, "only the overdue task"));
  gtk_toggle_button_set_active (overdue_only, FALSE);
  wait_listed (fixture, "todo", fixture->labels[0], TRUE);
  wait_listed (fixture, "todo", fixture->labels[1], TRUE);
}

static void
todo_scenario (AnjuWindow *window,
               gpointer    data)
{
  Fixture *fixture = data;

  fixture->window = window;

  /* The workbench shows her tasks first thing. */
  fixture->label = fixture->labels[0];
  g_assert_true (anju_test_display_wait_for (on_workbench, fixture, "the task on the workbench"));

  fixture->page = ANJU_TODO_PAGE (anju_desktop_test_open_page (window, "todo"));
  wait_listed (fixture, "todo", fixture->labels[0], TRUE);
  wait_listed (fixture, "todo", fixture->labels[1], TRUE);
  fixture->view = "todo";
  g_assert_true (anju_test_display_wait_for (shown_in_column_view, fixture, "the task's row"));

  filter (fixture);
  approve (fixture);
  reject (fixture);
}

static gboolean
edit_shortcuts_ready (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *home = _anju_window_get_page (fixture->window, "home");
  GtkWidget *button = anju_desktop_test_find_button (home, "home.edit-shortcuts");

  return button != NULL && gtk_widget_is_sensitive (button);
}

static gboolean
shortcuts_shown (gpointer data)
{
  Fixture *fixture = data;
  AnjuHomePage *home = ANJU_HOME_PAGE (_anju_window_get_page (fixture->window, "home"));
  g_auto(GStrv) shown = _anju_home_page_get_shortcuts (home);
  const char * const expected[] = { "users", "todo", NULL };

  return g_strv_equal ((const char * const *) shown, expected);
}

static gboolean
tiles_filled (gpointer data)
{
  Fixture *fixture = data;
  AnjuHomePage *home = ANJU_HOME_PAGE (_anju_window_get_page (fixture->window, "home"));

  return g_strcmp0 (_anju_home_page_get_tile (home, "open_tasks"), fixture->label) == 0;
}

/* The tiles show what GET /api/v1/portal/overview counts, or "—" from a
 * server without it (404). */
static void
check_tiles (Fixture *fixture)
{
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *open_tasks = NULL;
  guint status = 0;

  answer = anju_test_request (fixture->server, fixture->token, "GET", "/api/v1/portal/overview", NULL, &status);
  if (status == 404)
    open_tasks = g_strdup ("—");
  else
    {
      JsonObject *tiles;

      g_assert_cmpuint (status, ==, 200);
      tiles = json_object_get_object_member (json_node_get_object (answer), "tiles");
      open_tasks = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (tiles, "open_tasks"));
    }

  fixture->label = open_tasks;
  g_assert_true (anju_test_display_wait_for (tiles_filled, fixture, "the open tasks tile"));
  fixture->label = NULL;
}

static void
shortcuts_scenario (AnjuWindow *window,
                    gpointer    data)
{
  Fixture *fixture = data;
  AnjuShortcutsDialog *dialog;
  g_autoptr(JsonNode) answer = NULL;
  JsonArray *pages;
  guint status = 0;

  fixture->window = window;
  check_tiles (fixture);

  g_assert_true (anju_test_display_wait_for (edit_shortcuts_ready, fixture, "her shortcuts"));
  anju_desktop_test_click (anju_desktop_test_find_button (_anju_window_get_page (window, "home"),
                                                          "home.edit-shortcuts"));
  dialog = ANJU_SHORTCUTS_DIALOG (anju_test_display_wait_for_window (ANJU_TYPE_SHORTCUTS_DIALOG));

  /* Pages her roles do not open are not offered, nor the workbench. */
  g_assert_null (_anju_shortcuts_dialog_get_check (dialog, "roles"));
  g_assert_null (_anju_shortcuts_dialog_get_check (dialog, "home"));

  gtk_check_button_set_active (GTK_CHECK_BUTTON (_anju_shortcuts_dialog_get_check (dialog, "todo")), TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (_anju_shortcuts_dialog_get_check (dialog, "users")), TRUE);
  anju_desktop_test_click (_anju_shortcuts_dialog_get_up_button (dialog, "users"));
  anju_desktop_test_click (_anju_shortcuts_dialog_get_save_button (dialog));
  anju_test_display_wait_for_window_gone (ANJU_TYPE_SHORTCUTS_DIALOG);
  g_assert_true (anju_test_display_wait_for (shortcuts_shown, fixture, "the new shortcuts"));

  answer = anju_test_request (fixture->server, fixture->token, "GET", "/api/v1/me/shortcuts", NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  pages = json_object_get_array_member (json_node_get_object (answer), "pages");
  g_assert_cmpuint (json_array_get_length (pages), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (pages, 0), ==, "users");
  g_assert_cmpstr (json_array_get_string_element (pages, 1), ==, "todo");
}

static void
test_workbench_shortcuts (void)
{
  Fixture fixture = { anju_test_server_start (TRUE), };

  fixture.token = anju_test_login (fixture.server, USERNAME, ANJU_TEST_DEMO_PASSWORD);
  anju_desktop_test_run (fixture.server, USERNAME, ANJU_TEST_DEMO_PASSWORD, shortcuts_scenario, &fixture);
  g_free (fixture.token);
  anju_test_server_stop (fixture.server);
}

static void
test_todo_approve_reject (void)
{
  Fixture fixture = { anju_test_server_start (TRUE), };

  fixture.token = anju_test_login (fixture.server, USERNAME, ANJU_TEST_DEMO_PASSWORD);
  find_tasks (&fixture);
  anju_desktop_test_run (fixture.server, USERNAME, ANJU_TEST_DEMO_PASSWORD, todo_scenario, &fixture);

  for (guint i = 0; i < G_N_ELEMENTS (fixture.labels); i++)
    g_free (fixture.labels[i]);
  g_free (fixture.token);
  anju_test_server_stop (fixture.server);
}

int
main (int   argc,
      char *argv[])
{
  anju_test_display_init (&argc, &argv);

  g_test_add_func ("/portal/todo/approve-and-reject-in-desktop  F-PORTAL-005", test_todo_approve_reject);
  g_test_add_func ("/portal/workbench/shortcuts-and-overview  F-PORTAL-007 F-PORTAL-002", test_workbench_shortcuts);

  return g_test_run ();
}
