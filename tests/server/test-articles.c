/* test-articles.c: news (F-PORTAL-003, F-PORTAL-026), notices
 * (F-PORTAL-004, F-PORTAL-027) and business guides (F-PORTAL-009,
 * F-PORTAL-028) through the API: writing, the publish state machine, who
 * reads what, search, guides and attachments.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "anju-content-test.h"

#define ARTICLES_LIST "/api/v1/articles"

#define READY_PASSWORD "Ready#2026go"

/* Field errors are keyed by member names, which may hold dots
 * ("guide.steps"), so they are looked up as keys, not as paths. */
static gboolean
has_field_error (JsonNode   *reply,
                 const char *field)
{
  JsonNode *fields = anju_test_json_lookup (reply, "error.fields");

  return fields != NULL && JSON_NODE_HOLDS_OBJECT (fields)
         && json_object_has_member (json_node_get_object (fields), field);
}

/* POST /articles with body; fails the test unless 201. */
static gint64
create_ok (AnjuTestServer *srv,
           const char     *token,
           const char     *body)
{
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  reply = anju_test_request (srv, token, "POST", "/api/v1/articles", body, &status);
  anju_assert_status (status, SOUP_STATUS_CREATED, reply);
  return anju_test_json_int (reply, "id");
}

static void
act_ok (AnjuTestServer *srv,
        const char     *token,
        gint64          id,
        const char     *action)
{
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  reply = anju_test_item_request (srv, token, "POST", ARTICLES_LIST, id, action, NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, reply);
}

static guint
get_status (AnjuTestServer *srv,
            const char     *token,
            gint64          id)
{
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  reply = anju_test_item_request (srv, token, "GET", ARTICLES_LIST, id, NULL, NULL, &status);
  return status;
}

/* GET /articles?query; the page, checked for its shape. */

/* Writing, reading back, editing and deleting, each audited. */
static void
test_crud (AnjuTestFixture *fixture,
           gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *center = anju_test_login_demo (srv, "center");
  g_autoptr(JsonNode) created = NULL;
  g_autoptr(JsonNode) read = NULL;
  g_autoptr(JsonNode) updated = NULL;
  g_autoptr(JsonNode) cleared = NULL;
  g_autoptr(JsonNode) deleted = NULL;
  guint status = 0;
  gint64 id;

  created = anju_test_request (srv, center, "POST", "/api/v1/articles",
                               "{\"kind\":\"news\",\"title\":\"  公租房配租工作启动  \","
                               "\"summary\":\"摘要\",\"body\":\"正文内容\",\"category\":\"工作动态\"}",
                               &status);
  anju_assert_status (status, SOUP_STATUS_CREATED, created);
  id = anju_test_json_int (created, "id");
  g_assert_cmpstr (anju_test_json_string (created, "kind"), ==, "news");
  g_assert_cmpstr (anju_test_json_string (created, "title"), ==, "公租房配租工作启动");
  g_assert_cmpstr (anju_test_json_string (created, "summary"), ==, "摘要");
  g_assert_cmpstr (anju_test_json_string (created, "body"), ==, "正文内容");
  g_assert_cmpstr (anju_test_json_string (created, "category"), ==, "工作动态");
  g_assert_cmpstr (anju_test_json_string (created, "status"), ==, "draft");
  g_assert_true (anju_test_json_is_null (created, "published_at"));
  g_assert_cmpstr (anju_test_json_string (created, "author.name"), ==, "周敏");
  g_assert_cmpuint (anju_test_json_length (created, "targets"), ==, 0);
  g_assert_cmpuint (anju_test_json_length (created, "attachments"), ==, 0);
  g_assert_true (anju_test_json_is_null (created, "guide"));
  g_assert_true (anju_test_json_has (created, "created_at"));
  g_assert_true (anju_test_json_has (created, "updated_at"));
  g_assert_cmpint (anju_test_audit_count (srv, "article.create", id), ==, 1);

  read = anju_test_item_request (srv, center, "GET", ARTICLES_LIST, id, NULL, NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, read);
  g_assert_cmpstr (anju_test_json_string (read, "body"), ==, "正文内容");

  updated = anju_test_item_request (srv, center, "PATCH", ARTICLES_LIST, id, NULL,
                                    "{\"title\":\"公租房配租工作全面启动\",\"body\":\"新的正文\"}", &status);
  anju_assert_status (status, SOUP_STATUS_OK, updated);
  g_assert_cmpstr (anju_test_json_string (updated, "title"), ==, "公租房配租工作全面启动");
  g_assert_cmpstr (anju_test_json_string (updated, "body"), ==, "新的正文");
  g_assert_cmpstr (anju_test_json_string (updated, "summary"), ==, "摘要");
  g_assert_cmpint (anju_test_audit_count (srv, "article.update", id), ==, 1);

  cleared = anju_test_item_request (srv, center, "PATCH", ARTICLES_LIST, id, NULL,
                                    "{\"summary\":null,\"category\":\"\"}", &status);
  anju_assert_status (status, SOUP_STATUS_OK, cleared);
  g_assert_true (anju_test_json_is_null (cleared, "summary"));
  g_assert_true (anju_test_json_is_null (cleared, "category"));

  deleted = anju_test_item_request (srv, center, "DELETE", ARTICLES_LIST, id, NULL, NULL, &status);
  g_assert_cmpuint (status, ==, SOUP_STATUS_NO_CONTENT);
  g_assert_cmpuint (get_status (srv, center, id), ==, 404);
  g_assert_cmpint (anju_test_audit_count (srv, "article.delete", id), ==, 1);
}

/* What a write must have, and who may write at all. */
static void
test_validation_and_permission (AnjuTestFixture *fixture,
                                gconstpointer    data)
{
  static const struct
  {
    const char *body;
    const char *field;
  } bad[] = {
    { "{\"kind\":\"news\",\"body\":\"正文\"}", "title" },
    { "{\"kind\":\"news\",\"title\":\"   \",\"body\":\"正文\"}", "title" },
    { "{\"kind\":\"news\",\"title\":\"标题\",\"body\":\"  \"}", "body" },
    { "{\"kind\":\"blog\",\"title\":\"标题\",\"body\":\"正文\"}", "kind" },
    { "{\"kind\":\"news\",\"title\":\"标题\",\"body\":\"正文\",\"colour\":\"red\"}", "colour" },
    { "{\"kind\":\"news\",\"title\":\"标题\",\"body\":\"正文\",\"target_org_ids\":[999999]}",
      "target_org_ids" },
    { "{\"kind\":\"news\",\"title\":\"标题\",\"body\":\"正文\",\"attachment_ids\":[999999]}",
      "attachment_ids" },
    { "{\"kind\":\"news\",\"title\":\"标题\",\"body\":\"正文\",\"guide\":{\"steps\":[]}}",
      "guide" },
  };
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *center = anju_test_login_demo (srv, "center");
  g_autofree char *street = anju_test_login_demo (srv, "street_ypl");
  g_autofree char *before = anju_test_db_dump (srv, "articles");
  g_autofree char *after = NULL;
  g_autoptr(JsonNode) refused = NULL;
  guint status = 0;
  gint64 id;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(JsonNode) reply = NULL;
      g_test_message ("%s", bad[i].body);
      reply = anju_test_request (srv, center, "POST", "/api/v1/articles", bad[i].body, &status);
      anju_assert_error (status, reply, 422, "validation_failed");
      g_assert_true (has_field_error (reply, bad[i].field));
    }

  /* Street staff hold no portal.content.write: no write gets through. */
  refused = anju_test_request (srv, street, "POST", "/api/v1/articles",
                               "{\"kind\":\"news\",\"title\":\"标题\",\"body\":\"正文\"}", &status);
  anju_assert_error (status, refused, 403, "forbidden");
  after = anju_test_db_dump (srv, "articles");
  g_assert_cmpstr (before, ==, after);

  id = create_ok (srv, center, "{\"kind\":\"news\",\"title\":\"中心新闻\",\"body\":\"正文\"}");
  act_ok (srv, center, id, "publish");
  {
    const char *methods[] = { "PATCH", "POST", "POST", "DELETE" };
    const char *actions[] = { NULL, "publish", "unpublish", NULL };

    for (guint i = 0; i < G_N_ELEMENTS (methods); i++)
      {
        g_autoptr(JsonNode) reply = NULL;

        reply = anju_test_item_request (srv, street, methods[i], ARTICLES_LIST, id, actions[i],
                                        g_str_equal (methods[i], "PATCH") ? "{\"title\":\"改\"}" : NULL,
                                        &status);
        anju_assert_error (status, reply, 403, "forbidden");
      }
  }
}

/* draft → published ⇄ unpublished; anything else is a 409. */
static void
test_state_machine (AnjuTestFixture *fixture,
                    gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *center = anju_test_login_demo (srv, "center");
  g_autoptr(JsonNode) early = NULL;
  g_autoptr(JsonNode) published = NULL;
  g_autoptr(JsonNode) twice = NULL;
  g_autoptr(JsonNode) unpublished = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(JsonNode) edited = NULL;
  g_autoptr(JsonNode) republished = NULL;
  guint status = 0;
  gint64 id;

  id = create_ok (srv, center, "{\"kind\":\"notice\",\"title\":\"通知\",\"body\":\"正文\"}");

  early = anju_test_item_request (srv, center, "POST", ARTICLES_LIST, id, "unpublish", NULL, &status);
  anju_assert_error (status, early, 409, "conflict");

  published = anju_test_item_request (srv, center, "POST", ARTICLES_LIST, id, "publish", NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, published);
  g_assert_cmpstr (anju_test_json_string (published, "status"), ==, "published");
  g_assert_false (anju_test_json_is_null (published, "published_at"));
  g_assert_cmpint (anju_test_audit_count (srv, "article.publish", id), ==, 1);

  twice = anju_test_item_request (srv, center, "POST", ARTICLES_LIST, id, "publish", NULL, &status);
  anju_assert_error (status, twice, 409, "conflict");

  /* Editing is allowed in every state. */
  edited = anju_test_item_request (srv, center, "PATCH", ARTICLES_LIST, id, NULL, "{\"title\":\"更正通知\"}", &status);
  anju_assert_status (status, SOUP_STATUS_OK, edited);
  g_assert_cmpstr (anju_test_json_string (edited, "status"), ==, "published");

  unpublished = anju_test_item_request (srv, center, "POST", ARTICLES_LIST, id, "unpublish", NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, unpublished);
  g_assert_cmpstr (anju_test_json_string (unpublished, "status"), ==, "unpublished");
  g_assert_cmpint (anju_test_audit_count (srv, "article.unpublish", id), ==, 1);

  again = anju_test_item_request (srv, center, "POST", ARTICLES_LIST, id, "unpublish", NULL, &status);
  anju_assert_error (status, again, 409, "conflict");

  anju_clock_advance (srv->clock, (gint64) 60 * G_USEC_PER_SEC);
  republished = anju_test_item_request (srv, center, "POST", ARTICLES_LIST, id, "publish", NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, republished);
  g_assert_cmpstr (anju_test_json_string (republished, "status"), ==, "published");
  g_assert_cmpstr (anju_test_json_string (republished, "published_at"), !=,
                   anju_test_json_string (published, "published_at"));
}

/* Readers see published articles only: targeted ones when the target is
 * their organisation or above it (F-PORTAL-004: delivered to the
 * departments concerned). */
static void
test_reader_visibility (AnjuTestFixture *fixture,
                        gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *center = anju_test_login_demo (srv, "center");
  g_autofree char *ypl = anju_test_login_demo (srv, "street_ypl");
  g_autofree char *wyh = anju_test_login_demo (srv, "street_wyh");
  g_autofree char *community = anju_test_login_demo (srv, "community_ypl");
  gint64 ypl_id = anju_test_find_org (srv, fixture->admin, "银盆岭街道");
  g_autofree char *targeted_body = NULL;
  g_autoptr(JsonNode) drafts = NULL;
  gint64 open, targeted;

  open = create_ok (srv, center, "{\"kind\":\"notice\",\"title\":\"全体通知\",\"body\":\"正文\"}");
  g_assert_cmpuint (get_status (srv, ypl, open), ==, 404);
  g_assert_false (anju_test_list_has (srv, ypl, ARTICLES_LIST, "kind=notice", open));
  g_assert_true (anju_test_list_has (srv, center, ARTICLES_LIST, "kind=notice", open));

  act_ok (srv, center, open, "publish");
  g_assert_cmpuint (get_status (srv, ypl, open), ==, 200);
  g_assert_cmpuint (get_status (srv, wyh, open), ==, 200);
  g_assert_true (anju_test_list_has (srv, ypl, ARTICLES_LIST, "kind=notice", open));

  act_ok (srv, center, open, "unpublish");
  g_assert_cmpuint (get_status (srv, ypl, open), ==, 404);
  g_assert_false (anju_test_list_has (srv, ypl, ARTICLES_LIST, "", open));

  targeted_body = g_strdup_printf ("{\"kind\":\"notice\",\"title\":\"银盆岭街道复核通知\","
                                   "\"body\":\"正文\",\"target_org_ids\":[%" G_GINT64_FORMAT "]}",
                                   ypl_id);
  targeted = create_ok (srv, center, targeted_body);
  act_ok (srv, center, targeted, "publish");
  g_assert_cmpuint (get_status (srv, ypl, targeted), ==, 200);
  g_assert_cmpuint (get_status (srv, community, targeted), ==, 200);
  g_assert_cmpuint (get_status (srv, wyh, targeted), ==, 404);
  g_assert_true (anju_test_list_has (srv, community, ARTICLES_LIST, "kind=notice", targeted));
  g_assert_false (anju_test_list_has (srv, wyh, ARTICLES_LIST, "kind=notice", targeted));

  /* ?status= cannot show a reader anything but published articles. */
  drafts = anju_test_list_page (srv, ypl, ARTICLES_LIST, "status=draft");
  g_assert_cmpint (anju_test_json_int (drafts, "total"), ==, 0);
}

/* A street writer (a custom role with portal.content.write) works in
 * their street's scope; the center sees their drafts, the other street
 * does not, and may not touch what is not theirs. */
static void
test_writer_scope (AnjuTestFixture *fixture,
                   gconstpointer    data)
{
  static const char * const permissions[] = { "portal.content.write", NULL };
  AnjuTestServer *srv = fixture->srv;
  const char *admin = fixture->admin;
  gint64 ypl = anju_test_find_org (srv, admin, "银盆岭街道");
  gint64 wyh = anju_test_find_org (srv, admin, "望月湖街道");
  gint64 role = anju_test_create_role (srv, admin, "街道宣传员", permissions);
  g_autofree char *ypl_writer = anju_test_make_ready_user (srv, admin, "ypl_writer", ypl, role,
                                                           READY_PASSWORD);
  g_autofree char *wyh_writer = anju_test_make_ready_user (srv, admin, "wyh_writer", wyh, role,
                                                           READY_PASSWORD);
  g_autofree char *center = anju_test_login_demo (srv, "center");
  g_autofree char *wide = g_strdup_printf ("{\"kind\":\"notice\",\"title\":\"越界\",\"body\":\"正文\","
                                           "\"target_org_ids\":[%" G_GINT64_FORMAT "]}", wyh);
  g_autoptr(JsonNode) outside = NULL;
  g_autoptr(JsonNode) hidden = NULL;
  g_autoptr(JsonNode) foreign = NULL;
  guint status = 0;
  gint64 draft, published, center_news;

  draft = create_ok (srv, ypl_writer, "{\"kind\":\"news\",\"title\":\"街道草稿\",\"body\":\"正文\"}");
  g_assert_true (anju_test_list_has (srv, ypl_writer, ARTICLES_LIST, "status=draft", draft));
  g_assert_true (anju_test_list_has (srv, center, ARTICLES_LIST, "status=draft", draft));
  g_assert_false (anju_test_list_has (srv, wyh_writer, ARTICLES_LIST, "status=draft", draft));
  g_assert_cmpuint (get_status (srv, wyh_writer, draft), ==, 404);

  hidden = anju_test_item_request (srv, wyh_writer, "PATCH", ARTICLES_LIST, draft, NULL, "{\"title\":\"改\"}", &status);
  anju_assert_error (status, hidden, 404, "not_found");

  /* Published, the other street reads it, but still may not change it. */
  published = draft;
  act_ok (srv, ypl_writer, published, "publish");
  foreign = anju_test_item_request (srv, wyh_writer, "POST", ARTICLES_LIST, published, "unpublish", NULL, &status);
  anju_assert_error (status, foreign, 403, "forbidden");

  /* Nor can a street writer touch the center's news or target beyond
   * their street. */
  center_news = create_ok (srv, center, "{\"kind\":\"news\",\"title\":\"中心\",\"body\":\"正文\"}");
  act_ok (srv, center, center_news, "publish");
  g_clear_pointer (&foreign, json_node_unref);
  foreign = anju_test_item_request (srv, ypl_writer, "DELETE", ARTICLES_LIST, center_news, NULL, NULL, &status);
  anju_assert_error (status, foreign, 403, "forbidden");

  outside = anju_test_request (srv, ypl_writer, "POST", "/api/v1/articles", wide, &status);
  anju_assert_error (status, outside, 403, "forbidden");
}

/* ?q= finds words in the title or the body; ?kind= narrows; the newest
 * publication comes first. */
static void
test_search (AnjuTestFixture *fixture,
             gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *center = anju_test_login_demo (srv, "center");
  g_autofree char *reader = anju_test_login_demo (srv, "street_wyh");
  g_autoptr(JsonNode) by_title = NULL;
  g_autoptr(JsonNode) by_body = NULL;
  g_autoptr(JsonNode) percent = NULL;
  g_autoptr(JsonNode) news_only = NULL;
  g_autoptr(JsonNode) bad_kind = NULL;
  g_autofree char *older_text = NULL;
  g_autofree char *newer_text = NULL;
  guint status = 0;
  gint64 older, newer;

  older = create_ok (srv, center, "{\"kind\":\"news\",\"title\":\"望岳项目交房\","
                                  "\"body\":\"首批房源100%交付\"}");
  newer = create_ok (srv, center, "{\"kind\":\"notice\",\"title\":\"交房安排\","
                                  "\"body\":\"望岳项目分批交付\"}");
  act_ok (srv, center, older, "publish");
  anju_clock_advance (srv->clock, (gint64) 60 * G_USEC_PER_SEC);
  act_ok (srv, center, newer, "publish");
  older_text = g_strdup_printf ("%" G_GINT64_FORMAT, older);
  newer_text = g_strdup_printf ("%" G_GINT64_FORMAT, newer);

  by_title = anju_test_list_page (srv, reader, ARTICLES_LIST, "q=%E6%9C%9B%E5%B2%B3");   /* 望岳 */
  g_assert_cmpint (anju_test_json_int (by_title, "total"), ==, 2);
  g_assert_cmpstr (anju_test_json_string (by_title, "items.0.title"), ==, "交房安排");
  g_assert_cmpstr (anju_test_json_string (by_title, "items.1.title"), ==, "望岳项目交房");
  /* Lists leave the body out. */
  g_assert_false (anju_test_json_has (by_title, "items.0.body"));

  by_body = anju_test_list_page (srv, reader, ARTICLES_LIST, "q=%E5%88%86%E6%89%B9");    /* 分批 */
  g_assert_cmpint (anju_test_json_int (by_body, "total"), ==, 1);
  g_assert_cmpint (anju_test_json_find (by_body, "items", "id", newer_text), ==, 0);

  /* A % is a character to find, not a wildcard. */
  percent = anju_test_list_page (srv, reader, ARTICLES_LIST, "q=100%25");
  g_assert_cmpint (anju_test_json_int (percent, "total"), ==, 1);
  g_assert_cmpint (anju_test_json_find (percent, "items", "id", older_text), ==, 0);

  news_only = anju_test_list_page (srv, reader, ARTICLES_LIST, "kind=news&q=%E6%9C%9B%E5%B2%B3");
  g_assert_cmpint (anju_test_json_int (news_only, "total"), ==, 1);

  bad_kind = anju_test_request (srv, reader, "GET", "/api/v1/articles?kind=blog", NULL, &status);
  anju_assert_error (status, bad_kind, 422, "validation_failed");
  g_assert_true (has_field_error (bad_kind, "kind"));
}

/* A guide's materials, time limit and steps (F-PORTAL-009). */
static void
test_guide (AnjuTestFixture *fixture,
            gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *center = anju_test_login_demo (srv, "center");
  g_autoptr(JsonNode) guide = NULL;
  g_autoptr(JsonNode) bad_days = NULL;
  g_autoptr(JsonNode) unknown = NULL;
  g_autoptr(JsonNode) blank = NULL;
  g_autoptr(JsonNode) as_news = NULL;
  g_autoptr(JsonNode) bare = NULL;
  guint status = 0;
  gint64 id, bare_id;

  guide = anju_test_request (srv, center, "POST", "/api/v1/articles",
                             "{\"kind\":\"guide\",\"title\":\"公共租赁住房申请\",\"body\":\"申请条件\","
                             "\"guide\":{\"materials\":[\"身份证\",\"户口簿\",\"婚姻状况证明\","
                             "\"收入证明\"],\"time_limit_days\":30,"
                             "\"steps\":[\"社区受理\",\"街道审核\",\"中心复核\"]}}",
                             &status);
  anju_assert_status (status, SOUP_STATUS_CREATED, guide);
  id = anju_test_json_int (guide, "id");
  g_assert_cmpuint (anju_test_json_length (guide, "guide.materials"), ==, 4);
  g_assert_cmpstr (anju_test_json_string (guide, "guide.materials.0"), ==, "身份证");
  g_assert_cmpint (anju_test_json_int (guide, "guide.time_limit_days"), ==, 30);
  g_assert_cmpstr (anju_test_json_string (guide, "guide.steps.2"), ==, "中心复核");

  bad_days = anju_test_item_request (srv, center, "PATCH", ARTICLES_LIST, id, NULL,
                                     "{\"guide\":{\"time_limit_days\":0}}", &status);
  anju_assert_error (status, bad_days, 422, "validation_failed");
  g_assert_true (has_field_error (bad_days, "guide.time_limit_days"));

  unknown = anju_test_item_request (srv, center, "PATCH", ARTICLES_LIST, id, NULL, "{\"guide\":{\"fee\":0}}", &status);
  anju_assert_error (status, unknown, 422, "validation_failed");
  g_assert_true (has_field_error (unknown, "guide.fee"));

  blank = anju_test_item_request (srv, center, "PATCH", ARTICLES_LIST, id, NULL, "{\"guide\":{\"steps\":[\" \"]}}",
                                  &status);
  anju_assert_error (status, blank, 422, "validation_failed");
  g_assert_true (has_field_error (blank, "guide.steps"));

  /* A guide without details has empty ones; turning it into news drops
   * them. */
  bare_id = create_ok (srv, center, "{\"kind\":\"guide\",\"title\":\"租赁补贴\",\"body\":\"正文\"}");
  bare = anju_test_item_request (srv, center, "GET", ARTICLES_LIST, bare_id, NULL, NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, bare);
  g_assert_cmpuint (anju_test_json_length (bare, "guide.materials"), ==, 0);
  g_assert_true (anju_test_json_is_null (bare, "guide.time_limit_days"));

  as_news = anju_test_item_request (srv, center, "PATCH", ARTICLES_LIST, id, NULL, "{\"kind\":\"news\"}", &status);
  anju_assert_status (status, SOUP_STATUS_OK, as_news);
  g_assert_true (anju_test_json_is_null (as_news, "guide"));
}

/* Attachments are the writer's own uploads; readers get at them through
 * a published article only (docs/api.md "Files"). */
static void
test_attachments (AnjuTestFixture *fixture,
                  gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *center = anju_test_login_demo (srv, "center");
  g_autofree char *reader = anju_test_login_demo (srv, "street_ypl");
  gint64 pdf = anju_test_upload_ok (srv, center, "配租方案.pdf", ANJU_SAMPLE_PDF, "attach");
  gint64 xlsx = anju_test_upload_ok (srv, center, "名单.xlsx", ANJU_SAMPLE_XLSX, "attach");
  gint64 foreign = anju_test_upload_ok (srv, reader, "别人的.png", ANJU_SAMPLE_PNG, "attach");
  g_autofree char *body = g_strdup_printf ("{\"kind\":\"notice\",\"title\":\"附件通知\",\"body\":\"正文\","
                                           "\"attachment_ids\":[%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT
                                           "]}", xlsx, pdf);
  g_autofree char *stolen = g_strdup_printf ("{\"attachment_ids\":[%" G_GINT64_FORMAT "]}",
                                             foreign);
  g_autofree char *content_path = g_strdup_printf ("/api/v1/files/%" G_GINT64_FORMAT "/content", pdf);
  g_autoptr(JsonNode) article = NULL;
  g_autoptr(JsonNode) refused = NULL;
  g_autoptr(JsonNode) kept = NULL;
  g_autoptr(AnjuTestDownload) before = NULL;
  g_autoptr(AnjuTestDownload) published = NULL;
  g_autoptr(AnjuTestDownload) withdrawn = NULL;
  g_autofree char *admin_edit = NULL;
  guint status = 0;
  gint64 id;

  article = anju_test_request (srv, center, "POST", "/api/v1/articles", body, &status);
  anju_assert_status (status, SOUP_STATUS_CREATED, article);
  id = anju_test_json_int (article, "id");
  g_assert_cmpuint (anju_test_json_length (article, "attachments"), ==, 2);
  g_assert_cmpstr (anju_test_json_string (article, "attachments.0.name"), ==, "名单.xlsx");
  g_assert_cmpstr (anju_test_json_string (article, "attachments.1.name"), ==, "配租方案.pdf");

  refused = anju_test_item_request (srv, center, "PATCH", ARTICLES_LIST, id, NULL, stolen, &status);
  anju_assert_error (status, refused, 422, "validation_failed");
  g_assert_true (has_field_error (refused, "attachment_ids"));

  before = anju_test_download (srv, reader, content_path);
  g_assert_cmpuint (before->status, ==, 404);

  act_ok (srv, center, id, "publish");
  published = anju_test_download (srv, reader, content_path);
  g_assert_cmpuint (published->status, ==, SOUP_STATUS_OK);
  g_assert_cmpstr (published->content_type, ==, "application/pdf");

  /* Another writer may keep attachments they did not upload. */
  admin_edit = g_strdup_printf ("{\"attachment_ids\":[%" G_GINT64_FORMAT "]}", pdf);
  kept = anju_test_item_request (srv, fixture->admin, "PATCH", ARTICLES_LIST, id, NULL, admin_edit, &status);
  anju_assert_status (status, SOUP_STATUS_OK, kept);
  g_assert_cmpuint (anju_test_json_length (kept, "attachments"), ==, 1);

  act_ok (srv, center, id, "unpublish");
  withdrawn = anju_test_download (srv, reader, content_path);
  g_assert_cmpuint (withdrawn->status, ==, 404);
}

/* The demo data set: published news, notices and guides for everyone, a
 * notice for one street, a draft only writers see. */
static void
test_demo_content (AnjuTestFixture *fixture,
                   gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *ypl = anju_test_login_demo (srv, "street_ypl");
  g_autofree char *wyh = anju_test_login_demo (srv, "street_wyh");
  g_autoptr(JsonNode) news = anju_test_list_page (srv, wyh, ARTICLES_LIST, "kind=news");
  g_autoptr(JsonNode) ypl_notices = anju_test_list_page (srv, ypl, ARTICLES_LIST, "kind=notice");
  g_autoptr(JsonNode) wyh_notices = anju_test_list_page (srv, wyh, ARTICLES_LIST, "kind=notice");
  g_autoptr(JsonNode) guides = anju_test_list_page (srv, wyh, ARTICLES_LIST, "kind=guide");
  g_autoptr(JsonNode) drafts = anju_test_list_page (srv, fixture->admin, ARTICLES_LIST, "status=draft");
  int prh;

  g_assert_cmpint (anju_test_json_int (news, "total"), >=, 3);
  g_assert_cmpint (anju_test_json_int (ypl_notices, "total"), ==,
                   anju_test_json_int (wyh_notices, "total") + 1);
  g_assert_cmpint (anju_test_json_int (guides, "total"), ==, 3);
  g_assert_cmpint (anju_test_json_int (drafts, "total"), ==, 1);

  prh = anju_test_json_find (guides, "items", "title", "公共租赁住房申请");
  g_assert_cmpint (prh, >=, 0);
  {
    g_autofree char *path = g_strdup_printf ("items.%d.guide.materials", prh);
    g_autofree char *days = g_strdup_printf ("items.%d.guide.time_limit_days", prh);

    g_assert_true (anju_test_json_array_has_string (guides, path,
                                                    "申请人及共同申请家庭成员身份证"));
    g_assert_cmpint (anju_test_json_int (guides, days), >, 0);
  }
}

int
main (int    argc,
      char **argv)
{
  anju_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, AnjuTestFixture, NULL, anju_test_fixture_set_up, func, \
              anju_test_fixture_tear_down)
  ADD ("/articles/crud", test_crud);
  ADD ("/articles/validation-and-permission", test_validation_and_permission);
  ADD ("/articles/state-machine", test_state_machine);
  ADD ("/articles/reader-visibility", test_reader_visibility);
  ADD ("/articles/writer-scope", test_writer_scope);
  ADD ("/articles/search", test_search);
  ADD ("/articles/guide", test_guide);
  ADD ("/articles/attachments", test_attachments);
  ADD ("/articles/demo", test_demo_content);
#undef ADD

  return g_test_run ();
}
