/* anju-messages.c: the AnjuMessages service and its registration. */
#include "config.h"

#include "anju-inbox-api.h"
#include "anju-message-listener.h"
#include "anju-message-settings-api.h"
#include "anju-messages.h"
#include "anju-sms-api.h"

struct _AnjuMessages
{
  GObject            parent_instance;

  AnjuSmsDispatcher *dispatcher;   /* (owned) */
};

G_DEFINE_FINAL_TYPE (AnjuMessages, anju_messages, G_TYPE_OBJECT)

typedef const AnjuRoute *(*RoutesFunc) (guint *n_routes);

static void
anju_messages_dispose (GObject *object)
{
  AnjuMessages *self = ANJU_MESSAGES (object);

  g_clear_object (&self->dispatcher);

  G_OBJECT_CLASS (anju_messages_parent_class)->dispose (object);
}

static void
anju_messages_class_init (AnjuMessagesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = anju_messages_dispose;
}

static void
anju_messages_init (AnjuMessages *self)
{
}

void
anju_messages_register (AnjuServer *server)
{
  static const RoutesFunc tables[] = {
    anju_inbox_api_get_routes,
    anju_message_settings_api_get_routes,
    anju_sms_api_get_routes,
  };
  g_autoptr(AnjuMessages) self = NULL;

  g_return_if_fail (ANJU_IS_SERVER (server));

  self = g_object_new (ANJU_TYPE_MESSAGES, NULL);
  self->dispatcher = anju_sms_dispatcher_new (server);
  anju_server_set_service (server, ANJU_MESSAGES_SERVICE, self);
  /* The bus outlives the services in the server's dispose: it keeps a
   * reference of its own. */
  anju_event_bus_add_listener (anju_server_get_event_bus (server), anju_message_listener_deliver,
                               g_object_ref (self), g_object_unref);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      guint n_routes = 0;
      const AnjuRoute *routes = tables[i] (&n_routes);

      anju_server_add_routes (server, routes, n_routes);
    }
  anju_sms_dispatcher_start (self->dispatcher);
}

AnjuMessages *
anju_messages_get (AnjuServer *server)
{
  return ANJU_MESSAGES (anju_server_get_service (server, ANJU_MESSAGES_SERVICE));
}

AnjuSmsDispatcher *
anju_messages_get_dispatcher (AnjuMessages *self)
{
  g_return_val_if_fail (ANJU_IS_MESSAGES (self), NULL);
  return self->dispatcher;
}
