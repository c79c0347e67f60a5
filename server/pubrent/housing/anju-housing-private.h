/* anju-housing-private.h: what the housing handlers share.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "anju-housing-store.h"
#include "anju-route.h"

G_BEGIN_DECLS

gint64           anju_housing_request_now     (AnjuRequest  *request);
/* anju_housing_scope_path() of the request's caller. */
const char      *anju_housing_request_scope   (AnjuRequest  *request);
/* The project in the caller's scope (Project JSON without buildings);
 * replies 404 and returns FALSE when there is none. */
gboolean         anju_housing_load_project    (AnjuRequest  *request,
                                               gint64        id,
                                               JsonNode    **out_project);

const AnjuRoute *anju_housing_project_routes  (guint *n_routes);
const AnjuRoute *anju_housing_unit_routes     (guint *n_routes);
const AnjuRoute *anju_housing_transfer_routes (guint *n_routes);

G_END_DECLS
