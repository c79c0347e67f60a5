/* anju-unit-dialog-private.h: what the display test needs to fill in
 * the unit dialog the way a person would. */
#pragma once

#include "anju-unit-dialog.h"

G_BEGIN_DECLS

/* The row showing an API member ("unit_no", "monthly_rent" … entry
 * rows; "project_id", "building_id", "layout", "state" combo rows), or
 * NULL. */
GtkWidget  *_anju_unit_dialog_get_field       (AnjuUnitDialog *self,
                                               const char     *member);
GtkWidget  *_anju_unit_dialog_get_save_button (AnjuUnitDialog *self);
/* Whether the chosen project's buildings are there to choose from. */
gboolean    _anju_unit_dialog_is_ready        (AnjuUnitDialog *self);
/* (nullable) the message beside a member's row, or about the whole form
 * for member NULL. */
const char *_anju_unit_dialog_get_error       (AnjuUnitDialog *self,
                                               const char     *member);

G_END_DECLS
