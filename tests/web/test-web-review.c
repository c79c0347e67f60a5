/* test-web-review.c: review on the phone, in headless Chromium against a
 * real anju-server with the demo data (issue 6; docs/api.md "To-do and
 * done", "Workflow instances", "Review, publicity and announcement").
 *
 * What each test needs is made through the API first: 刘芳
 * (community_ypl) enters and submits an application of 银盆岭社区, which
 * gives 李娜 (street_ypl) a street review task.  Then 李娜 works on her
 * phone: F-PORTAL-024 the to-do list with its counts, PRH-016 / F-PRH-008
 * approve, reject with a reason, return for supplement, a session that
 * ends while the reason is typed, F-PRH-005 / PRH-030 the street
 * publicity with an objection registered and verified.  Every outcome is
 * checked through the API, not only on the page.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anju-clock.h"
#include "anju-id-number.h"
#include "anju-test-identity.h"
#include "anju-web-test.h"

#define APPLICATIONS "/api/v1/pubrent/applications"
#define REJECT_REASON "户籍年限不足，不符合申请条件"
#define RETURN_REASON "请补充收入证明原件扫描件"
#define EXPIRED_REASON "申请人名下有房产，经核实不符合条件"

typedef struct
{
  AnjuWebTest *web;
  char        *community;   /* token of community_ypl: enters applications */
  char        *street;      /* token of street_ypl: the reviewer */
} Review;

static void
review_set_up (Review        *review,
               gconstpointer  data)
{
  review->web = anju_web_test_start (NULL);
  if (review->web == NULL)
    return;   /* no Chromium here: skipped */
  /* The demo's placeholder processes name no application and would
   * collide with the ids of the new ones. */
  anju_test_db_drop_orphan_processes (review->web->server);
  review->community = anju_test_login (review->web->server, "community_ypl",
                                       ANJU_TEST_DEMO_PASSWORD);
  review->street = anju_test_login (review->web->server, "street_ypl", ANJU_TEST_DEMO_PASSWORD);
}

static void
review_tear_down (Review        *review,
                  gconstpointer  data)
{
  g_free (review->community);
  g_free (review->street);
  g_clear_pointer (&review->web, anju_web_test_stop);
}

/* ---- through the API ------------------------------------------------------ */

static AnjuTestServer *
server_of (Review *review)
{
  return review->web->server;
}

/* A one-person household of 银盆岭社区 that passes every pre-review rule
 * (a Changsha hukou for five years, low income and area), submitted: it
 * is at street_review, a task of street_ypl.  seq makes the ID number
 * unique (a person may be in one open application only). */
static gint64
submitted_application (Review     *review,
                       const char *name,
                       const char *seq)
{
  g_autofree char *first17 = g_strconcat ("430104", "19880512", seq, NULL);
  g_autofree char *id_no = g_strdup_printf ("%s%c", first17,
                                            anju_id_number_check_char (first17));
  g_autofree char *path = NULL;
  g_autoptr(JsonNode) created = NULL;
  g_autoptr(JsonNode) submitted = NULL;
  guint status = 0;
  gint64 id;

  created = anju_test_requestf (
    server_of (review), review->community, "POST", APPLICATIONS, &status,
    "{\"business_type\":\"open_physical\",\"applicant_name\":\"%s\",\"id_no\":\"%s\","
    "\"phone\":\"13812345678\",\"hukou_county_code\":\"430104\",\"household_size\":1,"
    "\"hukou_subdistrict\":\"银盆岭街道\",\"hukou_community\":\"银盆岭社区\","
    "\"annual_income_per_capita\":\"30000.00\",\"annual_income_total\":\"30000.00\","
    "\"floor_area_per_capita\":\"10.00\",\"floor_area_total\":\"10.00\","
    "\"members\":[{\"relation\":\"self\",\"name\":\"%s\",\"id_doc_type\":\"resident_id\","
    "\"id_no\":\"%s\",\"hukou_years\":5}]}",
    name, id_no, name, id_no);
  anju_assert_status (status, SOUP_STATUS_CREATED, created);
  id = anju_test_json_int (created, "id");

  path = g_strdup_printf (APPLICATIONS "/%" G_GINT64_FORMAT "/submit", id);
  submitted = anju_test_request (server_of (review), review->community, "POST", path, NULL,
                                 &status);
  anju_assert_status (status, SOUP_STATUS_OK, submitted);
  g_assert_cmpstr (anju_test_json_string (submitted, "status"), ==, "street_review");
  return id;
}

/* GET the application as the street sees it. */
static JsonNode *
application (Review *review,
             gint64  id)
{
  g_autofree char *path = g_strdup_printf (APPLICATIONS "/%" G_GINT64_FORMAT, id);
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  reply = anju_test_request (server_of (review), review->street, "GET", path, NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, reply);
  return g_steal_pointer (&reply);
}

static char *
status_of (Review *review,
           gint64  id)
{
  g_autoptr(JsonNode) app = application (review, id);

  return g_strdup (anju_test_json_string (app, "status"));
}

/* The opinion of a timeline node, as the API answers it. */
static char *
timeline_opinion (Review     *review,
                  gint64      id,
                  const char *key)
{
  g_autofree char *path = g_strdup_printf (APPLICATIONS "/%" G_GINT64_FORMAT "/timeline", id);
  g_autofree char *member = NULL;
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;
  int index;

  reply = anju_test_request (server_of (review), review->street, "GET", path, NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, reply);
  index = anju_test_json_find (reply, "nodes", "key", key);
  g_assert_cmpint (index, >=, 0);
  member = g_strdup_printf ("nodes.%d.opinion", index);
  return g_strdup (anju_test_json_string (reply, member));
}

/* street_ypl's open task count, as the API answers it. */
static gint64
todo_total (Review *review)
{
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  reply = anju_test_request (server_of (review), review->street, "GET", "/api/v1/todo/counts",
                             NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, reply);
  return anju_test_json_int (reply, "total");
}

/* Whether street_ypl's to-do list (the API's) holds the task. */
static gboolean
todo_has_task (Review *review,
               gint64  task_id)
{
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  reply = anju_test_request (server_of (review), review->street, "GET",
                             "/api/v1/todo?page_size=200", NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, reply);
  for (guint i = 0; i < anju_test_json_length (reply, "items"); i++)
    {
      g_autofree char *path = g_strdup_printf ("items.%u.task_id", i);

      if (anju_test_json_int (reply, path) == task_id)
        return TRUE;
    }
  return FALSE;
}

/* Approves the street review through the API: the application enters its
 * street publicity; answers the publicity's id. */
static gint64
into_publicity (Review *review,
                gint64  id)
{
  g_autoptr(JsonNode) app = application (review, id);
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(JsonNode) list = NULL;
  g_autofree char *path = g_strdup_printf ("/api/v1/workflow/instances/%" G_GINT64_FORMAT
                                           "/actions",
                                           anju_test_json_int (app, "process.instance_id"));
  g_autofree char *search = NULL;
  g_autofree char *status_now = NULL;
  guint status = 0;

  reply = anju_test_request (server_of (review), review->street, "POST", path,
                             "{\"action\":\"approve\",\"comment\":\"材料齐全\"}", &status);
  anju_assert_status (status, SOUP_STATUS_OK, reply);
  status_now = status_of (review, id);
  g_assert_cmpstr (status_now, ==, "street_publicity");

  search = g_strdup_printf ("/api/v1/pubrent/publicity?kind=street&q=%s",
                            anju_test_json_string (app, "application_no"));
  list = anju_test_request (server_of (review), review->street, "GET", search, NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, list);
  g_assert_cmpuint (anju_test_json_length (list, "items"), ==, 1);
  return anju_test_json_int (list, "items.0.id");
}

/* ---- in the browser --------------------------------------------------------- */

static void
open_page (Review     *review,
           const char *format,
           ...) G_GNUC_PRINTF (2, 3);

static void
open_page (Review     *review,
           const char *format,
           ...)
{
  g_autofree char *hash = NULL;
  va_list args;

  va_start (args, format);
  hash = g_strdup_vprintf (format, args);
  va_end (args);
  anju_web_test_open (review->web, hash);
}

static void
wait_for (Review     *review,
          const char *format,
          ...) G_GNUC_PRINTF (2, 3);

static void
wait_for (Review     *review,
          const char *format,
          ...)
{
  g_autofree char *expression = NULL;
  va_list args;

  va_start (args, format);
  expression = g_strdup_vprintf (format, args);
  va_end (args);
  anju_web_test_wait (review->web, expression);
}

static char *
page_string (Review     *review,
             const char *expression)
{
  return anju_web_test_eval_string (review->web, expression);
}

/* Sets the select at selector to value, as a tap on an option would. */
static void
choose (Review     *review,
        const char *selector,
        const char *value)
{
  g_autofree char *expression = g_strdup_printf (
    "(() => { const s = document.querySelector('%s'); s.value = '%s';"
    " s.dispatchEvent(new Event('change', { bubbles: true })); return s.value; })()",
    selector, value);
  g_autofree char *chosen = page_string (review, expression);

  g_assert_cmpstr (chosen, ==, value);
}

/* Waits for the router to have rendered pattern (after an unready). */
static void
wait_for_page (Review     *review,
               const char *pattern)
{
  anju_web_test_wait_ready (review->web, pattern);
}

/* Clicks the review button, then the confirmation dialog's confirm. */
static void
act_in_page (Review     *review,
             const char *action)
{
  g_autofree char *selector = g_strdup_printf ("#review-form [data-action=\"%s\"]", action);

  anju_web_test_click (review->web, selector);
  wait_for (review, "document.querySelector('#confirm-dialog[open] [data-action=\"confirm\"]')");
  anju_web_test_unready (review->web);
  anju_web_test_click (review->web, "#confirm-dialog [data-action=\"confirm\"]");
}

/* The detail page of id, rendered with its review form. */
static void
open_application (Review *review,
                  gint64  id)
{
  open_page (review, "#/applications/%" G_GINT64_FORMAT, id);
  wait_for (review, "document.querySelector('#review-form')");
}

/* ---- the tests -------------------------------------------------------------- */

/* F-PORTAL-024 + PRH-016: the new task is in the to-do list with the
 * count; approving it on the detail page moves the application on (the
 * API says street_publicity) and takes the task off the list (the street
 * gets the publicity step's task instead); the done list has it with the
 * action. */
static void
test_todo_approve (Review        *review,
                   gconstpointer  data)
{
  g_autofree char *count = NULL;
  g_autofree char *task = NULL;
  g_autofree char *selector = NULL;
  g_autofree char *status = NULL;
  g_autofree char *masked = NULL;
  gint64 id, total;

  if (review->web == NULL)
    return;
  id = submitted_application (review, "王晓芳", "011");
  total = todo_total (review);

  anju_web_test_sign_in (review->web, "street_ypl");
  open_page (review, "#/todo");
  count = page_string (review, "document.querySelector('#todo-count').dataset.total");
  g_assert_cmpint (g_ascii_strtoll (count, NULL, 10), ==, total);
  selector = g_strdup_printf ("#todo-list a[data-record-id=\"%" G_GINT64_FORMAT "\"]", id);
  {
    g_autofree char *expression = g_strdup_printf ("document.querySelector('%s').dataset.taskId",
                                                   selector);

    task = page_string (review, expression);
  }
  g_assert_true (todo_has_task (review, g_ascii_strtoll (task, NULL, 10)));

  /* The item opens the application, phone and ID masked on the phone. */
  anju_web_test_unready (review->web);
  anju_web_test_click (review->web, selector);
  wait_for_page (review, "/applications/:id");
  masked = page_string (review, "document.querySelector('#view .meta-list').textContent");
  g_assert_nonnull (strstr (masked, "138****5678"));
  g_assert_null (strstr (masked, "13812345678"));

  act_in_page (review, "approve");
  wait_for_page (review, "/todo");
  status = status_of (review, id);
  g_assert_cmpstr (status, ==, "street_publicity");
  wait_for (review, "document.querySelector('#todo-list') !== null"
            " && !document.querySelector('#todo-list a[data-task-id=\"%s\"]')", task);
  g_assert_false (todo_has_task (review, g_ascii_strtoll (task, NULL, 10)));

  open_page (review, "#/done");
  wait_for (review, "document.querySelector('#done-list a[data-task-id=\"%s\"]"
            " [data-done-action=\"approve\"]')", task);
}

/* F-PORTAL-024: eleven days later the street review (ten days' limit)
 * is overdue: marked in the list, counted in the overdue filter, and the
 * filter lists it; the type filter counts it with its type. */
static void
test_todo_overdue (Review        *review,
                   gconstpointer  data)
{
  g_autoptr(JsonNode) counts = NULL;
  g_autofree char *overdue = NULL;
  g_autofree char *filter = NULL;
  guint status = 0;
  gint64 id;

  if (review->web == NULL)
    return;
  id = submitted_application (review, "吴兰", "071");
  anju_clock_advance (server_of (review)->clock, (gint64) 11 * 24 * 60 * 60 * G_USEC_PER_SEC);
  /* The morning's sessions have ended meanwhile. */
  g_free (review->street);
  review->street = anju_test_login (server_of (review), "street_ypl", ANJU_TEST_DEMO_PASSWORD);
  counts = anju_test_request (server_of (review), review->street, "GET", "/api/v1/todo/counts",
                              NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, counts);
  g_assert_cmpint (anju_test_json_int (counts, "overdue"), >=, 1);

  anju_web_test_sign_in (review->web, "street_ypl");
  open_page (review, "#/todo");
  wait_for (review, "document.querySelector('#todo-list li.overdue a[data-record-id=\"%"
            G_GINT64_FORMAT "\"] [data-overdue]')", id);
  overdue = page_string (review, "document.querySelector('#todo-count').dataset.overdue");
  g_assert_cmpint (g_ascii_strtoll (overdue, NULL, 10), ==,
                   anju_test_json_int (counts, "overdue"));

  anju_web_test_unready (review->web);
  anju_web_test_click (review->web, "[data-filter=\"overdue\"]");
  wait_for (review, "document.body.dataset.ready === '1' && location.hash === '#/todo?overdue=true'");
  wait_for (review, "document.querySelector('#todo-list a[data-record-id=\"%" G_GINT64_FORMAT
            "\"]')", id);
  filter = page_string (review, "document.querySelector('[data-filter=\"overdue\"]')"
                        ".getAttribute('aria-current')");
  g_assert_cmpstr (filter, ==, "page");

  anju_web_test_unready (review->web);
  anju_web_test_click (review->web, "[data-type=\"pubrent.application.review\"]");
  wait_for (review, "document.body.dataset.ready === '1'"
            " && location.hash === '#/todo?type=pubrent.application.review'");
  wait_for (review, "document.querySelector('#todo-list a[data-record-id=\"%" G_GINT64_FORMAT
            "\"]')", id);
}

/* PRH-016 + F-PRH-008: reject needs a reason (the page says so and sends
 * nothing); with one the application is rejected and the reason is the
 * street's opinion in the timeline. Return for supplement: returned. */
static void
test_reject_and_return (Review        *review,
                        gconstpointer  data)
{
  g_autofree char *status = NULL;
  g_autofree char *opinion = NULL;
  g_autofree char *returned_status = NULL;
  g_autofree char *dialog = NULL;
  gint64 rejected, returned;

  if (review->web == NULL)
    return;
  rejected = submitted_application (review, "赵丽", "021");
  returned = submitted_application (review, "钱芳", "031");
  anju_web_test_sign_in (review->web, "street_ypl");
  open_application (review, rejected);
  anju_web_test_click (review->web, "#review-form [data-action=\"reject\"]");
  wait_for (review, "document.querySelector('#review-form .field-error')"
            " && document.querySelector('[name=reason]').getAttribute('aria-invalid') === 'true'");
  dialog = page_string (review, "String(document.querySelector('#confirm-dialog') !== null)");
  g_assert_cmpstr (dialog, ==, "false");
  status = status_of (review, rejected);
  g_assert_cmpstr (status, ==, "street_review");

  anju_web_test_type (review->web, "[name=reason]", REJECT_REASON);
  act_in_page (review, "reject");
  wait_for_page (review, "/todo");
  g_free (status);
  status = status_of (review, rejected);
  g_assert_cmpstr (status, ==, "rejected");
  opinion = timeline_opinion (review, rejected, "street_review");
  g_assert_cmpstr (opinion, ==, REJECT_REASON);

  /* The page's timeline shows the same reason. */
  open_page (review, "#/applications/%" G_GINT64_FORMAT, rejected);
  wait_for (review, "document.querySelector('#timeline [data-key=\"street_review\"]"
            " [data-opinion]')?.textContent === '%s'", REJECT_REASON);

  open_application (review, returned);
  anju_web_test_type (review->web, "[name=reason]", RETURN_REASON);
  act_in_page (review, "return");
  wait_for_page (review, "/todo");
  returned_status = status_of (review, returned);
  g_assert_cmpstr (returned_status, ==, "returned");
}

/* F-PRH-008 + issue 6 §6: the session ends while the reason is typed
 * (every session of the user signed out elsewhere); reject sends the
 * user to sign-in, signing in comes back to the application with the
 * reason still there, and the rejection then goes through. A second
 * phone (the API) acting first gives the server's 409 on the page. */
static void
test_expired_session_keeps_reason (Review        *review,
                                   gconstpointer  data)
{
  g_autoptr(JsonNode) logout = NULL;
  g_autofree char *bearer = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *status = NULL;
  g_autofree char *opinion = NULL;
  guint code = 0;
  gint64 id;

  if (review->web == NULL)
    return;
  id = submitted_application (review, "孙建国", "041");
  anju_web_test_sign_in (review->web, "street_ypl");
  open_application (review, id);
  anju_web_test_type (review->web, "[name=reason]", EXPIRED_REASON);

  /* Signed out everywhere, from another device of the same user. */
  bearer = anju_test_login (server_of (review), "street_ypl", ANJU_TEST_DEMO_PASSWORD);
  logout = anju_test_request (server_of (review), bearer, "POST", "/api/v1/auth/logout-all", NULL,
                              &code);
  g_assert_cmpuint (code, ==, SOUP_STATUS_NO_CONTENT);
  g_free (review->street);
  review->street = anju_test_login (server_of (review), "street_ypl", ANJU_TEST_DEMO_PASSWORD);

  act_in_page (review, "reject");
  wait_for_page (review, "/sign-in");
  status = status_of (review, id);
  g_assert_cmpstr (status, ==, "street_review");

  /* Signing in on the sign-in page it was sent to goes back. */
  anju_web_test_type (review->web, "#sign-in [name=username]", "street_ypl");
  anju_web_test_type (review->web, "#sign-in [name=password]", ANJU_TEST_DEMO_PASSWORD);
  anju_web_test_unready (review->web);
  anju_web_test_click (review->web, "#sign-in button[type=submit]");
  wait_for_page (review, "/applications/:id");
  kept = page_string (review, "document.querySelector('[name=reason]').value");
  g_assert_cmpstr (kept, ==, EXPIRED_REASON);

  act_in_page (review, "reject");
  wait_for_page (review, "/todo");
  g_free (status);
  status = status_of (review, id);
  g_assert_cmpstr (status, ==, "rejected");
  opinion = timeline_opinion (review, id, "street_review");
  g_assert_cmpstr (opinion, ==, EXPIRED_REASON);

  /* The draft was cleared with the success. */
  {
    g_autofree char *left = page_string (review,
                                         "String(Object.keys(localStorage)"
                                         ".filter((k) => k.startsWith('anju.draft.')).length)");

    g_assert_cmpstr (left, ==, "0");
  }
}

/* PRH-016: someone else acted first: the page shows the server's 409
 * where the buttons are, and the application is as the other left it. */
static void
test_acted_first (Review        *review,
                  gconstpointer  data)
{
  g_autofree char *status = NULL;
  gint64 id;

  if (review->web == NULL)
    return;
  id = submitted_application (review, "周红", "051");
  anju_web_test_sign_in (review->web, "street_ypl");
  open_application (review, id);
  into_publicity (review, id);

  act_in_page (review, "approve");
  wait_for (review, "!document.querySelector('#review-error').hidden"
            " && document.querySelector('#review-error .error-message').textContent.length > 0");
  wait_for (review, "document.querySelector('#review-error [data-action=\"reload\"]')");
  status = status_of (review, id);
  g_assert_cmpstr (status, ==, "street_publicity");
}

/* F-PRH-005 + PRH-030: an application in its street publicity is in the
 * publicity list; an objection registered on the phone is pending with
 * the reporter's phone masked; verifying it as unfounded is what the API
 * answers afterwards. */
static void
test_publicity_objection (Review        *review,
                          gconstpointer  data)
{
  g_autoptr(JsonNode) detail = NULL;
  g_autofree char *path = NULL;
  g_autofree char *reporter = NULL;
  guint status = 0;
  gint64 id, publicity;

  if (review->web == NULL)
    return;
  id = submitted_application (review, "李建国", "061");
  publicity = into_publicity (review, id);
  path = g_strdup_printf ("/api/v1/pubrent/publicity/%" G_GINT64_FORMAT, publicity);
  anju_web_test_sign_in (review->web, "street_ypl");
  open_page (review, "#/publicity?state=open");
  wait_for (review, "document.querySelector('#publicity-list a[data-publicity-id=\"%"
            G_GINT64_FORMAT "\"]')", publicity);
  {
    g_autofree char *selector = g_strdup_printf ("#publicity-list a[data-publicity-id=\"%"
                                                 G_GINT64_FORMAT "\"]", publicity);

    anju_web_test_unready (review->web);
    anju_web_test_click (review->web, selector);
  }
  wait_for_page (review, "/publicity/:id");

  anju_web_test_type (review->web, "#objection-form [name=content]", "申请人名下有商品房");
  choose (review, "#objection-form [name=method]", "phone");
  anju_web_test_type (review->web, "#objection-form [name=reporter_name]", "张三");
  anju_web_test_type (review->web, "#objection-form [name=reporter_phone]", "13900001111");
  anju_web_test_click (review->web, "#objection-form [data-action=\"register-objection\"]");
  wait_for (review, "document.querySelector('#objections [data-result=\"pending\"]')");
  reporter = page_string (review, "document.querySelector('#objections [data-reporter]').textContent");
  g_assert_nonnull (strstr (reporter, "139****1111"));
  g_assert_null (strstr (reporter, "13900001111"));

  anju_web_test_click (review->web, "#objections [data-action=\"open-verify\"]");
  choose (review, "#objections [name=result]", "unfounded");
  choose (review, "#objections [name=method]", "visit");
  anju_web_test_type (review->web, "#objections [name=opinion]", "已入户核实，举报不实");
  anju_web_test_click (review->web, "#objections [data-action=\"verify\"]");
  wait_for (review, "document.querySelector('#objections [data-result=\"unfounded\"]')");

  detail = anju_test_request (server_of (review), review->street, "GET", path, NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, detail);
  g_assert_cmpuint (anju_test_json_length (detail, "objections"), ==, 1);
  g_assert_cmpstr (anju_test_json_string (detail, "objections.0.result"), ==, "unfounded");
  g_assert_cmpstr (anju_test_json_string (detail, "objections.0.opinion"), ==,
                   "已入户核实，举报不实");
  g_assert_cmpstr (anju_test_json_string (detail, "objections.0.reporter_name"), ==, "张三");
  g_assert_cmpint (anju_test_json_int (detail, "pending_objections"), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  anju_test_init (&argc, &argv);

  g_test_add ("/web/review/F-PORTAL-024/PRH-016/todo-approve", Review, NULL, review_set_up,
              test_todo_approve, review_tear_down);
  g_test_add ("/web/review/F-PORTAL-024/overdue-and-filters", Review, NULL, review_set_up,
              test_todo_overdue, review_tear_down);
  g_test_add ("/web/review/F-PRH-008/PRH-016/reject-and-return", Review, NULL, review_set_up,
              test_reject_and_return, review_tear_down);
  g_test_add ("/web/review/F-PRH-008/expired-session-keeps-reason", Review, NULL, review_set_up,
              test_expired_session_keeps_reason, review_tear_down);
  g_test_add ("/web/review/PRH-016/acted-first", Review, NULL, review_set_up, test_acted_first,
              review_tear_down);
  g_test_add ("/web/review/F-PRH-005/PRH-030/publicity-objection", Review, NULL, review_set_up,
              test_publicity_objection, review_tear_down);
  return g_test_run ();
}
