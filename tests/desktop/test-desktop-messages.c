/* test-desktop-messages.c: the message center through the desktop's real
 * windows against a real anju-server (F-SUPPORT-004, F-PORTAL-006).
 *
 *   send and read   the administrator writes to an organisation from the
 *                   New Message dialog; a user of that organisation signs
 *                   in, finds it unread with the count beside "Messages"
 *                   in the sidebar, opens it, and the count drops
 *   settings        the SMS status line says SMS is disabled (the test
 *                   server has no gateway); a template edit naming an
 *                   unknown variable is refused at its field, a valid one
 *                   (with a variable inserted from its button) is saved;
 *                   the SMS log lists a text kept as not sent, filters by
 *                   status, and says why it cannot be sent again; ticking
 *                   a role in a push strategy's recipients saves it as
 *                   the strategy's audience, and reopening shows it ticked
 *   open record     a task assigned by the workflow engine reaches the
 *                   assignee's inbox with its record: the message's
 *                   button opens it through win.open-record (sxx)
 */
#include "config.h"

#include "anju-desktop-test.h"
#include "anju-event-list-view.h"
#include "anju-inbox-item.h"
#include "anju-message-settings-page-private.h"
#include "anju-message-template-dialog-private.h"
#include "anju-messages-page.h"
#include "anju-push-strategy-dialog.h"
#include "anju-send-message-dialog.h"
#include "anju-sms-log-view.h"

#define RECIPIENT_ORG   "银盆岭街道"
#define RECIPIENT       "street_ypl"
#define MESSAGE_TITLE   "防汛值班安排"
#define MESSAGE_BODY    "请各街道于本周五前报送防汛值班表。"
#define MANUAL_EVENT    "message.manual"

typedef struct
{
  AnjuTestServer *server;
  AnjuWindow     *window;
  GtkWidget      *page;
  GtkWidget      *dialog;
  const char     *text;     /* what a wait looks for */
} Fixture;

/* Waits */

static gboolean
window_shows_label (gpointer data)
{
  Fixture *fixture = data;

  return anju_desktop_test_find_label (GTK_WIDGET (fixture->window), fixture->text) != NULL;
}

/* The toast (or any label of the window) saying text, word for word. */
static void
wait_for_label (Fixture    *fixture,
                const char *text)
{
  fixture->text = text;
  g_assert_true (anju_test_display_wait_for (window_shows_label, fixture, text));
}

static gboolean
dialog_shows_row (gpointer data)
{
  Fixture *fixture = data;

  return anju_desktop_test_find_row (fixture->dialog, fixture->text) != NULL;
}

static gboolean
badge_is (gpointer data)
{
  Fixture *fixture = data;

  return g_strcmp0 (_anju_window_get_page_badge (fixture->window, "messages"), fixture->text) == 0;
}

static void
wait_for_badge (Fixture    *fixture,
                const char *text)
{
  fixture->text = text;
  g_assert_true (anju_test_display_wait_for (badge_is, fixture, text != NULL ? text : "no badge"));
}

/* The server's view */

static gint64
unread_count (AnjuTestServer *server,
              const char     *username)
{
  g_autofree char *token = anju_test_login (server, username, ANJU_TEST_DEMO_PASSWORD);
  g_autoptr(JsonNode) answer = NULL;
  guint status = 0;

  answer = anju_test_request (server, token, "GET", "/api/v1/messages/unread-count", NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  return json_object_get_int_member (json_node_get_object (answer), "unread");
}

static JsonObject *
server_template (AnjuTestServer *server,
                 const char     *event)
{
  g_autofree char *token = anju_test_login (server, "admin", ANJU_TEST_DEMO_PASSWORD);
  g_autoptr(JsonNode) answer = NULL;
  JsonArray *items;
  guint status = 0;

  answer = anju_test_request (server, token, "GET", "/api/v1/message-templates", NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  items = json_object_get_array_member (json_node_get_object (answer), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *template = json_array_get_object_element (items, i);

      if (g_str_equal (json_object_get_string_member (template, "event"), event))
        return json_object_ref (template);
    }

  g_assert_not_reached ();
}

/* Send: the administrator writes to a street from the dialog */

static void
fill_and_send (Fixture *fixture)
{
  GtkWidget *body = anju_desktop_test_find_type (fixture->dialog, GTK_TYPE_TEXT_VIEW);
  GtkWidget *row;

  /* Nothing chosen yet: the dialog says so itself and sends nothing. */
  anju_desktop_test_click_action (fixture->dialog, "message.send");
  g_assert_nonnull (anju_desktop_test_find_label (fixture->dialog, "Enter a title."));
  g_assert_nonnull (anju_desktop_test_find_label (fixture->dialog,
                                                  "Choose at least one organisation or person."));

  anju_desktop_test_set_row_text (fixture->dialog, "Title", MESSAGE_TITLE);
  g_assert_nonnull (body);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (body)), MESSAGE_BODY, -1);

  /* The organisations load page by page; the street is among the first. */
  fixture->text = RECIPIENT_ORG;
  g_assert_true (anju_test_display_wait_for (dialog_shows_row, fixture, "the street among the recipients"));
  row = anju_desktop_test_find_row (fixture->dialog, RECIPIENT_ORG);
  g_assert_true (ADW_IS_ACTION_ROW (row));
  adw_action_row_activate (ADW_ACTION_ROW (row));
  g_assert_nonnull (anju_desktop_test_find_label_starting (fixture->dialog, "1 chosen: " RECIPIENT_ORG));

  anju_desktop_test_click_action (fixture->dialog, "message.send");
  anju_test_display_wait_for_window_gone (ANJU_TYPE_SEND_MESSAGE_DIALOG);
  fixture->dialog = NULL;
}

static void
send_to_street (AnjuWindow *window,
                gpointer    data)
{
  Fixture *fixture = data;
  g_autofree char *n_recipients = NULL;
  g_autofree char *n_messages = NULL;
  g_autofree char *toast = NULL;

  fixture->window = window;
  fixture->page = anju_desktop_test_open_page (window, "messages");
  g_assert_true (ANJU_IS_MESSAGES_PAGE (fixture->page));

  anju_desktop_test_click_action (fixture->page, "messages.send");
  fixture->dialog = anju_test_display_wait_for_window (ANJU_TYPE_SEND_MESSAGE_DIALOG);
  fill_and_send (fixture);

  /* Every active user of the street gets one copy, and the toast says
   * how many did (the demo street has its staff and its kiosk). */
  n_recipients = anju_test_db_query (fixture->server,
                                     "SELECT COUNT(*) FROM messages m JOIN users u ON u.id = m.user_id"
                                     " JOIN organisations o ON o.id = u.org_id"
                                     " WHERE m.title = '" MESSAGE_TITLE "' AND o.name = '" RECIPIENT_ORG "'");
  g_assert_cmpstr (n_recipients, !=, "0");
  n_messages = anju_test_db_query (fixture->server, "SELECT COUNT(*) FROM messages");
  g_assert_cmpstr (n_messages, ==, n_recipients);
  toast = g_strdup_printf ("Message sent to %s %s", n_recipients,
                           g_str_equal (n_recipients, "1") ? "recipient" : "recipients");
  wait_for_label (fixture, toast);
}

/* Read: a user of the street finds it unread, opens it, the count drops */

static gboolean
message_listed (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *column_view = anju_desktop_test_find_type (fixture->page, GTK_TYPE_COLUMN_VIEW);

  return anju_desktop_test_find_label (column_view, MESSAGE_TITLE) != NULL;
}

static gboolean
title_is_read (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *column_view = anju_desktop_test_find_type (fixture->page, GTK_TYPE_COLUMN_VIEW);
  GtkWidget *title = anju_desktop_test_find_label (column_view, MESSAGE_TITLE);

  return title != NULL && !gtk_widget_has_css_class (title, "anju-unread");
}

static guint
position_of_message (GListModel *model)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AnjuInboxItem) item = g_list_model_get_item (model, i);
      AnjuRecord *message = anju_inbox_item_get_message (item);

      if (g_strcmp0 (anju_record_get_string (message, "title"), MESSAGE_TITLE) == 0)
        return i;
    }

  g_assert_not_reached ();
}

static void
read_message (AnjuWindow *window,
              gpointer    data)
{
  Fixture *fixture = data;
  GtkWidget *column_view;
  GtkSelectionModel *selection;
  GtkWidget *title;

  fixture->window = window;
  g_assert_cmpint (unread_count (fixture->server, RECIPIENT), ==, 1);

  /* The count shows beside "Messages" as soon as the window is up. */
  wait_for_badge (fixture, "1");

  fixture->page = anju_desktop_test_open_page (window, "messages");
  g_assert_true (anju_test_display_wait_for (message_listed, fixture, "the message in the inbox"));

  /* Unread: bold, and said in words. */
  column_view = anju_desktop_test_find_type (fixture->page, GTK_TYPE_COLUMN_VIEW);
  title = anju_desktop_test_find_label (column_view, MESSAGE_TITLE);
  g_assert_true (gtk_widget_has_css_class (title, "anju-unread"));
  g_assert_nonnull (anju_desktop_test_find_label (column_view, "Unread"));
  g_assert_nonnull (anju_desktop_test_find_label (column_view, "Message sent by hand"));

  /* Opening it shows the text and marks it read, here and on the server. */
  selection = gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view));
  gtk_selection_model_select_item (selection, position_of_message (G_LIST_MODEL (selection)), TRUE);
  g_assert_nonnull (anju_desktop_test_find_label (fixture->page, MESSAGE_BODY));
  g_assert_true (anju_test_display_wait_for (title_is_read, fixture, "the message to show as read"));
  g_assert_null (anju_desktop_test_find_label (column_view, "Unread"));
  wait_for_badge (fixture, NULL);
  g_assert_cmpint (unread_count (fixture->server, RECIPIENT), ==, 0);
}

static void
test_send_and_read (void)
{
  Fixture fixture = { anju_test_server_start (TRUE), };

  anju_desktop_test_run (fixture.server, "admin", ANJU_TEST_DEMO_PASSWORD, send_to_street, &fixture);
  anju_desktop_test_run (fixture.server, RECIPIENT, ANJU_TEST_DEMO_PASSWORD, read_message, &fixture);
  anju_test_server_stop (fixture.server);
}

/* Settings: the SMS status line and a template edit */

static gboolean
status_says_disabled (gpointer data)
{
  Fixture *fixture = data;
  AnjuSmsStatusRow *row =
    _anju_message_settings_page_get_status_row (ANJU_MESSAGE_SETTINGS_PAGE (fixture->page));

  return g_str_has_prefix (anju_sms_status_row_get_text (row), "SMS is disabled: ");
}

static gboolean
template_row_loaded (gpointer data)
{
  Fixture *fixture = data;
  AnjuEventListView *templates =
    _anju_message_settings_page_get_templates (ANJU_MESSAGE_SETTINGS_PAGE (fixture->page));

  return anju_event_list_view_get_row (templates, MANUAL_EVENT) != NULL;
}

static gboolean
body_error_shown (gpointer data)
{
  Fixture *fixture = data;

  return _anju_message_template_dialog_get_field_error (ANJU_MESSAGE_TEMPLATE_DIALOG (fixture->dialog),
                                                        "body") != NULL;
}

static gboolean
template_row_edited (gpointer data)
{
  Fixture *fixture = data;
  AnjuEventListView *templates =
    _anju_message_settings_page_get_templates (ANJU_MESSAGE_SETTINGS_PAGE (fixture->page));
  GtkWidget *row = anju_event_list_view_get_row (templates, MANUAL_EVENT);

  return row != NULL && g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Edited");
}

static void
set_body (Fixture    *fixture,
          const char *text)
{
  GtkWidget *body = _anju_message_template_dialog_get_field (ANJU_MESSAGE_TEMPLATE_DIALOG (fixture->dialog),
                                                             "body");

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (body)), text, -1);
}

static char *
body_text (Fixture *fixture)
{
  GtkWidget *body = _anju_message_template_dialog_get_field (ANJU_MESSAGE_TEMPLATE_DIALOG (fixture->dialog),
                                                             "body");
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (body));
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
edit_template (Fixture *fixture)
{
  AnjuMessageTemplateDialog *dialog = ANJU_MESSAGE_TEMPLATE_DIALOG (fixture->dialog);
  g_autoptr(JsonObject) template = NULL;
  g_autofree char *text = NULL;
  GtkWidget *chip;

  /* A variable the event does not have: refused at the field, the
   * dialog stays with what was typed. */
  set_body (fixture, "通知：{bogus}");
  anju_desktop_test_click_action (fixture->dialog, "template.save");
  g_assert_true (anju_test_display_wait_for (body_error_shown, fixture, "the unknown variable refused"));
  g_assert_nonnull (strstr (_anju_message_template_dialog_get_field_error (dialog, "body"), "{bogus}"));
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_ancestor (_anju_message_template_dialog_get_field (dialog, "body"),
                                                                    GTK_TYPE_FRAME),
                                           "error"));
  text = body_text (fixture);
  g_assert_cmpstr (text, ==, "通知：{bogus}");
  g_clear_pointer (&text, g_free);

  /* A variable from its button goes where the cursor is. */
  set_body (fixture, "通知：");
  gtk_widget_grab_focus (_anju_message_template_dialog_get_field (dialog, "body"));
  chip = _anju_message_template_dialog_get_variable (dialog, "body");
  g_assert_nonnull (chip);
  g_assert_null (_anju_message_template_dialog_get_variable (dialog, "record_label"));
  anju_desktop_test_click (chip);
  text = body_text (fixture);
  g_assert_cmpstr (text, ==, "通知：{body}");

  anju_desktop_test_click_action (fixture->dialog, "template.save");
  anju_test_display_wait_for_window_gone (ANJU_TYPE_MESSAGE_TEMPLATE_DIALOG);
  fixture->dialog = NULL;
  wait_for_label (fixture, "Saved the message template");
  g_assert_true (anju_test_display_wait_for (template_row_edited, fixture, "the row to say the template is edited"));

  template = server_template (fixture->server, MANUAL_EVENT);
  g_assert_cmpstr (json_object_get_string_member (template, "body"), ==, "通知：{body}");
  g_assert_false (json_object_get_boolean_member (template, "is_default"));
}

static gboolean
sms_log_shows (gpointer data)
{
  Fixture *fixture = data;
  AnjuSmsLogView *log = _anju_message_settings_page_get_sms_log (ANJU_MESSAGE_SETTINGS_PAGE (fixture->page));

  return anju_desktop_test_find_label (GTK_WIDGET (log), fixture->text) != NULL;
}

static gboolean
window_shows_label_starting (gpointer data)
{
  Fixture *fixture = data;

  return anju_desktop_test_find_label_starting (GTK_WIDGET (fixture->window), fixture->text) != NULL;
}

/* With no gateway every text is kept as "not sent"; sending one again
 * is refused with the reason, which the toast repeats. */
static void
check_sms_log (Fixture *fixture)
{
  AnjuMessageSettingsPage *page = ANJU_MESSAGE_SETTINGS_PAGE (fixture->page);
  GtkWidget *log = GTK_WIDGET (_anju_message_settings_page_get_sms_log (page));
  GtkWidget *column_view = anju_desktop_test_find_type (log, GTK_TYPE_COLUMN_VIEW);
  GtkWidget *status_filter = anju_desktop_test_find_type (log, GTK_TYPE_DROP_DOWN);

  adw_view_stack_set_visible_child_name (_anju_message_settings_page_get_view_stack (page), "sms");
  fixture->text = "Not sent (SMS is disabled)";
  g_assert_true (anju_test_display_wait_for (sms_log_shows, fixture, "a text kept as not sent"));
  g_assert_nonnull (anju_desktop_test_find_label (column_view, "Message sent by hand"));

  gtk_selection_model_select_item (gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view)), 0, TRUE);
  anju_desktop_test_click_action (log, "sms.resend");
  fixture->text = "Could not send the text message again: ";
  g_assert_true (anju_test_display_wait_for (window_shows_label_starting, fixture, fixture->text));

  /* None failed: the filter empties the list (position 4 is "failed",
   * after "All statuses", pending, sending and sent). */
  g_assert_nonnull (status_filter);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (status_filter), 4);
  fixture->text = "No Text Messages";
  g_assert_true (anju_test_display_wait_for (sms_log_shows, fixture, "the empty log"));
}

/* A message to the street by SMS too, through the API: the texts the
 * SMS log then shows. */
static void
send_by_sms (AnjuTestServer *server)
{
  g_autofree char *token = anju_test_login (server, "admin", ANJU_TEST_DEMO_PASSWORD);
  g_autofree char *org_id = anju_test_db_query (server, "SELECT id FROM organisations WHERE name = '" RECIPIENT_ORG "'");
  g_autofree char *body = NULL;
  g_autoptr(JsonNode) answer = NULL;
  guint status = 0;

  body = g_strdup_printf ("{\"title\": \"" MESSAGE_TITLE "\", \"body\": \"" MESSAGE_BODY "\","
                          " \"org_ids\": [%s], \"sms\": true}", org_id);
  answer = anju_test_request (server, token, "POST", "/api/v1/messages", body, &status);
  g_assert_cmpuint (status, ==, 201);
}

/* Push strategy audience: tick a role under Recipients */

#define AUDIENCE_ROLE      "street_staff"
#define AUDIENCE_ROLE_NAME "街道工作人员"

static gboolean
strategy_row_loaded (gpointer data)
{
  Fixture *fixture = data;
  AnjuEventListView *strategies =
    _anju_message_settings_page_get_strategies (ANJU_MESSAGE_SETTINGS_PAGE (fixture->page));

  return anju_event_list_view_get_row (strategies, MANUAL_EVENT) != NULL;
}

static gboolean
strategy_row_restricted (gpointer data)
{
  Fixture *fixture = data;
  AnjuEventListView *strategies =
    _anju_message_settings_page_get_strategies (ANJU_MESSAGE_SETTINGS_PAGE (fixture->page));
  GtkWidget *row = anju_event_list_view_get_row (strategies, MANUAL_EVENT);

  return row != NULL
         && g_str_has_suffix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "only holders of 1 role");
}

/* The check button of the role's row, once the dialog lists the roles. */
static GtkCheckButton *
wait_for_role_check (Fixture *fixture)
{
  fixture->text = AUDIENCE_ROLE_NAME;
  g_assert_true (anju_test_display_wait_for (dialog_shows_row, fixture, "the roles to tick"));
  return GTK_CHECK_BUTTON (anju_desktop_test_find_type (anju_desktop_test_find_row (fixture->dialog,
                                                                                   AUDIENCE_ROLE_NAME),
                                                        GTK_TYPE_CHECK_BUTTON));
}

static void
open_manual_strategy (Fixture *fixture)
{
  AnjuEventListView *strategies =
    _anju_message_settings_page_get_strategies (ANJU_MESSAGE_SETTINGS_PAGE (fixture->page));

  g_assert_true (anju_test_display_wait_for (strategy_row_loaded, fixture, "the push strategies"));
  gtk_widget_activate (anju_event_list_view_get_row (strategies, MANUAL_EVENT));
  fixture->dialog = anju_test_display_wait_for_window (ANJU_TYPE_PUSH_STRATEGY_DIALOG);
}

static void
edit_strategy_audience (Fixture *fixture)
{
  g_autofree char *token = anju_test_login (fixture->server, "admin", ANJU_TEST_DEMO_PASSWORD);
  g_autoptr(JsonNode) answer = NULL;
  JsonArray *items;
  GtkCheckButton *check;
  guint status = 0;
  gboolean found = FALSE;

  adw_view_stack_set_visible_child_name (_anju_message_settings_page_get_view_stack (ANJU_MESSAGE_SETTINGS_PAGE (fixture->page)),
                                         "strategies");
  open_manual_strategy (fixture);
  check = wait_for_role_check (fixture);
  g_assert_false (gtk_check_button_get_active (check));
  gtk_check_button_set_active (check, TRUE);
  anju_desktop_test_click_action (fixture->dialog, "strategy.save");
  anju_test_display_wait_for_window_gone (ANJU_TYPE_PUSH_STRATEGY_DIALOG);
  fixture->dialog = NULL;
  wait_for_label (fixture, "Saved the push strategy");

  answer = anju_test_request (fixture->server, token, "GET", "/api/v1/push-strategies", NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  items = json_object_get_array_member (json_node_get_object (answer), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *strategy = json_array_get_object_element (items, i);
      JsonArray *roles = json_object_get_array_member (strategy, "roles");

      if (!g_str_equal (json_object_get_string_member (strategy, "event"), MANUAL_EVENT))
        continue;
      g_assert_cmpuint (json_array_get_length (roles), ==, 1);
      g_assert_cmpstr (json_array_get_string_element (roles, 0), ==, AUDIENCE_ROLE);
      found = TRUE;
    }
  g_assert_true (found);

  /* The list sums the audience up; reopened, the role is still ticked. */
  g_assert_true (anju_test_display_wait_for (strategy_row_restricted, fixture, "the summary of the audience"));
  open_manual_strategy (fixture);
  check = wait_for_role_check (fixture);
  g_assert_true (gtk_check_button_get_active (check));
  gtk_window_close (GTK_WINDOW (fixture->dialog));
  anju_test_display_wait_for_window_gone (ANJU_TYPE_PUSH_STRATEGY_DIALOG);
  fixture->dialog = NULL;
}

static void
message_settings (AnjuWindow *window,
                  gpointer    data)
{
  Fixture *fixture = data;
  AnjuEventListView *templates;

  fixture->window = window;
  fixture->page = anju_desktop_test_open_page (window, "message-settings");

  /* The test server has no gateway: the page says so, not just "off". */
  g_assert_true (anju_test_display_wait_for (status_says_disabled, fixture, "the SMS status"));

  g_assert_true (anju_test_display_wait_for (template_row_loaded, fixture, "the templates"));
  templates = _anju_message_settings_page_get_templates (ANJU_MESSAGE_SETTINGS_PAGE (fixture->page));
  gtk_widget_activate (anju_event_list_view_get_row (templates, MANUAL_EVENT));
  fixture->dialog = anju_test_display_wait_for_window (ANJU_TYPE_MESSAGE_TEMPLATE_DIALOG);
  edit_template (fixture);
  check_sms_log (fixture);
  edit_strategy_audience (fixture);
}

static void
test_message_settings (void)
{
  Fixture fixture = { anju_test_server_start (TRUE), };

  send_by_sms (fixture.server);
  anju_desktop_test_run (fixture.server, "admin", ANJU_TEST_DEMO_PASSWORD, message_settings, &fixture);
  anju_test_server_stop (fixture.server);
}

/* Open record: a message about a record */

#define LINK_COMMUNITY  "银盆岭社区"
#define LINK_ASSIGNEE   "street_ypl"
#define LINK_RECORD_ID  90001

typedef struct
{
  Fixture  base;
  gint64   instance_id;
  char    *domain;
} LinkFixture;

/* Starts a public rental review by hand: its first task, and with it a
 * message, goes to the street staff (街道审核 is its first step since issue 4). */
static void
start_review (LinkFixture *fixture)
{
  g_autofree char *token = anju_test_login (fixture->base.server, "admin", ANJU_TEST_DEMO_PASSWORD);
  g_autofree char *org_id = anju_test_db_query (fixture->base.server,
                                                "SELECT id FROM organisations WHERE name = '" LINK_COMMUNITY "'");
  g_autofree char *body = NULL;
  g_autoptr(JsonNode) answer = NULL;
  JsonObject *instance;
  guint status = 0;

  body = g_strdup_printf ("{\"template\": \"pubrent.application.review\", \"record_id\": %d,"
                          " \"record_label\": \"测试申请\", \"org_id\": %s}", LINK_RECORD_ID, org_id);
  answer = anju_test_request (fixture->base.server, token, "POST", "/api/v1/workflow/instances", body, &status);
  g_assert_cmpuint (status, ==, 201);
  instance = json_node_get_object (answer);
  fixture->instance_id = json_object_get_int_member (instance, "id");
  fixture->domain = g_strdup (json_object_get_string_member (instance, "domain"));
}

static gboolean
linked_message_listed (gpointer data)
{
  LinkFixture *fixture = data;
  GtkWidget *column_view = anju_desktop_test_find_type (fixture->base.page, GTK_TYPE_COLUMN_VIEW);
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view)));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AnjuInboxItem) item = g_list_model_get_item (model, i);
      JsonObject *link = anju_record_get_member_object (anju_inbox_item_get_message (item), "link");

      if (link != NULL && anju_json_get_int (link, "instance_id", 0) == fixture->instance_id)
        {
          gtk_selection_model_select_item (GTK_SELECTION_MODEL (model), i, TRUE);
          return TRUE;
        }
    }
  return FALSE;
}

static void
open_linked_message (AnjuWindow *window,
                     gpointer    data)
{
  LinkFixture *fixture = data;
  g_autoptr(GVariant) expected = NULL;
  GtkWidget *button;
  GVariant *target;

  fixture->base.window = window;
  fixture->base.page = anju_desktop_test_open_page (window, "messages");
  g_assert_true (anju_test_display_wait_for (linked_message_listed, fixture, "the task's message"));
  g_assert_nonnull (anju_desktop_test_find_label_starting (fixture->base.page, "Task assigned · "));

  /* The button names the record the way the to-do list does. */
  button = anju_desktop_test_find_button (fixture->base.page, "win.open-record");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button));
  expected = g_variant_ref_sink (g_variant_new ("(sxx)", fixture->domain, (gint64) LINK_RECORD_ID,
                                                fixture->instance_id));
  g_assert_nonnull (target);
  g_assert_true (g_variant_equal (target, expected));
}

static void
test_open_record (void)
{
  LinkFixture fixture = { { anju_test_server_start (TRUE), }, };

  start_review (&fixture);
  anju_desktop_test_run (fixture.base.server, LINK_ASSIGNEE, ANJU_TEST_DEMO_PASSWORD, open_linked_message,
                         &fixture);
  g_free (fixture.domain);
  anju_test_server_stop (fixture.base.server);
}

int
main (int   argc,
      char *argv[])
{
  anju_test_display_init (&argc, &argv);

  g_test_add_func ("/support/messages/send-and-read  F-SUPPORT-004 F-PORTAL-006", test_send_and_read);
  g_test_add_func ("/support/messages/settings  F-SUPPORT-004", test_message_settings);
  g_test_add_func ("/support/messages/open-record  F-SUPPORT-004", test_open_record);

  return g_test_run ();
}
