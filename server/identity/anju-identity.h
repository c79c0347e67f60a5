/* anju-identity.h: entry points of the identity domain used by the server
 * core and by anju-server's subcommands. */
#pragma once

#include "anju-clock.h"
#include "anju-db.h"
#include "anju-server.h"

G_BEGIN_DECLS

/* auth/…, organisations, users, roles, permissions, audit endpoints. */
void     anju_identity_register_routes (AnjuServer *server);

/* anju-server create-admin: a center_admin user at the root organisation.
 * The password must satisfy the policy. */
gboolean anju_identity_create_admin    (AnjuDb      *db,
                                        AnjuClock   *clock,
                                        GBytes      *audit_key,
                                        const char  *username,
                                        const char  *password,
                                        GError     **error);

/* anju-server init --demo: the New Area center, its streets and
 * communities, an enterprise, a supplier and one user per system role
 * (docs/demo.md lists them with their passwords).  Idempotent: does
 * nothing when the center already has streets. */
gboolean anju_identity_populate_demo   (AnjuDb      *db,
                                        AnjuClock   *clock,
                                        GBytes      *audit_key,
                                        GError     **error);

G_END_DECLS
