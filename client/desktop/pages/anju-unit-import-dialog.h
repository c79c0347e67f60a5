/* anju-unit-import-dialog.h: units imported from a spreadsheet
 * (F-PRH-012; docs/api.md "Imports" and "Housing stock").
 *
 * The user chooses a CSV or XLSX file; the dialog sends it as a dry run
 * and shows the server's report: how many rows, how many valid, the
 * first valid rows as they would be stored, and every error with its
 * row, column and reason.  "Import N valid rows" then sends it for real:
 * the valid rows go in, all or none.  ::imported (the number imported)
 * follows and the dialog closes.
 */
#pragma once

#include <adwaita.h>

#include "anju-api-client.h"

G_BEGIN_DECLS

#define ANJU_TYPE_UNIT_IMPORT_DIALOG (anju_unit_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AnjuUnitImportDialog, anju_unit_import_dialog, ANJU, UNIT_IMPORT_DIALOG, AdwWindow)

GtkWidget *anju_unit_import_dialog_new    (AnjuApiClient *client);

/* "csv" or "xlsx" by the file's name, or NULL for anything else. */
const char *anju_unit_import_format_for   (const char    *filename);

G_END_DECLS
