/* anju-housing.h: public rental housing stock (docs/api.md "Housing
 * stock", F-PRH-012): projects, buildings and units, their abnormal
 * marks, change log, import and export.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "anju-audit.h"
#include "anju-server.h"
#include "anju-unit-positions.h"

G_BEGIN_DECLS

void                    anju_housing_register           (AnjuServer  *server);
/* (transfer none) (nullable) The unit list's page starts, shared by every
 * reader of the server; NULL once the server's services are gone. */
AnjuUnitPositionsCache *anju_housing_get_unit_positions (AnjuServer  *server);

/* The demo's projects, buildings and units (docs/demo.md), audited as the
 * server itself; runs inside the caller's transaction, after the demo
 * organisations exist. */
gboolean                anju_housing_populate_demo      (AnjuDb      *db,
                                                         GBytes      *audit_key,
                                                         gint64       now,
                                                         GError     **error);

G_END_DECLS
