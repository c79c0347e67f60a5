/* anju-external-import-dialog.h: the preview of an external records
 * import.
 *
 * Shows a dry run's import answer (docs/api.md "Imports"): how many rows,
 * how many are valid, and every error with its row, column and reason.
 * The response "import" (offered only when a row is valid) asks the
 * caller to send the file for real; "cancel" closes it.
 */
#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define ANJU_EXTERNAL_IMPORT_RESPONSE "import"

GtkWidget *anju_external_import_dialog_new (GtkWindow  *parent,
                                            JsonObject *report);

G_END_DECLS
