/* test-tls.c: SEC-049 — the API speaks HTTPS only, with the server's own
 * certificate, and a client that fails the handshake does not leave the
 * server waiting for it at shutdown (it once waited for ever).  Kept
 * apart from test-platform so that, should that hang come back, the
 * platform results still show. */

#include <string.h>

#include "anju-test-identity.h"

/* SEC-049: business APIs over TLS only. */
static void
test_plain_http_refused (AnjuTestFixture *fixture,
                         gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SoupSession) session = soup_session_new_with_options ("proxy-resolver", NULL, NULL);
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autofree char *uri = NULL;

  g_assert_true (g_str_has_prefix (fixture->srv->base_uri, "https://"));
  g_assert_true (anju_server_is_https (fixture->srv->server));

  uri = g_strdup_printf ("http://%s/api/v1/health", fixture->srv->base_uri + strlen ("https://"));
  message = soup_message_new ("GET", uri);
  body = soup_session_send_and_read (session, message, NULL, &error);

  /* Either the connection breaks, or something that is not the API
   * answers: never the health document. */
  if (error == NULL)
    {
      g_autofree char *text = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));

      g_assert_cmpuint (soup_message_get_status (message), !=, SOUP_STATUS_OK);
      g_assert_null (strstr (text, "schema_version"));
    }
}

/* SEC-049: the session trusts only this server's certificate; another
 * self-signed one is refused. */
static void
test_certificate_pinned (AnjuTestFixture *fixture,
                         gconstpointer    data)
{
  AnjuTestServer *other = anju_test_server_start (FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autofree char *uri = g_strconcat (other->base_uri, "/api/v1/health", NULL);

  g_assert_cmpstr (other->cert_pem, !=, fixture->srv->cert_pem);

  /* fixture's session pins fixture's certificate, so other's is unknown. */
  message = soup_message_new ("GET", uri);
  body = soup_session_send_and_read (fixture->srv->session, message, NULL, &error);
  g_assert_error (error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE);

  anju_test_server_stop (other);
}

static void
add_fixture_test (const char *path,
                  void      (*func) (AnjuTestFixture *, gconstpointer))
{
  g_test_add (path, AnjuTestFixture, NULL,
              anju_test_fixture_set_up, func, anju_test_fixture_tear_down);
}

int
main (int    argc,
      char **argv)
{
  anju_test_init (&argc, &argv);

  add_fixture_test ("/tls/plain-http-refused  SEC-049", test_plain_http_refused);
  add_fixture_test ("/tls/certificate-pinned  SEC-049", test_certificate_pinned);

  return g_test_run ();
}
