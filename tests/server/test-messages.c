/* test-messages.c: the message center's inbox, manual sending, templates
 * and push strategies over HTTPS: unified messages (F-PORTAL-006,
 * F-PORTAL-025) and message center configuration (F-SUPPORT-004).
 * SMS sending has its own binary, test-sms.c. */

#include <string.h>

#include "anju-test-identity.h"

#define READY_PASSWORD "Ready#2026pw"

/* POST /messages as token; returns the answer, status in *out_status. */
static JsonNode *
send_message (AnjuTestServer *srv,
              const char     *token,
              const char     *title,
              const char     *user_ids,
              const char     *org_ids,
              guint          *out_status)
{
  return anju_test_requestf (srv, token, "POST", "/api/v1/messages", out_status,
                             "{\"title\":\"%s\",\"body\":\"%s的正文\",\"user_ids\":[%s],"
                             "\"org_ids\":[%s]}",
                             title, title, user_ids, org_ids);
}

static void
send_ok (AnjuTestServer *srv,
         const char     *token,
         const char     *title,
         const char     *user_ids,
         const char     *org_ids,
         gint64          expected_recipients)
{
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  reply = send_message (srv, token, title, user_ids, org_ids, &status);
  anju_assert_status (status, SOUP_STATUS_CREATED, reply);
  g_assert_cmpint (anju_test_json_int (reply, "recipients"), ==, expected_recipients);
}

static JsonNode *
inbox (AnjuTestServer *srv,
       const char     *token,
       const char     *query)
{
  g_autofree char *path = g_strconcat ("/api/v1/messages", query, NULL);
  JsonNode *reply;
  guint status = 0;

  reply = anju_test_request (srv, token, "GET", path, NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, reply);
  anju_test_assert_page (reply);
  return reply;
}

static gint64
unread_count (AnjuTestServer *srv,
              const char     *token)
{
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  reply = anju_test_request (srv, token, "GET", "/api/v1/messages/unread-count", NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, reply);
  return anju_test_json_int (reply, "unread");
}

static char *
id_text (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

static char *
login (AnjuTestServer *srv,
       const char     *username)
{
  return anju_test_login (srv, username, ANJU_TEST_DEMO_PASSWORD);
}

/* A user of org with a custom role holding exactly permissions. */
static char *
make_user_with (AnjuTestFixture    *fixture,
                const char         *username,
                gint64              org,
                const char         *role_name,
                const char * const *permissions)
{
  gint64 role = anju_test_create_role (fixture->srv, fixture->admin, role_name, permissions);

  return anju_test_make_ready_user (fixture->srv, fixture->admin, username, org, role,
                                    READY_PASSWORD);
}

/* F-SUPPORT-004, F-PORTAL-006: a message to an organisation reaches its
 * active users, one to users reaches them, and nobody else. */
static void
test_manual_fan_out (AnjuTestFixture *fixture,
                     gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  gint64 ypl = anju_test_find_org (srv, fixture->admin, "银盆岭街道");
  gint64 center_user = anju_test_find_user (srv, fixture->admin, "center");
  gint64 terminal = anju_test_find_user (srv, fixture->admin, "terminal01");
  g_autofree char *ypl_text = id_text (ypl);
  g_autofree char *center_text = id_text (center_user);
  g_autofree char *disable_path = g_strdup_printf ("/api/v1/users/%" G_GINT64_FORMAT "/disable",
                                                   terminal);
  g_autofree char *street = login (srv, "street_ypl");
  g_autofree char *center = login (srv, "center");
  g_autofree char *other_street = login (srv, "street_wyh");
  g_autoptr(JsonNode) disabled = NULL;
  g_autoptr(JsonNode) street_box = NULL;
  g_autoptr(JsonNode) center_box = NULL;
  g_autoptr(JsonNode) other_box = NULL;
  g_autofree char *terminal_rows = NULL;
  g_autofree char *audited = NULL;
  guint status = 0;

  /* 银盆岭街道 has street_ypl and terminal01; a disabled account gets
   * nothing. */
  disabled = anju_test_request (srv, fixture->admin, "POST", disable_path, NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, disabled);

  send_ok (srv, fixture->admin, "防汛通知", center_text, ypl_text, 2);

  street_box = inbox (srv, street, "");
  g_assert_cmpint (anju_test_json_int (street_box, "total"), ==, 1);
  g_assert_cmpstr (anju_test_json_string (street_box, "items.0.title"), ==, "防汛通知");
  g_assert_cmpstr (anju_test_json_string (street_box, "items.0.body"), ==, "防汛通知的正文");
  g_assert_cmpstr (anju_test_json_string (street_box, "items.0.event"), ==, "message.manual");
  g_assert_true (anju_test_json_is_null (street_box, "items.0.read_at"));
  g_assert_true (anju_test_json_is_null (street_box, "items.0.link"));
  center_box = inbox (srv, center, "");
  g_assert_cmpint (anju_test_json_int (center_box, "total"), ==, 1);
  other_box = inbox (srv, other_street, "");
  g_assert_cmpint (anju_test_json_int (other_box, "total"), ==, 0);

  terminal_rows = anju_test_db_query (srv, "SELECT COUNT(*) FROM messages m"
                                           " JOIN users u ON u.id = m.user_id"
                                           " WHERE u.username = 'terminal01'");
  g_assert_cmpstr (terminal_rows, ==, "0");
  audited = anju_test_db_query (srv, "SELECT after_json FROM audit_log"
                                     " WHERE action = 'message.send'");
  g_assert_nonnull (audited);
  g_assert_nonnull (strstr (audited, "\"recipients\":2"));
}

/* F-SUPPORT-004: who may send, to whom, and what is refused. */
static void
test_manual_scope (AnjuTestFixture *fixture,
                   gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  static const char * const send_only[] = { "support.message.send", NULL };
  gint64 ypl = anju_test_find_org (srv, fixture->admin, "银盆岭街道");
  gint64 wyh = anju_test_find_org (srv, fixture->admin, "望月湖街道");
  gint64 wyh_user = anju_test_find_user (srv, fixture->admin, "street_wyh");
  g_autofree char *ypl_text = id_text (ypl);
  g_autofree char *wyh_text = id_text (wyh);
  g_autofree char *wyh_user_text = id_text (wyh_user);
  g_autofree char *sender = make_user_with (fixture, "ypl_sender", ypl, "街道发信员", send_only);
  g_autofree char *street = login (srv, "street_ypl");
  g_autofree char *before = anju_test_db_dump (srv, "messages");
  g_autofree char *after = NULL;
  g_autoptr(JsonNode) no_permission = NULL;
  g_autoptr(JsonNode) other_org = NULL;
  g_autoptr(JsonNode) other_user = NULL;
  g_autoptr(JsonNode) unknown = NULL;
  g_autoptr(JsonNode) nobody = NULL;
  g_autoptr(JsonNode) blank = NULL;
  guint status = 0;

  no_permission = send_message (srv, street, "通知", "", ypl_text, &status);
  anju_assert_error (status, no_permission, 403, "forbidden");
  other_org = send_message (srv, sender, "通知", "", wyh_text, &status);
  anju_assert_error (status, other_org, 403, "forbidden");
  other_user = send_message (srv, sender, "通知", wyh_user_text, "", &status);
  anju_assert_error (status, other_user, 403, "forbidden");
  unknown = send_message (srv, sender, "通知", "", "999999", &status);
  anju_assert_error (status, unknown, 422, "validation_failed");
  g_assert_nonnull (strstr (anju_test_json_string (unknown, "error.fields.org_ids"), "999999"));
  nobody = send_message (srv, sender, "通知", "", "", &status);
  anju_assert_error (status, nobody, 422, "validation_failed");
  g_assert_true (anju_test_json_has (nobody, "error.fields.user_ids"));
  blank = send_message (srv, sender, "  ", "", ypl_text, &status);
  anju_assert_error (status, blank, 422, "validation_failed");
  g_assert_true (anju_test_json_has (blank, "error.fields.title"));

  after = anju_test_db_dump (srv, "messages");
  g_assert_cmpstr (before, ==, after);

  /* Its own street is in scope: street_ypl, terminal01 and the sender. */
  send_ok (srv, sender, "街道通知", "", ypl_text, 3);
}

/* F-PORTAL-006, F-PORTAL-025: unread count, mark read, filters, and a
 * message is its recipient's alone. */
static void
test_inbox (AnjuTestFixture *fixture,
            gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  gint64 street_user = anju_test_find_user (srv, fixture->admin, "street_ypl");
  g_autofree char *street_text = id_text (street_user);
  g_autofree char *street = login (srv, "street_ypl");
  g_autofree char *other = login (srv, "street_wyh");
  g_autoptr(JsonNode) all = NULL;
  g_autoptr(JsonNode) unread = NULL;
  g_autoptr(JsonNode) searched = NULL;
  g_autoptr(JsonNode) by_event = NULL;
  g_autoptr(JsonNode) by_other_event = NULL;
  g_autoptr(JsonNode) read = NULL;
  g_autoptr(JsonNode) read_again = NULL;
  g_autoptr(JsonNode) not_mine = NULL;
  g_autoptr(JsonNode) bad_event = NULL;
  g_autoptr(JsonNode) bad_unread = NULL;
  g_autoptr(JsonNode) read_all = NULL;
  g_autofree char *read_path = NULL;
  g_autofree char *first_read_at = NULL;
  guint status = 0;

  send_ok (srv, fixture->admin, "停水通知", street_text, "", 1);
  send_ok (srv, fixture->admin, "会议通知", street_text, "", 1);
  send_ok (srv, fixture->admin, "培训安排", street_text, "", 1);
  g_assert_cmpint (unread_count (srv, street), ==, 3);
  g_assert_cmpint (unread_count (srv, other), ==, 0);

  all = inbox (srv, street, "");
  g_assert_cmpint (anju_test_json_int (all, "total"), ==, 3);
  /* Newest first. */
  g_assert_cmpstr (anju_test_json_string (all, "items.0.title"), ==, "培训安排");
  g_assert_cmpstr (anju_test_json_string (all, "items.2.title"), ==, "停水通知");

  read_path = g_strdup_printf ("/api/v1/messages/%" G_GINT64_FORMAT "/read",
                               anju_test_json_int (all, "items.2.id"));
  not_mine = anju_test_request (srv, other, "POST", read_path, NULL, &status);
  anju_assert_error (status, not_mine, 404, "not_found");
  g_assert_cmpint (unread_count (srv, street), ==, 3);

  read = anju_test_request (srv, street, "POST", read_path, NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, read);
  g_assert_cmpstr (anju_test_json_string (read, "title"), ==, "停水通知");
  g_assert_false (anju_test_json_is_null (read, "read_at"));
  first_read_at = g_strdup (anju_test_json_string (read, "read_at"));
  g_assert_cmpint (unread_count (srv, street), ==, 2);

  /* Reading again keeps the first time. */
  anju_clock_advance (srv->clock, (gint64) 600 * G_USEC_PER_SEC);
  read_again = anju_test_request (srv, street, "POST", read_path, NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, read_again);
  g_assert_cmpstr (anju_test_json_string (read_again, "read_at"), ==, first_read_at);

  unread = inbox (srv, street, "?unread=true");
  g_assert_cmpint (anju_test_json_int (unread, "total"), ==, 2);
  g_assert_cmpint (anju_test_json_find (unread, "items", "title", "停水通知"), ==, -1);
  searched = inbox (srv, street, "?q=%E4%BC%9A%E8%AE%AE");   /* 会议 */
  g_assert_cmpint (anju_test_json_int (searched, "total"), ==, 1);
  g_assert_cmpstr (anju_test_json_string (searched, "items.0.title"), ==, "会议通知");
  by_event = inbox (srv, street, "?event=message.manual");
  g_assert_cmpint (anju_test_json_int (by_event, "total"), ==, 3);
  by_other_event = inbox (srv, street, "?event=workflow.task.assigned");
  g_assert_cmpint (anju_test_json_int (by_other_event, "total"), ==, 0);
  bad_event = anju_test_request (srv, street, "GET", "/api/v1/messages?event=nope", NULL, &status);
  anju_assert_error (status, bad_event, 422, "validation_failed");
  bad_unread = anju_test_request (srv, street, "GET", "/api/v1/messages?unread=yes", NULL,
                                  &status);
  anju_assert_error (status, bad_unread, 422, "validation_failed");

  read_all = anju_test_request (srv, street, "POST", "/api/v1/messages/read-all", NULL, &status);
  anju_assert_status (status, SOUP_STATUS_NO_CONTENT, read_all);
  g_assert_cmpint (unread_count (srv, street), ==, 0);
}

static JsonNode *
list_settings (AnjuTestServer *srv,
               const char     *token,
               const char     *path)
{
  JsonNode *reply;
  guint status = 0;

  reply = anju_test_request (srv, token, "GET", path, NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, reply);
  return reply;
}

/* Every shipped zh_CN template uses only its event's variables: saving it
 * back unchanged is accepted. */
static void
assert_defaults_valid (AnjuTestServer *srv,
                       const char     *token,
                       JsonNode       *templates)
{
  for (guint i = 0; i < anju_test_json_length (templates, "items"); i++)
    {
      g_autofree char *item_path = g_strdup_printf ("items.%u", i);
      JsonObject *item = json_node_get_object (anju_test_json_lookup (templates, item_path));
      g_autoptr(JsonObject) texts = json_object_new ();
      g_autoptr(JsonNode) body = json_node_new (JSON_NODE_OBJECT);
      g_autofree char *path = g_strconcat ("/api/v1/message-templates/",
                                           json_object_get_string_member (item, "event"), NULL);
      g_autofree char *text = NULL;
      g_autoptr(JsonNode) saved = NULL;
      guint status = 0;

      g_assert_true (json_object_get_boolean_member (item, "is_default"));
      json_object_set_string_member (texts, "title", json_object_get_string_member (item, "title"));
      json_object_set_string_member (texts, "body", json_object_get_string_member (item, "body"));
      json_object_set_string_member (texts, "sms", json_object_get_string_member (item, "sms"));
      json_node_set_object (body, texts);
      text = json_to_string (body, FALSE);
      saved = anju_test_request (srv, token, "PATCH", path, text, &status);
      anju_assert_status (status, SOUP_STATUS_OK, saved);
      g_assert_true (anju_test_json_bool (saved, "is_default"));
    }
}

/* F-SUPPORT-004: templates per event with zh_CN defaults, edited with
 * variable checks, used by the next message, and reset. */
static guint
count_rows (AnjuTestServer *srv,
            const char     *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT COUNT(*) FROM %s", table);
  g_autofree char *count = anju_test_db_query (srv, sql);

  g_assert_cmpint (g_ascii_strtoll (count, NULL, 10), >=, 9);
  return (guint) g_ascii_strtoll (count, NULL, 10);
}

static void
test_templates (AnjuTestFixture *fixture,
                gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  gint64 street_user = anju_test_find_user (srv, fixture->admin, "street_ypl");
  g_autofree char *street_text = id_text (street_user);
  g_autofree char *street = login (srv, "street_ypl");
  g_autofree char *center = login (srv, "center");
  g_autoptr(JsonNode) templates = list_settings (srv, fixture->admin, "/api/v1/message-templates");
  g_autoptr(JsonNode) forbidden = NULL;
  g_autoptr(JsonNode) unknown_event = NULL;
  g_autoptr(JsonNode) unknown_variable = NULL;
  g_autoptr(JsonNode) blank = NULL;
  g_autoptr(JsonNode) edited = NULL;
  g_autoptr(JsonNode) box = NULL;
  g_autoptr(JsonNode) reset = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *audit = NULL;
  int assigned;
  guint status = 0;

  /* One per event type; later issues add event types of their own. */
  g_assert_cmpuint (anju_test_json_length (templates, "items"), ==,
                    count_rows (srv, "message_templates"));
  assigned = anju_test_json_find (templates, "items", "event", "workflow.task.assigned");
  g_assert_cmpint (assigned, >=, 0);
  {
    g_autofree char *variables = g_strdup_printf ("items.%d.variables", assigned);
    g_autofree char *sms = g_strdup_printf ("items.%d.sms", assigned);

    g_assert_true (anju_test_json_array_has_string (templates, variables, "record_label"));
    g_assert_true (anju_test_json_array_has_string (templates, variables, "due_at"));
    g_assert_nonnull (strstr (anju_test_json_string (templates, sms), "{record_label}"));
  }
  assert_defaults_valid (srv, fixture->admin, templates);

  forbidden = anju_test_request (srv, center, "GET", "/api/v1/message-templates", NULL, &status);
  anju_assert_error (status, forbidden, 403, "forbidden");
  unknown_event = anju_test_request (srv, fixture->admin, "PATCH", "/api/v1/message-templates/nope",
                                     "{\"title\":\"x\"}", &status);
  anju_assert_error (status, unknown_event, 404, "not_found");

  before = anju_test_db_dump (srv, "message_templates");
  unknown_variable = anju_test_request (srv, fixture->admin, "PATCH",
                                        "/api/v1/message-templates/workflow.task.assigned",
                                        "{\"title\":\"{record_label} {applicant}\"}", &status);
  anju_assert_error (status, unknown_variable, 422, "validation_failed");
  g_assert_nonnull (strstr (anju_test_json_string (unknown_variable, "error.fields.title"),
                            "{applicant}"));
  blank = anju_test_request (srv, fixture->admin, "PATCH",
                             "/api/v1/message-templates/message.manual", "{\"sms\":\" \"}",
                             &status);
  anju_assert_error (status, blank, 422, "validation_failed");
  g_assert_true (anju_test_json_has (blank, "error.fields.sms"));
  after = anju_test_db_dump (srv, "message_templates");
  g_assert_cmpstr (before, ==, after);

  edited = anju_test_request (srv, fixture->admin, "PATCH",
                              "/api/v1/message-templates/message.manual",
                              "{\"title\":\"【中心通知】{title}\"}", &status);
  anju_assert_status (status, SOUP_STATUS_OK, edited);
  g_assert_cmpstr (anju_test_json_string (edited, "title"), ==, "【中心通知】{title}");
  g_assert_cmpstr (anju_test_json_string (edited, "body"), ==, "{body}");
  g_assert_false (anju_test_json_bool (edited, "is_default"));
  g_assert_false (anju_test_json_is_null (edited, "updated_at"));

  send_ok (srv, fixture->admin, "停电通知", street_text, "", 1);
  box = inbox (srv, street, "");
  g_assert_cmpstr (anju_test_json_string (box, "items.0.title"), ==, "【中心通知】停电通知");

  reset = anju_test_request (srv, fixture->admin, "POST",
                             "/api/v1/message-templates/message.manual/reset", NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, reset);
  g_assert_cmpstr (anju_test_json_string (reset, "title"), ==, "{title}");
  g_assert_true (anju_test_json_bool (reset, "is_default"));
  g_assert_true (anju_test_json_is_null (reset, "updated_at"));

  audit = anju_test_db_query (srv, "SELECT group_concat (action) FROM ("
                                   " SELECT action FROM audit_log"
                                   " WHERE entity = 'message_template' AND entity_id ="
                                   "  (SELECT id FROM message_templates"
                                   "   WHERE event = 'message.manual') ORDER BY id)");
  g_assert_nonnull (strstr (audit, "message_template.update,message_template.reset"));
}

/* F-SUPPORT-004: push strategies switch channels per event. */
static void
test_push_strategies (AnjuTestFixture *fixture,
                      gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  gint64 street_user = anju_test_find_user (srv, fixture->admin, "street_ypl");
  g_autofree char *street_text = id_text (street_user);
  g_autofree char *street = login (srv, "street_ypl");
  g_autoptr(JsonNode) strategies = list_settings (srv, fixture->admin, "/api/v1/push-strategies");
  g_autoptr(JsonNode) no_inbox = NULL;
  g_autoptr(JsonNode) box = NULL;
  g_autoptr(JsonNode) password_inbox = NULL;
  g_autoptr(JsonNode) bad_time = NULL;
  g_autoptr(JsonNode) half_quiet = NULL;
  g_autoptr(JsonNode) same_ends = NULL;
  g_autoptr(JsonNode) quiet = NULL;
  g_autoptr(JsonNode) off = NULL;
  g_autofree char *audit = NULL;
  int password;
  guint status = 0;

  g_assert_cmpuint (anju_test_json_length (strategies, "items"), ==,
                    count_rows (srv, "push_strategies"));
  password = anju_test_json_find (strategies, "items", "event", "account.initial_password");
  {
    g_autofree char *inbox_path = g_strdup_printf ("items.%d.inbox", password);
    g_autofree char *sms_path = g_strdup_printf ("items.%d.sms", password);

    g_assert_false (anju_test_json_bool (strategies, inbox_path));
    g_assert_true (anju_test_json_bool (strategies, sms_path));
  }

  /* The inbox channel off: the message is not written. */
  no_inbox = anju_test_request (srv, fixture->admin, "PATCH",
                                "/api/v1/push-strategies/message.manual",
                                "{\"inbox\":false}", &status);
  anju_assert_status (status, SOUP_STATUS_OK, no_inbox);
  g_assert_false (anju_test_json_bool (no_inbox, "inbox"));
  g_assert_true (anju_test_json_bool (no_inbox, "enabled"));
  send_ok (srv, fixture->admin, "不进收件箱", street_text, "", 1);
  box = inbox (srv, street, "");
  g_assert_cmpint (anju_test_json_int (box, "total"), ==, 0);

  password_inbox = anju_test_request (srv, fixture->admin, "PATCH",
                                      "/api/v1/push-strategies/account.initial_password",
                                      "{\"inbox\":true}", &status);
  anju_assert_error (status, password_inbox, 422, "validation_failed");
  g_assert_true (anju_test_json_has (password_inbox, "error.fields.inbox"));
  bad_time = anju_test_request (srv, fixture->admin, "PATCH",
                                "/api/v1/push-strategies/message.manual",
                                "{\"quiet_start\":\"24:00\",\"quiet_end\":\"07:00\"}", &status);
  anju_assert_error (status, bad_time, 422, "validation_failed");
  g_assert_true (anju_test_json_has (bad_time, "error.fields.quiet_start"));
  half_quiet = anju_test_request (srv, fixture->admin, "PATCH",
                                  "/api/v1/push-strategies/message.manual",
                                  "{\"quiet_start\":\"22:00\"}", &status);
  anju_assert_error (status, half_quiet, 422, "validation_failed");
  g_assert_true (anju_test_json_has (half_quiet, "error.fields.quiet_end"));
  same_ends = anju_test_request (srv, fixture->admin, "PATCH",
                                 "/api/v1/push-strategies/message.manual",
                                 "{\"quiet_start\":\"22:00\",\"quiet_end\":\"22:00\"}", &status);
  anju_assert_error (status, same_ends, 422, "validation_failed");

  quiet = anju_test_request (srv, fixture->admin, "PATCH",
                             "/api/v1/push-strategies/message.manual",
                             "{\"inbox\":true,\"quiet_start\":\"22:00\",\"quiet_end\":\"07:00\"}",
                             &status);
  anju_assert_status (status, SOUP_STATUS_OK, quiet);
  g_assert_cmpstr (anju_test_json_string (quiet, "quiet_start"), ==, "22:00");
  g_assert_cmpstr (anju_test_json_string (quiet, "quiet_end"), ==, "07:00");

  /* Disabled: nothing at all. */
  off = anju_test_request (srv, fixture->admin, "PATCH", "/api/v1/push-strategies/message.manual",
                           "{\"enabled\":false,\"quiet_start\":null,\"quiet_end\":null}",
                           &status);
  anju_assert_status (status, SOUP_STATUS_OK, off);
  g_assert_true (anju_test_json_is_null (off, "quiet_start"));
  send_ok (srv, fixture->admin, "不发送", street_text, "", 1);
  g_assert_cmpint (unread_count (srv, street), ==, 0);

  audit = anju_test_db_query (srv, "SELECT COUNT(*) FROM audit_log"
                                   " WHERE action = 'push_strategy.update'");
  g_assert_cmpstr (audit, ==, "3");
}

/* How many rows of table belong to username. */
static char *
rows_of (AnjuTestServer *srv,
         const char     *table,
         const char     *username)
{
  g_autofree char *sql = g_strdup_printf ("SELECT COUNT(*) FROM %s t JOIN users u ON u.id = t.user_id"
                                          " WHERE u.username = '%s'",
                                          table, username);

  return anju_test_db_query (srv, sql);
}

static void
send_with_sms (AnjuTestServer *srv,
               const char     *token,
               const char     *title,
               const char     *user_ids)
{
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  reply = anju_test_requestf (srv, token, "POST", "/api/v1/messages", &status,
                              "{\"title\":\"%s\",\"body\":\"正文\",\"user_ids\":[%s],"
                              "\"sms\":true}",
                              title, user_ids);
  anju_assert_status (status, SOUP_STATUS_CREATED, reply);
}

/* F-SUPPORT-004 "to whom": a strategy restricted to roles reaches only
 * the recipients holding one of them, by inbox and SMS; [] restores
 * everyone; an unknown code or restricting the initial password is a 422
 * that writes nothing. */
static void
test_push_audience (AnjuTestFixture *fixture,
                    gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  gint64 street_user = anju_test_find_user (srv, fixture->admin, "street_ypl");
  gint64 center_user = anju_test_find_user (srv, fixture->admin, "center");
  g_autofree char *both = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT,
                                           street_user, center_user);
  g_autoptr(JsonNode) strategies = list_settings (srv, fixture->admin, "/api/v1/push-strategies");
  g_autoptr(JsonNode) restricted = NULL;
  g_autoptr(JsonNode) unknown = NULL;
  g_autoptr(JsonNode) password = NULL;
  g_autoptr(JsonNode) cleared = NULL;
  g_autofree char *street_inbox = NULL;
  g_autofree char *street_sms = NULL;
  g_autofree char *center_inbox = NULL;
  g_autofree char *center_sms = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *audit = NULL;
  int manual;
  guint status = 0;

  manual = anju_test_json_find (strategies, "items", "event", "message.manual");
  {
    g_autofree char *roles_path = g_strdup_printf ("items.%d.roles", manual);

    g_assert_cmpuint (anju_test_json_length (strategies, roles_path), ==, 0);
  }

  restricted = anju_test_request (srv, fixture->admin, "PATCH",
                                  "/api/v1/push-strategies/message.manual",
                                  "{\"roles\":[\"street_staff\",\"street_staff\"]}", &status);
  anju_assert_status (status, SOUP_STATUS_OK, restricted);
  g_assert_cmpuint (anju_test_json_length (restricted, "roles"), ==, 1);
  g_assert_cmpstr (anju_test_json_string (restricted, "roles.0"), ==, "street_staff");

  send_with_sms (srv, fixture->admin, "只给街道", both);
  street_inbox = rows_of (srv, "messages", "street_ypl");
  street_sms = rows_of (srv, "sms_outbox", "street_ypl");
  center_inbox = rows_of (srv, "messages", "center");
  center_sms = rows_of (srv, "sms_outbox", "center");
  g_assert_cmpstr (street_inbox, ==, "1");
  g_assert_cmpstr (street_sms, ==, "1");
  g_assert_cmpstr (center_inbox, ==, "0");
  g_assert_cmpstr (center_sms, ==, "0");

  unknown = anju_test_request (srv, fixture->admin, "PATCH",
                               "/api/v1/push-strategies/message.manual",
                               "{\"roles\":[\"street_staff\",\"no_such_role\"],\"sms\":false}",
                               &status);
  anju_assert_error (status, unknown, 422, "validation_failed");
  g_assert_true (anju_test_json_has (unknown, "error.fields.roles"));
  g_assert_nonnull (strstr (anju_test_json_string (unknown, "error.fields.roles"), "no_such_role"));
  password = anju_test_request (srv, fixture->admin, "PATCH",
                                "/api/v1/push-strategies/account.initial_password",
                                "{\"roles\":[\"street_staff\"]}", &status);
  anju_assert_error (status, password, 422, "validation_failed");
  g_assert_true (anju_test_json_has (password, "error.fields.roles"));
  kept = anju_test_db_query (srv, "SELECT group_concat (ps.event || ':' || r.code || ':' || ps.sms)"
                                  " FROM push_strategy_roles pr"
                                  " JOIN push_strategies ps ON ps.id = pr.strategy_id"
                                  " JOIN roles r ON r.id = pr.role_id");
  g_assert_cmpstr (kept, ==, "message.manual:street_staff:1");

  cleared = anju_test_request (srv, fixture->admin, "PATCH",
                               "/api/v1/push-strategies/message.manual", "{\"roles\":[]}",
                               &status);
  anju_assert_status (status, SOUP_STATUS_OK, cleared);
  g_assert_cmpuint (anju_test_json_length (cleared, "roles"), ==, 0);
  send_ok (srv, fixture->admin, "所有人", both, "", 2);
  g_clear_pointer (&center_inbox, g_free);
  center_inbox = rows_of (srv, "messages", "center");
  g_assert_cmpstr (center_inbox, ==, "1");

  audit = anju_test_db_query (srv, "SELECT group_concat (after_json, '|') FROM audit_log"
                                   " WHERE action = 'push_strategy.update'");
  g_assert_nonnull (audit);
  g_assert_nonnull (strstr (audit, "\"roles\":[\"street_staff\"]"));
  g_assert_nonnull (strstr (audit, "\"roles\":[]"));
}

static void
add_fixture_test (const char *path,
                  void      (*func) (AnjuTestFixture *, gconstpointer))
{
  g_test_add (path, AnjuTestFixture, NULL,
              anju_test_fixture_set_up, func, anju_test_fixture_tear_down);
}

int
main (int    argc,
      char **argv)
{
  anju_test_init (&argc, &argv);

  add_fixture_test ("/messages/manual/fan-out  F-SUPPORT-004 F-PORTAL-006", test_manual_fan_out);
  add_fixture_test ("/messages/manual/scope  F-SUPPORT-004", test_manual_scope);
  add_fixture_test ("/messages/inbox  F-PORTAL-006 F-PORTAL-025", test_inbox);
  add_fixture_test ("/messages/templates  F-SUPPORT-004", test_templates);
  add_fixture_test ("/messages/push-strategies  F-SUPPORT-004", test_push_strategies);
  add_fixture_test ("/messages/push-strategies/audience  F-SUPPORT-004", test_push_audience);

  return g_test_run ();
}
