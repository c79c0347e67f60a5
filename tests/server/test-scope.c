/* test-scope.c: F-PORTAL-018 data scope and F-PORTAL-016 roles.
 *
 * The matrix: two streets (银盆岭, 望月湖) and two enterprises.  A caller
 * sees the subtree of their own organisation; outside it reads are 404
 * and actions 403 (docs/api.md, server/identity/anju-caller.h).
 */

#include <string.h>

#include "anju-test-identity.h"

#define READY_PASSWORD "Ready#2026go"

typedef struct
{
  AnjuTestFixture base;
  gint64          center;
  gint64          ypl;             /* 银盆岭街道 */
  gint64          wyh;             /* 望月湖街道 */
  gint64          ypl_community;   /* a community under 银盆岭 */
  gint64          enterprise;      /* the demo enterprise */
  gint64          enterprise2;     /* made here */
  gint64          useradmin_role;  /* custom: user read/write, org read */
  char           *useradmin;       /* token of a user admin in 银盆岭 */
  char           *enterprise2_op;  /* token of an operator of enterprise2 */
} ScopeFixture;

static JsonNode *
get (AnjuTestServer *srv,
     const char     *token,
     guint          *out_status,
     const char     *format,
     ...) G_GNUC_PRINTF (4, 5);

static JsonNode *
get (AnjuTestServer *srv,
     const char     *token,
     guint          *out_status,
     const char     *format,
     ...)
{
  g_autofree char *path = NULL;
  va_list args;

  va_start (args, format);
  path = g_strdup_vprintf (format, args);
  va_end (args);

  return anju_test_request (srv, token, "GET", path, NULL, out_status);
}

static JsonNode *
get_ok (AnjuTestServer *srv,
        const char     *token,
        const char     *path)
{
  JsonNode *reply = anju_test_get_ok (srv, token, path);

  anju_test_assert_page (reply);
  return reply;
}

static gint64
user_org (ScopeFixture *fixture,
          const char   *username)
{
  AnjuTestServer *srv = fixture->base.srv;
  gint64 id = anju_test_find_user (srv, fixture->base.admin, username);
  g_autoptr(JsonNode) user = NULL;
  guint status = 0;

  user = get (srv, fixture->base.admin, &status, "/api/v1/users/%" G_GINT64_FORMAT, id);
  anju_assert_status (status, SOUP_STATUS_OK, user);

  return anju_test_json_int (user, "organisation.id");
}

static gint64
first_child (AnjuTestServer *srv,
             const char     *token,
             gint64          parent,
             const char     *kind)
{
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  reply = get (srv, token, &status, "/api/v1/organisations?kind=%s&parent_id=%" G_GINT64_FORMAT, kind, parent);
  anju_assert_status (status, SOUP_STATUS_OK, reply);
  g_assert_cmpuint (anju_test_json_length (reply, "items"), >=, 1);

  return anju_test_json_int (reply, "items.0.id");
}

static void
world_set_up (ScopeFixture  *fixture,
              gconstpointer  data)
{
  static const char * const useradmin_permissions[] = {
    "portal.org.read", "portal.user.read", "portal.user.write", NULL,
  };
  AnjuTestServer *srv;
  const char *admin;
  gint64 operator_role;

  anju_test_fixture_set_up (&fixture->base, data);
  srv = fixture->base.srv;
  admin = fixture->base.admin;

  fixture->center = anju_test_center_id (srv, admin);
  fixture->ypl = anju_test_find_org (srv, admin, "银盆岭街道");
  fixture->wyh = anju_test_find_org (srv, admin, "望月湖街道");
  fixture->ypl_community = first_child (srv, admin, fixture->ypl, "community");
  fixture->enterprise = user_org (fixture, "enterprise");

  fixture->enterprise2 = anju_test_create_org (srv, admin, fixture->center,
                                               "enterprise_property", "第二物业企业");
  operator_role = anju_test_find_role (srv, admin, "enterprise_operator");
  fixture->enterprise2_op = anju_test_make_ready_user (srv, admin, "ent2_op", fixture->enterprise2,
                                                       operator_role, READY_PASSWORD);

  fixture->useradmin_role = anju_test_create_role (srv, admin, "街道用户管理员", useradmin_permissions);
  fixture->useradmin = anju_test_make_ready_user (srv, admin, "ypl_useradmin", fixture->ypl,
                                                  fixture->useradmin_role, READY_PASSWORD);
}

static void
world_tear_down (ScopeFixture  *fixture,
                 gconstpointer  data)
{
  g_clear_pointer (&fixture->useradmin, g_free);
  g_clear_pointer (&fixture->enterprise2_op, g_free);
  anju_test_fixture_tear_down (&fixture->base, data);
}

/* One server for the whole file, made when the first test needs it:
 * setting the matrix up hashes a handful of passwords, and the tests
 * only read it, or add records of their own that no other test counts,
 * or undo what they change (disable, then enable). */
static ScopeFixture *world;

static void
scope_set_up (ScopeFixture  *fixture,
              gconstpointer  data)
{
  if (world == NULL)
    {
      world = g_new0 (ScopeFixture, 1);
      world_set_up (world, data);
    }

  /* Borrowed: the world owns the server and the tokens. */
  *fixture = *world;
}

static void
scope_tear_down (ScopeFixture  *fixture,
                 gconstpointer  data)
{
}

/* The ids of every organisation in the subtree of root, as seen by the
 * center admin. */
static GHashTable *
subtree_ids (ScopeFixture *fixture,
             gint64        root)
{
  AnjuTestServer *srv = fixture->base.srv;
  g_autoptr(JsonNode) all = get_ok (srv, fixture->base.admin, "/api/v1/organisations?page_size=200");
  g_autoptr(JsonNode) root_org = NULL;
  GHashTable *ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  const char *root_path;
  guint status = 0;

  root_org = get (srv, fixture->base.admin, &status, "/api/v1/organisations/%" G_GINT64_FORMAT, root);
  anju_assert_status (status, SOUP_STATUS_OK, root_org);
  root_path = anju_test_json_string (root_org, "path");

  g_assert_cmpint (anju_test_json_int (all, "total"), ==, anju_test_json_length (all, "items"));
  for (guint i = 0; i < anju_test_json_length (all, "items"); i++)
    {
      g_autofree char *path_path = g_strdup_printf ("items.%u.path", i);
      g_autofree char *id_path = g_strdup_printf ("items.%u.id", i);

      if (g_str_has_prefix (anju_test_json_string (all, path_path), root_path))
        g_hash_table_add (ids, g_memdup2 (&(gint64) { anju_test_json_int (all, id_path) }, sizeof (gint64)));
    }

  return ids;
}

static gboolean
page_has (JsonNode   *page,
          const char *member,
          const char *value)
{
  return anju_test_json_find (page, "items", member, value) >= 0;
}

/* Every user item's organisation lies in allowed. */
static void
assert_users_within (JsonNode   *page,
                     GHashTable *allowed)
{
  g_assert_cmpint (anju_test_json_int (page, "total"), ==, anju_test_json_length (page, "items"));

  for (guint i = 0; i < anju_test_json_length (page, "items"); i++)
    {
      g_autofree char *org_path = g_strdup_printf ("items.%u.organisation.id", i);
      gint64 org = anju_test_json_int (page, org_path);

      if (!g_hash_table_contains (allowed, &org))
        {
          g_autofree char *text = anju_test_json_to_string (page);

          g_error ("item %u is outside the caller's scope: %s", i, text);
        }
    }
}

/* SEC-025: a street sees its own subtree. */
static void
test_street_lists (ScopeFixture  *fixture,
                   gconstpointer  data)
{
  AnjuTestServer *srv = fixture->base.srv;
  g_autofree char *token = anju_test_login (srv, "street_ypl", ANJU_TEST_DEMO_PASSWORD);
  g_autoptr(GHashTable) ypl_ids = subtree_ids (fixture, fixture->ypl);
  g_autoptr(JsonNode) users = get_ok (srv, token, "/api/v1/users?page_size=200");
  g_autoptr(JsonNode) orgs = get_ok (srv, token, "/api/v1/organisations?page_size=200");
  g_autoptr(JsonNode) searched = NULL;

  assert_users_within (users, ypl_ids);
  g_assert_true (page_has (users, "username", "street_ypl"));
  g_assert_true (page_has (users, "username", "community_ypl"));
  g_assert_true (page_has (users, "username", "ypl_useradmin"));
  g_assert_false (page_has (users, "username", "street_wyh"));
  g_assert_false (page_has (users, "username", "admin"));
  g_assert_false (page_has (users, "username", "enterprise"));

  g_assert_cmpint (anju_test_json_int (orgs, "total"), ==, g_hash_table_size (ypl_ids));
  for (guint i = 0; i < anju_test_json_length (orgs, "items"); i++)
    {
      g_autofree char *id_path = g_strdup_printf ("items.%u.id", i);
      gint64 id = anju_test_json_int (orgs, id_path);

      g_assert_true (g_hash_table_contains (ypl_ids, &id));
    }

  /* A search cannot reach past the scope either. */
  searched = get_ok (srv, token, "/api/v1/users?q=street_wyh");
  g_assert_cmpint (anju_test_json_int (searched, "total"), ==, 0);
  {
    g_autofree char *escaped = g_uri_escape_string ("望月湖", NULL, FALSE);
    g_autofree char *path = g_strconcat ("/api/v1/organisations?q=", escaped, NULL);
    g_autoptr(JsonNode) other_street = get_ok (srv, token, path);

    g_assert_cmpint (anju_test_json_int (other_street, "total"), ==, 0);
  }
}

/* Reads outside the scope answer 404, as if the record did not exist. */
static void
test_street_reads_outside (ScopeFixture  *fixture,
                           gconstpointer  data)
{
  AnjuTestServer *srv = fixture->base.srv;
  g_autofree char *token = anju_test_login (srv, "street_ypl", ANJU_TEST_DEMO_PASSWORD);
  gint64 wyh_user = anju_test_find_user (srv, fixture->base.admin, "street_wyh");
  gint64 own_user = anju_test_find_user (srv, fixture->base.admin, "community_ypl");
  g_autoptr(JsonNode) user = NULL;
  g_autoptr(JsonNode) org = NULL;
  g_autoptr(JsonNode) own = NULL;
  g_autoptr(JsonNode) own_org = NULL;
  g_autoptr(JsonNode) missing = NULL;
  guint status = 0;

  user = get (srv, token, &status, "/api/v1/users/%" G_GINT64_FORMAT, wyh_user);
  anju_assert_error (status, user, SOUP_STATUS_NOT_FOUND, "not_found");
  org = get (srv, token, &status, "/api/v1/organisations/%" G_GINT64_FORMAT, fixture->wyh);
  anju_assert_error (status, org, SOUP_STATUS_NOT_FOUND, "not_found");

  /* The same answer as for an id that does not exist at all. */
  missing = get (srv, token, &status, "/api/v1/users/%d", 999999);
  anju_assert_error (status, missing, SOUP_STATUS_NOT_FOUND, "not_found");
  g_assert_cmpstr (anju_test_json_string (user, "error.message"), ==,
                   anju_test_json_string (missing, "error.message"));

  own = get (srv, token, &status, "/api/v1/users/%" G_GINT64_FORMAT, own_user);
  anju_assert_status (status, SOUP_STATUS_OK, own);
  own_org = get (srv, token, &status, "/api/v1/organisations/%" G_GINT64_FORMAT, fixture->ypl_community);
  anju_assert_status (status, SOUP_STATUS_OK, own_org);
}

static char *
dump_identity (AnjuTestServer *srv)
{
  static const char * const tables[] = { "users", "user_roles", "organisations", "audit_log", NULL };
  GString *all = g_string_new (NULL);

  for (guint i = 0; tables[i] != NULL; i++)
    {
      g_autofree char *dump = anju_test_db_dump (srv, tables[i]);

      g_string_append_printf (all, "== %s\n%s", tables[i], dump);
    }

  return g_string_free (all, FALSE);
}

static void
assert_forbidden_unchanged (AnjuTestServer *srv,
                            const char     *token,
                            const char     *method,
                            const char     *path,
                            const char     *body)
{
  g_autofree char *before = dump_identity (srv);
  g_autofree char *after = NULL;
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  g_test_message ("%s %s", method, path);
  reply = anju_test_request (srv, token, method, path, body, &status);
  anju_assert_error (status, reply, SOUP_STATUS_FORBIDDEN, "forbidden");
  after = dump_identity (srv);
  g_assert_cmpstr (before, ==, after);
}

/* Actions outside the scope answer 403 and change nothing. */
static void
test_street_acts_outside (ScopeFixture  *fixture,
                          gconstpointer  data)
{
  AnjuTestServer *srv = fixture->base.srv;
  gint64 wyh_user = anju_test_find_user (srv, fixture->base.admin, "street_wyh");
  gint64 ypl_user = anju_test_find_user (srv, fixture->base.admin, "community_ypl");
  g_autofree char *street_token = anju_test_login (srv, "street_ypl", ANJU_TEST_DEMO_PASSWORD);
  static const char * const actions[] = { "disable", "enable", "unlock" };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_autofree char *path = g_strdup_printf ("/api/v1/users/%" G_GINT64_FORMAT "/%s", wyh_user, actions[i]);

      assert_forbidden_unchanged (srv, fixture->useradmin, "POST", path, NULL);
    }
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/users/%" G_GINT64_FORMAT "/reset-password", wyh_user);
    g_autofree char *patch = g_strdup_printf ("/api/v1/users/%" G_GINT64_FORMAT, wyh_user);

    assert_forbidden_unchanged (srv, fixture->useradmin, "POST", path, "{\"new_password\":\"Taken#2026over\"}");
    assert_forbidden_unchanged (srv, fixture->useradmin, "PATCH", patch, "{\"name\":\"改名\"}");
  }

  /* The demo street account may read but not write users at all. */
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/users/%" G_GINT64_FORMAT "/disable", ypl_user);

    assert_forbidden_unchanged (srv, street_token, "POST", path, NULL);
  }

  /* Inside the scope the same actions work. */
  {
    g_autofree char *disable = g_strdup_printf ("/api/v1/users/%" G_GINT64_FORMAT "/disable", ypl_user);
    g_autofree char *enable = g_strdup_printf ("/api/v1/users/%" G_GINT64_FORMAT "/enable", ypl_user);
    g_autoptr(JsonNode) disabled = NULL;
    g_autoptr(JsonNode) enabled = NULL;
    guint status = 0;

    disabled = anju_test_request (srv, fixture->useradmin, "POST", disable, NULL, &status);
    anju_assert_status (status, SOUP_STATUS_OK, disabled);
    g_assert_cmpstr (anju_test_json_string (disabled, "status"), ==, "disabled");
    enabled = anju_test_request (srv, fixture->useradmin, "POST", enable, NULL, &status);
    anju_assert_status (status, SOUP_STATUS_OK, enabled);
    g_assert_cmpstr (anju_test_json_string (enabled, "status"), ==, "active");
  }
}

static JsonNode *
create_user_in (AnjuTestServer *srv,
                const char     *token,
                const char     *username,
                gint64          org,
                gint64          role,
                guint          *out_status)
{
  return anju_test_requestf (srv, token, "POST", "/api/v1/users", out_status,
                             "{\"username\":\"%s\",\"name\":\"新用户\",\"phone\":\"13700001111\","
                             "\"organisation_id\":%" G_GINT64_FORMAT ",\"role_ids\":[%" G_GINT64_FORMAT "],"
                             "\"password\":\"First#2026pw\"}",
                             username, org, role);
}

/* A user may only be placed inside the caller's scope, with roles whose
 * permissions the caller holds. */
static void
test_street_creates (ScopeFixture  *fixture,
                     gconstpointer  data)
{
  AnjuTestServer *srv = fixture->base.srv;
  gint64 community_role = anju_test_find_role (srv, fixture->base.admin, "community_worker");
  gint64 admin_role = anju_test_find_role (srv, fixture->base.admin, "center_admin");
  g_autofree char *before = dump_identity (srv);
  g_autofree char *after = NULL;
  g_autoptr(JsonNode) elsewhere = NULL;
  g_autoptr(JsonNode) escalated = NULL;
  g_autoptr(JsonNode) own_role = NULL;
  guint status = 0;

  elsewhere = create_user_in (srv, fixture->useradmin, "wyh_newcomer", fixture->wyh,
                              fixture->useradmin_role, &status);
  anju_assert_error (status, elsewhere, SOUP_STATUS_FORBIDDEN, "forbidden");

  /* center_admin holds permissions the street user admin lacks. */
  escalated = create_user_in (srv, fixture->useradmin, "ypl_escalated", fixture->ypl_community,
                              admin_role, &status);
  anju_assert_error (status, escalated, SOUP_STATUS_FORBIDDEN, "forbidden");

  after = dump_identity (srv);
  g_assert_cmpstr (before, ==, after);

  /* community_worker holds pubrent permissions the caller lacks too, so
   * only the caller's own role can be handed out. */
  {
    g_autoptr(JsonNode) worker = create_user_in (srv, fixture->useradmin, "ypl_worker2", fixture->ypl_community,
                                                 community_role, &status);

    anju_assert_error (status, worker, SOUP_STATUS_FORBIDDEN, "forbidden");
  }

  own_role = create_user_in (srv, fixture->useradmin, "ypl_helper", fixture->ypl_community,
                             fixture->useradmin_role, &status);
  anju_assert_status (status, SOUP_STATUS_CREATED, own_role);
  g_assert_cmpint (anju_test_json_int (own_role, "organisation.id"), ==, fixture->ypl_community);
}

/* Enterprise users see only their own organisation. */
static void
test_enterprise_scope (ScopeFixture  *fixture,
                       gconstpointer  data)
{
  AnjuTestServer *srv = fixture->base.srv;
  g_autofree char *first = anju_test_login (srv, "enterprise", ANJU_TEST_DEMO_PASSWORD);
  g_autoptr(GHashTable) first_ids = subtree_ids (fixture, fixture->enterprise);
  g_autoptr(GHashTable) second_ids = subtree_ids (fixture, fixture->enterprise2);
  g_autoptr(JsonNode) first_users = get_ok (srv, first, "/api/v1/users?page_size=200");
  g_autoptr(JsonNode) second_users = get_ok (srv, fixture->enterprise2_op, "/api/v1/users?page_size=200");
  g_autoptr(JsonNode) cross = NULL;
  g_autoptr(JsonNode) orgs = NULL;
  gint64 second_user = anju_test_find_user (srv, fixture->base.admin, "ent2_op");
  guint status = 0;

  g_assert_cmpuint (g_hash_table_size (first_ids), ==, 1);
  assert_users_within (first_users, first_ids);
  g_assert_true (page_has (first_users, "username", "enterprise"));
  g_assert_false (page_has (first_users, "username", "ent2_op"));

  assert_users_within (second_users, second_ids);
  g_assert_cmpint (anju_test_json_int (second_users, "total"), ==, 1);
  g_assert_true (page_has (second_users, "username", "ent2_op"));

  cross = get (srv, first, &status, "/api/v1/users/%" G_GINT64_FORMAT, second_user);
  anju_assert_error (status, cross, SOUP_STATUS_NOT_FOUND, "not_found");

  /* The operator role has no organisation administration. */
  orgs = get (srv, first, &status, "/api/v1/organisations");
  anju_assert_error (status, orgs, SOUP_STATUS_FORBIDDEN, "forbidden");
}

/* SEC-024: permissions are checked on the server for every route. */
static void
test_permissions_checked (ScopeFixture  *fixture,
                          gconstpointer  data)
{
  AnjuTestServer *srv = fixture->base.srv;
  g_autofree char *worker = anju_test_login (srv, "community_ypl", ANJU_TEST_DEMO_PASSWORD);
  g_autofree char *supplier = anju_test_login (srv, "supplier", ANJU_TEST_DEMO_PASSWORD);
  g_autofree char *terminal = anju_test_login (srv, "terminal01", ANJU_TEST_DEMO_PASSWORD);
  static const char * const worker_denied[] = {
    "/api/v1/users", "/api/v1/organisations", "/api/v1/roles", "/api/v1/audit",
  };

  for (guint i = 0; i < G_N_ELEMENTS (worker_denied); i++)
    {
      g_autoptr(JsonNode) denied = NULL;
      guint status = 0;

      denied = anju_test_request (srv, worker, "GET", worker_denied[i], NULL, &status);
      anju_assert_error (status, denied, SOUP_STATUS_FORBIDDEN, "forbidden");
    }

  {
    g_autoptr(JsonNode) roles = NULL;
    g_autoptr(JsonNode) users = NULL;
    guint status = 0;

    roles = anju_test_request (srv, supplier, "GET", "/api/v1/roles", NULL, &status);
    anju_assert_error (status, roles, SOUP_STATUS_FORBIDDEN, "forbidden");
    users = anju_test_request (srv, terminal, "GET", "/api/v1/users", NULL, &status);
    anju_assert_error (status, users, SOUP_STATUS_FORBIDDEN, "forbidden");
  }

  /* Anyone signed in may ask who they are. */
  {
    g_autoptr(JsonNode) me = NULL;
    guint status = 0;

    me = anju_test_request (srv, supplier, "GET", "/api/v1/auth/me", NULL, &status);
    anju_assert_status (status, SOUP_STATUS_OK, me);
  }
}

/* The center sees everything; its staff role reads but does not write. */
static void
test_center_sees_all (ScopeFixture  *fixture,
                      gconstpointer  data)
{
  AnjuTestServer *srv = fixture->base.srv;
  g_autofree char *center = anju_test_login (srv, "center", ANJU_TEST_DEMO_PASSWORD);
  g_autoptr(JsonNode) admin_users = get_ok (srv, fixture->base.admin, "/api/v1/users?page_size=200");
  g_autoptr(JsonNode) center_users = get_ok (srv, center, "/api/v1/users?page_size=200");
  g_autoptr(JsonNode) admin_orgs = get_ok (srv, fixture->base.admin, "/api/v1/organisations?page_size=200");
  g_autoptr(JsonNode) center_orgs = get_ok (srv, center, "/api/v1/organisations?page_size=200");
  g_autofree char *admin_text = NULL;
  g_autofree char *center_text = NULL;

  g_assert_cmpint (anju_test_json_int (center_users, "total"), ==, anju_test_json_int (admin_users, "total"));
  g_assert_true (page_has (center_users, "username", "street_wyh"));
  g_assert_true (page_has (center_users, "username", "ent2_op"));
  g_assert_true (page_has (center_users, "username", "ypl_useradmin"));

  admin_text = anju_test_json_to_string (anju_test_json_lookup (admin_orgs, "items"));
  center_text = anju_test_json_to_string (anju_test_json_lookup (center_orgs, "items"));
  g_assert_cmpstr (admin_text, ==, center_text);

  {
    g_autoptr(JsonNode) write = NULL;
    guint status = 0;

    write = anju_test_requestf (srv, center, "POST", "/api/v1/organisations", &status,
                                "{\"name\":\"越权供应商\",\"kind\":\"supplier\",\"parent_id\":%" G_GINT64_FORMAT "}",
                                fixture->center);
    anju_assert_error (status, write, SOUP_STATUS_FORBIDDEN, "forbidden");
  }
}

/* SEC-058: phones are masked unless the caller holds portal.user.pii. */
static void
test_phone_masking (ScopeFixture  *fixture,
                    gconstpointer  data)
{
  AnjuTestServer *srv = fixture->base.srv;
  g_autofree char *street = anju_test_login (srv, "street_ypl", ANJU_TEST_DEMO_PASSWORD);
  gint64 helper_user;
  g_autoptr(JsonNode) plain = NULL;
  g_autoptr(JsonNode) masked = NULL;
  g_autoptr(JsonNode) listed = NULL;
  guint status = 0;

  helper_user = anju_test_create_user (srv, fixture->base.admin, "ypl_phone", fixture->ypl_community,
                                       fixture->useradmin_role, "First#2026pw");

  plain = get (srv, fixture->base.admin, &status, "/api/v1/users/%" G_GINT64_FORMAT, helper_user);
  anju_assert_status (status, SOUP_STATUS_OK, plain);
  g_assert_cmpstr (anju_test_json_string (plain, "phone"), ==, "13912345678");

  masked = get (srv, street, &status, "/api/v1/users/%" G_GINT64_FORMAT, helper_user);
  anju_assert_status (status, SOUP_STATUS_OK, masked);
  g_assert_cmpstr (anju_test_json_string (masked, "phone"), ==, "139****5678");

  listed = get_ok (srv, street, "/api/v1/users?q=ypl_phone");
  g_assert_cmpint (anju_test_json_int (listed, "total"), ==, 1);
  g_assert_cmpstr (anju_test_json_string (listed, "items.0.phone"), ==, "139****5678");
}

static JsonNode *
role_request (AnjuTestServer *srv,
              const char     *token,
              const char     *method,
              gint64          id,
              const char     *body,
              guint          *out_status)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/roles/%" G_GINT64_FORMAT, id);

  return anju_test_request (srv, token, method, path, body, out_status);
}

/* F-PORTAL-016: system roles are fixed. */
static void
test_system_roles_immutable (ScopeFixture  *fixture,
                             gconstpointer  data)
{
  static const char * const codes[] = {
    "center_admin", "center_staff", "street_staff", "community_worker",
    "enterprise_operator", "supplier", "terminal",
  };
  AnjuTestServer *srv = fixture->base.srv;
  const char *admin = fixture->base.admin;
  g_autofree char *before = anju_test_db_dump (srv, "role_permissions");
  g_autofree char *after = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      gint64 id = anju_test_find_role (srv, admin, codes[i]);
      g_autoptr(JsonNode) role = NULL;
      g_autoptr(JsonNode) edit = NULL;
      g_autoptr(JsonNode) drop = NULL;
      guint status = 0;

      role = role_request (srv, admin, "GET", id, NULL, &status);
      anju_assert_status (status, SOUP_STATUS_OK, role);
      g_assert_true (anju_test_json_bool (role, "system"));
      g_assert_cmpstr (anju_test_json_string (role, "code"), ==, codes[i]);

      edit = role_request (srv, admin, "PATCH", id, "{\"permissions\":[\"portal.user.read\"]}", &status);
      anju_assert_error (status, edit, SOUP_STATUS_CONFLICT, "conflict");
      drop = role_request (srv, admin, "DELETE", id, NULL, &status);
      anju_assert_error (status, drop, SOUP_STATUS_CONFLICT, "conflict");
    }

  after = anju_test_db_dump (srv, "role_permissions");
  g_assert_cmpstr (before, ==, after);
}

/* F-PORTAL-016: custom roles are made, edited and removed. */
static void
test_custom_role_lifecycle (ScopeFixture  *fixture,
                            gconstpointer  data)
{
  AnjuTestServer *srv = fixture->base.srv;
  const char *admin = fixture->base.admin;
  g_autoptr(JsonNode) created = NULL;
  g_autoptr(JsonNode) edited = NULL;
  g_autoptr(JsonNode) fetched = NULL;
  g_autoptr(JsonNode) dropped = NULL;
  g_autoptr(JsonNode) gone = NULL;
  g_autoptr(JsonNode) held = NULL;
  gint64 id;
  guint status = 0;

  created = anju_test_request (srv, admin, "POST", "/api/v1/roles",
                               "{\"name\":\"审计查看员\",\"description\":\"只看日志\","
                               "\"permissions\":[\"portal.audit.read\"]}", &status);
  anju_assert_status (status, SOUP_STATUS_CREATED, created);
  id = anju_test_json_int (created, "id");
  g_assert_false (anju_test_json_bool (created, "system"));
  g_assert_cmpstr (anju_test_json_string (created, "name"), ==, "审计查看员");
  g_assert_cmpstr (anju_test_json_string (created, "description"), ==, "只看日志");
  g_assert_cmpuint (anju_test_json_length (created, "permissions"), ==, 1);
  g_assert_true (anju_test_json_array_has_string (created, "permissions", "portal.audit.read"));
  g_assert_cmpint (anju_test_json_int (created, "user_count"), ==, 0);

  edited = role_request (srv, admin, "PATCH", id,
                         "{\"name\":\"审计与用户查看员\",\"permissions\":[\"portal.audit.read\",\"portal.user.read\"]}",
                         &status);
  anju_assert_status (status, SOUP_STATUS_OK, edited);
  g_assert_cmpstr (anju_test_json_string (edited, "name"), ==, "审计与用户查看员");
  g_assert_cmpstr (anju_test_json_string (edited, "description"), ==, "只看日志");
  g_assert_cmpuint (anju_test_json_length (edited, "permissions"), ==, 2);

  fetched = role_request (srv, admin, "GET", id, NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, fetched);
  g_assert_true (anju_test_json_array_has_string (fetched, "permissions", "portal.user.read"));

  /* A role that users hold counts them, and stays. */
  {
    g_autoptr(JsonNode) useradmin = role_request (srv, admin, "GET", fixture->useradmin_role, NULL, &status);

    anju_assert_status (status, SOUP_STATUS_OK, useradmin);
    g_assert_cmpint (anju_test_json_int (useradmin, "user_count"), >=, 1);
  }
  held = role_request (srv, admin, "DELETE", fixture->useradmin_role, NULL, &status);
  anju_assert_error (status, held, SOUP_STATUS_CONFLICT, "conflict");

  dropped = role_request (srv, admin, "DELETE", id, NULL, &status);
  anju_assert_status (status, SOUP_STATUS_NO_CONTENT, dropped);
  gone = role_request (srv, admin, "GET", id, NULL, &status);
  anju_assert_error (status, gone, SOUP_STATUS_NOT_FOUND, "not_found");

  /* The catalogue lists every permission with its module. */
  {
    g_autoptr(JsonNode) catalogue = NULL;

    catalogue = anju_test_request (srv, admin, "GET", "/api/v1/permissions", NULL, &status);
    anju_assert_status (status, SOUP_STATUS_OK, catalogue);
    g_assert_cmpint (anju_test_json_find (catalogue, "items", "id", "portal.user.write"), >=, 0);
    g_assert_cmpint (anju_test_json_find (catalogue, "modules", "id", "portal"), >=, 0);
    g_assert_cmpstr (anju_test_json_string (catalogue, "items.0.module"), !=, "");
    g_assert_cmpstr (anju_test_json_string (catalogue, "items.0.label"), !=, "");
    g_assert_cmpstr (anju_test_json_string (catalogue, "modules.0.label"), !=, "");
  }
}

static void
test_role_validation (ScopeFixture  *fixture,
                      gconstpointer  data)
{
  static const char * const role_admin_permissions[] = {
    "portal.role.read", "portal.role.write", NULL,
  };
  AnjuTestServer *srv = fixture->base.srv;
  const char *admin = fixture->base.admin;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *role_admin = NULL;
  g_autoptr(JsonNode) unknown = NULL;
  g_autoptr(JsonNode) granted = NULL;
  g_autoptr(JsonNode) own = NULL;
  gint64 role_admin_role;
  guint status = 0;

  role_admin_role = anju_test_create_role (srv, admin, "角色管理员", role_admin_permissions);
  role_admin = anju_test_make_ready_user (srv, admin, "role_keeper", fixture->center,
                                          role_admin_role, READY_PASSWORD);

  before = anju_test_db_dump (srv, "role_permissions");

  unknown = anju_test_request (srv, admin, "POST", "/api/v1/roles",
                               "{\"name\":\"坏角色\",\"permissions\":[\"portal.castle.storm\"]}", &status);
  anju_assert_error (status, unknown, 422, "validation_failed");
  g_assert_true (anju_test_json_has (unknown, "error.fields.permissions"));

  /* Nobody hands out what they do not hold. */
  granted = anju_test_request (srv, role_admin, "POST", "/api/v1/roles",
                               "{\"name\":\"越权角色\",\"permissions\":[\"portal.user.write\"]}", &status);
  anju_assert_error (status, granted, SOUP_STATUS_FORBIDDEN, "forbidden");
  own = role_request (srv, role_admin, "PATCH", role_admin_role,
                      "{\"permissions\":[\"portal.role.read\",\"portal.role.write\",\"portal.audit.read\"]}",
                      &status);
  anju_assert_error (status, own, SOUP_STATUS_FORBIDDEN, "forbidden");

  after = anju_test_db_dump (srv, "role_permissions");
  g_assert_cmpstr (before, ==, after);

  /* What it holds it may hand out. */
  {
    g_autoptr(JsonNode) fine = NULL;

    fine = anju_test_request (srv, role_admin, "POST", "/api/v1/roles",
                              "{\"name\":\"角色查看员\",\"permissions\":[\"portal.role.read\"]}", &status);
    anju_assert_status (status, SOUP_STATUS_CREATED, fine);
  }
}

/* The "Permission by role" table of docs/permissions.md as a set of
 * "role permission" strings. */
static GHashTable *
documented_role_permissions (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "docs", "permissions.md", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) roles = NULL;
  GHashTable *pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean in_table = FALSE;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cells = NULL;

      if (g_str_has_prefix (lines[i], "## "))
        in_table = g_str_equal (lines[i], "## Permission by role");
      if (!in_table || !g_str_has_prefix (lines[i], "| "))
        continue;

      cells = g_strsplit (lines[i], "|", -1);
      for (guint j = 0; cells[j] != NULL; j++)
        g_strstrip (cells[j]);

      if (g_str_equal (cells[1], "permission"))
        roles = g_strdupv (cells);
      else if (g_str_has_prefix (cells[1], "`") && roles != NULL)
        {
          g_autofree char *permission = g_strndup (cells[1] + 1, strlen (cells[1]) - 2);

          for (guint j = 2; cells[j] != NULL && roles[j] != NULL; j++)
            if (g_str_equal (cells[j], "✓"))
              g_hash_table_add (pairs, g_strdup_printf ("%s %s", roles[j], permission));
        }
    }

  g_assert_nonnull (roles);
  g_assert_cmpuint (g_hash_table_size (pairs), >, 0);
  return pairs;
}

/* F-PORTAL-016: the system roles hold exactly what docs/permissions.md
 * says they hold. */
static void
test_system_role_defaults (ScopeFixture  *fixture,
                           gconstpointer  data)
{
  AnjuTestServer *srv = fixture->base.srv;
  g_autoptr(GHashTable) documented = documented_role_permissions ();
  g_autoptr(GHashTable) served = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(JsonNode) roles = get_ok (srv, fixture->base.admin, "/api/v1/roles?page_size=200");
  g_autoptr(GString) differences = g_string_new (NULL);
  GHashTableIter iter;
  gpointer pair;

  for (guint i = 0; i < anju_test_json_length (roles, "items"); i++)
    {
      g_autofree char *system = g_strdup_printf ("items.%u.system", i);
      g_autofree char *code = g_strdup_printf ("items.%u.code", i);
      g_autofree char *permissions = g_strdup_printf ("items.%u.permissions", i);
      JsonArray *array;

      if (!anju_test_json_bool (roles, system))
        continue;

      array = json_node_get_array (anju_test_json_lookup (roles, permissions));
      for (guint j = 0; j < json_array_get_length (array); j++)
        g_hash_table_add (served, g_strdup_printf ("%s %s", anju_test_json_string (roles, code),
                                                   json_array_get_string_element (array, j)));
    }

  g_hash_table_iter_init (&iter, documented);
  while (g_hash_table_iter_next (&iter, &pair, NULL))
    if (!g_hash_table_contains (served, pair))
      g_string_append_printf (differences, "\n  documented, not served: %s", (const char *) pair);
  g_hash_table_iter_init (&iter, served);
  while (g_hash_table_iter_next (&iter, &pair, NULL))
    if (!g_hash_table_contains (documented, pair))
      g_string_append_printf (differences, "\n  served, not documented: %s", (const char *) pair);

  if (differences->len > 0)
    g_test_fail_printf ("system roles differ from docs/permissions.md:%s", differences->str);
}

static void
add_scope_test (const char *path,
                void      (*func) (ScopeFixture *, gconstpointer))
{
  g_test_add (path, ScopeFixture, NULL, scope_set_up, func, scope_tear_down);
}

int
main (int    argc,
      char **argv)
{
  int status;

  anju_test_init (&argc, &argv);

  add_scope_test ("/scope/street/lists  F-PORTAL-018", test_street_lists);
  add_scope_test ("/scope/street/reads-outside  F-PORTAL-018", test_street_reads_outside);
  add_scope_test ("/scope/street/acts-outside  F-PORTAL-018", test_street_acts_outside);
  add_scope_test ("/scope/street/creates  F-PORTAL-018", test_street_creates);
  add_scope_test ("/scope/enterprise  F-PORTAL-018", test_enterprise_scope);
  add_scope_test ("/scope/permissions  F-PORTAL-018", test_permissions_checked);
  add_scope_test ("/scope/center  F-PORTAL-018", test_center_sees_all);
  add_scope_test ("/scope/phone-masking  SEC-058", test_phone_masking);
  add_scope_test ("/roles/system-immutable  F-PORTAL-016", test_system_roles_immutable);
  add_scope_test ("/roles/custom-lifecycle  F-PORTAL-016", test_custom_role_lifecycle);
  add_scope_test ("/roles/validation  F-PORTAL-016", test_role_validation);
  add_scope_test ("/roles/system-defaults  F-PORTAL-016", test_system_role_defaults);

  status = g_test_run ();

  if (world != NULL)
    world_tear_down (world, NULL);
  g_free (world);

  return status;
}
