/* anju-organisation-dialog.h: create a child organisation, or edit one.
 *
 * The dialog sends the request itself, so that when the server refuses it
 * stays open with everything typed and shows the server's reasons at the
 * fields they concern.  On success it emits ::saved with the server's
 * Organisation and closes.
 */
#pragma once

#include <adwaita.h>

#include "anju-api-client.h"
#include "anju-record.h"

G_BEGIN_DECLS

#define ANJU_TYPE_ORGANISATION_DIALOG (anju_organisation_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AnjuOrganisationDialog, anju_organisation_dialog, ANJU, ORGANISATION_DIALOG, AdwWindow)

/* Offers only the kinds the tree rules allow under parent. */
GtkWidget *anju_organisation_dialog_new_child (AnjuApiClient *client,
                                               AnjuRecord    *parent);
/* Edits name, code and description; kind and place stay. */
GtkWidget *anju_organisation_dialog_new_edit  (AnjuApiClient *client,
                                               AnjuRecord    *organisation);

G_END_DECLS
