/* anju-web.c: serving the bundled mobile web files.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "anju-error.h"
#include "anju-request-private.h"
#include "anju-web-resources.h"
#include "anju-web.h"

#define RESOURCE_ROOT "/org/anju/server/web/"
#define INDEX_FILE "index.html"

typedef struct
{
  const char *extension;
  const char *content_type;
} ContentType;

/* Only what the pages are made of; anything else is served as bytes. */
static const ContentType content_types[] = {
  { ".html", "text/html; charset=utf-8" },
  { ".js", "text/javascript; charset=utf-8" },
  { ".mjs", "text/javascript; charset=utf-8" },
  { ".css", "text/css; charset=utf-8" },
  { ".json", "application/json; charset=utf-8" },
  { ".webmanifest", "application/manifest+json" },
  { ".svg", "image/svg+xml" },
  { ".png", "image/png" },
  { ".jpg", "image/jpeg" },
  { ".jpeg", "image/jpeg" },
  { ".webp", "image/webp" },
  { ".ico", "image/x-icon" },
  { ".woff2", "font/woff2" },
  { ".txt", "text/plain; charset=utf-8" },
};

void
anju_web_set_security_headers (SoupMessageHeaders *headers)
{
  soup_message_headers_replace (headers, "Content-Security-Policy", ANJU_WEB_CSP_API);
  soup_message_headers_replace (headers, "Referrer-Policy", "no-referrer");
  soup_message_headers_replace (headers, "X-Frame-Options", "DENY");
  soup_message_headers_replace (headers, "X-Content-Type-Options", "nosniff");
}

gboolean
anju_web_handles_path (const char *path)
{
  return g_str_equal (path, ANJU_WEB_PREFIX) || g_str_has_prefix (path, ANJU_WEB_PREFIX "/");
}

static const char *
content_type_for (const char *path)
{
  for (guint i = 0; i < G_N_ELEMENTS (content_types); i++)
    if (g_str_has_suffix (path, content_types[i].extension))
      return content_types[i].content_type;
  return "application/octet-stream";
}

/* The resource tree only holds what was bundled, so a lookup cannot leave
 * it; these refusals keep odd paths from even being tried, and keep the
 * answer 404 whatever a later storage would do with them. */
static gboolean
is_safe_path (const char *path)
{
  g_auto(GStrv) segments = NULL;

  if (*path == '\0' || strpbrk (path, "%\\") != NULL)
    return FALSE;
  segments = g_strsplit (path, "/", -1);
  for (guint i = 0; segments[i] != NULL; i++)
    if (segments[i][0] == '\0' || segments[i][0] == '.')
      return FALSE;
  return TRUE;
}

GBytes *
anju_web_lookup (const char *path)
{
  g_autofree char *resource_path = NULL;

  if (!is_safe_path (path))
    return NULL;
  resource_path = g_strconcat (RESOURCE_ROOT, path, NULL);
  return g_resource_lookup_data (anju_web_resources_get_resource (), resource_path,
                                 G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
}

static char *
etag_for (GBytes *bytes)
{
  g_autofree char *digest = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

  return g_strdup_printf ("\"%.32s\"", digest);
}

/* If-None-Match holds one or more entity tags separated by commas. */
static gboolean
etag_matches (const char *if_none_match,
              const char *etag)
{
  g_auto(GStrv) tags = NULL;

  if (if_none_match == NULL)
    return FALSE;
  tags = g_strsplit (if_none_match, ",", -1);
  for (guint i = 0; tags[i] != NULL; i++)
    {
      const char *tag = g_strstrip (tags[i]);

      if (g_str_has_prefix (tag, "W/"))
        tag += 2;
      if (g_str_equal (tag, etag) || g_str_equal (tag, "*"))
        return TRUE;
    }
  return FALSE;
}

static void
serve_file (SoupServerMessage *msg,
            const char        *path,
            GBytes            *bytes)
{
  SoupMessageHeaders *request_headers = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  g_autofree char *etag = etag_for (bytes);
  gsize length;
  gconstpointer data;

  soup_message_headers_replace (headers, "ETag", etag);
  if (etag_matches (soup_message_headers_get_one (request_headers, "If-None-Match"), etag))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
      return;
    }

  data = g_bytes_get_data (bytes, &length);
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, content_type_for (path), SOUP_MEMORY_COPY, data, length);
}

void
anju_web_serve (SoupServerMessage *msg,
                const char        *path)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  const char *method = soup_server_message_get_method (msg);
  const char *relative;
  g_autoptr(GBytes) bytes = NULL;

  soup_message_headers_replace (headers, "Content-Security-Policy", ANJU_WEB_CSP_PAGES);
  /* Revalidated each time (cheap with the ETag), so a new server version
   * is seen at once; the files hold nothing personal. */
  soup_message_headers_replace (headers, "Cache-Control", "no-cache");

  if (!g_str_equal (method, "GET") && !g_str_equal (method, "HEAD"))
    {
      soup_message_headers_replace (headers, "Allow", "GET, HEAD");
      _anju_reply_message_error (msg, ANJU_ERROR_METHOD_NOT_ALLOWED,
                                 _("This method is not allowed here"));
      return;
    }
  if (g_str_equal (path, ANJU_WEB_PREFIX))
    {
      soup_server_message_set_redirect (msg, SOUP_STATUS_MOVED_PERMANENTLY, ANJU_WEB_PREFIX "/");
      return;
    }

  relative = path + strlen (ANJU_WEB_PREFIX "/");
  if (*relative == '\0')
    relative = INDEX_FILE;
  bytes = anju_web_lookup (relative);
  if (bytes == NULL)
    {
      _anju_reply_message_error (msg, ANJU_ERROR_NOT_FOUND, _("There is no such page"));
      return;
    }
  serve_file (msg, relative, bytes);
}
