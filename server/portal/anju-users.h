/* anju-users.h: the users endpoints (F-PORTAL-017, account state of the
 * unified account center §1.3).
 *
 * Lists and reads cover the users of the caller's subtree; reading one
 * outside it is a 404, acting on one a 403, and so is resetting the
 * password of a user who holds permissions the caller lacks
 * (anju-grants.h).  Phones are masked unless the caller holds
 * portal.user.pii.
 */
#pragma once

#include "anju-route.h"

G_BEGIN_DECLS

const AnjuRoute *anju_users_get_routes (guint *n_routes);

G_END_DECLS
