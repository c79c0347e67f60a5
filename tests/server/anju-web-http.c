/* anju-web-http.c
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "anju-web-http.h"

AnjuWebReply *
anju_web_http (AnjuTestServer     *srv,
               const char         *method,
               const char         *path,
               const char * const *headers,
               const char         *content_type,
               GBytes             *body)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SoupMessage) message = NULL;
  g_autofree char *uri = g_strconcat (srv->base_uri, path, NULL);
  AnjuWebReply *reply = g_new0 (AnjuWebReply, 1);

  message = soup_message_new (method, uri);
  g_assert_nonnull (message);
  soup_message_add_flags (message, SOUP_MESSAGE_NO_REDIRECT);
  for (guint i = 0; headers != NULL && headers[i] != NULL; i += 2)
    if (headers[i + 1] != NULL)
      soup_message_headers_replace (soup_message_get_request_headers (message),
                                    headers[i], headers[i + 1]);
  if (body != NULL)
    soup_message_set_request_body_from_bytes (message, content_type, body);

  reply->body = soup_session_send_and_read (srv->session, message, NULL, &error);
  g_assert_no_error (error);
  reply->status = soup_message_get_status (message);
  reply->headers = soup_message_headers_ref (soup_message_get_response_headers (message));
  return reply;
}

void
anju_web_reply_free (AnjuWebReply *reply)
{
  g_clear_pointer (&reply->headers, soup_message_headers_unref);
  g_clear_pointer (&reply->body, g_bytes_unref);
  g_free (reply);
}

JsonNode *
anju_web_reply_json (AnjuWebReply *reply)
{
  return anju_test_parse_json (reply->body);
}

const char *
anju_web_reply_header (AnjuWebReply *reply,
                       const char   *name)
{
  return soup_message_headers_get_one (reply->headers, name);
}

/* The test server's certificate is self-signed and fresh: take it. */
static gboolean
accept_certificate_cb (GTlsConnection       *connection,
                       GTlsCertificate      *certificate,
                       GTlsCertificateFlags  errors,
                       gpointer              data)
{
  return TRUE;
}

static void
tls_event_cb (GSocketClient      *client,
              GSocketClientEvent  event,
              GSocketConnectable *connectable,
              GIOStream          *connection,
              gpointer            data)
{
  if (event == G_SOCKET_CLIENT_TLS_HANDSHAKING)
    g_signal_connect (connection, "accept-certificate", G_CALLBACK (accept_certificate_cb), NULL);
}

char *
anju_web_http_verbatim (AnjuTestServer *srv,
                        const char     *target,
                        guint          *out_status)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GUri) base = g_uri_parse (srv->base_uri, G_URI_FLAGS_NONE, NULL);
  g_autofree char *request = NULL;
  g_autoptr(GByteArray) response = g_byte_array_new ();
  guint8 buffer[4096];
  gssize n;

  g_socket_client_set_tls (client, TRUE);
  g_signal_connect (client, "event", G_CALLBACK (tls_event_cb), NULL);
  connection = g_socket_client_connect_to_host (client, g_uri_get_host (base),
                                                g_uri_get_port (base), NULL, &error);
  g_assert_no_error (error);

  request = g_strdup_printf ("GET %s HTTP/1.1\r\nHost: %s:%d\r\nConnection: close\r\n\r\n",
                             target, g_uri_get_host (base), g_uri_get_port (base));
  g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (connection)),
                             request, strlen (request), NULL, NULL, &error);
  g_assert_no_error (error);
  while ((n = g_input_stream_read (g_io_stream_get_input_stream (G_IO_STREAM (connection)),
                                   buffer, sizeof buffer, NULL, &error)) > 0)
    g_byte_array_append (response, buffer, n);
  g_assert_no_error (error);
  g_byte_array_append (response, (const guint8 *) "", 1);

  g_assert_true (g_str_has_prefix ((const char *) response->data, "HTTP/1.1 "));
  *out_status = (guint) g_ascii_strtoull ((const char *) response->data + strlen ("HTTP/1.1 "),
                                          NULL, 10);
  return (char *) g_byte_array_free (g_steal_pointer (&response), FALSE);
}

char *
anju_web_sign_in (AnjuTestServer  *srv,
                  const char      *username,
                  char           **out_csrf)
{
  g_autofree char *text = g_strdup_printf ("{\"username\":\"%s\",\"password\":\"%s\","
                                           "\"session\":\"cookie\"}",
                                           username, ANJU_TEST_DEMO_PASSWORD);
  g_autoptr(GBytes) body = g_bytes_new (text, strlen (text));
  g_autoptr(AnjuWebReply) reply = NULL;
  g_autoptr(JsonNode) json = NULL;
  const char *set_cookie;
  const char *end;

  reply = anju_web_http (srv, "POST", "/api/v1/auth/login", NULL, "application/json", body);
  json = anju_web_reply_json (reply);
  anju_assert_status (reply->status, SOUP_STATUS_OK, json);
  set_cookie = anju_web_reply_header (reply, "Set-Cookie");
  g_assert_nonnull (set_cookie);
  g_assert_true (g_str_has_prefix (set_cookie, "anju_session="));
  end = strchr (set_cookie, ';');
  g_assert_nonnull (end);

  if (out_csrf != NULL)
    *out_csrf = g_strdup (anju_test_json_string (json, "csrf_token"));
  return g_strndup (set_cookie, end - set_cookie);
}
