/* test-session-cache.c: the server's cache of signed-in callers
 * (server/identity/anju-session-cache.h, issue 7).
 *
 * A request whose token the server has seen is answered from the
 * caller it kept, but never from a stale one: each test first uses its
 * tokens until the cache holds their callers (warm), then changes what
 * a caller is built from, and the very next request must see it.
 */

#include "anju-server.h"
#include "anju-session-cache.h"
#include "anju-test-identity.h"

#define NEW_PASSWORD "Fresh#2026ok"
#define READY_PASSWORD "Ready#2026ok"

static guint
get_status (AnjuTestServer *srv,
            const char     *token,
            const char     *path)
{
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  reply = anju_test_request (srv, token, "GET", path, NULL, &status);
  if (status == SOUP_STATUS_UNAUTHORIZED)
    anju_assert_error (status, reply, SOUP_STATUS_UNAUTHORIZED, "unauthorized");
  return status;
}

static guint
me_status (AnjuTestServer *srv,
           const char     *token)
{
  return get_status (srv, token, "/api/v1/auth/me");
}

static guint
org_status (AnjuTestServer *srv,
            const char     *token,
            gint64          org_id)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/organisations/%" G_GINT64_FORMAT, org_id);

  return get_status (srv, token, path);
}

static guint
n_kept (AnjuTestServer *srv)
{
  return anju_session_cache_get_n_kept (anju_server_get_session_cache (srv->server));
}

/* Uses token twice: the first request keeps its caller (unless kept
 * already), the second is answered from it. */
static void
warm (AnjuTestServer *srv,
      const char     *token)
{
  g_assert_cmpuint (me_status (srv, token), ==, SOUP_STATUS_OK);
  g_assert_cmpuint (me_status (srv, token), ==, SOUP_STATUS_OK);
}

static void
advance_minutes (AnjuTestServer *srv,
                 gint64          minutes)
{
  anju_clock_advance (srv->clock, minutes * G_TIME_SPAN_MINUTE);
}

static void
post_ok (AnjuTestServer *srv,
         const char     *token,
         const char     *path,
         const char     *body,
         guint           expected)
{
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  reply = anju_test_request (srv, token, "POST", path, body, &status);
  anju_assert_status (status, expected, reply);
}

static void
patch_ok (AnjuTestServer *srv,
          const char     *token,
          const char     *collection,
          gint64          id,
          const char     *body)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/%s/%" G_GINT64_FORMAT, collection, id);
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  reply = anju_test_request (srv, token, "PATCH", path, body, &status);
  anju_assert_status (status, SOUP_STATUS_OK, reply);
}

/* The same token again is answered from the kept caller: only its first
 * request builds one. */
static void
test_reuse (AnjuTestFixture *fixture,
            gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *token = anju_test_login (srv, "center", ANJU_TEST_DEMO_PASSWORD);
  g_autoptr(JsonNode) me = NULL;
  guint before = n_kept (srv);
  guint status = 0;

  for (guint i = 0; i < 5; i++)
    g_assert_cmpuint (me_status (srv, token), ==, SOUP_STATUS_OK);
  g_assert_cmpuint (n_kept (srv), ==, before + 1);

  /* What the kept caller answers is the caller. */
  me = anju_test_request (srv, token, "GET", "/api/v1/auth/me", NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, me);
  g_assert_cmpstr (anju_test_json_string (me, "username"), ==, "center");
  g_assert_true (anju_test_json_array_has_string (me, "permissions", "pubrent.application.read"));
  g_assert_false (anju_test_json_array_has_string (me, "permissions", "portal.user.write"));
  g_assert_cmpuint (n_kept (srv), ==, before + 1);

  /* Another token of the same user is another session. */
  {
    g_autofree char *other = anju_test_login (srv, "center", ANJU_TEST_DEMO_PASSWORD);

    warm (srv, other);
    g_assert_cmpuint (n_kept (srv), ==, before + 2);
  }
}

/* The idle clock still moves (at most once a second) while requests are
 * answered from the cache. */
static void
test_idle_clock (AnjuTestFixture *fixture,
                 gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *token = anju_test_login (srv, "center", ANJU_TEST_DEMO_PASSWORD);
  g_autofree char *now = NULL;
  g_autofree char *last_used = NULL;
  guint idle = srv->config->session_idle_minutes;

  warm (srv, token);
  advance_minutes (srv, 10);
  g_assert_cmpuint (me_status (srv, token), ==, SOUP_STATUS_OK);

  now = g_strdup_printf ("%" G_GINT64_FORMAT, anju_clock_now_secs (srv->clock));
  last_used = anju_test_db_query (srv, "SELECT max(last_used_at) FROM sessions"
                                       " WHERE user_id = (SELECT id FROM users WHERE username = 'center')");
  g_assert_cmpstr (last_used, ==, now);

  /* Kept alive by use, from the cache, well past the idle limit … */
  for (guint i = 0; i < 4; i++)
    {
      advance_minutes (srv, idle - 1);
      g_assert_cmpuint (me_status (srv, token), ==, SOUP_STATUS_OK);
    }

  /* … and refused once idle, for good. */
  advance_minutes (srv, idle + 1);
  g_assert_cmpuint (me_status (srv, token), ==, SOUP_STATUS_UNAUTHORIZED);
  g_assert_cmpuint (me_status (srv, token), ==, SOUP_STATUS_UNAUTHORIZED);
}

/* A session ends session_lifetime_hours after sign-in, kept or not. */
static void
test_lifetime (AnjuTestFixture *fixture,
               gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *token = anju_test_login (srv, "center", ANJU_TEST_DEMO_PASSWORD);
  gint64 left = srv->config->session_lifetime_hours * 60;
  gint64 step = srv->config->session_idle_minutes - 1;

  warm (srv, token);
  while (left > step)
    {
      advance_minutes (srv, step);
      left -= step;
      g_assert_cmpuint (me_status (srv, token), ==, SOUP_STATUS_OK);
    }
  advance_minutes (srv, left);
  g_assert_cmpuint (me_status (srv, token), ==, SOUP_STATUS_UNAUTHORIZED);
}

static void
test_sign_out (AnjuTestFixture *fixture,
               gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *first = anju_test_login (srv, "center", ANJU_TEST_DEMO_PASSWORD);
  g_autofree char *second = anju_test_login (srv, "center", ANJU_TEST_DEMO_PASSWORD);

  warm (srv, first);
  warm (srv, second);
  post_ok (srv, first, "/api/v1/auth/logout", NULL, SOUP_STATUS_NO_CONTENT);

  g_assert_cmpuint (me_status (srv, first), ==, SOUP_STATUS_UNAUTHORIZED);
  g_assert_cmpuint (me_status (srv, second), ==, SOUP_STATUS_OK);
}

/* A password change ends the user's other sessions, at once. */
static void
test_password_change (AnjuTestFixture *fixture,
                      gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *token = anju_test_login (srv, "street_ypl", ANJU_TEST_DEMO_PASSWORD);
  g_autofree char *other = anju_test_login (srv, "street_ypl", ANJU_TEST_DEMO_PASSWORD);
  g_autofree char *body = g_strdup_printf ("{\"old_password\":\"%s\",\"new_password\":\"%s\"}",
                                           ANJU_TEST_DEMO_PASSWORD, NEW_PASSWORD);

  warm (srv, token);
  warm (srv, other);
  post_ok (srv, token, "/api/v1/auth/password", body, SOUP_STATUS_NO_CONTENT);

  g_assert_cmpuint (me_status (srv, other), ==, SOUP_STATUS_UNAUTHORIZED);
  g_assert_cmpuint (me_status (srv, token), ==, SOUP_STATUS_OK);
}

static void
test_disabled (AnjuTestFixture *fixture,
               gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  gint64 user_id = anju_test_find_user (srv, fixture->admin, "supplier");
  g_autofree char *disable = g_strdup_printf ("/api/v1/users/%" G_GINT64_FORMAT "/disable", user_id);
  g_autofree char *token = anju_test_login (srv, "supplier", ANJU_TEST_DEMO_PASSWORD);

  warm (srv, token);
  warm (srv, fixture->admin);
  post_ok (srv, fixture->admin, disable, NULL, SOUP_STATUS_OK);

  g_assert_cmpuint (me_status (srv, token), ==, SOUP_STATUS_UNAUTHORIZED);
  g_assert_cmpuint (me_status (srv, fixture->admin), ==, SOUP_STATUS_OK);
}

/* Changes made by another connection than the server's (anju-server's
 * subcommands, sqlite3 by hand) are seen as well: the triggers, not the
 * server's handlers, raise the generation.  A status changed alone,
 * sessions left as they are. */
static void
test_other_writer (AnjuTestFixture *fixture,
                   gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *supplier = anju_test_login (srv, "supplier", ANJU_TEST_DEMO_PASSWORD);
  g_autofree char *street = anju_test_login (srv, "street_ypl", ANJU_TEST_DEMO_PASSWORD);
  g_autoptr(JsonNode) refused = NULL;
  guint status = 0;

  warm (srv, supplier);
  warm (srv, street);
  g_free (anju_test_db_query (srv, "UPDATE users SET status = 'disabled' WHERE username = 'supplier'"));
  g_assert_cmpuint (me_status (srv, supplier), ==, SOUP_STATUS_UNAUTHORIZED);

  g_free (anju_test_db_query (srv, "UPDATE users SET must_change_password = 1"
                                   " WHERE username = 'street_ypl'"));
  refused = anju_test_request (srv, street, "GET", "/api/v1/organisations", NULL, &status);
  anju_assert_error (status, refused, SOUP_STATUS_FORBIDDEN, "password_change_required");

  /* And a permission taken from a role. */
  g_clear_pointer (&refused, json_node_unref);
  g_free (anju_test_db_query (srv, "UPDATE users SET must_change_password = 0"
                                   " WHERE username = 'street_ypl'"));
  g_assert_cmpuint (get_status (srv, street, "/api/v1/organisations"), ==, SOUP_STATUS_OK);
  g_free (anju_test_db_query (srv, "DELETE FROM role_permissions WHERE permission = 'portal.org.read'"
                                   " AND role_id = (SELECT id FROM roles WHERE code = 'street_staff')"));
  refused = anju_test_request (srv, street, "GET", "/api/v1/organisations", NULL, &status);
  anju_assert_error (status, refused, SOUP_STATUS_FORBIDDEN, "forbidden");
}

/* A permission taken from a role, and given back. */
static void
test_role_permission (AnjuTestFixture *fixture,
                      gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  const char *admin = fixture->admin;
  static const char * const both[] = { "portal.org.read", "portal.user.read", NULL };
  gint64 ypl = anju_test_find_org (srv, admin, "银盆岭街道");
  gint64 role = anju_test_create_role (srv, admin, "缓存测试角色", both);
  g_autofree char *token = anju_test_make_ready_user (srv, admin, "cache_reader", ypl, role,
                                                       READY_PASSWORD);
  g_autoptr(JsonNode) refused = NULL;
  guint status = 0;

  warm (srv, token);
  g_assert_cmpuint (get_status (srv, token, "/api/v1/users"), ==, SOUP_STATUS_OK);
  g_assert_cmpuint (get_status (srv, token, "/api/v1/users"), ==, SOUP_STATUS_OK);

  patch_ok (srv, admin, "roles", role, "{\"permissions\":[\"portal.org.read\"]}");
  refused = anju_test_request (srv, token, "GET", "/api/v1/users", NULL, &status);
  anju_assert_error (status, refused, SOUP_STATUS_FORBIDDEN, "forbidden");
  g_assert_cmpuint (get_status (srv, token, "/api/v1/organisations"), ==, SOUP_STATUS_OK);

  patch_ok (srv, admin, "roles", role, "{\"permissions\":[\"portal.org.read\",\"portal.user.read\"]}");
  g_assert_cmpuint (get_status (srv, token, "/api/v1/users"), ==, SOUP_STATUS_OK);
}

/* A user moved to another organisation has the scope of the new one
 * from the next request on; so has one whose organisation moved. */
static void
test_scope_moves (AnjuTestFixture *fixture,
                  gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  const char *admin = fixture->admin;
  static const char * const org_read[] = { "portal.org.read", NULL };
  gint64 ypl = anju_test_find_org (srv, admin, "银盆岭街道");
  gint64 wyh = anju_test_find_org (srv, admin, "望月湖街道");
  gint64 street_ypl = anju_test_find_user (srv, admin, "street_ypl");
  gint64 community = anju_test_create_org (srv, admin, ypl, "community", "缓存社区");
  gint64 role = anju_test_create_role (srv, admin, "缓存机构角色", org_read);
  g_autofree char *street = anju_test_login (srv, "street_ypl", ANJU_TEST_DEMO_PASSWORD);
  g_autofree char *worker = anju_test_make_ready_user (srv, admin, "cache_worker", community, role,
                                                        READY_PASSWORD);
  g_autofree char *to_wyh = g_strdup_printf ("{\"organisation_id\":%" G_GINT64_FORMAT "}", wyh);
  g_autofree char *move = g_strdup_printf ("/api/v1/organisations/%" G_GINT64_FORMAT "/move", community);
  g_autofree char *under_wyh = g_strdup_printf ("{\"parent_id\":%" G_GINT64_FORMAT "}", wyh);

  warm (srv, street);
  g_assert_cmpuint (org_status (srv, street, ypl), ==, SOUP_STATUS_OK);
  g_assert_cmpuint (org_status (srv, street, wyh), ==, SOUP_STATUS_NOT_FOUND);
  patch_ok (srv, admin, "users", street_ypl, to_wyh);
  g_assert_cmpuint (org_status (srv, street, wyh), ==, SOUP_STATUS_OK);
  g_assert_cmpuint (org_status (srv, street, ypl), ==, SOUP_STATUS_NOT_FOUND);

  /* The worker's scope is its community's path, which the move rewrites:
   * a caller kept with the old path would no longer see its own. */
  warm (srv, worker);
  g_assert_cmpuint (org_status (srv, worker, community), ==, SOUP_STATUS_OK);
  post_ok (srv, admin, move, under_wyh, SOUP_STATUS_OK);
  g_assert_cmpuint (org_status (srv, worker, community), ==, SOUP_STATUS_OK);
}

/* Two servers in one process keep callers of their own: a token of one
 * means nothing to the other, though both hold the same demo data (and
 * so the same identity generation). */
static void
test_two_servers (void)
{
  AnjuTestServer *first = anju_test_server_start (TRUE);
  AnjuTestServer *second = anju_test_server_start (TRUE);
  g_autofree char *first_token = anju_test_login (first, "center", ANJU_TEST_DEMO_PASSWORD);
  g_autofree char *second_token = anju_test_login (second, "center", ANJU_TEST_DEMO_PASSWORD);
  g_autofree char *first_generation = anju_test_db_query (first, "SELECT generation FROM identity_generation");
  g_autofree char *second_generation = anju_test_db_query (second, "SELECT generation FROM identity_generation");

  g_assert_cmpstr (first_generation, ==, second_generation);
  warm (first, first_token);
  warm (second, second_token);

  g_assert_cmpuint (me_status (second, first_token), ==, SOUP_STATUS_UNAUTHORIZED);
  g_assert_cmpuint (me_status (first, second_token), ==, SOUP_STATUS_UNAUTHORIZED);
  g_assert_cmpuint (me_status (first, first_token), ==, SOUP_STATUS_OK);
  g_assert_cmpuint (me_status (second, second_token), ==, SOUP_STATUS_OK);

  anju_test_server_stop (first);
  anju_test_server_stop (second);
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

  add_fixture_test ("/session-cache/reuse", test_reuse);
  add_fixture_test ("/session-cache/idle-clock  SEC-015", test_idle_clock);
  add_fixture_test ("/session-cache/lifetime", test_lifetime);
  add_fixture_test ("/session-cache/sign-out", test_sign_out);
  add_fixture_test ("/session-cache/password-change  SEC-001", test_password_change);
  add_fixture_test ("/session-cache/disabled", test_disabled);
  add_fixture_test ("/session-cache/other-writer", test_other_writer);
  add_fixture_test ("/session-cache/role-permission", test_role_permission);
  add_fixture_test ("/session-cache/scope-moves", test_scope_moves);
  g_test_add_func ("/session-cache/two-servers", test_two_servers);

  return g_test_run ();
}
