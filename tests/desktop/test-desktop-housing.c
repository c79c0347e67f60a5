/* test-desktop-housing.c: the housing stock through the desktop's real
 * windows against a real anju-server, signed in as the center's staff.
 *
 *   projects  F-PRH-011  the project made for the test is listed with
 *                        its building in the detail pane; deleting it
 *                        is refused while a unit is leased, and the
 *                        page says so; "Show units" opens the units
 *                        page narrowed to it
 *   units     F-PRH-012  filter by state; mark a unit abnormal and clear
 *                        the mark (the list follows, the change log shows
 *                        both); an import of a CSV with one good and one
 *                        bad row previews the good one and lists the bad
 *                        one's row, column and reason, then imports the
 *                        good one, which the list then shows; the
 *                        CSV export holds what the filters show
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "anju-desktop-test.h"
#include "anju-file-save.h"
#include "anju-housing-export.h"
#include "anju-pubrent-projects-page-private.h"
#include "anju-pubrent-units-page-private.h"
#include "anju-record-column.h"
#include "anju-unit-changes-dialog-private.h"
#include "anju-unit-import-dialog-private.h"

#define PROJECT_NO     "XJ-GZF-T01"
#define PROJECT_NAME   "梅溪湖公租房小区"
#define BUILDING_NAME  "1栋"
#define VACANT_UNIT    "T01-1-101"
#define LEASED_UNIT    "T01-1-102"
#define IMPORTED_UNIT  "T01-1-201"
#define REFUSED_UNIT   "T01-1-202"
#define MARK_REASON    "卫生间漏水，待维修"
#define CLEAR_REASON   "已维修完毕"

typedef struct
{
  AnjuTestServer *server;
  char           *dir;          /* (owned) files the user "chooses" */
  gint64          project_id;
  gint64          building_id;
  AnjuWindow     *window;
  GtkWidget      *page;
} Fixture;

/* Setting up through the API */

static gint64
post (Fixture    *fixture,
      const char *token,
      const char *path,
      const char *body)
{
  g_autoptr(JsonNode) answer = NULL;
  guint status = 0;

  answer = anju_test_request (fixture->server, token, "POST", path, body, &status);
  if (status != 201)
    {
      g_autofree char *text = json_to_string (answer, FALSE);

      g_test_message ("POST %s answered %u: %s", path, status, text);
    }
  g_assert_cmpuint (status, ==, 201);
  return json_object_get_int_member (json_node_get_object (answer), "id");
}

static void
make_stock (Fixture *fixture)
{
  g_autofree char *token = anju_test_login (fixture->server, "center", ANJU_TEST_DEMO_PASSWORD);
  g_autofree char *buildings_path = NULL;
  g_autofree char *unit = NULL;

  fixture->project_id = post (fixture, token, "/api/v1/pubrent/projects",
                              "{\"project_no\":\"" PROJECT_NO "\",\"name\":\"" PROJECT_NAME "\","
                              "\"address\":\"长沙市岳麓区梅溪湖路1号\",\"district\":\"岳麓区\","
                              "\"status\":\"operating\",\"manager\":\"周敏\"}");
  buildings_path = g_strdup_printf ("/api/v1/pubrent/projects/%" G_GINT64_FORMAT "/buildings", fixture->project_id);
  fixture->building_id = post (fixture, token, buildings_path,
                               "{\"name\":\"" BUILDING_NAME "\",\"building_no\":\"B01\",\"floors\":18}");

  for (guint i = 0; i < 2; i++)
    {
      g_free (unit);
      unit = g_strdup_printf ("{\"unit_no\":\"%s\",\"project_id\":%" G_GINT64_FORMAT ","
                              "\"building_id\":%" G_GINT64_FORMAT ",\"room_no\":\"%s\",\"floor\":1,"
                              "\"layout\":\"one_bedroom\",\"room_count\":1,\"floor_area\":\"45.00\","
                              "\"monthly_rent\":\"800.00\",\"state\":\"%s\"}",
                              i == 0 ? VACANT_UNIT : LEASED_UNIT, fixture->project_id, fixture->building_id,
                              i == 0 ? "101" : "102", i == 0 ? "vacant" : "leased");
      post (fixture, token, "/api/v1/pubrent/units", unit);
    }
}

/* The list */

static GListModel *
page_list (Fixture *fixture)
{
  GtkWidget *view = anju_desktop_test_find_type (fixture->page, GTK_TYPE_COLUMN_VIEW);

  g_assert_nonnull (view);
  return G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (view)));
}

/* The listed record whose member is value, or NULL; *out_position is
 * where. */
static AnjuRecord *
listed (Fixture    *fixture,
        const char *member,
        const char *value,
        guint      *out_position)
{
  GListModel *model = page_list (fixture);
  guint n_items = g_list_model_get_n_items (model);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      AnjuRecord *record = anju_record_column_item_record (item);

      if (g_strcmp0 (anju_record_get_string (record, member), value) == 0)
        {
          if (out_position != NULL)
            *out_position = i;
          return record;
        }
    }

  return NULL;
}

typedef struct
{
  Fixture    *fixture;
  const char *unit_no;
  int         abnormal;   /* -1: any, 0: not abnormal, 1: abnormal */
  int         n_items;    /* -1: any */
} Listed;

static gboolean
unit_is_listed (gpointer data)
{
  Listed *wanted = data;
  AnjuPagedModel *model = _anju_pubrent_units_page_get_model (ANJU_PUBRENT_UNITS_PAGE (wanted->fixture->page));
  AnjuRecord *unit;

  if (anju_paged_model_get_loading (model))
    return FALSE;
  if (wanted->n_items >= 0 && g_list_model_get_n_items (page_list (wanted->fixture)) != (guint) wanted->n_items)
    return FALSE;

  unit = listed (wanted->fixture, "unit_no", wanted->unit_no, NULL);
  if (unit == NULL)
    return FALSE;
  return wanted->abnormal < 0
         || (anju_record_get_member_object (unit, "abnormal") != NULL) == (wanted->abnormal == 1);
}

static void
wait_for_unit (Fixture    *fixture,
               const char *unit_no,
               int         abnormal,
               int         n_items)
{
  Listed wanted = { fixture, unit_no, abnormal, n_items };

  g_assert_true (anju_test_display_wait_for (unit_is_listed, &wanted, unit_no));
}

static void
select_unit (Fixture    *fixture,
             const char *unit_no)
{
  guint position = 0;

  g_assert_nonnull (listed (fixture, "unit_no", unit_no, &position));
  g_assert_true (gtk_selection_model_select_item (GTK_SELECTION_MODEL (page_list (fixture)), position, TRUE));
}

/* Projects */

static gboolean
detail_shown (gpointer data)
{
  Fixture *fixture = data;
  AnjuRecord *detail = _anju_pubrent_projects_page_get_detail (ANJU_PUBRENT_PROJECTS_PAGE (fixture->page));

  return detail != NULL && anju_record_get_id (detail) == fixture->project_id;
}

static gboolean
project_listed (gpointer data)
{
  Fixture *fixture = data;

  return listed (fixture, "project_no", PROJECT_NO, NULL) != NULL;
}

static gboolean
units_page_shown_for_project (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *units = _anju_window_get_page (fixture->window, "pubrent-units");
  AnjuPagedModel *model = _anju_pubrent_units_page_get_model (ANJU_PUBRENT_UNITS_PAGE (units));
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, fixture->project_id);

  return gtk_stack_get_visible_child (_anju_window_get_stack (fixture->window)) == units
         && g_strcmp0 (anju_paged_model_get_filter (model, "project_id"), id) == 0
         && !anju_paged_model_get_loading (model)
         && g_list_model_get_n_items (G_LIST_MODEL (model)) == 2;
}

static gboolean
delete_refused (gpointer data)
{
  Fixture *fixture = data;

  return anju_desktop_test_find_label_starting (GTK_WIDGET (fixture->window), "Could not delete the project") != NULL;
}

static void
check_projects (Fixture *fixture)
{
  guint position = 0;
  AnjuRecord *project;
  JsonArray *buildings;
  GtkWidget *dialog;

  fixture->page = anju_desktop_test_open_page (fixture->window, "pubrent-projects");
  g_assert_true (ANJU_IS_PUBRENT_PROJECTS_PAGE (fixture->page));
  g_assert_true (anju_test_display_wait_for (project_listed, fixture, "the project"));

  project = listed (fixture, "project_no", PROJECT_NO, &position);
  g_assert_cmpstr (anju_record_get_string (project, "name"), ==, PROJECT_NAME);
  g_assert_cmpint (anju_record_get_int (project, "unit_count", -1), ==, 2);
  g_assert_cmpint (anju_record_get_int (project, "vacant_count", -1), ==, 1);

  g_assert_true (gtk_selection_model_select_item (GTK_SELECTION_MODEL (page_list (fixture)), position, TRUE));
  g_assert_true (anju_test_display_wait_for (detail_shown, fixture, "the project's details"));
  buildings = anju_record_get_member_array (_anju_pubrent_projects_page_get_detail (ANJU_PUBRENT_PROJECTS_PAGE (fixture->page)),
                                            "buildings");
  g_assert_nonnull (buildings);
  g_assert_cmpuint (json_array_get_length (buildings), ==, 1);
  g_assert_nonnull (anju_desktop_test_find_row (fixture->page, BUILDING_NAME));

  /* A project with a leased unit stays, and the page says why. */
  anju_desktop_test_click_action (fixture->page, "projects.delete");
  dialog = anju_test_display_wait_for_window (ADW_TYPE_MESSAGE_DIALOG);
  anju_desktop_test_answer (dialog, "delete");
  anju_test_display_wait_for_window_gone (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_true (anju_test_display_wait_for (delete_refused, fixture, "the refusal"));
  g_assert_nonnull (listed (fixture, "project_no", PROJECT_NO, NULL));

  anju_desktop_test_click_action (fixture->page, "projects.show-units");
  g_assert_true (anju_test_display_wait_for (units_page_shown_for_project, fixture, "the project's units"));
}

/* Units: filter, mark, clear, change log */

static void
filter_by_state (Fixture *fixture)
{
  GtkDropDown *state = GTK_DROP_DOWN (_anju_pubrent_units_page_get_filter (ANJU_PUBRENT_UNITS_PAGE (fixture->page),
                                                                           "state"));

  gtk_drop_down_set_selected (state, _anju_pubrent_units_page_filter_position ("state", "leased"));
  wait_for_unit (fixture, LEASED_UNIT, 0, 1);
  g_assert_null (listed (fixture, "unit_no", VACANT_UNIT, NULL));

  gtk_drop_down_set_selected (state, 0);
  wait_for_unit (fixture, VACANT_UNIT, 0, 2);
}

static void
answer_prompt (const char *action,
               Fixture    *fixture,
               guint       kind_position,
               const char *reason,
               const char *response)
{
  GtkWidget *dialog;

  select_unit (fixture, VACANT_UNIT);
  anju_desktop_test_click_action (fixture->page, action);
  dialog = anju_test_display_wait_for_window (ADW_TYPE_MESSAGE_DIALOG);

  /* Without a reason there is nothing to send. */
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), response));
  if (kind_position > 0)
    adw_combo_row_set_selected (ADW_COMBO_ROW (anju_desktop_test_find_row (dialog, "Kind")), kind_position);
  anju_desktop_test_set_row_text (dialog, "Reason", reason);
  anju_desktop_test_answer (dialog, response);
  anju_test_display_wait_for_window_gone (ADW_TYPE_MESSAGE_DIALOG);
}

static gboolean
changes_loaded (gpointer data)
{
  return _anju_unit_changes_dialog_is_loaded (ANJU_UNIT_CHANGES_DIALOG (data));
}

static void
check_change_log (Fixture *fixture)
{
  GtkWidget *dialog;
  g_auto(GStrv) texts = NULL;

  select_unit (fixture, VACANT_UNIT);
  anju_desktop_test_click_action (fixture->page, "units.changes");
  dialog = anju_test_display_wait_for_window (ANJU_TYPE_UNIT_CHANGES_DIALOG);
  g_assert_true (anju_test_display_wait_for (changes_loaded, dialog, "the change log"));

  /* Newest first: the clearing, the marking, then the creation. */
  texts = _anju_unit_changes_dialog_get_texts (ANJU_UNIT_CHANGES_DIALOG (dialog));
  for (guint i = 0; texts[i] != NULL; i++)
    g_test_message ("change %u: %s", i, texts[i]);
  g_assert_cmpuint (g_strv_length (texts), >=, 3);
  g_assert_nonnull (strstr (texts[0], "Abnormal mark cleared"));
  g_assert_nonnull (strstr (texts[0], "周敏"));
  g_assert_nonnull (strstr (texts[0], "Reason: " CLEAR_REASON));
  g_assert_nonnull (strstr (texts[1], "Marked abnormal"));
  g_assert_nonnull (strstr (texts[1], "Needs repair"));
  g_assert_nonnull (strstr (texts[1], MARK_REASON));
  g_assert_nonnull (strstr (texts[1], " → "));

  gtk_window_close (GTK_WINDOW (dialog));
  anju_test_display_wait_for_window_gone (ANJU_TYPE_UNIT_CHANGES_DIALOG);
}

static void
mark_and_clear (Fixture *fixture)
{
  AnjuRecord *unit;
  JsonObject *abnormal;

  answer_prompt ("units.mark-abnormal", fixture, 1, MARK_REASON, "mark");
  wait_for_unit (fixture, VACANT_UNIT, 1, -1);
  unit = listed (fixture, "unit_no", VACANT_UNIT, NULL);
  abnormal = anju_record_get_member_object (unit, "abnormal");
  g_assert_cmpstr (anju_json_get_string (abnormal, "kind"), ==, "needs_repair");
  g_assert_cmpstr (anju_json_get_string (abnormal, "reason"), ==, MARK_REASON);

  /* Only abnormal units, then all again. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (_anju_pubrent_units_page_get_filter (ANJU_PUBRENT_UNITS_PAGE (fixture->page),
                                                                                       "abnormal")), TRUE);
  wait_for_unit (fixture, VACANT_UNIT, 1, 1);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (_anju_pubrent_units_page_get_filter (ANJU_PUBRENT_UNITS_PAGE (fixture->page),
                                                                                       "abnormal")), FALSE);
  wait_for_unit (fixture, LEASED_UNIT, 0, 2);

  answer_prompt ("units.clear-abnormal", fixture, 0, CLEAR_REASON, "clear");
  wait_for_unit (fixture, VACANT_UNIT, 0, -1);

  check_change_log (fixture);
}

/* Units: import */

static gboolean
import_checked (gpointer data)
{
  return !_anju_unit_import_dialog_is_busy (ANJU_UNIT_IMPORT_DIALOG (data))
         && (_anju_unit_import_dialog_get_counts (ANJU_UNIT_IMPORT_DIALOG (data)) != NULL
             || _anju_unit_import_dialog_get_message (ANJU_UNIT_IMPORT_DIALOG (data)) != NULL);
}

static gboolean
toast_shown (gpointer data)
{
  Fixture *fixture = data;

  return anju_desktop_test_find_label_starting (GTK_WIDGET (fixture->window), "Imported 1 unit") != NULL;
}

static void
import_units (Fixture *fixture)
{
  g_autofree char *path = g_build_filename (fixture->dir, "房源导入.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  const char *csv =
    "\xEF\xBB\xBF"
    "房屋编号,项目编号,楼栋,单元,房号,楼层,户型,间数,建筑面积,套内面积,朝向,月租金,配套设施,状态\n"
    IMPORTED_UNIT "," PROJECT_NO "," BUILDING_NAME ",1单元,201,2,两室一厅,2,65.50,52.30,南,1250.00,空调 热水器,空置\n"
    REFUSED_UNIT "," PROJECT_NO "," BUILDING_NAME ",1单元,202,2,五室一厅,5,65.50,52.30,南,1250.00,,空置\n";
  GtkWidget *dialog;
  g_auto(GStrv) errors = NULL;
  const char *message;

  g_assert_true (g_file_set_contents (path, csv, -1, NULL));

  anju_desktop_test_click_action (fixture->page, "units.import");
  dialog = anju_test_display_wait_for_window (ANJU_TYPE_UNIT_IMPORT_DIALOG);
  g_assert_false (gtk_widget_is_sensitive (_anju_unit_import_dialog_get_import_button (ANJU_UNIT_IMPORT_DIALOG (dialog))));

  _anju_unit_import_dialog_use_file (ANJU_UNIT_IMPORT_DIALOG (dialog), file);
  g_assert_true (anju_test_display_wait_for (import_checked, dialog, "the dry run"));
  message = _anju_unit_import_dialog_get_message (ANJU_UNIT_IMPORT_DIALOG (dialog));
  if (message != NULL)
    g_test_message ("the import was refused: %s", message);
  g_assert_null (message);

  /* The dry run wrote nothing: the good row is previewed, the bad one
   * named by row (the header is row 1), column and reason. */
  g_assert_cmpstr (_anju_unit_import_dialog_get_counts (ANJU_UNIT_IMPORT_DIALOG (dialog)), ==,
                   "2 rows: 1 valid, 1 error");
  g_assert_cmpuint (_anju_unit_import_dialog_get_n_preview (ANJU_UNIT_IMPORT_DIALOG (dialog)), ==, 1);
  errors = _anju_unit_import_dialog_get_errors (ANJU_UNIT_IMPORT_DIALOG (dialog));
  g_assert_cmpuint (g_strv_length (errors), ==, 1);
  g_assert_true (g_str_has_prefix (errors[0], "3\t户型\t"));
  g_assert_cmpuint (strlen (errors[0]), >, strlen ("3\t户型\t"));
  g_assert_null (listed (fixture, "unit_no", IMPORTED_UNIT, NULL));

  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (_anju_unit_import_dialog_get_import_button (ANJU_UNIT_IMPORT_DIALOG (dialog)))),
                   ==, "_Import 1 Valid Row");
  anju_desktop_test_click (_anju_unit_import_dialog_get_import_button (ANJU_UNIT_IMPORT_DIALOG (dialog)));
  anju_test_display_wait_for_window_gone (ANJU_TYPE_UNIT_IMPORT_DIALOG);
  g_assert_true (anju_test_display_wait_for (toast_shown, fixture, "the toast"));

  wait_for_unit (fixture, IMPORTED_UNIT, 0, 3);
  g_assert_null (listed (fixture, "unit_no", REFUSED_UNIT, NULL));
  g_assert_cmpstr (anju_record_get_string (listed (fixture, "unit_no", IMPORTED_UNIT, NULL), "layout"), ==, "two_bedroom");
}

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
result_arrived (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

/* What Export → CSV does once the user has chosen where: the file holds
 * what the filters show (the project's three units), no more. */
static void
export_units (Fixture *fixture)
{
  static const char * const filters[] = { "project_id", "building_id", "state", "abnormal", "layout", "q", NULL };
  AnjuPagedModel *model = _anju_pubrent_units_page_get_model (ANJU_PUBRENT_UNITS_PAGE (fixture->page));
  g_autofree char *path = anju_housing_export_path (model, "/api/v1/pubrent/units/export", filters, "csv");
  g_autofree char *file_path = g_build_filename (fixture->dir, "units.csv", NULL);
  g_autoptr(GFile) destination = g_file_new_for_path (file_path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  anju_download_to_file_async (anju_window_get_client (fixture->window), path, destination, NULL,
                               store_result_cb, &result);
  g_assert_true (anju_test_display_wait_for (result_arrived, &result, "the export"));
  g_assert_true (anju_download_to_file_finish (result, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (file_path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF房屋编号,"));
  g_assert_nonnull (strstr (contents, IMPORTED_UNIT));
  g_assert_nonnull (strstr (contents, VACANT_UNIT));
  g_assert_nonnull (strstr (contents, LEASED_UNIT));
  lines = g_strsplit (g_strstrip (contents), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
}

static void
work_the_stock (AnjuWindow *window,
                gpointer    data)
{
  Fixture *fixture = data;

  fixture->window = window;
  check_projects (fixture);

  fixture->page = _anju_window_get_page (window, "pubrent-units");
  g_assert_true (ANJU_IS_PUBRENT_UNITS_PAGE (fixture->page));
  filter_by_state (fixture);
  mark_and_clear (fixture);
  import_units (fixture);
  export_units (fixture);
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }
  g_rmdir (path);
}

static void
test_housing (void)
{
  Fixture fixture = { NULL, };
  g_autoptr(GError) error = NULL;

  fixture.server = anju_test_server_start (TRUE);
  fixture.dir = g_dir_make_tmp ("anju-housing-XXXXXX", &error);
  g_assert_no_error (error);
  make_stock (&fixture);

  anju_desktop_test_run (fixture.server, "center", ANJU_TEST_DEMO_PASSWORD, work_the_stock, &fixture);

  anju_test_server_stop (fixture.server);
  remove_dir (fixture.dir);
  g_free (fixture.dir);
}

int
main (int   argc,
      char *argv[])
{
  anju_test_display_init (&argc, &argv);

  g_test_add_func ("/pubrent/housing/projects-units-import  F-PRH-011 F-PRH-012", test_housing);

  return g_test_run ();
}
