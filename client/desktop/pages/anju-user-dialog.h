/* anju-user-dialog.h: create a user account, or edit one (F-PORTAL-017).
 *
 * Username, name, mobile phone, post, organisation and roles, and for a
 * new account an initial password checked against the shared password
 * policy as it is typed.  The dialog sends the request itself; when the
 * server refuses, it stays open with everything typed and shows each of
 * the server's field messages beside its field.  On success it emits
 * ::saved with the server's User and closes.
 *
 * The phone of an existing user arrives masked unless the caller holds
 * portal.user.pii, so it is only sent back when it was changed.
 */
#pragma once

#include <adwaita.h>

#include "anju-api-client.h"
#include "anju-record.h"

G_BEGIN_DECLS

#define ANJU_TYPE_USER_DIALOG (anju_user_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AnjuUserDialog, anju_user_dialog, ANJU, USER_DIALOG, AdwWindow)

/* organisations and roles: GListModels of AnjuRecord to choose from
 * (Organisation and Role objects of docs/api.md).  user NULL: create. */
GtkWidget *anju_user_dialog_new (AnjuApiClient *client,
                                 AnjuRecord    *user,
                                 GListModel    *organisations,
                                 GListModel    *roles);

G_END_DECLS
