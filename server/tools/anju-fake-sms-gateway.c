/* anju-fake-sms-gateway.c: the stand-in SMS provider (see the header). */
#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "anju-fake-sms-gateway.h"

struct _AnjuFakeSmsGateway
{
  GObject        parent_instance;

  SoupServer    *soup;            /* (owned) (nullable) before listen */
  GOutputStream *record;          /* (owned) (nullable) */
  char          *account;         /* (owned) (nullable) */
  char          *secret;          /* (owned) (nullable) */
  guint          fail_first;
  guint          n_requests;
  guint          n_sent;
  guint16        port;
};

G_DEFINE_FINAL_TYPE (AnjuFakeSmsGateway, anju_fake_sms_gateway, G_TYPE_OBJECT)

enum {
  RECEIVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The basic-auth user and password of the request, or FALSE. */
static gboolean
read_credentials (SoupServerMessage  *msg,
                  char              **out_account,
                  char              **out_secret)
{
  const char *header = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                     "Authorization");
  g_autofree guchar *decoded = NULL;
  g_autofree char *pair = NULL;
  gsize length = 0;
  char *colon;

  if (header == NULL || g_ascii_strncasecmp (header, "Basic ", 6) != 0)
    return FALSE;
  decoded = g_base64_decode (header + 6, &length);
  pair = g_strndup ((const char *) decoded, length);
  colon = strchr (pair, ':');
  if (colon == NULL)
    return FALSE;
  *colon = '\0';
  *out_account = g_strdup (pair);
  *out_secret = g_strdup (colon + 1);
  return TRUE;
}

/* The request body when it is {"id": int, "phone", "sign", "text": strings}. */
static JsonObject *
parse_body (SoupServerMessage *msg)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonNode *root;
  JsonObject *object;
  const char * const texts[] = { "phone", "sign", "text" };
  JsonNode *id;

  if (body->length == 0 || !json_parser_load_from_data (parser, body->data, body->length, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  object = json_node_get_object (root);
  id = json_object_get_member (object, "id");
  if (id == NULL || !JSON_NODE_HOLDS_VALUE (id) || json_node_get_value_type (id) != G_TYPE_INT64)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      JsonNode *member = json_object_get_member (object, texts[i]);

      if (member == NULL || !JSON_NODE_HOLDS_VALUE (member)
          || json_node_get_value_type (member) != G_TYPE_STRING)
        return NULL;
    }
  return json_object_ref (object);
}

static void
add_nullable_string (JsonBuilder *builder,
                     const char  *member,
                     const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static JsonNode *
build_record (guint       status,
              const char *account,
              JsonObject *body,
              const char *message_id)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *received_at = g_date_time_format_iso8601 (now);

  json_builder_begin_object (builder);
  add_nullable_string (builder, "received_at", received_at);
  json_builder_set_member_name (builder, "status");
  json_builder_add_int_value (builder, status);
  add_nullable_string (builder, "account", account);
  json_builder_set_member_name (builder, "id");
  if (body != NULL)
    json_builder_add_int_value (builder, json_object_get_int_member (body, "id"));
  else
    json_builder_add_null_value (builder);
  add_nullable_string (builder, "phone",
                       body != NULL ? json_object_get_string_member (body, "phone") : NULL);
  add_nullable_string (builder, "sign",
                       body != NULL ? json_object_get_string_member (body, "sign") : NULL);
  add_nullable_string (builder, "text",
                       body != NULL ? json_object_get_string_member (body, "text") : NULL);
  add_nullable_string (builder, "message_id", message_id);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
write_record (AnjuFakeSmsGateway *self,
              JsonNode           *record)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *line = NULL;

  if (self->record == NULL)
    return;
  json = json_to_string (record, FALSE);
  line = g_strconcat (json, "\n", NULL);
  if (!g_output_stream_write_all (self->record, line, strlen (line), NULL, NULL, &error)
      || !g_output_stream_flush (self->record, NULL, &error))
    g_warning ("Cannot write the record file: %s", error->message);
}

static void
reply_json (SoupServerMessage *msg,
            guint              status,
            const char        *json)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, json,
                                    strlen (json));
}

/* Which answer the request gets, in the order the header promises. */
static guint
decide_status (AnjuFakeSmsGateway *self,
               gboolean            has_credentials,
               const char         *account,
               const char         *secret,
               JsonObject         *body)
{
  if (self->n_requests <= self->fail_first)
    return SOUP_STATUS_SERVICE_UNAVAILABLE;
  if (self->account != NULL
      && (!has_credentials || g_strcmp0 (account, self->account) != 0
          || g_strcmp0 (secret, self->secret) != 0))
    return SOUP_STATUS_UNAUTHORIZED;
  if (body == NULL)
    return SOUP_STATUS_BAD_REQUEST;
  return SOUP_STATUS_OK;
}

static void
server_callback (SoupServer        *soup,
                 SoupServerMessage *msg,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  AnjuFakeSmsGateway *self = user_data;
  g_autofree char *account = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *message_id = NULL;
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(JsonNode) record = NULL;
  gboolean has_credentials;
  guint status;

  if (g_strcmp0 (soup_server_message_get_method (msg), SOUP_METHOD_POST) != 0)
    {
      reply_json (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "{\"error\":\"POST only\"}");
      return;
    }

  self->n_requests++;
  has_credentials = read_credentials (msg, &account, &secret);
  body = parse_body (msg);
  status = decide_status (self, has_credentials, account, secret, body);
  if (status == SOUP_STATUS_OK)
    {
      g_autofree char *answer = NULL;

      message_id = g_strdup_printf ("fake-%u", ++self->n_sent);
      answer = g_strdup_printf ("{\"message_id\":\"%s\"}", message_id);
      reply_json (msg, status, answer);
    }
  else
    {
      reply_json (msg, status, "{\"error\":\"refused\"}");
    }

  record = build_record (status, account, body, message_id);
  write_record (self, record);
  g_signal_emit (self, signals[RECEIVED], 0, record);
}

static void
anju_fake_sms_gateway_dispose (GObject *object)
{
  AnjuFakeSmsGateway *self = ANJU_FAKE_SMS_GATEWAY (object);

  if (self->soup != NULL)
    soup_server_disconnect (self->soup);
  g_clear_object (&self->soup);
  if (self->record != NULL)
    g_output_stream_close (self->record, NULL, NULL);
  g_clear_object (&self->record);

  G_OBJECT_CLASS (anju_fake_sms_gateway_parent_class)->dispose (object);
}

static void
anju_fake_sms_gateway_finalize (GObject *object)
{
  AnjuFakeSmsGateway *self = ANJU_FAKE_SMS_GATEWAY (object);

  g_free (self->account);
  g_free (self->secret);

  G_OBJECT_CLASS (anju_fake_sms_gateway_parent_class)->finalize (object);
}

static void
anju_fake_sms_gateway_class_init (AnjuFakeSmsGatewayClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = anju_fake_sms_gateway_dispose;
  object_class->finalize = anju_fake_sms_gateway_finalize;

  /* ::received (JsonNode *record): after each request was answered. */
  signals[RECEIVED] = g_signal_new ("received", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, JSON_TYPE_NODE);
}

static void
anju_fake_sms_gateway_init (AnjuFakeSmsGateway *self)
{
}

AnjuFakeSmsGateway *
anju_fake_sms_gateway_new (void)
{
  return g_object_new (ANJU_TYPE_FAKE_SMS_GATEWAY, NULL);
}

void
anju_fake_sms_gateway_set_fail_first (AnjuFakeSmsGateway *self,
                                      guint               n_requests)
{
  g_return_if_fail (ANJU_IS_FAKE_SMS_GATEWAY (self));
  self->fail_first = n_requests;
}

void
anju_fake_sms_gateway_set_credentials (AnjuFakeSmsGateway *self,
                                       const char         *account,
                                       const char         *secret)
{
  g_return_if_fail (ANJU_IS_FAKE_SMS_GATEWAY (self));

  g_free (self->account);
  g_free (self->secret);
  self->account = g_strdup (account);
  self->secret = g_strdup (secret);
}

gboolean
anju_fake_sms_gateway_set_record_file (AnjuFakeSmsGateway  *self,
                                       const char          *path,
                                       GError             **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GFileOutputStream *stream;

  g_return_val_if_fail (ANJU_IS_FAKE_SMS_GATEWAY (self), FALSE);

  stream = g_file_append_to (file, G_FILE_CREATE_PRIVATE, NULL, error);
  if (stream == NULL)
    return FALSE;
  g_clear_object (&self->record);
  self->record = G_OUTPUT_STREAM (stream);
  return TRUE;
}

gboolean
anju_fake_sms_gateway_listen (AnjuFakeSmsGateway  *self,
                              guint16              port,
                              GError             **error)
{
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, port);
  GSList *uris;

  g_return_val_if_fail (ANJU_IS_FAKE_SMS_GATEWAY (self), FALSE);
  g_return_val_if_fail (self->soup == NULL, FALSE);

  self->soup = soup_server_new ("server-header", "anju-fake-sms-gateway", NULL);
  soup_server_add_handler (self->soup, NULL, server_callback, self, NULL);
  if (!soup_server_listen (self->soup, address, 0, error))
    return FALSE;

  uris = soup_server_get_uris (self->soup);
  self->port = uris != NULL ? (guint16) g_uri_get_port (uris->data) : port;
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return TRUE;
}

guint16
anju_fake_sms_gateway_get_port (AnjuFakeSmsGateway *self)
{
  g_return_val_if_fail (ANJU_IS_FAKE_SMS_GATEWAY (self), 0);
  return self->port;
}

char *
anju_fake_sms_gateway_get_url (AnjuFakeSmsGateway *self)
{
  g_return_val_if_fail (ANJU_IS_FAKE_SMS_GATEWAY (self), NULL);
  return g_strdup_printf ("http://127.0.0.1:%u/sms", self->port);
}
