/* anju-eligibility.c: registering the eligibility endpoints.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anju-eligibility.h"

typedef const AnjuRoute *(*RoutesFunc) (guint *n_routes);

void
anju_eligibility_register (AnjuServer *server)
{
  static const RoutesFunc tables[] = {
    anju_settings_api_get_routes,
    anju_external_records_api_get_routes,
  };

  g_return_if_fail (ANJU_IS_SERVER (server));

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      guint n_routes = 0;
      const AnjuRoute *routes = tables[i] (&n_routes);

      anju_server_add_routes (server, routes, n_routes);
    }
}
