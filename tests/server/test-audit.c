/* test-audit.c: F-PORTAL-021 the audit log — every write leaves a row,
 * the API filters and pages them, and the HMAC chain catches tampering. */

#include <string.h>

#include "anju-audit.h"
#include "anju-test-identity.h"

#define FIRST_PASSWORD "First#2026pw"
#define SECOND_PASSWORD "Second#2026pw"
#define RESET_PASSWORD "Reset#2026pw"

/* The newest record of action about entity_id. */
static JsonNode *
find_audit (AnjuTestServer *srv,
            const char     *token,
            const char     *action,
            gint64          entity_id)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/audit?action=%s&page_size=200", action);
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, entity_id);
  g_autofree char *item = NULL;
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;
  int index;

  reply = anju_test_request (srv, token, "GET", path, NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, reply);
  index = anju_test_json_find (reply, "items", "entity_id", id_text);
  if (index < 0)
    {
      g_autofree char *text = anju_test_json_to_string (reply);

      g_error ("no %s record about %s in %s", action, id_text, text);
    }

  item = g_strdup_printf ("items.%d", index);
  return json_node_copy (anju_test_json_lookup (reply, item));
}

typedef struct
{
  gint64      actor_id;
  const char *actor;
  gint64      org_id;
} Actor;

/* The members every record has, and no secret anywhere in it. */
static void
assert_record (JsonNode    *record,
               const Actor *actor,
               const char  *action,
               gint64       entity_id,
               gboolean     has_before,
               gboolean     has_after)
{
  g_autofree char *entity = g_strndup (action, strchr (action, '.') - action);
  g_autofree char *text = anju_test_json_to_string (record);
  g_autoptr(GDateTime) at = NULL;

  g_test_message ("%s: %s", action, text);
  g_assert_cmpint (anju_test_json_int (record, "id"), >, 0);
  at = g_date_time_new_from_iso8601 (anju_test_json_string (record, "at"), NULL);
  g_assert_nonnull (at);
  g_assert_cmpint (anju_test_json_int (record, "actor_id"), ==, actor->actor_id);
  g_assert_cmpstr (anju_test_json_string (record, "actor"), ==, actor->actor);
  g_assert_cmpint (anju_test_json_int (record, "organisation_id"), ==, actor->org_id);
  g_assert_cmpstr (anju_test_json_string (record, "client_address"), ==, "127.0.0.1");
  g_assert_cmpstr (anju_test_json_string (record, "action"), ==, action);
  g_assert_cmpstr (anju_test_json_string (record, "entity"), ==, entity);
  g_assert_cmpint (anju_test_json_int (record, "entity_id"), ==, entity_id);

  if (has_before)
    g_assert_true (JSON_NODE_HOLDS_OBJECT (anju_test_json_lookup (record, "before")));
  else
    g_assert_true (anju_test_json_is_null (record, "before"));
  if (has_after)
    g_assert_true (JSON_NODE_HOLDS_OBJECT (anju_test_json_lookup (record, "after")));
  else
    g_assert_true (anju_test_json_is_null (record, "after"));

  /* SEC-005: no password, no hash, no unmasked phone. */
  g_assert_null (strstr (text, FIRST_PASSWORD));
  g_assert_null (strstr (text, SECOND_PASSWORD));
  g_assert_null (strstr (text, RESET_PASSWORD));
  g_assert_null (strstr (text, ANJU_TEST_DEMO_PASSWORD));
  g_assert_null (strstr (text, "password_hash"));
  g_assert_null (strstr (text, "pbkdf2"));
  g_assert_null (strstr (text, "13912345678"));
  g_assert_null (strstr (text, "15987654321"));
}

static Actor
admin_actor (AnjuTestServer *srv,
             const char     *token)
{
  g_autoptr(JsonNode) me = NULL;
  guint status = 0;

  me = anju_test_request (srv, token, "GET", "/api/v1/auth/me", NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, me);

  return (Actor) {
    anju_test_json_int (me, "id"), "admin", anju_test_json_int (me, "organisation.id"),
  };
}

static JsonNode *
send_ok (AnjuTestServer *srv,
         const char     *token,
         const char     *method,
         const char     *path,
         const char     *body,
         guint           expected)
{
  JsonNode *reply;
  guint status = 0;

  reply = anju_test_request (srv, token, method, path, body, &status);
  anju_assert_status (status, expected, reply);

  return reply;
}

/* Organisation writes: create, update, move, delete. */
static void
test_organisation_writes (AnjuTestFixture *fixture,
                          gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  const char *admin = fixture->admin;
  Actor actor = admin_actor (srv, admin);
  gint64 ypl = anju_test_find_org (srv, admin, "银盆岭街道");
  gint64 wyh = anju_test_find_org (srv, admin, "望月湖街道");
  gint64 id = anju_test_create_org (srv, admin, ypl, "community", "审计社区");
  g_autofree char *path = g_strdup_printf ("/api/v1/organisations/%" G_GINT64_FORMAT, id);
  g_autofree char *move_path = g_strconcat (path, "/move", NULL);
  g_autofree char *move_body = g_strdup_printf ("{\"parent_id\":%" G_GINT64_FORMAT "}", wyh);
  g_autoptr(JsonNode) created = NULL;
  g_autoptr(JsonNode) updated = NULL;
  g_autoptr(JsonNode) moved = NULL;
  g_autoptr(JsonNode) deleted = NULL;

  created = find_audit (srv, admin, "organisation.create", id);
  assert_record (created, &actor, "organisation.create", id, FALSE, TRUE);
  g_assert_cmpstr (anju_test_json_string (created, "after.name"), ==, "审计社区");

  json_node_unref (send_ok (srv, admin, "PATCH", path, "{\"name\":\"改名社区\"}", SOUP_STATUS_OK));
  updated = find_audit (srv, admin, "organisation.update", id);
  assert_record (updated, &actor, "organisation.update", id, TRUE, TRUE);
  g_assert_cmpstr (anju_test_json_string (updated, "before.name"), ==, "审计社区");
  g_assert_cmpstr (anju_test_json_string (updated, "after.name"), ==, "改名社区");

  json_node_unref (send_ok (srv, admin, "POST", move_path, move_body, SOUP_STATUS_OK));
  moved = find_audit (srv, admin, "organisation.move", id);
  assert_record (moved, &actor, "organisation.move", id, TRUE, TRUE);
  g_assert_cmpint (anju_test_json_int (moved, "before.parent_id"), ==, ypl);
  g_assert_cmpint (anju_test_json_int (moved, "after.parent_id"), ==, wyh);

  json_node_unref (send_ok (srv, admin, "DELETE", path, NULL, SOUP_STATUS_NO_CONTENT));
  deleted = find_audit (srv, admin, "organisation.delete", id);
  assert_record (deleted, &actor, "organisation.delete", id, TRUE, FALSE);
  g_assert_cmpstr (anju_test_json_string (deleted, "before.name"), ==, "改名社区");
}

/* User writes, with phones masked in before/after. */
static void
test_user_writes (AnjuTestFixture *fixture,
                  gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  const char *admin = fixture->admin;
  Actor actor = admin_actor (srv, admin);
  gint64 ypl = anju_test_find_org (srv, admin, "银盆岭街道");
  gint64 role = anju_test_find_role (srv, admin, "street_staff");
  gint64 id = anju_test_create_user (srv, admin, "audited_user", ypl, role, FIRST_PASSWORD);
  g_autofree char *path = g_strdup_printf ("/api/v1/users/%" G_GINT64_FORMAT, id);
  g_autoptr(JsonNode) record = NULL;

  record = find_audit (srv, admin, "user.create", id);
  assert_record (record, &actor, "user.create", id, FALSE, TRUE);
  g_assert_cmpstr (anju_test_json_string (record, "after.username"), ==, "audited_user");
  g_assert_cmpstr (anju_test_json_string (record, "after.phone"), ==, "139****5678");
  g_clear_pointer (&record, json_node_unref);

  json_node_unref (send_ok (srv, admin, "PATCH", path, "{\"phone\":\"15987654321\",\"post\":\"审计员\"}",
                            SOUP_STATUS_OK));
  record = find_audit (srv, admin, "user.update", id);
  assert_record (record, &actor, "user.update", id, TRUE, TRUE);
  g_assert_cmpstr (anju_test_json_string (record, "before.phone"), ==, "139****5678");
  g_assert_cmpstr (anju_test_json_string (record, "after.phone"), ==, "159****4321");
  g_assert_cmpstr (anju_test_json_string (record, "after.post"), ==, "审计员");
  g_clear_pointer (&record, json_node_unref);

  {
    static const char * const verbs[] = { "disable", "enable", "unlock" };

    for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
      {
        g_autofree char *action_path = g_strdup_printf ("%s/%s", path, verbs[i]);
        g_autofree char *action = g_strdup_printf ("user.%s", verbs[i]);

        json_node_unref (send_ok (srv, admin, "POST", action_path, NULL, SOUP_STATUS_OK));
        record = find_audit (srv, admin, action, id);
        assert_record (record, &actor, action, id, TRUE, TRUE);
        g_clear_pointer (&record, json_node_unref);
      }
  }

  {
    g_autofree char *reset_path = g_strconcat (path, "/reset-password", NULL);

    json_node_unref (send_ok (srv, admin, "POST", reset_path, "{\"new_password\":\"" RESET_PASSWORD "\"}",
                              SOUP_STATUS_OK));
    record = find_audit (srv, admin, "user.reset_password", id);
    assert_record (record, &actor, "user.reset_password", id, TRUE, TRUE);
    g_clear_pointer (&record, json_node_unref);
  }

  /* Changing one's own password is audited with oneself as actor. */
  {
    g_autofree char *token = anju_test_login (srv, "audited_user", RESET_PASSWORD);
    Actor self = { id, "audited_user", ypl };

    json_node_unref (send_ok (srv, token, "POST", "/api/v1/auth/password",
                              "{\"old_password\":\"" RESET_PASSWORD "\",\"new_password\":\"" SECOND_PASSWORD "\"}",
                              SOUP_STATUS_NO_CONTENT));
    record = find_audit (srv, admin, "user.change_password", id);
    g_assert_cmpint (anju_test_json_int (record, "actor_id"), ==, self.actor_id);
    g_assert_cmpstr (anju_test_json_string (record, "actor"), ==, self.actor);
    g_assert_cmpint (anju_test_json_int (record, "organisation_id"), ==, self.org_id);
    g_assert_cmpstr (anju_test_json_string (record, "entity"), ==, "user");
    {
      g_autofree char *text = anju_test_json_to_string (record);

      g_assert_null (strstr (text, RESET_PASSWORD));
      g_assert_null (strstr (text, SECOND_PASSWORD));
    }
  }

  /* Nowhere in the stored log either. */
  {
    g_autofree char *dump = anju_test_db_dump (srv, "audit_log");

    g_assert_null (strstr (dump, FIRST_PASSWORD));
    g_assert_null (strstr (dump, SECOND_PASSWORD));
    g_assert_null (strstr (dump, RESET_PASSWORD));
    g_assert_null (strstr (dump, "pbkdf2"));
    g_assert_null (strstr (dump, "13912345678"));
    g_assert_null (strstr (dump, "15987654321"));
  }
}

static void
test_role_writes (AnjuTestFixture *fixture,
                  gconstpointer    data)
{
  static const char * const permissions[] = { "portal.audit.read", NULL };
  AnjuTestServer *srv = fixture->srv;
  const char *admin = fixture->admin;
  Actor actor = admin_actor (srv, admin);
  gint64 id = anju_test_create_role (srv, admin, "日志员", permissions);
  g_autofree char *path = g_strdup_printf ("/api/v1/roles/%" G_GINT64_FORMAT, id);
  g_autoptr(JsonNode) created = NULL;
  g_autoptr(JsonNode) updated = NULL;
  g_autoptr(JsonNode) deleted = NULL;

  created = find_audit (srv, admin, "role.create", id);
  assert_record (created, &actor, "role.create", id, FALSE, TRUE);
  g_assert_cmpstr (anju_test_json_string (created, "after.name"), ==, "日志员");

  json_node_unref (send_ok (srv, admin, "PATCH", path,
                            "{\"permissions\":[\"portal.audit.read\",\"portal.org.read\"]}", SOUP_STATUS_OK));
  updated = find_audit (srv, admin, "role.update", id);
  assert_record (updated, &actor, "role.update", id, TRUE, TRUE);
  g_assert_cmpuint (anju_test_json_length (updated, "before.permissions"), ==, 1);
  g_assert_cmpuint (anju_test_json_length (updated, "after.permissions"), ==, 2);

  json_node_unref (send_ok (srv, admin, "DELETE", path, NULL, SOUP_STATUS_NO_CONTENT));
  deleted = find_audit (srv, admin, "role.delete", id);
  assert_record (deleted, &actor, "role.delete", id, TRUE, FALSE);
}

static char *
iso_query (gint64 usec)
{
  g_autoptr(GTimeZone) shanghai = g_time_zone_new_identifier ("+08:00");
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, shanghai);
  g_autofree char *text = g_date_time_format_iso8601 (local);

  return g_uri_escape_string (text, NULL, FALSE);
}

static JsonNode *
audit_page (AnjuTestServer *srv,
            const char     *token,
            const char     *query)
{
  g_autofree char *path = g_strconcat ("/api/v1/audit?page_size=200&", query, NULL);
  JsonNode *reply;
  guint status = 0;

  reply = anju_test_request (srv, token, "GET", path, NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, reply);
  anju_test_assert_page (reply);

  return reply;
}

static void
assert_all (JsonNode   *page,
            const char *member,
            const char *value)
{
  g_assert_cmpuint (anju_test_json_length (page, "items"), >, 0);

  for (guint i = 0; i < anju_test_json_length (page, "items"); i++)
    {
      g_autofree char *path = g_strdup_printf ("items.%u.%s", i, member);

      g_assert_cmpstr (anju_test_json_string (page, path), ==, value);
    }
}

static void
test_filters (AnjuTestFixture *fixture,
              gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  const char *admin = fixture->admin;
  gint64 center = anju_test_center_id (srv, admin);
  gint64 early, late;
  gint64 middle_usec;
  g_autofree char *middle = NULL;
  g_autofree char *from_query = NULL;
  g_autofree char *to_query = NULL;
  g_autofree char *early_text = NULL;
  g_autofree char *late_text = NULL;
  g_autoptr(JsonNode) after_middle = NULL;
  g_autoptr(JsonNode) before_middle = NULL;
  g_autoptr(JsonNode) by_actor = NULL;
  g_autoptr(JsonNode) by_entity = NULL;
  g_autoptr(JsonNode) by_action = NULL;
  g_autoptr(JsonNode) all = NULL;

  early = anju_test_create_org (srv, admin, center, "supplier", "早先供应商");
  anju_clock_advance (srv->clock, 3 * G_TIME_SPAN_HOUR);
  middle_usec = anju_clock_now (srv->clock) - 90 * G_TIME_SPAN_MINUTE;
  /* The admin's session idled out while the clock moved. */
  g_free (fixture->admin);
  fixture->admin = anju_test_login (srv, "admin", ANJU_TEST_DEMO_PASSWORD);
  admin = fixture->admin;
  late = anju_test_create_org (srv, admin, center, "supplier", "后来供应商");
  g_free (anju_test_login (srv, "street_ypl", ANJU_TEST_DEMO_PASSWORD));

  early_text = g_strdup_printf ("%" G_GINT64_FORMAT, early);
  late_text = g_strdup_printf ("%" G_GINT64_FORMAT, late);
  middle = iso_query (middle_usec);
  from_query = g_strconcat ("from=", middle, "&action=organisation.create", NULL);
  to_query = g_strconcat ("to=", middle, "&action=organisation.create", NULL);

  after_middle = audit_page (srv, admin, from_query);
  g_assert_cmpint (anju_test_json_find (after_middle, "items", "entity_id", late_text), >=, 0);
  g_assert_cmpint (anju_test_json_find (after_middle, "items", "entity_id", early_text), <, 0);

  before_middle = audit_page (srv, admin, to_query);
  g_assert_cmpint (anju_test_json_find (before_middle, "items", "entity_id", early_text), >=, 0);
  g_assert_cmpint (anju_test_json_find (before_middle, "items", "entity_id", late_text), <, 0);

  by_actor = audit_page (srv, admin, "actor=street_ypl");
  assert_all (by_actor, "actor", "street_ypl");
  by_entity = audit_page (srv, admin, "entity=organisation");
  assert_all (by_entity, "entity", "organisation");
  by_action = audit_page (srv, admin, "action=auth.login");
  assert_all (by_action, "action", "auth.login");
  g_assert_cmpint (anju_test_json_find (by_action, "items", "actor", "street_ypl"), >=, 0);

  /* Newest first. */
  all = audit_page (srv, admin, "");
  for (guint i = 1; i < anju_test_json_length (all, "items"); i++)
    {
      g_autofree char *previous = g_strdup_printf ("items.%u.id", i - 1);
      g_autofree char *current = g_strdup_printf ("items.%u.id", i);

      g_assert_cmpint (anju_test_json_int (all, previous), >, anju_test_json_int (all, current));
    }

  {
    g_autoptr(JsonNode) bad = NULL;
    guint status = 0;

    bad = anju_test_request (srv, admin, "GET", "/api/v1/audit?from=yesterday", NULL, &status);
    anju_assert_error (status, bad, 422, "validation_failed");
    g_assert_true (anju_test_json_has (bad, "error.fields.from"));
  }
}

static void
test_paging_and_detail (AnjuTestFixture *fixture,
                        gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  const char *admin = fixture->admin;
  gint64 center = anju_test_center_id (srv, admin);
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(JsonNode) second = NULL;
  g_autoptr(JsonNode) detail = NULL;
  g_autofree char *detail_path = NULL;
  g_autofree char *listed = NULL;
  g_autofree char *fetched = NULL;
  guint status = 0;

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("翻页供应商%u", i);

      anju_test_create_org (srv, admin, center, "supplier", name);
    }

  first = anju_test_request (srv, admin, "GET", "/api/v1/audit?action=organisation.create&page_size=2", NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, first);
  g_assert_cmpint (anju_test_json_int (first, "total"), >=, 3);
  g_assert_cmpuint (anju_test_json_length (first, "items"), ==, 2);
  g_assert_cmpint (anju_test_json_int (first, "next"), ==, 2);

  second = anju_test_request (srv, admin, "GET", "/api/v1/audit?action=organisation.create&page_size=2&page=2",
                              NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, second);
  g_assert_cmpint (anju_test_json_int (second, "items.0.id"), <, anju_test_json_int (first, "items.1.id"));

  detail_path = g_strdup_printf ("/api/v1/audit/%" G_GINT64_FORMAT, anju_test_json_int (first, "items.0.id"));
  detail = anju_test_request (srv, admin, "GET", detail_path, NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, detail);
  listed = anju_test_json_to_string (anju_test_json_lookup (first, "items.0"));
  fetched = anju_test_json_to_string (detail);
  g_assert_cmpstr (listed, ==, fetched);

  {
    g_autoptr(JsonNode) missing = anju_test_request (srv, admin, "GET", "/api/v1/audit/999999", NULL, &status);

    anju_assert_error (status, missing, SOUP_STATUS_NOT_FOUND, "not_found");
  }
}

/* Audit readers see records of actors in their scope. */
static void
test_reader_scope (AnjuTestFixture *fixture,
                   gconstpointer    data)
{
  static const char * const permissions[] = { "portal.audit.read", NULL };
  AnjuTestServer *srv = fixture->srv;
  const char *admin = fixture->admin;
  gint64 ypl = anju_test_find_org (srv, admin, "银盆岭街道");
  gint64 role = anju_test_create_role (srv, admin, "街道审计员", permissions);
  g_autofree char *auditor = anju_test_make_ready_user (srv, admin, "ypl_auditor", ypl, role, SECOND_PASSWORD);
  g_autoptr(JsonNode) logins = NULL;
  g_autoptr(JsonNode) seen = NULL;
  gint64 wyh_login;
  g_autofree char *wyh_path = NULL;
  guint status = 0;

  g_free (anju_test_login (srv, "street_ypl", ANJU_TEST_DEMO_PASSWORD));
  g_free (anju_test_login (srv, "street_wyh", ANJU_TEST_DEMO_PASSWORD));

  logins = audit_page (srv, admin, "action=auth.login&actor=street_wyh");
  wyh_login = anju_test_json_int (logins, "items.0.id");

  seen = audit_page (srv, auditor, "");
  g_assert_cmpint (anju_test_json_find (seen, "items", "actor", "street_ypl"), >=, 0);
  g_assert_cmpint (anju_test_json_find (seen, "items", "actor", "street_wyh"), <, 0);
  g_assert_cmpint (anju_test_json_find (seen, "items", "actor", "admin"), <, 0);

  wyh_path = g_strdup_printf ("/api/v1/audit/%" G_GINT64_FORMAT, wyh_login);
  {
    g_autoptr(JsonNode) hidden = anju_test_request (srv, auditor, "GET", wyh_path, NULL, &status);

    anju_assert_error (status, hidden, SOUP_STATUS_NOT_FOUND, "not_found");
  }
}

static GBytes *
load_key (AnjuTestServer *srv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = anju_config_get_audit_key_path (srv->config);
  GBytes *key = anju_audit_load_key (path, &error);

  g_assert_no_error (error);
  return key;
}

/* Verifies on a connection of the test's own; returns the first broken
 * row or 0. */
static gint64
verify (AnjuTestServer *srv,
        gint64         *out_checked)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnjuDb) db = anju_db_open (srv->config->database_path, &error);
  g_autoptr(GBytes) key = load_key (srv);
  gint64 broken = 0;
  gboolean intact;

  g_assert_no_error (error);
  intact = anju_audit_verify (db, key, out_checked, &broken, &error);
  if (intact)
    {
      g_assert_no_error (error);
      return 0;
    }

  g_assert_error (error, ANJU_ERROR, ANJU_ERROR_CONFLICT);
  g_assert_cmpint (broken, >, 0);
  return broken;
}

/* Some writes so the chain has rows of every kind. */
static void
make_history (AnjuTestFixture *fixture)
{
  AnjuTestServer *srv = fixture->srv;
  gint64 center = anju_test_center_id (srv, fixture->admin);
  gint64 role = anju_test_find_role (srv, fixture->admin, "supplier");

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("链上供应商%u", i);
      g_autofree char *username = g_strdup_printf ("chain_user%u", i);
      gint64 org = anju_test_create_org (srv, fixture->admin, center, "supplier", name);

      anju_test_create_user (srv, fixture->admin, username, org, role, FIRST_PASSWORD);
    }
}

static gint64
audit_id_of (AnjuTestServer *srv,
             const char     *where)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM audit_log WHERE %s ORDER BY id LIMIT 1", where);
  g_autofree char *text = anju_test_db_query (srv, sql);

  g_assert_nonnull (text);
  return g_ascii_strtoll (text, NULL, 10);
}

/* SEC-035: the chain verifies, and an edited row is named exactly. */
static void
test_chain_tamper (AnjuTestFixture *fixture,
                   gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *count = NULL;
  g_autofree char *update = NULL;
  gint64 checked = 0;
  gint64 target;

  make_history (fixture);

  g_assert_cmpint (verify (srv, &checked), ==, 0);
  count = anju_test_db_query (srv, "SELECT count(*) FROM audit_log");
  g_assert_cmpint (checked, ==, g_ascii_strtoll (count, NULL, 10));

  target = audit_id_of (srv, "action = 'user.create' AND after_json LIKE '%chain_user1%'");
  update = g_strdup_printf ("UPDATE audit_log SET after_json = replace(after_json, 'chain_user1', 'chain_userX') "
                            "WHERE id = %" G_GINT64_FORMAT, target);
  g_free (anju_test_db_query (srv, update));

  g_assert_cmpint (verify (srv, NULL), ==, target);
}

/* Other columns are sealed as well. */
static void
test_chain_tamper_actor (AnjuTestFixture *fixture,
                         gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *update = NULL;
  gint64 target;

  make_history (fixture);
  target = audit_id_of (srv, "action = 'organisation.create'");
  update = g_strdup_printf ("UPDATE audit_log SET actor = 'someone_else' WHERE id = %" G_GINT64_FORMAT, target);
  g_free (anju_test_db_query (srv, update));

  g_assert_cmpint (verify (srv, NULL), ==, target);
}

/* A removed row breaks the link to the one after it. */
static void
test_chain_delete (AnjuTestFixture *fixture,
                   gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *delete = NULL;
  g_autofree char *next_sql = NULL;
  g_autofree char *next = NULL;
  gint64 target;

  make_history (fixture);
  target = audit_id_of (srv, "action = 'organisation.create'");
  next_sql = g_strdup_printf ("SELECT min(id) FROM audit_log WHERE id > %" G_GINT64_FORMAT, target);
  next = anju_test_db_query (srv, next_sql);
  g_assert_nonnull (next);

  delete = g_strdup_printf ("DELETE FROM audit_log WHERE id = %" G_GINT64_FORMAT, target);
  g_free (anju_test_db_query (srv, delete));

  g_assert_cmpint (verify (srv, NULL), ==, g_ascii_strtoll (next, NULL, 10));
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

  add_fixture_test ("/audit/writes/organisations  F-PORTAL-021", test_organisation_writes);
  add_fixture_test ("/audit/writes/users  F-PORTAL-021", test_user_writes);
  add_fixture_test ("/audit/writes/roles  F-PORTAL-021", test_role_writes);
  add_fixture_test ("/audit/filters  F-PORTAL-021", test_filters);
  add_fixture_test ("/audit/paging  F-PORTAL-021", test_paging_and_detail);
  add_fixture_test ("/audit/reader-scope  F-PORTAL-021", test_reader_scope);
  add_fixture_test ("/audit/chain/tamper  SEC-035", test_chain_tamper);
  add_fixture_test ("/audit/chain/tamper-actor  SEC-035", test_chain_tamper_actor);
  add_fixture_test ("/audit/chain/delete  SEC-035", test_chain_delete);

  return g_test_run ();
}
