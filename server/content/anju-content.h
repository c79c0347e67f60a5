/* anju-content.h: the unified portal's content (issue 3): stored files,
 * news, notices and business guides, feedback and the workbench's
 * shortcuts.  Entry points for the server core and anju-server init.
 */
#pragma once

#include "anju-db.h"
#include "anju-server.h"

G_BEGIN_DECLS

/* The files, articles, feedback and shortcuts endpoints, and the
 * articles' reader of attachments (anju-file-access.h). */
void     anju_content_register       (AnjuServer  *server);

/* anju-server init --demo: published news, notices and business guides
 * about the New Area's public rental and affordable rental housing, one
 * draft, two feedback items (one replied) and shortcuts for the admin
 * and center accounts.  Runs inside the caller's transaction after the
 * demo organisations and users exist; every row is audited as
 * anju-server. */
gboolean anju_content_populate_demo  (AnjuDb      *db,
                                      GBytes      *audit_key,
                                      gint64       now,
                                      GError     **error);

G_END_DECLS
