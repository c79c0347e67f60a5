/* anju-organisations.h: the organisations endpoints (F-PORTAL-015).
 *
 * Lists and reads are limited to the caller's subtree; reading outside it
 * is a 404, acting on something outside it a 403.  Every write commits
 * together with its audit row.
 */
#pragma once

#include "anju-route.h"

G_BEGIN_DECLS

const AnjuRoute *anju_organisations_get_routes (guint *n_routes);

G_END_DECLS
