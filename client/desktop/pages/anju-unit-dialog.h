/* anju-unit-dialog.h: create a unit, or change one (F-PRH-012).
 *
 * A new unit needs its number, project, building, room, floor, layout,
 * floor area and rent; the building list follows the project chosen.
 * An existing unit keeps its place (number, project, building, entrance,
 * room, floor: shown, not editable) and changes what docs/api.md lets a
 * PATCH change: rent, facilities, state, orientation, layout, rooms and
 * areas.  The dialog sends the request itself; when the server refuses,
 * it stays open with everything typed and shows each field message
 * beside its field.  On success it emits ::saved with the server's Unit
 * and closes.
 */
#pragma once

#include <adwaita.h>

#include "anju-api-client.h"
#include "anju-record.h"

G_BEGIN_DECLS

#define ANJU_TYPE_UNIT_DIALOG (anju_unit_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AnjuUnitDialog, anju_unit_dialog, ANJU, UNIT_DIALOG, AdwWindow)

/* unit NULL: create.  projects: a GListModel of Project AnjuRecords to
 * choose from; project_id: the one chosen first (0: the first). */
GtkWidget *anju_unit_dialog_new (AnjuApiClient *client,
                                 AnjuRecord    *unit,
                                 GListModel    *projects,
                                 gint64         project_id);

G_END_DECLS
