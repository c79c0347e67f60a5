/* anju-sms-gateway.c: one POST per text through a SoupSession. */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "anju-error.h"
#include "anju-sms-gateway.h"

struct _AnjuSmsGateway
{
  GObject      parent_instance;

  SoupSession *session;        /* (owned) */
  char        *url;            /* (owned) */
  char        *authorization;  /* (owned) (nullable) "Basic …" */
  char        *signature;      /* (owned) */
};

G_DEFINE_FINAL_TYPE (AnjuSmsGateway, anju_sms_gateway, G_TYPE_OBJECT)

static char *
basic_authorization (const char *account,
                     const char *secret)
{
  g_autofree char *pair = NULL;
  g_autofree char *encoded = NULL;

  if (account == NULL)
    return NULL;
  pair = g_strconcat (account, ":", secret != NULL ? secret : "", NULL);
  encoded = g_base64_encode ((const guchar *) pair, strlen (pair));
  return g_strconcat ("Basic ", encoded, NULL);
}

static GBytes *
build_body (gint64      id,
            const char *phone,
            const char *signature,
            const char *text)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;
  char *json;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, id);
  json_builder_set_member_name (builder, "phone");
  json_builder_add_string_value (builder, phone);
  json_builder_set_member_name (builder, "sign");
  json_builder_add_string_value (builder, signature);
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, text);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json = json_to_string (root, FALSE);
  return g_bytes_new_take (json, strlen (json));
}

/* The message id of a 2xx answer, or NULL with error. */
static char *
read_answer (SoupMessage  *message,
             GBytes       *body,
             GError      **error)
{
  guint status = soup_message_get_status (message);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  gsize length = 0;
  const char *data = g_bytes_get_data (body, &length);
  JsonNode *root;
  JsonNode *id;

  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_UNAVAILABLE,
                   /* Translators: %1$u is an HTTP status, %2$s its reason phrase */
                   _("The SMS gateway answered %1$u %2$s"), status,
                   soup_message_get_reason_phrase (message) != NULL
                   ? soup_message_get_reason_phrase (message) : "");
      return NULL;
    }

  if (length > 0)
    json_parser_load_from_data (parser, data, length, NULL);
  root = json_parser_get_root (parser);
  id = root != NULL && JSON_NODE_HOLDS_OBJECT (root)
       ? json_object_get_member (json_node_get_object (root), "message_id") : NULL;
  if (id == NULL || !JSON_NODE_HOLDS_VALUE (id) || json_node_get_value_type (id) != G_TYPE_STRING)
    {
      g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_UNAVAILABLE,
                           _("The SMS gateway's answer has no message_id"));
      return NULL;
    }
  return g_strdup (json_node_get_string (id));
}

static void
send_and_read_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SoupMessage *message = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  char *message_id;

  body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  if (body == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  message_id = read_answer (message, body, &error);
  if (message_id == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, message_id, g_free);
}

static void
anju_sms_gateway_dispose (GObject *object)
{
  AnjuSmsGateway *self = ANJU_SMS_GATEWAY (object);

  if (self->session != NULL)
    soup_session_abort (self->session);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (anju_sms_gateway_parent_class)->dispose (object);
}

static void
anju_sms_gateway_finalize (GObject *object)
{
  AnjuSmsGateway *self = ANJU_SMS_GATEWAY (object);

  g_free (self->url);
  g_free (self->authorization);
  g_free (self->signature);

  G_OBJECT_CLASS (anju_sms_gateway_parent_class)->finalize (object);
}

static void
anju_sms_gateway_class_init (AnjuSmsGatewayClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = anju_sms_gateway_dispose;
  object_class->finalize = anju_sms_gateway_finalize;
}

static void
anju_sms_gateway_init (AnjuSmsGateway *self)
{
}

AnjuSmsGateway *
anju_sms_gateway_new (const char *url,
                      const char *account,
                      const char *secret,
                      const char *signature)
{
  AnjuSmsGateway *self;

  g_return_val_if_fail (url != NULL, NULL);

  self = g_object_new (ANJU_TYPE_SMS_GATEWAY, NULL);
  self->url = g_strdup (url);
  self->authorization = basic_authorization (account, secret);
  self->signature = g_strdup (signature != NULL ? signature : "");
  /* timeout bounds every read and write, so a gateway that accepts the
   * connection and then says nothing costs one failed attempt. */
  self->session = soup_session_new_with_options ("timeout", ANJU_SMS_GATEWAY_TIMEOUT_SECONDS,
                                                 "user-agent", "anju-server/" PACKAGE_VERSION,
                                                 NULL);
  return self;
}

void
anju_sms_gateway_send_async (AnjuSmsGateway      *self,
                             gint64               id,
                             const char          *phone,
                             const char          *text,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GBytes) body = NULL;

  g_return_if_fail (ANJU_IS_SMS_GATEWAY (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, anju_sms_gateway_send_async);

  message = soup_message_new (SOUP_METHOD_POST, self->url);
  if (message == NULL)
    {
      g_task_return_new_error (task, ANJU_ERROR, ANJU_ERROR_CONFIG,
                               _("[sms] gateway_url is not a valid address"));
      return;
    }
  body = build_body (id, phone, self->signature, text);
  soup_message_set_request_body_from_bytes (message, "application/json", body);
  if (self->authorization != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (message), "Authorization",
                                  self->authorization);

  g_task_set_task_data (task, g_object_ref (message), g_object_unref);
  soup_session_send_and_read_async (self->session, message, G_PRIORITY_DEFAULT, cancellable,
                                    send_and_read_cb, g_steal_pointer (&task));
}

char *
anju_sms_gateway_send_finish (AnjuSmsGateway  *self,
                              GAsyncResult    *result,
                              GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == anju_sms_gateway_send_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
