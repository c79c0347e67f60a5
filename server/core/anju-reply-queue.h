/* anju-reply-queue.h: finished work handed from threads back to one main
 * context, with one wake-up for however much of it waits.
 *
 * Each database worker job used to come back on an idle source of its
 * own: attaching it locks the main context and writes its wake-up
 * eventfd, about 5 % of both the worker threads' and the main loop's
 * time under the city detail scenario (bench/RESULTS.md).  A reply
 * queue is one source on the context; a thread that pushes onto an empty
 * queue wakes the context, one that pushes behind others does not, and
 * the context takes everything waiting in one dispatch.
 *
 *   queue = anju_reply_queue_new (context, deliver);   owner's thread
 *   anju_reply_queue_push (queue, item);               any thread
 *   deliver (item) runs on context, in the order pushed
 *   anju_reply_queue_close (queue);                    owner's thread
 *
 * Closing lets the items still waiting be delivered on context later,
 * then the source goes; a queue closed while its context is never
 * iterated again frees what waits with free_item.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _AnjuReplyQueue AnjuReplyQueue;

typedef void (*AnjuReplyDeliverFunc) (gpointer item);

AnjuReplyQueue *anju_reply_queue_new         (GMainContext         *context,
                                              int                   priority,
                                              AnjuReplyDeliverFunc  deliver,
                                              GDestroyNotify        free_item);
void            anju_reply_queue_push        (AnjuReplyQueue       *self,
                                              gpointer              item);
GMainContext   *anju_reply_queue_get_context (AnjuReplyQueue       *self);
void            anju_reply_queue_close       (AnjuReplyQueue       *self);

G_END_DECLS
