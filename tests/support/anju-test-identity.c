/* anju-test-identity.c: shortcuts over the identity API for server tests. */

#include "anju-test-identity.h"

/* The first password a helper gives a new user; policy-conforming. */
#define FIRST_PASSWORD "Start#2026x"

void
anju_test_fixture_set_up (AnjuTestFixture *fixture,
                          gconstpointer    data)
{
  fixture->srv = anju_test_server_start (TRUE);
  fixture->admin = anju_test_login (fixture->srv, "admin", ANJU_TEST_DEMO_PASSWORD);
}

void
anju_test_fixture_tear_down (AnjuTestFixture *fixture,
                             gconstpointer    data)
{
  g_clear_pointer (&fixture->admin, g_free);
  g_clear_pointer (&fixture->srv, anju_test_server_stop);
}

JsonNode *
anju_test_requestf (AnjuTestServer *srv,
                    const char     *token,
                    const char     *method,
                    const char     *path,
                    guint          *out_status,
                    const char     *body_format,
                    ...)
{
  g_autofree char *body = NULL;

  if (body_format != NULL)
    {
      va_list args;

      va_start (args, body_format);
      body = g_strdup_vprintf (body_format, args);
      va_end (args);
    }

  return anju_test_request (srv, token, method, path, body, out_status);
}

JsonNode *
anju_test_get_ok (AnjuTestServer *srv,
                  const char     *token,
                  const char     *path)
{
  JsonNode *reply;
  guint status = 0;

  reply = anju_test_request (srv, token, "GET", path, NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, reply);

  return reply;
}

static gint64
find_in_list (AnjuTestServer *srv,
              const char     *token,
              const char     *collection,
              const char     *query,
              const char     *member,
              const char     *value)
{
  g_autofree char *escaped = g_uri_escape_string (query, NULL, FALSE);
  g_autofree char *path = g_strdup_printf ("/api/v1/%s?page_size=200%s%s",
                                           collection,
                                           *query != '\0' ? "&q=" : "",
                                           escaped);
  g_autoptr(JsonNode) reply = anju_test_get_ok (srv, token, path);
  g_autofree char *item_path = NULL;
  int index;

  index = anju_test_json_find (reply, "items", member, value);
  if (index < 0)
    {
      g_autofree char *text = anju_test_json_to_string (reply);

      g_error ("no %s with %s \"%s\" in %s", collection, member, value, text);
    }

  item_path = g_strdup_printf ("items.%d.id", index);
  return anju_test_json_int (reply, item_path);
}

gint64
anju_test_find_org (AnjuTestServer *srv,
                    const char     *token,
                    const char     *name)
{
  return find_in_list (srv, token, "organisations", name, "name", name);
}

gint64
anju_test_center_id (AnjuTestServer *srv,
                     const char     *token)
{
  g_autoptr(JsonNode) reply = anju_test_get_ok (srv, token, "/api/v1/organisations?kind=center");

  g_assert_cmpuint (anju_test_json_length (reply, "items"), ==, 1);
  g_assert_true (anju_test_json_is_null (reply, "items.0.parent_id"));

  return anju_test_json_int (reply, "items.0.id");
}

gint64
anju_test_find_role (AnjuTestServer *srv,
                     const char     *token,
                     const char     *code)
{
  return find_in_list (srv, token, "roles", "", "code", code);
}

gint64
anju_test_find_user (AnjuTestServer *srv,
                     const char     *token,
                     const char     *username)
{
  return find_in_list (srv, token, "users", username, "username", username);
}

gint64
anju_test_create_org (AnjuTestServer *srv,
                      const char     *token,
                      gint64          parent_id,
                      const char     *kind,
                      const char     *name)
{
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  reply = anju_test_requestf (srv, token, "POST", "/api/v1/organisations", &status,
                              "{\"name\":\"%s\",\"kind\":\"%s\",\"parent_id\":%" G_GINT64_FORMAT "}",
                              name, kind, parent_id);
  anju_assert_status (status, SOUP_STATUS_CREATED, reply);

  return anju_test_json_int (reply, "id");
}

gint64
anju_test_create_user (AnjuTestServer *srv,
                       const char     *token,
                       const char     *username,
                       gint64          org_id,
                       gint64          role_id,
                       const char     *password)
{
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  reply = anju_test_requestf (srv, token, "POST", "/api/v1/users", &status,
                              "{\"username\":\"%s\",\"name\":\"测试%s\","
                              "\"phone\":\"13912345678\","
                              "\"organisation_id\":%" G_GINT64_FORMAT ","
                              "\"role_ids\":[%" G_GINT64_FORMAT "],"
                              "\"password\":\"%s\"}",
                              username, username, org_id, role_id, password);
  anju_assert_status (status, SOUP_STATUS_CREATED, reply);

  return anju_test_json_int (reply, "id");
}

gint64
anju_test_create_role (AnjuTestServer     *srv,
                       const char         *token,
                       const char         *name,
                       const char * const *permissions)
{
  g_autoptr(GString) list = g_string_new (NULL);
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  for (guint i = 0; permissions[i] != NULL; i++)
    g_string_append_printf (list, "%s\"%s\"", i > 0 ? "," : "", permissions[i]);

  reply = anju_test_requestf (srv, token, "POST", "/api/v1/roles", &status,
                              "{\"name\":\"%s\",\"permissions\":[%s]}", name, list->str);
  anju_assert_status (status, SOUP_STATUS_CREATED, reply);

  return anju_test_json_int (reply, "id");
}

char *
anju_test_make_ready_user (AnjuTestServer *srv,
                           const char     *token,
                           const char     *username,
                           gint64          org_id,
                           gint64          role_id,
                           const char     *new_password)
{
  g_autoptr(JsonNode) reply = NULL;
  g_autofree char *user_token = NULL;
  guint status = 0;

  anju_test_create_user (srv, token, username, org_id, role_id, FIRST_PASSWORD);
  user_token = anju_test_login (srv, username, FIRST_PASSWORD);
  reply = anju_test_requestf (srv, user_token, "POST", "/api/v1/auth/password", &status,
                              "{\"old_password\":\"%s\",\"new_password\":\"%s\"}",
                              FIRST_PASSWORD, new_password);
  anju_assert_status (status, SOUP_STATUS_NO_CONTENT, reply);

  return g_steal_pointer (&user_token);
}

void
anju_test_assert_page (JsonNode *page)
{
  JsonNode *next = anju_test_json_lookup (page, "next");

  g_assert_true (anju_test_json_has (page, "items"));
  g_assert_true (JSON_NODE_HOLDS_ARRAY (anju_test_json_lookup (page, "items")));
  g_assert_cmpint (anju_test_json_int (page, "total"), >=, 0);
  g_assert_nonnull (next);
  g_assert_true (JSON_NODE_HOLDS_NULL (next)
                 || (JSON_NODE_HOLDS_VALUE (next) && json_node_get_value_type (next) == G_TYPE_INT64));
}
