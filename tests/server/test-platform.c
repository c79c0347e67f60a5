/* test-platform.c: health, openapi.json, metrics, TLS and the request
 * validation every endpoint shares (docs/api.md "Conventions"). */

#include "config.h"

#include <string.h>

#include "anju-test-identity.h"

/* Tables a write through /organisations could touch. */
static const char * const watched_tables[] = {
  "organisations", "users", "roles", "role_permissions", "user_roles", "audit_log", NULL,
};

static char *
dump_watched (AnjuTestServer *srv)
{
  GString *all = g_string_new (NULL);

  for (guint i = 0; watched_tables[i] != NULL; i++)
    {
      g_autofree char *dump = anju_test_db_dump (srv, watched_tables[i]);

      g_string_append_printf (all, "== %s\n%s", watched_tables[i], dump);
    }

  return g_string_free (all, FALSE);
}

static void
test_health (AnjuTestFixture *fixture,
             gconstpointer    data)
{
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(GTimeZone) shanghai = g_time_zone_new_identifier ("+08:00");
  g_autoptr(GDateTime) time = NULL;
  guint status = 0;

  reply = anju_test_request (fixture->srv, NULL, "GET", "/api/v1/health", NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, reply);
  g_assert_cmpstr (anju_test_json_string (reply, "status"), ==, "ok");
  g_assert_cmpstr (anju_test_json_string (reply, "version"), ==, PACKAGE_VERSION);
  g_assert_cmpint (anju_test_json_int (reply, "schema_version"), ==, anju_db_get_latest_version ());

  /* ISO 8601 in Asia/Shanghai. */
  time = g_date_time_new_from_iso8601 (anju_test_json_string (reply, "time"), NULL);
  g_assert_nonnull (time);
  g_assert_true (g_str_has_suffix (anju_test_json_string (reply, "time"), "+08:00"));
  g_assert_cmpint (g_date_time_get_utc_offset (time), ==, 8 * G_TIME_SPAN_HOUR);
}

static void
test_openapi (AnjuTestFixture *fixture,
              gconstpointer    data)
{
  static const char * const paths[] = {
    "/api/v1/health",
    "/api/v1/auth/login",
    "/api/v1/auth/logout",
    "/api/v1/auth/logout-all",
    "/api/v1/auth/me",
    "/api/v1/auth/password",
    "/api/v1/organisations",
    "/api/v1/organisations/{id}",
    "/api/v1/organisations/{id}/move",
    "/api/v1/users",
    "/api/v1/users/{id}",
    "/api/v1/users/{id}/disable",
    "/api/v1/users/{id}/enable",
    "/api/v1/users/{id}/unlock",
    "/api/v1/users/{id}/reset-password",
    "/api/v1/roles",
    "/api/v1/roles/{id}",
    "/api/v1/permissions",
    "/api/v1/audit",
    "/api/v1/audit/{id}",
  };
  g_autoptr(JsonNode) reply = NULL;
  JsonNode *paths_node;
  JsonObject *paths_object;
  guint status = 0;

  /* Public: no token. */
  reply = anju_test_request (fixture->srv, NULL, "GET", "/api/v1/openapi.json", NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, reply);
  g_assert_true (g_str_has_prefix (anju_test_json_string (reply, "openapi"), "3.0"));

  paths_node = anju_test_json_lookup (reply, "paths");
  g_assert_nonnull (paths_node);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (paths_node));
  paths_object = json_node_get_object (paths_node);

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      if (!json_object_has_member (paths_object, paths[i]))
        g_error ("openapi.json lacks %s", paths[i]);
    }

  /* Methods are documented per path, as OpenAPI has them. */
  g_assert_true (json_object_has_member (json_object_get_object_member (paths_object, "/api/v1/users"), "get"));
  g_assert_true (json_object_has_member (json_object_get_object_member (paths_object, "/api/v1/users"), "post"));
  g_assert_true (json_object_has_member (json_object_get_object_member (paths_object, "/api/v1/organisations/{id}"), "delete"));
  g_assert_true (json_object_has_member (json_object_get_object_member (paths_object, "/api/v1/roles/{id}"), "patch"));
}

/* The value of the first sample line that starts with name and contains
 * every one of the labels, or -1. */
static double
find_sample (const char         *text,
             const char         *name,
             const char * const *labels)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      const char *value;
      gboolean all = TRUE;

      if (!g_str_has_prefix (line, name))
        continue;
      if (line[strlen (name)] != '{' && line[strlen (name)] != ' ')
        continue;
      for (guint j = 0; labels != NULL && labels[j] != NULL; j++)
        all = all && strstr (line, labels[j]) != NULL;
      if (!all)
        continue;

      value = strrchr (line, ' ');
      g_assert_nonnull (value);
      return g_ascii_strtod (value + 1, NULL);
    }

  return -1;
}

static void
test_metrics (AnjuTestFixture *fixture,
              gconstpointer    data)
{
  static const char * const health_labels[] = {
    "route=\"/api/v1/health\"", "method=\"GET\"", "status=\"200\"", NULL,
  };
  static const char * const health_route[] = { "route=\"/api/v1/health\"", NULL };
  static const char * const unauthorized_labels[] = {
    "route=\"/api/v1/users\"", "method=\"GET\"", "status=\"401\"", NULL,
  };
  g_autoptr(GBytes) body = NULL;
  g_autofree char *text = NULL;
  guint status = 0;

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(JsonNode) reply = anju_test_request (fixture->srv, NULL, "GET", "/api/v1/health", NULL, &status);

      anju_assert_status (status, SOUP_STATUS_OK, reply);
    }
  {
    g_autoptr(JsonNode) reply = anju_test_request (fixture->srv, NULL, "GET", "/api/v1/users", NULL, &status);

    anju_assert_error (status, reply, SOUP_STATUS_UNAUTHORIZED, "unauthorized");
  }

  /* Public, like health. */
  body = anju_test_request_raw (fixture->srv, NULL, "GET", "/metrics", NULL, NULL, &status);
  g_assert_cmpuint (status, ==, SOUP_STATUS_OK);
  text = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));

  g_assert_nonnull (strstr (text, "# TYPE anju_http_requests_total counter"));
  g_assert_cmpfloat (find_sample (text, "anju_http_requests_total", health_labels), >=, 3);
  g_assert_cmpfloat (find_sample (text, "anju_http_requests_total", unauthorized_labels), >=, 1);

  g_assert_nonnull (strstr (text, "# TYPE anju_http_request_duration_seconds histogram"));
  g_assert_cmpfloat (find_sample (text, "anju_http_request_duration_seconds_bucket", health_route), >=, 0);
  g_assert_cmpfloat (find_sample (text, "anju_http_request_duration_seconds_count", health_route), >=, 3);

  g_assert_cmpfloat (find_sample (text, "anju_db_size_bytes", NULL), >, 0);
}

static void
test_unauthenticated (AnjuTestFixture *fixture,
                      gconstpointer    data)
{
  static const char * const paths[] = {
    "/api/v1/auth/me", "/api/v1/users", "/api/v1/organisations", "/api/v1/roles",
    "/api/v1/permissions", "/api/v1/audit",
  };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(JsonNode) without = NULL;
      g_autoptr(JsonNode) bogus = NULL;
      guint status = 0;

      without = anju_test_request (fixture->srv, NULL, "GET", paths[i], NULL, &status);
      anju_assert_error (status, without, SOUP_STATUS_UNAUTHORIZED, "unauthorized");

      bogus = anju_test_request (fixture->srv, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                                 "GET", paths[i], NULL, &status);
      anju_assert_error (status, bogus, SOUP_STATUS_UNAUTHORIZED, "unauthorized");
    }

  /* A write without a token writes nothing either. */
  {
    g_autofree char *before = dump_watched (fixture->srv);
    g_autofree char *after = NULL;
    g_autoptr(JsonNode) reply = NULL;
    guint status = 0;

    reply = anju_test_request (fixture->srv, NULL, "POST", "/api/v1/organisations",
                               "{\"name\":\"无令牌\",\"kind\":\"supplier\",\"parent_id\":1}", &status);
    anju_assert_error (status, reply, SOUP_STATUS_UNAUTHORIZED, "unauthorized");
    after = dump_watched (fixture->srv);
    g_assert_cmpstr (before, ==, after);
  }
}

/* One bad body against POST /organisations: the expected status, code and
 * field, and not one row changed. */
static void
check_bad_body (AnjuTestServer *srv,
                const char     *token,
                const char     *body,
                guint           expected_status,
                const char     *expected_code,
                const char     *expected_field)
{
  g_autofree char *before = dump_watched (srv);
  g_autofree char *after = NULL;
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  g_test_message ("body: %s", body);
  reply = anju_test_request (srv, token, "POST", "/api/v1/organisations", body, &status);
  anju_assert_error (status, reply, expected_status, expected_code);
  g_assert_nonnull (anju_test_json_string (reply, "error.message"));

  if (expected_field != NULL)
    {
      g_autofree char *field_path = g_strconcat ("error.fields.", expected_field, NULL);

      /* Each field error is a message a person can read. */
      g_assert_cmpstr (anju_test_json_string (reply, field_path), !=, "");
    }

  after = dump_watched (srv);
  g_assert_cmpstr (before, ==, after);
}

/* SEC-075: input validation on the server. */
static void
test_bad_bodies (AnjuTestFixture *fixture,
                 gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  gint64 center = anju_test_center_id (srv, fixture->admin);
  g_autofree char *wrong_type = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *unknown_member = NULL;
  g_autofree char *unknown_kind = NULL;
  g_autofree char *parent_as_text = NULL;

  check_bad_body (srv, fixture->admin, "{\"name\": \"未闭合", 400, "malformed_request", NULL);
  check_bad_body (srv, fixture->admin, "not json at all", 400, "malformed_request", NULL);
  check_bad_body (srv, fixture->admin, "[1, 2, 3]", 400, "malformed_request", NULL);
  check_bad_body (srv, fixture->admin, "\"a string\"", 400, "malformed_request", NULL);
  check_bad_body (srv, fixture->admin, "", 400, "malformed_request", NULL);

  wrong_type = g_strdup_printf ("{\"name\": 5, \"kind\": \"supplier\", \"parent_id\": %" G_GINT64_FORMAT "}", center);
  check_bad_body (srv, fixture->admin, wrong_type, 422, "validation_failed", "name");

  parent_as_text = g_strdup_printf ("{\"name\": \"某供应商\", \"kind\": \"supplier\", \"parent_id\": \"%" G_GINT64_FORMAT "\"}", center);
  check_bad_body (srv, fixture->admin, parent_as_text, 422, "validation_failed", "parent_id");

  missing = g_strdup_printf ("{\"kind\": \"supplier\", \"parent_id\": %" G_GINT64_FORMAT "}", center);
  check_bad_body (srv, fixture->admin, missing, 422, "validation_failed", "name");

  unknown_member = g_strdup_printf ("{\"name\": \"某供应商\", \"kind\": \"supplier\", \"parent_id\": %" G_GINT64_FORMAT ", \"colour\": \"red\"}", center);
  check_bad_body (srv, fixture->admin, unknown_member, 422, "validation_failed", "colour");

  unknown_kind = g_strdup_printf ("{\"name\": \"某城堡\", \"kind\": \"castle\", \"parent_id\": %" G_GINT64_FORMAT "}", center);
  check_bad_body (srv, fixture->admin, unknown_kind, 422, "validation_failed", "kind");

  /* Several problems at once: every field is named. */
  {
    g_autoptr(JsonNode) reply = NULL;
    guint status = 0;

    reply = anju_test_request (srv, fixture->admin, "POST", "/api/v1/organisations",
                               "{\"name\": 5, \"kind\": \"castle\", \"extra\": true}", &status);
    anju_assert_error (status, reply, 422, "validation_failed");
    g_assert_true (anju_test_json_has (reply, "error.fields.name"));
    g_assert_true (anju_test_json_has (reply, "error.fields.kind"));
    g_assert_true (anju_test_json_has (reply, "error.fields.extra"));
    g_assert_true (anju_test_json_has (reply, "error.fields.parent_id"));
  }

  /* And a good body after all that does work: the checks above were not
   * failing for some other reason. */
  anju_test_create_org (srv, fixture->admin, center, "supplier", "校验后的供应商");
}

static void
test_paging_bounds (AnjuTestFixture *fixture,
                    gconstpointer    data)
{
  static const char * const lists[] = {
    "/api/v1/users", "/api/v1/organisations", "/api/v1/roles", "/api/v1/audit",
  };

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      g_autofree char *too_big = g_strconcat (lists[i], "?page_size=1000", NULL);
      g_autofree char *largest = g_strconcat (lists[i], "?page_size=200", NULL);
      g_autofree char *not_number = g_strconcat (lists[i], "?page=first", NULL);
      g_autofree char *zero = g_strconcat (lists[i], "?page=0", NULL);
      g_autoptr(JsonNode) reply = NULL;
      g_autoptr(JsonNode) ok = NULL;
      g_autoptr(JsonNode) text = NULL;
      g_autoptr(JsonNode) zero_reply = NULL;
      guint status = 0;

      reply = anju_test_request (fixture->srv, fixture->admin, "GET", too_big, NULL, &status);
      anju_assert_error (status, reply, 422, "validation_failed");
      g_assert_true (anju_test_json_has (reply, "error.fields.page_size"));

      ok = anju_test_request (fixture->srv, fixture->admin, "GET", largest, NULL, &status);
      anju_assert_status (status, SOUP_STATUS_OK, ok);
      anju_test_assert_page (ok);

      text = anju_test_request (fixture->srv, fixture->admin, "GET", not_number, NULL, &status);
      anju_assert_error (status, text, 422, "validation_failed");
      g_assert_true (anju_test_json_has (text, "error.fields.page"));

      zero_reply = anju_test_request (fixture->srv, fixture->admin, "GET", zero, NULL, &status);
      anju_assert_error (status, zero_reply, 422, "validation_failed");
      g_assert_true (anju_test_json_has (zero_reply, "error.fields.page"));
    }
}

static void
set_small_body_limit (AnjuConfig *config,
                      gpointer    data)
{
  config->max_json_body = GPOINTER_TO_UINT (data);
}

/* SEC-028: bodies over [server] max_json_body are refused whole. */
static void
test_oversize_body (void)
{
  AnjuTestServer *srv = anju_test_server_start_with (TRUE, set_small_body_limit, GUINT_TO_POINTER (2048));
  g_autofree char *admin = anju_test_login (srv, "admin", ANJU_TEST_DEMO_PASSWORD);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *filler = g_strnfill (4096, 'x');
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(JsonNode) small = NULL;
  gint64 center = anju_test_center_id (srv, admin);
  guint status = 0;

  before = dump_watched (srv);
  reply = anju_test_requestf (srv, admin, "POST", "/api/v1/organisations", &status,
                              "{\"name\":\"大请求\",\"kind\":\"supplier\",\"parent_id\":%" G_GINT64_FORMAT ","
                              "\"description\":\"%s\"}", center, filler);
  anju_assert_error (status, reply, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "payload_too_large");
  after = dump_watched (srv);
  g_assert_cmpstr (before, ==, after);

  /* Under the limit the same request goes through. */
  small = anju_test_requestf (srv, admin, "POST", "/api/v1/organisations", &status,
                              "{\"name\":\"小请求\",\"kind\":\"supplier\",\"parent_id\":%" G_GINT64_FORMAT ","
                              "\"description\":\"%s\"}", center, "short");
  anju_assert_status (status, SOUP_STATUS_CREATED, small);

  anju_test_server_stop (srv);
}

static void
test_unknown_route (AnjuTestFixture *fixture,
                    gconstpointer    data)
{
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(JsonNode) bad_id = NULL;
  guint status = 0;

  reply = anju_test_request (fixture->srv, fixture->admin, "GET", "/api/v1/no-such-thing", NULL, &status);
  anju_assert_error (status, reply, SOUP_STATUS_NOT_FOUND, "not_found");

  bad_id = anju_test_request (fixture->srv, fixture->admin, "GET", "/api/v1/users/abc", NULL, &status);
  anju_assert_error (status, bad_id, SOUP_STATUS_NOT_FOUND, "not_found");
}

/* The route table (server/core/anju-route-table.h): the first route
 * added wins, a capture takes one non-empty segment, only as many
 * segments as the pattern has, and a path some other method takes is a
 * 405. */
static void
test_routing (AnjuTestFixture *fixture,
              gconstpointer    data)
{
  static const struct
  {
    const char *method;
    const char *path;
    guint       status;
    const char *code;     /* (nullable) */
  } cases[] = {
    /* "export" is registered before "{id}". */
    { "GET", "/api/v1/pubrent/units/export", SOUP_STATUS_OK, NULL },
    { "GET", "/api/v1/pubrent/units/999999", SOUP_STATUS_NOT_FOUND, "not_found" },
    { "GET", "/api/v1/organisations/1", SOUP_STATUS_OK, NULL },
    { "GET", "/api/v1/organisations/1/", SOUP_STATUS_NOT_FOUND, "not_found" },
    { "GET", "/api/v1/organisations//move", SOUP_STATUS_NOT_FOUND, "not_found" },
    { "GET", "/api/v1/organisations/1/move", SOUP_STATUS_METHOD_NOT_ALLOWED, "method_not_allowed" },
    { "DELETE", "/api/v1/health", SOUP_STATUS_METHOD_NOT_ALLOWED, "method_not_allowed" },
    { "GET", "/api/v1/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q", SOUP_STATUS_NOT_FOUND, "not_found" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) reply = NULL;
      guint status = 0;

      g_test_message ("%s %s", cases[i].method, cases[i].path);
      reply = anju_test_request_raw (fixture->srv, fixture->admin, cases[i].method, cases[i].path,
                                     NULL, NULL, &status);
      g_assert_cmpuint (status, ==, cases[i].status);
      if (cases[i].code != NULL)
        {
          g_autoptr(JsonNode) error = anju_test_parse_json (reply);

          g_assert_cmpstr (anju_test_json_string (error, "error.code"), ==, cases[i].code);
        }
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

  add_fixture_test ("/platform/health", test_health);
  add_fixture_test ("/platform/openapi", test_openapi);
  add_fixture_test ("/platform/metrics", test_metrics);
  add_fixture_test ("/platform/unauthenticated  SEC-024", test_unauthenticated);
  add_fixture_test ("/platform/bad-bodies  SEC-075", test_bad_bodies);
  add_fixture_test ("/platform/paging-bounds", test_paging_bounds);
  add_fixture_test ("/platform/unknown-route", test_unknown_route);
  add_fixture_test ("/platform/routing", test_routing);
  g_test_add_func ("/platform/oversize-body  SEC-028", test_oversize_body);

  return g_test_run ();
}
