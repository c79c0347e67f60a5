/* test-kiosk-content.c: what the service terminals show, over HTTPS with
 * terminals registered through the registry API (docs/api.md "Service
 * terminals": the kiosk's articles, terminal content, honor roll;
 * F-TERM-004 publicity, F-TERM-007 policy, F-TERM-008 guides, F-TERM-014
 * honor roll).
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "anju-clock.h"
#include "anju-kiosk-test.h"

#define ARTICLES       "/api/v1/articles"
#define KIOSK_ARTICLES "/api/v1/kiosk/articles"
#define HONOR_ROLL     "/api/v1/honor-roll"
#define SECONDS_PER_DAY (24 * 60 * 60)

/* The Shanghai date days from the server's now. */
static char *
date_from_now (AnjuKioskFixture *fixture,
               int               days)
{
  gint64 now = anju_clock_now_secs (fixture->srv->clock) + (gint64) days * SECONDS_PER_DAY;
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (now);
  g_autoptr(GDateTime) shanghai = g_date_time_add_hours (utc, 8);

  return g_date_time_format (shanghai, "%Y-%m-%d");
}

/* Writes and publishes an article as admin; targets is a JSON array. */
static gint64
publish_article (AnjuKioskFixture *fixture,
                 const char       *kind,
                 const char       *title,
                 const char       *targets,
                 int               from_days,
                 int               until_days)
{
  g_autofree char *from = date_from_now (fixture, from_days);
  g_autofree char *until = date_from_now (fixture, until_days);
  g_autoptr(JsonNode) created = NULL;
  g_autoptr(JsonNode) published = NULL;
  guint status = 0;
  gint64 id;

  created = anju_test_requestf (fixture->srv, fixture->admin, "POST", ARTICLES, &status,
                                "{\"kind\":\"%s\",\"title\":\"%s\",\"body\":\"正文\","
                                "\"target_org_ids\":%s,\"display_from\":\"%s\","
                                "\"display_until\":\"%s\"}",
                                kind, title, targets, from, until);
  anju_assert_status (status, SOUP_STATUS_CREATED, created);
  g_assert_cmpstr (anju_test_json_string (created, "display_from"), ==, from);
  g_assert_cmpstr (anju_test_json_string (created, "display_until"), ==, until);
  g_assert_cmpint (anju_test_json_int (created, "view_count"), ==, 0);
  id = anju_test_json_int (created, "id");
  published = anju_test_item_request (fixture->srv, fixture->admin, "POST", ARTICLES, id,
                                      "publish", NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, published);
  return id;
}

static gboolean
kiosk_lists (AnjuKioskFixture *fixture,
             const char       *terminal,
             const char       *kind,
             gint64            id)
{
  return anju_test_list_has (fixture->srv, terminal, KIOSK_ARTICLES, kind, id);
}

/* F-TERM-004, F-TERM-007, F-TERM-008: a terminal shows the published
 * articles of its street (or everyone's) while today is inside their
 * display period; another street's terminal does not see them. */
static void
test_articles_period_and_street (AnjuKioskFixture *fixture,
                                 gconstpointer     data)
{
  g_autofree char *ypl_targets = NULL;
  g_autoptr(JsonNode) reply = NULL;
  gint64 ypl = anju_test_find_org (fixture->srv, fixture->admin, "银盆岭街道");
  gint64 publicity, policy, later, guide, draft;
  guint status = 0;

  ypl_targets = g_strdup_printf ("[%" G_GINT64_FORMAT "]", ypl);
  publicity = publish_article (fixture, "publicity", "银盆岭公示", ypl_targets, -1, 3);
  policy = publish_article (fixture, "policy", "全区政策", "[]", 0, 30);
  later = publish_article (fixture, "policy", "下月政策", "[]", 5, 40);
  guide = publish_article (fixture, "guide", "办事指南", "[]", -10, 10);
  {
    g_autoptr(JsonNode) created = NULL;

    created = anju_test_requestf (fixture->srv, fixture->admin, "POST", ARTICLES, &status,
                                  "{\"kind\":\"publicity\",\"title\":\"草稿\",\"body\":\"正文\"}");
    anju_assert_status (status, SOUP_STATUS_CREATED, created);
    draft = anju_test_json_int (created, "id");
  }

  /* 银盆岭's terminal sees its street's publicity and everyone's policy. */
  g_assert_true (kiosk_lists (fixture, fixture->ypl_terminal, "kind=publicity", publicity));
  g_assert_true (kiosk_lists (fixture, fixture->ypl_terminal, "kind=policy", policy));
  g_assert_true (kiosk_lists (fixture, fixture->ypl_terminal, "kind=guide", guide));
  g_assert_false (kiosk_lists (fixture, fixture->ypl_terminal, "kind=policy", later));
  g_assert_false (kiosk_lists (fixture, fixture->ypl_terminal, "kind=publicity", draft));
  g_assert_false (kiosk_lists (fixture, fixture->ypl_terminal, "kind=policy", publicity));

  /* 望月湖's does not see 银盆岭's, neither in the list nor by id. */
  g_assert_false (kiosk_lists (fixture, fixture->wyh_terminal, "kind=publicity", publicity));
  g_assert_true (kiosk_lists (fixture, fixture->wyh_terminal, "kind=policy", policy));
  reply = anju_test_item_request (fixture->srv, fixture->wyh_terminal, "GET", KIOSK_ARTICLES,
                                  publicity, NULL, NULL, &status);
  anju_assert_error (status, reply, SOUP_STATUS_NOT_FOUND, "not_found");
  g_clear_pointer (&reply, json_node_unref);

  /* Six days on, the publicity period is over and next month's policy
   * has begun. */
  anju_kiosk_test_advance_days (fixture, 6);
  g_assert_false (kiosk_lists (fixture, fixture->ypl_terminal, "kind=publicity", publicity));
  g_assert_true (kiosk_lists (fixture, fixture->ypl_terminal, "kind=policy", later));

  /* Withdrawn (撤除) is gone from the terminals at once. */
  reply = anju_test_item_request (fixture->srv, fixture->admin, "POST", ARTICLES, policy,
                                  "unpublish", NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, reply);
  g_assert_false (kiosk_lists (fixture, fixture->ypl_terminal, "kind=policy", policy));

  /* A kind the terminals do not show is a 422. */
  g_clear_pointer (&reply, json_node_unref);
  reply = anju_test_request (fixture->srv, fixture->ypl_terminal, "GET",
                             KIOSK_ARTICLES "?kind=news", NULL, &status);
  anju_assert_error (status, reply, SOUP_STATUS_UNPROCESSABLE_ENTITY, "validation_failed");
}

/* The display period is checked: dates, and no end before the start. */
static void
test_articles_display_period_checked (AnjuKioskFixture *fixture,
                                      gconstpointer     data)
{
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  reply = anju_test_requestf (fixture->srv, fixture->admin, "POST", ARTICLES, &status,
                              "{\"kind\":\"policy\",\"title\":\"政策\",\"body\":\"正文\","
                              "\"display_from\":\"2026-12-10\",\"display_until\":\"2026-12-01\"}");
  anju_assert_error (status, reply, SOUP_STATUS_UNPROCESSABLE_ENTITY, "validation_failed");
  g_assert_true (anju_test_json_has (reply, "error.fields.display_until"));
  g_clear_pointer (&reply, json_node_unref);

  reply = anju_test_requestf (fixture->srv, fixture->admin, "POST", ARTICLES, &status,
                              "{\"kind\":\"policy\",\"title\":\"政策\",\"body\":\"正文\","
                              "\"display_from\":\"2026-02-30\"}");
  anju_assert_error (status, reply, SOUP_STATUS_UNPROCESSABLE_ENTITY, "validation_failed");
  g_assert_true (anju_test_json_has (reply, "error.fields.display_from"));
}

/* F-TERM-007: reading an article on a terminal counts a view, which the
 * staff see; the list leaves the body out. */
static void
test_articles_view_count (AnjuKioskFixture *fixture,
                          gconstpointer     data)
{
  g_autoptr(JsonNode) staff = NULL;
  g_autoptr(JsonNode) page = NULL;
  gint64 id = publish_article (fixture, "policy", "租赁补贴政策", "[]", 0, 10);
  guint status = 0;

  for (int i = 0; i < 2; i++)
    {
      g_autoptr(JsonNode) read = anju_test_item_request (fixture->srv, fixture->ypl_terminal,
                                                         "GET", KIOSK_ARTICLES, id, NULL, NULL,
                                                         &status);

      anju_assert_status (status, SOUP_STATUS_OK, read);
      g_assert_cmpstr (anju_test_json_string (read, "body"), ==, "正文");
      g_assert_cmpint (anju_test_json_int (read, "view_count"), ==, i + 1);
    }
  staff = anju_test_item_request (fixture->srv, fixture->admin, "GET", ARTICLES, id, NULL, NULL,
                                  &status);
  anju_assert_status (status, SOUP_STATUS_OK, staff);
  g_assert_cmpint (anju_test_json_int (staff, "view_count"), ==, 2);

  page = anju_test_list_page (fixture->srv, fixture->ypl_terminal, KIOSK_ARTICLES, "kind=policy");
  g_assert_false (anju_test_json_has (page, "items.0.body"));
}

/* The kiosk endpoints need a terminal (terminal.kiosk.operate). */
static void
test_articles_need_terminal (AnjuKioskFixture *fixture,
                             gconstpointer     data)
{
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  reply = anju_test_request (fixture->srv, fixture->street, "GET", KIOSK_ARTICLES, NULL,
                             &status);
  anju_assert_error (status, reply, SOUP_STATUS_FORBIDDEN, "forbidden");
  g_clear_pointer (&reply, json_node_unref);
  reply = anju_test_request (fixture->srv, "Terminal T-TEST-YPL:wrong", "GET", KIOSK_ARTICLES,
                             NULL, &status);
  anju_assert_error (status, reply, SOUP_STATUS_UNAUTHORIZED, "unauthorized");
}

/* ---- honor roll ------------------------------------------------------------ */

static JsonNode *
kiosk_roll (AnjuKioskFixture *fixture)
{
  g_autoptr(JsonNode) roll = NULL;
  guint status = 0;

  roll = anju_test_request (fixture->srv, fixture->ypl_terminal, "GET", "/api/v1/kiosk/honor-roll",
                            NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, roll);
  return g_steal_pointer (&roll);
}

/* F-TERM-014: center staff keep the honor roll; a terminal shows the
 * first five of each category, by rank, with photos. */
static void
test_honor_roll (AnjuKioskFixture *fixture,
                 gconstpointer     data)
{
  g_autoptr(JsonNode) roll = NULL;
  g_autoptr(JsonNode) created = NULL;
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(AnjuTestDownload) photo = NULL;
  g_autofree char *photo_path = NULL;
  gint64 photo_id = anju_test_upload_ok (fixture->srv, fixture->center, "陈晓红.png",
                                         ANJU_SAMPLE_PNG, "honor");
  guint status = 0;
  gint64 id;

  /* The demo's five per category. */
  roll = kiosk_roll (fixture);
  g_assert_cmpuint (anju_test_json_length (roll, "enterprise"), ==, 5);
  g_assert_cmpuint (anju_test_json_length (roll, "supplier"), ==, 5);
  g_assert_cmpuint (anju_test_json_length (roll, "staff"), ==, 5);
  g_assert_cmpint (anju_test_json_int (roll, "enterprise.0.rank"), ==, 1);
  g_assert_cmpint (anju_test_json_int (roll, "enterprise.4.rank"), ==, 5);

  /* A new first of the staff pushes the fifth off the terminal. */
  created = anju_test_requestf (fixture->srv, fixture->center, "POST", HONOR_ROLL, &status,
                                "{\"category\":\"staff\",\"name\":\"赵红梅\",\"rank\":1,"
                                "\"subtitle\":\"管家\",\"community\":\"银盆岭公租房小区\","
                                "\"rating\":\"5.0分\",\"photo_file_id\":%" G_GINT64_FORMAT "}",
                                photo_id);
  anju_assert_status (status, SOUP_STATUS_CREATED, created);
  id = anju_test_json_int (created, "id");
  g_assert_cmpint (anju_test_audit_count (fixture->srv, "terminal.honor.create", id), ==, 1);
  g_clear_pointer (&roll, json_node_unref);
  roll = kiosk_roll (fixture);
  g_assert_cmpuint (anju_test_json_length (roll, "staff"), ==, 5);
  g_assert_cmpint (anju_test_json_int (roll, "staff.0.id"), ==, id);
  g_assert_cmpstr (anju_test_json_string (roll, "staff.0.community"), ==, "银盆岭公租房小区");
  g_assert_cmpint (anju_test_json_int (roll, "staff.0.photo_file_id"), ==, photo_id);

  photo_path = g_strdup_printf ("/api/v1/kiosk/honor-roll/%" G_GINT64_FORMAT "/photo", id);
  photo = anju_test_download (fixture->srv, fixture->ypl_terminal, photo_path);
  g_assert_cmpuint (photo->status, ==, SOUP_STATUS_OK);
  g_assert_cmpstr (photo->content_type, ==, "image/png");

  /* Staff list by category; edits and removal. */
  {
    g_autoptr(JsonNode) list = anju_test_request (fixture->srv, fixture->center, "GET",
                                                  HONOR_ROLL "?category=staff", NULL, &status);

    anju_assert_status (status, SOUP_STATUS_OK, list);
    g_assert_cmpuint (anju_test_json_length (list, "items"), ==, 6);
  }
  reply = anju_test_item_request (fixture->srv, fixture->center, "PATCH", HONOR_ROLL, id, NULL,
                                  "{\"rank\":7,\"photo_file_id\":null}", &status);
  anju_assert_status (status, SOUP_STATUS_OK, reply);
  g_assert_true (anju_test_json_is_null (reply, "photo_file_id"));
  g_clear_pointer (&reply, json_node_unref);
  g_clear_pointer (&roll, json_node_unref);
  roll = kiosk_roll (fixture);
  g_assert_cmpint (anju_test_json_int (roll, "staff.0.rank"), ==, 1);
  g_assert_cmpint (anju_test_json_int (roll, "staff.4.rank"), ==, 5);

  reply = anju_test_item_request (fixture->srv, fixture->center, "DELETE", HONOR_ROLL, id, NULL,
                                  NULL, &status);
  g_assert_cmpuint (status, ==, SOUP_STATUS_NO_CONTENT);
  g_assert_cmpint (anju_test_audit_count (fixture->srv, "terminal.honor.delete", id), ==, 1);
}

static void
test_honor_roll_checked (AnjuKioskFixture *fixture,
                         gconstpointer     data)
{
  g_autoptr(JsonNode) reply = NULL;
  gint64 pdf = anju_test_upload_ok (fixture->srv, fixture->center, "a.pdf", ANJU_SAMPLE_PDF,
                                    "honor");
  guint status = 0;

  reply = anju_test_requestf (fixture->srv, fixture->center, "POST", HONOR_ROLL, &status,
                              "{\"category\":\"staff\",\"name\":\"赵红梅\",\"rank\":0,"
                              "\"photo_file_id\":%" G_GINT64_FORMAT "}", pdf);
  anju_assert_error (status, reply, SOUP_STATUS_UNPROCESSABLE_ENTITY, "validation_failed");
  g_assert_true (anju_test_json_has (reply, "error.fields.rank"));
  g_assert_true (anju_test_json_has (reply, "error.fields.photo_file_id"));
  g_clear_pointer (&reply, json_node_unref);

  reply = anju_test_request (fixture->srv, fixture->center, "POST", HONOR_ROLL,
                             "{\"category\":\"hero\",\"name\":\"赵红梅\",\"rank\":1}", &status);
  anju_assert_error (status, reply, SOUP_STATUS_UNPROCESSABLE_ENTITY, "validation_failed");
  g_clear_pointer (&reply, json_node_unref);

  /* Street staff do not keep it. */
  reply = anju_test_request (fixture->srv, fixture->street, "GET", HONOR_ROLL, NULL, &status);
  anju_assert_error (status, reply, SOUP_STATUS_FORBIDDEN, "forbidden");
}

static void
add_test (const char *path,
          void      (*func) (AnjuKioskFixture *, gconstpointer))
{
  g_test_add (path, AnjuKioskFixture, NULL, anju_kiosk_fixture_set_up, func,
              anju_kiosk_fixture_tear_down);
}

int
main (int    argc,
      char **argv)
{
  anju_test_init (&argc, &argv);

  add_test ("/kiosk/articles/period-and-street/F-TERM-004/F-TERM-007/F-TERM-008",
            test_articles_period_and_street);
  add_test ("/kiosk/articles/display-period-checked/F-TERM-004",
            test_articles_display_period_checked);
  add_test ("/kiosk/articles/view-count/F-TERM-007", test_articles_view_count);
  add_test ("/kiosk/articles/need-terminal/F-TERM-004", test_articles_need_terminal);
  add_test ("/kiosk/honor-roll/top-five/F-TERM-014", test_honor_roll);
  add_test ("/kiosk/honor-roll/checked/F-TERM-014", test_honor_roll_checked);

  return g_test_run ();
}
