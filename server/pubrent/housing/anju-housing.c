/* anju-housing.c: registers the housing stock routes.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anju-housing-private.h"
#include "anju-housing.h"

#define UNIT_POSITIONS_SERVICE "pubrent.housing.unit-positions"

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
  g_autoptr(AnjuUnitPositionsCache) positions = anju_unit_positions_cache_new ();

  g_return_if_fail (ANJU_IS_SERVER (server));

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      guint n_routes;
      const AnjuRoute *routes = tables[i] (&n_routes);

      anju_server_add_routes (server, routes, n_routes);
    }
  anju_server_set_service (server, UNIT_POSITIONS_SERVICE, positions);
}

AnjuUnitPositionsCache *
anju_housing_get_unit_positions (AnjuServer *server)
{
  g_return_val_if_fail (ANJU_IS_SERVER (server), NULL);

  return anju_server_get_service (server, UNIT_POSITIONS_SERVICE);
}
