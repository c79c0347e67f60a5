/* test-overview.c: the home page's numbers (首页 数据概览 / 业务办理,
 * F-PORTAL-001, F-PORTAL-002, F-PORTAL-003).
 *
 * Each tile must say the same as the list it summarises, for the caller
 * who asks, and move when that list moves.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "anju-test-identity.h"

static JsonNode *
get_json (AnjuTestServer *srv,
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
list_total (AnjuTestServer *srv,
            const char     *token,
            const char     *path)
{
  g_autoptr(JsonNode) page = get_json (srv, token, path);

  return anju_test_json_int (page, "total");
}

/* The tiles agree with the lists behind them, for one caller. */
static void
assert_tiles_match_lists (AnjuTestServer *srv,
                          const char     *token)
{
  g_autoptr(JsonNode) overview = get_json (srv, token, "/api/v1/portal/overview");
  g_autoptr(JsonNode) counts = get_json (srv, token, "/api/v1/todo/counts");
  g_autoptr(JsonNode) unread = get_json (srv, token, "/api/v1/messages/unread-count");

  g_assert_cmpint (anju_test_json_int (overview, "tiles.open_tasks"), ==,
                   anju_test_json_int (counts, "total"));
  g_assert_cmpint (anju_test_json_int (overview, "tiles.overdue_tasks"), ==,
                   anju_test_json_int (counts, "overdue"));
  g_assert_cmpint (anju_test_json_int (overview, "tiles.unread_messages"), ==,
                   anju_test_json_int (unread, "unread"));
  g_assert_cmpint (anju_test_json_int (overview, "tiles.published_notices"), ==,
                   list_total (srv, token, "/api/v1/articles?kind=notice&status=published"));
  g_assert_cmpuint (anju_test_json_length (overview, "latest"), <=, 5);
}

static void
test_tiles_per_caller (AnjuTestFixture *fixture,
                       gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *street = anju_test_login (srv, "street_ypl", ANJU_TEST_DEMO_PASSWORD);
  g_autofree char *community = anju_test_login (srv, "community_ypl", ANJU_TEST_DEMO_PASSWORD);
  g_autoptr(JsonNode) admin_view = NULL;
  g_autoptr(JsonNode) street_view = NULL;
  g_autoptr(JsonNode) community_view = NULL;

  assert_tiles_match_lists (srv, fixture->admin);
  assert_tiles_match_lists (srv, street);
  assert_tiles_match_lists (srv, community);

  /* Users and organisations count the caller's scope only. */
  admin_view = get_json (srv, fixture->admin, "/api/v1/portal/overview");
  street_view = get_json (srv, street, "/api/v1/portal/overview");
  g_assert_cmpint (anju_test_json_int (admin_view, "tiles.users"), ==,
                   list_total (srv, fixture->admin, "/api/v1/users"));
  g_assert_cmpint (anju_test_json_int (street_view, "tiles.users"), ==,
                   list_total (srv, street, "/api/v1/users"));
  g_assert_cmpint (anju_test_json_int (street_view, "tiles.organisations"), ==,
                   list_total (srv, street, "/api/v1/organisations"));
  g_assert_cmpint (anju_test_json_int (street_view, "tiles.users"), <,
                   anju_test_json_int (admin_view, "tiles.users"));

  /* Without the permission to list users, the tile is null, not 0. */
  community_view = get_json (srv, community, "/api/v1/portal/overview");
  g_assert_true (anju_test_json_is_null (community_view, "tiles.users"));
  g_assert_true (anju_test_json_is_null (community_view, "tiles.organisations"));
}

static gint64
business_running (JsonNode   *overview,
                  const char *type)
{
  int index = anju_test_json_find (overview, "business", "type", type);
  g_autofree char *path = NULL;

  if (index < 0)
    return 0;
  path = g_strdup_printf ("business.%d.running", index);
  return anju_test_json_int (overview, path);
}

/* 业务办理: the demo's public-rental reviews are there, scoped: the
 * street sees its own, the center all; and the tiles move with the work. */
static void
test_business_and_movement (AnjuTestFixture *fixture,
                            gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *street = anju_test_login (srv, "street_ypl", ANJU_TEST_DEMO_PASSWORD);
  g_autoptr(JsonNode) admin_view = get_json (srv, fixture->admin, "/api/v1/portal/overview");
  g_autoptr(JsonNode) before = get_json (srv, street, "/api/v1/portal/overview");
  g_autoptr(JsonNode) todo = get_json (srv, street, "/api/v1/todo?sort=due");
  g_autoptr(JsonNode) approved = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autofree char *path = NULL;
  guint status = 0;
  gint64 instance_id;

  g_assert_cmpint (business_running (admin_view, "pubrent.application.review"), >, 0);
  g_assert_cmpint (business_running (before, "pubrent.application.review"), <=,
                   business_running (admin_view, "pubrent.application.review"));

  g_assert_cmpint (anju_test_json_int (before, "tiles.open_tasks"), >, 0);
  instance_id = anju_test_json_int (todo, "items.0.instance_id");
  path = g_strdup_printf ("/api/v1/workflow/instances/%" G_GINT64_FORMAT "/actions", instance_id);
  approved = anju_test_request (srv, street, "POST", path,
                                "{\"action\": \"approve\", \"comment\": \"材料齐全\"}", &status);
  anju_assert_status (status, SOUP_STATUS_OK, approved);

  after = get_json (srv, street, "/api/v1/portal/overview");
  g_assert_cmpint (anju_test_json_int (after, "tiles.open_tasks"), ==,
                   anju_test_json_int (before, "tiles.open_tasks") - 1);
  assert_tiles_match_lists (srv, street);
}

/* A reader sees only what the articles list shows them: a notice aimed
 * at another street is neither counted nor listed. */
static void
test_latest_is_visible_only (AnjuTestFixture *fixture,
                             gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *other = anju_test_login (srv, "street_wyh", ANJU_TEST_DEMO_PASSWORD);
  g_autoptr(JsonNode) overview = get_json (srv, other, "/api/v1/portal/overview");
  guint n = anju_test_json_length (overview, "latest");

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id_path = g_strdup_printf ("latest.%u.id", i);
      g_autofree char *kind_path = g_strdup_printf ("latest.%u.kind", i);
      g_autofree char *article = g_strdup_printf ("/api/v1/articles/%" G_GINT64_FORMAT,
                                                  anju_test_json_int (overview, id_path));
      g_autoptr(JsonNode) reply = NULL;
      guint status = 0;
      const char *kind = anju_test_json_string (overview, kind_path);

      g_assert_true (g_str_equal (kind, "news") || g_str_equal (kind, "notice"));
      reply = anju_test_request (srv, other, "GET", article, NULL, &status);
      anju_assert_status (status, SOUP_STATUS_OK, reply);
    }
  assert_tiles_match_lists (srv, other);
}

int
main (int    argc,
      char **argv)
{
  anju_test_init (&argc, &argv);

  g_test_add ("/portal/overview/tiles", AnjuTestFixture, NULL,
              anju_test_fixture_set_up, test_tiles_per_caller, anju_test_fixture_tear_down);
  g_test_add ("/portal/overview/business", AnjuTestFixture, NULL,
              anju_test_fixture_set_up, test_business_and_movement, anju_test_fixture_tear_down);
  g_test_add ("/portal/overview/latest", AnjuTestFixture, NULL,
              anju_test_fixture_set_up, test_latest_is_visible_only, anju_test_fixture_tear_down);

  return g_test_run ();
}
