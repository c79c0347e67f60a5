/* test-listen-socket.c: a burst of clients all get connected while the
 * server is busy (issue 7: the benchmark opens 64 connections at once).
 *
 * The test holds the server's main loop, so nothing is accepted, and
 * opens 64 connections.  With libsoup's own listener (GLib's backlog of
 * ten) the kernel drops the SYNs beyond the eleventh, and those clients
 * would wait for TCP to retry while the loop stays held: the test fails
 * at its bound instead.  With the server's socket
 * (anju-listen-socket.h) every handshake is done in the kernel.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "anju-test-server.h"

#define BURST 64

/* Far longer than a handshake on loopback takes; far shorter than the
 * two minutes for which TCP retries a dropped SYN. */
#define CONNECT_BOUND_USEC (10 * G_USEC_PER_SEC)

typedef struct
{
  GMutex   lock;
  GCond    cond;
  gboolean holding;
  gboolean released;
} Hold;

static gboolean
hold_loop_cb (gpointer data)
{
  Hold *hold = data;

  g_mutex_lock (&hold->lock);
  hold->holding = TRUE;
  g_cond_broadcast (&hold->cond);
  while (!hold->released)
    g_cond_wait (&hold->cond, &hold->lock);
  g_mutex_unlock (&hold->lock);
  return G_SOURCE_REMOVE;
}

static GSocket *
connect_started (GSocketAddress *address)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, &error);

  g_assert_no_error (error);
  g_socket_set_blocking (socket, FALSE);
  if (!g_socket_connect (socket, address, NULL, &error))
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PENDING);
  return g_steal_pointer (&socket);
}

static void
assert_connected (GSocket *socket)
{
  g_autoptr(GError) error = NULL;

  g_socket_set_blocking (socket, TRUE);
  g_socket_set_timeout (socket, 0);
  g_assert_true (g_socket_condition_timed_wait (socket, G_IO_OUT, CONNECT_BOUND_USEC, NULL,
                                                &error));
  g_assert_no_error (error);
  g_assert_true (g_socket_check_connect_result (socket, &error));
  g_assert_no_error (error);
}

static void
test_burst_connects (void)
{
  AnjuTestServer *srv = anju_test_server_start (FALSE);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback,
                                                                 anju_server_get_port (srv->server));
  g_autoptr(GPtrArray) sockets = g_ptr_array_new_with_free_func (g_object_unref);
  Hold hold = { 0, };

  g_mutex_init (&hold.lock);
  g_cond_init (&hold.cond);
  g_main_context_invoke (srv->context, hold_loop_cb, &hold);
  g_mutex_lock (&hold.lock);
  while (!hold.holding)
    g_cond_wait (&hold.cond, &hold.lock);
  g_mutex_unlock (&hold.lock);

  for (guint i = 0; i < BURST; i++)
    g_ptr_array_add (sockets, connect_started (address));
  for (guint i = 0; i < BURST; i++)
    assert_connected (sockets->pdata[i]);

  g_mutex_lock (&hold.lock);
  hold.released = TRUE;
  g_cond_broadcast (&hold.cond);
  g_mutex_unlock (&hold.lock);
  g_clear_pointer (&sockets, g_ptr_array_unref);
  anju_test_server_stop (srv);
  g_mutex_clear (&hold.lock);
  g_cond_clear (&hold.cond);
}

int
main (int argc, char **argv)
{
  anju_test_init (&argc, &argv);

  g_test_add_func ("/platform/listen-socket/burst-connects", test_burst_connects);
  return g_test_run ();
}
