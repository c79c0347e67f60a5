/* anju-role-dialog.h: create a custom role, or rename one (F-PORTAL-016).
 *
 * Name and description only; a new role starts without permissions,
 * which are then ticked in the roles page's matrix.  Like the other
 * forms it sends the request itself, keeps the input when the server
 * refuses (a duplicate name is a 409), and emits ::saved with the
 * server's Role on success.
 */
#pragma once

#include <adwaita.h>

#include "anju-api-client.h"
#include "anju-record.h"

G_BEGIN_DECLS

#define ANJU_TYPE_ROLE_DIALOG (anju_role_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AnjuRoleDialog, anju_role_dialog, ANJU, ROLE_DIALOG, AdwWindow)

/* role NULL: create. */
GtkWidget *anju_role_dialog_new (AnjuApiClient *client,
                                 AnjuRecord    *role);

G_END_DECLS
