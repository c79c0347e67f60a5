/* anju-audit-page.h: the system log (F-PORTAL-021): audit records filtered by
 * time, actor, entity and action, newest first, with the before and after
 * state of the selected record.
 *
 * Created by AnjuWindow by GType with the construct-only property
 * "client" (AnjuApiClient), which every request of the page goes
 * through.  The page loads nothing until it is shown or reloaded, so a
 * window can create every page at sign-in without a burst of requests.
 * Results and failures are reported through the window's "win.toast"
 * action.
 */
#pragma once

#include <adwaita.h>

#include "anju-api-client.h"

G_BEGIN_DECLS

#define ANJU_TYPE_AUDIT_PAGE (anju_audit_page_get_type ())
G_DECLARE_FINAL_TYPE (AnjuAuditPage, anju_audit_page, ANJU, AUDIT_PAGE, AdwBin)

GtkWidget *anju_audit_page_new    (AnjuApiClient *client);
/* Drops what is shown and fetches it again from the server. */
void       anju_audit_page_reload (AnjuAuditPage *self);

G_END_DECLS
