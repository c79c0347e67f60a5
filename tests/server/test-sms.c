/* test-sms.c: text messages through the SMS gateway adapter, against the
 * in-process fake gateway (tests/support/anju-fake-sms.h): the template
 * filled, signature and basic auth, retries with backoff on the server's
 * clock, failure kept and resent, no gateway, the daily cap, quiet hours,
 * and a password that outlives its sending nowhere.  Message center
 * configuration, F-SUPPORT-004. */

#include <string.h>

#include "anju-event-bus.h"
#include "anju-fake-sms.h"
#include "anju-test-identity.h"

#define SHANGHAI_OFFSET (8 * 3600)
#define DAY (24 * 3600)
#define WAIT_SECONDS 60

typedef struct
{
  AnjuFakeSms *fake;          /* (nullable) no gateway, unless url */
  guint        max_attempts;
  guint        daily_cap;
  const char  *url;           /* (nullable) a gateway of the test's own */
} SmsSetup;

typedef struct
{
  AnjuTestServer *srv;
  AnjuFakeSms    *fake;
  char           *admin;
} SmsFixture;

static void
edit_config (AnjuConfig *config,
             gpointer    data)
{
  const SmsSetup *setup = data;

  if (setup->fake != NULL)
    anju_fake_sms_configure (setup->fake, config);
  if (setup->url != NULL)
    {
      g_free (config->sms_gateway_url);
      config->sms_gateway_url = g_strdup (setup->url);
    }
  config->sms_dispatch_interval_seconds = 1;
  config->sms_retry_base_seconds = 30;
  if (setup->max_attempts != 0)
    config->sms_max_attempts = setup->max_attempts;
  if (setup->daily_cap != 0)
    config->sms_daily_cap = setup->daily_cap;
}

static void
fixture_start (SmsFixture *fixture,
               gboolean    with_gateway,
               guint       fail_first,
               guint       max_attempts,
               guint       daily_cap)
{
  SmsSetup setup = { NULL, max_attempts, daily_cap, NULL };

  if (with_gateway)
    fixture->fake = setup.fake = anju_fake_sms_start (fail_first);
  fixture->srv = anju_test_server_start_with (TRUE, edit_config, &setup);
  fixture->admin = anju_test_login (fixture->srv, "admin", ANJU_TEST_DEMO_PASSWORD);
}

static void
fixture_stop (SmsFixture *fixture)
{
  g_clear_pointer (&fixture->admin, g_free);
  /* The server first: its requests in flight end before the gateway. */
  g_clear_pointer (&fixture->srv, anju_test_server_stop);
  g_clear_pointer (&fixture->fake, anju_fake_sms_stop);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SmsFixture, fixture_stop)

static char *
id_text (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

/* A manual message with a text to the users and organisations given. */
static JsonNode *
send_with_sms (SmsFixture *fixture,
               const char *title,
               const char *user_ids,
               const char *org_ids)
{
  JsonNode *reply;
  guint status = 0;

  reply = anju_test_requestf (fixture->srv, fixture->admin, "POST", "/api/v1/messages", &status,
                              "{\"title\":\"%s\",\"body\":\"请于今日17点前到街道领取材料\","
                              "\"user_ids\":[%s],\"org_ids\":[%s],\"sms\":true}",
                              title, user_ids, org_ids);
  anju_assert_status (status, SOUP_STATUS_CREATED, reply);
  return reply;
}

static char *
user_ids_of (SmsFixture *fixture,
             const char *username)
{
  return id_text (anju_test_find_user (fixture->srv, fixture->admin, username));
}

/* Waits until sql (one value) reads expected: the server answers the
 * gateway asynchronously, after the gateway has recorded the request. */
static void
wait_for_db (SmsFixture *fixture,
             const char *sql,
             const char *expected)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;
  g_autofree char *value = NULL;

  while (TRUE)
    {
      g_free (value);
      value = anju_test_db_query (fixture->srv, sql);
      if (g_strcmp0 (value, expected) == 0)
        return;
      if (g_get_monotonic_time () > deadline)
        g_error ("%s reads %s, expected %s", sql, value, expected);
      g_usleep (20 * 1000);
    }
}

static char *
sms_state_sql (gint64 id)
{
  return g_strdup_printf ("SELECT status || ':' || attempts FROM sms_outbox WHERE id = %"
                          G_GINT64_FORMAT, id);
}

static gint64
db_int (SmsFixture *fixture,
        const char *sql)
{
  g_autofree char *value = anju_test_db_query (fixture->srv, sql);

  g_assert_nonnull (value);
  return g_ascii_strtoll (value, NULL, 10);
}

static gint64
only_sms_id (SmsFixture *fixture)
{
  g_assert_cmpint (db_int (fixture, "SELECT COUNT(*) FROM sms_outbox"), ==, 1);
  return db_int (fixture, "SELECT id FROM sms_outbox");
}

static JsonNode *
sms_log (SmsFixture *fixture,
         const char *token,
         const char *query)
{
  g_autofree char *path = g_strconcat ("/api/v1/sms", query, NULL);
  JsonNode *reply;
  guint status = 0;

  reply = anju_test_request (fixture->srv, token, "GET", path, NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, reply);
  anju_test_assert_page (reply);
  return reply;
}

static JsonNode *
sms_status (SmsFixture *fixture)
{
  JsonNode *reply;
  guint status = 0;

  reply = anju_test_request (fixture->srv, fixture->admin, "GET", "/api/v1/sms/status", NULL,
                             &status);
  anju_assert_status (status, SOUP_STATUS_OK, reply);
  return reply;
}

static JsonNode *
resend (SmsFixture *fixture,
        gint64      id,
        guint      *out_status)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/sms/%" G_GINT64_FORMAT "/resend", id);

  return anju_test_request (fixture->srv, fixture->admin, "POST", path, NULL, out_status);
}

static void
advance_seconds (SmsFixture *fixture,
                 gint64      seconds)
{
  anju_clock_advance (fixture->srv->clock, seconds * G_USEC_PER_SEC);
}

/* A text with the template filled reaches the gateway with the configured
 * signature and credentials; the log shows it sent. */
static void
test_sent (void)
{
  g_auto(SmsFixture) fixture = { 0, };
  static const char * const manage_only[] = { "support.message.manage", NULL };
  g_autofree char *center = NULL;
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(JsonNode) record = NULL;
  g_autoptr(JsonNode) log = NULL;
  g_autoptr(JsonNode) masked = NULL;
  g_autoptr(JsonNode) status = NULL;
  g_autofree char *sent = NULL;
  g_autofree char *manager = NULL;
  gint64 id, role;

  fixture_start (&fixture, TRUE, 0, 0, 0);
  center = user_ids_of (&fixture, "center");
  reply = send_with_sms (&fixture, "材料领取", center, "");
  g_assert_cmpint (anju_test_json_int (reply, "recipients"), ==, 1);
  g_assert_cmpint (anju_test_json_int (reply, "sms_queued"), ==, 1);

  anju_fake_sms_wait_for (fixture.fake, 1);
  record = anju_fake_sms_get (fixture.fake, 0);
  id = only_sms_id (&fixture);
  g_assert_cmpint (anju_test_json_int (record, "status"), ==, 200);
  g_assert_cmpstr (anju_test_json_string (record, "account"), ==, ANJU_FAKE_SMS_ACCOUNT);
  g_assert_cmpstr (anju_test_json_string (record, "sign"), ==, "【湘江安居】");
  g_assert_cmpstr (anju_test_json_string (record, "phone"), ==, "13807310002");
  g_assert_cmpstr (anju_test_json_string (record, "text"), ==,
                   "材料领取：请于今日17点前到街道领取材料");
  g_assert_cmpint (anju_test_json_int (record, "id"), ==, id);

  sent = sms_state_sql (id);
  wait_for_db (&fixture, sent, "sent:1");
  log = sms_log (&fixture, fixture.admin, "?status=sent");
  g_assert_cmpint (anju_test_json_int (log, "total"), ==, 1);
  g_assert_cmpstr (anju_test_json_string (log, "items.0.phone"), ==, "13807310002");
  g_assert_cmpstr (anju_test_json_string (log, "items.0.provider_id"), ==, "fake-1");
  g_assert_cmpstr (anju_test_json_string (log, "items.0.event"), ==, "message.manual");
  g_assert_false (anju_test_json_is_null (log, "items.0.sent_at"));

  /* Without portal.user.pii the phone is masked, in answers and search. */
  role = anju_test_create_role (fixture.srv, fixture.admin, "短信管理员", manage_only);
  manager = anju_test_make_ready_user (fixture.srv, fixture.admin, "sms_manager",
                                       anju_test_center_id (fixture.srv, fixture.admin), role,
                                       "Ready#2026pw");
  masked = sms_log (&fixture, manager, "?q=0002");
  g_assert_cmpint (anju_test_json_int (masked, "total"), ==, 1);
  g_assert_cmpstr (anju_test_json_string (masked, "items.0.phone"), ==, "138****0002");
  {
    g_autoptr(JsonNode) hidden = sms_log (&fixture, manager, "?q=0731");

    g_assert_cmpint (anju_test_json_int (hidden, "total"), ==, 0);
  }

  status = sms_status (&fixture);
  g_assert_true (anju_test_json_bool (status, "enabled"));
  g_assert_true (anju_test_json_is_null (status, "reason"));
  g_assert_cmpint (anju_test_json_int (status, "sent_today"), ==, 1);
  g_assert_cmpint (anju_test_json_int (status, "pending"), ==, 0);
}

/* The gateway is down: retried with doubling backoff on the server's
 * clock, failed after max_attempts with the reason, kept, and resent. */
static void
test_retry_then_failed (void)
{
  g_auto(SmsFixture) fixture = { 0, };
  g_autofree char *center = NULL;
  g_autofree char *state = NULL;
  g_autofree char *next_sql = NULL;
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(JsonNode) failed = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(JsonNode) not_again = NULL;
  g_autoptr(JsonNode) last = NULL;
  gint64 id, next, now;
  guint status = 0;

  fixture_start (&fixture, TRUE, 3, 3, 0);
  center = user_ids_of (&fixture, "center");
  reply = send_with_sms (&fixture, "复核通知", center, "");

  anju_fake_sms_wait_for (fixture.fake, 1);
  id = only_sms_id (&fixture);
  state = sms_state_sql (id);
  next_sql = g_strdup_printf ("SELECT next_attempt_at FROM sms_outbox WHERE id = %"
                              G_GINT64_FORMAT, id);
  wait_for_db (&fixture, state, "pending:1");
  now = anju_clock_now_secs (fixture.srv->clock);
  next = db_int (&fixture, next_sql);
  g_assert_cmpint (next - now, >, 0);
  g_assert_cmpint (next - now, <=, 30);

  /* Not before its time: a retry waits for the clock, not for a sleep. */
  advance_seconds (&fixture, next - now);
  anju_fake_sms_wait_for (fixture.fake, 2);
  wait_for_db (&fixture, state, "pending:2");
  now = anju_clock_now_secs (fixture.srv->clock);
  next = db_int (&fixture, next_sql);
  /* Doubled: more than the base of 30 s away. */
  g_assert_cmpint (next - now, >, 30);
  g_assert_cmpint (next - now, <=, 60);

  advance_seconds (&fixture, next - now);
  anju_fake_sms_wait_for (fixture.fake, 3);
  wait_for_db (&fixture, state, "failed:3");

  failed = sms_log (&fixture, fixture.admin, "?status=failed");
  g_assert_cmpint (anju_test_json_int (failed, "total"), ==, 1);
  g_assert_nonnull (strstr (anju_test_json_string (failed, "items.0.last_error"), "503"));
  g_assert_cmpint (anju_test_json_int (failed, "items.0.attempts"), ==, 3);
  g_assert_true (anju_test_json_is_null (failed, "items.0.next_attempt_at"));
  g_assert_cmpstr (anju_test_json_string (failed, "items.0.text"), ==,
                   "复核通知：请于今日17点前到街道领取材料");
  {
    g_autoptr(JsonNode) counts = sms_status (&fixture);

    g_assert_cmpint (anju_test_json_int (counts, "failed"), ==, 1);
  }

  again = resend (&fixture, id, &status);
  anju_assert_status (status, SOUP_STATUS_OK, again);
  g_assert_cmpstr (anju_test_json_string (again, "status"), ==, "pending");
  g_assert_cmpint (anju_test_json_int (again, "attempts"), ==, 0);
  anju_fake_sms_wait_for (fixture.fake, 4);
  wait_for_db (&fixture, state, "sent:1");
  last = anju_fake_sms_get (fixture.fake, 3);
  g_assert_cmpint (anju_test_json_int (last, "status"), ==, 200);

  not_again = resend (&fixture, id, &status);
  anju_assert_error (status, not_again, 409, "conflict");
  g_assert_cmpint (db_int (&fixture, "SELECT COUNT(*) FROM audit_log WHERE action = 'sms.resend'"),
                   ==, 1);
}

/* No gateway configured: SMS says it is disabled, and every text is kept
 * as disabled with the reason. */
static void
test_disabled (void)
{
  g_auto(SmsFixture) fixture = { 0, };
  g_autofree char *center = NULL;
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(JsonNode) status = NULL;
  g_autoptr(JsonNode) log = NULL;
  g_autoptr(JsonNode) refused = NULL;
  guint code = 0;

  fixture_start (&fixture, FALSE, 0, 0, 0);
  center = user_ids_of (&fixture, "center");
  reply = send_with_sms (&fixture, "无网关", center, "");
  g_assert_cmpint (anju_test_json_int (reply, "recipients"), ==, 1);
  g_assert_cmpint (anju_test_json_int (reply, "sms_queued"), ==, 0);

  status = sms_status (&fixture);
  g_assert_false (anju_test_json_bool (status, "enabled"));
  g_assert_cmpstr (anju_test_json_string (status, "reason"), ==, "No SMS gateway is configured");

  log = sms_log (&fixture, fixture.admin, "");
  g_assert_cmpint (anju_test_json_int (log, "total"), ==, 1);
  g_assert_cmpstr (anju_test_json_string (log, "items.0.status"), ==, "disabled");
  g_assert_cmpstr (anju_test_json_string (log, "items.0.last_error"), ==,
                   "No SMS gateway is configured");
  g_assert_cmpstr (anju_test_json_string (log, "items.0.text"), ==,
                   "无网关：请于今日17点前到街道领取材料");

  refused = resend (&fixture, anju_test_json_int (log, "items.0.id"), &code);
  anju_assert_error (code, refused, 409, "conflict");
}

/* Past the daily cap texts are deferred to the next Shanghai day. */
static void
test_daily_cap (void)
{
  g_auto(SmsFixture) fixture = { 0, };
  g_autofree char *ypl = NULL;
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(JsonNode) deferred = NULL;
  g_autoptr(JsonNode) status = NULL;
  gint64 now, next_day;

  fixture_start (&fixture, TRUE, 0, 0, 1);
  ypl = id_text (anju_test_find_org (fixture.srv, fixture.admin, "银盆岭街道"));
  /* street_ypl and terminal01: two texts, a cap of one. */
  reply = send_with_sms (&fixture, "封顶", "", ypl);
  g_assert_cmpint (anju_test_json_int (reply, "sms_queued"), ==, 2);

  anju_fake_sms_wait_for (fixture.fake, 1);
  wait_for_db (&fixture, "SELECT group_concat (status) FROM"
                         " (SELECT status FROM sms_outbox ORDER BY id)", "sent,deferred");
  now = anju_clock_now_secs (fixture.srv->clock);
  next_day = now - (now + SHANGHAI_OFFSET) % DAY + DAY;
  deferred = sms_log (&fixture, fixture.admin, "?status=deferred");
  g_assert_cmpint (anju_test_json_int (deferred, "total"), ==, 1);
  {
    g_autofree char *expected = NULL;
    g_autoptr(GDateTime) at = g_date_time_new_from_unix_utc (next_day);
    g_autoptr(GTimeZone) shanghai = g_time_zone_new_offset (SHANGHAI_OFFSET);
    g_autoptr(GDateTime) local = g_date_time_to_timezone (at, shanghai);

    expected = g_date_time_format (local, "%Y-%m-%dT%H:%M:%S+08:00");
    g_assert_cmpstr (anju_test_json_string (deferred, "items.0.next_attempt_at"), ==, expected);
  }
  status = sms_status (&fixture);
  g_assert_cmpint (anju_test_json_int (status, "sent_today"), ==, 1);
  g_assert_cmpint (anju_test_json_int (status, "daily_cap"), ==, 1);

  /* The next day it goes. */
  advance_seconds (&fixture, next_day - now);
  anju_fake_sms_wait_for (fixture.fake, 2);
  wait_for_db (&fixture, "SELECT group_concat (status) FROM"
                         " (SELECT status FROM sms_outbox ORDER BY id)", "sent,sent");
}

/* A text due in its event's quiet hours waits until they end. */
static void
test_quiet_hours (void)
{
  g_auto(SmsFixture) fixture = { 0, };
  g_autofree char *center = NULL;
  g_autofree char *body = NULL;
  g_autofree char *state = NULL;
  g_autoptr(JsonNode) strategy = NULL;
  g_autoptr(JsonNode) reply = NULL;
  gint64 now, into_day, quiet_end, id;
  int minute, start_minute, end_minute;
  guint status = 0;

  fixture_start (&fixture, TRUE, 0, 0, 0);
  center = user_ids_of (&fixture, "center");

  /* Quiet from an hour ago until an hour from now, Shanghai time. */
  now = anju_clock_now_secs (fixture.srv->clock);
  into_day = (now + SHANGHAI_OFFSET) % DAY;
  minute = (int) (into_day / 60);
  start_minute = (minute + 24 * 60 - 60) % (24 * 60);
  end_minute = (minute + 60) % (24 * 60);
  quiet_end = now - into_day + (gint64) end_minute * 60 + (end_minute < minute ? DAY : 0);
  body = g_strdup_printf ("{\"quiet_start\":\"%02d:%02d\",\"quiet_end\":\"%02d:%02d\"}",
                          start_minute / 60, start_minute % 60, end_minute / 60, end_minute % 60);
  strategy = anju_test_request (fixture.srv, fixture.admin, "PATCH",
                                "/api/v1/push-strategies/message.manual", body, &status);
  anju_assert_status (status, SOUP_STATUS_OK, strategy);

  reply = send_with_sms (&fixture, "夜间静默", center, "");
  id = only_sms_id (&fixture);
  state = sms_state_sql (id);
  {
    g_autofree char *waiting = anju_test_db_query (fixture.srv, state);

    g_assert_cmpstr (waiting, ==, "pending:0");
  }
  g_assert_cmpint (db_int (&fixture, "SELECT next_attempt_at FROM sms_outbox"), ==, quiet_end);

  advance_seconds (&fixture, quiet_end - now + 60);
  anju_fake_sms_wait_for (fixture.fake, 1);
  wait_for_db (&fixture, state, "sent:1");
  g_assert_cmpuint (anju_fake_sms_count (fixture.fake), ==, 1);
}

typedef struct
{
  AnjuTestServer *srv;
  gint64          user_id;
  GMutex          lock;
  GCond           cond;
  gboolean        done;
  GError         *error;
} PasswordEmit;

/* As the users module will when it makes an account: inside a write
 * transaction on the server's own thread. */
static gboolean
emit_initial_password_cb (gpointer data)
{
  PasswordEmit *emit = data;
  AnjuServer *server = emit->srv->server;
  AnjuDb *db = anju_server_get_db (server);
  g_autoptr(JsonObject) variables = json_object_new ();
  GError *error = NULL;
  AnjuEvent event = {
    .type = "account.initial_password",
    .db = db,
    .at = anju_clock_now_secs (anju_server_get_clock (server)),
    .variables = variables,
    .user_ids = &emit->user_id,
    .n_user_ids = 1,
  };

  json_object_set_string_member (variables, "name", "新用户");
  json_object_set_string_member (variables, "username", "newbie");
  json_object_set_string_member (variables, "password", "Init#Pw-7319");
  if (anju_db_begin (db, &error))
    {
      if (anju_event_bus_emit (anju_server_get_event_bus (server), &event, &error))
        anju_db_commit (db, &error);
      else
        anju_db_rollback (db);
    }

  g_mutex_lock (&emit->lock);
  emit->error = error;
  emit->done = TRUE;
  g_cond_signal (&emit->cond);
  g_mutex_unlock (&emit->lock);
  return G_SOURCE_REMOVE;
}

static void
emit_initial_password (SmsFixture *fixture,
                       gint64      user_id)
{
  PasswordEmit emit = { fixture->srv, user_id };

  g_mutex_init (&emit.lock);
  g_cond_init (&emit.cond);
  g_main_context_invoke (fixture->srv->context, emit_initial_password_cb, &emit);
  g_mutex_lock (&emit.lock);
  while (!emit.done)
    g_cond_wait (&emit.cond, &emit.lock);
  g_mutex_unlock (&emit.lock);
  g_mutex_clear (&emit.lock);
  g_cond_clear (&emit.cond);
  g_assert_no_error (emit.error);
}

static gint64
count_password_anywhere (SmsFixture *fixture)
{
  return db_int (fixture, "SELECT (SELECT COUNT(*) FROM sms_outbox WHERE text LIKE '%Init#Pw%')"
                          " + (SELECT COUNT(*) FROM messages WHERE body LIKE '%Init#Pw%'"
                          "    OR title LIKE '%Init#Pw%')"
                          " + (SELECT COUNT(*) FROM audit_log WHERE after_json LIKE '%Init#Pw%'"
                          "    OR before_json LIKE '%Init#Pw%')");
}

/* account.initial_password: SMS only, and the password is gone from the
 * database once the text has left (or could not be sent). */
static void
test_initial_password (void)
{
  g_auto(SmsFixture) fixture = { 0, };
  g_auto(SmsFixture) no_gateway = { 0, };
  g_autoptr(JsonNode) record = NULL;
  g_autoptr(JsonNode) log = NULL;
  g_autoptr(JsonNode) refused = NULL;
  g_autofree char *state = NULL;
  gint64 role, user, id;
  guint status = 0;

  fixture_start (&fixture, TRUE, 0, 0, 0);
  role = anju_test_find_role (fixture.srv, fixture.admin, "street_staff");
  user = anju_test_create_user (fixture.srv, fixture.admin, "newbie",
                                anju_test_find_org (fixture.srv, fixture.admin, "银盆岭街道"),
                                role, "First#2026pw");
  emit_initial_password (&fixture, user);

  anju_fake_sms_wait_for (fixture.fake, 1);
  record = anju_fake_sms_get (fixture.fake, 0);
  g_assert_cmpstr (anju_test_json_string (record, "phone"), ==, "13912345678");
  g_assert_nonnull (strstr (anju_test_json_string (record, "text"), "初始密码Init#Pw-7319"));
  id = only_sms_id (&fixture);
  state = sms_state_sql (id);
  wait_for_db (&fixture, state, "sent:1");
  g_assert_cmpint (count_password_anywhere (&fixture), ==, 0);
  g_assert_cmpint (db_int (&fixture, "SELECT COUNT(*) FROM messages"), ==, 0);
  log = sms_log (&fixture, fixture.admin, "");
  g_assert_cmpstr (anju_test_json_string (log, "items.0.text"), ==, "***");

  /* Without a gateway the row is final at once: no password waits. */
  fixture_start (&no_gateway, FALSE, 0, 0, 0);
  user = anju_test_create_user (no_gateway.srv, no_gateway.admin, "newbie",
                                anju_test_find_org (no_gateway.srv, no_gateway.admin, "银盆岭街道"),
                                role, "First#2026pw");
  emit_initial_password (&no_gateway, user);
  g_assert_cmpint (db_int (&no_gateway, "SELECT COUNT(*) FROM sms_outbox"
                                        " WHERE status = 'disabled'"), ==, 1);
  g_assert_cmpint (count_password_anywhere (&no_gateway), ==, 0);
  refused = resend (&no_gateway, db_int (&no_gateway, "SELECT id FROM sms_outbox"), &status);
  anju_assert_error (status, refused, 409, "conflict");
}

/* A server stopping while a request to the gateway is unanswered cancels
 * it and leaves nothing behind (the sanitizer build checks for leaks);
 * the row stays sending, to be picked up again at the next start. */
static void
test_shutdown_in_flight (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(JsonNode) reply = NULL;
  g_autofree char *url = NULL;
  g_autofree char *center = NULL;
  g_autofree char *state = NULL;
  SmsSetup setup = { NULL, 0, 0, NULL };
  SmsFixture fixture = { 0, };

  /* Listens but never accepts: the request is sent and never answered. */
  g_socket_listener_add_address (listener, address, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                                 NULL, &bound, &error);
  g_assert_no_error (error);
  url = g_strdup_printf ("http://127.0.0.1:%u/sms",
                         g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  setup.url = url;
  fixture.srv = anju_test_server_start_with (TRUE, edit_config, &setup);
  fixture.admin = anju_test_login (fixture.srv, "admin", ANJU_TEST_DEMO_PASSWORD);

  center = user_ids_of (&fixture, "center");
  reply = send_with_sms (&fixture, "无人应答", center, "");
  state = sms_state_sql (only_sms_id (&fixture));
  wait_for_db (&fixture, state, "sending:1");

  fixture_stop (&fixture);
  g_socket_listener_close (listener);
}

static JsonNode *
inbox_of (SmsFixture *fixture,
          const char *username)
{
  g_autofree char *token = anju_test_login (fixture->srv, username, ANJU_TEST_DEMO_PASSWORD);
  JsonNode *reply;
  guint status = 0;

  reply = anju_test_request (fixture->srv, token, "GET", "/api/v1/messages", NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, reply);
  return reply;
}

/* Every text the gateway got for phone, as one string. */
static char *
texts_to (SmsFixture *fixture,
          const char *phone)
{
  GString *texts = g_string_new (NULL);

  for (guint i = 0; i < anju_fake_sms_count (fixture->fake); i++)
    {
      g_autoptr(JsonNode) record = anju_fake_sms_get (fixture->fake, i);

      if (g_strcmp0 (anju_test_json_string (record, "phone"), phone) == 0)
        g_string_append_printf (texts, "%s\n", anju_test_json_string (record, "text"));
    }
  return g_string_free (texts, FALSE);
}

/* F-PORTAL-006, F-SUPPORT-004: a new task tells whoever may act on it, in
 * the inbox (with the link to the record) and by SMS, and nobody else;
 * the next step's assignees hear of it when it is their turn. */
static void
test_fan_out_on_assignment (void)
{
  g_auto(SmsFixture) fixture = { 0, };
  g_autoptr(JsonNode) started = NULL;
  g_autoptr(JsonNode) worker_box = NULL;
  g_autoptr(JsonNode) street_box = NULL;
  g_autoptr(JsonNode) approved = NULL;
  g_autoptr(JsonNode) street_after = NULL;
  g_autofree char *worker_texts = NULL;
  g_autofree char *street_texts = NULL;
  g_autofree char *center = NULL;
  g_autofree char *worker = NULL;
  g_autofree char *action_path = NULL;
  gint64 community, instance;
  guint status = 0;

  fixture_start (&fixture, TRUE, 0, 0, 0);
  center = anju_test_login (fixture.srv, "center", ANJU_TEST_DEMO_PASSWORD);
  community = anju_test_find_org (fixture.srv, fixture.admin, "银盆岭社区");
  started = anju_test_requestf (fixture.srv, center, "POST", "/api/v1/workflow/instances", &status,
                                "{\"template\":\"pubrent.application.review\","
                                "\"record_id\":9001,\"record_label\":\"张三的公租房申请\","
                                "\"org_id\":%" G_GINT64_FORMAT ",\"fields\":{}}", community);
  anju_assert_status (status, SOUP_STATUS_CREATED, started);
  instance = anju_test_json_int (started, "id");

  /* 街道审核 (version 2 since issue 4): the street staff of 银盆岭街道
   * (李娜), and not the community worker of the record's community. */
  street_box = inbox_of (&fixture, "street_ypl");
  g_assert_cmpint (anju_test_json_int (street_box, "total"), ==, 1);
  g_assert_cmpstr (anju_test_json_string (street_box, "items.0.event"), ==,
                   "workflow.task.assigned");
  g_assert_cmpstr (anju_test_json_string (street_box, "items.0.title"), ==, "待办：公租房申请审核");
  g_assert_nonnull (strstr (anju_test_json_string (street_box, "items.0.body"),
                            "「张三的公租房申请」已到“街道审核”环节"));
  g_assert_cmpstr (anju_test_json_string (street_box, "items.0.link.domain"), ==,
                   "pubrent.application");
  g_assert_cmpint (anju_test_json_int (street_box, "items.0.link.record_id"), ==, 9001);
  g_assert_cmpint (anju_test_json_int (street_box, "items.0.link.instance_id"), ==, instance);
  worker_box = inbox_of (&fixture, "community_ypl");
  g_assert_cmpint (anju_test_json_int (worker_box, "total"), ==, 0);

  anju_fake_sms_wait_for (fixture.fake, 1);
  street_texts = texts_to (&fixture, "13974810003");
  g_assert_nonnull (strstr (street_texts, "「张三的公租房申请」公租房申请审核已到“街道审核”环节"));
  g_assert_cmpuint (anju_fake_sms_count (fixture.fake), ==, 1);
  worker_texts = texts_to (&fixture, "15874310005");
  g_assert_cmpstr (worker_texts, ==, "");

  /* Reviewed: 街道公示 is the street's again, and its staff hear of it. */
  worker = anju_test_login (fixture.srv, "street_ypl", ANJU_TEST_DEMO_PASSWORD);
  action_path = g_strdup_printf ("/api/v1/workflow/instances/%" G_GINT64_FORMAT "/actions",
                                 instance);
  approved = anju_test_request (fixture.srv, worker, "POST", action_path,
                                "{\"action\":\"approve\",\"comment\":\"材料齐全\"}", &status);
  anju_assert_status (status, SOUP_STATUS_OK, approved);
  street_after = inbox_of (&fixture, "street_ypl");
  g_assert_cmpint (anju_test_json_int (street_after, "total"), ==, 2);
  g_assert_nonnull (strstr (anju_test_json_string (street_after, "items.0.body"), "街道公示"));
  anju_fake_sms_wait_for (fixture.fake, 2);
}

int
main (int    argc,
      char **argv)
{
  anju_test_init (&argc, &argv);

  g_test_add_func ("/sms/sent  F-SUPPORT-004", test_sent);
  g_test_add_func ("/sms/retry-then-failed  F-SUPPORT-004", test_retry_then_failed);
  g_test_add_func ("/sms/disabled  F-SUPPORT-004", test_disabled);
  g_test_add_func ("/sms/daily-cap  F-SUPPORT-004", test_daily_cap);
  g_test_add_func ("/sms/quiet-hours  F-SUPPORT-004", test_quiet_hours);
  g_test_add_func ("/sms/initial-password  F-SUPPORT-004", test_initial_password);
  g_test_add_func ("/sms/shutdown-in-flight  F-SUPPORT-004", test_shutdown_in_flight);
  g_test_add_func ("/messages/workflow/fan-out-on-assignment  F-PORTAL-006 F-SUPPORT-004",
                   test_fan_out_on_assignment);

  return g_test_run ();
}
