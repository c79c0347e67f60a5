/* anju-housing.c: registers the housing stock routes.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anju-housing-private.h"
#include "anju-housing.h"

typedef const AnjuRoute *(*RoutesFunc) (guint *n_routes);

void
anju_housing_register (AnjuServer *server)
{
  /* The import and export first: /units/export is no /units/{id}. */
  static const RoutesFunc tables[] = {
    anju_housing_transfer_routes,
    anju_housing_project_routes,
    anju_housing_unit_routes,
  };

  g_return_if_fail (ANJU_IS_SERVER (server));

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      guint n_routes;
      const AnjuRoute *routes = tables[i] (&n_routes);

      anju_server_add_routes (server, routes, n_routes);
    }
}
