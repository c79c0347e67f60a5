/* anju-listen-socket.c: the socket the server accepts its clients on.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <netinet/in.h>

#include "anju-listen-socket.h"

/* The kernel lowers it to net.core.somaxconn (4096 on Debian 12). */
#define LISTEN_BACKLOG 4096

GSocket *
anju_listen_socket_new (GSocketAddress  *address,
                        GError         **error)
{
  GSocketFamily family;
  g_autoptr(GSocket) socket = NULL;

  g_return_val_if_fail (G_IS_SOCKET_ADDRESS (address), NULL);

  family = g_socket_address_get_family (address);
  socket = g_socket_new (family, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_DEFAULT, error);
  if (socket == NULL)
    return NULL;
  if (family == G_SOCKET_FAMILY_IPV6
      && !g_socket_set_option (socket, IPPROTO_IPV6, IPV6_V6ONLY, TRUE, error))
    return NULL;
  g_socket_set_listen_backlog (socket, LISTEN_BACKLOG);
  if (!g_socket_bind (socket, address, TRUE, error) || !g_socket_listen (socket, error))
    return NULL;
  return g_steal_pointer (&socket);
}
