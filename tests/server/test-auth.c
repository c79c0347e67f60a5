/* test-auth.c: sign-in, sessions, lockout and passwords
 * (docs/api.md "Authentication"). */

#include <string.h>

#include "anju-test-identity.h"

#define NEW_PASSWORD "Fresh#2026ok"
#define RESET_PASSWORD "Reset#2026ok"

static JsonNode *
login (AnjuTestServer *srv,
       const char     *username,
       const char     *password,
       guint          *out_status)
{
  return anju_test_requestf (srv, NULL, "POST", "/api/v1/auth/login", out_status,
                             "{\"username\":\"%s\",\"password\":\"%s\"}", username, password);
}

static void
assert_login_fails (AnjuTestServer *srv,
                    const char     *username,
                    const char     *password,
                    guint           expected_status,
                    const char     *expected_code)
{
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  reply = login (srv, username, password, &status);
  anju_assert_error (status, reply, expected_status, expected_code);
  g_assert_false (anju_test_json_has (reply, "token"));
}

static guint
me_status (AnjuTestServer *srv,
           const char     *token)
{
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  reply = anju_test_request (srv, token, "GET", "/api/v1/auth/me", NULL, &status);
  if (status != SOUP_STATUS_OK)
    anju_assert_error (status, reply, SOUP_STATUS_UNAUTHORIZED, "unauthorized");

  return status;
}

static void
advance_minutes (AnjuTestServer *srv,
                 gint64          minutes)
{
  anju_clock_advance (srv->clock, minutes * G_TIME_SPAN_MINUTE);
}

static void
assert_iso_time (JsonNode   *reply,
                 const char *path)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (anju_test_json_string (reply, path), NULL);

  g_assert_nonnull (time);
}

/* The User-self object of docs/api.md. */
static void
assert_user_self (JsonNode   *user,
                  const char *username)
{
  const char *phone;

  g_assert_cmpint (anju_test_json_int (user, "id"), >, 0);
  g_assert_cmpstr (anju_test_json_string (user, "username"), ==, username);
  g_assert_cmpstr (anju_test_json_string (user, "name"), !=, "");

  /* Unmasked: it is the user's own. */
  phone = anju_test_json_string (user, "phone");
  g_assert_cmpuint (strlen (phone), ==, 11);
  g_assert_null (strchr (phone, '*'));

  g_assert_cmpint (anju_test_json_int (user, "organisation.id"), >, 0);
  g_assert_cmpstr (anju_test_json_string (user, "organisation.name"), !=, "");
  g_assert_cmpstr (anju_test_json_string (user, "organisation.kind"), !=, "");
  g_assert_cmpuint (anju_test_json_length (user, "roles"), >=, 1);
  g_assert_cmpint (anju_test_json_int (user, "roles.0.id"), >, 0);
  g_assert_cmpstr (anju_test_json_string (user, "roles.0.code"), !=, "");
  g_assert_cmpstr (anju_test_json_string (user, "roles.0.name"), !=, "");
  g_assert_true (JSON_NODE_HOLDS_ARRAY (anju_test_json_lookup (user, "permissions")));
  g_assert_true (anju_test_json_has (user, "must_change_password"));
  anju_test_json_bool (user, "must_change_password");
  assert_iso_time (user, "session_expires_at");
}

static void
test_login_success (AnjuTestFixture *fixture,
                    gconstpointer    data)
{
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(JsonNode) me = NULL;
  JsonNode *user;
  guint status = 0;

  reply = login (fixture->srv, "admin", ANJU_TEST_DEMO_PASSWORD, &status);
  anju_assert_status (status, SOUP_STATUS_OK, reply);

  /* 256 random bits, base64url: at least 43 characters. */
  g_assert_cmpuint (strlen (anju_test_json_string (reply, "token")), >=, 43);
  assert_iso_time (reply, "expires_at");

  user = anju_test_json_lookup (reply, "user");
  assert_user_self (user, "admin");
  g_assert_cmpstr (anju_test_json_string (user, "organisation.kind"), ==, "center");
  g_assert_cmpstr (anju_test_json_string (user, "roles.0.code"), ==, "center_admin");
  g_assert_false (anju_test_json_bool (user, "must_change_password"));
  g_assert_true (anju_test_json_array_has_string (user, "permissions", "portal.user.read"));
  g_assert_true (anju_test_json_array_has_string (user, "permissions", "portal.user.write"));
  g_assert_true (anju_test_json_array_has_string (user, "permissions", "portal.audit.read"));

  /* auth/me answers the same User-self for the new token. */
  me = anju_test_request (fixture->srv, anju_test_json_string (reply, "token"),
                          "GET", "/api/v1/auth/me", NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, me);
  assert_user_self (me, "admin");
  g_assert_cmpint (anju_test_json_int (me, "id"), ==, anju_test_json_int (user, "id"));

  /* A community worker holds none of the portal administration. */
  {
    g_autoptr(JsonNode) worker = login (fixture->srv, "community_ypl", ANJU_TEST_DEMO_PASSWORD, &status);

    anju_assert_status (status, SOUP_STATUS_OK, worker);
    assert_user_self (anju_test_json_lookup (worker, "user"), "community_ypl");
    g_assert_cmpstr (anju_test_json_string (worker, "user.organisation.kind"), ==, "community");
    g_assert_false (anju_test_json_array_has_string (worker, "user.permissions", "portal.user.read"));
  }
}

static void
test_login_failures (AnjuTestFixture *fixture,
                     gconstpointer    data)
{
  g_autoptr(JsonNode) wrong = NULL;
  g_autoptr(JsonNode) unknown = NULL;
  guint status = 0;

  wrong = login (fixture->srv, "admin", "Wrong@2026", &status);
  anju_assert_error (status, wrong, SOUP_STATUS_UNAUTHORIZED, "invalid_credentials");

  unknown = login (fixture->srv, "nobody_here", ANJU_TEST_DEMO_PASSWORD, &status);
  anju_assert_error (status, unknown, SOUP_STATUS_UNAUTHORIZED, "invalid_credentials");

  /* Nothing tells an unknown account from a wrong password. */
  g_assert_cmpstr (anju_test_json_string (wrong, "error.message"), ==,
                   anju_test_json_string (unknown, "error.message"));

  /* A login body is validated like every other. */
  {
    g_autoptr(JsonNode) missing = NULL;

    missing = anju_test_request (fixture->srv, NULL, "POST", "/api/v1/auth/login",
                                 "{\"username\":\"admin\"}", &status);
    anju_assert_error (status, missing, 422, "validation_failed");
    g_assert_true (anju_test_json_has (missing, "error.fields.password"));
  }
}

/* SEC-013, SEC-014: lockout_attempts failures within the window lock the
 * account, even against the right password, until lockout_minutes pass. */
static void
test_lockout (AnjuTestFixture *fixture,
              gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  const AnjuConfig *config = srv->config;
  g_autoptr(JsonNode) locked = NULL;
  g_autoptr(JsonNode) user = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autofree char *user_path = NULL;
  gint64 user_id = anju_test_find_user (srv, fixture->admin, "street_wyh");
  guint status = 0;

  g_assert_cmpuint (config->lockout_attempts, ==, 5);

  for (guint i = 0; i + 1 < config->lockout_attempts; i++)
    assert_login_fails (srv, "street_wyh", "Wrong@2026", SOUP_STATUS_UNAUTHORIZED, "invalid_credentials");

  /* The last allowed failure: whatever it answers, it is not a sign-in. */
  {
    g_autoptr(JsonNode) last = login (srv, "street_wyh", "Wrong@2026", &status);

    g_assert_cmpuint (status, !=, SOUP_STATUS_OK);
  }

  locked = login (srv, "street_wyh", ANJU_TEST_DEMO_PASSWORD, &status);
  anju_assert_error (status, locked, 423, "account_locked");
  g_assert_cmpstr (anju_test_json_string (locked, "error.message"), !=, "");

  /* The users API shows the lock, and the message says until when. */
  user_path = g_strdup_printf ("/api/v1/users/%" G_GINT64_FORMAT, user_id);
  user = anju_test_request (srv, fixture->admin, "GET", user_path, NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, user);
  g_assert_true (anju_test_json_bool (user, "locked"));
  assert_iso_time (user, "locked_until");
  {
    /* "2026-11-29T17:45:00+08:00": the hour and minute, local time. */
    g_autofree char *hour_minute = g_strndup (anju_test_json_string (user, "locked_until") + 11, 5);

    if (strstr (anju_test_json_string (locked, "error.message"), hour_minute) == NULL)
      g_error ("\"%s\" does not say until %s", anju_test_json_string (locked, "error.message"), hour_minute);
  }

  /* Still locked a minute before the end. */
  advance_minutes (srv, config->lockout_minutes - 1);
  assert_login_fails (srv, "street_wyh", ANJU_TEST_DEMO_PASSWORD, 423, "account_locked");

  advance_minutes (srv, 2);
  after = login (srv, "street_wyh", ANJU_TEST_DEMO_PASSWORD, &status);
  anju_assert_status (status, SOUP_STATUS_OK, after);
}

/* An admin unlock ends the lock at once. */
static void
test_lockout_unlock (AnjuTestFixture *fixture,
                     gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  gint64 user_id = anju_test_find_user (srv, fixture->admin, "street_wyh");
  g_autofree char *unlock_path = g_strdup_printf ("/api/v1/users/%" G_GINT64_FORMAT "/unlock", user_id);
  g_autoptr(JsonNode) unlocked = NULL;
  g_autoptr(JsonNode) after = NULL;
  guint status = 0;

  for (guint i = 0; i < srv->config->lockout_attempts; i++)
    {
      g_autoptr(JsonNode) reply = login (srv, "street_wyh", "Wrong@2026", &status);

      g_assert_cmpuint (status, !=, SOUP_STATUS_OK);
    }
  assert_login_fails (srv, "street_wyh", ANJU_TEST_DEMO_PASSWORD, 423, "account_locked");

  unlocked = anju_test_request (srv, fixture->admin, "POST", unlock_path, NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, unlocked);
  g_assert_false (anju_test_json_bool (unlocked, "locked"));
  g_assert_true (anju_test_json_is_null (unlocked, "locked_until"));

  after = login (srv, "street_wyh", ANJU_TEST_DEMO_PASSWORD, &status);
  anju_assert_status (status, SOUP_STATUS_OK, after);
}

/* An unlock also forgets the failures counted so far. */
static void
test_unlock_clears_failures (AnjuTestFixture *fixture,
                             gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  gint64 user_id = anju_test_find_user (srv, fixture->admin, "street_wyh");
  g_autofree char *unlock_path = g_strdup_printf ("/api/v1/users/%" G_GINT64_FORMAT "/unlock", user_id);
  g_autoptr(JsonNode) unlocked = NULL;
  g_autoptr(JsonNode) after = NULL;
  guint status = 0;

  for (guint i = 0; i + 1 < srv->config->lockout_attempts; i++)
    assert_login_fails (srv, "street_wyh", "Wrong@2026", SOUP_STATUS_UNAUTHORIZED, "invalid_credentials");

  unlocked = anju_test_request (srv, fixture->admin, "POST", unlock_path, NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, unlocked);

  /* As many again within the same window: still no lock. */
  for (guint i = 0; i + 1 < srv->config->lockout_attempts; i++)
    assert_login_fails (srv, "street_wyh", "Wrong@2026", SOUP_STATUS_UNAUTHORIZED, "invalid_credentials");
  after = login (srv, "street_wyh", ANJU_TEST_DEMO_PASSWORD, &status);
  anju_assert_status (status, SOUP_STATUS_OK, after);
}

/* Failures further apart than the window never add up to a lock. */
static void
test_lockout_window (AnjuTestFixture *fixture,
                     gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  const AnjuConfig *config = srv->config;
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  for (guint round = 0; round < 3; round++)
    {
      for (guint i = 0; i + 1 < config->lockout_attempts; i++)
        assert_login_fails (srv, "street_wyh", "Wrong@2026", SOUP_STATUS_UNAUTHORIZED, "invalid_credentials");
      advance_minutes (srv, config->lockout_window_minutes + 1);
    }

  reply = login (srv, "street_wyh", ANJU_TEST_DEMO_PASSWORD, &status);
  anju_assert_status (status, SOUP_STATUS_OK, reply);
}

static void
set_strict_lockout (AnjuConfig *config,
                    gpointer    data)
{
  config->lockout_attempts = 2;
  config->lockout_window_minutes = 5;
  config->lockout_minutes = 60;
}

/* The three numbers come from [security], not from constants. */
static void
test_lockout_configured (void)
{
  AnjuTestServer *srv = anju_test_server_start_with (TRUE, set_strict_lockout, NULL);
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  assert_login_fails (srv, "enterprise", "Wrong@2026", SOUP_STATUS_UNAUTHORIZED, "invalid_credentials");
  {
    g_autoptr(JsonNode) second = login (srv, "enterprise", "Wrong@2026", &status);

    g_assert_cmpuint (status, !=, SOUP_STATUS_OK);
  }
  assert_login_fails (srv, "enterprise", ANJU_TEST_DEMO_PASSWORD, 423, "account_locked");

  /* 15 minutes (the default lock) are not enough here. */
  advance_minutes (srv, 16);
  assert_login_fails (srv, "enterprise", ANJU_TEST_DEMO_PASSWORD, 423, "account_locked");

  advance_minutes (srv, 45);
  reply = login (srv, "enterprise", ANJU_TEST_DEMO_PASSWORD, &status);
  anju_assert_status (status, SOUP_STATUS_OK, reply);

  anju_test_server_stop (srv);
}

/* SEC-015: a session unused for session_idle_minutes ends. */
static void
test_idle_timeout (AnjuTestFixture *fixture,
                   gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *token = anju_test_login (srv, "center", ANJU_TEST_DEMO_PASSWORD);

  g_assert_cmpuint (srv->config->session_idle_minutes, ==, 30);
  g_assert_cmpuint (me_status (srv, token), ==, SOUP_STATUS_OK);

  advance_minutes (srv, srv->config->session_idle_minutes + 1);
  g_assert_cmpuint (me_status (srv, token), ==, SOUP_STATUS_UNAUTHORIZED);

  /* Ended for good, not just for that one request. */
  g_assert_cmpuint (me_status (srv, token), ==, SOUP_STATUS_UNAUTHORIZED);
}

/* Use keeps a session alive well past the idle limit. */
static void
test_activity_keeps_session (AnjuTestFixture *fixture,
                             gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *token = anju_test_login (srv, "center", ANJU_TEST_DEMO_PASSWORD);
  guint idle = srv->config->session_idle_minutes;

  for (guint i = 0; i < 6; i++)
    {
      advance_minutes (srv, idle - 1);
      g_assert_cmpuint (me_status (srv, token), ==, SOUP_STATUS_OK);
    }
}

/* A session ends session_lifetime_hours after sign-in however busy. */
static void
test_absolute_lifetime (AnjuTestFixture *fixture,
                        gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *token = anju_test_login (srv, "center", ANJU_TEST_DEMO_PASSWORD);
  gint64 lifetime = srv->config->session_lifetime_hours * 60;
  gint64 elapsed = 0;
  const gint64 step = 25;

  g_assert_cmpuint (srv->config->session_lifetime_hours, ==, 12);

  while (elapsed + step < lifetime)
    {
      advance_minutes (srv, step);
      elapsed += step;
      g_assert_cmpuint (me_status (srv, token), ==, SOUP_STATUS_OK);
    }

  advance_minutes (srv, step);
  g_assert_cmpuint (me_status (srv, token), ==, SOUP_STATUS_UNAUTHORIZED);
}

static void
test_logout (AnjuTestFixture *fixture,
             gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *first = anju_test_login (srv, "center", ANJU_TEST_DEMO_PASSWORD);
  g_autofree char *second = anju_test_login (srv, "center", ANJU_TEST_DEMO_PASSWORD);
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  reply = anju_test_request (srv, first, "POST", "/api/v1/auth/logout", NULL, &status);
  anju_assert_status (status, SOUP_STATUS_NO_CONTENT, reply);

  g_assert_cmpuint (me_status (srv, first), ==, SOUP_STATUS_UNAUTHORIZED);
  /* Only this session ends. */
  g_assert_cmpuint (me_status (srv, second), ==, SOUP_STATUS_OK);
  g_assert_cmpuint (me_status (srv, fixture->admin), ==, SOUP_STATUS_OK);
}

static void
test_logout_all (AnjuTestFixture *fixture,
                 gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *first = anju_test_login (srv, "center", ANJU_TEST_DEMO_PASSWORD);
  g_autofree char *second = anju_test_login (srv, "center", ANJU_TEST_DEMO_PASSWORD);
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  reply = anju_test_request (srv, first, "POST", "/api/v1/auth/logout-all", NULL, &status);
  anju_assert_status (status, SOUP_STATUS_NO_CONTENT, reply);

  g_assert_cmpuint (me_status (srv, first), ==, SOUP_STATUS_UNAUTHORIZED);
  g_assert_cmpuint (me_status (srv, second), ==, SOUP_STATUS_UNAUTHORIZED);
  /* Other users keep theirs. */
  g_assert_cmpuint (me_status (srv, fixture->admin), ==, SOUP_STATUS_OK);
}

static JsonNode *
change_password (AnjuTestServer *srv,
                 const char     *token,
                 const char     *old_password,
                 const char     *new_password,
                 guint          *out_status)
{
  return anju_test_requestf (srv, token, "POST", "/api/v1/auth/password", out_status,
                             "{\"old_password\":\"%s\",\"new_password\":\"%s\"}",
                             old_password, new_password);
}

/* SEC-001: each rule of the policy is named when it is broken. */
static void
test_password_policy (AnjuTestFixture *fixture,
                      gconstpointer    data)
{
  static const struct
  {
    const char *password;
    const char *named;
  } cases[] = {
    { "Ab1!xyz", "8 characters" },
    { "abcdef12!", "upper-case" },
    { "ABCDEF12!", "lower-case" },
    { "Abcdefgh!", "digit" },
    { "Abcdefgh12", "special" },
    { "Xstreet_ypl1!", "username" },
    { "XSTREET_YPL1!a", "username" },
  };
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *token = anju_test_login (srv, "street_ypl", ANJU_TEST_DEMO_PASSWORD);
  g_autofree char *users_before = anju_test_db_dump (srv, "users");
  g_autofree char *users_after = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) reply = NULL;
      g_autofree char *folded = NULL;
      guint status = 0;

      g_test_message ("new password %s", cases[i].password);
      reply = change_password (srv, token, ANJU_TEST_DEMO_PASSWORD, cases[i].password, &status);
      anju_assert_error (status, reply, 422, "validation_failed");
      folded = g_ascii_strdown (anju_test_json_string (reply, "error.fields.new_password"), -1);
      if (strstr (folded, cases[i].named) == NULL)
        g_error ("\"%s\" does not name \"%s\"", folded, cases[i].named);
    }

  users_after = anju_test_db_dump (srv, "users");
  g_assert_cmpstr (users_before, ==, users_after);

  /* The old password still works. */
  g_free (anju_test_login (srv, "street_ypl", ANJU_TEST_DEMO_PASSWORD));
}

static void
test_password_change (AnjuTestFixture *fixture,
                      gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *token = anju_test_login (srv, "street_ypl", ANJU_TEST_DEMO_PASSWORD);
  g_autofree char *other = anju_test_login (srv, "street_ypl", ANJU_TEST_DEMO_PASSWORD);
  g_autofree char *fresh = NULL;
  g_autoptr(JsonNode) wrong_old = NULL;
  g_autoptr(JsonNode) changed = NULL;
  guint status = 0;

  /* A wrong old password changes nothing and does not end the session. */
  wrong_old = change_password (srv, token, "Wrong@2026", NEW_PASSWORD, &status);
  g_assert_cmpuint (status, !=, SOUP_STATUS_NO_CONTENT);
  if (status == 422)
    g_assert_true (anju_test_json_has (wrong_old, "error.fields.old_password"));
  else
    anju_assert_error (status, wrong_old, SOUP_STATUS_UNAUTHORIZED, "invalid_credentials");
  g_assert_cmpuint (me_status (srv, token), ==, SOUP_STATUS_OK);
  assert_login_fails (srv, "street_ypl", NEW_PASSWORD, SOUP_STATUS_UNAUTHORIZED, "invalid_credentials");

  changed = change_password (srv, token, ANJU_TEST_DEMO_PASSWORD, NEW_PASSWORD, &status);
  anju_assert_status (status, SOUP_STATUS_NO_CONTENT, changed);

  /* Other sessions end; this one goes on. */
  g_assert_cmpuint (me_status (srv, other), ==, SOUP_STATUS_UNAUTHORIZED);
  g_assert_cmpuint (me_status (srv, token), ==, SOUP_STATUS_OK);

  assert_login_fails (srv, "street_ypl", ANJU_TEST_DEMO_PASSWORD, SOUP_STATUS_UNAUTHORIZED, "invalid_credentials");
  fresh = anju_test_login (srv, "street_ypl", NEW_PASSWORD);
  g_assert_nonnull (fresh);
}

/* A user who must change the password may still sign out. */
static void
test_change_required_allows_logout (AnjuTestFixture *fixture,
                                    gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  gint64 org = anju_test_find_org (srv, fixture->admin, "银盆岭街道");
  gint64 role = anju_test_find_role (srv, fixture->admin, "street_staff");
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(JsonNode) blocked = NULL;
  g_autoptr(JsonNode) out = NULL;
  g_autoptr(JsonNode) all_out = NULL;
  guint status = 0;

  anju_test_create_user (srv, fixture->admin, "newcomer", org, role, RESET_PASSWORD);
  first = anju_test_login (srv, "newcomer", RESET_PASSWORD);
  second = anju_test_login (srv, "newcomer", RESET_PASSWORD);

  blocked = anju_test_request (srv, first, "GET", "/api/v1/roles", NULL, &status);
  anju_assert_error (status, blocked, SOUP_STATUS_FORBIDDEN, "password_change_required");

  out = anju_test_request (srv, first, "POST", "/api/v1/auth/logout", NULL, &status);
  anju_assert_status (status, SOUP_STATUS_NO_CONTENT, out);
  all_out = anju_test_request (srv, second, "POST", "/api/v1/auth/logout-all", NULL, &status);
  anju_assert_status (status, SOUP_STATUS_NO_CONTENT, all_out);
  g_assert_cmpuint (me_status (srv, second), ==, SOUP_STATUS_UNAUTHORIZED);
}

/* An admin reset forces a change before anything else is allowed. */
static void
test_reset_forces_change (AnjuTestFixture *fixture,
                          gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  gint64 user_id = anju_test_find_user (srv, fixture->admin, "street_ypl");
  g_autofree char *reset_path = g_strdup_printf ("/api/v1/users/%" G_GINT64_FORMAT "/reset-password", user_id);
  g_autofree char *before_reset = anju_test_login (srv, "street_ypl", ANJU_TEST_DEMO_PASSWORD);
  g_autofree char *token = NULL;
  g_autoptr(JsonNode) reset = NULL;
  g_autoptr(JsonNode) blocked = NULL;
  g_autoptr(JsonNode) blocked_write = NULL;
  g_autoptr(JsonNode) me = NULL;
  g_autoptr(JsonNode) changed = NULL;
  g_autoptr(JsonNode) me_after = NULL;
  g_autoptr(JsonNode) allowed = NULL;
  guint status = 0;

  reset = anju_test_requestf (srv, fixture->admin, "POST", reset_path, &status,
                              "{\"new_password\":\"%s\"}", RESET_PASSWORD);
  anju_assert_status (status, SOUP_STATUS_OK, reset);
  g_assert_true (anju_test_json_bool (reset, "must_change_password"));

  /* Sessions end with the reset. */
  g_assert_cmpuint (me_status (srv, before_reset), ==, SOUP_STATUS_UNAUTHORIZED);
  assert_login_fails (srv, "street_ypl", ANJU_TEST_DEMO_PASSWORD, SOUP_STATUS_UNAUTHORIZED, "invalid_credentials");

  token = anju_test_login (srv, "street_ypl", RESET_PASSWORD);

  blocked = anju_test_request (srv, token, "GET", "/api/v1/users", NULL, &status);
  anju_assert_error (status, blocked, SOUP_STATUS_FORBIDDEN, "password_change_required");
  blocked_write = anju_test_request (srv, token, "GET", "/api/v1/organisations", NULL, &status);
  anju_assert_error (status, blocked_write, SOUP_STATUS_FORBIDDEN, "password_change_required");

  me = anju_test_request (srv, token, "GET", "/api/v1/auth/me", NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, me);
  g_assert_true (anju_test_json_bool (me, "must_change_password"));

  changed = change_password (srv, token, RESET_PASSWORD, NEW_PASSWORD, &status);
  anju_assert_status (status, SOUP_STATUS_NO_CONTENT, changed);

  me_after = anju_test_request (srv, token, "GET", "/api/v1/auth/me", NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, me_after);
  g_assert_false (anju_test_json_bool (me_after, "must_change_password"));

  allowed = anju_test_request (srv, token, "GET", "/api/v1/users", NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, allowed);
}

/* A reset password must follow the policy too. */
static void
test_reset_policy (AnjuTestFixture *fixture,
                   gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  gint64 user_id = anju_test_find_user (srv, fixture->admin, "street_ypl");
  g_autofree char *reset_path = g_strdup_printf ("/api/v1/users/%" G_GINT64_FORMAT "/reset-password", user_id);
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  reply = anju_test_request (srv, fixture->admin, "POST", reset_path, "{\"new_password\":\"weak\"}", &status);
  anju_assert_error (status, reply, 422, "validation_failed");
  g_assert_true (anju_test_json_has (reply, "error.fields.new_password"));

  g_free (anju_test_login (srv, "street_ypl", ANJU_TEST_DEMO_PASSWORD));
}

static void
test_disabled_user (AnjuTestFixture *fixture,
                    gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  gint64 user_id = anju_test_find_user (srv, fixture->admin, "supplier");
  g_autofree char *disable_path = g_strdup_printf ("/api/v1/users/%" G_GINT64_FORMAT "/disable", user_id);
  g_autofree char *enable_path = g_strdup_printf ("/api/v1/users/%" G_GINT64_FORMAT "/enable", user_id);
  g_autofree char *token = anju_test_login (srv, "supplier", ANJU_TEST_DEMO_PASSWORD);
  g_autoptr(JsonNode) disabled = NULL;
  g_autoptr(JsonNode) enabled = NULL;
  guint status = 0;

  disabled = anju_test_request (srv, fixture->admin, "POST", disable_path, NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, disabled);
  g_assert_cmpstr (anju_test_json_string (disabled, "status"), ==, "disabled");

  /* Its sessions end, and it cannot sign in. */
  g_assert_cmpuint (me_status (srv, token), ==, SOUP_STATUS_UNAUTHORIZED);
  assert_login_fails (srv, "supplier", ANJU_TEST_DEMO_PASSWORD, SOUP_STATUS_FORBIDDEN, "account_disabled");

  enabled = anju_test_request (srv, fixture->admin, "POST", enable_path, NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, enabled);
  g_assert_cmpstr (anju_test_json_string (enabled, "status"), ==, "active");
  g_free (anju_test_login (srv, "supplier", ANJU_TEST_DEMO_PASSWORD));
}

/* The newest audit record of action by actor. */
static JsonNode *
newest_audit (AnjuTestServer *srv,
              const char     *token,
              const char     *action,
              const char     *actor)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/audit?action=%s&actor=%s", action, actor);
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  reply = anju_test_request (srv, token, "GET", path, NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, reply);
  anju_test_assert_page (reply);
  g_assert_cmpuint (anju_test_json_length (reply, "items"), >=, 1);

  return json_node_copy (anju_test_json_lookup (reply, "items.0"));
}

/* SEC-033, SEC-034, F-PORTAL-021: sign-ins and failed sign-ins are
 * audited with the client's address. */
static void
test_login_audited (AnjuTestFixture *fixture,
                    gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  gint64 user_id = anju_test_find_user (srv, fixture->admin, "street_ypl");
  g_autofree char *token = NULL;
  g_autoptr(JsonNode) success = NULL;
  g_autoptr(JsonNode) failure = NULL;
  g_autoptr(JsonNode) logout = NULL;
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  assert_login_fails (srv, "street_ypl", "Wrong@2026", SOUP_STATUS_UNAUTHORIZED, "invalid_credentials");
  token = anju_test_login (srv, "street_ypl", ANJU_TEST_DEMO_PASSWORD);
  reply = anju_test_request (srv, token, "POST", "/api/v1/auth/logout", NULL, &status);
  anju_assert_status (status, SOUP_STATUS_NO_CONTENT, reply);

  failure = newest_audit (srv, fixture->admin, "auth.login_failed", "street_ypl");
  g_assert_cmpstr (anju_test_json_string (failure, "actor"), ==, "street_ypl");
  g_assert_cmpstr (anju_test_json_string (failure, "client_address"), ==, "127.0.0.1");
  g_assert_cmpstr (anju_test_json_string (failure, "action"), ==, "auth.login_failed");

  success = newest_audit (srv, fixture->admin, "auth.login", "street_ypl");
  g_assert_cmpstr (anju_test_json_string (success, "actor"), ==, "street_ypl");
  g_assert_cmpint (anju_test_json_int (success, "actor_id"), ==, user_id);
  g_assert_cmpstr (anju_test_json_string (success, "client_address"), ==, "127.0.0.1");
  g_assert_cmpint (anju_test_json_int (success, "id"), >, anju_test_json_int (failure, "id"));

  logout = newest_audit (srv, fixture->admin, "auth.logout", "street_ypl");
  g_assert_cmpint (anju_test_json_int (logout, "actor_id"), ==, user_id);
  g_assert_cmpstr (anju_test_json_string (logout, "client_address"), ==, "127.0.0.1");

  /* A failed sign-in of an account that does not exist is audited too. */
  assert_login_fails (srv, "ghost_user", "Wrong@2026", SOUP_STATUS_UNAUTHORIZED, "invalid_credentials");
  {
    g_autoptr(JsonNode) ghost = newest_audit (srv, fixture->admin, "auth.login_failed", "ghost_user");

    g_assert_cmpstr (anju_test_json_string (ghost, "client_address"), ==, "127.0.0.1");
  }
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

  add_fixture_test ("/auth/login/success", test_login_success);
  add_fixture_test ("/auth/login/failures", test_login_failures);
  add_fixture_test ("/auth/lockout  SEC-013", test_lockout);
  add_fixture_test ("/auth/lockout/unlock  SEC-014", test_lockout_unlock);
  add_fixture_test ("/auth/lockout/unlock-clears-failures  SEC-014", test_unlock_clears_failures);
  add_fixture_test ("/auth/lockout/window  SEC-013", test_lockout_window);
  g_test_add_func ("/auth/lockout/configured  SEC-013", test_lockout_configured);
  add_fixture_test ("/auth/session/idle  SEC-015", test_idle_timeout);
  add_fixture_test ("/auth/session/activity  SEC-015", test_activity_keeps_session);
  add_fixture_test ("/auth/session/lifetime", test_absolute_lifetime);
  add_fixture_test ("/auth/logout", test_logout);
  add_fixture_test ("/auth/logout-all", test_logout_all);
  add_fixture_test ("/auth/password/policy  SEC-001", test_password_policy);
  add_fixture_test ("/auth/password/change  SEC-001", test_password_change);
  add_fixture_test ("/auth/password/reset-forces-change  SEC-002", test_reset_forces_change);
  add_fixture_test ("/auth/password/reset-policy  SEC-003", test_reset_policy);
  add_fixture_test ("/auth/password/required-allows-logout  SEC-002", test_change_required_allows_logout);
  add_fixture_test ("/auth/disabled", test_disabled_user);
  add_fixture_test ("/auth/audited  F-PORTAL-021", test_login_audited);

  return g_test_run ();
}
