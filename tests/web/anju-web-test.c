/* anju-web-test.c: the fixture of the mobile web's browser tests.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "anju-web-test.h"

static gboolean
running_in_ci (void)
{
  const char *ci = g_getenv ("CI");

  return ci != NULL && *ci != '\0' && g_strcmp0 (ci, "false") != 0 && g_strcmp0 (ci, "0") != 0;
}

/* Saves what the page showed when a helper failed; returns its path or
 * NULL when even that failed. */
static char *
save_failure_screenshot (AnjuWebTest *self)
{
  g_autoptr(GBytes) png = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  const char *base = g_getenv ("G_TEST_BUILDDIR");
  char *path;

  if (self->browser == NULL)
    return NULL;
  png = anju_browser_screenshot (self->browser, NULL);
  if (png == NULL)
    return NULL;

  dir = g_build_filename (base != NULL ? base : g_get_tmp_dir (), "web-failures", NULL);
  if (g_mkdir_with_parents (dir, 0755) != 0)
    return NULL;
  name = g_strdup_printf ("%s.png", g_test_get_path ());
  g_strdelimit (name, "/", '_');
  path = g_build_filename (dir, name, NULL);
  if (!g_file_set_contents (path, g_bytes_get_data (png, NULL), g_bytes_get_size (png), NULL))
    g_clear_pointer (&path, g_free);
  return path;
}

void
anju_web_test_fail (AnjuWebTest *self,
                    GError      *error)
{
  g_autofree char *screenshot = save_failure_screenshot (self);
  g_autofree char *where = NULL;
  g_autoptr(GPtrArray) console = NULL;

  if (self->browser != NULL)
    {
      where = anju_browser_eval_string (self->browser,
                                        "location.href + ' page=' + (document.body && document.body.dataset.page)"
                                        " + ' ready=' + (document.body && document.body.dataset.ready)",
                                        NULL);
      console = anju_browser_take_console_errors (self->browser);
    }
  if (where != NULL)
    g_test_message ("the page: %s", where);
  for (guint i = 0; console != NULL && i < console->len; i++)
    g_test_message ("console: %s", (const char *) console->pdata[i]);
  if (screenshot != NULL)
    g_test_message ("screenshot of the page: %s", screenshot);
  /* The assertion aborts: close the browser first, so that its profile
   * directory does not stay behind. */
  if (self->browser != NULL)
    anju_browser_close (self->browser, NULL);
  g_assert_no_error (error);
}

AnjuWebTest *
anju_web_test_start (const char *fake_camera_y4m)
{
  AnjuWebTest *self = g_new0 (AnjuWebTest, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *pin = NULL;
  AnjuBrowserOptions options = {
    .fake_camera_y4m = fake_camera_y4m,
    .width = 360,
    .height = 780,
    .scale = 2.0,
    .mobile = TRUE,
  };

  self->server = anju_test_server_start (TRUE);
  pin = anju_browser_spki_pin_from_pem (self->server->cert_pem, &error);
  g_assert_no_error (error);
  options.spki_pin = pin;

  self->browser = anju_browser_launch (&options, &error);
  if (self->browser == NULL &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) && !running_in_ci ())
    {
      g_test_skip (error->message);
      anju_test_server_stop (self->server);
      g_free (self);
      return NULL;
    }
  g_assert_no_error (error);
  return self;
}

void
anju_web_test_stop (AnjuWebTest *self)
{
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GError) error = NULL;

  if (self == NULL)
    return;

  errors = anju_browser_take_console_errors (self->browser);
  for (guint i = 0; i < errors->len; i++)
    g_test_message ("console: %s", (const char *) errors->pdata[i]);
  if (errors->len > 0)
    g_test_fail_printf ("%u console errors or CSP violations", errors->len);

  anju_browser_close (self->browser, &error);
  g_assert_no_error (error);
  g_clear_object (&self->browser);
  anju_test_server_stop (self->server);
  g_free (self);
}

char *
anju_web_test_url (AnjuWebTest *self,
                   const char  *hash)
{
  if (hash == NULL || *hash == '\0')
    return g_strconcat (self->server->base_uri, "/m/", NULL);
  return g_strconcat (self->server->base_uri, "/m/", hash[0] == '#' ? "" : "#", hash, NULL);
}

void
anju_web_test_unready (AnjuWebTest *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) ignored = NULL;

  ignored = anju_browser_eval (self->browser,
                               "document.body && delete document.body.dataset.ready", &error);
  if (ignored == NULL)
    anju_web_test_fail (self, error);
}

void
anju_web_test_wait_ready (AnjuWebTest *self,
                          const char  *page)
{
  g_autofree char *expression = NULL;

  if (page == NULL)
    expression = g_strdup ("document.body && document.body.dataset.ready === '1'");
  else
    {
      g_autoptr(JsonNode) page_node = json_node_init_string (json_node_alloc (), page);
      g_autofree char *quoted = json_to_string (page_node, FALSE);

      expression = g_strdup_printf ("document.body && document.body.dataset.ready === '1'"
                                    " && document.body.dataset.page === %s", quoted);
    }
  anju_web_test_wait (self, expression);
}

void
anju_web_test_open (AnjuWebTest *self,
                    const char  *hash)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = anju_web_test_url (self, hash);

  anju_web_test_unready (self);
  if (!anju_browser_navigate (self->browser, url, &error))
    anju_web_test_fail (self, error);
  anju_web_test_wait_ready (self, NULL);
}

void
anju_web_test_sign_in (AnjuWebTest *self,
                       const char  *username)
{
  anju_web_test_open (self, "#/sign-in");
  anju_web_test_type (self, "form#sign-in input[name=username]", username);
  anju_web_test_type (self, "form#sign-in input[name=password]", ANJU_TEST_DEMO_PASSWORD);
  anju_web_test_unready (self);
  anju_web_test_click (self, "form#sign-in button[type=submit]");
  anju_web_test_wait_ready (self, "/");
}

void
anju_web_test_wait (AnjuWebTest *self,
                    const char  *expression)
{
  g_autoptr(GError) error = NULL;

  if (!anju_browser_wait_for (self->browser, expression, ANJU_WEB_TEST_TIMEOUT_MS, &error))
    anju_web_test_fail (self, error);
}

void
anju_web_test_click (AnjuWebTest *self,
                     const char  *selector)
{
  g_autoptr(GError) error = NULL;

  if (!anju_browser_click (self->browser, selector, &error))
    anju_web_test_fail (self, error);
}

void
anju_web_test_type (AnjuWebTest *self,
                    const char  *selector,
                    const char  *text)
{
  g_autoptr(GError) error = NULL;

  if (!anju_browser_type (self->browser, selector, text, &error))
    anju_web_test_fail (self, error);
}

JsonNode *
anju_web_test_eval (AnjuWebTest *self,
                    const char  *expression)
{
  g_autoptr(GError) error = NULL;
  JsonNode *value = anju_browser_eval (self->browser, expression, &error);

  if (value == NULL)
    anju_web_test_fail (self, error);
  return value;
}

char *
anju_web_test_eval_string (AnjuWebTest *self,
                           const char  *expression)
{
  g_autoptr(GError) error = NULL;
  char *value = anju_browser_eval_string (self->browser, expression, &error);

  if (value == NULL)
    anju_web_test_fail (self, error);
  return value;
}
