/* test-web-shell.c: the mobile web's shell in a real browser: sign-in
 * (the desktop's lockout), the home with its counts (F-PORTAL-024), unified
 * messages (F-PORTAL-025), news, notices and guides (F-PORTAL-026, -027,
 * -028), personal information and the password (F-PORTAL-030), feedback
 * (F-PORTAL-034) and signing out.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "anju-test-identity.h"
#include "anju-test-json.h"
#include "anju-web-test.h"

#define STREET_USER "street_ypl"

/* ---- helpers --------------------------------------------------------- */

static gint64
eval_int (AnjuWebTest *t,
          const char  *expression)
{
  g_autoptr(JsonNode) value = anju_web_test_eval (t, expression);

  return json_node_get_int (value);
}

static gboolean
eval_bool (AnjuWebTest *t,
           const char  *expression)
{
  g_autoptr(JsonNode) value = anju_web_test_eval (t, expression);

  return json_node_get_boolean (value);
}

/* Runs a statement in the page. */
static void
run_js (AnjuWebTest *t,
        const char  *statement)
{
  g_autofree char *expression = g_strdup_printf ("(() => { %s; return true; }) ()", statement);

  g_assert_true (eval_bool (t, expression));
}

/* Replaces what an input holds (anju_web_test_type appends). */
static void
retype (AnjuWebTest *t,
        const char  *selector,
        const char  *text)
{
  g_autofree char *clear = g_strdup_printf ("document.querySelector ('%s').value = ''", selector);

  run_js (t, clear);

  if (*text != '\0')
    anju_web_test_type (t, selector, text);
}

/* Clicks selector and waits for the router to render page. */
static void
click_to (AnjuWebTest *t,
          const char  *selector,
          const char  *page)
{
  anju_web_test_unready (t);
  anju_web_test_click (t, selector);
  anju_web_test_wait_ready (t, page);
}

static JsonNode *
api_get (AnjuWebTest *t,
         const char  *token,
         const char  *path)
{
  guint status = 0;
  JsonNode *reply = anju_test_request (t->server, token, "GET", path, NULL, &status);

  anju_assert_status (status, SOUP_STATUS_OK, reply);
  return reply;
}

static gint64
api_unread (AnjuWebTest *t,
            const char  *token)
{
  g_autoptr(JsonNode) reply = api_get (t, token, "/api/v1/messages/unread-count");

  return anju_test_json_int (reply, "unread");
}

/* The error the sign-in page shows under its form. */
static char *
sign_in_error (AnjuWebTest *t)
{
  anju_web_test_wait (t, "!document.getElementById ('sign-in-error').hidden"
                         " && document.querySelector ('#sign-in-error .error-message')");
  return anju_web_test_eval_string (t, "document.querySelector ('#sign-in-error .error-message').textContent");
}

static void
submit_sign_in (AnjuWebTest *t,
                const char  *username,
                const char  *password)
{
  retype (t, "form#sign-in input[name=username]", username);
  retype (t, "form#sign-in input[name=password]", password);
  run_js (t, "document.getElementById ('sign-in-error').hidden = true");
  anju_web_test_click (t, "form#sign-in button[type=submit]");
}

/* The page is in Chinese: the catalogue generated from po/zh_CN.po. */
static void
assert_chinese (AnjuWebTest *t,
                const char  *selector)
{
  g_autofree char *expression =
    g_strdup_printf ("/[\\u4e00-\\u9fff]/.test (document.querySelector ('%s').textContent)", selector);

  g_assert_true (eval_bool (t, expression));
}

/* Cuts the browser off the network (or back on). */
static void
set_offline (AnjuWebTest *t,
             gboolean     offline)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) params = NULL;
  g_autoptr(JsonNode) enabled = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *text = g_strdup_printf ("{\"offline\":%s,\"latency\":0,"
                                           "\"downloadThroughput\":-1,\"uploadThroughput\":-1}",
                                           offline ? "true" : "false");

  enabled = anju_browser_call (t->browser, "Network.enable", NULL, &error);
  if (enabled == NULL)
    anju_web_test_fail (t, g_steal_pointer (&error));
  params = json_from_string (text, &error);
  g_assert_no_error (error);
  answer = anju_browser_call (t->browser, "Network.emulateNetworkConditions", params, &error);
  if (answer == NULL)
    anju_web_test_fail (t, g_steal_pointer (&error));
}

/* ---- sign-in and home ------------------------------------------------ */

/* A private page sends a signed-out visitor to the sign-in page and back
 * afterwards; the home greets the user in Chinese with the counts the
 * API gives. */
static void
test_sign_in_home (void)
{
  AnjuWebTest *t = anju_web_test_start (NULL);
  g_autofree char *token = NULL;
  g_autofree char *name = NULL;
  g_autofree char *org = NULL;
  g_autofree char *hash = NULL;
  g_autoptr(JsonNode) counts = NULL;
  gint64 open_tasks;

  if (t == NULL)
    return;
  token = anju_test_login (t->server, STREET_USER, ANJU_TEST_DEMO_PASSWORD);
  counts = api_get (t, token, "/api/v1/todo/counts");
  open_tasks = anju_test_json_int (counts, "total");
  g_assert_cmpint (open_tasks, >, 0);

  /* The home needs a session: to the sign-in page, with next. */
  anju_web_test_open (t, "#/");
  anju_web_test_wait_ready (t, "/sign-in");
  hash = anju_web_test_eval_string (t, "location.hash");
  g_assert_cmpstr (hash, ==, "#/sign-in?next=%23%2F");
  assert_chinese (t, "form#sign-in");
  g_assert_true (eval_bool (t, "document.getElementById ('tabbar').hidden"));

  anju_web_test_sign_in (t, STREET_USER);
  name = anju_web_test_eval_string (t, "document.getElementById ('greeting-name').textContent");
  org = anju_web_test_eval_string (t, "document.getElementById ('greeting-org').textContent");
  g_assert_nonnull (strstr (name, "李娜"));
  g_assert_cmpstr (org, ==, "银盆岭街道");
  assert_chinese (t, "#tiles-work");
  g_assert_cmpint (eval_int (t, "Number (document.getElementById ('count-todo').dataset.count)"), ==, open_tasks);
  g_assert_cmpint (eval_int (t, "Number (document.getElementById ('count-unread').dataset.count)"), ==,
                   api_unread (t, token));
  /* The tiles of the home, each a link of this app. */
  for (const char *const *tile = (const char *const[]) { "todo", "done", "scan", "publicity", "progress",
                                                          "messages", "news", "notices", "guides",
                                                          "feedback", NULL };
       *tile != NULL; tile++)
    {
      g_autofree char *expression = g_strdup_printf ("document.querySelector ('a.tile[data-action=\"%s\"]')"
                                                     ".getAttribute ('href').startsWith ('#/')", *tile);
      g_assert_true (eval_bool (t, expression));
    }

  /* The tab bar: the to-do badge is the open count. */
  g_assert_false (eval_bool (t, "document.getElementById ('tabbar').hidden"));
  {
    g_autofree char *expected = g_strdup_printf ("document.querySelector ('#tabbar [data-tab=todo] .badge')"
                                                 ".textContent === '%" G_GINT64_FORMAT "'", open_tasks);
    anju_web_test_wait (t, expected);
  }
  /* The inner pages have a labelled back button; the home has none. */
  g_assert_true (eval_bool (t, "document.getElementById ('back').hidden"));
  g_assert_true (eval_bool (t, "document.getElementById ('back').getAttribute ('aria-label').length > 0"));

  /* Signed in already: the sign-in page goes where next says. */
  anju_web_test_open (t, "#/sign-in?next=%23%2Ffeedback");
  anju_web_test_wait_ready (t, "/feedback");
  g_assert_false (eval_bool (t, "document.getElementById ('back').hidden"));

  anju_web_test_stop (t);
}

/* A wrong password shows the server's message under the form. */
static void
test_wrong_password (void)
{
  AnjuWebTest *t = anju_web_test_start (NULL);
  g_autoptr(JsonNode) reply = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *page = NULL;
  guint status = 0;

  if (t == NULL)
    return;
  reply = anju_test_request (t->server, NULL, "POST", "/api/v1/auth/login",
                             "{\"username\":\"" STREET_USER "\",\"password\":\"Wrong#2026x\"}", &status);
  anju_assert_error (status, reply, SOUP_STATUS_UNAUTHORIZED, "invalid_credentials");

  anju_web_test_open (t, "#/sign-in");
  submit_sign_in (t, STREET_USER, "Wrong#2026x");
  shown = sign_in_error (t);
  g_assert_cmpstr (shown, ==, anju_test_json_string (reply, "error.message"));
  page = anju_web_test_eval_string (t, "document.body.dataset.page");
  g_assert_cmpstr (page, ==, "/sign-in");
  /* What was typed stays. */
  g_assert_true (eval_bool (t, "document.querySelector ('form#sign-in input[name=username]').value === '"
                               STREET_USER "'"));

  anju_web_test_stop (t);
}

/* The desktop's lockout: after lockout_attempts failures even the right
 * password is refused, with the server's message saying until when. */
static void
test_lockout (void)
{
  AnjuWebTest *t = anju_web_test_start (NULL);
  g_autoptr(JsonNode) reply = NULL;
  g_autofree char *locked = NULL;
  g_autofree char *page = NULL;
  guint attempts;
  guint status = 0;

  if (t == NULL)
    return;
  attempts = t->server->config->lockout_attempts;
  g_assert_cmpuint (attempts, >, 1);

  anju_web_test_open (t, "#/sign-in");
  for (guint i = 0; i < attempts; i++)
    {
      g_autofree char *shown = NULL;

      submit_sign_in (t, STREET_USER, "Wrong#2026x");
      shown = sign_in_error (t);
      g_assert_cmpstr (shown, !=, "");
    }

  submit_sign_in (t, STREET_USER, ANJU_TEST_DEMO_PASSWORD);
  locked = sign_in_error (t);
  reply = anju_test_request (t->server, NULL, "POST", "/api/v1/auth/login",
                             "{\"username\":\"" STREET_USER "\",\"password\":\"" ANJU_TEST_DEMO_PASSWORD "\"}",
                             &status);
  anju_assert_error (status, reply, 423, "account_locked");
  g_assert_cmpstr (locked, ==, anju_test_json_string (reply, "error.message"));
  page = anju_web_test_eval_string (t, "document.body.dataset.page");
  g_assert_cmpstr (page, ==, "/sign-in");

  anju_web_test_stop (t);
}

/* A user whose password was reset changes it before anything else. */
static void
test_must_change_password (void)
{
  AnjuWebTest *t = anju_web_test_start (NULL);
  g_autofree char *admin = NULL;
  g_autofree char *user_id = NULL;
  g_autofree char *path = NULL;
  g_autofree char *token = NULL;
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  if (t == NULL)
    return;
  admin = anju_test_login (t->server, "admin", ANJU_TEST_DEMO_PASSWORD);
  user_id = anju_test_db_query (t->server, "SELECT id FROM users WHERE username = '" STREET_USER "'");
  path = g_strdup_printf ("/api/v1/users/%s/reset-password", user_id);
  reply = anju_test_request (t->server, admin, "POST", path, "{\"new_password\":\"Reset#2026pw\"}", &status);
  anju_assert_status (status, SOUP_STATUS_OK, reply);

  anju_web_test_open (t, "#/sign-in?next=%23%2Fme");
  submit_sign_in (t, STREET_USER, "Reset#2026pw");
  anju_web_test_wait (t, "document.querySelector ('form#change-password')");
  g_assert_true (eval_bool (t, "document.getElementById ('tabbar').hidden"));
  anju_web_test_type (t, "form#change-password input[name=old_password]", "Reset#2026pw");
  anju_web_test_type (t, "form#change-password input[name=new_password]", "Mobile#2026pw");
  anju_web_test_type (t, "form#change-password input[name=confirm_password]", "Mobile#2026pw");
  click_to (t, "form#change-password button[type=submit]", "/me");

  token = anju_test_login (t->server, STREET_USER, "Mobile#2026pw");
  g_assert_nonnull (token);

  anju_web_test_stop (t);
}

/* ---- messages -------------------------------------------------------- */

static void
send_to_street_user (AnjuWebTest *t,
                     const char  *admin,
                     const char  *user_id,
                     const char  *title)
{
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  /* The body carries markup: it must show as text. */
  reply = anju_test_requestf (t->server, admin, "POST", "/api/v1/messages", &status,
                              "{\"title\":\"%s\",\"body\":\"第一段<b id='injected'>x</b>\\n第二段\","
                              "\"user_ids\":[%s]}", title, user_id);
  anju_assert_status (status, SOUP_STATUS_CREATED, reply);
}

/* The list with its unread count and filter; opening a message marks it
 * read (the count drops, here and on the server); read-all reads all. */
static void
test_messages (void)
{
  AnjuWebTest *t = anju_web_test_start (NULL);
  g_autofree char *admin = NULL;
  g_autofree char *token = NULL;
  g_autofree char *user_id = NULL;
  g_autofree char *body = NULL;
  g_autofree char *expected = NULL;
  gint64 unread;

  if (t == NULL)
    return;
  admin = anju_test_login (t->server, "admin", ANJU_TEST_DEMO_PASSWORD);
  token = anju_test_login (t->server, STREET_USER, ANJU_TEST_DEMO_PASSWORD);
  user_id = anju_test_db_query (t->server, "SELECT id FROM users WHERE username = '" STREET_USER "'");
  send_to_street_user (t, admin, user_id, "移动端测试消息一");
  send_to_street_user (t, admin, user_id, "移动端测试消息二");
  unread = api_unread (t, token);
  g_assert_cmpint (unread, >=, 2);

  anju_web_test_sign_in (t, STREET_USER);
  anju_web_test_open (t, "#/messages");
  anju_web_test_wait_ready (t, "/messages");
  g_assert_cmpint (eval_int (t, "Number (document.getElementById ('unread-count').dataset.count)"), ==, unread);
  expected = g_strdup_printf ("document.querySelector ('#tabbar [data-tab=messages] .badge').textContent"
                              " === '%" G_GINT64_FORMAT "'", unread);
  anju_web_test_wait (t, expected);
  g_assert_true (eval_bool (t, "document.querySelector ('#tabbar [data-tab=messages]')"
                               ".getAttribute ('aria-current') === 'page'"));

  /* The unread filter shows unread messages only. */
  anju_web_test_open (t, "#/messages?unread=true");
  g_assert_cmpint (eval_int (t, "document.querySelectorAll ('#messages-list .list-item').length"), ==, unread);
  g_assert_cmpint (eval_int (t, "document.querySelectorAll ('#messages-list [data-unread=\"0\"]').length"), ==, 0);

  /* Opening one reads it. */
  click_to (t, "#messages-list .list-item[data-unread='1'] a", "/messages/:id");
  body = anju_web_test_eval_string (t, "document.querySelector ('#message .article-body').textContent");
  g_assert_nonnull (strstr (body, "<b id='injected'>x</b>"));
  g_assert_true (eval_bool (t, "document.getElementById ('injected') === null"));
  g_assert_cmpint (api_unread (t, token), ==, unread - 1);
  g_assert_false (eval_bool (t, "document.getElementById ('back').hidden"));
  click_to (t, "#back", "/messages");
  g_assert_cmpint (eval_int (t, "Number (document.getElementById ('unread-count').dataset.count)"), ==,
                   unread - 1);
  g_free (expected);
  expected = g_strdup_printf ("document.querySelector ('#tabbar [data-tab=messages] .badge').textContent"
                              " === '%" G_GINT64_FORMAT "'", unread - 1);
  anju_web_test_wait (t, expected);

  /* Read all. */
  anju_web_test_unready (t);
  anju_web_test_click (t, "button[data-action='read-all']");
  anju_web_test_wait (t, "document.body.dataset.ready === '1' && document.getElementById ('unread-count')"
                         " && document.getElementById ('unread-count').dataset.count === '0'");
  g_assert_cmpint (api_unread (t, token), ==, 0);
  anju_web_test_wait (t, "document.querySelector ('#tabbar [data-tab=messages] .badge').hidden");

  anju_web_test_stop (t);
}

/* ---- articles -------------------------------------------------------- */

/* Every kind lists its published articles and opens one, its body as
 * paragraphs of text; a guide shows its materials and steps. */
static void
test_articles (void)
{
  AnjuWebTest *t = anju_web_test_start (NULL);
  const char *kinds[] = { "news", "notice", "guide" };

  if (t == NULL)
    return;
  anju_web_test_sign_in (t, STREET_USER);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *hash = g_strdup_printf ("#/articles?kind=%s", kinds[i]);
      g_autofree char *kind = NULL;
      g_autofree char *title = NULL;

      anju_web_test_open (t, hash);
      anju_web_test_wait_ready (t, "/articles");
      g_assert_cmpint (eval_int (t, "document.querySelectorAll ('#articles-list .list-item').length"), >, 0);
      assert_chinese (t, "#view .tabs");
      click_to (t, "#articles-list .list-item a", "/articles/:id");
      kind = anju_web_test_eval_string (t, "document.getElementById ('article').dataset.kind");
      g_assert_cmpstr (kind, ==, kinds[i]);
      title = anju_web_test_eval_string (t, "document.querySelector ('#article h2').textContent");
      g_assert_cmpstr (title, !=, "");
      g_assert_cmpint (eval_int (t, "document.querySelectorAll ('#article-body > p').length"), >, 0);
      g_assert_cmpint (eval_int (t, "document.querySelectorAll ('#article-body *:not(p)').length"), ==, 0);
      if (g_str_equal (kinds[i], "guide"))
        {
          g_assert_cmpint (eval_int (t, "document.querySelectorAll ('#guide-steps li').length"), >, 0);
          g_assert_cmpint (eval_int (t, "document.querySelectorAll ('#guide-materials li').length"), >, 0);
        }
    }

  anju_web_test_stop (t);
}

/* ---- feedback -------------------------------------------------------- */

/* The server's field errors show under the inputs; without a network
 * the page says so and keeps what was typed; after a reload that lost
 * the tab's storage the CSRF token is fetched again; a feedback sent
 * shows in my list, open. */
static void
test_feedback (void)
{
  AnjuWebTest *t = anju_web_test_start (NULL);
  g_autofree char *token = NULL;
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autofree char *first = NULL;

  if (t == NULL)
    return;
  token = anju_test_login (t->server, STREET_USER, ANJU_TEST_DEMO_PASSWORD);
  before = api_get (t, token, "/api/v1/feedback?mine=true");

  anju_web_test_sign_in (t, STREET_USER);
  anju_web_test_open (t, "#/feedback");
  anju_web_test_wait_ready (t, "/feedback");
  anju_web_test_unready (t);
  run_js (t, "sessionStorage.clear (); location.reload ()");
  anju_web_test_wait_ready (t, "/feedback");
  click_to (t, "a[data-action='new-feedback']", "/feedback/new");

  anju_web_test_click (t, "form#feedback-new button[type=submit]");
  anju_web_test_wait (t, "document.querySelector ('form#feedback-new [name=title]')"
                         ".getAttribute ('aria-invalid') === 'true'");
  g_assert_true (eval_bool (t, "document.querySelector ('form#feedback-new [name=content]')"
                               ".getAttribute ('aria-invalid') === 'true'"));
  g_assert_cmpint (eval_int (t, "document.querySelectorAll ('form#feedback-new .field-error').length"), ==, 2);

  run_js (t, "document.querySelector ('form#feedback-new [name=type]').value = 'service'");
  anju_web_test_type (t, "form#feedback-new [name=title]", "手机端希望支持夜间模式");
  anju_web_test_type (t, "form#feedback-new [name=content]", "晚上入户核查时屏幕太亮。");

  set_offline (t, TRUE);
  anju_web_test_click (t, "form#feedback-new button[type=submit]");
  anju_web_test_wait (t, "!document.getElementById ('feedback-error').hidden"
                         " && document.querySelector ('#feedback-error .error-message').textContent.length > 0");
  g_assert_true (eval_bool (t, "document.querySelector ('form#feedback-new [name=title]').value"
                               " === '手机端希望支持夜间模式'"));
  g_assert_true (eval_bool (t, "document.querySelector ('form#feedback-new [name=content]').value"
                               " === '晚上入户核查时屏幕太亮。'"));
  set_offline (t, FALSE);
  click_to (t, "form#feedback-new button[type=submit]", "/feedback");

  first = anju_web_test_eval_string (t, "document.querySelector ('#feedback-list .list-item .item-title').textContent");
  g_assert_cmpstr (first, ==, "手机端希望支持夜间模式");
  g_assert_true (eval_bool (t, "document.querySelector ('#feedback-list .list-item').dataset.status === 'open'"));
  after = api_get (t, token, "/api/v1/feedback?mine=true");
  g_assert_cmpint (anju_test_json_int (after, "total"), ==, anju_test_json_int (before, "total") + 1);
  g_assert_cmpstr (anju_test_json_string (after, "items.0.type"), ==, "service");
  /* The draft is gone once the server has it. */
  anju_web_test_open (t, "#/feedback/new");
  g_assert_true (eval_bool (t, "document.querySelector ('form#feedback-new [name=title]').value === ''"));

  anju_web_test_stop (t);
}

/* ---- my account ------------------------------------------------------ */

/* The account shows who I am with the phone masked; a bad password change
 * shows the errors under its inputs and changes nothing. */
static void
test_account_password (void)
{
  AnjuWebTest *t = anju_web_test_start (NULL);
  g_autofree char *username = NULL;
  g_autofree char *org = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *token = NULL;

  if (t == NULL)
    return;
  anju_web_test_sign_in (t, STREET_USER);
  click_to (t, "#tabbar [data-tab=me]", "/me");
  username = anju_web_test_eval_string (t, "document.getElementById ('account-username').textContent");
  org = anju_web_test_eval_string (t, "document.getElementById ('account-org').textContent");
  phone = anju_web_test_eval_string (t, "document.getElementById ('account-phone').textContent");
  g_assert_cmpstr (username, ==, STREET_USER);
  g_assert_cmpstr (org, ==, "银盆岭街道");
  g_assert_true (g_regex_match_simple ("^1[0-9]{2}\\*{4}[0-9]{4}$", phone, 0, 0));

  /* The confirmation differs: refused here, nothing sent. */
  anju_web_test_type (t, "form#change-password [name=old_password]", ANJU_TEST_DEMO_PASSWORD);
  anju_web_test_type (t, "form#change-password [name=new_password]", "Mobile#2026pw");
  anju_web_test_type (t, "form#change-password [name=confirm_password]", "Mobile#2026px");
  anju_web_test_click (t, "form#change-password button[type=submit]");
  anju_web_test_wait (t, "document.querySelector ('form#change-password [name=confirm_password]')"
                         ".getAttribute ('aria-invalid') === 'true'");

  /* The policy: the server's 422 on new_password. */
  retype (t, "form#change-password [name=new_password]", "short");
  retype (t, "form#change-password [name=confirm_password]", "short");
  anju_web_test_click (t, "form#change-password button[type=submit]");
  anju_web_test_wait (t, "document.querySelector ('form#change-password [name=new_password]')"
                         ".getAttribute ('aria-invalid') === 'true'"
                         " && document.querySelector ('form#change-password [name=confirm_password]')"
                         ".getAttribute ('aria-invalid') === null");

  /* A wrong old password: the server's 422 on old_password. */
  retype (t, "form#change-password [name=old_password]", "Wrong#2026x");
  retype (t, "form#change-password [name=new_password]", "Mobile#2026pw");
  retype (t, "form#change-password [name=confirm_password]", "Mobile#2026pw");
  anju_web_test_click (t, "form#change-password button[type=submit]");
  anju_web_test_wait (t, "document.querySelector ('form#change-password [name=old_password]')"
                         ".getAttribute ('aria-invalid') === 'true'");
  g_assert_true (eval_bool (t, "document.querySelector ('form#change-password [name=new_password]')"
                               ".value === 'Mobile#2026pw'"));

  /* Nothing changed. */
  token = anju_test_login (t->server, STREET_USER, ANJU_TEST_DEMO_PASSWORD);
  g_assert_nonnull (token);

  anju_web_test_stop (t);
}

/* Signing out ends the session: back on the sign-in page, the API says
 * 401 and a private page sends to the sign-in again. */
static void
test_sign_out (void)
{
  AnjuWebTest *t = anju_web_test_start (NULL);
  g_autofree char *hash = NULL;

  if (t == NULL)
    return;
  anju_web_test_sign_in (t, STREET_USER);
  g_assert_cmpint (eval_int (t, "fetch ('/api/v1/auth/me').then (r => r.status)"), ==, 200);
  anju_web_test_open (t, "#/me");
  click_to (t, "button[data-action='sign-out']", "/sign-in");
  g_assert_true (eval_bool (t, "document.getElementById ('tabbar').hidden"));
  g_assert_cmpint (eval_int (t, "fetch ('/api/v1/auth/me').then (r => r.status)"), ==, 401);
  g_assert_cmpint (eval_int (t, "fetch ('/api/v1/todo/counts').then (r => r.status)"), ==, 401);

  anju_web_test_open (t, "#/messages");
  anju_web_test_wait_ready (t, "/sign-in");
  hash = anju_web_test_eval_string (t, "location.hash");
  g_assert_cmpstr (hash, ==, "#/sign-in?next=%23%2Fmessages");

  anju_web_test_stop (t);
}

int
main (int   argc,
      char *argv[])
{
  anju_test_init (&argc, &argv);

  g_test_add_func ("/web/shell/sign-in-home/F-PORTAL-024", test_sign_in_home);
  g_test_add_func ("/web/shell/sign-in/wrong-password", test_wrong_password);
  g_test_add_func ("/web/shell/sign-in/lockout", test_lockout);
  g_test_add_func ("/web/shell/sign-in/must-change-password/F-PORTAL-030", test_must_change_password);
  g_test_add_func ("/web/shell/messages/F-PORTAL-025", test_messages);
  g_test_add_func ("/web/shell/articles/F-PORTAL-026-027-028", test_articles);
  g_test_add_func ("/web/shell/feedback/F-PORTAL-034", test_feedback);
  g_test_add_func ("/web/shell/account/F-PORTAL-030", test_account_password);
  g_test_add_func ("/web/shell/sign-out", test_sign_out);

  return g_test_run ();
}
