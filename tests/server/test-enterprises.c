/* test-enterprises.c: operating enterprises of public rental housing
 * (F-PRH-011 运营企业管理): enterprise info, its account with a first
 * password texted to the contact, and purging an exited enterprise.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "anju-fake-sms.h"
#include "anju-test-identity.h"

#define ENTERPRISES "/api/v1/pubrent/enterprises"
#define READY_PASSWORD "Ready#2026go"

/* A demo server whose SMS goes to the fake gateway. */
typedef struct
{
  AnjuTestServer *srv;
  AnjuFakeSms    *fake;
  char           *admin;
} EnterpriseFixture;

static void
edit_config (AnjuConfig *config,
             gpointer    data)
{
  anju_fake_sms_configure (data, config);
  config->sms_dispatch_interval_seconds = 1;
}

static void
fixture_start (EnterpriseFixture *fixture)
{
  fixture->fake = anju_fake_sms_start (0);
  fixture->srv = anju_test_server_start_with (TRUE, edit_config, fixture->fake);
  fixture->admin = anju_test_login (fixture->srv, "admin", ANJU_TEST_DEMO_PASSWORD);
}

static void
fixture_stop (EnterpriseFixture *fixture)
{
  g_clear_pointer (&fixture->admin, g_free);
  /* The server first: its requests in flight end before the gateway. */
  g_clear_pointer (&fixture->srv, anju_test_server_stop);
  g_clear_pointer (&fixture->fake, anju_fake_sms_stop);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (EnterpriseFixture, fixture_stop)

/* A valid USCC for the 17 characters (the check character computed the
 * way GB 32100-2015 says, independently of the server's code). */
static char *
uscc_for (const char *first17)
{
  static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  static const int weights[] = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };
  int sum = 0;

  for (int i = 0; i < 17; i++)
    sum += (int) (strchr (alphabet, first17[i]) - alphabet) * weights[i];
  return g_strdup_printf ("%s%c", first17, alphabet[(31 - sum % 31) % 31]);
}

static JsonNode *
create_enterprise (EnterpriseFixture *fixture,
                   const char        *name,
                   const char        *uscc,
                   const char        *phone,
                   guint             *out_status)
{
  return anju_test_requestf (fixture->srv, fixture->admin, "POST", ENTERPRISES, out_status,
                             "{\"name\":\"%s\",\"uscc\":\"%s\",\"legal_representative\":\"周建国\","
                             "\"contact_name\":\"黄丽\",\"contact_phone\":\"%s\","
                             "\"address\":\"长沙市岳麓区麓松路8号\",\"industry\":\"住房租赁\","
                             "\"business_scope\":\"公共租赁住房运营管理\"}",
                             name, uscc, phone);
}

static gint64
create_enterprise_ok (EnterpriseFixture *fixture,
                      const char        *name,
                      const char        *first17,
                      const char        *phone)
{
  g_autofree char *uscc = uscc_for (first17);
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  reply = create_enterprise (fixture, name, uscc, phone, &status);
  anju_assert_status (status, 201, reply);
  return anju_test_json_int (reply, "id");
}

static JsonNode *
enterprise_action (EnterpriseFixture *fixture,
                   const char        *token,
                   gint64             id,
                   const char        *action,
                   const char        *body,
                   guint             *out_status)
{
  g_autofree char *path = g_strdup_printf (ENTERPRISES "/%" G_GINT64_FORMAT "/%s", id, action);

  return anju_test_request (fixture->srv, token, "POST", path, body, out_status);
}

static JsonNode *
get_enterprise (EnterpriseFixture *fixture,
                const char        *token,
                gint64             id,
                guint             *out_status)
{
  g_autofree char *path = g_strdup_printf (ENTERPRISES "/%" G_GINT64_FORMAT, id);

  return anju_test_request (fixture->srv, token, "GET", path, NULL, out_status);
}

static gint64
count_rows (EnterpriseFixture *fixture,
            const char        *sql)
{
  g_autofree char *text = anju_test_db_query (fixture->srv, sql);

  return text != NULL ? g_ascii_strtoll (text, NULL, 10) : 0;
}

/* The password of the text "…初始密码<password>，首次登录…". */
static char *
password_from_text (const char *text)
{
  const char *start = strstr (text, "初始密码");
  const char *end;

  g_assert_nonnull (start);
  start += strlen ("初始密码");
  end = strstr (start, "，");
  g_assert_nonnull (end);
  return g_strndup (start, end - start);
}

/* F-PRH-011: an enterprise is its organisation under the center plus its
 * profile; names and USCCs are unique; every field is checked. */
static void
test_create (void)
{
  g_auto(EnterpriseFixture) fixture = { 0, };
  g_autofree char *uscc = uscc_for ("91430104MA4W8R2D1");
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(JsonNode) org = NULL;
  g_autoptr(JsonNode) dup_name = NULL;
  g_autoptr(JsonNode) dup_uscc = NULL;
  g_autoptr(JsonNode) bad = NULL;
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(JsonNode) patched = NULL;
  g_autofree char *path = NULL;
  g_autofree char *other_uscc = uscc_for ("91430104MA4W8R2D2");
  guint status = 0;
  gint64 id;

  fixture_start (&fixture);
  reply = create_enterprise (&fixture, "麓谷安居运营有限公司", uscc, "13974812345", &status);
  anju_assert_status (status, 201, reply);
  id = anju_test_json_int (reply, "id");
  g_assert_cmpstr (anju_test_json_string (reply, "name"), ==, "麓谷安居运营有限公司");
  g_assert_cmpstr (anju_test_json_string (reply, "uscc"), ==, uscc);
  g_assert_cmpstr (anju_test_json_string (reply, "state"), ==, "active");
  g_assert_true (anju_test_json_is_null (reply, "account"));
  g_assert_cmpint (anju_test_json_int (reply, "project_count"), ==, 0);
  g_assert_cmpstr (anju_test_json_string (reply, "legal_representative"), ==, "周建国");

  /* The organisation is there, an operating enterprise under the center. */
  path = g_strdup_printf ("/api/v1/organisations/%" G_GINT64_FORMAT, id);
  org = anju_test_request (fixture.srv, fixture.admin, "GET", path, NULL, &status);
  anju_assert_status (status, 200, org);
  g_assert_cmpstr (anju_test_json_string (org, "kind"), ==, "enterprise_operating");
  g_assert_cmpint (anju_test_json_int (org, "parent_id"), ==,
                   anju_test_center_id (fixture.srv, fixture.admin));
  g_assert_cmpstr (anju_test_json_string (org, "code"), ==, uscc);
  g_assert_cmpint (count_rows (&fixture, "SELECT COUNT(*) FROM audit_log"
                                         " WHERE action = 'pubrent.enterprise.create'"), ==, 1);

  dup_name = create_enterprise (&fixture, "麓谷安居运营有限公司", other_uscc, "13974812345",
                                &status);
  anju_assert_error (status, dup_name, 409, "conflict");
  dup_uscc = create_enterprise (&fixture, "另一家运营公司", uscc, "13974812345", &status);
  anju_assert_error (status, dup_uscc, 409, "conflict");

  bad = create_enterprise (&fixture, "另一家运营公司", "91430104MA4W8R2D1X", "12345", &status);
  anju_assert_error (status, bad, 422, "validation_failed");
  g_assert_true (anju_test_json_has (bad, "error.fields.uscc"));
  g_assert_true (anju_test_json_has (bad, "error.fields.contact_phone"));

  /* Search by name; the state filter. */
  list = anju_test_request (fixture.srv, fixture.admin, "GET",
                            ENTERPRISES "?q=%E9%BA%93%E8%B0%B7&state=active", NULL, &status);
  anju_assert_status (status, 200, list);
  anju_test_assert_page (list);
  g_assert_cmpint (anju_test_json_int (list, "total"), ==, 1);
  g_assert_cmpint (anju_test_json_int (list, "items.0.id"), ==, id);
  g_clear_pointer (&list, json_node_unref);
  list = anju_test_request (fixture.srv, fixture.admin, "GET", ENTERPRISES "?state=purged",
                            NULL, &status);
  anju_assert_status (status, 200, list);
  g_assert_cmpint (anju_test_json_int (list, "total"), ==, 0);
  g_clear_pointer (&list, json_node_unref);
  list = anju_test_request (fixture.srv, fixture.admin, "GET", ENTERPRISES "?state=gone",
                            NULL, &status);
  anju_assert_error (status, list, 422, "validation_failed");

  /* Edit: the organisation follows the name. */
  g_clear_pointer (&path, g_free);
  path = g_strdup_printf (ENTERPRISES "/%" G_GINT64_FORMAT, id);
  patched = anju_test_request (fixture.srv, fixture.admin, "PATCH", path,
                               "{\"name\":\"麓谷安居运营管理有限公司\",\"industry\":null}", &status);
  anju_assert_status (status, 200, patched);
  g_assert_cmpstr (anju_test_json_string (patched, "name"), ==, "麓谷安居运营管理有限公司");
  g_assert_true (anju_test_json_is_null (patched, "industry"));
  g_assert_cmpstr (anju_test_json_string (patched, "contact_name"), ==, "黄丽");
  g_assert_cmpuint (anju_test_json_length (patched, "projects"), ==, 0);
  g_clear_pointer (&org, json_node_unref);
  g_clear_pointer (&path, g_free);
  path = g_strdup_printf ("/api/v1/organisations/%" G_GINT64_FORMAT, id);
  org = anju_test_request (fixture.srv, fixture.admin, "GET", path, NULL, &status);
  g_assert_cmpstr (anju_test_json_string (org, "name"), ==, "麓谷安居运营管理有限公司");
}

/* F-PRH-011: the demo enterprise has its profile and the demo account;
 * contact_phone is masked for a caller without portal.user.pii. */
static void
test_demo_and_masking (void)
{
  g_auto(EnterpriseFixture) fixture = { 0, };
  g_autofree char *center = NULL;
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(JsonNode) masked = NULL;
  g_autoptr(JsonNode) full = NULL;
  guint status = 0;
  gint64 id;

  fixture_start (&fixture);
  center = anju_test_login (fixture.srv, "center", ANJU_TEST_DEMO_PASSWORD);
  list = anju_test_request (fixture.srv, center, "GET",
                            ENTERPRISES "?q=%E5%AE%89%E5%B1%85%E8%BF%90%E8%90%A5", NULL, &status);
  anju_assert_status (status, 200, list);
  g_assert_cmpint (anju_test_json_int (list, "total"), ==, 1);
  g_assert_cmpstr (anju_test_json_string (list, "items.0.name"), ==, "湘江新区安居运营有限公司");
  g_assert_cmpstr (anju_test_json_string (list, "items.0.account.username"), ==, "enterprise");
  g_assert_false (anju_test_json_bool (list, "items.0.account.disabled"));
  id = anju_test_json_int (list, "items.0.id");

  /* center_staff lacks portal.user.pii; the admin holds it. */
  masked = get_enterprise (&fixture, center, id, &status);
  anju_assert_status (status, 200, masked);
  g_assert_cmpstr (anju_test_json_string (masked, "contact_phone"), ==, "186****0006");
  g_assert_cmpstr (anju_test_json_string (list, "items.0.contact_phone"), ==, "186****0006");
  full = get_enterprise (&fixture, fixture.admin, id, &status);
  anju_assert_status (status, 200, full);
  g_assert_cmpstr (anju_test_json_string (full, "contact_phone"), ==, "18673110006");
}

/* F-PRH-011: street staff do not manage enterprises. */
static void
test_permission (void)
{
  g_auto(EnterpriseFixture) fixture = { 0, };
  g_autofree char *street = NULL;
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(JsonNode) created = NULL;
  g_autoptr(JsonNode) purged = NULL;
  guint status = 0;

  fixture_start (&fixture);
  street = anju_test_login (fixture.srv, "street_ypl", ANJU_TEST_DEMO_PASSWORD);
  list = anju_test_request (fixture.srv, street, "GET", ENTERPRISES, NULL, &status);
  anju_assert_error (status, list, 403, "forbidden");
  created = anju_test_request (fixture.srv, street, "POST", ENTERPRISES, "{}", &status);
  anju_assert_error (status, created, 403, "forbidden");
  purged = enterprise_action (&fixture, street, 1, "purge", "{\"reason\":\"x\"}", &status);
  anju_assert_error (status, purged, 403, "forbidden");
}

/* F-PRH-011: the account's password goes by SMS to the contact; it signs
 * in and must be changed; one account per enterprise, unique names. */
static void
test_account (void)
{
  g_auto(EnterpriseFixture) fixture = { 0, };
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(JsonNode) record = NULL;
  g_autoptr(JsonNode) login = NULL;
  g_autoptr(JsonNode) refused = NULL;
  g_autoptr(JsonNode) changed = NULL;
  g_autoptr(JsonNode) me = NULL;
  g_autoptr(JsonNode) second = NULL;
  g_autoptr(JsonNode) taken = NULL;
  g_autoptr(JsonNode) bad = NULL;
  g_autofree char *password = NULL;
  g_autofree char *login_body = NULL;
  g_autofree char *token = NULL;
  guint status = 0;
  gint64 id, other;

  fixture_start (&fixture);
  id = create_enterprise_ok (&fixture, "岳麓安居运营有限公司", "91430104MA4X3K7P1", "13974812345");

  bad = enterprise_action (&fixture, fixture.admin, id, "account", "{\"username\":\"No Good\"}",
                           &status);
  anju_assert_error (status, bad, 422, "validation_failed");
  g_assert_true (anju_test_json_has (bad, "error.fields.username"));
  taken = enterprise_action (&fixture, fixture.admin, id, "account", "{\"username\":\"center\"}",
                             &status);
  anju_assert_error (status, taken, 409, "conflict");

  reply = enterprise_action (&fixture, fixture.admin, id, "account", "{\"username\":\"ylop\"}",
                             &status);
  anju_assert_status (status, 201, reply);
  g_assert_cmpstr (anju_test_json_string (reply, "account.username"), ==, "ylop");
  g_assert_false (anju_test_json_bool (reply, "account.disabled"));
  g_assert_false (anju_test_json_has (reply, "password"));

  anju_fake_sms_wait_for (fixture.fake, 1);
  record = anju_fake_sms_get (fixture.fake, 0);
  g_assert_cmpstr (anju_test_json_string (record, "phone"), ==, "13974812345");
  g_assert_nonnull (strstr (anju_test_json_string (record, "text"), "ylop"));
  password = password_from_text (anju_test_json_string (record, "text"));
  g_assert_cmpuint (strlen (password), ==, 12);
  /* Nothing kept the password: not the audit log, not an inbox. */
  g_assert_cmpint (count_rows (&fixture, "SELECT COUNT(*) FROM messages"
                                         " WHERE body LIKE '%初始密码%'"), ==, 0);
  g_assert_cmpint (count_rows (&fixture, "SELECT COUNT(*) FROM audit_log"
                                         " WHERE action = 'pubrent.enterprise.account'"), ==, 1);

  login_body = g_strdup_printf ("{\"username\":\"ylop\",\"password\":\"%s\"}", password);
  login = anju_test_request (fixture.srv, NULL, "POST", "/api/v1/auth/login", login_body,
                             &status);
  anju_assert_status (status, 200, login);
  g_assert_true (anju_test_json_bool (login, "user.must_change_password"));
  g_assert_cmpstr (anju_test_json_string (login, "user.organisation.name"), ==,
                   "岳麓安居运营有限公司");
  g_assert_cmpstr (anju_test_json_string (login, "user.roles.0.code"), ==, "enterprise_operator");
  token = g_strdup (anju_test_json_string (login, "token"));
  refused = anju_test_request (fixture.srv, token, "GET", "/api/v1/organisations", NULL,
                               &status);
  anju_assert_error (status, refused, 403, "password_change_required");
  changed = anju_test_requestf (fixture.srv, token, "POST", "/api/v1/auth/password", &status,
                                "{\"old_password\":\"%s\",\"new_password\":\"%s\"}",
                                password, READY_PASSWORD);
  anju_assert_status (status, 204, changed);
  me = anju_test_request (fixture.srv, token, "GET", "/api/v1/auth/me", NULL, &status);
  anju_assert_status (status, 200, me);
  g_assert_false (anju_test_json_bool (me, "must_change_password"));

  second = enterprise_action (&fixture, fixture.admin, id, "account", "{\"username\":\"ylop2\"}",
                              &status);
  anju_assert_error (status, second, 409, "conflict");
  other = create_enterprise_ok (&fixture, "望城安居运营有限公司", "91430104MA4X3K7P2",
                                "13974812346");
  g_clear_pointer (&second, json_node_unref);
  second = enterprise_action (&fixture, fixture.admin, other, "account", "{\"username\":\"ylop\"}",
                              &status);
  anju_assert_error (status, second, 409, "conflict");
}

/* F-PRH-011: purging disables every user of the enterprise (sign-in
 * refused, roles gone), keeps its data and unlinks its projects. */
static void
test_purge (void)
{
  g_auto(EnterpriseFixture) fixture = { 0, };
  g_autofree char *operator_token = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *project_path = NULL;
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) blank = NULL;
  g_autoptr(JsonNode) purged = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(JsonNode) patch = NULL;
  g_autoptr(JsonNode) login = NULL;
  g_autoptr(JsonNode) stale = NULL;
  g_autoptr(JsonNode) user = NULL;
  g_autoptr(JsonNode) project = NULL;
  g_autoptr(JsonNode) filtered = NULL;
  g_autofree char *path = NULL;
  guint status = 0;
  gint64 id, project_id, user_id;

  fixture_start (&fixture);
  operator_token = anju_test_login (fixture.srv, "enterprise", ANJU_TEST_DEMO_PASSWORD);
  list = anju_test_request (fixture.srv, fixture.admin, "GET",
                            ENTERPRISES "?q=%E5%AE%89%E5%B1%85%E8%BF%90%E8%90%A5", NULL, &status);
  anju_assert_status (status, 200, list);
  id = anju_test_json_int (list, "items.0.id");
  user_id = anju_test_json_int (list, "items.0.account.id");

  /* A project it operates. */
  project = anju_test_requestf (fixture.srv, fixture.admin, "POST", "/api/v1/pubrent/projects",
                                &status,
                                "{\"project_no\":\"XM-QY-01\",\"name\":\"麓谷公租房小区\","
                                "\"address\":\"长沙市岳麓区麓谷大道1号\",\"district\":\"岳麓区\","
                                "\"operator_id\":%" G_GINT64_FORMAT ",\"status\":\"operating\"}",
                                id);
  anju_assert_status (status, 201, project);
  project_id = anju_test_json_int (project, "id");
  before = get_enterprise (&fixture, fixture.admin, id, &status);
  anju_assert_status (status, 200, before);
  /* The demo's projects of this enterprise, and the new one. */
  g_assert_cmpint (anju_test_json_int (before, "project_count"), ==,
                   anju_test_json_int (list, "items.0.project_count") + 1);
  g_assert_cmpint (anju_test_json_find (before, "projects", "project_no", "XM-QY-01"), >=, 0);

  blank = enterprise_action (&fixture, fixture.admin, id, "purge", "{\"reason\":\"  \"}",
                             &status);
  anju_assert_error (status, blank, 422, "validation_failed");
  g_assert_true (anju_test_json_has (blank, "error.fields.reason"));

  purged = enterprise_action (&fixture, fixture.admin, id, "purge",
                              "{\"reason\":\"运营期满退出\"}", &status);
  anju_assert_status (status, 200, purged);
  g_assert_cmpstr (anju_test_json_string (purged, "state"), ==, "purged");
  g_assert_cmpstr (anju_test_json_string (purged, "purge_reason"), ==, "运营期满退出");
  g_assert_false (anju_test_json_is_null (purged, "purged_at"));
  g_assert_cmpstr (anju_test_json_string (purged, "purged_by.name"), ==, "管理员");
  g_assert_true (anju_test_json_bool (purged, "account.disabled"));
  /* The profile is kept. */
  g_assert_cmpstr (anju_test_json_string (purged, "legal_representative"), ==, "杨立新");
  g_assert_cmpint (anju_test_json_int (purged, "project_count"), ==, 0);
  g_assert_cmpuint (anju_test_json_length (purged, "projects"), ==, 0);

  /* Its users cannot sign in, their sessions ended, their roles gone. */
  login = anju_test_requestf (fixture.srv, NULL, "POST", "/api/v1/auth/login", &status,
                              "{\"username\":\"enterprise\",\"password\":\"%s\"}",
                              ANJU_TEST_DEMO_PASSWORD);
  anju_assert_error (status, login, 403, "account_disabled");
  stale = anju_test_request (fixture.srv, operator_token, "GET", "/api/v1/auth/me", NULL,
                             &status);
  anju_assert_error (status, stale, 401, "unauthorized");
  path = g_strdup_printf ("/api/v1/users/%" G_GINT64_FORMAT, user_id);
  user = anju_test_request (fixture.srv, fixture.admin, "GET", path, NULL, &status);
  anju_assert_status (status, 200, user);
  g_assert_cmpstr (anju_test_json_string (user, "status"), ==, "disabled");
  g_assert_cmpuint (anju_test_json_length (user, "roles"), ==, 0);

  /* The project keeps its row, without operator. */
  project_path = g_strdup_printf ("/api/v1/pubrent/projects/%" G_GINT64_FORMAT, project_id);
  g_clear_pointer (&project, json_node_unref);
  project = anju_test_request (fixture.srv, fixture.admin, "GET", project_path, NULL, &status);
  anju_assert_status (status, 200, project);
  g_assert_cmpstr (anju_test_json_string (project, "name"), ==, "麓谷公租房小区");
  g_assert_true (anju_test_json_is_null (project, "operator"));

  again = enterprise_action (&fixture, fixture.admin, id, "purge", "{\"reason\":\"再次\"}",
                             &status);
  anju_assert_error (status, again, 409, "conflict");
  g_clear_pointer (&path, g_free);
  path = g_strdup_printf (ENTERPRISES "/%" G_GINT64_FORMAT, id);
  patch = anju_test_request (fixture.srv, fixture.admin, "PATCH", path, "{\"industry\":\"x\"}",
                             &status);
  anju_assert_error (status, patch, 409, "conflict");
  filtered = anju_test_request (fixture.srv, fixture.admin, "GET", ENTERPRISES "?state=purged",
                                NULL, &status);
  anju_assert_status (status, 200, filtered);
  g_assert_cmpint (anju_test_json_int (filtered, "total"), ==, 1);
  sql = g_strdup_printf ("SELECT COUNT(*) FROM audit_log WHERE action = 'user.disable'"
                         " AND entity_id = %" G_GINT64_FORMAT, user_id);
  g_assert_cmpint (count_rows (&fixture, sql), ==, 1);
  g_assert_cmpint (count_rows (&fixture, "SELECT COUNT(*) FROM audit_log"
                                         " WHERE action = 'pubrent.enterprise.purge'"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  anju_test_init (&argc, &argv);

  g_test_add_func ("/pubrent/enterprises/create  F-PRH-011", test_create);
  g_test_add_func ("/pubrent/enterprises/demo-masking  F-PRH-011", test_demo_and_masking);
  g_test_add_func ("/pubrent/enterprises/permission  F-PRH-011", test_permission);
  g_test_add_func ("/pubrent/enterprises/account  F-PRH-011", test_account);
  g_test_add_func ("/pubrent/enterprises/purge  F-PRH-011", test_purge);

  return g_test_run ();
}
