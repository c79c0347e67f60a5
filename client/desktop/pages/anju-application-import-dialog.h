/* anju-application-import-dialog.h: directed applications of an
 * employer's staff, imported from a spreadsheet (F-PRH directed
 * application; docs/api.md, "Applications" and "Imports").
 *
 * The user chooses a CSV or XLSX file; "Check" sends it with
 * dry_run=true and lists what the server found: the number of rows and
 * valid ones, and every error with its row, column and reason.
 * "Import" sends it again with dry_run=false, which imports the valid
 * rows (each becomes a submitted application); ::imported then carries
 * how many and the dialog closes.
 */
#pragma once

#include <adwaita.h>

#include "anju-api-client.h"

G_BEGIN_DECLS

#define ANJU_TYPE_APPLICATION_IMPORT_DIALOG (anju_application_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AnjuApplicationImportDialog, anju_application_import_dialog, ANJU, APPLICATION_IMPORT_DIALOG, AdwWindow)

GtkWidget *anju_application_import_dialog_new      (AnjuApiClient               *client);
/* Takes the file as if chosen (tests, drag and drop). */
void       anju_application_import_dialog_set_file (AnjuApplicationImportDialog *self,
                                                    GFile                       *file);

G_END_DECLS
