/* anju-web-session.c
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <openssl/crypto.h>

#include "anju-server.h"
#include "anju-web-session.h"

/* Separates the CSRF key from every other use of the audit key. */
#define CSRF_KEY_LABEL "anju web csrf v1"

/* Cookie: name=value; name=value (RFC 6265 §5.4); the value of a session
 * token is base64url, never quoted. */
char *
anju_web_session_get_cookie (SoupServerMessage *msg)
{
  const char *header = soup_message_headers_get_list (soup_server_message_get_request_headers (msg),
                                                      "Cookie");
  g_auto(GStrv) pairs = NULL;

  if (header == NULL)
    return NULL;
  pairs = g_strsplit_set (header, ";,", -1);
  for (guint i = 0; pairs[i] != NULL; i++)
    {
      const char *pair = g_strstrip (pairs[i]);

      if (g_str_has_prefix (pair, ANJU_WEB_SESSION_COOKIE "=") &&
          pair[strlen (ANJU_WEB_SESSION_COOKIE "=")] != '\0')
        return g_strdup (pair + strlen (ANJU_WEB_SESSION_COOKIE "="));
    }
  return NULL;
}

gboolean
anju_web_session_is_cookie_request (AnjuRequest *request)
{
  g_autofree char *token = NULL;

  if (anju_request_get_header (request, "Authorization") != NULL)
    return FALSE;
  token = anju_web_session_get_cookie (anju_request_get_message (request));
  return token != NULL;
}

static char *
hmac_hex (const guint8 *key,
          gsize         key_length,
          const char   *text)
{
  g_autoptr(GHmac) hmac = g_hmac_new (G_CHECKSUM_SHA256, key, key_length);

  g_hmac_update (hmac, (const guchar *) text, -1);
  return g_strdup (g_hmac_get_string (hmac));
}

char *
anju_web_session_csrf_token (GBytes     *audit_key,
                             const char *session_token)
{
  g_autoptr(GHmac) derive = NULL;
  guint8 csrf_key[32];
  gsize csrf_key_length = sizeof csrf_key;
  gsize key_length;
  const guint8 *key = g_bytes_get_data (audit_key, &key_length);
  char *token;

  derive = g_hmac_new (G_CHECKSUM_SHA256, key, key_length);
  g_hmac_update (derive, (const guchar *) CSRF_KEY_LABEL, -1);
  g_hmac_get_digest (derive, csrf_key, &csrf_key_length);

  token = hmac_hex (csrf_key, csrf_key_length, session_token);
  OPENSSL_cleanse (csrf_key, sizeof csrf_key);
  return token;
}

static gboolean
is_read_method (const char *method)
{
  return g_str_equal (method, "GET") || g_str_equal (method, "HEAD");
}

static void
set_csrf_error (GError     **error,
                const char  *message)
{
  g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_CSRF_FAILED, message);
}

gboolean
anju_web_session_check_origin (AnjuRequest  *request,
                               GError      **error)
{
  const char *origin = anju_request_get_header (request, "Origin");
  const char *host = anju_request_get_header (request, "Host");
  gboolean https = anju_server_is_https (anju_request_get_server (request));
  g_autofree char *own = NULL;

  if (origin == NULL)
    return TRUE;
  /* A browser sends the origin as scheme://host[:port], the same host and
   * port it put in Host. */
  own = g_strdup_printf ("%s://%s", https ? "https" : "http", host != NULL ? host : "");
  if (host != NULL && g_ascii_strcasecmp (origin, own) == 0)
    return TRUE;

  set_csrf_error (error, _("This request came from another web site and was refused"));
  return FALSE;
}

gboolean
anju_web_session_check_write (AnjuRequest  *request,
                              const char   *session_token,
                              GError      **error)
{
  SoupServerMessage *msg = anju_request_get_message (request);
  const char *sent = anju_request_get_header (request, ANJU_WEB_SESSION_CSRF_HEADER);
  g_autofree char *expected = NULL;

  if (is_read_method (soup_server_message_get_method (msg)))
    return TRUE;
  if (!anju_web_session_check_origin (request, error))
    return FALSE;

  expected = anju_web_session_csrf_token (anju_server_get_audit_key (anju_request_get_server (request)),
                                          session_token);
  if (sent == NULL || strlen (sent) != strlen (expected) ||
      CRYPTO_memcmp (sent, expected, strlen (expected)) != 0)
    {
      set_csrf_error (error, _("The page's security token is missing or out of date; "
                               "reload the page and try again"));
      return FALSE;
    }
  return TRUE;
}

void
anju_web_session_set_cookie (SoupServerMessage *msg,
                             const char        *session_token)
{
  g_autofree char *value = g_strdup_printf ("%s=%s; Path=/; Secure; HttpOnly; SameSite=Strict",
                                            ANJU_WEB_SESSION_COOKIE, session_token);

  soup_message_headers_append (soup_server_message_get_response_headers (msg),
                               "Set-Cookie", value);
}

void
anju_web_session_clear_cookie (SoupServerMessage *msg)
{
  soup_message_headers_append (soup_server_message_get_response_headers (msg), "Set-Cookie",
                               ANJU_WEB_SESSION_COOKIE
                               "=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=Strict");
}
