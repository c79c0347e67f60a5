/* test-desktop-applications.c: public rental applications through the
 * desktop's real windows against a real anju-server (F-PRH-003
 * application management, F-PRH-007 applicant information, F-PRH-008
 * applicant review).
 *
 * 李娜 (street_ypl, 银盆岭街道) enters a walk-in household's
 * application: she chooses "physical allocation" first, fills in the
 * applicant and the one member's registered residence, and submits.
 * The pre-review passes and the list shows the application at street
 * review (街道审核).
 *
 * The street steps are then played through the API as the setup of the
 * second part: she approves the street review, and the clock moves past
 * the publicity period so that the server's sweep sends it on to the
 * center.  周敏 (center) finds it in her to-do list, which opens the
 * application's own detail window; she approves the first review (初审)
 * with its action bar, and the server's process moves on to the second
 * review.
 */
#include "config.h"

#include "anju-applications-private.h"
#include "anju-desktop-test.h"
#include "anju-pubrent-names.h"
#include "anju-record.h"
#include "anju-todo-page-private.h"
#include "anju-workflow-action-dialog.h"

#define STREET_USER   "street_ypl"
#define CENTER_USER   "center"
#define APPLICANT     "覃晓梅"
#define PHONE         "13907310011"
#define SECONDS_PER_DAY (G_GINT64_CONSTANT (24) * 60 * 60)

typedef struct
{
  AnjuTestServer *server;
  AnjuWindow     *window;
  GtkWidget      *page;
  GtkWidget      *editor;
  GtkWidget      *view;
  char           *id_no;            /* the applicant's, valid */
  char           *county_code;      /* a Changsha county of the dictionary, or NULL */
  gint64          application_id;
  gint64          instance_id;
} Fixture;

static void
fixture_clear (Fixture *fixture)
{
  g_clear_pointer (&fixture->id_no, g_free);
  g_clear_pointer (&fixture->county_code, g_free);
}

static JsonNode *
request (Fixture    *fixture,
         const char *token,
         const char *method,
         const char *path,
         const char *body,
         guint       expected)
{
  JsonNode *answer;
  guint status = 0;

  answer = anju_test_request (fixture->server, token, method, path, body, &status);
  if (status != expected)
    {
      g_autofree char *text = answer != NULL ? json_to_string (answer, FALSE) : NULL;

      g_error ("%s %s answered %u, not %u: %s", method, path, status, expected, text);
    }
  return answer;
}

/* The first county code of the dictionary in Changsha (4301xx), so that
 * the pre-review's hukou rule passes. */
static void
find_county (Fixture    *fixture,
             const char *token)
{
  g_autoptr(JsonNode) codes = request (fixture, token, "GET", "/api/v1/pubrent/codes", NULL, 200);
  JsonNode *set = json_object_get_member (json_node_get_object (codes), "hukou_county_code");

  for (guint i = 0; set != NULL && JSON_NODE_HOLDS_ARRAY (set) && i < json_array_get_length (json_node_get_array (set)); i++)
    {
      JsonObject *code = json_array_get_object_element (json_node_get_array (set), i);
      const char *value = json_object_get_string_member_with_default (code, "code", "");

      if (g_str_has_prefix (value, "4301"))
        {
          fixture->county_code = g_strdup (value);
          return;
        }
    }
}

static gboolean
page_loaded (gpointer data)
{
  Fixture *fixture = data;
  AnjuPagedModel *model = _anju_applications_page_get_model (ANJU_APPLICATIONS_PAGE (fixture->page));

  return !anju_paged_model_get_loading (model);
}

static gboolean
editor_ready (gpointer data)
{
  Fixture *fixture = data;

  return _anju_application_editor_is_ready (ANJU_APPLICATION_EDITOR (fixture->editor));
}

static gboolean
editor_type_choice_shown (gpointer data)
{
  Fixture *fixture = data;

  return editor_ready (data)
         && _anju_application_editor_get_type_button (ANJU_APPLICATION_EDITOR (fixture->editor),
                                                      "open_physical") != NULL;
}

static void
set_row_text (GtkWidget  *row,
              const char *text)
{
  g_assert_nonnull (row);
  g_assert_true (GTK_IS_EDITABLE (row));
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* A code row is a combo over the code set's names when the server has
 * the set, an entry otherwise. */
static void
set_county (Fixture   *fixture,
            GtkWidget *row)
{
  g_assert_nonnull (row);
  if (ADW_IS_COMBO_ROW (row))
    {
      g_autofree char *path = NULL;
      g_autoptr(JsonNode) codes = NULL;
      g_autofree char *token = anju_test_login (fixture->server, STREET_USER, ANJU_TEST_DEMO_PASSWORD);
      JsonArray *set;

      g_assert_nonnull (fixture->county_code);
      codes = request (fixture, token, "GET", "/api/v1/pubrent/codes", NULL, 200);
      set = json_object_get_array_member (json_node_get_object (codes), "hukou_county_code");
      for (guint i = 0; i < json_array_get_length (set); i++)
        if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (set, i), "code"),
                       fixture->county_code) == 0)
          adw_combo_row_set_selected (ADW_COMBO_ROW (row), i + 1);
    }
  else
    set_row_text (row, fixture->county_code != NULL ? fixture->county_code : "430104");
}

static gboolean
editor_closed_or_failed (gpointer data)
{
  Fixture *fixture = data;

  return anju_desktop_test_find_window (ANJU_TYPE_APPLICATION_EDITOR) == NULL
         || (editor_ready (data) && _anju_application_editor_get_banner (ANJU_APPLICATION_EDITOR (fixture->editor)) != NULL);
}

/* The position of the application in the page's list, or -1. */
static int
find_listed (Fixture *fixture)
{
  GListModel *model = G_LIST_MODEL (_anju_applications_page_get_model (ANJU_APPLICATIONS_PAGE (fixture->page)));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AnjuRecord) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (anju_record_get_string (item, "applicant_name"), APPLICANT) == 0
          && g_strcmp0 (anju_record_get_string (item, "status"), "street_review") == 0)
        {
          fixture->application_id = anju_record_get_id (item);
          return (int) i;
        }
    }
  return -1;
}

static gboolean
listed_at_street_review (gpointer data)
{
  Fixture *fixture = data;

  return page_loaded (data) && find_listed (fixture) >= 0
         && anju_desktop_test_find_label (GTK_WIDGET (_anju_applications_page_get_columns (ANJU_APPLICATIONS_PAGE (fixture->page))),
                                          anju_pubrent_stage_label ("street_review")) != NULL;
}

static void
enter_scenario (AnjuWindow *window,
                gpointer    data)
{
  Fixture *fixture = data;
  AnjuApplicationEditor *editor;
  AnjuPubrentMemberDialog *member;

  fixture->window = window;
  fixture->page = anju_desktop_test_open_page (window, "pubrent-applications");
  g_assert_true (ANJU_IS_APPLICATIONS_PAGE (fixture->page));
  g_assert_true (anju_test_display_wait_for (page_loaded, fixture, "the list of applications"));

  anju_desktop_test_click_action (fixture->page, "applications.create");
  fixture->editor = anju_test_display_wait_for_window (ANJU_TYPE_APPLICATION_EDITOR);
  editor = ANJU_APPLICATION_EDITOR (fixture->editor);
  g_assert_true (anju_test_display_wait_for (editor_type_choice_shown, fixture, "the business types"));

  /* A street enters open applications only. */
  g_assert_null (_anju_application_editor_get_type_button (editor, "directed_physical"));
  g_assert_null (_anju_application_editor_get_type_button (editor, "directed_subsidy"));
  g_assert_nonnull (_anju_application_editor_get_type_button (editor, "open_subsidy"));
  anju_desktop_test_click (_anju_application_editor_get_type_button (editor, "open_physical"));

  set_row_text (_anju_application_editor_get_row (editor, "applicant_name"), APPLICANT);
  set_row_text (_anju_application_editor_get_row (editor, "id_no"), fixture->id_no);
  set_row_text (_anju_application_editor_get_row (editor, "phone"), PHONE);
  set_county (fixture, _anju_application_editor_get_row (editor, "hukou_county_code"));
  set_row_text (_anju_application_editor_get_row (editor, "annual_income_per_capita"), "28000.00");
  set_row_text (_anju_application_editor_get_row (editor, "annual_income_total"), "28000.00");
  set_row_text (_anju_application_editor_get_row (editor, "floor_area_per_capita"), "9.50");
  set_row_text (_anju_application_editor_get_row (editor, "floor_area_total"), "9.50");

  /* The applicant is the household's first and only member; her
   * registered residence is on her member record. */
  g_assert_cmpuint (_anju_application_editor_get_n_members (editor), ==, 1);
  member = _anju_application_editor_edit_member (editor, 0);
  g_assert_false (gtk_widget_get_sensitive (anju_pubrent_member_dialog_get_row (member, "id_no")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (anju_pubrent_member_dialog_get_row (member, "id_no"))),
                   ==, fixture->id_no);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (anju_pubrent_member_dialog_get_row (member, "birth_date"))),
                   ==, "1988-05-12");
  set_row_text (anju_pubrent_member_dialog_get_row (member, "hukou_years"), "6");
  anju_pubrent_member_dialog_finish (member);
  anju_test_display_wait_for_window_gone (ANJU_TYPE_PUBRENT_MEMBER_DIALOG);
  g_assert_cmpuint (_anju_application_editor_get_n_members (editor), ==, 1);

  anju_desktop_test_click_action (fixture->editor, "editor.submit");
  g_assert_true (anju_test_display_wait_for (editor_closed_or_failed, fixture, "the submission"));
  if (anju_desktop_test_find_window (ANJU_TYPE_APPLICATION_EDITOR) != NULL)
    g_error ("The server refused the application: %s", _anju_application_editor_get_banner (editor));
  fixture->editor = NULL;

  g_assert_true (anju_test_display_wait_for (listed_at_street_review, fixture, "the application at street review"));
}

/* The street steps, as the setup of the center's part: the street
 * approves its review; the publicity period passes on the server's
 * clock and its sweep sends the application to the center. */
static gboolean
at_center_review (gpointer data)
{
  Fixture *fixture = data;
  g_autofree char *token = anju_test_login (fixture->server, STREET_USER, ANJU_TEST_DEMO_PASSWORD);
  g_autofree char *path = g_strdup_printf ("/api/v1/pubrent/applications/%" G_GINT64_FORMAT, fixture->application_id);
  g_autoptr(JsonNode) application = request (fixture, token, "GET", path, NULL, 200);
  JsonObject *object = json_node_get_object (application);

  return g_strcmp0 (json_object_get_string_member_with_default (object, "status", ""), "center_review") == 0;
}

static void
play_street_steps (Fixture *fixture)
{
  g_autofree char *token = anju_test_login (fixture->server, STREET_USER, ANJU_TEST_DEMO_PASSWORD);
  g_autofree char *path = g_strdup_printf ("/api/v1/pubrent/applications/%" G_GINT64_FORMAT, fixture->application_id);
  g_autofree char *action_path = NULL;
  g_autoptr(JsonNode) application = request (fixture, token, "GET", path, NULL, 200);
  g_autoptr(JsonNode) approved = NULL;
  JsonObject *process = json_object_get_object_member (json_node_get_object (application), "process");

  g_assert_nonnull (process);
  fixture->instance_id = json_object_get_int_member (process, "instance_id");
  g_assert_cmpint (fixture->instance_id, >, 0);
  g_assert_cmpstr (json_object_get_string_member (process, "step_key"), ==, "street_review");

  action_path = g_strdup_printf ("/api/v1/workflow/instances/%" G_GINT64_FORMAT "/actions", fixture->instance_id);
  approved = request (fixture, token, "POST", action_path,
                      "{\"action\":\"approve\",\"comment\":\"原件核对无误，同意公示\"}", 200);

  anju_clock_advance (fixture->server->clock, 8 * SECONDS_PER_DAY * G_USEC_PER_SEC);
  g_assert_true (anju_test_display_wait_for (at_center_review, fixture, "the publicity sweep"));
}

static gboolean
todo_listed (gpointer data)
{
  Fixture *fixture = data;
  AnjuTodoPage *todo = ANJU_TODO_PAGE (_anju_window_get_page (fixture->window, "todo"));
  AnjuPagedModel *model = _anju_todo_page_get_model (todo, "todo");
  GListModel *items = G_LIST_MODEL (model);

  if (anju_paged_model_get_loading (model))
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(AnjuRecord) item = g_list_model_get_item (items, i);

      if (anju_record_get_int (item, "instance_id", 0) == fixture->instance_id)
        return TRUE;
    }
  return FALSE;
}

static int
todo_position (Fixture *fixture)
{
  AnjuTodoPage *todo = ANJU_TODO_PAGE (_anju_window_get_page (fixture->window, "todo"));
  GListModel *items = G_LIST_MODEL (_anju_todo_page_get_model (todo, "todo"));

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(AnjuRecord) item = g_list_model_get_item (items, i);

      if (anju_record_get_int (item, "instance_id", 0) == fixture->instance_id)
        {
          g_assert_cmpstr (anju_record_get_string (item, "domain"), ==, "pubrent.application");
          g_assert_cmpint (anju_record_get_int (item, "record_id", 0), ==, fixture->application_id);
          return (int) i;
        }
    }
  return -1;
}

static gboolean
view_loaded (gpointer data)
{
  Fixture *fixture = data;
  AnjuApplicationView *view = ANJU_APPLICATION_VIEW (fixture->view);
  AnjuWorkflowActionBar *bar = _anju_application_view_get_action_bar (view);

  return _anju_application_view_get_application (view) != NULL && !_anju_application_view_is_loading (view)
         && !anju_workflow_action_bar_get_busy (bar);
}

static gboolean
view_at_second_review (gpointer data)
{
  Fixture *fixture = data;
  AnjuRecord *application;

  if (!view_loaded (data))
    return FALSE;
  application = _anju_application_view_get_application (ANJU_APPLICATION_VIEW (fixture->view));
  return g_strcmp0 (anju_record_get_path_string (application, "process.step_key"), "center_second") == 0;
}

static void
approve_scenario (AnjuWindow *window,
                  gpointer    data)
{
  Fixture *fixture = data;
  AnjuTodoPage *todo;
  AnjuRecord *application;
  GtkWidget *question;
  int position;

  fixture->window = window;
  todo = ANJU_TODO_PAGE (anju_desktop_test_open_page (window, "todo"));
  _anju_todo_page_show_view (todo, "todo");
  g_assert_true (anju_test_display_wait_for (todo_listed, fixture, "the application in her to-do list"));
  position = todo_position (fixture);
  g_assert_cmpint (position, >=, 0);

  /* Activating the row goes through "win.open-record" to the
   * application's own window, not the generic instance dialog. */
  g_signal_emit_by_name (_anju_todo_page_get_columns (todo, "todo"), "activate", (guint) position);
  fixture->view = anju_test_display_wait_for_window (ANJU_TYPE_APPLICATION_VIEW);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (fixture->view)) == GTK_WINDOW (window));
  g_assert_true (anju_test_display_wait_for (view_loaded, fixture, "the application's window"));
  application = _anju_application_view_get_application (ANJU_APPLICATION_VIEW (fixture->view));
  g_assert_cmpint (anju_record_get_id (application), ==, fixture->application_id);
  g_assert_cmpstr (anju_record_get_string (application, "status"), ==, "center_review");
  g_assert_cmpstr (anju_record_get_path_string (application, "process.step_key"), ==, "center_first");
  g_assert_nonnull (anju_desktop_test_find_label (fixture->view, APPLICANT));

  anju_desktop_test_click_action (fixture->view, "workflow.approve");
  question = anju_test_display_wait_for_window (ANJU_TYPE_WORKFLOW_ACTION_DIALOG);
  anju_desktop_test_answer (question, ANJU_WORKFLOW_ACTION_RESPONSE);
  anju_test_display_wait_for_window_gone (ANJU_TYPE_WORKFLOW_ACTION_DIALOG);
  g_assert_true (anju_test_display_wait_for (view_at_second_review, fixture, "the second review"));

  gtk_window_close (GTK_WINDOW (fixture->view));
  anju_test_display_wait_for_window_gone (ANJU_TYPE_APPLICATION_VIEW);
  fixture->view = NULL;
}

static void
check_first_review (Fixture *fixture)
{
  g_autofree char *token = anju_test_login (fixture->server, CENTER_USER, ANJU_TEST_DEMO_PASSWORD);
  g_autofree char *path = g_strdup_printf ("/api/v1/workflow/instances/%" G_GINT64_FORMAT, fixture->instance_id);
  g_autoptr(JsonNode) instance = request (fixture, token, "GET", path, NULL, 200);
  JsonObject *object = json_node_get_object (instance);
  JsonArray *history = json_object_get_array_member (object, "history");
  gboolean approved_first = FALSE;

  g_assert_cmpstr (json_object_get_string_member (object, "state"), ==, "running");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object, "current_step"), "key"),
                   ==, "center_second");
  for (guint i = 0; i < json_array_get_length (history); i++)
    {
      JsonObject *row = json_array_get_object_element (history, i);

      if (g_strcmp0 (json_object_get_string_member (row, "step_key"), "center_first") == 0
          && g_strcmp0 (json_object_get_string_member (row, "action"), "approve") == 0)
        approved_first = TRUE;
    }
  g_assert_true (approved_first);
}

/* The workflow demo's processes point at applications 1 to 9 that the
 * application store does not hold (docs/demo.md); an application with
 * one of those ids could not start its own process.  Drafts take the
 * ids first. */
static void
skip_demo_record_ids (Fixture    *fixture,
                      const char *token)
{
  g_autofree char *top = anju_test_db_query (fixture->server,
                                             "SELECT COALESCE(MAX(record_id), 0) FROM workflow_instances"
                                             " WHERE domain = 'pubrent.application'");
  gint64 n = g_ascii_strtoll (top, NULL, 10);

  for (gint64 i = 0; i < n; i++)
    {
      g_autoptr(JsonNode) draft = request (fixture, token, "POST", "/api/v1/pubrent/applications",
                                           "{\"business_type\":\"open_subsidy\",\"applicant_name\":\"占位\","
                                           "\"members\":[{\"relation\":\"self\",\"name\":\"占位\"}]}", 201);
    }
}

static void
short_sweeps (AnjuConfig *config,
              gpointer    data)
{
  /* The publicity sweep runs every second, so the test does not wait a
   * minute after moving the clock. */
  config->pubrent_sweep_interval_seconds = 1;
}

static void
test_enter_submit_and_review (void)
{
  Fixture fixture = { anju_test_server_start_with (TRUE, short_sweeps, NULL), };
  g_autofree char *token = anju_test_login (fixture.server, STREET_USER, ANJU_TEST_DEMO_PASSWORD);
  char check = anju_id_number_check_char ("43010419880512132");

  fixture.id_no = g_strdup_printf ("43010419880512132%c", check);
  find_county (&fixture, token);
  skip_demo_record_ids (&fixture, token);

  anju_desktop_test_run (fixture.server, STREET_USER, ANJU_TEST_DEMO_PASSWORD, enter_scenario, &fixture);
  g_assert_cmpint (fixture.application_id, >, 0);

  play_street_steps (&fixture);
  anju_desktop_test_run (fixture.server, CENTER_USER, ANJU_TEST_DEMO_PASSWORD, approve_scenario, &fixture);
  check_first_review (&fixture);

  fixture_clear (&fixture);
  anju_test_server_stop (fixture.server);
}

int
main (int   argc,
      char *argv[])
{
  anju_test_display_init (&argc, &argv);

  g_test_add_func ("/desktop/pubrent/applications/enter-submit-approve/F-PRH-003", test_enter_submit_and_review);

  return g_test_run ();
}
