/* test-web-static.c: the mobile web's files under /m/ and the security
 * headers of every response (docs/api.md "Mobile web (issue 6)").
 *
 * SEC-075 (web attacks: CSP, framing, path traversal), F-PORTAL-024…034
 * (the mobile portal is these files).
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "anju-web-http.h"
#include "anju-web.h"

static AnjuWebReply *
get (AnjuTestServer     *srv,
     const char         *path,
     const char * const *headers)
{
  return anju_web_http (srv, "GET", path, headers, NULL, NULL);
}

static void
assert_common_headers (AnjuWebReply *reply)
{
  g_assert_cmpstr (anju_web_reply_header (reply, "Referrer-Policy"), ==, "no-referrer");
  g_assert_cmpstr (anju_web_reply_header (reply, "X-Frame-Options"), ==, "DENY");
  g_assert_cmpstr (anju_web_reply_header (reply, "X-Content-Type-Options"), ==, "nosniff");
}

static void
assert_api_headers (AnjuWebReply *reply)
{
  assert_common_headers (reply);
  g_assert_cmpstr (anju_web_reply_header (reply, "Content-Security-Policy"), ==,
                   "default-src 'none'; frame-ancestors 'none'");
}

static void
assert_page_headers (AnjuWebReply *reply)
{
  assert_common_headers (reply);
  g_assert_cmpstr (anju_web_reply_header (reply, "Content-Security-Policy"), ==,
                   "default-src 'none'; script-src 'self'; style-src 'self'; "
                   "img-src 'self' blob: data:; media-src 'self' blob: mediastream:; "
                   "connect-src 'self'; font-src 'self'; base-uri 'none'; "
                   "form-action 'self'; frame-ancestors 'none'");
}

static void
assert_body_is (AnjuWebReply *reply,
                const char   *file)
{
  g_autoptr(GBytes) expected = anju_web_lookup (file);

  g_assert_nonnull (expected);
  g_assert_true (g_bytes_equal (reply->body, expected));
}

/* /m → /m/, and /m/ is the one HTML page. */
static void
test_index (void)
{
  AnjuTestServer *srv = anju_test_server_start (FALSE);
  g_autoptr(AnjuWebReply) bare = get (srv, "/m", NULL);
  g_autoptr(AnjuWebReply) index = get (srv, "/m/", NULL);
  const char *location = anju_web_reply_header (bare, "Location");

  g_assert_cmpuint (bare->status, ==, SOUP_STATUS_MOVED_PERMANENTLY);
  g_assert_nonnull (location);
  g_assert_true (g_str_has_suffix (location, "/m/"));
  g_assert_false (g_str_has_suffix (location, "//m/"));
  assert_page_headers (bare);

  g_assert_cmpuint (index->status, ==, SOUP_STATUS_OK);
  g_assert_cmpstr (anju_web_reply_header (index, "Content-Type"), ==, "text/html; charset=utf-8");
  g_assert_cmpstr (anju_web_reply_header (index, "Cache-Control"), ==, "no-cache");
  assert_body_is (index, "index.html");
  assert_page_headers (index);

  {
    g_autoptr(AnjuWebReply) head = anju_web_http (srv, "HEAD", "/m/index.html", NULL, NULL, NULL);

    g_assert_cmpuint (head->status, ==, SOUP_STATUS_OK);
    g_assert_cmpuint (g_bytes_get_size (head->body), ==, 0);
    g_assert_cmpstr (anju_web_reply_header (head, "ETag"), ==,
                     anju_web_reply_header (index, "ETag"));
    assert_page_headers (head);
  }

  anju_test_server_stop (srv);
}

static const char *
expected_type (const char *path)
{
  if (g_str_has_suffix (path, ".html"))
    return "text/html; charset=utf-8";
  if (g_str_has_suffix (path, ".js"))
    return "text/javascript; charset=utf-8";
  if (g_str_has_suffix (path, ".css"))
    return "text/css; charset=utf-8";
  if (g_str_has_suffix (path, ".json"))
    return "application/json; charset=utf-8";
  if (g_str_has_suffix (path, ".svg"))
    return "image/svg+xml";
  if (g_str_has_suffix (path, ".png"))
    return "image/png";
  return NULL;
}

/* Every bundled file below dir (a resource path ending in '/'), with its
 * path relative to /m/. */
static void
collect_bundled (const char *dir,
                 const char *relative,
                 GPtrArray  *files)
{
  g_auto(GStrv) children = g_resources_enumerate_children (dir, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  for (guint i = 0; children != NULL && children[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (dir, children[i], NULL);
      g_autofree char *rel = g_strconcat (relative, children[i], NULL);

      if (g_str_has_suffix (children[i], "/"))
        collect_bundled (path, rel, files);
      else
        g_ptr_array_add (files, g_steal_pointer (&rel));
    }
}

/* Each bundled file comes back whole, with its type, an ETag and
 * Cache-Control: no-cache; a known ETag gets 304 and no body. */
static void
test_files (void)
{
  AnjuTestServer *srv = anju_test_server_start (FALSE);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  collect_bundled ("/org/anju/server/web/", "", files);
  g_assert_cmpuint (files->len, >=, 2);
  for (guint i = 0; i < files->len; i++)
    {
      const char *file = g_ptr_array_index (files, i);
      g_autofree char *path = g_strconcat ("/m/", file, NULL);
      g_autoptr(AnjuWebReply) reply = get (srv, path, NULL);
      g_autoptr(AnjuWebReply) again = NULL;
      g_autoptr(AnjuWebReply) changed = NULL;
      const char *etag = anju_web_reply_header (reply, "ETag");

      g_test_message ("%s", path);
      g_assert_cmpuint (reply->status, ==, SOUP_STATUS_OK);
      assert_body_is (reply, file);
      if (expected_type (file) != NULL)
        g_assert_cmpstr (anju_web_reply_header (reply, "Content-Type"), ==, expected_type (file));
      g_assert_cmpstr (anju_web_reply_header (reply, "Cache-Control"), ==, "no-cache");
      assert_page_headers (reply);
      g_assert_nonnull (etag);
      g_assert_true (g_str_has_prefix (etag, "\"") && g_str_has_suffix (etag, "\""));

      {
        const char *headers[] = { "If-None-Match", etag, NULL };
        const char *other[] = { "If-None-Match", "\"0123\"", NULL };

        again = get (srv, path, headers);
        changed = get (srv, path, other);
      }
      g_assert_cmpuint (again->status, ==, SOUP_STATUS_NOT_MODIFIED);
      g_assert_cmpuint (g_bytes_get_size (again->body), ==, 0);
      g_assert_cmpstr (anju_web_reply_header (again, "ETag"), ==, etag);
      assert_page_headers (again);
      g_assert_cmpuint (changed->status, ==, SOUP_STATUS_OK);
      assert_body_is (changed, file);
    }

  anju_test_server_stop (srv);
}

/* Unknown files, folders and every way out of /m/ are 404 (or the HTTP
 * layer's 400), never a file; writes 405.
 * The targets go byte for byte: a client would resolve the dot
 * segments itself.  (The server's HTTP layer resolves "/m/js/../x" to
 * "/m/x" like any URI, which stays inside /m/.) */
static void
test_not_found (void)
{
  AnjuTestServer *srv = anju_test_server_start (FALSE);
  const char *const targets[] = {
    "/m/nothing.js", "/m/js", "/m/js/", "/m/js/pages", "/m//index.html",
    "/m/../api/v1/../../etc/passwd", "/m/%2e%2e/%2e%2e/etc/passwd",
    "/m/..%2findex.html", "/m/%2findex.html",
    "/m/js%5c..%5cindex.html", "/m/js\\..\\index.html", "/m/.hidden", "/m/index.html%00.js",
    "/m/../../../../etc/passwd", "/mm/index.html",
  };

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      guint status = 0;
      g_autofree char *response = anju_web_http_verbatim (srv, targets[i], &status);

      g_test_message ("%s → %u", targets[i], status);
      g_assert_null (strstr (response, "<!DOCTYPE"));
      g_assert_nonnull (strstr (response, "Content-Security-Policy: "));
      /* libsoup itself refuses an escaped "/" in a path. */
      if (status == SOUP_STATUS_BAD_REQUEST)
        continue;
      g_assert_cmpuint (status, ==, SOUP_STATUS_NOT_FOUND);
      g_assert_nonnull (strstr (response, "\"not_found\""));
    }

  {
    g_autoptr(GBytes) body = g_bytes_new_static ("x", 1);
    g_autoptr(AnjuWebReply) post = anju_web_http (srv, "POST", "/m/index.html", NULL,
                                                   "text/plain", body);
    g_autoptr(JsonNode) json = anju_web_reply_json (post);

    anju_assert_error (post->status, json, SOUP_STATUS_METHOD_NOT_ALLOWED, "method_not_allowed");
    assert_page_headers (post);
  }

  anju_test_server_stop (srv);
}

/* Every response carries a CSP: the API, its errors (also the ones the
 * HTTP layer writes before any route runs) and /verify. */
static void
test_security_headers (void)
{
  AnjuTestServer *srv = anju_test_server_start (TRUE);
  g_autoptr(AnjuWebReply) health = get (srv, "/api/v1/health", NULL);
  g_autoptr(AnjuWebReply) missing = get (srv, "/api/v1/no-such-thing", NULL);
  g_autoptr(AnjuWebReply) unauthorized = get (srv, "/api/v1/auth/me", NULL);
  g_autoptr(AnjuWebReply) verify = get (srv, "/verify/XJ-0000?code=0000000000000000", NULL);
  g_autoptr(AnjuWebReply) too_large = NULL;
  g_autoptr(AnjuWebReply) wrong_method = anju_web_http (srv, "DELETE", "/api/v1/health", NULL,
                                                         NULL, NULL);
  g_autoptr(GBytes) huge = NULL;
  gsize huge_size = srv->config->max_json_body + 1;
  char *huge_data = g_malloc (huge_size);

  memset (huge_data, ' ', huge_size);
  huge = g_bytes_new_take (huge_data, huge_size);
  too_large = anju_web_http (srv, "POST", "/api/v1/auth/login", NULL, "application/json", huge);

  g_assert_cmpuint (health->status, ==, SOUP_STATUS_OK);
  g_assert_cmpstr (anju_web_reply_header (health, "Cache-Control"), ==, "no-store");
  g_assert_cmpuint (missing->status, ==, SOUP_STATUS_NOT_FOUND);
  g_assert_cmpuint (unauthorized->status, ==, SOUP_STATUS_UNAUTHORIZED);
  g_assert_cmpuint (too_large->status, ==, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE);
  g_assert_cmpuint (wrong_method->status, ==, SOUP_STATUS_METHOD_NOT_ALLOWED);
  g_assert_cmpuint (verify->status, ==, SOUP_STATUS_OK);
  g_assert_true (g_str_has_prefix (anju_web_reply_header (verify, "Content-Type"), "text/html"));

  assert_api_headers (health);
  assert_api_headers (missing);
  assert_api_headers (unauthorized);
  assert_api_headers (too_large);
  assert_api_headers (wrong_method);
  assert_api_headers (verify);

  anju_test_server_stop (srv);
}

/* The catalogue is generated from po/zh_CN.po: the header for the plural
 * forms, and the web's messages in Chinese. */
static void
test_catalogue (void)
{
  AnjuTestServer *srv = anju_test_server_start (FALSE);
  g_autoptr(AnjuWebReply) reply = get (srv, "/m/i18n/zh_CN.json", NULL);
  g_autoptr(JsonNode) json = anju_web_reply_json (reply);
  const char *header;

  g_assert_cmpuint (reply->status, ==, SOUP_STATUS_OK);
  g_assert_cmpstr (anju_web_reply_header (reply, "Content-Type"), ==,
                   "application/json; charset=utf-8");
  header = json_object_get_string_member (json_node_get_object (json), "");
  g_assert_nonnull (header);
  g_assert_nonnull (strstr (header, "nplurals=1"));
  /* The sign-in page's button. */
  g_assert_cmpstr (json_object_get_string_member_with_default (json_node_get_object (json),
                                                               "Sign in", NULL), ==, "登录");
  /* Only what the web uses: not the desktop's whole catalogue. */
  g_assert_false (json_object_has_member (json_node_get_object (json),
                                          "The server’s answer about your account could not be read."));

  anju_test_server_stop (srv);
}

/* Every file under resources/web/ is listed in anju-web.gresource.xml,
 * so a page cannot be left out of the server by accident. */
static void
test_all_listed (void)
{
  g_autofree char *root = g_test_build_filename (G_TEST_DIST, "..", "resources", "web", NULL);
  g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func (g_free);
  guint checked = 0;

  g_ptr_array_add (pending, g_strdup (""));
  while (pending->len > 0)
    {
      g_autofree char *relative = g_ptr_array_steal_index (pending, pending->len - 1);
      g_autofree char *dir_path = g_build_filename (root, relative, NULL);
      g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
      const char *name;

      g_assert_nonnull (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = *relative != '\0' ? g_strconcat (relative, "/", name, NULL)
                                                     : g_strdup (name);
          g_autofree char *full = g_build_filename (root, child, NULL);

          if (g_file_test (full, G_FILE_TEST_IS_DIR))
            {
              g_ptr_array_add (pending, g_steal_pointer (&child));
              continue;
            }
          {
            g_autoptr(GBytes) bundled = anju_web_lookup (child);

            if (bundled == NULL)
              g_error ("resources/web/%s is not listed in resources/anju-web.gresource.xml", child);
            checked++;
          }
        }
    }
  g_assert_cmpuint (checked, >, 0);
}

int
main (int    argc,
      char **argv)
{
  anju_test_init (&argc, &argv);

  g_test_add_func ("/web/static/index  F-PORTAL-024", test_index);
  g_test_add_func ("/web/static/files  F-PORTAL-024", test_files);
  g_test_add_func ("/web/static/not-found  SEC-075", test_not_found);
  g_test_add_func ("/web/static/security-headers  SEC-075", test_security_headers);
  g_test_add_func ("/web/static/catalogue  F-PORTAL-024", test_catalogue);
  g_test_add_func ("/web/static/all-listed", test_all_listed);

  return g_test_run ();
}
