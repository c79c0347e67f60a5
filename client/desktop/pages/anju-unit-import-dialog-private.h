/* anju-unit-import-dialog-private.h: what the display test needs to
 * import the way a person would, without the platform's file chooser. */
#pragma once

#include "anju-unit-import-dialog.h"

G_BEGIN_DECLS

/* What "Choose File…" does once the user chose file. */
void        _anju_unit_import_dialog_use_file          (AnjuUnitImportDialog *self,
                                                        GFile                *file);
/* TRUE while a dry run or the import is on its way. */
gboolean    _anju_unit_import_dialog_is_busy           (AnjuUnitImportDialog *self);
GtkWidget  *_anju_unit_import_dialog_get_import_button (AnjuUnitImportDialog *self);
/* (nullable) the counts line of the report, and the message of a
 * refused file. */
const char *_anju_unit_import_dialog_get_counts        (AnjuUnitImportDialog *self);
const char *_anju_unit_import_dialog_get_message       (AnjuUnitImportDialog *self);
guint       _anju_unit_import_dialog_get_n_preview     (AnjuUnitImportDialog *self);
/* "3\t户型\treason" per error, in the report's order (transfer full). */
GStrv       _anju_unit_import_dialog_get_errors        (AnjuUnitImportDialog *self);

G_END_DECLS
