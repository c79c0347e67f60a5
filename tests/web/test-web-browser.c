/* test-web-browser.c: the browser tests' own harness (anju-browser.h)
 * on pages of its own, so that a failure of a page's test is the page's.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "anju-web-test.h"

/* A page with an input, a button that answers a tap, and a console error;
 * data: URLs carry no CSP, so the inline script is fine here. */
#define SCRATCH_PAGE \
  "data:text/html;charset=utf-8," \
  "<meta name=viewport content='width=device-width'>" \
  "<input id=name aria-label=name>" \
  "<div style='height:2000px'></div>" \
  "<button id=go>go</button>" \
  "<script>" \
  "document.getElementById ('go').addEventListener ('click', () => document.body.dataset.tapped = '1');" \
  "console.error ('scratch page error');" \
  "</script>"

static JsonNode *
eval_ok (AnjuWebTest *t,
         const char  *expression)
{
  return anju_web_test_eval (t, expression);
}

/* The certificate pin lets the browser in; nothing else is ignored. */
static void
test_pinned_certificate (void)
{
  AnjuWebTest *t = anju_web_test_start (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *text = NULL;

  if (t == NULL)
    return;
  url = g_strconcat (t->server->base_uri, "/api/v1/health", NULL);
  g_assert_true (anju_browser_navigate (t->browser, url, &error));
  g_assert_no_error (error);
  text = anju_web_test_eval_string (t, "document.body.textContent");
  g_assert_nonnull (strstr (text, "schema_version"));

  anju_web_test_stop (t);
}

static void
test_type_tap_and_console (void)
{
  AnjuWebTest *t = anju_web_test_start (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(JsonNode) width = NULL;
  g_autofree char *value = NULL;

  if (t == NULL)
    return;
  g_assert_true (anju_browser_navigate (t->browser, SCRATCH_PAGE, &error));
  g_assert_no_error (error);

  /* The phone's viewport. */
  width = eval_ok (t, "innerWidth");
  g_assert_cmpint (json_node_get_int (width), ==, 360);

  anju_web_test_type (t, "#name", "李娜 ");
  anju_web_test_type (t, "#name", "x");
  value = anju_web_test_eval_string (t, "document.getElementById ('name').value");
  g_assert_cmpstr (value, ==, "李娜 x");

  /* Below the fold: click scrolls it into view first. */
  anju_web_test_click (t, "#go");
  anju_web_test_wait (t, "document.body.dataset.tapped === '1'");

  errors = anju_browser_take_console_errors (t->browser);
  g_assert_cmpuint (errors->len, ==, 1);
  g_assert_nonnull (strstr (errors->pdata[0], "scratch page error"));

  anju_web_test_stop (t);
}

static void
test_errors_name_the_method (void)
{
  AnjuWebTest *t = anju_web_test_start (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) value = NULL;
  g_autoptr(GPtrArray) errors = NULL;

  if (t == NULL)
    return;

  value = anju_browser_eval (t->browser, "(async () => { throw new Error ('nope'); }) ()", &error);
  g_assert_null (value);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "Runtime.evaluate"));
  g_assert_nonnull (strstr (error->message, "nope"));
  g_clear_error (&error);

  g_assert_false (anju_browser_click (t->browser, "#missing", &error));
  g_assert_nonnull (strstr (error->message, "#missing"));
  g_clear_error (&error);

  g_assert_false (anju_browser_wait_for (t->browser, "false", 200, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
  g_clear_error (&error);

  /* A call the browser does not answer in time. */
  anju_browser_set_timeout (t->browser, 300);
  value = anju_browser_eval (t->browser, "new Promise (() => {})", &error);
  g_assert_null (value);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
  g_assert_nonnull (strstr (error->message, "Runtime.evaluate"));
  g_clear_error (&error);
  anju_browser_set_timeout (t->browser, ANJU_WEB_TEST_TIMEOUT_MS);

  /* The browser still works after a call it gave up on. */
  value = anju_browser_eval (t->browser, "6 * 7", &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_node_get_int (value), ==, 42);

  errors = anju_browser_take_console_errors (t->browser);
  g_assert_cmpuint (errors->len, ==, 0);
  anju_web_test_stop (t);
}

/* A dialog would block the page: it is dismissed and counted as an error. */
static void
test_dialog_dismissed (void)
{
  AnjuWebTest *t = anju_web_test_start (NULL);
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(JsonNode) answer = NULL;

  if (t == NULL)
    return;
  answer = anju_web_test_eval (t, "alert ('hello'), confirm ('sure?')");
  g_assert_true (JSON_NODE_HOLDS_VALUE (answer));
  g_assert_false (json_node_get_boolean (answer));

  errors = anju_browser_take_console_errors (t->browser);
  g_assert_cmpuint (errors->len, ==, 2);
  g_assert_nonnull (strstr (errors->pdata[0], "dialog: hello"));
  g_assert_nonnull (strstr (errors->pdata[1], "dialog: sure?"));

  anju_web_test_stop (t);
}

/* A PNG of the viewport in device pixels: 360 CSS px at scale 2. */
static void
test_screenshot (void)
{
  AnjuWebTest *t = anju_web_test_start (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = NULL;
  const guint8 *data;
  gsize size;

  if (t == NULL)
    return;
  png = anju_browser_screenshot (t->browser, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (png, &size);
  g_assert_cmpuint (size, >, 24);
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
  /* IHDR: width and height, big-endian, at 16 and 20. */
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (data + 16)), ==, 720);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (data + 20)), ==, 1560);

  anju_web_test_stop (t);
}

int
main (int    argc,
      char **argv)
{
  anju_test_init (&argc, &argv);

  g_test_add_func ("/web/browser/pinned-certificate", test_pinned_certificate);
  g_test_add_func ("/web/browser/type-tap-console", test_type_tap_and_console);
  g_test_add_func ("/web/browser/errors-name-the-method", test_errors_name_the_method);
  g_test_add_func ("/web/browser/dialog-dismissed", test_dialog_dismissed);
  g_test_add_func ("/web/browser/screenshot", test_screenshot);

  return g_test_run ();
}
