/* test-web-session.c: the mobile web's cookie session and CSRF token
 * (docs/api.md "Mobile web (issue 6)").
 *
 * SEC-075 (web attacks: CSRF), SEC-014 (lockout on the mobile web),
 * SEC-015 (idle timeout on the mobile web), F-PORTAL-024…034 (the mobile
 * portal signs in through this).
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "anju-web-http.h"

#define FEEDBACK_BODY "{\"type\":\"service\",\"title\":\"手机端反馈\",\"content\":\"字太小\"}"

static GBytes *
text_bytes (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

/* POST /api/v1/feedback as the browser would, with the given cookie,
 * CSRF token and Origin (each nullable). */
static AnjuWebReply *
post_feedback (AnjuTestServer *srv,
               const char     *cookie,
               const char     *csrf,
               const char     *origin)
{
  g_autoptr(GBytes) body = text_bytes (FEEDBACK_BODY);
  const char *headers[] = { "Cookie", cookie, "X-CSRF-Token", csrf, "Origin", origin, NULL };

  return anju_web_http (srv, "POST", "/api/v1/feedback", headers, "application/json", body);
}

static AnjuWebReply *
get_with_cookie (AnjuTestServer *srv,
                 const char     *path,
                 const char     *cookie)
{
  const char *headers[] = { "Cookie", cookie, NULL };

  return anju_web_http (srv, "GET", path, headers, NULL, NULL);
}

static void
assert_reply_error (AnjuWebReply *reply,
                    guint         status,
                    const char   *code)
{
  g_autoptr(JsonNode) json = anju_web_reply_json (reply);

  anju_assert_error (reply->status, json, status, code);
}

static void
assert_cookie_cleared (AnjuWebReply *reply)
{
  g_assert_cmpstr (anju_web_reply_header (reply, "Set-Cookie"), ==,
                   "anju_session=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=Strict");
}

static gboolean
is_hex (const char *text,
        gsize       length)
{
  if (strlen (text) != length)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isxdigit (text[i]) || g_ascii_isupper (text[i]))
      return FALSE;
  return TRUE;
}

/* The cookie sign-in answers the CSRF token and no session token, and the
 * cookie carries exactly the flags of the contract. */
static void
test_cookie_sign_in (void)
{
  AnjuTestServer *srv = anju_test_server_start (TRUE);
  g_autoptr(GBytes) body = text_bytes ("{\"username\":\"street_ypl\",\"password\":\""
                                       ANJU_TEST_DEMO_PASSWORD "\",\"session\":\"cookie\"}");
  g_autoptr(AnjuWebReply) reply = NULL;
  g_autoptr(AnjuWebReply) me = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autoptr(JsonNode) me_json = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *cookie = NULL;
  const char *set_cookie;
  const char *token;

  reply = anju_web_http (srv, "POST", "/api/v1/auth/login", NULL, "application/json", body);
  json = anju_web_reply_json (reply);
  anju_assert_status (reply->status, SOUP_STATUS_OK, json);
  g_assert_false (anju_test_json_has (json, "token"));
  g_assert_true (is_hex (anju_test_json_string (json, "csrf_token"), 64));
  g_assert_nonnull (anju_test_json_string (json, "expires_at"));
  g_assert_cmpstr (anju_test_json_string (json, "user.username"), ==, "street_ypl");

  set_cookie = anju_web_reply_header (reply, "Set-Cookie");
  g_assert_nonnull (set_cookie);
  g_assert_true (g_str_has_prefix (set_cookie, "anju_session="));
  token = set_cookie + strlen ("anju_session=");
  g_assert_nonnull (strchr (token, ';'));
  cookie = g_strndup (set_cookie, strchr (token, ';') - set_cookie);
  g_assert_cmpuint (strlen (cookie), >, strlen ("anju_session=") + 40);
  expected = g_strconcat (cookie, "; Path=/; Secure; HttpOnly; SameSite=Strict", NULL);
  g_assert_cmpstr (set_cookie, ==, expected);
  /* The token never appears in the body, where a script could read it. */
  g_assert_null (g_strstr_len (g_bytes_get_data (reply->body, NULL), g_bytes_get_size (reply->body),
                               cookie + strlen ("anju_session=")));

  me = get_with_cookie (srv, "/api/v1/auth/me", cookie);
  me_json = anju_web_reply_json (me);
  anju_assert_status (me->status, SOUP_STATUS_OK, me_json);
  g_assert_cmpstr (anju_test_json_string (me_json, "username"), ==, "street_ypl");

  anju_test_server_stop (srv);
}

/* A bearer sign-in is what it was: the token in the body, no cookie. */
static void
test_bearer_unchanged (void)
{
  AnjuTestServer *srv = anju_test_server_start (TRUE);
  g_autoptr(GBytes) body = text_bytes ("{\"username\":\"street_ypl\",\"password\":\""
                                       ANJU_TEST_DEMO_PASSWORD "\"}");
  g_autoptr(AnjuWebReply) reply = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autoptr(JsonNode) created = NULL;
  g_autofree char *authorization = NULL;
  g_autofree char *cookie = anju_web_sign_in (srv, "community_ypl", NULL);
  g_autoptr(AnjuWebReply) write = NULL;
  g_autoptr(GBytes) feedback = text_bytes (FEEDBACK_BODY);

  reply = anju_web_http (srv, "POST", "/api/v1/auth/login", NULL, "application/json", body);
  json = anju_web_reply_json (reply);
  anju_assert_status (reply->status, SOUP_STATUS_OK, json);
  g_assert_nonnull (anju_test_json_string (json, "token"));
  g_assert_false (anju_test_json_has (json, "csrf_token"));
  g_assert_null (anju_web_reply_header (reply, "Set-Cookie"));

  /* A bearer write needs no CSRF token, even with a cookie beside it:
   * the Authorization header decides. */
  authorization = g_strconcat ("Bearer ", anju_test_json_string (json, "token"), NULL);
  {
    const char *headers[] = { "Authorization", authorization, "Cookie", cookie, NULL };

    write = anju_web_http (srv, "POST", "/api/v1/feedback", headers, "application/json", feedback);
  }
  created = anju_web_reply_json (write);
  anju_assert_status (write->status, SOUP_STATUS_CREATED, created);
  g_assert_cmpstr (anju_test_json_string (created, "author.name"), ==, "李娜");

  anju_test_server_stop (srv);
}

/* A cookie write without its CSRF token, or with a wrong one, or from
 * another origin, is refused and writes nothing; with it, it goes. */
static void
test_csrf_required (void)
{
  AnjuTestServer *srv = anju_test_server_start (TRUE);
  g_autofree char *csrf = NULL;
  g_autofree char *cookie = anju_web_sign_in (srv, "street_ypl", &csrf);
  g_autofree char *before = anju_test_db_dump (srv, "feedback");
  g_autofree char *audit_before = anju_test_db_query (srv, "SELECT COUNT(*) FROM audit_log");
  g_autofree char *wrong = g_strdup (csrf);
  g_autofree char *after = NULL;
  g_autofree char *audit_after = NULL;
  g_autofree char *own_origin = g_strdup (srv->base_uri);

  wrong[0] = wrong[0] == '0' ? '1' : '0';
  {
    g_autoptr(AnjuWebReply) missing = post_feedback (srv, cookie, NULL, NULL);
    g_autoptr(AnjuWebReply) wrong_token = post_feedback (srv, cookie, wrong, NULL);
    g_autoptr(AnjuWebReply) short_token = post_feedback (srv, cookie, "00", NULL);
    g_autoptr(AnjuWebReply) foreign = post_feedback (srv, cookie, csrf, "https://evil.example");
    g_autoptr(AnjuWebReply) null_origin = post_feedback (srv, cookie, csrf, "null");

    assert_reply_error (missing, SOUP_STATUS_FORBIDDEN, "csrf_failed");
    assert_reply_error (wrong_token, SOUP_STATUS_FORBIDDEN, "csrf_failed");
    assert_reply_error (short_token, SOUP_STATUS_FORBIDDEN, "csrf_failed");
    assert_reply_error (foreign, SOUP_STATUS_FORBIDDEN, "csrf_failed");
    assert_reply_error (null_origin, SOUP_STATUS_FORBIDDEN, "csrf_failed");
  }
  after = anju_test_db_dump (srv, "feedback");
  audit_after = anju_test_db_query (srv, "SELECT COUNT(*) FROM audit_log");
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpstr (audit_before, ==, audit_after);

  {
    g_autoptr(AnjuWebReply) right = post_feedback (srv, cookie, csrf, NULL);
    g_autoptr(AnjuWebReply) same_origin = post_feedback (srv, cookie, csrf, own_origin);
    g_autoptr(JsonNode) json = anju_web_reply_json (right);
    g_autoptr(JsonNode) same_json = anju_web_reply_json (same_origin);

    anju_assert_status (right->status, SOUP_STATUS_CREATED, json);
    g_assert_cmpstr (anju_test_json_string (json, "author.name"), ==, "李娜");
    anju_assert_status (same_origin->status, SOUP_STATUS_CREATED, same_json);
  }
  g_free (after);
  after = anju_test_db_query (srv, "SELECT COUNT(*) FROM feedback WHERE title = '手机端反馈'");
  g_assert_cmpstr (after, ==, "2");

  /* Reading needs no token. */
  {
    g_autoptr(AnjuWebReply) read = get_with_cookie (srv, "/api/v1/feedback?mine=true", cookie);

    g_assert_cmpuint (read->status, ==, SOUP_STATUS_OK);
  }

  anju_test_server_stop (srv);
}

/* Another session's token does not fit this one. */
static void
test_csrf_bound_to_session (void)
{
  AnjuTestServer *srv = anju_test_server_start (TRUE);
  g_autofree char *csrf_a = NULL;
  g_autofree char *csrf_b = NULL;
  g_autofree char *cookie_a = anju_web_sign_in (srv, "street_ypl", &csrf_a);
  g_autofree char *cookie_b = anju_web_sign_in (srv, "street_ypl", &csrf_b);
  g_autoptr(AnjuWebReply) crossed = NULL;

  g_assert_cmpstr (csrf_a, !=, csrf_b);
  crossed = post_feedback (srv, cookie_a, csrf_b, NULL);
  assert_reply_error (crossed, SOUP_STATUS_FORBIDDEN, "csrf_failed");

  anju_test_server_stop (srv);
}

/* After a reload the page asks for the token again. */
static void
test_csrf_endpoint (void)
{
  AnjuTestServer *srv = anju_test_server_start (TRUE);
  g_autofree char *csrf = NULL;
  g_autofree char *cookie = anju_web_sign_in (srv, "community_ypl", &csrf);
  g_autoptr(AnjuWebReply) reply = get_with_cookie (srv, "/api/v1/auth/csrf", cookie);
  g_autoptr(AnjuWebReply) anonymous = anju_web_http (srv, "GET", "/api/v1/auth/csrf", NULL,
                                                      NULL, NULL);
  g_autoptr(JsonNode) json = anju_web_reply_json (reply);

  anju_assert_status (reply->status, SOUP_STATUS_OK, json);
  g_assert_cmpstr (anju_test_json_string (json, "csrf_token"), ==, csrf);
  assert_reply_error (anonymous, SOUP_STATUS_UNAUTHORIZED, "unauthorized");

  anju_test_server_stop (srv);
}

/* Sign-out ends the session and clears the cookie. */
static void
test_sign_out_clears_cookie (void)
{
  AnjuTestServer *srv = anju_test_server_start (TRUE);
  g_autofree char *csrf = NULL;
  g_autofree char *cookie = anju_web_sign_in (srv, "street_ypl", &csrf);
  const char *no_token[] = { "Cookie", cookie, NULL };
  const char *headers[] = { "Cookie", cookie, "X-CSRF-Token", csrf, NULL };
  g_autoptr(AnjuWebReply) refused = anju_web_http (srv, "POST", "/api/v1/auth/logout", no_token,
                                                    NULL, NULL);
  g_autoptr(AnjuWebReply) out = NULL;
  g_autoptr(AnjuWebReply) after = NULL;

  /* Signing someone out is a write too. */
  assert_reply_error (refused, SOUP_STATUS_FORBIDDEN, "csrf_failed");

  out = anju_web_http (srv, "POST", "/api/v1/auth/logout", headers, NULL, NULL);
  g_assert_cmpuint (out->status, ==, SOUP_STATUS_NO_CONTENT);
  assert_cookie_cleared (out);

  after = get_with_cookie (srv, "/api/v1/auth/me", cookie);
  assert_reply_error (after, SOUP_STATUS_UNAUTHORIZED, "unauthorized");
  assert_cookie_cleared (after);

  anju_test_server_stop (srv);
}

/* SEC-015: an idle cookie session ends like a bearer one; the 401 clears
 * the cookie, for reads and writes alike (the page then goes to sign-in
 * and keeps what was typed). */
static void
test_expired_session (void)
{
  AnjuTestServer *srv = anju_test_server_start (TRUE);
  g_autofree char *csrf = NULL;
  g_autofree char *cookie = anju_web_sign_in (srv, "street_ypl", &csrf);
  g_autoptr(AnjuWebReply) read = NULL;
  g_autoptr(AnjuWebReply) write = NULL;
  g_autoptr(AnjuWebReply) unknown = NULL;

  anju_clock_advance (srv->clock, (srv->config->session_idle_minutes + 1) * G_TIME_SPAN_MINUTE);

  write = post_feedback (srv, cookie, csrf, NULL);
  assert_reply_error (write, SOUP_STATUS_UNAUTHORIZED, "unauthorized");
  assert_cookie_cleared (write);
  read = get_with_cookie (srv, "/api/v1/auth/me", cookie);
  assert_reply_error (read, SOUP_STATUS_UNAUTHORIZED, "unauthorized");
  assert_cookie_cleared (read);

  unknown = get_with_cookie (srv, "/api/v1/todo", "anju_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
  assert_reply_error (unknown, SOUP_STATUS_UNAUTHORIZED, "unauthorized");
  assert_cookie_cleared (unknown);

  anju_test_server_stop (srv);
}

static AnjuWebReply *
cookie_login (AnjuTestServer *srv,
              const char     *username,
              const char     *password,
              const char     *origin)
{
  g_autofree char *text = g_strdup_printf ("{\"username\":\"%s\",\"password\":\"%s\","
                                           "\"session\":\"cookie\"}", username, password);
  g_autoptr(GBytes) body = text_bytes (text);
  const char *headers[] = { "Origin", origin, NULL };

  return anju_web_http (srv, "POST", "/api/v1/auth/login", headers, "application/json", body);
}

/* SEC-014: the cookie sign-in counts failures and locks like the bearer
 * one, and a locked account gets no cookie. */
static void
test_lockout (void)
{
  AnjuTestServer *srv = anju_test_server_start (TRUE);
  g_autofree char *failures = NULL;
  g_autoptr(AnjuWebReply) locked = NULL;
  g_autoptr(AnjuWebReply) later = NULL;

  for (guint i = 0; i < srv->config->lockout_attempts; i++)
    {
      g_autoptr(AnjuWebReply) wrong = cookie_login (srv, "community_ypl", "Wrong@2026", NULL);

      g_assert_cmpuint (wrong->status, !=, SOUP_STATUS_OK);
      g_assert_null (anju_web_reply_header (wrong, "Set-Cookie"));
    }
  locked = cookie_login (srv, "community_ypl", ANJU_TEST_DEMO_PASSWORD, NULL);
  assert_reply_error (locked, 423, "account_locked");
  g_assert_null (anju_web_reply_header (locked, "Set-Cookie"));

  failures = anju_test_db_query (srv, "SELECT COUNT(*) FROM audit_log"
                                      " WHERE action = 'auth.login_failed'"
                                      " AND actor = 'community_ypl'");
  g_assert_cmpint (atoi (failures), ==, srv->config->lockout_attempts + 1);

  anju_clock_advance (srv->clock, (srv->config->lockout_minutes + 1) * G_TIME_SPAN_MINUTE);
  later = cookie_login (srv, "community_ypl", ANJU_TEST_DEMO_PASSWORD, NULL);
  g_assert_cmpuint (later->status, ==, SOUP_STATUS_OK);
  g_assert_nonnull (anju_web_reply_header (later, "Set-Cookie"));

  anju_test_server_stop (srv);
}

/* A page of another site cannot sign the browser in (login CSRF), and
 * the session kind is checked. */
static void
test_sign_in_refusals (void)
{
  AnjuTestServer *srv = anju_test_server_start (TRUE);
  g_autoptr(AnjuWebReply) foreign = cookie_login (srv, "street_ypl", ANJU_TEST_DEMO_PASSWORD,
                                                  "https://evil.example");
  g_autoptr(GBytes) body = text_bytes ("{\"username\":\"street_ypl\",\"password\":\""
                                       ANJU_TEST_DEMO_PASSWORD "\",\"session\":\"jar\"}");
  g_autoptr(AnjuWebReply) bad_kind = anju_web_http (srv, "POST", "/api/v1/auth/login", NULL,
                                                     "application/json", body);
  g_autoptr(JsonNode) json = anju_web_reply_json (bad_kind);

  assert_reply_error (foreign, SOUP_STATUS_FORBIDDEN, "csrf_failed");
  g_assert_null (anju_web_reply_header (foreign, "Set-Cookie"));
  anju_assert_error (bad_kind->status, json, 422, "validation_failed");
  g_assert_true (anju_test_json_has (json, "error.fields.session"));

  anju_test_server_stop (srv);
}

int
main (int    argc,
      char **argv)
{
  anju_test_init (&argc, &argv);

  g_test_add_func ("/web/session/cookie-sign-in  SEC-075 F-PORTAL-024", test_cookie_sign_in);
  g_test_add_func ("/web/session/bearer-unchanged  SEC-075", test_bearer_unchanged);
  g_test_add_func ("/web/session/csrf-required  SEC-075", test_csrf_required);
  g_test_add_func ("/web/session/csrf-bound-to-session  SEC-075", test_csrf_bound_to_session);
  g_test_add_func ("/web/session/csrf-endpoint  SEC-075", test_csrf_endpoint);
  g_test_add_func ("/web/session/sign-out-clears-cookie  SEC-075 F-PORTAL-030",
                   test_sign_out_clears_cookie);
  g_test_add_func ("/web/session/expired  SEC-015", test_expired_session);
  g_test_add_func ("/web/session/lockout  SEC-014", test_lockout);
  g_test_add_func ("/web/session/sign-in-refusals  SEC-075", test_sign_in_refusals);

  return g_test_run ();
}
