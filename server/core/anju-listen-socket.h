/* anju-listen-socket.h: the socket the server accepts its clients on.
 *
 * libsoup's own listener keeps GLib's default backlog: ten connections
 * waiting to be accepted.  When more arrive at once (a street's kiosks
 * and desktops reconnecting after the server restarted, a benchmark's
 * 64 connections), the kernel drops the SYNs beyond it, answers with
 * SYN cookies, and those clients wait for TCP to retransmit: a second
 * for a dropped SYN, 200 ms and more for a dropped ACK.  This socket
 * keeps as many as the kernel allows (net.core.somaxconn).
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A TCP socket bound to address and listening, IPv6-only for an IPv6
 * address as libsoup's is; for soup_server_listen_socket (). */
GSocket *anju_listen_socket_new (GSocketAddress  *address,
                                 GError         **error);

G_END_DECLS
