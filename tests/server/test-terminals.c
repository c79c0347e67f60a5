/* test-terminals.c: the street service terminals' back office over real
 * HTTPS: the registry with its history, service users and credentials
 * (F-TERM-001 终端注册管理), the home-screen layout (F-TERM-002 终端布局与
 * 业务配置), and heartbeats, the status board and the alerts the sweep
 * raises in the message center (F-TERM-003 外设状态监控).
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "anju-clock.h"
#include "anju-config.h"
#include "anju-content-test.h"
#include "anju-terminals.h"

#define TERMINALS "/api/v1/terminals"
#define WAIT_SECONDS 20

typedef struct
{
  AnjuTestServer *srv;
  char           *admin;
  char           *center;    /* center_staff: now keeps terminals too */
  gint64          ypl;       /* 银盆岭街道 */
  gint64          wyh;       /* 望月湖街道 */
} TerminalFixture;

static void
edit_config (AnjuConfig *config,
             gpointer    data)
{
  config->terminals_sweep_interval_seconds = 1;
}

static void
fixture_set_up (TerminalFixture *fixture,
                gconstpointer    data)
{
  fixture->srv = anju_test_server_start_with (TRUE, edit_config, NULL);
  fixture->admin = anju_test_login (fixture->srv, "admin", ANJU_TEST_DEMO_PASSWORD);
  fixture->center = anju_test_login_demo (fixture->srv, "center");
  fixture->ypl = anju_test_find_org (fixture->srv, fixture->admin, "银盆岭街道");
  fixture->wyh = anju_test_find_org (fixture->srv, fixture->admin, "望月湖街道");
}

static void
edit_config_by_one (AnjuConfig *config,
                    gpointer    data)
{
  config->terminals_sweep_interval_seconds = 1;
  config->sweep_batch_size = 1;
}

/* The same with one item a batch ([sweeps] batch_size=1). */
static void
fixture_set_up_by_one (TerminalFixture *fixture,
                       gconstpointer    data)
{
  fixture->srv = anju_test_server_start_with (TRUE, edit_config_by_one, NULL);
  fixture->admin = anju_test_login (fixture->srv, "admin", ANJU_TEST_DEMO_PASSWORD);
  fixture->center = anju_test_login_demo (fixture->srv, "center");
  fixture->ypl = anju_test_find_org (fixture->srv, fixture->admin, "银盆岭街道");
  fixture->wyh = anju_test_find_org (fixture->srv, fixture->admin, "望月湖街道");
}

static void
fixture_tear_down (TerminalFixture *fixture,
                   gconstpointer    data)
{
  g_clear_pointer (&fixture->admin, g_free);
  g_clear_pointer (&fixture->center, g_free);
  g_clear_pointer (&fixture->srv, anju_test_server_stop);
}

/* ---- helpers --------------------------------------------------------------- */

/* A request signed "Authorization: Terminal <sn>:<credential>". */
static GBytes *
terminal_request_raw (AnjuTestServer *srv,
                      const char     *sn,
                      const char     *credential,
                      const char     *method,
                      const char     *path,
                      const char     *body,
                      guint          *out_status,
                      char          **out_content_type)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SoupMessage) message = NULL;
  g_autofree char *uri = g_strconcat (srv->base_uri, path, NULL);
  g_autofree char *authorization = g_strdup_printf ("Terminal %s:%s", sn, credential);
  GBytes *reply;

  message = soup_message_new (method, uri);
  g_assert_nonnull (message);
  soup_message_headers_replace (soup_message_get_request_headers (message), "Authorization",
                                authorization);
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (message, "application/json", bytes);
    }
  reply = soup_session_send_and_read (srv->session, message, NULL, &error);
  g_assert_no_error (error);
  *out_status = soup_message_get_status (message);
  if (out_content_type != NULL)
    *out_content_type = g_strdup (soup_message_headers_get_content_type (
      soup_message_get_response_headers (message), NULL));
  return reply;
}

static JsonNode *
terminal_request (AnjuTestServer *srv,
                  const char     *sn,
                  const char     *credential,
                  const char     *method,
                  const char     *path,
                  const char     *body,
                  guint          *out_status)
{
  g_autoptr(GBytes) reply = terminal_request_raw (srv, sn, credential, method, path, body,
                                                  out_status, NULL);

  return anju_test_parse_json (reply);
}

static JsonNode *
create_terminal (TerminalFixture *fixture,
                 const char      *sn,
                 const char      *terminal_no,
                 gint64           org_id,
                 guint           *out_status)
{
  return anju_test_requestf (fixture->srv, fixture->admin, "POST", TERMINALS, out_status,
                             "{\"sn\":\"%s\",\"terminal_no\":\"%s\",\"name\":\"测试终端%s\","
                             "\"person_in_charge\":\"赵敏\",\"person_phone\":\"13812345678\","
                             "\"org_id\":%" G_GINT64_FORMAT ",\"location\":\"便民服务中心大厅\","
                             "\"network\":\"GOV-WIFI\",\"model\":\"AJ-K200\","
                             "\"peripherals\":{\"camera\":{\"enabled\":true,\"model\":\"C920\"},"
                             "\"printer\":{\"enabled\":true}}}",
                             sn, terminal_no, terminal_no, org_id);
}

static gint64
create_terminal_ok (TerminalFixture *fixture,
                    const char      *sn,
                    const char      *terminal_no)
{
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  reply = create_terminal (fixture, sn, terminal_no, fixture->ypl, &status);
  anju_assert_status (status, SOUP_STATUS_CREATED, reply);
  return anju_test_json_int (reply, "id");
}

static char *
terminal_path (gint64      id,
               const char *tail)
{
  return g_strdup_printf (TERMINALS "/%" G_GINT64_FORMAT "%s", id, tail);
}

/* Issues a credential and returns it. */
static char *
issue_credential (TerminalFixture *fixture,
                  gint64           id)
{
  g_autofree char *path = terminal_path (id, "/credential");
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  reply = anju_test_request (fixture->srv, fixture->admin, "POST", path, NULL, &status);
  anju_assert_status (status, SOUP_STATUS_CREATED, reply);
  g_assert_true (anju_test_json_has (reply, "issued_at"));
  return g_strdup (anju_test_json_string (reply, "credential"));
}

static char *query_int (TerminalFixture *fixture,
                        const char      *format,
                        ...) G_GNUC_PRINTF (2, 3);

/* The database's answer to the SQL made from format. */
static char *
query_int (TerminalFixture *fixture,
           const char      *format,
           ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  return anju_test_db_query (fixture->srv, sql);
}

/* Waits until sql reads expected: the sweep runs in the server's thread
 * every second of real time (a hang guard, not a timing assertion). */
static void
wait_for_db (TerminalFixture *fixture,
             const char      *sql,
             const char      *expected)
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

/* 422 naming field (which may hold a dot: "peripherals.scanner"). */
static void
assert_field_error (guint       status,
                    JsonNode   *reply,
                    const char *field)
{
  JsonNode *fields;

  anju_assert_error (status, reply, 422, "validation_failed");
  fields = anju_test_json_lookup (reply, "error.fields");
  g_assert_nonnull (fields);
  if (!json_object_has_member (json_node_get_object (fields), field))
    g_error ("no field error on %s: %s", field, anju_test_json_to_string (reply));
}

/* ---- registry ------------------------------------------------------------- */

static void
test_registry_crud (TerminalFixture *fixture,
                    gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autoptr(JsonNode) created = NULL;
  g_autoptr(JsonNode) listed = NULL;
  g_autoptr(JsonNode) patched = NULL;
  g_autoptr(JsonNode) as_center = NULL;
  g_autoptr(JsonNode) gone = NULL;
  g_autofree char *path = NULL;
  g_autofree char *user_org = NULL;
  g_autofree char *user_status = NULL;
  g_autofree char *expected_user = g_strdup_printf ("%" G_GINT64_FORMAT "望月湖测试终端",
                                                   fixture->wyh);
  guint status = 0;
  gint64 id;

  created = create_terminal (fixture, "SN-TEST-1001", "TST-01", fixture->ypl, &status);
  anju_assert_status (status, SOUP_STATUS_CREATED, created);
  id = anju_test_json_int (created, "id");
  g_assert_cmpstr (anju_test_json_string (created, "sn"), ==, "SN-TEST-1001");
  g_assert_cmpstr (anju_test_json_string (created, "state"), ==, "enabled");
  g_assert_cmpstr (anju_test_json_string (created, "org.name"), ==, "银盆岭街道");
  g_assert_false (anju_test_json_bool (created, "credential.active"));
  g_assert_true (anju_test_json_is_null (created, "credential.issued_at"));
  g_assert_false (anju_test_json_bool (created, "online"));
  /* Every kind is there; the ones not given are off. */
  g_assert_true (anju_test_json_bool (created, "peripherals.camera.enabled"));
  g_assert_cmpstr (anju_test_json_string (created, "peripherals.camera.model"), ==, "C920");
  g_assert_false (anju_test_json_bool (created, "peripherals.id_reader.enabled"));
  /* admin holds portal.user.pii; center staff see the phone masked. */
  g_assert_cmpstr (anju_test_json_string (created, "person_phone"), ==, "13812345678");
  path = terminal_path (id, "");
  as_center = anju_test_request (srv, fixture->center, "GET", path, NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, as_center);
  g_assert_cmpstr (anju_test_json_string (as_center, "person_phone"), ==, "138****5678");

  listed = anju_test_request (srv, fixture->center, "GET", TERMINALS "?q=SN-TEST", NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, listed);
  anju_test_assert_page (listed);
  g_assert_cmpint (anju_test_json_int (listed, "total"), ==, 1);
  g_clear_pointer (&listed, json_node_unref);
  /* The demo's two and this one, by number. */
  listed = anju_test_request (srv, fixture->admin, "GET", TERMINALS, NULL, &status);
  g_assert_cmpint (anju_test_json_int (listed, "total"), ==, 3);
  g_assert_cmpstr (anju_test_json_string (listed, "items.0.terminal_no"), ==, "TST-01");

  /* Moving it to another street moves its service user along. */
  patched = anju_test_requestf (srv, fixture->admin, "PATCH", path, &status,
                                "{\"org_id\":%" G_GINT64_FORMAT ",\"name\":\"望月湖测试终端\","
                                "\"network\":null}", fixture->wyh);
  anju_assert_status (status, SOUP_STATUS_OK, patched);
  g_assert_cmpstr (anju_test_json_string (patched, "org.name"), ==, "望月湖街道");
  g_assert_true (anju_test_json_is_null (patched, "network"));
  g_assert_cmpstr (anju_test_json_string (patched, "sn"), ==, "SN-TEST-1001");
  user_org = query_int (fixture, "SELECT u.org_id || u.name FROM users u JOIN terminals t"
                        " ON t.service_user_id = u.id WHERE t.id = %" G_GINT64_FORMAT, id);
  g_assert_cmpstr (user_org, ==, expected_user);

  g_clear_pointer (&listed, json_node_unref);
  listed = anju_test_request (srv, fixture->admin, "DELETE", path, NULL, &status);
  g_assert_cmpuint (status, ==, SOUP_STATUS_NO_CONTENT);
  gone = anju_test_request (srv, fixture->admin, "GET", path, NULL, &status);
  anju_assert_error (status, gone, 404, "not_found");
  g_clear_pointer (&listed, json_node_unref);
  listed = anju_test_request (srv, fixture->admin, "GET", TERMINALS "?q=SN-TEST", NULL, &status);
  g_assert_cmpint (anju_test_json_int (listed, "total"), ==, 0);
  user_status = query_int (fixture, "SELECT u.status || t.state FROM users u JOIN terminals t"
                           " ON t.service_user_id = u.id WHERE t.id = %" G_GINT64_FORMAT, id);
  g_assert_cmpstr (user_status, ==, "disableddeleted");
  g_assert_cmpint (anju_test_audit_count (srv, "terminal.create", id), ==, 1);
  g_assert_cmpint (anju_test_audit_count (srv, "terminal.update", id), ==, 1);
  g_assert_cmpint (anju_test_audit_count (srv, "terminal.delete", id), ==, 1);
}

static void
test_registry_validation (TerminalFixture *fixture,
                          gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *before = anju_test_db_dump (srv, "terminals");
  g_autofree char *after = NULL;
  gint64 center_id = anju_test_center_id (srv, fixture->admin);
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  reply = anju_test_requestf (srv, fixture->admin, "POST", TERMINALS, &status,
                              "{\"sn\":\"SN 1\",\"terminal_no\":\"X-1\",\"name\":\" \","
                              "\"person_in_charge\":\"赵敏\",\"person_phone\":\"12345\","
                              "\"org_id\":%" G_GINT64_FORMAT ",\"location\":\"大厅\","
                              "\"peripherals\":{\"scanner\":{\"enabled\":true},"
                              "\"camera\":{\"enabled\":\"yes\"}}}", center_id);
  assert_field_error (status, reply, "sn");
  assert_field_error (status, reply, "name");
  assert_field_error (status, reply, "person_phone");
  assert_field_error (status, reply, "org_id");
  assert_field_error (status, reply, "peripherals.scanner");
  g_clear_pointer (&reply, json_node_unref);

  reply = anju_test_requestf (srv, fixture->admin, "POST", TERMINALS, &status,
                              "{\"sn\":\"SN-1\"}");
  assert_field_error (status, reply, "terminal_no");
  g_clear_pointer (&reply, json_node_unref);

  /* The demo's SN and number are taken. */
  reply = create_terminal (fixture, "AJ-KIOSK-0001", "NEW-01", fixture->ypl, &status);
  anju_assert_error (status, reply, 409, "conflict");
  g_clear_pointer (&reply, json_node_unref);
  reply = create_terminal (fixture, "SN-NEW-01", "YPL-01", fixture->ypl, &status);
  anju_assert_error (status, reply, 409, "conflict");

  after = anju_test_db_dump (srv, "terminals");
  g_assert_cmpstr (before, ==, after);
}

static void
test_registry_history (TerminalFixture *fixture,
                       gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  gint64 id = create_terminal_ok (fixture, "SN-HIST-1", "HIST-01");
  g_autofree char *path = terminal_path (id, "");
  g_autofree char *changes_path = terminal_path (id, "/changes");
  g_autofree char *credential = NULL;
  g_autofree char *text = NULL;
  g_autofree char *hash = NULL;
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(JsonNode) changes = NULL;
  guint status = 0;

  reply = anju_test_requestf (srv, fixture->center, "PATCH", path, &status,
                              "{\"location\":\"二楼\"}");
  anju_assert_status (status, SOUP_STATUS_OK, reply);
  credential = issue_credential (fixture, id);

  changes = anju_test_request (srv, fixture->center, "GET", changes_path, NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, changes);
  g_assert_cmpuint (anju_test_json_length (changes, "items"), ==, 3);
  g_assert_cmpstr (anju_test_json_string (changes, "items.0.action"), ==, "credential.issue");
  g_assert_cmpstr (anju_test_json_string (changes, "items.1.action"), ==, "update");
  g_assert_cmpstr (anju_test_json_string (changes, "items.1.by.name"), ==, "周敏");
  g_assert_cmpstr (anju_test_json_string (changes, "items.1.before.location"), ==,
                   "便民服务中心大厅");
  g_assert_cmpstr (anju_test_json_string (changes, "items.1.after.location"), ==, "二楼");
  g_assert_cmpstr (anju_test_json_string (changes, "items.2.action"), ==, "create");
  g_assert_true (anju_test_json_is_null (changes, "items.2.before"));
  g_assert_true (anju_test_json_bool (changes, "items.0.after.credential.active"));

  /* Neither the credential nor its hash is anywhere in the history or
   * the audit log. */
  text = anju_test_json_to_string (changes);
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, credential, -1);
  g_assert_null (strstr (text, credential));
  g_assert_null (strstr (text, hash));
  g_free (text);
  text = anju_test_db_dump (srv, "audit_log");
  g_assert_null (strstr (text, credential));
  g_assert_null (strstr (text, hash));
}

static void
test_enable_disable (TerminalFixture *fixture,
                     gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  gint64 id = create_terminal_ok (fixture, "SN-STATE-1", "STATE-01");
  g_autofree char *credential = issue_credential (fixture, id);
  g_autofree char *disable = terminal_path (id, "/disable");
  g_autofree char *enable = terminal_path (id, "/enable");
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(JsonNode) kiosk = NULL;
  guint status = 0;

  reply = anju_test_request (srv, fixture->admin, "POST", enable, NULL, &status);
  anju_assert_error (status, reply, 409, "conflict");
  g_clear_pointer (&reply, json_node_unref);
  reply = anju_test_request (srv, fixture->admin, "POST", disable, NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, reply);
  g_assert_cmpstr (anju_test_json_string (reply, "state"), ==, "disabled");

  kiosk = terminal_request (srv, "SN-STATE-1", credential, "GET", "/api/v1/kiosk/home", NULL,
                            &status);
  anju_assert_error (status, kiosk, 403, "forbidden");
  g_assert_cmpstr (anju_test_json_string (kiosk, "error.message"), ==,
                   "This terminal is disabled");

  g_clear_pointer (&reply, json_node_unref);
  reply = anju_test_request (srv, fixture->admin, "POST", disable, NULL, &status);
  anju_assert_error (status, reply, 409, "conflict");
  g_clear_pointer (&reply, json_node_unref);
  reply = anju_test_request (srv, fixture->admin, "POST", enable, NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, reply);
  g_clear_pointer (&kiosk, json_node_unref);
  kiosk = terminal_request (srv, "SN-STATE-1", credential, "GET", "/api/v1/kiosk/home", NULL,
                            &status);
  anju_assert_status (status, SOUP_STATUS_OK, kiosk);
  g_assert_cmpint (anju_test_audit_count (srv, "terminal.disable", id), ==, 1);
  g_assert_cmpint (anju_test_audit_count (srv, "terminal.enable", id), ==, 1);
}

/* ---- credentials and service users ------------------------------------- */

static void
test_credential (TerminalFixture *fixture,
                 gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  gint64 id = create_terminal_ok (fixture, "SN-CRED-1", "CRED-01");
  g_autofree char *path = terminal_path (id, "/credential");
  g_autofree char *credential = NULL;
  g_autofree char *second = NULL;
  g_autoptr(JsonNode) home = NULL;
  g_autoptr(JsonNode) refused = NULL;
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  /* None yet: nothing to revoke, nothing signs. */
  reply = anju_test_request (srv, fixture->admin, "DELETE", path, NULL, &status);
  anju_assert_error (status, reply, 409, "conflict");
  refused = terminal_request (srv, "SN-CRED-1", "anything", "GET", "/api/v1/kiosk/home", NULL,
                              &status);
  anju_assert_error (status, refused, 401, "unauthorized");

  credential = issue_credential (fixture, id);
  home = terminal_request (srv, "SN-CRED-1", credential, "GET", "/api/v1/kiosk/home", NULL,
                           &status);
  anju_assert_status (status, SOUP_STATUS_OK, home);
  g_assert_cmpint (anju_test_json_int (home, "terminal.id"), ==, id);
  g_assert_cmpstr (anju_test_json_string (home, "terminal.terminal_no"), ==, "CRED-01");
  g_assert_cmpstr (anju_test_json_string (home, "terminal.org.name"), ==, "银盆岭街道");
  g_assert_cmpint (anju_test_json_int (home, "heartbeat_seconds"), ==, 60);
  g_assert_cmpuint (anju_test_json_length (home, "layout.modules"), ==, 7);

  /* A wrong credential, an unknown SN, a malformed header. */
  g_clear_pointer (&refused, json_node_unref);
  refused = terminal_request (srv, "SN-CRED-1", "wrong", "GET", "/api/v1/kiosk/home", NULL,
                              &status);
  anju_assert_error (status, refused, 401, "unauthorized");
  g_clear_pointer (&refused, json_node_unref);
  refused = terminal_request (srv, "SN-NOBODY", credential, "GET", "/api/v1/kiosk/home", NULL,
                              &status);
  anju_assert_error (status, refused, 401, "unauthorized");

  /* A person whose role holds terminal.kiosk.operate is no terminal. */
  g_clear_pointer (&refused, json_node_unref);
  refused = anju_test_request (srv, fixture->admin, "GET", "/api/v1/kiosk/home", NULL, &status);
  anju_assert_error (status, refused, 403, "forbidden");
  /* Nor may a terminal manage terminals. */
  g_clear_pointer (&refused, json_node_unref);
  refused = terminal_request (srv, "SN-CRED-1", credential, "GET", TERMINALS, NULL, &status);
  anju_assert_error (status, refused, 403, "forbidden");

  /* Revoked: the very next request is refused, and says why. */
  g_clear_pointer (&reply, json_node_unref);
  reply = anju_test_request (srv, fixture->admin, "DELETE", path, NULL, &status);
  g_assert_cmpuint (status, ==, SOUP_STATUS_NO_CONTENT);
  g_clear_pointer (&refused, json_node_unref);
  refused = terminal_request (srv, "SN-CRED-1", credential, "GET", "/api/v1/kiosk/home", NULL,
                              &status);
  anju_assert_error (status, refused, 401, "unauthorized");
  g_assert_cmpstr (anju_test_json_string (refused, "error.message"), ==,
                   "This terminal's credential has been revoked");
  g_clear_pointer (&reply, json_node_unref);
  reply = anju_test_request (srv, fixture->admin, "DELETE", path, NULL, &status);
  anju_assert_error (status, reply, 409, "conflict");

  /* A new one works, and the old one stays dead. */
  second = issue_credential (fixture, id);
  g_assert_cmpstr (second, !=, credential);
  g_clear_pointer (&home, json_node_unref);
  home = terminal_request (srv, "SN-CRED-1", second, "GET", "/api/v1/kiosk/home", NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, home);
  g_clear_pointer (&refused, json_node_unref);
  refused = terminal_request (srv, "SN-CRED-1", credential, "GET", "/api/v1/kiosk/home", NULL,
                              &status);
  anju_assert_error (status, refused, 401, "unauthorized");
  g_assert_cmpint (anju_test_audit_count (srv, "terminal.credential.issue", id), ==, 2);
  g_assert_cmpint (anju_test_audit_count (srv, "terminal.credential.revoke", id), ==, 1);
}

static void
test_service_user (TerminalFixture *fixture,
                   gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  gint64 id = create_terminal_ok (fixture, "SN-SVC-1", "SVC-01");
  g_autofree char *user = query_int (fixture,
                                     "SELECT u.username || '|' || u.is_service || '|' || r.code"
                                     " || '|' || u.must_change_password FROM terminals t"
                                     " JOIN users u ON u.id = t.service_user_id"
                                     " JOIN user_roles ur ON ur.user_id = u.id"
                                     " JOIN roles r ON r.id = ur.role_id"
                                     " WHERE t.id = %" G_GINT64_FORMAT, id);
  g_autoptr(JsonNode) login = NULL;
  g_autoptr(JsonNode) users = NULL;
  guint status = 0;

  g_assert_cmpstr (user, ==, "terminal-SVC-01|1|terminal|0");

  /* Refused like a wrong password, whatever is typed. */
  login = anju_test_requestf (srv, NULL, "POST", "/api/v1/auth/login", &status,
                              "{\"username\":\"terminal-SVC-01\",\"password\":\"!terminal\"}");
  anju_assert_error (status, login, 401, "invalid_credentials");

  users = anju_test_request (srv, fixture->admin, "GET", "/api/v1/users?q=terminal-&page_size=200",
                             NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, users);
  g_assert_cmpint (anju_test_json_int (users, "total"), ==, 0);
  g_clear_pointer (&users, json_node_unref);
  /* The demo's regular kiosk account is still listed. */
  users = anju_test_request (srv, fixture->admin, "GET", "/api/v1/users?q=terminal", NULL,
                             &status);
  g_assert_cmpint (anju_test_json_int (users, "total"), ==, 1);
}

/* ---- layout ------------------------------------------------------------------ */

static void
test_layout (TerminalFixture *fixture,
             gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  gint64 id = create_terminal_ok (fixture, "SN-LAYOUT-1", "LAY-01");
  g_autofree char *credential = issue_credential (fixture, id);
  g_autofree char *path = terminal_path (id, "/layout");
  g_autofree char *banner_path = NULL;
  g_autofree char *content_type = NULL;
  g_autoptr(JsonNode) layout = NULL;
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(JsonNode) home = NULL;
  g_autoptr(GBytes) png = anju_sample_new (ANJU_SAMPLE_PNG, "banner");
  g_autoptr(GBytes) banner = NULL;
  gint64 png_id, pdf_id, others_png_id;
  guint status = 0;

  layout = anju_test_request (srv, fixture->admin, "GET", path, NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, layout);
  g_assert_cmpstr (anju_test_json_string (layout, "title"), ==, "湘江新区住房保障服务终端");
  g_assert_cmpuint (anju_test_json_length (layout, "modules"), ==, 7);
  g_assert_cmpstr (anju_test_json_string (layout, "modules.0.key"), ==, "publicity");
  g_assert_cmpstr (anju_test_json_string (layout, "modules.0.name"), ==, "公示信息");
  g_assert_cmpstr (anju_test_json_string (layout, "modules.6.key"), ==, "honor_roll");
  g_assert_true (anju_test_json_bool (layout, "modules.3.enabled"));
  g_assert_true (anju_test_json_is_null (layout, "banner_file_id"));
  g_assert_true (anju_test_json_is_null (layout, "updated_at"));
  g_assert_cmpstr (anju_test_json_string (layout, "theme"), ==, "standard");

  /* A module missing, one twice, an unknown one, a bad theme. */
#define SIX_MODULES \
  "{\"key\":\"policy\",\"enabled\":true},{\"key\":\"guides\",\"enabled\":true}," \
  "{\"key\":\"apply\",\"enabled\":true},{\"key\":\"progress\",\"enabled\":false}," \
  "{\"key\":\"print\",\"enabled\":true},{\"key\":\"honor_roll\",\"enabled\":true}"
  reply = anju_test_requestf (srv, fixture->admin, "PUT", path, &status,
                              "{\"title\":\"首页\",\"modules\":[" SIX_MODULES "]}");
  assert_field_error (status, reply, "modules");
  g_clear_pointer (&reply, json_node_unref);
  reply = anju_test_requestf (srv, fixture->admin, "PUT", path, &status,
                              "{\"title\":\"首页\",\"modules\":[" SIX_MODULES
                              ",{\"key\":\"policy\",\"enabled\":true}]}");
  assert_field_error (status, reply, "modules");
  g_clear_pointer (&reply, json_node_unref);
  reply = anju_test_requestf (srv, fixture->admin, "PUT", path, &status,
                              "{\"title\":\" \",\"theme\":\"dark\",\"modules\":[" SIX_MODULES
                              ",{\"key\":\"weather\",\"enabled\":true}]}");
  assert_field_error (status, reply, "modules");
  assert_field_error (status, reply, "theme");
  assert_field_error (status, reply, "title");
  g_clear_pointer (&reply, json_node_unref);

  /* The banner: a PNG or JPEG the caller uploaded. */
  png_id = anju_test_upload_ok (srv, fixture->admin, "banner.png", ANJU_SAMPLE_PNG, "banner");
  pdf_id = anju_test_upload_ok (srv, fixture->admin, "banner.pdf", ANJU_SAMPLE_PDF, "banner");
  others_png_id = anju_test_upload_ok (srv, fixture->center, "center.png", ANJU_SAMPLE_PNG,
                                       "center");
  reply = anju_test_requestf (srv, fixture->admin, "PUT", path, &status,
                              "{\"title\":\"首页\",\"banner_file_id\":%" G_GINT64_FORMAT ","
                              "\"modules\":[{\"key\":\"publicity\",\"enabled\":true},"
                              SIX_MODULES "]}", pdf_id);
  assert_field_error (status, reply, "banner_file_id");
  g_clear_pointer (&reply, json_node_unref);
  reply = anju_test_requestf (srv, fixture->admin, "PUT", path, &status,
                              "{\"title\":\"首页\",\"banner_file_id\":%" G_GINT64_FORMAT ","
                              "\"modules\":[{\"key\":\"publicity\",\"enabled\":true},"
                              SIX_MODULES "]}", others_png_id);
  assert_field_error (status, reply, "banner_file_id");
  g_clear_pointer (&reply, json_node_unref);

  /* The order is the kiosk's: publicity last. */
  reply = anju_test_requestf (srv, fixture->admin, "PUT", path, &status,
                              "{\"title\":\"银盆岭自助服务\",\"theme\":\"high_contrast\","
                              "\"banner_file_id\":%" G_GINT64_FORMAT ",\"modules\":["
                              SIX_MODULES ",{\"key\":\"publicity\",\"enabled\":false}]}",
                              png_id);
  anju_assert_status (status, SOUP_STATUS_OK, reply);
  g_assert_cmpstr (anju_test_json_string (reply, "modules.0.key"), ==, "policy");
  g_assert_cmpstr (anju_test_json_string (reply, "modules.6.key"), ==, "publicity");
  g_assert_false (anju_test_json_bool (reply, "modules.6.enabled"));
  g_assert_cmpstr (anju_test_json_string (reply, "modules.6.name"), ==, "公示信息");
  g_assert_cmpint (anju_test_json_int (reply, "banner_file_id"), ==, png_id);
  g_assert_false (anju_test_json_is_null (reply, "updated_at"));
  g_assert_cmpint (anju_test_audit_count (srv, "terminal.layout.update", id), ==, 1);

  home = terminal_request (srv, "SN-LAYOUT-1", credential, "GET", "/api/v1/kiosk/home", NULL,
                           &status);
  anju_assert_status (status, SOUP_STATUS_OK, home);
  g_assert_cmpstr (anju_test_json_string (home, "layout.title"), ==, "银盆岭自助服务");
  g_assert_cmpstr (anju_test_json_string (home, "layout.theme"), ==, "high_contrast");

  /* The kiosk gets the banner, by its own endpoint and as a file. */
  banner = terminal_request_raw (srv, "SN-LAYOUT-1", credential, "GET", "/api/v1/kiosk/banner",
                                 NULL, &status, &content_type);
  g_assert_cmpuint (status, ==, SOUP_STATUS_OK);
  g_assert_cmpstr (content_type, ==, "image/png");
  g_assert_true (g_bytes_equal (banner, png));
  g_clear_pointer (&banner, g_bytes_unref);
  banner_path = g_strdup_printf ("/api/v1/files/%" G_GINT64_FORMAT "/content", png_id);
  banner = terminal_request_raw (srv, "SN-LAYOUT-1", credential, "GET", banner_path, NULL,
                                 &status, NULL);
  g_assert_cmpuint (status, ==, SOUP_STATUS_OK);
  g_assert_true (g_bytes_equal (banner, png));
}

static void
test_demo_terminals (TerminalFixture *fixture,
                     gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(JsonNode) second = NULL;
  g_autoptr(JsonNode) banner = NULL;
  guint status = 0;

  first = terminal_request (srv, "AJ-KIOSK-0001", "demo-kiosk-0001", "GET", "/api/v1/kiosk/home",
                            NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, first);
  g_assert_cmpstr (anju_test_json_string (first, "terminal.terminal_no"), ==, "YPL-01");
  g_assert_cmpstr (anju_test_json_string (first, "terminal.org.name"), ==, "银盆岭街道");
  g_assert_cmpstr (anju_test_json_string (first, "layout.title"), ==, "银盆岭街道住房保障自助服务");
  g_assert_false (anju_test_json_is_null (first, "layout.updated_at"));
  g_assert_true (anju_test_json_is_null (first, "layout.banner_file_id"));
  banner = terminal_request (srv, "AJ-KIOSK-0001", "demo-kiosk-0001", "GET",
                             "/api/v1/kiosk/banner", NULL, &status);
  anju_assert_error (status, banner, 404, "not_found");

  second = terminal_request (srv, "AJ-KIOSK-0002", "demo-kiosk-0002", "GET",
                             "/api/v1/kiosk/home", NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, second);
  g_assert_cmpstr (anju_test_json_string (second, "terminal.org.name"), ==, "望月湖街道");
  g_assert_true (anju_test_json_is_null (second, "layout.updated_at"));
}

/* ---- heartbeat, status board, alerts --------------------------------------- */

static void
heartbeat_ok (TerminalFixture *fixture,
              const char      *sn,
              const char      *credential,
              const char      *body)
{
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  reply = terminal_request (fixture->srv, sn, credential, "POST", "/api/v1/kiosk/heartbeat", body,
                            &status);
  anju_assert_status (status, SOUP_STATUS_OK, reply);
  g_assert_true (anju_test_json_has (reply, "server_time"));
}

#define ALL_OK \
  "{\"app_version\":\"0.4.0\",\"peripherals\":[" \
  "{\"kind\":\"camera\",\"state\":\"ok\"},{\"kind\":\"id_reader\",\"state\":\"ok\"}," \
  "{\"kind\":\"printer\",\"state\":\"ok\"}]}"
#define PRINTER_FAULT \
  "{\"app_version\":\"0.4.0\",\"peripherals\":[" \
  "{\"kind\":\"camera\",\"state\":\"ok\"},{\"kind\":\"id_reader\",\"state\":\"ok\"}," \
  "{\"kind\":\"printer\",\"state\":\"error\",\"message\":\"缺纸\"}]}"

static void
test_heartbeat_status (TerminalFixture *fixture,
                       gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  gint64 id = create_terminal_ok (fixture, "SN-BEAT-1", "BEAT-01");
  g_autofree char *credential = issue_credential (fixture, id);
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autofree char *query = g_strdup_printf (TERMINALS "/status?org_id=%" G_GINT64_FORMAT,
                                            fixture->ypl);
  g_autoptr(JsonNode) board = NULL;
  g_autoptr(JsonNode) bad = NULL;
  g_autoptr(JsonNode) online = NULL;
  g_autofree char *row = NULL;
  guint status = 0;
  int item;

  bad = terminal_request (srv, "SN-BEAT-1", credential, "POST", "/api/v1/kiosk/heartbeat",
                          "{\"peripherals\":[{\"kind\":\"scanner\",\"state\":\"ok\"}]}", &status);
  assert_field_error (status, bad, "peripherals");

  heartbeat_ok (fixture, "SN-BEAT-1", credential, ALL_OK);
  board = anju_test_request (srv, fixture->center, "GET", query, NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, board);
  for (item = 0; item < (int) anju_test_json_length (board, "items"); item++)
    {
      g_autofree char *member = g_strdup_printf ("items.%d.terminal.id", item);

      if (anju_test_json_int (board, member) == id)
        break;
    }
  g_assert_cmpint (item, <, (int) anju_test_json_length (board, "items"));
  {
    g_autofree char *base = g_strdup_printf ("items.%d.", item);
    g_autofree char *is_online = g_strconcat (base, "online", NULL);
    g_autofree char *version = g_strconcat (base, "app_version", NULL);
    g_autofree char *n = g_strconcat (base, "peripherals", NULL);
    g_autofree char *printer = g_strconcat (base, "peripherals.2.kind", NULL);
    g_autofree char *printer_since = g_strconcat (base, "peripherals.2.since", NULL);

    g_assert_true (anju_test_json_bool (board, is_online));
    g_assert_cmpstr (anju_test_json_string (board, version), ==, "0.4.0");
    g_assert_cmpuint (anju_test_json_length (board, n), ==, 3);
    g_assert_cmpstr (anju_test_json_string (board, printer), ==, "printer");
    row = g_strdup (anju_test_json_string (board, printer_since));
  }

  /* The same state again keeps since; a change moves it. */
  anju_clock_advance (srv->clock, 30 * G_USEC_PER_SEC);
  heartbeat_ok (fixture, "SN-BEAT-1", credential, ALL_OK);
  g_free (row);
  row = query_int (fixture, "SELECT since <= updated_at - 30 FROM terminal_peripherals"
                     " WHERE terminal_id = %" G_GINT64_FORMAT " AND kind = 'printer'", id);
  g_assert_cmpstr (row, ==, "1");
  heartbeat_ok (fixture, "SN-BEAT-1", credential, PRINTER_FAULT);
  g_free (row);
  row = query_int (fixture, "SELECT since = updated_at FROM terminal_peripherals"
                     " WHERE terminal_id = %" G_GINT64_FORMAT " AND kind = 'printer'", id);
  g_assert_cmpstr (row, ==, "1");

  /* Without peripherals, only the version changes; a shorter list
   * drops what it leaves out. */
  heartbeat_ok (fixture, "SN-BEAT-1", credential, "{\"app_version\":\"0.4.1\"}");
  g_free (row);
  row = query_int (fixture, "SELECT t.app_version || ':' || COUNT(*) FROM terminals t"
                     " JOIN terminal_peripherals p ON p.terminal_id = t.id"
                     " WHERE t.id = %" G_GINT64_FORMAT, id);
  g_assert_cmpstr (row, ==, "0.4.1:3");
  heartbeat_ok (fixture, "SN-BEAT-1", credential,
                "{\"peripherals\":[{\"kind\":\"camera\",\"state\":\"disabled\"}]}");
  g_free (row);
  row = query_int (fixture, "SELECT group_concat(kind || ':' || state) FROM terminal_peripherals"
                     " WHERE terminal_id = %" G_GINT64_FORMAT, id);
  g_assert_cmpstr (row, ==, "camera:disabled");

  online = anju_test_request (srv, fixture->admin, "GET", TERMINALS "?online=true", NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, online);
  g_assert_cmpint (anju_test_json_find (online, "items", "id", id_text), >=, 0);
  g_assert_cmpint (anju_test_json_int (online, "total"), ==, 1);
}

static void
test_sweep_alerts (TerminalFixture *fixture,
                   gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  gint64 id = create_terminal_ok (fixture, "SN-SWEEP-1", "SWEEP-01");
  g_autofree char *credential = issue_credential (fixture, id);
  g_autofree char *open_sql = g_strdup_printf ("SELECT group_concat(kind || ':' ||"
                                               " COALESCE(peripheral, '-') || ':' || state, ',')"
                                               " FROM (SELECT * FROM terminal_alerts"
                                               " WHERE terminal_id = %" G_GINT64_FORMAT
                                               " ORDER BY kind)", id);
  g_autofree char *inbox = NULL;
  g_autofree char *alerts_path = g_strdup_printf (TERMINALS "/alerts?terminal_id=%" G_GINT64_FORMAT,
                                                  id);
  g_autofree char *handle_path = NULL;
  g_autoptr(JsonNode) alerts = NULL;
  g_autoptr(JsonNode) handled = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autofree char *none = NULL;
  g_autofree char *recovered = NULL;
  guint status = 0;
  gint64 alert_id;

  heartbeat_ok (fixture, "SN-SWEEP-1", credential, PRINTER_FAULT);
  /* Nothing is due yet, however many sweeps run meanwhile. */
  g_usleep (1500 * 1000);
  none = anju_test_db_query (srv, open_sql);
  g_assert_null (none);

  /* Past offline_after without a heartbeat, printer still out. */
  anju_clock_advance (srv->clock, 200 * G_USEC_PER_SEC);
  wait_for_db (fixture, open_sql,
               "peripheral_fault:printer:open,terminal_offline:-:open");

  /* The center's staff hear of it in the message center. */
  inbox = anju_test_db_query (srv, "SELECT COUNT(*) FROM messages m JOIN users u"
                              " ON u.id = m.user_id WHERE u.username = 'center'"
                              " AND m.event = 'terminal.alert' AND m.title LIKE '%SWEEP-01%'");
  g_assert_cmpstr (inbox, ==, "2");

  alerts = anju_test_request (srv, fixture->center, "GET", alerts_path, NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, alerts);
  anju_test_assert_page (alerts);
  g_assert_cmpint (anju_test_json_int (alerts, "total"), ==, 2);
  g_assert_cmpstr (anju_test_json_string (alerts, "items.0.terminal.terminal_no"), ==, "SWEEP-01");
  g_assert_true (anju_test_json_is_null (alerts, "items.0.handled_by"));

  /* The next heartbeat, all well: both recover. */
  heartbeat_ok (fixture, "SN-SWEEP-1", credential, ALL_OK);
  recovered = anju_test_db_query (srv, open_sql);
  g_assert_cmpstr (recovered, ==, "peripheral_fault:printer:recovered,"
                   "terminal_offline:-:recovered");

  /* Handling one: once. */
  alert_id = anju_test_json_int (alerts, "items.0.id");
  handle_path = g_strdup_printf (TERMINALS "/alerts/%" G_GINT64_FORMAT "/handle", alert_id);
  handled = anju_test_requestf (srv, fixture->center, "POST", handle_path, &status,
                                "{\"note\":\"已更换打印纸\"}");
  anju_assert_status (status, SOUP_STATUS_OK, handled);
  g_assert_cmpstr (anju_test_json_string (handled, "state"), ==, "handled");
  g_assert_cmpstr (anju_test_json_string (handled, "handled_by.name"), ==, "周敏");
  g_assert_cmpstr (anju_test_json_string (handled, "note"), ==, "已更换打印纸");
  again = anju_test_requestf (srv, fixture->center, "POST", handle_path, &status,
                              "{\"note\":\"再次\"}");
  anju_assert_error (status, again, 409, "conflict");
  g_assert_cmpint (anju_test_audit_count (srv, "terminal.alert.handle", alert_id), ==, 1);
  g_assert_cmpint (anju_test_audit_count (srv, "terminal.alert.raise", alert_id), ==, 1);
  g_assert_cmpint (anju_test_audit_count (srv, "terminal.alert.recover", alert_id), ==, 1);
}

#define ALERTS_SQL "SELECT COUNT(*) FROM terminal_alerts"

/* Issue 7: the alert sweep goes one alert a batch here: its test gate
 * holds the run after the first, the status board answers meanwhile,
 * and let go the run raises the rest, each once; recoveries go the same
 * way. */
static void
test_sweep_batches (TerminalFixture *fixture,
                    gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  AnjuSweep *sweep = anju_server_get_sweep (srv->server, ANJU_TERMINALS_SWEEP_NAME);
  gint64 first = create_terminal_ok (fixture, "SN-BATCH-1", "BATCH-01");
  gint64 second = create_terminal_ok (fixture, "SN-BATCH-2", "BATCH-02");
  g_autofree char *first_credential = issue_credential (fixture, first);
  g_autofree char *second_credential = issue_credential (fixture, second);
  g_autofree char *before = NULL;
  g_autofree char *held = NULL;
  g_autofree char *still = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *status_path = g_strdup_printf (TERMINALS "/status?org_id=%" G_GINT64_FORMAT,
                                                  fixture->ypl);
  g_autofree char *credential_path = terminal_path (second, "/credential");
  g_autofree char *ours = g_strdup_printf ("SELECT COUNT(*) FROM terminal_alerts"
                                           " WHERE terminal_id IN (%" G_GINT64_FORMAT ", %"
                                           G_GINT64_FORMAT ")", first, second);
  g_autofree char *recovered = g_strdup_printf ("%s AND recovered_at IS NOT NULL"
                                                " AND terminal_id = %" G_GINT64_FORMAT,
                                                ours, second);
  g_autoptr(JsonNode) board = NULL;
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  g_assert_nonnull (sweep);
  heartbeat_ok (fixture, "SN-BATCH-1", first_credential, PRINTER_FAULT);
  heartbeat_ok (fixture, "SN-BATCH-2", second_credential, PRINTER_FAULT);

  anju_sweep_wait_idle_for_test (sweep);
  before = anju_test_db_query (srv, ALERTS_SQL);
  anju_sweep_hold_for_test (sweep, 1);
  anju_clock_advance (srv->clock, 200 * G_USEC_PER_SEC);
  anju_sweep_wait_held_for_test (sweep);
  held = anju_test_db_query (srv, ALERTS_SQL);
  g_assert_cmpint (g_ascii_strtoll (held, NULL, 10), ==, g_ascii_strtoll (before, NULL, 10) + 1);

  board = anju_test_request (srv, fixture->center, "GET", status_path, NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, board);
  still = anju_test_db_query (srv, ALERTS_SQL);
  g_assert_cmpstr (still, ==, held);

  /* Both offline, both printers out: four alerts, each raised once. */
  anju_sweep_release_for_test (sweep);
  wait_for_db (fixture, ours, "4");
  anju_sweep_wait_idle_for_test (sweep);
  expected = query_int (fixture, "SELECT COUNT(*) FROM terminal_alerts a WHERE a.terminal_id IN"
                        " (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ") AND (SELECT COUNT(*)"
                        " FROM audit_log l WHERE l.action = 'terminal.alert.raise'"
                        " AND l.entity_id = a.id) = 1", first, second);
  g_assert_cmpstr (expected, ==, "4");

  /* The second's credential revoked: the sweep recovers its two. */
  reply = anju_test_request (srv, fixture->admin, "DELETE", credential_path, NULL, &status);
  g_assert_cmpuint (status, ==, SOUP_STATUS_NO_CONTENT);
  wait_for_db (fixture, recovered, "2");
  g_clear_pointer (&expected, g_free);
  expected = query_int (fixture, "SELECT COUNT(*) FROM terminal_alerts a"
                        " WHERE a.terminal_id = %" G_GINT64_FORMAT " AND (SELECT COUNT(*)"
                        " FROM audit_log l WHERE l.action = 'terminal.alert.recover'"
                        " AND l.entity_id = a.id) = 1", second);
  g_assert_cmpstr (expected, ==, "2");
}

int
main (int    argc,
      char **argv)
{
  anju_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, TerminalFixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/terminals/registry/crud  F-TERM-001", test_registry_crud);
  ADD ("/terminals/registry/validation  F-TERM-001", test_registry_validation);
  ADD ("/terminals/registry/history  F-TERM-001", test_registry_history);
  ADD ("/terminals/registry/enable-disable  F-TERM-001", test_enable_disable);
  ADD ("/terminals/credential/issue-revoke  F-TERM-001", test_credential);
  ADD ("/terminals/service-user  F-TERM-001", test_service_user);
  ADD ("/terminals/layout  F-TERM-002", test_layout);
  ADD ("/terminals/demo  F-TERM-001 F-TERM-002", test_demo_terminals);
  ADD ("/terminals/heartbeat-status  F-TERM-003", test_heartbeat_status);
  ADD ("/terminals/sweep-alerts  F-TERM-003", test_sweep_alerts);
#undef ADD
  g_test_add ("/terminals/sweep-batches  F-TERM-003", TerminalFixture, NULL,
              fixture_set_up_by_one, test_sweep_batches, fixture_tear_down);

  return g_test_run ();
}
