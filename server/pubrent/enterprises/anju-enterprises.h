/* anju-enterprises.h: operating enterprises of public rental housing
 * (F-PRH-011, docs/api.md "Operating enterprises").
 *
 * An operating enterprise is an organisation of kind enterprise_operating
 * under the center, its profile, its one account (role
 * enterprise_operator, a random first password texted to the contact
 * through the message center's account.initial_password event) and its
 * projects (pubrent_projects.operator_org_id).  Purging keeps every row:
 * the users are disabled and lose their roles, the projects lose their
 * operator.  Every endpoint needs pubrent.enterprise.manage; every write
 * commits with its audit rows (pubrent.enterprise.*).
 */
#pragma once

#include "anju-db.h"
#include "anju-server.h"

G_BEGIN_DECLS

void     anju_enterprises_register        (AnjuServer  *server);

/* anju-server init --demo: gives the demo operating enterprise
 * 湘江新区安居运营有限公司 its profile and makes the demo user
 * "enterprise" its account.  Runs inside the caller's transaction after
 * the demo organisations and users exist; audited as anju-server. */
gboolean anju_enterprises_populate_demo   (AnjuDb      *db,
                                           GBytes      *audit_key,
                                           gint64       now,
                                           GError     **error);

G_END_DECLS
