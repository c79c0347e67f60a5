/* anju-auth.h: the auth endpoints (sign-in, sign-out, own account).
 *
 * Sign-in and password changes hash passwords (about 0.14 s each), so
 * their handlers pause the request, hash in a worker thread and answer
 * from the main context; every database access stays on the main thread.
 */
#pragma once

#include "anju-route.h"

G_BEGIN_DECLS

const AnjuRoute *anju_auth_get_routes (guint *n_routes);

G_END_DECLS
