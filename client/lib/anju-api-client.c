/* anju-api-client.c: HTTPS + JSON to anju-server.
 *
 * Every call goes through request_async(): build the SoupMessage, send
 * it on the one session, and turn the answer into either a JsonNode or an
 * ANJU_ERROR.  The session is made in exactly one place, build_session(),
 * and made again whenever the pinned certificate changes, so a connection
 * verified against an old pin is never reused.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "anju-api-client.h"
#include "anju-pinned-database.h"
#include "anju-record.h"
#include "anju-trust-store.h"

/* Inactivity timeout of a request, in seconds: long enough for a slow
 * link, short enough that an unreachable server gives an answer. */
#define IO_TIMEOUT_SECONDS (60)

typedef enum
{
  REQUEST_NONE          = 0,
  /* A 401 on this call means the session ended: emit ::session-expired. */
  REQUEST_REPORT_EXPIRY = 1 << 0,
  /* A successful answer is returned as its bytes, not parsed as JSON. */
  REQUEST_RAW_ANSWER    = 1 << 1,
} RequestFlags;

struct _AnjuApiClient
{
  GObject parent_instance;

  char            *base_uri;            /* (owned) "https://host:port" */
  char            *server_key;          /* (owned) (nullable) "host:port" */
  GTlsCertificate *pinned;              /* (owned) (nullable) */
  SoupSession     *session;             /* (owned) trusts only pinned */

  char            *token;               /* (owned) (nullable) */
  JsonObject      *user;                /* (owned) (nullable) */
  /* A kiosk's "sn:credential", used when no one is signed in. */
  char            *terminal_credential; /* (owned) (nullable) */
  JsonObject      *last_error_fields;   /* (owned) (nullable) */
};

G_DEFINE_FINAL_TYPE (AnjuApiClient, anju_api_client, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BASE_URI,
  PROP_PINNED_PEM,
  PROP_SIGNED_IN,
  PROP_USER,
  N_PROPS
};

enum {
  SESSION_EXPIRED,
  TERMINAL_REFUSED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef struct
{
  SoupMessage *message;                 /* (owned) */
  char        *sent_token;              /* (owned) (nullable) */
  gboolean     sent_as_terminal;
  RequestFlags flags;
  JsonObject  *error_fields;            /* (owned) (nullable) */
  GTlsCertificate *peer_certificate;    /* (owned) (nullable) probe only */
  char        *content_type;            /* (owned) (nullable) of a raw answer */
} RequestData;

static void
request_data_free (gpointer pointer)
{
  RequestData *data = pointer;

  g_clear_object (&data->message);
  g_clear_pointer (&data->sent_token, g_free);
  g_clear_pointer (&data->error_fields, json_object_unref);
  g_clear_object (&data->peer_certificate);
  g_clear_pointer (&data->content_type, g_free);
  g_free (data);
}

static void
build_session (AnjuApiClient *self)
{
  g_autoptr(GTlsDatabase) database = anju_pinned_database_new (self->pinned);

  g_clear_object (&self->session);
  self->session = soup_session_new_with_options ("tls-database", database,
                                                 "user-agent", "anju/" PACKAGE_VERSION,
                                                 "accept-language-auto", TRUE,
                                                 "timeout", IO_TIMEOUT_SECONDS,
                                                 NULL);
}

static void
set_signed_in (AnjuApiClient *self,
               const char    *token,
               JsonObject    *user)
{
  gboolean was_signed_in = self->token != NULL;

  g_free (self->token);
  self->token = g_strdup (token);
  if (user != NULL)
    anju_api_client_set_user (self, user);
  if (was_signed_in != (self->token != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIGNED_IN]);
}

/* Transport failures carry GIO/TLS/resolver domains that mean nothing to
 * a caller of this API; fold them into the two codes the UI can act on. */
static GError *
transport_error (AnjuApiClient *self,
                 SoupMessage   *message,
                 GError        *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);

  if (error->domain == G_TLS_ERROR ||
      soup_message_get_tls_peer_certificate_errors (message) != 0)
    return g_error_new (ANJU_ERROR, ANJU_ERROR_CERTIFICATE,
                        /* Translators: %1$s is a server address, %2$s a TLS library message */
                        _("The certificate of %1$s is not the trusted one: %2$s"),
                        self->base_uri, error->message);

  return g_error_new (ANJU_ERROR, ANJU_ERROR_NETWORK,
                      /* Translators: %1$s is a server address, %2$s a network library message */
                      _("Could not reach %1$s: %2$s"), self->base_uri, error->message);
}

static JsonNode *
parse_json (GBytes  *bytes,
            GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);

  if (size == 0)
    return json_node_new (JSON_NODE_NULL);
  if (!json_parser_load_from_data (parser, data, size, NULL))
    {
      g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_MALFORMED,
                           _("The server’s answer is not valid JSON"));
      return NULL;
    }
  return json_node_copy (json_parser_get_root (parser));
}

/* {"error": {"code", "message", "fields"}}; anything else (a proxy's
 * HTML page, say) still gives an error from the status alone. */
static GError *
api_error (guint          status,
           GBytes        *bytes,
           JsonObject   **out_fields)
{
  g_autoptr(JsonNode) root = parse_json (bytes, NULL);
  JsonObject *error_object = NULL;
  const char *code_name = NULL;
  const char *message = NULL;
  JsonObject *fields;
  AnjuErrorCode code;

  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    error_object = anju_json_get_object (json_node_get_object (root), "error");
  code_name = anju_json_get_string (error_object, "code");
  message = anju_json_get_string (error_object, "message");
  fields = anju_json_get_object (error_object, "fields");

  code = anju_error_code_from_string (code_name);
  /* from_string() maps unknown names to INTERNAL; a code this client
   * does not know yet is better judged by its status. */
  if (code_name == NULL ||
      (code == ANJU_ERROR_INTERNAL && !g_str_equal (code_name, "internal_error")))
    code = anju_error_code_from_status (status);

  if (message == NULL || *message == '\0')
    message = soup_status_get_phrase (status);
  if (message == NULL)
    message = _("The server answered with an error");

  *out_fields = fields != NULL ? json_object_ref (fields) : NULL;
  return g_error_new_literal (ANJU_ERROR, code, message);
}

/* The server names the SHA-256 of a file it sends (docs/api.md,
 * "Files"); bytes that do not match it were damaged on the way and must
 * not be saved as the file. */
static gboolean
digest_matches (SoupMessage *message,
                GBytes      *bytes)
{
  const char *expected = soup_message_headers_get_one (soup_message_get_response_headers (message),
                                                       "X-Content-SHA256");
  g_autofree char *actual = NULL;

  if (expected == NULL)
    return TRUE;

  actual = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  return g_ascii_strcasecmp (actual, expected) == 0;
}

static void
return_raw_answer (GTask       *task,
                   RequestData *data,
                   GBytes      *bytes)
{
  const char *content_type;

  if (!digest_matches (data->message, bytes))
    {
      g_task_return_new_error (task, ANJU_ERROR, ANJU_ERROR_MALFORMED,
                               _("The file arrived damaged: its checksum is not the one the server named"));
      return;
    }

  content_type = soup_message_headers_get_content_type (soup_message_get_response_headers (data->message),
                                                        NULL);
  data->content_type = g_strdup (content_type);
  g_task_return_pointer (task, g_bytes_ref (bytes), (GDestroyNotify) g_bytes_unref);
}

static void
request_sent_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AnjuApiClient *self = g_task_get_source_object (task);
  RequestData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  JsonNode *node;
  guint status;

  bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, transport_error (self, data->message, error));
      return;
    }

  status = soup_message_get_status (data->message);
  if (SOUP_STATUS_IS_SUCCESSFUL (status) && (data->flags & REQUEST_RAW_ANSWER) != 0)
    {
      return_raw_answer (task, data, bytes);
      return;
    }
  if (SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      node = parse_json (bytes, &error);
      if (node == NULL)
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_pointer (task, node, (GDestroyNotify) json_node_unref);
      return;
    }

  error = api_error (status, bytes, &data->error_fields);

  /* Only "unauthorized" ends a session (a wrong current password is a 401
   * invalid_credentials), and only the session that made this call: after
   * a re-login, a late 401 for the old token must not end the new one. */
  if (g_error_matches (error, ANJU_ERROR, ANJU_ERROR_UNAUTHORIZED) &&
      (data->flags & REQUEST_REPORT_EXPIRY) != 0 &&
      data->sent_token != NULL &&
      g_strcmp0 (data->sent_token, self->token) == 0)
    {
      set_signed_in (self, NULL, NULL);
      g_signal_emit (self, signals[SESSION_EXPIRED], 0);
    }

  /* For a terminal, 401 means an unknown or revoked credential and 403 a
   * disabled terminal (docs/api.md): either way it may do nothing more. */
  if (data->sent_as_terminal &&
      (g_error_matches (error, ANJU_ERROR, ANJU_ERROR_UNAUTHORIZED) ||
       g_error_matches (error, ANJU_ERROR, ANJU_ERROR_FORBIDDEN)))
    g_signal_emit (self, signals[TERMINAL_REFUSED], 0, error->message);

  g_task_return_error (task, g_steal_pointer (&error));
}

/* body: (nullable) sent as it is, with content_type. */
static void
send_async (AnjuApiClient       *self,
            const char          *method,
            const char          *path,
            const char          *content_type,
            GBytes              *body,
            RequestFlags         flags,
            gpointer             source_tag,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *uri = NULL;
  RequestData *data;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);

  uri = g_strconcat (self->base_uri, path, NULL);
  data = g_new0 (RequestData, 1);
  data->flags = flags;
  data->sent_token = g_strdup (self->token);
  data->message = soup_message_new (method, uri);
  g_task_set_task_data (task, data, request_data_free);

  if (data->message == NULL)
    {
      g_task_return_new_error (task, ANJU_ERROR, ANJU_ERROR_MALFORMED,
                               /* Translators: %1$s is a URL */
                               _("“%1$s” is not a valid address"), uri);
      return;
    }

  /* A raw answer may be of any type; its errors are still JSON. */
  soup_message_headers_replace (soup_message_get_request_headers (data->message),
                                "Accept", (flags & REQUEST_RAW_ANSWER) != 0 ? "*/*" : "application/json");
  if (self->token != NULL)
    {
      g_autofree char *authorization = g_strconcat ("Bearer ", self->token, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (data->message),
                                    "Authorization", authorization);
    }
  else if (self->terminal_credential != NULL)
    {
      g_autofree char *authorization = g_strconcat ("Terminal ", self->terminal_credential, NULL);

      data->sent_as_terminal = TRUE;
      soup_message_headers_replace (soup_message_get_request_headers (data->message),
                                    "Authorization", authorization);
    }
  if (body != NULL)
    soup_message_set_request_body_from_bytes (data->message, content_type, body);

  soup_session_send_and_read_async (self->session, data->message, G_PRIORITY_DEFAULT,
                                    cancellable, request_sent_cb, g_steal_pointer (&task));
}

static void
request_async (AnjuApiClient       *self,
               const char          *method,
               const char          *path,
               JsonNode            *body,
               RequestFlags         flags,
               gpointer             source_tag,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  g_autoptr(GBytes) bytes = NULL;

  if (body != NULL)
    {
      char *text = json_to_string (body, FALSE);

      bytes = g_bytes_new_take (text, strlen (text));
    }

  send_async (self, method, path, "application/json", bytes, flags,
              source_tag, cancellable, callback, user_data);
}

/* Keeps the fields of the failure being reported, for
 * anju_api_client_get_last_error_fields().  Returns a JsonNode, or the
 * GBytes of a REQUEST_RAW_ANSWER call. */
static gpointer
request_finish (AnjuApiClient  *self,
                GAsyncResult   *result,
                GError        **error)
{
  RequestData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) local_error = NULL;
  gpointer answer;

  answer = g_task_propagate_pointer (G_TASK (result), &local_error);
  if (answer != NULL)
    return answer;

  g_clear_pointer (&self->last_error_fields, json_object_unref);
  if (data != NULL && data->error_fields != NULL)
    self->last_error_fields = json_object_ref (data->error_fields);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

static void
anju_api_client_dispose (GObject *object)
{
  AnjuApiClient *self = ANJU_API_CLIENT (object);

  if (self->session != NULL)
    soup_session_abort (self->session);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (anju_api_client_parent_class)->dispose (object);
}

static void
anju_api_client_finalize (GObject *object)
{
  AnjuApiClient *self = ANJU_API_CLIENT (object);

  g_clear_pointer (&self->base_uri, g_free);
  g_clear_pointer (&self->server_key, g_free);
  g_clear_object (&self->pinned);
  g_clear_pointer (&self->token, g_free);
  g_clear_pointer (&self->user, json_object_unref);
  if (self->terminal_credential != NULL)
    memset (self->terminal_credential, 0, strlen (self->terminal_credential));
  g_clear_pointer (&self->terminal_credential, g_free);
  g_clear_pointer (&self->last_error_fields, json_object_unref);

  G_OBJECT_CLASS (anju_api_client_parent_class)->finalize (object);
}

static void
anju_api_client_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AnjuApiClient *self = ANJU_API_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URI:
      g_value_set_string (value, self->base_uri);
      break;

    case PROP_SIGNED_IN:
      g_value_set_boolean (value, anju_api_client_is_signed_in (self));
      break;

    case PROP_USER:
      g_value_set_boxed (value, self->user);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_api_client_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AnjuApiClient *self = ANJU_API_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URI:
      {
        const char *uri = g_value_get_string (value);
        gsize len = uri != NULL ? strlen (uri) : 0;

        /* Paths are appended as "/api/v1/…". */
        while (len > 0 && uri[len - 1] == '/')
          len--;
        self->base_uri = g_strndup (uri != NULL ? uri : "", len);
        self->server_key = anju_trust_store_key_for_uri (self->base_uri, NULL);
      }
      break;

    case PROP_PINNED_PEM:
      anju_api_client_set_pinned_pem (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_api_client_class_init (AnjuApiClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = anju_api_client_dispose;
  object_class->finalize = anju_api_client_finalize;
  object_class->get_property = anju_api_client_get_property;
  object_class->set_property = anju_api_client_set_property;

  properties[PROP_BASE_URI] =
    g_param_spec_string ("base-uri", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PINNED_PEM] =
    g_param_spec_string ("pinned-pem", NULL, NULL,
                         NULL,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS));

  properties[PROP_SIGNED_IN] =
    g_param_spec_boolean ("signed-in", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_USER] =
    g_param_spec_boxed ("user", NULL, NULL,
                        JSON_TYPE_OBJECT,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AnjuApiClient::session-expired:
   *
   * A signed-in call was answered 401: the token is gone.  Emitted once
   * per session; the kept user stays so the sign-in can be offered again
   * for the same account.
   */
  signals[SESSION_EXPIRED] =
    g_signal_new ("session-expired",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * AnjuApiClient::terminal-refused:
   * @message: the server's (translated) reason
   *
   * A call signed with the terminal credential was answered 401 or 403:
   * the terminal is unknown, revoked or disabled.
   */
  signals[TERMINAL_REFUSED] =
    g_signal_new ("terminal-refused",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
anju_api_client_init (AnjuApiClient *self)
{
  build_session (self);
}

AnjuApiClient *
anju_api_client_new (const char *base_uri,
                     const char *pinned_pem)
{
  g_return_val_if_fail (base_uri != NULL, NULL);

  return g_object_new (ANJU_TYPE_API_CLIENT,
                       "base-uri", base_uri,
                       "pinned-pem", pinned_pem,
                       NULL);
}

const char *
anju_api_client_get_base_uri (AnjuApiClient *self)
{
  g_return_val_if_fail (ANJU_IS_API_CLIENT (self), NULL);

  return self->base_uri;
}

const char *
anju_api_client_get_server_key (AnjuApiClient *self)
{
  g_return_val_if_fail (ANJU_IS_API_CLIENT (self), NULL);

  return self->server_key;
}

GTlsCertificate *
anju_api_client_get_pinned_certificate (AnjuApiClient *self)
{
  g_return_val_if_fail (ANJU_IS_API_CLIENT (self), NULL);

  return self->pinned;
}

/* An unreadable PEM leaves the client trusting nothing rather than
 * falling back to anything wider. */
void
anju_api_client_set_pinned_pem (AnjuApiClient *self,
                                const char    *pem)
{
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ANJU_IS_API_CLIENT (self));

  if (pem != NULL)
    {
      certificate = g_tls_certificate_new_from_pem (pem, -1, &error);
      if (certificate == NULL)
        g_warning ("Not trusting an unreadable pinned certificate: %s", error->message);
    }

  if (certificate == self->pinned ||
      (certificate != NULL && self->pinned != NULL &&
       g_tls_certificate_is_same (certificate, self->pinned)))
    return;

  g_set_object (&self->pinned, certificate);
  build_session (self);
}

char *
anju_api_client_normalize_base_uri (const char  *address,
                                    GError     **error)
{
  g_autofree char *text = g_strstrip (g_strdup (address != NULL ? address : ""));
  g_autofree char *with_scheme = NULL;
  g_autoptr(GUri) uri = NULL;
  const char *path;

  with_scheme = strstr (text, "://") != NULL ? g_strdup (text)
                                             : g_strconcat ("https://", text, NULL);
  uri = g_uri_parse (with_scheme, G_URI_FLAGS_NONE, NULL);
  path = uri != NULL ? g_uri_get_path (uri) : NULL;

  if (uri == NULL || g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") != 0 ||
      g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0' ||
      g_uri_get_userinfo (uri) != NULL || g_uri_get_query (uri) != NULL ||
      g_uri_get_fragment (uri) != NULL ||
      (path != NULL && *path != '\0' && !g_str_equal (path, "/")))
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_VALIDATION,
                   /* Translators: %1$s is what the user typed as the server address */
                   _("“%1$s” is not a server address; write it like https://127.0.0.1:8443"),
                   text);
      return NULL;
    }

  return g_uri_join (G_URI_FLAGS_NONE, "https", NULL, g_uri_get_host (uri),
                     g_uri_get_port (uri), "", NULL, NULL);
}

/* Probe: the health endpoint over the normal session.  A peer the pin
 * refuses reaches accept-certificate, which records it and still refuses,
 * so nothing is sent to an untrusted server but the TLS handshake. */
static gboolean
probe_accept_certificate_cb (SoupMessage          *message,
                             GTlsCertificate      *certificate,
                             GTlsCertificateFlags  errors,
                             gpointer              user_data)
{
  RequestData *data = user_data;

  g_set_object (&data->peer_certificate, certificate);
  return FALSE;
}

static void
probe_sent_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AnjuApiClient *self = g_task_get_source_object (task);
  RequestData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GTlsCertificate *certificate;

  bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    certificate = NULL;
  else if (data->peer_certificate != NULL)
    certificate = data->peer_certificate;
  else
    certificate = soup_message_get_tls_peer_certificate (data->message);

  if (certificate != NULL)
    g_task_return_pointer (task, g_object_ref (certificate), g_object_unref);
  else if (error != NULL)
    g_task_return_error (task, transport_error (self, data->message, error));
  else
    g_task_return_new_error (task, ANJU_ERROR, ANJU_ERROR_CERTIFICATE,
                             /* Translators: %1$s is a server address */
                             _("%1$s presented no certificate"), self->base_uri);
}

void
anju_api_client_probe_certificate_async (AnjuApiClient       *self,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *uri = NULL;
  RequestData *data;

  g_return_if_fail (ANJU_IS_API_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, anju_api_client_probe_certificate_async);

  uri = g_strconcat (self->base_uri, "/api/v1/health", NULL);
  data = g_new0 (RequestData, 1);
  data->message = soup_message_new (SOUP_METHOD_GET, uri);
  g_task_set_task_data (task, data, request_data_free);
  if (data->message == NULL)
    {
      g_task_return_new_error (task, ANJU_ERROR, ANJU_ERROR_MALFORMED,
                               /* Translators: %1$s is a URL */
                               _("“%1$s” is not a valid address"), uri);
      return;
    }

  g_signal_connect (data->message, "accept-certificate",
                    G_CALLBACK (probe_accept_certificate_cb), data);
  soup_session_send_and_read_async (self->session, data->message, G_PRIORITY_DEFAULT,
                                    cancellable, probe_sent_cb, g_steal_pointer (&task));
}

GTlsCertificate *
anju_api_client_probe_certificate_finish (AnjuApiClient  *self,
                                          GAsyncResult   *result,
                                          GError        **error)
{
  g_return_val_if_fail (ANJU_IS_API_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        anju_api_client_probe_certificate_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Login */

static void
login_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  AnjuApiClient *self = ANJU_API_CLIENT (source);
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *response;
  const char *token;
  JsonObject *user;

  node = request_finish (self, result, &error);
  if (node == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  response = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  token = anju_json_get_string (response, "token");
  user = anju_json_get_object (response, "user");
  if (token == NULL || *token == '\0' || user == NULL)
    {
      g_task_return_new_error (task, ANJU_ERROR, ANJU_ERROR_MALFORMED,
                               _("The server’s sign-in answer lacks the session"));
      return;
    }

  set_signed_in (self, token, user);
  g_task_return_pointer (task, json_object_ref (response), (GDestroyNotify) json_object_unref);
}

/* A JSON object of string members, from name, value pairs ending in
 * NULL: the body of the sign-in and password requests. */
static G_GNUC_NULL_TERMINATED JsonNode *
string_members_body (const char *first_name,
                     ...)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  va_list args;

  json_builder_begin_object (builder);
  va_start (args, first_name);
  for (const char *name = first_name; name != NULL; name = va_arg (args, const char *))
    {
      json_builder_set_member_name (builder, name);
      json_builder_add_string_value (builder, va_arg (args, const char *));
    }
  va_end (args);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

void
anju_api_client_login_async (AnjuApiClient       *self,
                             const char          *username,
                             const char          *password,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonNode) body = NULL;

  g_return_if_fail (ANJU_IS_API_CLIENT (self));
  g_return_if_fail (username != NULL);
  g_return_if_fail (password != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, anju_api_client_login_async);

  body = string_members_body ("username", username, "password", password, NULL);

  request_async (self, SOUP_METHOD_POST, "/api/v1/auth/login", body, REQUEST_NONE,
                 anju_api_client_login_async, cancellable, login_cb, g_steal_pointer (&task));
}

JsonObject *
anju_api_client_login_finish (AnjuApiClient  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  g_return_val_if_fail (ANJU_IS_API_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        anju_api_client_login_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Logout and logout-all: the local token goes whatever the answer, since
 * the user asked to be signed out; a 401 means it already was. */

static void
logout_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  AnjuApiClient *self = ANJU_API_CLIENT (source);
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  node = request_finish (self, result, &error);
  set_signed_in (self, NULL, NULL);
  anju_api_client_set_user (self, NULL);

  if (node == NULL && !g_error_matches (error, ANJU_ERROR, ANJU_ERROR_UNAUTHORIZED))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
logout_common_async (AnjuApiClient       *self,
                     const char          *path,
                     gpointer             source_tag,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);

  request_async (self, SOUP_METHOD_POST, path, NULL, REQUEST_NONE,
                 source_tag, cancellable, logout_cb, g_steal_pointer (&task));
}

void
anju_api_client_logout_async (AnjuApiClient       *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (ANJU_IS_API_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  logout_common_async (self, "/api/v1/auth/logout", anju_api_client_logout_async,
                       cancellable, callback, user_data);
}

gboolean
anju_api_client_logout_finish (AnjuApiClient  *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  g_return_val_if_fail (ANJU_IS_API_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        anju_api_client_logout_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
anju_api_client_logout_all_async (AnjuApiClient       *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (ANJU_IS_API_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  logout_common_async (self, "/api/v1/auth/logout-all", anju_api_client_logout_all_async,
                       cancellable, callback, user_data);
}

gboolean
anju_api_client_logout_all_finish (AnjuApiClient  *self,
                                   GAsyncResult   *result,
                                   GError        **error)
{
  g_return_val_if_fail (ANJU_IS_API_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        anju_api_client_logout_all_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Password change, then a fresh user object */

static void
change_password_me_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  AnjuApiClient *self = ANJU_API_CLIENT (source);
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  node = request_finish (self, result, &error);
  if (node == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_task_return_new_error (task, ANJU_ERROR, ANJU_ERROR_MALFORMED,
                               _("The server’s answer about the signed-in user is not an object"));
      return;
    }

  anju_api_client_set_user (self, json_node_get_object (node));
  g_task_return_boolean (task, TRUE);
}

static void
change_password_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  AnjuApiClient *self = ANJU_API_CLIENT (source);
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  node = request_finish (self, result, &error);
  if (node == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  request_async (self, SOUP_METHOD_GET, "/api/v1/auth/me", NULL, REQUEST_REPORT_EXPIRY,
                 anju_api_client_change_password_async, g_task_get_cancellable (task),
                 change_password_me_cb, g_steal_pointer (&task));
}

void
anju_api_client_change_password_async (AnjuApiClient       *self,
                                       const char          *old_password,
                                       const char          *new_password,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonNode) body = NULL;

  g_return_if_fail (ANJU_IS_API_CLIENT (self));
  g_return_if_fail (old_password != NULL);
  g_return_if_fail (new_password != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, anju_api_client_change_password_async);

  body = string_members_body ("old_password", old_password, "new_password", new_password, NULL);

  request_async (self, SOUP_METHOD_POST, "/api/v1/auth/password", body, REQUEST_REPORT_EXPIRY,
                 anju_api_client_change_password_async, cancellable,
                 change_password_cb, g_steal_pointer (&task));
}

gboolean
anju_api_client_change_password_finish (AnjuApiClient  *self,
                                        GAsyncResult   *result,
                                        GError        **error)
{
  g_return_val_if_fail (ANJU_IS_API_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        anju_api_client_change_password_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Any call */

void
anju_api_client_request_async (AnjuApiClient       *self,
                               const char          *method,
                               const char          *path,
                               JsonNode            *body,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (ANJU_IS_API_CLIENT (self));
  g_return_if_fail (method != NULL);
  g_return_if_fail (path != NULL && path[0] == '/');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  request_async (self, method, path, body, REQUEST_REPORT_EXPIRY,
                 anju_api_client_request_async, cancellable, callback, user_data);
}

JsonNode *
anju_api_client_request_finish (AnjuApiClient  *self,
                                GAsyncResult   *result,
                                GError        **error)
{
  g_return_val_if_fail (ANJU_IS_API_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        anju_api_client_request_async, NULL);

  return request_finish (self, result, error);
}

/* Raw bytes: file uploads and downloads */

void
anju_api_client_upload_async (AnjuApiClient       *self,
                              const char          *path,
                              GBytes              *bytes,
                              const char          *content_type,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (ANJU_IS_API_CLIENT (self));
  g_return_if_fail (path != NULL && path[0] == '/');
  g_return_if_fail (bytes != NULL);
  g_return_if_fail (content_type != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  send_async (self, SOUP_METHOD_POST, path, content_type, bytes, REQUEST_REPORT_EXPIRY,
              anju_api_client_upload_async, cancellable, callback, user_data);
}

JsonNode *
anju_api_client_upload_finish (AnjuApiClient  *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  g_return_val_if_fail (ANJU_IS_API_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        anju_api_client_upload_async, NULL);

  return request_finish (self, result, error);
}

void
anju_api_client_download_async (AnjuApiClient       *self,
                                const char          *path,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (ANJU_IS_API_CLIENT (self));
  g_return_if_fail (path != NULL && path[0] == '/');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  send_async (self, SOUP_METHOD_GET, path, NULL, NULL,
              REQUEST_REPORT_EXPIRY | REQUEST_RAW_ANSWER,
              anju_api_client_download_async, cancellable, callback, user_data);
}

GBytes *
anju_api_client_download_finish (AnjuApiClient  *self,
                                 GAsyncResult   *result,
                                 char          **out_content_type,
                                 GError        **error)
{
  RequestData *data;
  GBytes *bytes;

  g_return_val_if_fail (ANJU_IS_API_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        anju_api_client_download_async, NULL);

  data = g_task_get_task_data (G_TASK (result));
  bytes = request_finish (self, result, error);
  if (bytes != NULL && out_content_type != NULL)
    *out_content_type = g_strdup (data->content_type);

  return bytes;
}

void
anju_api_client_request_bytes_async (AnjuApiClient       *self,
                                     const char          *method,
                                     const char          *path,
                                     JsonNode            *body,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (ANJU_IS_API_CLIENT (self));
  g_return_if_fail (method != NULL);
  g_return_if_fail (path != NULL && path[0] == '/');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  request_async (self, method, path, body, REQUEST_REPORT_EXPIRY | REQUEST_RAW_ANSWER,
                 anju_api_client_request_bytes_async, cancellable, callback, user_data);
}

GBytes *
anju_api_client_request_bytes_finish (AnjuApiClient  *self,
                                      GAsyncResult   *result,
                                      GError        **error)
{
  g_return_val_if_fail (ANJU_IS_API_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        anju_api_client_request_bytes_async, NULL);

  return request_finish (self, result, error);
}

gboolean
anju_api_client_is_signed_in (AnjuApiClient *self)
{
  g_return_val_if_fail (ANJU_IS_API_CLIENT (self), FALSE);

  return self->token != NULL;
}

JsonObject *
anju_api_client_get_user (AnjuApiClient *self)
{
  g_return_val_if_fail (ANJU_IS_API_CLIENT (self), NULL);

  return self->user;
}

gboolean
anju_api_client_has_permission (AnjuApiClient *self,
                                const char    *permission)
{
  JsonArray *permissions;
  guint n;

  g_return_val_if_fail (ANJU_IS_API_CLIENT (self), FALSE);
  g_return_val_if_fail (permission != NULL, FALSE);

  permissions = anju_json_get_array (self->user, "permissions");
  n = permissions != NULL ? json_array_get_length (permissions) : 0;
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (permissions, i);

      if (JSON_NODE_HOLDS_VALUE (node) &&
          json_node_get_value_type (node) == G_TYPE_STRING &&
          g_str_equal (json_node_get_string (node), permission))
        return TRUE;
    }
  return FALSE;
}

void
anju_api_client_set_user (AnjuApiClient *self,
                          JsonObject    *user)
{
  g_return_if_fail (ANJU_IS_API_CLIENT (self));

  if (user == self->user)
    return;
  if (user != NULL)
    json_object_ref (user);
  g_clear_pointer (&self->user, json_object_unref);
  self->user = user;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER]);
}

JsonObject *
anju_api_client_get_last_error_fields (AnjuApiClient *self)
{
  g_return_val_if_fail (ANJU_IS_API_CLIENT (self), NULL);

  return self->last_error_fields;
}

void
anju_api_client_set_terminal_credential (AnjuApiClient *self,
                                         const char    *sn,
                                         const char    *credential)
{
  g_return_if_fail (ANJU_IS_API_CLIENT (self));
  g_return_if_fail ((sn == NULL) == (credential == NULL));

  if (self->terminal_credential != NULL)
    memset (self->terminal_credential, 0, strlen (self->terminal_credential));
  g_clear_pointer (&self->terminal_credential, g_free);
  if (sn != NULL)
    self->terminal_credential = g_strconcat (sn, ":", credential, NULL);
}
