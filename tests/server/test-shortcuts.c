/* test-shortcuts.c: the workbench's shortcuts (常用功能, F-PORTAL-007):
 * each user's ordered list of desktop pages.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "anju-content-test.h"
#include "anju-desktop-pages.h"

#define SHORTCUTS "/api/v1/me/shortcuts"

static JsonNode *
get_ok (AnjuTestServer *srv,
        const char     *token)
{
  JsonNode *reply;
  guint status = 0;

  reply = anju_test_request (srv, token, "GET", SHORTCUTS, NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, reply);
  return reply;
}

/* A user who never chose any has none; a saved list comes back in its
 * order, is the user's own, and replaces the previous one. */
static void
test_get_put (AnjuTestFixture *fixture,
              gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *street = anju_test_login_demo (srv, "street_ypl");
  g_autofree char *other = anju_test_login_demo (srv, "street_wyh");
  gint64 street_id = anju_test_find_user (srv, fixture->admin, "street_ypl");
  g_autoptr(JsonNode) none = get_ok (srv, street);
  g_autoptr(JsonNode) saved = NULL;
  g_autoptr(JsonNode) read = NULL;
  g_autoptr(JsonNode) untouched = NULL;
  g_autoptr(JsonNode) replaced = NULL;
  g_autoptr(JsonNode) emptied = NULL;
  guint status = 0;

  g_assert_cmpuint (anju_test_json_length (none, "pages"), ==, 0);

  saved = anju_test_request (srv, street, "PUT", SHORTCUTS,
                             "{\"pages\":[\"todo\",\"guides\",\"users\",\"home\"]}", &status);
  anju_assert_status (status, SOUP_STATUS_OK, saved);
  g_assert_cmpuint (anju_test_json_length (saved, "pages"), ==, 4);
  g_assert_cmpstr (anju_test_json_string (saved, "pages.0"), ==, "todo");
  g_assert_cmpstr (anju_test_json_string (saved, "pages.3"), ==, "home");
  g_assert_cmpint (anju_test_audit_count (srv, "shortcuts.update", street_id), ==, 1);

  read = get_ok (srv, street);
  g_assert_cmpstr (anju_test_json_string (read, "pages.1"), ==, "guides");
  g_assert_cmpstr (anju_test_json_string (read, "pages.2"), ==, "users");

  untouched = get_ok (srv, other);
  g_assert_cmpuint (anju_test_json_length (untouched, "pages"), ==, 0);

  replaced = anju_test_request (srv, street, "PUT", SHORTCUTS,
                                "{\"pages\":[\"messages\",\"todo\"]}", &status);
  anju_assert_status (status, SOUP_STATUS_OK, replaced);
  g_clear_pointer (&read, json_node_unref);
  read = get_ok (srv, street);
  g_assert_cmpuint (anju_test_json_length (read, "pages"), ==, 2);
  g_assert_cmpstr (anju_test_json_string (read, "pages.0"), ==, "messages");

  emptied = anju_test_request (srv, street, "PUT", SHORTCUTS, "{\"pages\":[]}", &status);
  anju_assert_status (status, SOUP_STATUS_OK, emptied);
  g_assert_cmpuint (anju_test_json_length (emptied, "pages"), ==, 0);
}

/* Unknown or repeated page names, more than twelve, or no list at all
 * are a 422 on pages that names the problem, and change nothing. */
static void
test_validation (AnjuTestFixture *fixture,
                 gconstpointer    data)
{
  static const struct
  {
    const char *body;
    const char *mentions;     /* (nullable) in the field's message */
  } bad[] = {
    { "{\"pages\":[\"todo\",\"reports\"]}", "reports" },
    { "{\"pages\":[\"todo\",\"todo\"]}", "todo" },
    { "{\"pages\":[\"todo\",3]}", NULL },
    { "{\"pages\":\"todo\"}", NULL },
    { "{}", NULL },
  };
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *street = anju_test_login_demo (srv, "street_ypl");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GString) thirteen = g_string_new ("{\"pages\":[");
  g_autoptr(JsonNode) too_many = NULL;
  g_autoptr(JsonNode) twelve = NULL;
  guint status = 0;

  before = anju_test_db_dump (srv, "user_shortcuts");
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(JsonNode) reply = NULL;

      g_test_message ("%s", bad[i].body);
      reply = anju_test_request (srv, street, "PUT", SHORTCUTS, bad[i].body, &status);
      anju_assert_error (status, reply, 422, "validation_failed");
      g_assert_true (anju_test_json_has (reply, "error.fields.pages"));
      if (bad[i].mentions != NULL)
        g_assert_nonnull (strstr (anju_test_json_string (reply, "error.fields.pages"),
                                  bad[i].mentions));
    }

  /* Every page the desktop has is accepted, but only twelve at a time. */
  for (guint i = 0; i < 13; i++)
    g_string_append_printf (thirteen, "%s\"%s\"", i > 0 ? "," : "", anju_desktop_pages[i]);
  g_string_append (thirteen, "]}");
  too_many = anju_test_request (srv, street, "PUT", SHORTCUTS, thirteen->str, &status);
  anju_assert_error (status, too_many, 422, "validation_failed");
  g_assert_true (anju_test_json_has (too_many, "error.fields.pages"));
  after = anju_test_db_dump (srv, "user_shortcuts");
  g_assert_cmpstr (before, ==, after);

  {
    g_autoptr(GString) body = g_string_new ("{\"pages\":[");

    /* Twelve of them, however many pages the desktop has by now. */
    for (guint i = 3; i < 3 + 12; i++)
      {
        g_assert_nonnull (anju_desktop_pages[i]);
        g_string_append_printf (body, "%s\"%s\"", i > 3 ? "," : "", anju_desktop_pages[i]);
      }
    g_string_append (body, "]}");
    twelve = anju_test_request (srv, street, "PUT", SHORTCUTS, body->str, &status);
    anju_assert_status (status, SOUP_STATUS_OK, twelve);
    g_assert_cmpuint (anju_test_json_length (twelve, "pages"), ==, 12);
  }
}

/* The demo gives the admin and center accounts shortcuts to start from. */
static void
test_demo (AnjuTestFixture *fixture,
           gconstpointer    data)
{
  g_autofree char *center = anju_test_login_demo (fixture->srv, "center");
  g_autoptr(JsonNode) admin = get_ok (fixture->srv, fixture->admin);
  g_autoptr(JsonNode) staff = get_ok (fixture->srv, center);

  g_assert_true (anju_test_json_array_has_string (admin, "pages", "users"));
  g_assert_true (anju_test_json_array_has_string (staff, "pages", "feedback"));
  for (guint i = 0; i < anju_test_json_length (staff, "pages"); i++)
    {
      g_autofree char *path = g_strdup_printf ("pages.%u", i);

      g_assert_true (anju_desktop_page_is_known (anju_test_json_string (staff, path)));
    }
}

int
main (int    argc,
      char **argv)
{
  anju_test_init (&argc, &argv);

  g_test_add ("/shortcuts/get-put", AnjuTestFixture, NULL, anju_test_fixture_set_up,
              test_get_put, anju_test_fixture_tear_down);
  g_test_add ("/shortcuts/validation", AnjuTestFixture, NULL, anju_test_fixture_set_up,
              test_validation, anju_test_fixture_tear_down);
  g_test_add ("/shortcuts/demo", AnjuTestFixture, NULL, anju_test_fixture_set_up, test_demo,
              anju_test_fixture_tear_down);

  return g_test_run ();
}
