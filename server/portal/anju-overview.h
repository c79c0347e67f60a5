/* anju-overview.h: the home page's numbers (首页 数据概览 and 业务办理,
 * F-PORTAL-001..003; docs/api.md, "Workbench").
 *
 * One read-only endpoint that gathers what the other modules own: the
 * caller's to-do counts from the workflow engine, the unread count from
 * the message center, visible notices from the portal content, and users
 * and organisations of the caller's scope.  It writes nothing.
 */
#pragma once

#include "anju-route.h"

G_BEGIN_DECLS

const AnjuRoute *anju_overview_get_routes (guint *n_routes);

G_END_DECLS
