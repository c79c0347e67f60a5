/* anju-roles.h: the roles and permissions endpoints (F-PORTAL-016, -018).
 *
 * Roles are global (not scoped to organisations): they are defined once by
 * the center and assigned to users anywhere.  System roles cannot be
 * changed or deleted; custom roles may hold only permissions the editor
 * holds.
 */
#pragma once

#include "anju-route.h"

G_BEGIN_DECLS

const AnjuRoute *anju_roles_get_routes (guint *n_routes);

G_END_DECLS
