/* anju-audit-api.h: reading the audit log (F-PORTAL-021 system logs).
 *
 * A reader sees the rows whose actor belonged to an organisation in the
 * reader's scope when acting.  Rows with no organisation (sign-in
 * attempts with unknown names, anju-server's own writes) belong to the
 * center, so only readers at the center see them.
 */
#pragma once

#include "anju-route.h"

G_BEGIN_DECLS

const AnjuRoute *anju_audit_api_get_routes (guint *n_routes);

G_END_DECLS
