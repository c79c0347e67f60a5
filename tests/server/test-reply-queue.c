/* test-reply-queue.c: finished work from threads back to one context
 * (server/core/anju-reply-queue.h), which every database worker job goes
 * through: each item delivered once, on the context's thread, in the
 * order its thread pushed it; and nothing lost or leaked when the queue
 * closes with items still waiting.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anju-reply-queue.h"
#include "anju-test-server.h"

#define N_THREADS 4
#define N_ITEMS   2000

typedef struct
{
  guint    thread;
  guint    index;
  GThread *delivered_in;   /* set on delivery */
} Item;

typedef struct
{
  AnjuReplyQueue *queue;
  guint           thread;
  Item           *items;   /* N_ITEMS of this thread's */
} Pusher;

/* What the deliveries saw; touched on the context's thread only. */
static guint next_index[N_THREADS];
static guint n_delivered;
static guint n_freed;

static void
deliver (gpointer data)
{
  Item *item = data;

  item->delivered_in = g_thread_self ();
  /* Each thread's items in the order it pushed them. */
  g_assert_cmpuint (item->index, ==, next_index[item->thread]);
  next_index[item->thread]++;
  n_delivered++;
}

static void
free_item (gpointer data)
{
  g_free (data);
  n_freed++;
}

static gpointer
push_thread (gpointer data)
{
  Pusher *pusher = data;

  for (guint i = 0; i < N_ITEMS; i++)
    {
      pusher->items[i] = (Item) { pusher->thread, i, NULL };
      anju_reply_queue_push (pusher->queue, &pusher->items[i]);
    }
  return NULL;
}

static void
reset_counts (void)
{
  memset (next_index, 0, sizeof next_index);
  n_delivered = 0;
  n_freed = 0;
}

static void
test_threads_deliver_in_order (void)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  AnjuReplyQueue *queue = anju_reply_queue_new (context, G_PRIORITY_DEFAULT, deliver, NULL);
  Pusher pushers[N_THREADS];
  GThread *threads[N_THREADS];

  reset_counts ();
  g_assert_true (anju_reply_queue_get_context (queue) == context);
  for (guint t = 0; t < N_THREADS; t++)
    {
      pushers[t] = (Pusher) { queue, t, g_new0 (Item, N_ITEMS) };
      threads[t] = g_thread_new ("test-reply-queue push", push_thread, &pushers[t]);
    }
  /* The pushers' wake-ups end the waits below. */
  while (n_delivered < N_THREADS * N_ITEMS)
    g_main_context_iteration (context, TRUE);
  for (guint t = 0; t < N_THREADS; t++)
    {
      g_thread_join (threads[t]);
      g_assert_cmpuint (next_index[t], ==, N_ITEMS);
      for (guint i = 0; i < N_ITEMS; i++)
        g_assert_true (pushers[t].items[i].delivered_in == g_thread_self ());
      g_free (pushers[t].items);
    }
  /* Nothing is delivered twice, and an empty queue does not wake. */
  g_assert_false (g_main_context_iteration (context, FALSE));
  g_assert_cmpuint (n_delivered, ==, N_THREADS * N_ITEMS);
  anju_reply_queue_close (queue);
}

/* Closing with items waiting: they are still delivered, on the next
 * iteration, and the queue's source then goes. */
static void
test_close_delivers_what_waits (void)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  AnjuReplyQueue *queue = anju_reply_queue_new (context, G_PRIORITY_DEFAULT, deliver, free_item);
  Item *items = g_new0 (Item, 3);

  reset_counts ();
  for (guint i = 0; i < 3; i++)
    {
      items[i] = (Item) { 0, i, NULL };
      anju_reply_queue_push (queue, &items[i]);
    }
  anju_reply_queue_close (queue);
  g_assert_cmpuint (n_delivered, ==, 0);
  while (g_main_context_iteration (context, FALSE))
    ;
  g_assert_cmpuint (n_delivered, ==, 3);
  g_assert_cmpuint (n_freed, ==, 0);
  g_free (items);
}

/* A context that is never iterated again frees what waits with
 * free_item when it goes (LeakSanitizer would see the rest). */
static void
test_unrun_context_frees (void)
{
  GMainContext *context = g_main_context_new ();
  AnjuReplyQueue *queue = anju_reply_queue_new (context, G_PRIORITY_DEFAULT, deliver, free_item);

  reset_counts ();
  for (guint i = 0; i < 5; i++)
    anju_reply_queue_push (queue, g_new0 (Item, 1));
  anju_reply_queue_close (queue);
  g_main_context_unref (context);
  g_assert_cmpuint (n_delivered, ==, 0);
  g_assert_cmpuint (n_freed, ==, 5);
}

int
main (int    argc,
      char **argv)
{
  anju_test_init (&argc, &argv);

  g_test_add_func ("/platform/reply-queue/threads-deliver-in-order", test_threads_deliver_in_order);
  g_test_add_func ("/platform/reply-queue/close-delivers-what-waits", test_close_delivers_what_waits);
  g_test_add_func ("/platform/reply-queue/unrun-context-frees", test_unrun_context_frees);
  return g_test_run ();
}
