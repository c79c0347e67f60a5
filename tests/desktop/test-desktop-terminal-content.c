/* test-desktop-terminal-content.c: what the service terminals show and
 * collect, kept through the desktop's real windows against a real
 * anju-server, and checked where the terminals read it (the kiosk API,
 * signed by a terminal registered for the test).
 *
 *   publicity  F-TERM-004  the center's staff write publicity for 银盆岭街道
 *                          with a display period (a bad date and an end
 *                          before the start are caught in the dialog),
 *                          see it listed with its period and street,
 *                          publish it; the street's terminal shows it and
 *                          its view is counted; withdrawing asks, and the
 *                          terminal no longer shows it
 *   policy     F-TERM-007  policy publicity has a display period and a
 *                          policy area, and no street picker up front
 *   honor roll F-TERM-014  an entry with a photo is added below the five
 *                          the terminals show, moved up into them, edited
 *                          and deleted; the kiosk's honor roll follows
 *   captures   F-TERM-005  a terminal captures a face and a fingerprint;
 *              F-TERM-006  the center's staff find them (ID number masked,
 *                          search by the full number, filter by kind), see
 *                          the face image the terminal took (viewing is
 *                          audited) and a fingerprint's note; a street
 *                          worker has neither page
 */
#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>

#include "anju-article-dialog-private.h"
#include "anju-article-pages.h"
#include "anju-desktop-test.h"
#include "anju-honor-entry-dialog-private.h"
#include "anju-honor-roll-page.h"
#include "anju-id-number.h"
#include "anju-identity-captures-page.h"
#include "anju-record-column.h"

#define STREET            "银盆岭街道"
#define TERMINAL_SN       "AJ-TEST-YPL-01"
#define PUBLICITY_TITLE   "银盆岭街道2026年第五批公租房保障家庭资格审核公示"
#define PUBLICITY_BODY    "经街道审核，以下6户家庭符合公共租赁住房保障条件，现予公示，公示期7天。"
#define POLICY_TITLE      "公租房租赁补贴申领须知"
#define POLICY_BODY       "符合条件的家庭可在街道服务终端刷身份证申请租赁补贴。"
#define STAFF_NAME        "赵小兰"
#define STAFF_RENAMED     "赵小兰（金牌管家）"
#define APPLICANT         "周建华"

typedef struct
{
  AnjuTestServer *server;
  char           *dir;            /* (owned) files the user "chooses" */
  char           *photo_path;     /* (owned) a PNG */
  GBytes         *photo;          /* (owned) its bytes */
  char           *terminal;       /* (owned) the test terminal's signature */
  char           *id_no;          /* (owned) the applicant's */
  char           *from;           /* (owned) yesterday, in Shanghai */
  char           *until;          /* (owned) in a month */
  AnjuWindow     *window;
  GtkWidget      *page;
  GtkWidget      *dialog;
  gint64          id;             /* what the step made */
} Fixture;

/* The list */

static GtkSelectionModel *
page_selection (Fixture *fixture)
{
  GtkWidget *view = anju_desktop_test_find_type (fixture->page, GTK_TYPE_COLUMN_VIEW);

  g_assert_nonnull (view);
  return gtk_column_view_get_model (GTK_COLUMN_VIEW (view));
}

/* The listed record whose member is value, or NULL. */
static AnjuRecord *
listed_record (Fixture    *fixture,
               const char *member,
               const char *value,
               guint      *out_position)
{
  GListModel *model = G_LIST_MODEL (page_selection (fixture));
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
  const char *member;
  const char *value;
  const char *key;      /* (nullable) another member to check */
  const char *expected; /* its value */
} Listed;

static gboolean
is_listed (gpointer data)
{
  Listed *listed = data;
  AnjuRecord *record = listed_record (listed->fixture, listed->member, listed->value, NULL);

  return record != NULL
         && (listed->key == NULL || g_strcmp0 (anju_record_get_string (record, listed->key), listed->expected) == 0);
}

static void
wait_until_listed (Fixture    *fixture,
                   const char *member,
                   const char *value,
                   const char *key,
                   const char *expected)
{
  Listed listed = { fixture, member, value, key, expected };

  g_assert_true (anju_test_display_wait_for (is_listed, &listed, value));
}

static gboolean
is_unlisted (gpointer data)
{
  Listed *listed = data;

  return listed_record (listed->fixture, listed->member, listed->value, NULL) == NULL;
}

static void
select_listed (Fixture    *fixture,
               const char *member,
               const char *value)
{
  guint position = 0;

  g_assert_nonnull (listed_record (fixture, member, value, &position));
  g_assert_true (gtk_selection_model_select_item (page_selection (fixture), position, TRUE));
}

static gboolean
action_ready (gpointer data)
{
  Fixture *fixture = data;
  const char *action = g_object_get_data (G_OBJECT (fixture->page), "test-action");
  GtkWidget *button = anju_desktop_test_find_button (fixture->page, action);

  return button != NULL && gtk_widget_is_sensitive (button);
}

static void
click_when_ready (Fixture    *fixture,
                  const char *action)
{
  g_object_set_data (G_OBJECT (fixture->page), "test-action", (gpointer) action);
  g_assert_true (anju_test_display_wait_for (action_ready, fixture, action));
  anju_desktop_test_click (anju_desktop_test_find_button (fixture->page, action));
}

static void
set_text_view (GtkWidget  *view,
               const char *text)
{
  g_assert_true (GTK_IS_TEXT_VIEW (view));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

/* A label of that text that is on screen (hidden groups keep theirs). */
static gboolean
label_shown (GtkWidget  *root,
             const char *text)
{
  GtkWidget *label = anju_desktop_test_find_label (root, text);

  return label != NULL && gtk_widget_is_drawable (label);
}

static gboolean
window_gone (gpointer data)
{
  return anju_desktop_test_find_window (GPOINTER_TO_SIZE (data)) == NULL;
}

static void
wait_for_window_gone (GType type)
{
  g_assert_true (anju_test_display_wait_for (window_gone, GSIZE_TO_POINTER (type), "the dialog to close"));
}

/* The terminal: registered through the API, signing its requests */

static JsonNode *
terminal_request (Fixture    *fixture,
                  const char *method,
                  const char *path,
                  const char *body,
                  guint      *out_status)
{
  return anju_test_request (fixture->server, fixture->terminal, method, path, body, out_status);
}

static JsonNode *
terminal_get (Fixture    *fixture,
              const char *path)
{
  guint status = 0;
  JsonNode *answer = terminal_request (fixture, "GET", path, NULL, &status);

  g_assert_cmpuint (status, ==, 200);
  return answer;
}

static void
register_terminal (Fixture *fixture)
{
  g_autofree char *token = anju_test_login (fixture->server, "center", ANJU_TEST_DEMO_PASSWORD);
  g_autofree char *org_id = anju_test_db_query (fixture->server,
                                                "SELECT id FROM organisations WHERE name = '" STREET "'");
  g_autofree char *body = NULL;
  g_autofree char *path = NULL;
  g_autoptr(JsonNode) terminal = NULL;
  g_autoptr(JsonNode) credential = NULL;
  guint status = 0;

  g_assert_nonnull (org_id);
  body = g_strdup_printf ("{\"sn\":\"" TERMINAL_SN "\",\"terminal_no\":\"YPL-T1\",\"name\":\"银盆岭街道政务大厅终端\","
                          "\"person_in_charge\":\"李娜\",\"org_id\":%s,\"location\":\"银盆南路292号政务服务大厅\"}",
                          org_id);
  terminal = anju_test_request (fixture->server, token, "POST", "/api/v1/terminals", body, &status);
  g_assert_cmpuint (status, ==, 201);

  path = g_strdup_printf ("/api/v1/terminals/%" G_GINT64_FORMAT "/credential",
                          json_object_get_int_member (json_node_get_object (terminal), "id"));
  credential = anju_test_request (fixture->server, token, "POST", path, NULL, &status);
  g_assert_cmpuint (status, ==, 201);
  fixture->terminal = g_strdup_printf ("Terminal %s:%s", TERMINAL_SN,
                                       json_object_get_string_member (json_node_get_object (credential), "credential"));
}

/* Whether the kiosk's list of kind holds title. */
static gboolean
kiosk_lists (Fixture    *fixture,
             const char *kind,
             const char *title)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/kiosk/articles?kind=%s", kind);
  g_autoptr(JsonNode) answer = terminal_get (fixture, path);
  JsonArray *items = json_object_get_array_member (json_node_get_object (answer), "items");

  for (guint i = 0; i < json_array_get_length (items); i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (items, i), "title"), title) == 0)
      return TRUE;

  return FALSE;
}

/* Publicity and policy */

static gboolean
targets_loaded (gpointer data)
{
  Fixture *fixture = data;

  return _anju_article_dialog_get_target_check (ANJU_ARTICLE_DIALOG (fixture->dialog), STREET) != NULL;
}

static GtkWidget *
open_article_dialog (Fixture *fixture)
{
  click_when_ready (fixture, "articles.create");
  fixture->dialog = anju_test_display_wait_for_window (ANJU_TYPE_ARTICLE_DIALOG);
  g_assert_true (anju_test_display_wait_for (targets_loaded, fixture, "the organisations"));
  return fixture->dialog;
}

static void
set_field (GtkWidget  *dialog,
           const char *field,
           const char *text)
{
  GtkWidget *widget = _anju_article_dialog_get_field (ANJU_ARTICLE_DIALOG (dialog), field);

  g_assert_nonnull (widget);
  g_assert_true (gtk_widget_get_visible (widget));
  gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

static void
write_publicity (Fixture *fixture)
{
  AnjuArticleDialog *dialog = ANJU_ARTICLE_DIALOG (open_article_dialog (fixture));
  GtkWidget *street;

  /* Choosing streets comes first for publicity: its row is open. */
  g_assert_true (label_shown (fixture->dialog, "Streets"));
  street = _anju_article_dialog_get_target_check (dialog, STREET);
  g_assert_true (gtk_widget_is_drawable (street));

  set_field (fixture->dialog, "title", PUBLICITY_TITLE);
  set_field (fixture->dialog, "category", "资格审核公示");
  set_text_view (_anju_article_dialog_get_field (dialog, "body"), PUBLICITY_BODY);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (street), TRUE);

  /* No such day, then a period that ends before it starts: said in the
   * dialog, before asking the server. */
  set_field (fixture->dialog, "display_from", fixture->from);
  set_field (fixture->dialog, "display_until", "2026-02-30");
  anju_desktop_test_click (_anju_article_dialog_get_save_button (dialog));
  g_assert_cmpstr (_anju_article_dialog_get_field_error (dialog, "display_until"), ==, "Enter a date as YYYY-MM-DD.");
  set_field (fixture->dialog, "display_until", "2020-01-01");
  anju_desktop_test_click (_anju_article_dialog_get_save_button (dialog));
  g_assert_cmpstr (_anju_article_dialog_get_field_error (dialog, "display_until"), ==,
                   "The last day is before the first day.");
  g_assert_true (anju_desktop_test_find_window (ANJU_TYPE_ARTICLE_DIALOG) == fixture->dialog);

  set_field (fixture->dialog, "display_until", fixture->until);
  anju_desktop_test_click (_anju_article_dialog_get_save_button (dialog));
  wait_for_window_gone (ANJU_TYPE_ARTICLE_DIALOG);
  fixture->dialog = NULL;
}

static void
check_publicity_row (Fixture *fixture)
{
  AnjuRecord *record = listed_record (fixture, "title", PUBLICITY_TITLE, NULL);
  JsonArray *targets = anju_record_get_member_array (record, "targets");
  g_autofree char *period = g_strdup_printf ("%s – %s", fixture->from, fixture->until);

  fixture->id = anju_record_get_id (record);
  g_assert_cmpstr (anju_record_get_string (record, "kind"), ==, "publicity");
  g_assert_cmpstr (anju_record_get_string (record, "display_from"), ==, fixture->from);
  g_assert_cmpstr (anju_record_get_string (record, "display_until"), ==, fixture->until);
  g_assert_cmpuint (json_array_get_length (targets), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (targets, 0), "name"), ==, STREET);

  /* The row shows the period and the street. */
  g_assert_true (label_shown (fixture->page, period));
  g_assert_true (label_shown (fixture->page, STREET));
}

static gboolean
views_shown (gpointer data)
{
  Fixture *fixture = data;
  AnjuRecord *record = listed_record (fixture, "title", PUBLICITY_TITLE, NULL);

  return record != NULL && anju_record_get_int (record, "view_count", 0) == 1
         && label_shown (fixture->page, "Showing");
}

static void
read_on_terminal (Fixture *fixture)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/kiosk/articles/%" G_GINT64_FORMAT, fixture->id);
  g_autoptr(JsonNode) article = NULL;

  g_assert_true (kiosk_lists (fixture, "publicity", PUBLICITY_TITLE));
  article = terminal_get (fixture, path);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (article), "body"), ==, PUBLICITY_BODY);
}

static void
withdraw_publicity (Fixture *fixture)
{
  GtkWidget *question;

  select_listed (fixture, "title", PUBLICITY_TITLE);
  anju_desktop_test_click_menu_item (anju_desktop_test_find_menu_item (fixture->page, "articles.unpublish"));
  question = anju_test_display_wait_for_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (anju_desktop_test_find_label (question, "Withdraw “" PUBLICITY_TITLE "”?"));
  anju_desktop_test_answer (question, "withdraw");
  wait_until_listed (fixture, "title", PUBLICITY_TITLE, "status", "unpublished");
  g_assert_false (kiosk_lists (fixture, "publicity", PUBLICITY_TITLE));
}

static void
keep_publicity (AnjuWindow *window,
                gpointer    data)
{
  Fixture *fixture = data;

  fixture->page = anju_desktop_test_open_page (window, "terminal-publicity");
  g_assert_true (ANJU_IS_TERMINAL_PUBLICITY_PAGE (fixture->page));

  write_publicity (fixture);
  wait_until_listed (fixture, "title", PUBLICITY_TITLE, "status", "draft");
  check_publicity_row (fixture);
  g_assert_false (kiosk_lists (fixture, "publicity", PUBLICITY_TITLE));

  select_listed (fixture, "title", PUBLICITY_TITLE);
  click_when_ready (fixture, "articles.publish");
  wait_until_listed (fixture, "title", PUBLICITY_TITLE, "status", "published");

  /* The street's terminal shows it, and counts the view. */
  read_on_terminal (fixture);
  anju_articles_page_reload (ANJU_ARTICLES_PAGE (fixture->page));
  g_assert_true (anju_test_display_wait_for (views_shown, fixture, "one view, showing"));

  withdraw_publicity (fixture);
}

static void
write_policy (AnjuWindow *window,
              gpointer    data)
{
  Fixture *fixture = data;
  AnjuArticleDialog *dialog;
  g_autofree char *period = g_strdup_printf ("From %s", fixture->from);

  fixture->page = anju_desktop_test_open_page (window, "terminal-policy");
  g_assert_true (ANJU_IS_TERMINAL_POLICY_PAGE (fixture->page));

  dialog = ANJU_ARTICLE_DIALOG (open_article_dialog (fixture));
  /* Policy goes to everyone unless narrowed: no street picker up front,
   * and its category is the policy area. */
  g_assert_false (label_shown (fixture->dialog, "Streets"));
  g_assert_nonnull (anju_desktop_test_find_row (fixture->dialog, "Policy area"));
  set_field (fixture->dialog, "title", POLICY_TITLE);
  set_field (fixture->dialog, "category", "租赁补贴");
  set_text_view (_anju_article_dialog_get_field (dialog, "body"), POLICY_BODY);
  set_field (fixture->dialog, "display_from", fixture->from);
  anju_desktop_test_click (_anju_article_dialog_get_save_button (dialog));
  wait_for_window_gone (ANJU_TYPE_ARTICLE_DIALOG);
  fixture->dialog = NULL;

  wait_until_listed (fixture, "title", POLICY_TITLE, "status", "draft");
  g_assert_true (label_shown (fixture->page, period));
  select_listed (fixture, "title", POLICY_TITLE);
  click_when_ready (fixture, "articles.publish");
  wait_until_listed (fixture, "title", POLICY_TITLE, "status", "published");
  g_assert_true (kiosk_lists (fixture, "policy", POLICY_TITLE));
}

/* Honor roll */

static JsonArray *
kiosk_section (JsonNode   *honor_roll,
               const char *category)
{
  return json_object_get_array_member (json_node_get_object (honor_roll), category);
}

/* The kiosk's entry of that name in the staff section, or NULL. */
static JsonObject *
kiosk_staff_entry (JsonNode   *honor_roll,
                   const char *name)
{
  JsonArray *staff = kiosk_section (honor_roll, "staff");

  g_assert_cmpuint (json_array_get_length (staff), <=, 5);
  for (guint i = 0; i < json_array_get_length (staff); i++)
    {
      JsonObject *entry = json_array_get_object_element (staff, i);

      if (g_strcmp0 (json_object_get_string_member (entry, "name"), name) == 0)
        return entry;
    }

  return NULL;
}

static gboolean
page_idle (gpointer data)
{
  Fixture *fixture = data;

  return !anju_honor_roll_page_is_busy (ANJU_HONOR_ROLL_PAGE (fixture->page));
}

static gboolean
photo_ready (gpointer data)
{
  Fixture *fixture = data;
  AnjuHonorEntryDialog *dialog = ANJU_HONOR_ENTRY_DIALOG (fixture->dialog);

  return !_anju_honor_entry_dialog_is_busy (dialog) && _anju_honor_entry_dialog_get_photo (dialog) != NULL;
}

static void
set_honor_field (Fixture    *fixture,
                 const char *field,
                 const char *text)
{
  GtkWidget *widget = _anju_honor_entry_dialog_get_field (ANJU_HONOR_ENTRY_DIALOG (fixture->dialog), field);

  g_assert_nonnull (widget);
  g_assert_true (gtk_widget_get_visible (widget));
  gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

static void
add_staff_entry (Fixture *fixture)
{
  AnjuHonorEntryDialog *dialog;
  g_autoptr(GFile) photo = g_file_new_for_path (fixture->photo_path);

  click_when_ready (fixture, "honor.create");
  fixture->dialog = anju_test_display_wait_for_window (ANJU_TYPE_HONOR_ENTRY_DIALOG);
  dialog = ANJU_HONOR_ENTRY_DIALOG (fixture->dialog);

  /* The next free rank, under the five the demo has; staff serve an
   * estate, and their subtitle is their post. */
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (_anju_honor_entry_dialog_get_field (dialog, "rank"))),
                   ==, 6);
  g_assert_nonnull (anju_desktop_test_find_row (fixture->dialog, "Post"));
  set_honor_field (fixture, "name", STAFF_NAME);
  set_honor_field (fixture, "subtitle", "楼栋管家");
  set_honor_field (fixture, "community", "银盆岭公租房小区");
  set_honor_field (fixture, "rating", "4.8分");
  set_text_view (_anju_honor_entry_dialog_get_field (dialog, "description"), "为独居老人上门代办业务120余次");

  _anju_honor_entry_dialog_choose_photo (dialog, photo);
  g_assert_false (gtk_widget_is_sensitive (_anju_honor_entry_dialog_get_save_button (dialog)));
  g_assert_true (anju_test_display_wait_for (photo_ready, fixture, "the photo"));

  anju_desktop_test_click (_anju_honor_entry_dialog_get_save_button (dialog));
  wait_for_window_gone (ANJU_TYPE_HONOR_ENTRY_DIALOG);
  fixture->dialog = NULL;
}

static void
check_kiosk_photo (Fixture *fixture)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/kiosk/honor-roll/%" G_GINT64_FORMAT "/photo", fixture->id);
  g_autoptr(GBytes) reply = NULL;
  guint status = 0;

  reply = anju_test_request_raw (fixture->server, fixture->terminal, "GET", path, NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_true (g_bytes_equal (reply, fixture->photo));
}

static void
edit_staff_entry (Fixture *fixture)
{
  select_listed (fixture, "name", STAFF_NAME);
  click_when_ready (fixture, "honor.edit");
  fixture->dialog = anju_test_display_wait_for_window (ANJU_TYPE_HONOR_ENTRY_DIALOG);

  /* The stored photo comes back into the preview. */
  g_assert_true (anju_test_display_wait_for (photo_ready, fixture, "the stored photo"));
  set_honor_field (fixture, "name", STAFF_RENAMED);
  set_honor_field (fixture, "rating", "5.0分");
  anju_desktop_test_click (_anju_honor_entry_dialog_get_save_button (ANJU_HONOR_ENTRY_DIALOG (fixture->dialog)));
  wait_for_window_gone (ANJU_TYPE_HONOR_ENTRY_DIALOG);
  fixture->dialog = NULL;
  wait_until_listed (fixture, "name", STAFF_RENAMED, "rating", "5.0分");
}

static void
keep_honor_roll (AnjuWindow *window,
                 gpointer    data)
{
  Fixture *fixture = data;
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) moved = NULL;
  g_autoptr(JsonNode) edited = NULL;
  g_autoptr(JsonNode) deleted = NULL;
  JsonObject *entry;
  GtkWidget *question;
  Listed gone = { fixture, "name", STAFF_RENAMED, NULL, NULL };

  fixture->page = anju_desktop_test_open_page (window, "honor-roll");
  g_assert_true (ANJU_IS_HONOR_ROLL_PAGE (fixture->page));
  anju_honor_roll_page_set_category (ANJU_HONOR_ROLL_PAGE (fixture->page), "staff");
  wait_until_listed (fixture, "name", "陈晓红", "community", "银盆岭公租房小区");

  add_staff_entry (fixture);
  wait_until_listed (fixture, "name", STAFF_NAME, "community", "银盆岭公租房小区");
  fixture->id = anju_record_get_id (listed_record (fixture, "name", STAFF_NAME, NULL));
  g_assert_cmpint (anju_record_get_int (listed_record (fixture, "name", STAFF_NAME, NULL), "rank", 0), ==, 6);

  /* Sixth: kept, but the terminals show the first five only. */
  before = terminal_get (fixture, "/api/v1/kiosk/honor-roll");
  g_assert_null (kiosk_staff_entry (before, STAFF_NAME));
  g_assert_cmpuint (json_array_get_length (kiosk_section (before, "enterprise")), ==, 5);

  /* One up: it trades ranks with the fifth and is shown. */
  select_listed (fixture, "name", STAFF_NAME);
  click_when_ready (fixture, "honor.move-up");
  g_assert_true (anju_test_display_wait_for (page_idle, fixture, "the move"));
  wait_until_listed (fixture, "name", STAFF_NAME, NULL, NULL);
  g_assert_cmpint (anju_record_get_int (listed_record (fixture, "name", STAFF_NAME, NULL), "rank", 0), ==, 5);
  g_assert_cmpint (anju_record_get_int (listed_record (fixture, "name", "张敏", NULL), "rank", 0), ==, 6);
  moved = terminal_get (fixture, "/api/v1/kiosk/honor-roll");
  entry = kiosk_staff_entry (moved, STAFF_NAME);
  g_assert_nonnull (entry);
  g_assert_cmpstr (json_object_get_string_member (entry, "community"), ==, "银盆岭公租房小区");
  g_assert_null (kiosk_staff_entry (moved, "张敏"));
  check_kiosk_photo (fixture);

  edit_staff_entry (fixture);
  edited = terminal_get (fixture, "/api/v1/kiosk/honor-roll");
  entry = kiosk_staff_entry (edited, STAFF_RENAMED);
  g_assert_nonnull (entry);
  g_assert_cmpstr (json_object_get_string_member (entry, "rating"), ==, "5.0分");

  select_listed (fixture, "name", STAFF_RENAMED);
  click_when_ready (fixture, "honor.delete");
  question = anju_test_display_wait_for_window (ADW_TYPE_MESSAGE_DIALOG);
  anju_desktop_test_answer (question, "delete");
  g_assert_true (anju_test_display_wait_for (is_unlisted, &gone, "the entry to go"));
  deleted = terminal_get (fixture, "/api/v1/kiosk/honor-roll");
  g_assert_null (kiosk_staff_entry (deleted, STAFF_RENAMED));
}

/* Identity captures */

static char *
base64_of (GBytes *bytes)
{
  return g_base64_encode (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static GBytes *
face_jpeg (void)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 48, 64);
  g_autoptr(GError) error = NULL;
  gchar *buffer = NULL;
  gsize size = 0;

  gdk_pixbuf_fill (pixbuf, 0xe0b090ff);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "jpeg", &error, NULL));
  g_assert_no_error (error);
  return g_bytes_new_take (buffer, size);
}

static void
post_capture (Fixture    *fixture,
              gint64      application_id,
              const char *kind,
              const char *format,
              GBytes     *data)
{
  g_autofree char *encoded = base64_of (data);
  g_autofree char *body = NULL;
  g_autoptr(JsonNode) answer = NULL;
  guint status = 0;

  body = g_strdup_printf ("{\"application_id\":%" G_GINT64_FORMAT ",\"kind\":\"%s\",\"format\":\"%s\",\"data\":\"%s\"}",
                          application_id, kind, format, encoded);
  answer = terminal_request (fixture, "POST", "/api/v1/kiosk/captures", body, &status);
  g_assert_cmpuint (status, ==, 201);
}

/* What the kiosk does at the counter: an application, then the
 * applicant's face and fingerprint. */
static void
capture_at_terminal (Fixture *fixture)
{
  g_autofree char *body = NULL;
  g_autoptr(JsonNode) application = NULL;
  g_autoptr(GBytes) face = face_jpeg ();
  guchar print[600];
  g_autoptr(GBytes) fingerprint = NULL;
  gint64 application_id;
  guint status = 0;

  body = g_strdup_printf ("{\"business_type\":\"open_subsidy\",\"applicant_name\":\"" APPLICANT "\","
                          "\"id_no\":\"%s\",\"phone\":\"13812345678\","
                          "\"hukou_county_code\":\"430104\",\"household_size\":1,"
                          "\"annual_income_per_capita\":\"30000.00\",\"annual_income_total\":\"30000.00\","
                          "\"floor_area_per_capita\":\"10.00\",\"floor_area_total\":\"10.00\"}",
                          fixture->id_no);
  application = terminal_request (fixture, "POST", "/api/v1/pubrent/applications", body, &status);
  g_assert_cmpuint (status, ==, 201);
  application_id = json_object_get_int_member (json_node_get_object (application), "id");

  for (guint i = 0; i < G_N_ELEMENTS (print); i++)
    print[i] = (guchar) (i * 7 + 3);
  fingerprint = g_bytes_new (print, sizeof print);

  post_capture (fixture, application_id, "face", "jpeg", face);
  post_capture (fixture, application_id, "fingerprint", "fprint", fingerprint);
}

static guint
n_listed (Fixture *fixture)
{
  return g_list_model_get_n_items (G_LIST_MODEL (page_selection (fixture)));
}

static gboolean
two_listed (gpointer data)
{
  return n_listed (data) == 2;
}

static gboolean
one_listed (gpointer data)
{
  return n_listed (data) == 1;
}

static gboolean
nothing_found (gpointer data)
{
  Fixture *fixture = data;

  return label_shown (fixture->page, "No Identity Captures");
}

static gboolean
face_shown (gpointer data)
{
  Fixture *fixture = data;

  return anju_identity_captures_page_get_face (ANJU_IDENTITY_CAPTURES_PAGE (fixture->page)) != NULL;
}

static void
search_captures (Fixture    *fixture,
                 const char *text)
{
  GtkWidget *entry = anju_desktop_test_find_type (fixture->page, GTK_TYPE_SEARCH_ENTRY);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "search-changed");
}

static void
see_face (Fixture *fixture)
{
  GdkPaintable *face;
  g_autofree char *views = NULL;

  select_listed (fixture, "kind", "face");
  g_assert_null (anju_identity_captures_page_get_face (ANJU_IDENTITY_CAPTURES_PAGE (fixture->page)));
  /* Nothing is decrypted before it is asked for. */
  views = anju_test_db_query (fixture->server, "SELECT count(*) FROM audit_log WHERE action = 'terminal.capture.view'");
  g_assert_cmpstr (views, ==, "0");

  click_when_ready (fixture, "captures.show-face");
  g_assert_true (anju_test_display_wait_for (face_shown, fixture, "the face image"));
  face = anju_identity_captures_page_get_face (ANJU_IDENTITY_CAPTURES_PAGE (fixture->page));
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (face), ==, 48);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (face), ==, 64);

  g_free (views);
  views = anju_test_db_query (fixture->server, "SELECT count(*) FROM audit_log WHERE action = 'terminal.capture.view'");
  g_assert_cmpstr (views, ==, "1");
}

static void
see_fingerprint (Fixture *fixture)
{
  select_listed (fixture, "kind", "fingerprint");
  /* Another capture: the face is gone from the screen. */
  g_assert_null (anju_identity_captures_page_get_face (ANJU_IDENTITY_CAPTURES_PAGE (fixture->page)));
  g_assert_nonnull (anju_desktop_test_find_label_starting (fixture->page, "A fingerprint template of 600 bytes."));
  g_assert_false (gtk_widget_is_sensitive (anju_desktop_test_find_button (fixture->page, "captures.show-face")));
}

static void
view_captures (AnjuWindow *window,
               gpointer    data)
{
  Fixture *fixture = data;
  AnjuRecord *face;
  GtkDropDown *kind_filter;

  fixture->page = anju_desktop_test_open_page (window, "identity-captures");
  g_assert_true (ANJU_IS_IDENTITY_CAPTURES_PAGE (fixture->page));
  g_assert_true (anju_test_display_wait_for (two_listed, fixture, "the two captures"));

  /* The ID number is masked in the list; the full number finds it. */
  face = listed_record (fixture, "kind", "face", NULL);
  g_assert_cmpstr (anju_record_get_string (face, "person_name"), ==, APPLICANT);
  g_assert_nonnull (strchr (anju_record_get_string (face, "id_no"), '*'));
  g_assert_cmpstr (anju_record_get_string (face, "id_no"), !=, fixture->id_no);
  g_assert_nonnull (anju_record_get_path_string (face, "application.application_no"));
  g_assert_cmpstr (anju_record_get_path_string (face, "terminal.terminal_no"), ==, "YPL-T1");
  g_assert_true (label_shown (fixture->page, anju_record_get_string (face, "id_no")));

  search_captures (fixture, "某某某");
  g_assert_true (anju_test_display_wait_for (nothing_found, fixture, "nothing for another name"));
  search_captures (fixture, fixture->id_no);
  g_assert_true (anju_test_display_wait_for (two_listed, fixture, "both by the full ID number"));

  kind_filter = GTK_DROP_DOWN (anju_desktop_test_find_type (fixture->page, GTK_TYPE_DROP_DOWN));
  gtk_drop_down_set_selected (kind_filter, 2);
  g_assert_true (anju_test_display_wait_for (one_listed, fixture, "the fingerprint alone"));
  g_assert_nonnull (listed_record (fixture, "kind", "fingerprint", NULL));
  gtk_drop_down_set_selected (kind_filter, 0);
  g_assert_true (anju_test_display_wait_for (two_listed, fixture, "both again"));

  see_face (fixture);
  see_fingerprint (fixture);
}

/* A street worker keeps neither the honor roll nor sees captures, but
 * reads the terminals' publicity. */
static void
check_street_pages (AnjuWindow *window,
                    gpointer    data)
{
  g_assert_null (_anju_window_get_page (window, "identity-captures"));
  g_assert_null (_anju_window_get_page (window, "honor-roll"));
  g_assert_nonnull (_anju_window_get_page (window, "terminal-publicity"));
  g_assert_nonnull (_anju_window_get_page (window, "terminal-policy"));
}

/* Set-up */

static void
make_photo (Fixture *fixture)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 24, 32);
  g_autoptr(GError) error = NULL;
  gchar *buffer = NULL;
  gsize size = 0;

  gdk_pixbuf_fill (pixbuf, 0xc01c28ff);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "png", &error, NULL));
  g_assert_no_error (error);
  fixture->photo = g_bytes_new_take (buffer, size);
  fixture->photo_path = g_build_filename (fixture->dir, "赵小兰.png", NULL);
  g_assert_true (g_file_set_contents (fixture->photo_path, buffer, (gssize) size, NULL));
}

/* The period from yesterday to a month on, as the server counts days. */
static void
make_period (Fixture *fixture)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GDateTime) now = g_date_time_new_now (zone);
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 30);

  fixture->from = g_date_time_format (yesterday, "%Y-%m-%d");
  fixture->until = g_date_time_format (later, "%Y-%m-%d");
}

static void
fixture_set_up (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  const char *first17 = "43010419870612351";

  fixture->server = anju_test_server_start (TRUE);
  fixture->dir = g_dir_make_tmp ("anju-terminal-content-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->id_no = g_strdup_printf ("%s%c", first17, anju_id_number_check_char (first17));
  make_photo (fixture);
  make_period (fixture);
  register_terminal (fixture);
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (dir);
}

static void
fixture_tear_down (Fixture *fixture)
{
  anju_test_server_stop (fixture->server);
  remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->photo_path);
  g_bytes_unref (fixture->photo);
  g_free (fixture->terminal);
  g_free (fixture->id_no);
  g_free (fixture->from);
  g_free (fixture->until);
}

static void
test_publicity (void)
{
  Fixture fixture = { NULL, };

  fixture_set_up (&fixture);
  anju_desktop_test_run (fixture.server, "center", ANJU_TEST_DEMO_PASSWORD, keep_publicity, &fixture);
  anju_desktop_test_run (fixture.server, "center", ANJU_TEST_DEMO_PASSWORD, write_policy, &fixture);
  fixture_tear_down (&fixture);
}

static void
test_honor_roll (void)
{
  Fixture fixture = { NULL, };

  fixture_set_up (&fixture);
  anju_desktop_test_run (fixture.server, "center", ANJU_TEST_DEMO_PASSWORD, keep_honor_roll, &fixture);
  fixture_tear_down (&fixture);
}

static void
test_captures (void)
{
  Fixture fixture = { NULL, };

  fixture_set_up (&fixture);
  capture_at_terminal (&fixture);
  anju_desktop_test_run (fixture.server, "center", ANJU_TEST_DEMO_PASSWORD, view_captures, &fixture);
  anju_desktop_test_run (fixture.server, "street_ypl", ANJU_TEST_DEMO_PASSWORD, check_street_pages, &fixture);
  fixture_tear_down (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  anju_test_display_init (&argc, &argv);

  g_test_add_func ("/terminal/publicity/assign-publish-withdraw  F-TERM-004 F-TERM-007", test_publicity);
  g_test_add_func ("/terminal/honor-roll/add-move-edit-delete  F-TERM-014", test_honor_roll);
  g_test_add_func ("/terminal/identity-captures/list-view  F-TERM-005 F-TERM-006", test_captures);

  return g_test_run ();
}
