/* test-feedback.c: feedback (意见反馈, F-PORTAL-014, F-PORTAL-034): any
 * user submits and, while it is open, edits or deletes it; center staff
 * reply; the author sees the reply and hears of it (feedback.replied).
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "anju-content-test.h"

#define FEEDBACK_LIST "/api/v1/feedback"

/* Records the events the server emits.  Listeners run on the server's
 * thread while the test thread waits for the answer, so every access
 * goes through the lock; the event bus owns the recorder and frees it
 * with the server. */
typedef struct
{
  GMutex     lock;
  GPtrArray *events;     /* of JsonNode: what each event said */
  gboolean   fail;       /* make the next emit fail */
} Recorder;

static void
recorder_free (gpointer data)
{
  Recorder *recorder = data;

  g_ptr_array_unref (recorder->events);
  g_mutex_clear (&recorder->lock);
  g_free (recorder);
}

static JsonNode *
describe_event (const AnjuEvent *event)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, event->type);
  json_builder_set_member_name (builder, "user_ids");
  json_builder_begin_array (builder);
  for (guint i = 0; i < event->n_user_ids; i++)
    json_builder_add_int_value (builder, event->user_ids[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "recipient_org_id");
  json_builder_add_int_value (builder, event->recipient_org_id);
  json_builder_set_member_name (builder, "variables");
  json_builder_add_value (builder, json_node_init_object (json_node_alloc (), event->variables));
  json_builder_set_member_name (builder, "link_domain");
  json_builder_add_string_value (builder, event->link_domain);
  json_builder_set_member_name (builder, "link_record_id");
  json_builder_add_int_value (builder, event->link_record_id);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static gboolean
record_event_cb (const AnjuEvent *event,
                 gpointer         user_data,
                 GError         **error)
{
  Recorder *recorder = user_data;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&recorder->lock);

  if (recorder->fail)
    {
      recorder->fail = FALSE;
      g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_UNAVAILABLE, "the inbox is away");
      return FALSE;
    }
  g_ptr_array_add (recorder->events, describe_event (event));
  return TRUE;
}

static Recorder *
listen (AnjuTestServer *srv)
{
  Recorder *recorder = g_new0 (Recorder, 1);

  g_mutex_init (&recorder->lock);
  recorder->events = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  /* No request is running yet, so the bus is not in use. */
  anju_event_bus_add_listener (anju_server_get_event_bus (srv->server), record_event_cb, recorder,
                               recorder_free);
  return recorder;
}

/* (transfer full): the events recorded so far, as a JSON array. */
static JsonNode *
recorded (Recorder *recorder)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&recorder->lock);
  g_autoptr(JsonArray) array = json_array_new ();

  for (guint i = 0; i < recorder->events->len; i++)
    json_array_add_element (array, json_node_copy (g_ptr_array_index (recorder->events, i)));
  return json_node_init_array (json_node_alloc (), array);
}

static void
fail_next_emit (Recorder *recorder)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&recorder->lock);

  recorder->fail = TRUE;
}

static gint64
submit_ok (AnjuTestServer *srv,
           const char     *token,
           const char     *title)
{
  g_autofree char *body = g_strdup_printf ("{\"type\":\"function\",\"title\":\"%s\","
                                           "\"content\":\"希望增加导出功能\"}", title);
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  reply = anju_test_request (srv, token, "POST", "/api/v1/feedback", body, &status);
  anju_assert_status (status, SOUP_STATUS_CREATED, reply);
  return anju_test_json_int (reply, "id");
}


/* The author submits, edits and deletes while the feedback is open. */
static void
test_submit_edit_delete (AnjuTestFixture *fixture,
                         gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *author = anju_test_login_demo (srv, "street_ypl");
  g_autoptr(JsonNode) created = NULL;
  g_autoptr(JsonNode) edited = NULL;
  g_autoptr(JsonNode) bad_type = NULL;
  g_autoptr(JsonNode) blank = NULL;
  g_autoptr(JsonNode) gone = NULL;
  guint status = 0;
  gint64 id, doomed;

  created = anju_test_request (srv, author, "POST", "/api/v1/feedback",
                               "{\"type\":\"technical\",\"title\":\"上传附件偶尔失败\","
                               "\"content\":\"上传较大的PDF时提示失败\"}",
                               &status);
  anju_assert_status (status, SOUP_STATUS_CREATED, created);
  id = anju_test_json_int (created, "id");
  g_assert_cmpstr (anju_test_json_string (created, "type"), ==, "technical");
  g_assert_cmpstr (anju_test_json_string (created, "status"), ==, "open");
  g_assert_cmpstr (anju_test_json_string (created, "author.name"), ==, "李娜");
  g_assert_cmpstr (anju_test_json_string (created, "organisation.name"), ==, "银盆岭街道");
  g_assert_true (anju_test_json_is_null (created, "reply"));
  g_assert_true (anju_test_json_is_null (created, "replied_by"));
  g_assert_true (anju_test_json_is_null (created, "replied_at"));
  g_assert_cmpint (anju_test_audit_count (srv, "feedback.create", id), ==, 1);

  edited = anju_test_item_request (srv, author, "PATCH", FEEDBACK_LIST, id, NULL,
                                   "{\"type\":\"function\",\"content\":\"希望支持50MB以上的PDF\"}", &status);
  anju_assert_status (status, SOUP_STATUS_OK, edited);
  g_assert_cmpstr (anju_test_json_string (edited, "type"), ==, "function");
  g_assert_cmpstr (anju_test_json_string (edited, "title"), ==, "上传附件偶尔失败");
  g_assert_cmpstr (anju_test_json_string (edited, "content"), ==, "希望支持50MB以上的PDF");
  g_assert_cmpint (anju_test_audit_count (srv, "feedback.update", id), ==, 1);

  bad_type = anju_test_request (srv, author, "POST", "/api/v1/feedback",
                                "{\"type\":\"praise\",\"title\":\"好\",\"content\":\"好\"}", &status);
  anju_assert_error (status, bad_type, 422, "validation_failed");
  g_assert_true (anju_test_json_has (bad_type, "error.fields.type"));
  blank = anju_test_item_request (srv, author, "PATCH", FEEDBACK_LIST, id, NULL, "{\"title\":\" \"}", &status);
  anju_assert_error (status, blank, 422, "validation_failed");
  g_assert_true (anju_test_json_has (blank, "error.fields.title"));

  doomed = submit_ok (srv, author, "重复提交");
  gone = anju_test_item_request (srv, author, "DELETE", FEEDBACK_LIST, doomed, NULL, NULL, &status);
  g_assert_cmpuint (status, ==, SOUP_STATUS_NO_CONTENT);
  g_clear_pointer (&gone, json_node_unref);
  gone = anju_test_item_request (srv, author, "GET", FEEDBACK_LIST, doomed, NULL, NULL, &status);
  anju_assert_error (status, gone, 404, "not_found");
  g_assert_cmpint (anju_test_audit_count (srv, "feedback.delete", doomed), ==, 1);
}

/* Feedback is its author's; repliers see it too; nobody else does. */
static void
test_visibility (AnjuTestFixture *fixture,
                 gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *author = anju_test_login_demo (srv, "street_ypl");
  g_autofree char *other = anju_test_login_demo (srv, "street_wyh");
  g_autofree char *community = anju_test_login_demo (srv, "community_ypl");
  g_autofree char *center = anju_test_login_demo (srv, "center");
  g_autoptr(JsonNode) hidden = NULL;
  g_autoptr(JsonNode) meddling = NULL;
  g_autoptr(JsonNode) center_edit = NULL;
  g_autoptr(JsonNode) own = NULL;
  g_autoptr(JsonNode) bad_mine = NULL;
  guint status = 0;
  gint64 id = submit_ok (srv, author, "导出功能");
  gint64 center_own = submit_ok (srv, center, "中心自己的反馈");

  hidden = anju_test_item_request (srv, other, "GET", FEEDBACK_LIST, id, NULL, NULL, &status);
  anju_assert_error (status, hidden, 404, "not_found");
  g_assert_false (anju_test_list_has (srv, other, FEEDBACK_LIST, "", id));
  g_assert_false (anju_test_list_has (srv, community, FEEDBACK_LIST, "", id));

  meddling = anju_test_item_request (srv, other, "PATCH", FEEDBACK_LIST, id, NULL, "{\"title\":\"改\"}", &status);
  anju_assert_error (status, meddling, 404, "not_found");

  g_assert_true (anju_test_list_has (srv, center, FEEDBACK_LIST, "", id));
  g_assert_true (anju_test_list_has (srv, center, FEEDBACK_LIST, "mine=false", id));
  g_assert_false (anju_test_list_has (srv, center, FEEDBACK_LIST, "mine=true", id));
  g_assert_true (anju_test_list_has (srv, center, FEEDBACK_LIST, "mine=true", center_own));
  center_edit = anju_test_item_request (srv, center, "PATCH", FEEDBACK_LIST, id, NULL, "{\"title\":\"改\"}", &status);
  anju_assert_error (status, center_edit, 403, "forbidden");

  /* Without portal.feedback.reply a list holds one's own only: the demo
   * feedback of other users stays out. */
  own = anju_test_list_page (srv, author, FEEDBACK_LIST, "");
  g_assert_cmpint (anju_test_json_int (own, "total"), ==, 2);

  bad_mine = anju_test_request (srv, author, "GET", "/api/v1/feedback?mine=yes", NULL, &status);
  anju_assert_error (status, bad_mine, 422, "validation_failed");
  g_assert_true (anju_test_json_has (bad_mine, "error.fields.mine"));
}

/* Center staff reply once; the author sees it and is told; the feedback
 * is then closed to edits. */
static void
test_reply (AnjuTestFixture *fixture,
            gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  Recorder *recorder = listen (srv);
  g_autofree char *author = anju_test_login_demo (srv, "street_ypl");
  g_autofree char *center = anju_test_login_demo (srv, "center");
  g_autofree char *other = anju_test_login_demo (srv, "street_wyh");
  gint64 author_id = anju_test_find_user (srv, fixture->admin, "street_ypl");
  gint64 id = submit_ok (srv, author, "待办排序");
  g_autoptr(JsonNode) not_allowed = NULL;
  g_autoptr(JsonNode) blank = NULL;
  g_autoptr(JsonNode) replied = NULL;
  g_autoptr(JsonNode) seen = NULL;
  g_autoptr(JsonNode) twice = NULL;
  g_autoptr(JsonNode) late_edit = NULL;
  g_autoptr(JsonNode) late_delete = NULL;
  g_autoptr(JsonNode) events = NULL;
  g_autoptr(JsonNode) still_hidden = NULL;
  guint status = 0;

  not_allowed = anju_test_item_request (srv, author, "POST", FEEDBACK_LIST, id, "reply", "{\"reply\":\"自己答复\"}",
                                        &status);
  anju_assert_error (status, not_allowed, 403, "forbidden");
  blank = anju_test_item_request (srv, center, "POST", FEEDBACK_LIST, id, "reply", "{\"reply\":\"  \"}", &status);
  anju_assert_error (status, blank, 422, "validation_failed");
  g_assert_true (anju_test_json_has (blank, "error.fields.reply"));

  replied = anju_test_item_request (srv, center, "POST", FEEDBACK_LIST, id, "reply",
                                    "{\"reply\":\"已安排在下个版本支持按期限排序\"}", &status);
  anju_assert_status (status, SOUP_STATUS_OK, replied);
  g_assert_cmpstr (anju_test_json_string (replied, "status"), ==, "replied");
  g_assert_cmpstr (anju_test_json_string (replied, "reply"), ==, "已安排在下个版本支持按期限排序");
  g_assert_cmpstr (anju_test_json_string (replied, "replied_by.name"), ==, "周敏");
  g_assert_false (anju_test_json_is_null (replied, "replied_at"));
  g_assert_cmpint (anju_test_audit_count (srv, "feedback.reply", id), ==, 1);

  seen = anju_test_item_request (srv, author, "GET", FEEDBACK_LIST, id, NULL, NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, seen);
  g_assert_cmpstr (anju_test_json_string (seen, "reply"), ==, "已安排在下个版本支持按期限排序");
  g_assert_true (anju_test_list_has (srv, author, FEEDBACK_LIST, "status=replied", id));
  g_assert_false (anju_test_list_has (srv, author, FEEDBACK_LIST, "status=open", id));

  still_hidden = anju_test_item_request (srv, other, "GET", FEEDBACK_LIST, id, NULL, NULL, &status);
  anju_assert_error (status, still_hidden, 404, "not_found");

  events = recorded (recorder);
  g_assert_cmpuint (anju_test_json_length (events, ""), ==, 1);
  g_assert_cmpstr (anju_test_json_string (events, "0.type"), ==, "feedback.replied");
  g_assert_cmpuint (anju_test_json_length (events, "0.user_ids"), ==, 1);
  g_assert_cmpint (anju_test_json_int (events, "0.user_ids.0"), ==, author_id);
  g_assert_cmpstr (anju_test_json_string (events, "0.variables.title"), ==, "待办排序");
  g_assert_cmpstr (anju_test_json_string (events, "0.variables.reply"), ==,
                   "已安排在下个版本支持按期限排序");
  g_assert_cmpstr (anju_test_json_string (events, "0.link_domain"), ==, "portal.feedback");
  g_assert_cmpint (anju_test_json_int (events, "0.link_record_id"), ==, id);

  twice = anju_test_item_request (srv, center, "POST", FEEDBACK_LIST, id, "reply", "{\"reply\":\"再答复\"}", &status);
  anju_assert_error (status, twice, 409, "conflict");
  late_edit = anju_test_item_request (srv, author, "PATCH", FEEDBACK_LIST, id, NULL, "{\"title\":\"改\"}", &status);
  anju_assert_error (status, late_edit, 409, "conflict");
  late_delete = anju_test_item_request (srv, author, "DELETE", FEEDBACK_LIST, id, NULL, NULL, &status);
  anju_assert_error (status, late_delete, 409, "conflict");
}

/* The event goes out in the reply's transaction: when the listener
 * fails, the reply is not made either. */
static void
test_reply_rolled_back (AnjuTestFixture *fixture,
                        gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  Recorder *recorder = listen (srv);
  g_autofree char *author = anju_test_login_demo (srv, "street_ypl");
  g_autofree char *center = anju_test_login_demo (srv, "center");
  gint64 id = submit_ok (srv, author, "回滚");
  g_autofree char *before = anju_test_db_dump (srv, "feedback");
  g_autofree char *after = NULL;
  g_autoptr(JsonNode) failed = NULL;
  g_autoptr(JsonNode) retried = NULL;
  g_autoptr(JsonNode) events = NULL;
  guint status = 0;

  fail_next_emit (recorder);
  failed = anju_test_item_request (srv, center, "POST", FEEDBACK_LIST, id, "reply", "{\"reply\":\"答复\"}", &status);
  anju_assert_error (status, failed, 503, "unavailable");
  after = anju_test_db_dump (srv, "feedback");
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (anju_test_audit_count (srv, "feedback.reply", id), ==, 0);

  retried = anju_test_item_request (srv, center, "POST", FEEDBACK_LIST, id, "reply", "{\"reply\":\"答复\"}", &status);
  anju_assert_status (status, SOUP_STATUS_OK, retried);
  events = recorded (recorder);
  g_assert_cmpuint (anju_test_json_length (events, ""), ==, 1);
}

/* The demo's two feedback items, one answered, as center staff see them. */
static void
test_demo_and_filters (AnjuTestFixture *fixture,
                       gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *center = anju_test_login_demo (srv, "center");
  g_autofree char *community = anju_test_login_demo (srv, "community_ypl");
  g_autoptr(JsonNode) all = anju_test_list_page (srv, center, FEEDBACK_LIST, "");
  g_autoptr(JsonNode) replied = anju_test_list_page (srv, center, FEEDBACK_LIST, "status=replied");
  g_autoptr(JsonNode) services = anju_test_list_page (srv, center, FEEDBACK_LIST, "type=service");
  g_autoptr(JsonNode) own = anju_test_list_page (srv, community, FEEDBACK_LIST, "");
  g_autoptr(JsonNode) bad = NULL;
  guint status = 0;

  g_assert_cmpint (anju_test_json_int (all, "total"), ==, 2);
  g_assert_cmpint (anju_test_json_int (replied, "total"), ==, 1);
  g_assert_cmpstr (anju_test_json_string (replied, "items.0.replied_by.name"), ==, "周敏");
  g_assert_cmpint (anju_test_json_int (services, "total"), ==, 1);
  g_assert_cmpint (anju_test_json_int (own, "total"), ==, 1);
  g_assert_false (anju_test_json_is_null (own, "items.0.reply"));

  bad = anju_test_request (srv, center, "GET", "/api/v1/feedback?status=closed", NULL, &status);
  anju_assert_error (status, bad, 422, "validation_failed");
  g_assert_true (anju_test_json_has (bad, "error.fields.status"));
}

int
main (int    argc,
      char **argv)
{
  anju_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, AnjuTestFixture, NULL, anju_test_fixture_set_up, func, \
              anju_test_fixture_tear_down)
  ADD ("/feedback/submit-edit-delete", test_submit_edit_delete);
  ADD ("/feedback/visibility", test_visibility);
  ADD ("/feedback/reply", test_reply);
  ADD ("/feedback/reply-rolled-back", test_reply_rolled_back);
  ADD ("/feedback/demo-and-filters", test_demo_and_filters);
#undef ADD

  return g_test_run ();
}
