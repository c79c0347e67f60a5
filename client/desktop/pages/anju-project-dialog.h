/* anju-project-dialog.h: create a public rental housing project, or edit
 * one (F-PRH-011; docs/api.md "Housing stock").
 *
 * Number, name, address, district, the operating enterprise (chosen
 * among the organisations of kind enterprise_operating, or none),
 * status, start and end dates, person in charge and description.  The
 * dialog sends the request itself; when the server refuses, it stays
 * open with everything typed and shows each field message beside its
 * field.  On success it emits ::saved with the server's Project and
 * closes.
 */
#pragma once

#include <adwaita.h>

#include "anju-api-client.h"
#include "anju-record.h"

G_BEGIN_DECLS

#define ANJU_TYPE_PROJECT_DIALOG (anju_project_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AnjuProjectDialog, anju_project_dialog, ANJU, PROJECT_DIALOG, AdwWindow)

/* project NULL: create.  operators: a GListModel of Organisation
 * AnjuRecords (kind enterprise_operating). */
GtkWidget *anju_project_dialog_new (AnjuApiClient *client,
                                    AnjuRecord    *project,
                                    GListModel    *operators);

G_END_DECLS
