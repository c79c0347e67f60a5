/* test-api-client.c: AnjuApiClient against a scripted HTTPS server.
 *
 * The scripted server is a plain SoupServer in a thread of its own, with a
 * fresh self-signed certificate, that answers every request with the
 * status and body the test set beforehand.  That lets these tests cover
 * answers the real server never gives on purpose (unknown error codes, an
 * HTML error page, broken JSON) and, with two certificates, pinning.
 */
#include "config.h"

#include <gnutls/x509.h>
#include <libsoup/soup.h>
#include <string.h>
#include <time.h>

#include "anju-api-client.h"
#include "anju-test-dirs.h"
#include "anju-error-message.h"
#include "anju-paged-model.h"
#include "anju-trust-store.h"

/* A self-signed ECDSA P-256 certificate for 127.0.0.1, as PEM.  The
 * server makes its own the same way; this copy keeps the client tests
 * independent of the server library. */
static void
make_certificate (char **out_cert_pem,
                  char **out_key_pem)
{
  static const guint8 loopback[4] = { 127, 0, 0, 1 };
  gnutls_x509_privkey_t key;
  gnutls_x509_crt_t crt;
  gnutls_datum_t out = { NULL, 0 };
  guint8 serial[8];
  time_t now = time (NULL);

  for (guint i = 0; i < sizeof serial; i++)
    serial[i] = (guint8) g_random_int_range (0, 256);
  serial[0] &= 0x7f;

  g_assert_cmpint (gnutls_x509_privkey_init (&key), ==, 0);
  g_assert_cmpint (gnutls_x509_privkey_generate (key, GNUTLS_PK_ECDSA,
                                                 GNUTLS_CURVE_TO_BITS (GNUTLS_ECC_CURVE_SECP256R1),
                                                 0), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_init (&crt), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_set_key (crt, key), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_set_version (crt, 3), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_set_serial (crt, serial, sizeof serial), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_set_activation_time (crt, now - 3600), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_set_expiration_time (crt, now + 86400), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_set_dn_by_oid (crt, GNUTLS_OID_X520_COMMON_NAME, 0,
                                                  "127.0.0.1", strlen ("127.0.0.1")), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_set_subject_alt_name (crt, GNUTLS_SAN_IPADDRESS, loopback,
                                                         sizeof loopback, GNUTLS_FSAN_APPEND), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_set_basic_constraints (crt, 1, -1), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_sign2 (crt, crt, key, GNUTLS_DIG_SHA256, 0), ==, 0);

  g_assert_cmpint (gnutls_x509_crt_export2 (crt, GNUTLS_X509_FMT_PEM, &out), ==, 0);
  *out_cert_pem = g_strndup ((const char *) out.data, out.size);
  gnutls_free (out.data);
  g_assert_cmpint (gnutls_x509_privkey_export2 (key, GNUTLS_X509_FMT_PEM, &out), ==, 0);
  *out_key_pem = g_strndup ((const char *) out.data, out.size);
  gnutls_free (out.data);

  gnutls_x509_crt_deinit (crt);
  gnutls_x509_privkey_deinit (key);
}

typedef struct
{
  /* set by the test thread, read by the server thread */
  GMutex        lock;
  guint         status;
  char         *content_type;
  char         *body;
  char         *last_authorization;
  char         *last_query;
  guint         n_requests;

  char         *cert_pem;
  char         *base_uri;
  GThread      *thread;
  GMainContext *context;
  GMainLoop    *loop;
  SoupServer   *server;
  GMutex        start_lock;
  GCond         start_cond;
  gboolean      started;
} ScriptedServer;

static void
scripted_handler (SoupServer        *server,
              SoupServerMessage *message,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  ScriptedServer *scripted = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (message);

  g_mutex_lock (&scripted->lock);
  scripted->n_requests++;
  g_free (scripted->last_authorization);
  scripted->last_authorization = g_strdup (soup_message_headers_get_one (headers, "Authorization"));
  g_free (scripted->last_query);
  scripted->last_query = g_strdup (g_uri_get_query (soup_server_message_get_uri (message)));
  soup_server_message_set_status (message, scripted->status, NULL);
  if (scripted->body != NULL)
    soup_server_message_set_response (message, scripted->content_type, SOUP_MEMORY_COPY,
                                      scripted->body, strlen (scripted->body));
  g_mutex_unlock (&scripted->lock);
}

static gpointer
scripted_thread_func (gpointer data)
{
  ScriptedServer *scripted = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autofree char *key_pem = NULL;
  g_autofree char *both = NULL;
  GSList *uris;

  g_main_context_push_thread_default (scripted->context);

  make_certificate (&scripted->cert_pem, &key_pem);
  both = g_strconcat (scripted->cert_pem, key_pem, NULL);
  certificate = g_tls_certificate_new_from_pem (both, -1, &error);
  g_assert_no_error (error);

  scripted->server = soup_server_new ("tls-certificate", certificate, NULL);
  soup_server_add_handler (scripted->server, NULL, scripted_handler, scripted, NULL);
  soup_server_listen_local (scripted->server, 0,
                            SOUP_SERVER_LISTEN_HTTPS | SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (scripted->server);
  scripted->base_uri = g_strdup_printf ("https://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  g_mutex_lock (&scripted->start_lock);
  scripted->started = TRUE;
  g_cond_signal (&scripted->start_cond);
  g_mutex_unlock (&scripted->start_lock);

  g_main_loop_run (scripted->loop);

  soup_server_disconnect (scripted->server);
  g_clear_object (&scripted->server);
  g_main_context_pop_thread_default (scripted->context);
  return NULL;
}

static ScriptedServer *
scripted_server_start (void)
{
  ScriptedServer *scripted = g_new0 (ScriptedServer, 1);

  g_mutex_init (&scripted->lock);
  g_mutex_init (&scripted->start_lock);
  g_cond_init (&scripted->start_cond);
  scripted->status = SOUP_STATUS_OK;
  scripted->context = g_main_context_new ();
  scripted->loop = g_main_loop_new (scripted->context, FALSE);
  scripted->thread = g_thread_new ("scripted-server", scripted_thread_func, scripted);

  g_mutex_lock (&scripted->start_lock);
  while (!scripted->started)
    g_cond_wait (&scripted->start_cond, &scripted->start_lock);
  g_mutex_unlock (&scripted->start_lock);
  return scripted;
}

static gboolean
quit_loop_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static void
scripted_server_stop (ScriptedServer *scripted)
{
  g_main_context_invoke (scripted->context, quit_loop_cb, scripted->loop);
  g_thread_join (scripted->thread);
  g_main_loop_unref (scripted->loop);
  g_main_context_unref (scripted->context);
  g_mutex_clear (&scripted->lock);
  g_mutex_clear (&scripted->start_lock);
  g_cond_clear (&scripted->start_cond);
  g_free (scripted->content_type);
  g_free (scripted->body);
  g_free (scripted->last_authorization);
  g_free (scripted->last_query);
  g_free (scripted->cert_pem);
  g_free (scripted->base_uri);
  g_free (scripted);
}

static void
scripted_server_answer (ScriptedServer *scripted,
                    guint       status,
                    const char *content_type,
                    const char *body)
{
  g_mutex_lock (&scripted->lock);
  scripted->status = status;
  g_free (scripted->content_type);
  scripted->content_type = g_strdup (content_type);
  g_free (scripted->body);
  scripted->body = g_strdup (body);
  g_mutex_unlock (&scripted->lock);
}

static guint
scripted_server_get_n_requests (ScriptedServer *scripted)
{
  guint n;

  g_mutex_lock (&scripted->lock);
  n = scripted->n_requests;
  g_mutex_unlock (&scripted->lock);
  return n;
}

static char *
scripted_server_dup_authorization (ScriptedServer *scripted)
{
  char *value;

  g_mutex_lock (&scripted->lock);
  value = g_strdup (scripted->last_authorization);
  g_mutex_unlock (&scripted->lock);
  return value;
}

static char *
scripted_server_dup_query (ScriptedServer *scripted)
{
  char *value;

  g_mutex_lock (&scripted->lock);
  value = g_strdup (scripted->last_query);
  g_mutex_unlock (&scripted->lock);
  return value;
}

/* Fixture: a scripted server and a client that trusts its certificate. */

typedef struct
{
  ScriptedServer    *scripted;
  AnjuApiClient *client;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->scripted = scripted_server_start ();
  fixture->client = anju_api_client_new (fixture->scripted->base_uri, fixture->scripted->cert_pem);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->client);
  scripted_server_stop (fixture->scripted);
}

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

static JsonNode *
request (AnjuApiClient  *client,
         const char     *method,
         const char     *path,
         GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  anju_api_client_request_async (client, method, path, NULL, NULL, store_result_cb, &result);
  return anju_api_client_request_finish (client, wait_for (&result), error);
}

static JsonObject *
login (AnjuApiClient  *client,
       GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  anju_api_client_login_async (client, "admin", "Secret#2026", NULL, store_result_cb, &result);
  return anju_api_client_login_finish (client, wait_for (&result), error);
}

static void
count_cb (gpointer  instance,
          guint    *counter)
{
  (*counter)++;
}

#define LOGIN_ANSWER \
  "{\"token\":\"tok-1\",\"expires_at\":\"2026-11-29T18:00:00+08:00\"," \
  "\"user\":{\"id\":1,\"username\":\"admin\",\"name\":\"Admin\"," \
  "\"permissions\":[\"portal.user.read\",\"portal.org.read\"],\"must_change_password\":false}}"

static void
test_normalize_base_uri (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "127.0.0.1:8443", "https://127.0.0.1:8443" },
    { "  https://127.0.0.1:8443/ ", "https://127.0.0.1:8443" },
    { "HTTPS://anju.example.cn", "https://anju.example.cn" },
    { "[::1]:8443", "https://[::1]:8443" },
    { "http://127.0.0.1:8443", NULL },
    { "https://127.0.0.1:8443/api", NULL },
    { "https://user:pw@127.0.0.1", NULL },
    { "https://127.0.0.1/?q=1", NULL },
    { "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *uri = anju_api_client_normalize_base_uri (cases[i].in, &error);

      g_test_message ("%s", cases[i].in);
      g_assert_cmpstr (uri, ==, cases[i].out);
      if (cases[i].out == NULL)
        g_assert_error (error, ANJU_ERROR, ANJU_ERROR_VALIDATION);
      else
        g_assert_no_error (error);
    }
}

static void
test_success_answers (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) empty = NULL;

  scripted_server_answer (fixture->scripted, SOUP_STATUS_OK, "application/json", "{\"status\":\"ok\"}");
  node = request (fixture->client, "GET", "/api/v1/health", &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "status"), ==, "ok");

  scripted_server_answer (fixture->scripted, SOUP_STATUS_NO_CONTENT, NULL, NULL);
  empty = request (fixture->client, "POST", "/api/v1/auth/logout", &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_NULL (empty));
}

static void
test_malformed_success (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  scripted_server_answer (fixture->scripted, SOUP_STATUS_OK, "application/json", "{\"status\": ");
  node = request (fixture->client, "GET", "/api/v1/health", &error);
  g_assert_null (node);
  g_assert_error (error, ANJU_ERROR, ANJU_ERROR_MALFORMED);
}

static void
test_error_body (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *sentence = NULL;
  JsonObject *fields;

  scripted_server_answer (fixture->scripted, 422, "application/json",
                      "{\"error\":{\"code\":\"validation_failed\",\"message\":\"The phone number is not valid\","
                      "\"fields\":{\"phone\":\"not a mainland mobile number\"}}}");
  node = request (fixture->client, "POST", "/api/v1/users", &error);
  g_assert_null (node);
  g_assert_error (error, ANJU_ERROR, ANJU_ERROR_VALIDATION);
  g_assert_cmpstr (error->message, ==, "The phone number is not valid");

  fields = anju_api_client_get_last_error_fields (fixture->client);
  g_assert_nonnull (fields);
  g_assert_cmpstr (json_object_get_string_member (fields, "phone"), ==, "not a mainland mobile number");

  /* The server's message is the specific one for validation. */
  sentence = anju_error_message_for (error, fixture->scripted->base_uri);
  g_assert_cmpstr (sentence, ==, "The phone number is not valid");
}

static void
test_error_codes (Fixture       *fixture,
                  gconstpointer  data)
{
  static const struct {
    guint status;
    const char *content_type;
    const char *body;
    AnjuErrorCode code;
  } cases[] = {
    { 409, "application/json", "{\"error\":{\"code\":\"conflict\",\"message\":\"taken\"}}", ANJU_ERROR_CONFLICT },
    { 403, "application/json", "{\"error\":{\"code\":\"forbidden\",\"message\":\"no\"}}", ANJU_ERROR_FORBIDDEN },
    { 423, "application/json", "{\"error\":{\"code\":\"account_locked\",\"message\":\"until 17:15\"}}", ANJU_ERROR_ACCOUNT_LOCKED },
    { 403, "application/json", "{\"error\":{\"code\":\"password_change_required\",\"message\":\"x\"}}",
      ANJU_ERROR_PASSWORD_CHANGE_REQUIRED },
    /* A code this client does not know is judged by its status. */
    { 409, "application/json", "{\"error\":{\"code\":\"brand_new_code\",\"message\":\"x\"}}", ANJU_ERROR_CONFLICT },
    /* A proxy's HTML page, and an error without a body. */
    { 503, "text/html", "<html><body>Service Unavailable</body></html>", ANJU_ERROR_UNAVAILABLE },
    { 404, NULL, NULL, ANJU_ERROR_NOT_FOUND },
    { 500, "application/json", "[1, 2]", ANJU_ERROR_INTERNAL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = NULL;

      g_test_message ("%u %s", cases[i].status, cases[i].body);
      scripted_server_answer (fixture->scripted, cases[i].status, cases[i].content_type, cases[i].body);
      node = request (fixture->client, "GET", "/api/v1/users/1", &error);
      g_assert_null (node);
      g_assert_error (error, ANJU_ERROR, (gint) cases[i].code);
      g_assert_cmpstr (error->message, !=, "");
      g_assert_null (anju_api_client_get_last_error_fields (fixture->client));
    }
}

/* F-PORTAL PORTAL-142: sign-in keeps the token and sends it afterwards. */
static void
test_login_keeps_session (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) response = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *authorization = NULL;

  g_assert_false (anju_api_client_is_signed_in (fixture->client));

  scripted_server_answer (fixture->scripted, SOUP_STATUS_OK, "application/json", LOGIN_ANSWER);
  response = login (fixture->client, &error);
  g_assert_no_error (error);
  g_assert_nonnull (response);
  g_assert_true (anju_api_client_is_signed_in (fixture->client));
  g_assert_cmpstr (json_object_get_string_member (anju_api_client_get_user (fixture->client), "username"),
                   ==, "admin");
  g_assert_true (anju_api_client_has_permission (fixture->client, "portal.user.read"));
  g_assert_false (anju_api_client_has_permission (fixture->client, "portal.user.write"));

  scripted_server_answer (fixture->scripted, SOUP_STATUS_OK, "application/json", "{\"items\":[]}");
  node = request (fixture->client, "GET", "/api/v1/users", &error);
  g_assert_no_error (error);
  authorization = scripted_server_dup_authorization (fixture->scripted);
  g_assert_cmpstr (authorization, ==, "Bearer tok-1");
}

static void
test_login_without_token (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) response = NULL;

  scripted_server_answer (fixture->scripted, SOUP_STATUS_OK, "application/json", "{\"user\":{\"id\":1}}");
  response = login (fixture->client, &error);
  g_assert_null (response);
  g_assert_error (error, ANJU_ERROR, ANJU_ERROR_MALFORMED);
  g_assert_false (anju_api_client_is_signed_in (fixture->client));
}

static void
test_login_wrong_password (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) response = NULL;
  guint expired = 0;

  g_signal_connect (fixture->client, "session-expired", G_CALLBACK (count_cb), &expired);
  scripted_server_answer (fixture->scripted, 401, "application/json",
                      "{\"error\":{\"code\":\"invalid_credentials\",\"message\":\"wrong\"}}");
  response = login (fixture->client, &error);
  g_assert_null (response);
  g_assert_error (error, ANJU_ERROR, ANJU_ERROR_INVALID_CREDENTIALS);
  g_assert_false (anju_api_client_is_signed_in (fixture->client));
  g_assert_cmpuint (expired, ==, 0);
}

/* ::session-expired comes once, for a signed-in call answered 401, and the
 * user stays so the same account can sign in again. */
static void
test_session_expired (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) response = NULL;
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(JsonNode) second = NULL;
  guint expired = 0;

  g_signal_connect (fixture->client, "session-expired", G_CALLBACK (count_cb), &expired);

  scripted_server_answer (fixture->scripted, SOUP_STATUS_OK, "application/json", LOGIN_ANSWER);
  response = login (fixture->client, &error);
  g_assert_no_error (error);

  /* A wrong current password is a 401 too, but the session lives on. */
  scripted_server_answer (fixture->scripted, 401, "application/json",
                      "{\"error\":{\"code\":\"invalid_credentials\",\"message\":\"wrong\"}}");
  first = request (fixture->client, "POST", "/api/v1/auth/password", &error);
  g_assert_error (error, ANJU_ERROR, ANJU_ERROR_INVALID_CREDENTIALS);
  g_clear_error (&error);
  g_clear_pointer (&first, json_node_unref);
  g_assert_cmpuint (expired, ==, 0);
  g_assert_true (anju_api_client_is_signed_in (fixture->client));

  scripted_server_answer (fixture->scripted, 401, "application/json",
                      "{\"error\":{\"code\":\"unauthorized\",\"message\":\"session ended\"}}");
  first = request (fixture->client, "GET", "/api/v1/users", &error);
  g_assert_error (error, ANJU_ERROR, ANJU_ERROR_UNAUTHORIZED);
  g_clear_error (&error);
  g_assert_cmpuint (expired, ==, 1);
  g_assert_false (anju_api_client_is_signed_in (fixture->client));
  g_assert_nonnull (anju_api_client_get_user (fixture->client));

  second = request (fixture->client, "GET", "/api/v1/users", &error);
  g_assert_error (error, ANJU_ERROR, ANJU_ERROR_UNAUTHORIZED);
  g_assert_cmpuint (expired, ==, 1);
}

/* PORTAL-143: signing out drops the token even when the server already
 * forgot it, and is not mistaken for an expiry. */
static void
test_logout (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) response = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  guint expired = 0;

  g_signal_connect (fixture->client, "session-expired", G_CALLBACK (count_cb), &expired);
  scripted_server_answer (fixture->scripted, SOUP_STATUS_OK, "application/json", LOGIN_ANSWER);
  response = login (fixture->client, &error);
  g_assert_no_error (error);

  scripted_server_answer (fixture->scripted, 401, "application/json",
                      "{\"error\":{\"code\":\"unauthorized\",\"message\":\"gone\"}}");
  anju_api_client_logout_async (fixture->client, NULL, store_result_cb, &result);
  g_assert_true (anju_api_client_logout_finish (fixture->client, wait_for (&result), &error));
  g_assert_no_error (error);
  g_assert_false (anju_api_client_is_signed_in (fixture->client));
  g_assert_null (anju_api_client_get_user (fixture->client));
  g_assert_cmpuint (expired, ==, 0);
}

static void
test_cancelled (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  g_cancellable_cancel (cancellable);
  anju_api_client_request_async (fixture->client, "GET", "/api/v1/health", NULL, cancellable,
                                 store_result_cb, &result);
  node = anju_api_client_request_finish (fixture->client, wait_for (&result), &error);
  g_assert_null (node);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (anju_error_message_for (error, NULL));
}

static void
test_network_error (void)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(AnjuApiClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *sentence = NULL;

  /* A port that is bound but not listening refuses connections at once. */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_assert_true (g_socket_bind (socket, address, FALSE, &error));
  bound = g_socket_get_local_address (socket, &error);
  uri = g_strdup_printf ("https://127.0.0.1:%u",
                         g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));

  client = anju_api_client_new (uri, NULL);
  node = request (client, "GET", "/api/v1/health", &error);
  g_assert_null (node);
  g_assert_error (error, ANJU_ERROR, ANJU_ERROR_NETWORK);

  sentence = anju_error_message_for (error, uri);
  g_assert_nonnull (strstr (sentence, uri));
}

static GTlsCertificate *
probe (AnjuApiClient  *client,
       GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  anju_api_client_probe_certificate_async (client, NULL, store_result_cb, &result);
  return anju_api_client_probe_certificate_finish (client, wait_for (&result), error);
}

/* Nothing pinned: the request is refused, and the probe shows which
 * certificate the server has, without the request reaching it. */
static void
test_unpinned_refused (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(AnjuApiClient) client = anju_api_client_new (fixture->scripted->base_uri, NULL);
  g_autoptr(GTlsCertificate) expected = g_tls_certificate_new_from_pem (fixture->scripted->cert_pem, -1, NULL);
  g_autoptr(GTlsCertificate) probed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  node = request (client, "GET", "/api/v1/health", &error);
  g_assert_null (node);
  g_assert_error (error, ANJU_ERROR, ANJU_ERROR_CERTIFICATE);
  g_clear_error (&error);

  probed = probe (client, &error);
  g_assert_no_error (error);
  g_assert_true (g_tls_certificate_is_same (probed, expected));
  g_assert_cmpuint (scripted_server_get_n_requests (fixture->scripted), ==, 0);

  /* Pinning what was probed makes the same client work. */
  anju_api_client_set_pinned_pem (client, fixture->scripted->cert_pem);
  g_clear_pointer (&node, json_node_unref);
  node = request (client, "GET", "/api/v1/health", &error);
  g_assert_no_error (error);
}

/* A pin for another certificate (the server's was replaced, or someone is
 * in the middle) is refused, and probing does not change the pin. */
static void
test_other_certificate_refused (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *other_pem = NULL;
  g_autofree char *other_key = NULL;
  g_autoptr(AnjuApiClient) client = NULL;
  g_autoptr(GTlsCertificate) probed = NULL;
  g_autoptr(GTlsCertificate) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *sentence = NULL;

  make_certificate (&other_pem, &other_key);
  other = g_tls_certificate_new_from_pem (other_pem, -1, &error);
  g_assert_no_error (error);
  client = anju_api_client_new (fixture->scripted->base_uri, other_pem);

  scripted_server_answer (fixture->scripted, SOUP_STATUS_OK, "application/json", LOGIN_ANSWER);
  node = request (client, "POST", "/api/v1/auth/login", &error);
  g_assert_null (node);
  g_assert_error (error, ANJU_ERROR, ANJU_ERROR_CERTIFICATE);
  g_assert_cmpuint (scripted_server_get_n_requests (fixture->scripted), ==, 0);
  sentence = anju_error_message_for (error, fixture->scripted->base_uri);
  g_assert_nonnull (strstr (sentence, fixture->scripted->base_uri));
  g_clear_error (&error);

  probed = probe (client, &error);
  g_assert_no_error (error);
  g_assert_false (g_tls_certificate_is_same (probed, other));
  g_assert_true (g_tls_certificate_is_same (anju_api_client_get_pinned_certificate (client), other));
}

static gboolean
load_more (AnjuPagedModel  *model,
           GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  anju_paged_model_load_more_async (model, NULL, store_result_cb, &result);
  return anju_paged_model_load_more_finish (model, wait_for (&result), error);
}

/* Filters travel escaped and in a stable order; a page that is not
 * {items: [objects], total, next} leaves the model as it was. */
static void
test_paged_model_answers (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(AnjuPagedModel) model = anju_paged_model_new (fixture->client, "/api/v1/users", 20);
  g_autoptr(GError) error = NULL;
  g_autofree char *query = NULL;

  anju_paged_model_set_filter (model, "status", "active");
  anju_paged_model_set_filter (model, "q", "王 & co");

  scripted_server_answer (fixture->scripted, SOUP_STATUS_OK, "application/json",
                      "{\"items\":[1,2],\"total\":2,\"next\":null}");
  g_assert_false (load_more (model, &error));
  g_assert_error (error, ANJU_ERROR, ANJU_ERROR_MALFORMED);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_assert_true (anju_paged_model_get_has_more (model));

  query = scripted_server_dup_query (fixture->scripted);
  g_assert_cmpstr (query, ==, "q=%E7%8E%8B%20%26%20co&status=active&page=1&page_size=20");

  scripted_server_answer (fixture->scripted, SOUP_STATUS_OK, "application/json",
                      "{\"items\":[{\"id\":7,\"name\":\"王五\"},{\"id\":8}],\"total\":2,\"next\":null}");
  g_assert_true (load_more (model, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);
  g_assert_cmpuint (anju_paged_model_get_total (model), ==, 2);
  g_assert_false (anju_paged_model_get_has_more (model));
}

int
main (int   argc,
      char *argv[])
{
  /* Tests never leave the machine, and a private home hides the proxy
   * settings' schema that the system resolver would need. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  anju_test_isolate_dirs ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/client/api/normalize-base-uri", test_normalize_base_uri);
  g_test_add_func ("/client/api/network-error", test_network_error);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/client/api/success-answers", test_success_answers);
  ADD ("/client/api/malformed-success", test_malformed_success);
  ADD ("/client/api/error-body", test_error_body);
  ADD ("/client/api/error-codes", test_error_codes);
  ADD ("/client/api/login-keeps-session  PORTAL-142", test_login_keeps_session);
  ADD ("/client/api/login-without-token", test_login_without_token);
  ADD ("/client/api/login-wrong-password  PORTAL-142", test_login_wrong_password);
  ADD ("/client/api/session-expired", test_session_expired);
  ADD ("/client/api/logout  PORTAL-143", test_logout);
  ADD ("/client/api/cancelled", test_cancelled);
  ADD ("/client/paged-model/answers", test_paged_model_answers);
  ADD ("/client/pinning/unpinned-refused", test_unpinned_refused);
  ADD ("/client/pinning/other-certificate-refused", test_other_certificate_refused);
#undef ADD

  return g_test_run ();
}
