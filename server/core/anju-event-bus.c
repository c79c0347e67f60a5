#include "config.h"

#include "anju-event-bus.h"

typedef struct
{
  AnjuEventListener listener;
  gpointer          user_data;
  GDestroyNotify    destroy;
} Listener;

struct _AnjuEventBus
{
  GArray *listeners;   /* of Listener */
};

static void
clear_listener (gpointer data)
{
  Listener *listener = data;

  if (listener->destroy != NULL)
    listener->destroy (listener->user_data);
}

AnjuEventBus *
anju_event_bus_new (void)
{
  AnjuEventBus *self = g_new0 (AnjuEventBus, 1);

  self->listeners = g_array_new (FALSE, TRUE, sizeof (Listener));
  g_array_set_clear_func (self->listeners, clear_listener);
  return self;
}

void
anju_event_bus_free (AnjuEventBus *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->listeners);
  g_free (self);
}

void
anju_event_bus_add_listener (AnjuEventBus      *self,
                             AnjuEventListener  listener,
                             gpointer           user_data,
                             GDestroyNotify     destroy)
{
  Listener entry = { listener, user_data, destroy };

  g_return_if_fail (self != NULL && listener != NULL);
  g_array_append_val (self->listeners, entry);
}

gboolean
anju_event_bus_emit (AnjuEventBus     *self,
                     const AnjuEvent  *event,
                     GError          **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (event != NULL && event->type != NULL && event->db != NULL, FALSE);

  for (guint i = 0; i < self->listeners->len; i++)
    {
      Listener *entry = &g_array_index (self->listeners, Listener, i);

      if (!entry->listener (event, entry->user_data, error))
        return FALSE;
    }
  return TRUE;
}
