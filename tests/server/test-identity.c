/* test-identity.c: organisations (F-PORTAL-015) and users (F-PORTAL-017)
 * through the API, as the center admin. */

#include <string.h>

#include "anju-test-identity.h"

#define FIRST_PASSWORD "First#2026pw"

static JsonNode *
request_id (AnjuTestServer *srv,
            const char     *token,
            const char     *method,
            const char     *collection,
            gint64          id,
            const char     *action,
            const char     *body,
            guint          *out_status)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/%s/%" G_GINT64_FORMAT "%s%s", collection, id,
                                           action != NULL ? "/" : "", action != NULL ? action : "");

  return anju_test_request (srv, token, method, path, body, out_status);
}

static JsonNode *
get_org (AnjuTestServer *srv,
         const char     *token,
         gint64          id)
{
  JsonNode *reply;
  guint status = 0;

  reply = request_id (srv, token, "GET", "organisations", id, NULL, NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, reply);

  return reply;
}

static char *
org_path (AnjuTestServer *srv,
          const char     *token,
          gint64          id)
{
  g_autoptr(JsonNode) org = get_org (srv, token, id);

  return g_strdup (anju_test_json_string (org, "path"));
}

static JsonNode *
create_org (AnjuTestServer *srv,
            const char     *token,
            gint64          parent,
            const char     *kind,
            const char     *name,
            guint          *out_status)
{
  return anju_test_requestf (srv, token, "POST", "/api/v1/organisations", out_status,
                             "{\"name\":\"%s\",\"kind\":\"%s\",\"parent_id\":%" G_GINT64_FORMAT "}",
                             name, kind, parent);
}

static void
assert_iso_time (JsonNode   *reply,
                 const char *path)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (anju_test_json_string (reply, path), NULL);

  g_assert_nonnull (time);
}

/* Every organisation's path is its parent's path plus its own id. */
static void
assert_paths_consistent (AnjuTestServer *srv)
{
  g_autofree char *stale = NULL;
  g_autofree char *roots = NULL;

  stale = anju_test_db_query (srv, "SELECT count(*) FROM organisations c "
                                   "JOIN organisations p ON c.parent_id = p.id "
                                   "WHERE c.path != p.path || c.id || '/'");
  g_assert_cmpstr (stale, ==, "0");
  roots = anju_test_db_query (srv, "SELECT count(*) FROM organisations "
                                   "WHERE parent_id IS NULL AND path = '/' || id || '/'");
  g_assert_cmpstr (roots, ==, "1");
}

static char *
dump_orgs (AnjuTestServer *srv)
{
  g_autofree char *orgs = anju_test_db_dump (srv, "organisations");
  g_autofree char *users = anju_test_db_dump (srv, "users");
  g_autofree char *audit = anju_test_db_dump (srv, "audit_log");

  return g_strconcat (orgs, "==\n", users, "==\n", audit, NULL);
}

/* Tree rules are refused with 422 and write nothing. */
static void
assert_tree_refused (AnjuTestServer *srv,
                     const char     *token,
                     gint64          parent,
                     const char     *kind,
                     const char     *name)
{
  g_autofree char *before = dump_orgs (srv);
  g_autofree char *after = NULL;
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  g_test_message ("%s under %" G_GINT64_FORMAT, kind, parent);
  reply = create_org (srv, token, parent, kind, name, &status);
  anju_assert_error (status, reply, 422, "validation_failed");
  g_assert_true (anju_test_json_has (reply, "error.fields.parent_id")
                 || anju_test_json_has (reply, "error.fields.kind"));

  after = dump_orgs (srv);
  g_assert_cmpstr (before, ==, after);
}

/* F-PORTAL-015: creating organisations follows the tree rules. */
static void
test_org_create (AnjuTestFixture *fixture,
                 gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  const char *admin = fixture->admin;
  gint64 center = anju_test_center_id (srv, admin);
  g_autofree char *center_path = org_path (srv, admin, center);
  g_autofree char *expected_path = NULL;
  g_autoptr(JsonNode) street = NULL;
  g_autoptr(JsonNode) community = NULL;
  g_autoptr(JsonNode) full = NULL;
  gint64 street_id, community_id, supplier_id;
  guint status = 0;

  street = create_org (srv, admin, center, "street", "坪塘街道", &status);
  anju_assert_status (status, SOUP_STATUS_CREATED, street);
  street_id = anju_test_json_int (street, "id");
  g_assert_cmpint (anju_test_json_int (street, "parent_id"), ==, center);
  g_assert_cmpstr (anju_test_json_string (street, "name"), ==, "坪塘街道");
  g_assert_cmpstr (anju_test_json_string (street, "kind"), ==, "street");
  expected_path = g_strdup_printf ("%s%" G_GINT64_FORMAT "/", center_path, street_id);
  g_assert_cmpstr (anju_test_json_string (street, "path"), ==, expected_path);
  g_assert_cmpint (anju_test_json_int (street, "user_count"), ==, 0);
  assert_iso_time (street, "created_at");
  assert_iso_time (street, "updated_at");
  g_assert_true (anju_test_json_has (street, "code"));
  g_assert_true (anju_test_json_has (street, "description"));

  community = create_org (srv, admin, street_id, "community", "坪塘社区", &status);
  anju_assert_status (status, SOUP_STATUS_CREATED, community);
  community_id = anju_test_json_int (community, "id");
  g_assert_true (g_str_has_prefix (anju_test_json_string (community, "path"), expected_path));

  full = anju_test_requestf (srv, admin, "POST", "/api/v1/organisations", &status,
                             "{\"name\":\"湘江物业\",\"kind\":\"enterprise_property\",\"parent_id\":%" G_GINT64_FORMAT ","
                             "\"code\":\"XJWY-001\",\"description\":\"物业服务企业\"}", center);
  anju_assert_status (status, SOUP_STATUS_CREATED, full);
  g_assert_cmpstr (anju_test_json_string (full, "code"), ==, "XJWY-001");
  g_assert_cmpstr (anju_test_json_string (full, "description"), ==, "物业服务企业");

  supplier_id = anju_test_create_org (srv, admin, center, "supplier", "绿城供应商");

  assert_tree_refused (srv, admin, street_id, "street", "街道下的街道");
  assert_tree_refused (srv, admin, center, "community", "直属社区");
  assert_tree_refused (srv, admin, community_id, "community", "社区下的社区");
  assert_tree_refused (srv, admin, street_id, "enterprise_operating", "街道下的企业");
  assert_tree_refused (srv, admin, supplier_id, "supplier", "供应商下的供应商");
  assert_tree_refused (srv, admin, center, "center", "第二个中心");

  /* A second root is refused however it is asked for. */
  {
    g_autofree char *before = dump_orgs (srv);
    g_autofree char *after = NULL;
    g_autoptr(JsonNode) root = NULL;

    root = anju_test_request (srv, admin, "POST", "/api/v1/organisations",
                              "{\"name\":\"另一个中心\",\"kind\":\"center\",\"parent_id\":null}", &status);
    g_assert_true (status == 409 || status == 422);
    after = dump_orgs (srv);
    g_assert_cmpstr (before, ==, after);
  }

  /* A parent that does not exist. */
  {
    g_autoptr(JsonNode) orphan = create_org (srv, admin, 999999, "supplier", "无主供应商", &status);

    g_assert_cmpuint (status, ==, 422);
    g_assert_true (anju_test_json_has (orphan, "error.fields.parent_id"));
  }

  /* Names are unique among siblings. */
  {
    g_autofree char *before = dump_orgs (srv);
    g_autofree char *after = NULL;
    g_autoptr(JsonNode) twin = create_org (srv, admin, center, "street", "坪塘街道", &status);

    anju_assert_error (status, twin, SOUP_STATUS_CONFLICT, "conflict");
    after = dump_orgs (srv);
    g_assert_cmpstr (before, ==, after);
  }
  assert_paths_consistent (srv);
}

static void
test_org_edit (AnjuTestFixture *fixture,
               gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  const char *admin = fixture->admin;
  gint64 center = anju_test_center_id (srv, admin);
  gint64 id = anju_test_create_org (srv, admin, center, "supplier", "旧名供应商");
  g_autoptr(JsonNode) before = get_org (srv, admin, id);
  g_autoptr(JsonNode) edited = NULL;
  g_autoptr(JsonNode) fetched = NULL;
  g_autoptr(JsonNode) kind = NULL;
  g_autoptr(JsonNode) parent = NULL;
  g_autoptr(JsonNode) cleared = NULL;
  guint status = 0;

  edited = request_id (srv, admin, "PATCH", "organisations", id, NULL,
                       "{\"name\":\"新名供应商\",\"code\":\"GYS-9\",\"description\":\"改过了\"}", &status);
  anju_assert_status (status, SOUP_STATUS_OK, edited);
  g_assert_cmpstr (anju_test_json_string (edited, "name"), ==, "新名供应商");
  g_assert_cmpstr (anju_test_json_string (edited, "code"), ==, "GYS-9");
  g_assert_cmpstr (anju_test_json_string (edited, "description"), ==, "改过了");
  g_assert_cmpstr (anju_test_json_string (edited, "kind"), ==, "supplier");
  g_assert_cmpstr (anju_test_json_string (edited, "path"), ==, anju_test_json_string (before, "path"));

  fetched = get_org (srv, admin, id);
  g_assert_cmpstr (anju_test_json_string (fetched, "name"), ==, "新名供应商");

  /* kind and parent are not edited this way. */
  kind = request_id (srv, admin, "PATCH", "organisations", id, NULL, "{\"kind\":\"street\"}", &status);
  anju_assert_error (status, kind, 422, "validation_failed");
  g_assert_true (anju_test_json_has (kind, "error.fields.kind"));
  parent = request_id (srv, admin, "PATCH", "organisations", id, NULL, "{\"parent_id\":1}", &status);
  anju_assert_error (status, parent, 422, "validation_failed");
  g_assert_true (anju_test_json_has (parent, "error.fields.parent_id"));

  /* null clears an optional member. */
  cleared = request_id (srv, admin, "PATCH", "organisations", id, NULL, "{\"description\":null}", &status);
  anju_assert_status (status, SOUP_STATUS_OK, cleared);
  g_assert_true (anju_test_json_is_null (cleared, "description"));
  g_assert_cmpstr (anju_test_json_string (cleared, "code"), ==, "GYS-9");

  {
    g_autoptr(JsonNode) missing = request_id (srv, admin, "PATCH", "organisations", 999999, NULL,
                                              "{\"name\":\"无\"}", &status);

    anju_assert_error (status, missing, SOUP_STATUS_NOT_FOUND, "not_found");
  }
}

/* Moving a subtree rewrites its paths, and scope follows. */
static void
test_org_move (AnjuTestFixture *fixture,
               gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  const char *admin = fixture->admin;
  gint64 center = anju_test_center_id (srv, admin);
  gint64 ypl = anju_test_find_org (srv, admin, "银盆岭街道");
  gint64 wyh = anju_test_find_org (srv, admin, "望月湖街道");
  gint64 community = anju_test_create_org (srv, admin, ypl, "community", "搬迁社区");
  gint64 other_community = anju_test_create_org (srv, admin, wyh, "community", "留守社区");
  gint64 worker_role = anju_test_find_role (srv, admin, "community_worker");
  g_autofree char *wyh_path = org_path (srv, admin, wyh);
  g_autofree char *expected = NULL;
  g_autofree char *ypl_token = anju_test_login (srv, "street_ypl", ANJU_TEST_DEMO_PASSWORD);
  g_autofree char *wyh_token = anju_test_login (srv, "street_wyh", ANJU_TEST_DEMO_PASSWORD);
  g_autofree char *move_body = g_strdup_printf ("{\"parent_id\":%" G_GINT64_FORMAT "}", wyh);
  g_autoptr(JsonNode) moved = NULL;
  gint64 mover;
  guint status = 0;

  mover = anju_test_create_user (srv, admin, "moving_worker", community, worker_role, FIRST_PASSWORD);
  {
    g_autoptr(JsonNode) seen = request_id (srv, ypl_token, "GET", "users", mover, NULL, NULL, &status);

    anju_assert_status (status, SOUP_STATUS_OK, seen);
  }

  moved = anju_test_request (srv, admin, "POST", "/api/v1/organisations/999999/move", move_body, &status);
  anju_assert_error (status, moved, SOUP_STATUS_NOT_FOUND, "not_found");
  g_clear_pointer (&moved, json_node_unref);

  moved = request_id (srv, admin, "POST", "organisations", community, "move", move_body, &status);
  anju_assert_status (status, SOUP_STATUS_OK, moved);
  expected = g_strdup_printf ("%s%" G_GINT64_FORMAT "/", wyh_path, community);
  g_assert_cmpint (anju_test_json_int (moved, "parent_id"), ==, wyh);
  g_assert_cmpstr (anju_test_json_string (moved, "path"), ==, expected);
  {
    g_autoptr(JsonNode) fetched = get_org (srv, admin, community);

    g_assert_cmpstr (anju_test_json_string (fetched, "path"), ==, expected);
  }
  assert_paths_consistent (srv);

  /* The moved community's user now belongs to the other street. */
  {
    g_autoptr(JsonNode) old_street = request_id (srv, ypl_token, "GET", "users", mover, NULL, NULL, &status);

    anju_assert_error (status, old_street, SOUP_STATUS_NOT_FOUND, "not_found");
  }
  {
    g_autoptr(JsonNode) new_street = request_id (srv, wyh_token, "GET", "users", mover, NULL, NULL, &status);

    anju_assert_status (status, SOUP_STATUS_OK, new_street);
  }

  /* Moves that break the tree are refused and change nothing. */
  {
    const struct
    {
      gint64 id;
      gint64 parent;
    } refused[] = {
      { wyh, other_community },   /* a street under its own descendant */
      { wyh, ypl },               /* a street under a street */
      { community, center },      /* a community straight under the center */
      { community, other_community },
      { center, ypl },            /* the root under its descendant */
      { community, community },   /* under itself */
    };

    for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
      {
        g_autofree char *before = dump_orgs (srv);
        g_autofree char *after = NULL;
        g_autofree char *body = g_strdup_printf ("{\"parent_id\":%" G_GINT64_FORMAT "}", refused[i].parent);
        g_autoptr(JsonNode) reply = NULL;

        g_test_message ("move %" G_GINT64_FORMAT " under %" G_GINT64_FORMAT, refused[i].id, refused[i].parent);
        reply = request_id (srv, admin, "POST", "organisations", refused[i].id, "move", body, &status);
        anju_assert_error (status, reply, 422, "validation_failed");
        g_assert_true (anju_test_json_has (reply, "error.fields.parent_id"));
        after = dump_orgs (srv);
        g_assert_cmpstr (before, ==, after);
      }
  }
}

static void
test_org_delete (AnjuTestFixture *fixture,
                 gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  const char *admin = fixture->admin;
  gint64 center = anju_test_center_id (srv, admin);
  gint64 ypl = anju_test_find_org (srv, admin, "银盆岭街道");
  gint64 street = anju_test_create_org (srv, admin, center, "street", "待删街道");
  gint64 community = anju_test_create_org (srv, admin, street, "community", "待删社区");
  gint64 staffed = anju_test_create_org (srv, admin, center, "supplier", "有人的供应商");
  gint64 supplier_role = anju_test_find_role (srv, admin, "supplier");
  g_autoptr(JsonNode) with_children = NULL;
  g_autoptr(JsonNode) with_users = NULL;
  g_autoptr(JsonNode) leaf = NULL;
  g_autoptr(JsonNode) gone = NULL;
  g_autoptr(JsonNode) parent = NULL;
  g_autoptr(JsonNode) demo_street = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint status = 0;

  anju_test_create_user (srv, admin, "supplier_staff", staffed, supplier_role, FIRST_PASSWORD);
  {
    g_autoptr(JsonNode) counted = get_org (srv, admin, staffed);

    g_assert_cmpint (anju_test_json_int (counted, "user_count"), ==, 1);
  }

  before = dump_orgs (srv);
  with_children = request_id (srv, admin, "DELETE", "organisations", street, NULL, NULL, &status);
  anju_assert_error (status, with_children, SOUP_STATUS_CONFLICT, "conflict");
  with_users = request_id (srv, admin, "DELETE", "organisations", staffed, NULL, NULL, &status);
  anju_assert_error (status, with_users, SOUP_STATUS_CONFLICT, "conflict");
  demo_street = request_id (srv, admin, "DELETE", "organisations", ypl, NULL, NULL, &status);
  anju_assert_error (status, demo_street, SOUP_STATUS_CONFLICT, "conflict");
  root = request_id (srv, admin, "DELETE", "organisations", center, NULL, NULL, &status);
  anju_assert_error (status, root, SOUP_STATUS_CONFLICT, "conflict");
  after = dump_orgs (srv);
  g_assert_cmpstr (before, ==, after);

  leaf = request_id (srv, admin, "DELETE", "organisations", community, NULL, NULL, &status);
  anju_assert_status (status, SOUP_STATUS_NO_CONTENT, leaf);
  gone = request_id (srv, admin, "GET", "organisations", community, NULL, NULL, &status);
  anju_assert_error (status, gone, SOUP_STATUS_NOT_FOUND, "not_found");

  /* With its only child gone the street is an empty leaf itself. */
  parent = request_id (srv, admin, "DELETE", "organisations", street, NULL, NULL, &status);
  anju_assert_status (status, SOUP_STATUS_NO_CONTENT, parent);

  {
    g_autoptr(JsonNode) again = request_id (srv, admin, "DELETE", "organisations", street, NULL, NULL, &status);

    anju_assert_error (status, again, SOUP_STATUS_NOT_FOUND, "not_found");
  }
}

static void
test_org_list (AnjuTestFixture *fixture,
               gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  const char *admin = fixture->admin;
  gint64 ypl = anju_test_find_org (srv, admin, "银盆岭街道");
  g_autoptr(JsonNode) all = NULL;
  g_autoptr(JsonNode) streets = NULL;
  g_autoptr(JsonNode) children = NULL;
  g_autoptr(JsonNode) named = NULL;
  g_autofree char *children_path = g_strdup_printf ("/api/v1/organisations?parent_id=%" G_GINT64_FORMAT, ypl);
  g_autofree char *escaped = g_uri_escape_string ("银盆岭", NULL, FALSE);
  g_autofree char *named_path = g_strconcat ("/api/v1/organisations?q=", escaped, NULL);
  g_autofree char *ypl_text = g_strdup_printf ("%" G_GINT64_FORMAT, ypl);
  guint status = 0;

  all = anju_test_request (srv, admin, "GET", "/api/v1/organisations?page_size=200", NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, all);
  anju_test_assert_page (all);

  /* Ordered by path. */
  for (guint i = 1; i < anju_test_json_length (all, "items"); i++)
    {
      g_autofree char *previous = g_strdup_printf ("items.%u.path", i - 1);
      g_autofree char *current = g_strdup_printf ("items.%u.path", i);

      g_assert_cmpstr (anju_test_json_string (all, previous), <, anju_test_json_string (all, current));
    }

  streets = anju_test_request (srv, admin, "GET", "/api/v1/organisations?kind=street", NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, streets);
  g_assert_cmpint (anju_test_json_int (streets, "total"), >=, 2);
  for (guint i = 0; i < anju_test_json_length (streets, "items"); i++)
    {
      g_autofree char *kind = g_strdup_printf ("items.%u.kind", i);

      g_assert_cmpstr (anju_test_json_string (streets, kind), ==, "street");
    }

  children = anju_test_request (srv, admin, "GET", children_path, NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, children);
  g_assert_cmpint (anju_test_json_int (children, "total"), >=, 1);
  for (guint i = 0; i < anju_test_json_length (children, "items"); i++)
    {
      g_autofree char *parent = g_strdup_printf ("items.%u.parent_id", i);

      g_assert_cmpint (anju_test_json_int (children, parent), ==, ypl);
    }

  named = anju_test_request (srv, admin, "GET", named_path, NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, named);
  g_assert_cmpint (anju_test_json_find (named, "items", "id", ypl_text), >=, 0);
  for (guint i = 0; i < anju_test_json_length (named, "items"); i++)
    {
      g_autofree char *name = g_strdup_printf ("items.%u.name", i);

      g_assert_nonnull (strstr (anju_test_json_string (named, name), "银盆岭"));
    }

  {
    g_autoptr(JsonNode) bad_kind = anju_test_request (srv, admin, "GET", "/api/v1/organisations?kind=castle",
                                                      NULL, &status);

    anju_assert_error (status, bad_kind, 422, "validation_failed");
    g_assert_true (anju_test_json_has (bad_kind, "error.fields.kind"));
  }
}

static JsonNode *
create_user (AnjuTestServer *srv,
             const char     *token,
             const char     *username,
             const char     *phone,
             gint64          org,
             gint64          role,
             const char     *password,
             guint          *out_status)
{
  return anju_test_requestf (srv, token, "POST", "/api/v1/users", out_status,
                             "{\"username\":\"%s\",\"name\":\"李四\",\"phone\":\"%s\","
                             "\"organisation_id\":%" G_GINT64_FORMAT ",\"role_ids\":[%" G_GINT64_FORMAT "],"
                             "\"password\":\"%s\",\"post\":\"科员\"}",
                             username, phone, org, role, password);
}

static void
assert_user_refused (AnjuTestServer *srv,
                     const char     *token,
                     const char     *username,
                     const char     *phone,
                     gint64          org,
                     gint64          role,
                     const char     *password,
                     guint           expected_status,
                     const char     *expected_field)
{
  g_autofree char *before = dump_orgs (srv);
  g_autofree char *after = NULL;
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  g_test_message ("user %s phone %s password %s", username, phone, password);
  reply = create_user (srv, token, username, phone, org, role, password, &status);
  anju_assert_error (status, reply, expected_status,
                     expected_status == SOUP_STATUS_CONFLICT ? "conflict" : "validation_failed");
  if (expected_field != NULL)
    {
      g_autofree char *field = g_strconcat ("error.fields.", expected_field, NULL);

      g_assert_true (anju_test_json_has (reply, field));
    }

  after = dump_orgs (srv);
  g_assert_cmpstr (before, ==, after);
}

/* F-PORTAL-017 */
static void
test_user_create (AnjuTestFixture *fixture,
                  gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  const char *admin = fixture->admin;
  gint64 ypl = anju_test_find_org (srv, admin, "银盆岭街道");
  gint64 role = anju_test_find_role (srv, admin, "street_staff");
  g_autoptr(JsonNode) created = NULL;
  g_autoptr(JsonNode) fetched = NULL;
  g_autoptr(JsonNode) first_login = NULL;
  g_autofree char *text = NULL;
  guint status = 0;

  created = create_user (srv, admin, "li.si-01", "13812345678", ypl, role, FIRST_PASSWORD, &status);
  anju_assert_status (status, SOUP_STATUS_CREATED, created);
  g_assert_cmpint (anju_test_json_int (created, "id"), >, 0);
  g_assert_cmpstr (anju_test_json_string (created, "username"), ==, "li.si-01");
  g_assert_cmpstr (anju_test_json_string (created, "name"), ==, "李四");
  /* The admin holds portal.user.pii. */
  g_assert_cmpstr (anju_test_json_string (created, "phone"), ==, "13812345678");
  g_assert_cmpstr (anju_test_json_string (created, "post"), ==, "科员");
  g_assert_cmpint (anju_test_json_int (created, "organisation.id"), ==, ypl);
  g_assert_cmpstr (anju_test_json_string (created, "organisation.name"), ==, "银盆岭街道");
  g_assert_cmpstr (anju_test_json_string (created, "organisation.kind"), ==, "street");
  g_assert_cmpuint (anju_test_json_length (created, "roles"), ==, 1);
  g_assert_cmpint (anju_test_json_int (created, "roles.0.id"), ==, role);
  g_assert_cmpstr (anju_test_json_string (created, "roles.0.code"), ==, "street_staff");
  g_assert_cmpstr (anju_test_json_string (created, "status"), ==, "active");
  g_assert_false (anju_test_json_bool (created, "locked"));
  g_assert_true (anju_test_json_is_null (created, "locked_until"));
  g_assert_true (anju_test_json_bool (created, "must_change_password"));
  g_assert_true (anju_test_json_is_null (created, "last_login_at"));
  g_assert_true (anju_test_json_has (created, "created_at"));
  /* Times go out in Asia/Shanghai. */
  g_assert_true (g_str_has_suffix (anju_test_json_string (created, "created_at"), "+08:00"));
  g_assert_true (g_str_has_suffix (anju_test_json_string (created, "updated_at"), "+08:00"));

  /* No secret ever comes back. */
  text = anju_test_json_to_string (created);
  g_assert_null (strstr (text, FIRST_PASSWORD));
  g_assert_null (strstr (text, "password_hash"));
  g_assert_null (strstr (text, "pbkdf2"));

  fetched = request_id (srv, admin, "GET", "users", anju_test_json_int (created, "id"), NULL, NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, fetched);
  g_assert_cmpstr (anju_test_json_string (fetched, "username"), ==, "li.si-01");

  /* First sign-in: the password must be changed. */
  first_login = anju_test_requestf (srv, NULL, "POST", "/api/v1/auth/login", &status,
                                    "{\"username\":\"li.si-01\",\"password\":\"%s\"}", FIRST_PASSWORD);
  anju_assert_status (status, SOUP_STATUS_OK, first_login);
  g_assert_true (anju_test_json_bool (first_login, "user.must_change_password"));

  assert_user_refused (srv, admin, "li.si-01", "13812345678", ypl, role, FIRST_PASSWORD, 409, NULL);
  assert_user_refused (srv, admin, "street_ypl", "13812345678", ypl, role, FIRST_PASSWORD, 409, NULL);
  assert_user_refused (srv, admin, "wang.wu", "12345", ypl, role, FIRST_PASSWORD, 422, "phone");
  assert_user_refused (srv, admin, "wang.wu", "23812345678", ypl, role, FIRST_PASSWORD, 422, "phone");
  assert_user_refused (srv, admin, "wang.wu", "13812345678", ypl, role, "weakpass", 422, "password");
  assert_user_refused (srv, admin, "wang.wu", "13812345678", ypl, role, "Wang.wu#2026", 422, "password");
  assert_user_refused (srv, admin, "Wang Wu", "13812345678", ypl, role, FIRST_PASSWORD, 422, "username");
  assert_user_refused (srv, admin, "ww", "13812345678", ypl, role, FIRST_PASSWORD, 422, "username");
  assert_user_refused (srv, admin, "wang.wu", "13812345678", 999999, role, FIRST_PASSWORD, 422, "organisation_id");
  assert_user_refused (srv, admin, "wang.wu", "13812345678", ypl, 999999, FIRST_PASSWORD, 422, "role_ids");
  {
    g_autofree char *long_name = g_strnfill (33, 'a');

    assert_user_refused (srv, admin, long_name, "13812345678", ypl, role, FIRST_PASSWORD, 422, "username");
  }
}

static void
test_user_edit (AnjuTestFixture *fixture,
                gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  const char *admin = fixture->admin;
  gint64 ypl = anju_test_find_org (srv, admin, "银盆岭街道");
  gint64 wyh = anju_test_find_org (srv, admin, "望月湖街道");
  gint64 street_role = anju_test_find_role (srv, admin, "street_staff");
  gint64 center_role = anju_test_find_role (srv, admin, "center_staff");
  gint64 id = anju_test_create_user (srv, admin, "zhao.liu", ypl, street_role, FIRST_PASSWORD);
  g_autofree char *body = NULL;
  g_autoptr(JsonNode) edited = NULL;
  g_autoptr(JsonNode) post_only = NULL;
  guint status = 0;

  body = g_strdup_printf ("{\"name\":\"赵六\",\"phone\":\"15987654321\",\"post\":\"副主任\","
                          "\"organisation_id\":%" G_GINT64_FORMAT ",\"role_ids\":[%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT "]}",
                          wyh, street_role, center_role);
  edited = request_id (srv, admin, "PATCH", "users", id, NULL, body, &status);
  anju_assert_status (status, SOUP_STATUS_OK, edited);
  g_assert_cmpstr (anju_test_json_string (edited, "name"), ==, "赵六");
  g_assert_cmpstr (anju_test_json_string (edited, "phone"), ==, "15987654321");
  g_assert_cmpstr (anju_test_json_string (edited, "post"), ==, "副主任");
  g_assert_cmpint (anju_test_json_int (edited, "organisation.id"), ==, wyh);
  g_assert_cmpuint (anju_test_json_length (edited, "roles"), ==, 2);
  g_assert_cmpint (anju_test_json_find (edited, "roles", "code", "center_staff"), >=, 0);
  g_assert_cmpstr (anju_test_json_string (edited, "username"), ==, "zhao.liu");

  /* Members left out stay as they are. */
  post_only = request_id (srv, admin, "PATCH", "users", id, NULL, "{\"post\":\"主任\"}", &status);
  anju_assert_status (status, SOUP_STATUS_OK, post_only);
  g_assert_cmpstr (anju_test_json_string (post_only, "name"), ==, "赵六");
  g_assert_cmpstr (anju_test_json_string (post_only, "post"), ==, "主任");
  g_assert_cmpuint (anju_test_json_length (post_only, "roles"), ==, 2);

  {
    static const char * const refused[] = {
      "{\"username\":\"renamed\"}",
      "{\"password\":\"Other#2026pw\"}",
      "{\"phone\":\"110\"}",
      "{\"role_ids\":[]}",
      "{\"status\":\"disabled\"}",
    };

    for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
      {
        g_autofree char *before = dump_orgs (srv);
        g_autofree char *after = NULL;
        g_autoptr(JsonNode) reply = NULL;

        g_test_message ("PATCH %s", refused[i]);
        reply = request_id (srv, admin, "PATCH", "users", id, NULL, refused[i], &status);
        anju_assert_error (status, reply, 422, "validation_failed");
        after = dump_orgs (srv);
        g_assert_cmpstr (before, ==, after);
      }
  }

  {
    g_autoptr(JsonNode) missing = request_id (srv, admin, "PATCH", "users", 999999, NULL, "{\"post\":\"无\"}", &status);

    anju_assert_error (status, missing, SOUP_STATUS_NOT_FOUND, "not_found");
  }
}

static void
test_user_status (AnjuTestFixture *fixture,
                  gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  const char *admin = fixture->admin;
  gint64 id = anju_test_find_user (srv, admin, "street_wyh");
  g_autoptr(JsonNode) disabled = NULL;
  g_autoptr(JsonNode) listed = NULL;
  g_autoptr(JsonNode) enabled = NULL;
  g_autoptr(JsonNode) unlocked = NULL;
  guint status = 0;

  disabled = request_id (srv, admin, "POST", "users", id, "disable", NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, disabled);
  g_assert_cmpstr (anju_test_json_string (disabled, "status"), ==, "disabled");

  listed = anju_test_request (srv, admin, "GET", "/api/v1/users?status=disabled", NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, listed);
  g_assert_cmpint (anju_test_json_int (listed, "total"), ==, 1);
  g_assert_cmpstr (anju_test_json_string (listed, "items.0.username"), ==, "street_wyh");

  enabled = request_id (srv, admin, "POST", "users", id, "enable", NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, enabled);
  g_assert_cmpstr (anju_test_json_string (enabled, "status"), ==, "active");

  /* Unlocking a user who is not locked is harmless. */
  unlocked = request_id (srv, admin, "POST", "users", id, "unlock", NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, unlocked);
  g_assert_false (anju_test_json_bool (unlocked, "locked"));

  {
    g_autoptr(JsonNode) missing = request_id (srv, admin, "POST", "users", 999999, "disable", NULL, &status);

    anju_assert_error (status, missing, SOUP_STATUS_NOT_FOUND, "not_found");
  }
  {
    g_autoptr(JsonNode) bad = anju_test_request (srv, admin, "GET", "/api/v1/users?status=sleeping", NULL, &status);

    anju_assert_error (status, bad, 422, "validation_failed");
    g_assert_true (anju_test_json_has (bad, "error.fields.status"));
  }
}

/* Search, filters and paging over a known set of users. */
static void
test_user_list (AnjuTestFixture *fixture,
                gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  const char *admin = fixture->admin;
  gint64 center = anju_test_center_id (srv, admin);
  gint64 org = anju_test_create_org (srv, admin, center, "supplier", "分页供应商");
  gint64 supplier_role = anju_test_find_role (srv, admin, "supplier");
  gint64 terminal_role = anju_test_find_role (srv, admin, "terminal");
  g_autofree char *org_path_query = g_strdup_printf ("/api/v1/users?organisation_id=%" G_GINT64_FORMAT "&page_size=2", org);
  g_autoptr(JsonNode) page1 = NULL;
  g_autoptr(JsonNode) page3 = NULL;
  g_autoptr(JsonNode) beyond = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint status = 0;

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *username = g_strdup_printf ("pager%u", i);

      anju_test_create_user (srv, admin, username, org, supplier_role, FIRST_PASSWORD);
    }

  page1 = anju_test_request (srv, admin, "GET", org_path_query, NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, page1);
  g_assert_cmpint (anju_test_json_int (page1, "total"), ==, 5);
  g_assert_cmpuint (anju_test_json_length (page1, "items"), ==, 2);
  g_assert_cmpint (anju_test_json_int (page1, "next"), ==, 2);

  /* Walking next visits every user once. */
  for (gint64 page = 1; page != 0;)
    {
      g_autofree char *path = g_strdup_printf ("%s&page=%" G_GINT64_FORMAT, org_path_query, page);
      g_autoptr(JsonNode) reply = anju_test_request (srv, admin, "GET", path, NULL, &status);

      anju_assert_status (status, SOUP_STATUS_OK, reply);
      for (guint i = 0; i < anju_test_json_length (reply, "items"); i++)
        {
          g_autofree char *member = g_strdup_printf ("items.%u.username", i);

          g_assert_true (g_hash_table_add (seen, g_strdup (anju_test_json_string (reply, member))));
        }
      page = anju_test_json_is_null (reply, "next") ? 0 : anju_test_json_int (reply, "next");
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, 5);

  {
    g_autofree char *path = g_strdup_printf ("%s&page=3", org_path_query);

    page3 = anju_test_request (srv, admin, "GET", path, NULL, &status);
    anju_assert_status (status, SOUP_STATUS_OK, page3);
    g_assert_cmpuint (anju_test_json_length (page3, "items"), ==, 1);
    g_assert_true (anju_test_json_is_null (page3, "next"));
  }
  {
    g_autofree char *path = g_strdup_printf ("%s&page=9", org_path_query);

    beyond = anju_test_request (srv, admin, "GET", path, NULL, &status);
    anju_assert_status (status, SOUP_STATUS_OK, beyond);
    g_assert_cmpuint (anju_test_json_length (beyond, "items"), ==, 0);
    g_assert_cmpint (anju_test_json_int (beyond, "total"), ==, 5);
    g_assert_true (anju_test_json_is_null (beyond, "next"));
  }

  /* q matches username or name, in part. */
  {
    g_autoptr(JsonNode) by_username = anju_test_request (srv, admin, "GET", "/api/v1/users?q=pager", NULL, &status);
    g_autofree char *escaped = g_uri_escape_string ("测试pager3", NULL, FALSE);
    g_autofree char *name_path = g_strconcat ("/api/v1/users?q=", escaped, NULL);
    g_autoptr(JsonNode) by_name = anju_test_request (srv, admin, "GET", name_path, NULL, &status);

    g_assert_cmpint (anju_test_json_int (by_username, "total"), ==, 5);
    anju_assert_status (status, SOUP_STATUS_OK, by_name);
    g_assert_cmpint (anju_test_json_int (by_name, "total"), ==, 1);
    g_assert_cmpstr (anju_test_json_string (by_name, "items.0.username"), ==, "pager3");
  }

  /* role_id filters by role. */
  {
    g_autofree char *edit_path = g_strdup_printf ("/api/v1/users/%" G_GINT64_FORMAT,
                                                  anju_test_find_user (srv, admin, "pager4"));
    g_autofree char *role_path = g_strdup_printf ("/api/v1/users?role_id=%" G_GINT64_FORMAT "&q=pager", terminal_role);
    g_autoptr(JsonNode) edited = NULL;
    g_autoptr(JsonNode) by_role = NULL;

    edited = anju_test_requestf (srv, admin, "PATCH", edit_path, &status,
                                 "{\"role_ids\":[%" G_GINT64_FORMAT "]}", terminal_role);
    anju_assert_status (status, SOUP_STATUS_OK, edited);
    by_role = anju_test_request (srv, admin, "GET", role_path, NULL, &status);
    anju_assert_status (status, SOUP_STATUS_OK, by_role);
    g_assert_cmpint (anju_test_json_int (by_role, "total"), ==, 1);
    g_assert_cmpstr (anju_test_json_string (by_role, "items.0.username"), ==, "pager4");
  }

  /* Filters combine. */
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/users?organisation_id=%" G_GINT64_FORMAT "&q=pager1", org);
    g_autoptr(JsonNode) both = anju_test_request (srv, admin, "GET", path, NULL, &status);

    anju_assert_status (status, SOUP_STATUS_OK, both);
    g_assert_cmpint (anju_test_json_int (both, "total"), ==, 1);
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

  add_fixture_test ("/identity/organisations/create  F-PORTAL-015", test_org_create);
  add_fixture_test ("/identity/organisations/edit  F-PORTAL-015", test_org_edit);
  add_fixture_test ("/identity/organisations/move  F-PORTAL-015", test_org_move);
  add_fixture_test ("/identity/organisations/delete  F-PORTAL-015", test_org_delete);
  add_fixture_test ("/identity/organisations/list  F-PORTAL-015", test_org_list);
  add_fixture_test ("/identity/users/create  F-PORTAL-017", test_user_create);
  add_fixture_test ("/identity/users/edit  F-PORTAL-017", test_user_edit);
  add_fixture_test ("/identity/users/status  F-PORTAL-017", test_user_status);
  add_fixture_test ("/identity/users/list  F-PORTAL-017", test_user_list);

  return g_test_run ();
}
