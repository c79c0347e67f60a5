/* anju-unit-changes-dialog.h: a unit's change log (F-PRH-012).
 *
 * Every change of a unit, newest first (GET /api/v1/pubrent/units/{id}/
 * changes): when, who, what was done, and for each field that changed
 * its name and old → new value in words (anju-housing-labels.h).
 */
#pragma once

#include <adwaita.h>

#include "anju-api-client.h"
#include "anju-record.h"

G_BEGIN_DECLS

#define ANJU_TYPE_UNIT_CHANGES_DIALOG (anju_unit_changes_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AnjuUnitChangesDialog, anju_unit_changes_dialog, ANJU, UNIT_CHANGES_DIALOG, AdwWindow)

GtkWidget *anju_unit_changes_dialog_new (AnjuApiClient *client,
                                         AnjuRecord    *unit);

G_END_DECLS
