/* anju-inbox-item.c: one message of the inbox, with whether it is unread. */
#include "config.h"

#include "anju-inbox-item.h"

struct _AnjuInboxItem
{
  GObject     parent_instance;

  AnjuRecord *message;   /* (owned) */
  gboolean    unread;
};

G_DEFINE_FINAL_TYPE (AnjuInboxItem, anju_inbox_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_UNREAD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
anju_inbox_item_finalize (GObject *object)
{
  AnjuInboxItem *self = ANJU_INBOX_ITEM (object);

  g_clear_object (&self->message);

  G_OBJECT_CLASS (anju_inbox_item_parent_class)->finalize (object);
}

static void
anju_inbox_item_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AnjuInboxItem *self = ANJU_INBOX_ITEM (object);

  switch (prop_id)
    {
    case PROP_UNREAD:
      g_value_set_boolean (value, self->unread);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_inbox_item_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AnjuInboxItem *self = ANJU_INBOX_ITEM (object);

  switch (prop_id)
    {
    case PROP_UNREAD:
      anju_inbox_item_set_unread (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_inbox_item_class_init (AnjuInboxItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = anju_inbox_item_finalize;
  object_class->get_property = anju_inbox_item_get_property;
  object_class->set_property = anju_inbox_item_set_property;

  properties[PROP_UNREAD] =
    g_param_spec_boolean ("unread", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
anju_inbox_item_init (AnjuInboxItem *self)
{
}

AnjuInboxItem *
anju_inbox_item_new (AnjuRecord *message,
                     gboolean    unread)
{
  AnjuInboxItem *self;

  g_return_val_if_fail (ANJU_IS_RECORD (message), NULL);

  self = g_object_new (ANJU_TYPE_INBOX_ITEM, NULL);
  self->message = g_object_ref (message);
  self->unread = !!unread;
  return self;
}

AnjuRecord *
anju_inbox_item_get_message (AnjuInboxItem *self)
{
  g_return_val_if_fail (ANJU_IS_INBOX_ITEM (self), NULL);

  return self->message;
}

gboolean
anju_inbox_item_get_unread (AnjuInboxItem *self)
{
  g_return_val_if_fail (ANJU_IS_INBOX_ITEM (self), FALSE);

  return self->unread;
}

void
anju_inbox_item_set_unread (AnjuInboxItem *self,
                            gboolean       unread)
{
  g_return_if_fail (ANJU_IS_INBOX_ITEM (self));

  unread = !!unread;
  if (self->unread == unread)
    return;

  self->unread = unread;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNREAD]);
}
