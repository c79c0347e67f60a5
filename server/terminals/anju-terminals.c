/* anju-terminals.c: anju_terminals_register(), the terminals as a part of
 * the server: routes, the banner's file-access rule and the alert sweep.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anju-terminals-private.h"
#include "anju-terminals.h"

static void
add_routes (AnjuServer       *server,
            const AnjuRoute *(*get_routes) (guint *n_routes))
{
  guint n_routes = 0;
  const AnjuRoute *routes = get_routes (&n_routes);

  anju_server_add_routes (server, routes, n_routes);
}

void
anju_terminals_register (AnjuServer *server)
{
  g_return_if_fail (ANJU_IS_SERVER (server));

  add_routes (server, _anju_terminals_registry_routes);
  add_routes (server, _anju_terminals_credential_routes);
}
