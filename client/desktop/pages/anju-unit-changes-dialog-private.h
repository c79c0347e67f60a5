/* anju-unit-changes-dialog-private.h: what the display test reads. */
#pragma once

#include "anju-unit-changes-dialog.h"

G_BEGIN_DECLS

/* TRUE once the log is shown (or its failure is). */
gboolean _anju_unit_changes_dialog_is_loaded     (AnjuUnitChangesDialog *self);
/* The text each row shows (heading, newline, the changed fields),
 * newest first (transfer full). */
GStrv    _anju_unit_changes_dialog_get_texts     (AnjuUnitChangesDialog *self);

G_END_DECLS
