/* anju-reply-queue.c: one GSource whose ready time is its queue being
 * non-empty.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anju-reply-queue.h"

struct _AnjuReplyQueue
{
  GSource               source;
  AnjuReplyDeliverFunc  deliver;
  GDestroyNotify        free_item;
  GMutex                lock;
  GQueue                items;    /* (owned) under lock */
  gboolean              closed;   /* under lock */
};

/* Lock order: the queue's lock, then the context's (inside
 * g_source_set_ready_time()); the context never holds its own lock
 * while it dispatches. */
static gboolean
reply_queue_dispatch (GSource     *source,
                      GSourceFunc  callback,
                      gpointer     user_data)
{
  AnjuReplyQueue *self = (AnjuReplyQueue *) source;
  GQueue items = G_QUEUE_INIT;
  gboolean closed;
  gpointer item;

  g_mutex_lock (&self->lock);
  items = self->items;
  g_queue_init (&self->items);
  g_source_set_ready_time (source, -1);
  closed = self->closed;
  g_mutex_unlock (&self->lock);

  while ((item = g_queue_pop_head (&items)) != NULL)
    self->deliver (item);
  return closed ? G_SOURCE_REMOVE : G_SOURCE_CONTINUE;
}

static void
reply_queue_finalize (GSource *source)
{
  AnjuReplyQueue *self = (AnjuReplyQueue *) source;

  g_queue_clear_full (&self->items, self->free_item);
  g_mutex_clear (&self->lock);
}

static GSourceFuncs reply_queue_funcs = {
  .dispatch = reply_queue_dispatch,
  .finalize = reply_queue_finalize,
};

AnjuReplyQueue *
anju_reply_queue_new (GMainContext         *context,
                      int                   priority,
                      AnjuReplyDeliverFunc  deliver,
                      GDestroyNotify        free_item)
{
  GSource *source = g_source_new (&reply_queue_funcs, sizeof (AnjuReplyQueue));
  AnjuReplyQueue *self = (AnjuReplyQueue *) source;

  g_return_val_if_fail (deliver != NULL, NULL);

  self->deliver = deliver;
  self->free_item = free_item;
  g_mutex_init (&self->lock);
  g_queue_init (&self->items);
  g_source_set_name (source, "anju-reply-queue");
  g_source_set_priority (source, priority);
  g_source_attach (source, context);
  return self;
}

void
anju_reply_queue_push (AnjuReplyQueue *self,
                       gpointer        item)
{
  g_return_if_fail (self != NULL);

  g_mutex_lock (&self->lock);
  g_queue_push_tail (&self->items, item);
  /* The first item wakes the context; later ones find it woken. */
  if (self->items.length == 1)
    g_source_set_ready_time (&self->source, 0);
  g_mutex_unlock (&self->lock);
}

GMainContext *
anju_reply_queue_get_context (AnjuReplyQueue *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_source_get_context (&self->source);
}

void
anju_reply_queue_close (AnjuReplyQueue *self)
{
  gboolean empty;

  if (self == NULL)
    return;

  g_mutex_lock (&self->lock);
  self->closed = TRUE;
  empty = g_queue_is_empty (&self->items);
  g_mutex_unlock (&self->lock);
  /* With items waiting, the next dispatch delivers them and removes the
   * source (nothing can be pushed any more: the caller closes last). */
  if (empty)
    g_source_destroy (&self->source);
  g_source_unref (&self->source);
}
