/* anju-shortcuts.h: the workbench's shortcuts (常用功能, F-PORTAL-007),
 * GET and PUT /api/v1/me/shortcuts.
 *
 * Each user keeps an ordered list of at most ANJU_SHORTCUTS_MAX desktop
 * page names (shared/anju-desktop-pages.h); a name the desktop does not
 * have, or one listed twice, is a 422 on "pages".  A user who never chose
 * any has none.  Saving is audited as shortcuts.update.
 */
#pragma once

#include "anju-db.h"
#include "anju-route.h"

G_BEGIN_DECLS

#define ANJU_SHORTCUTS_MAX 12

const AnjuRoute *anju_shortcuts_get_routes (guint *n_routes);

/* Replaces user_id's shortcuts with pages (checked already).  No
 * transaction, no audit: the caller does both. */
gboolean         anju_shortcuts_store_set  (AnjuDb              *db,
                                            gint64               user_id,
                                            const char * const  *pages,
                                            GError             **error);

G_END_DECLS
