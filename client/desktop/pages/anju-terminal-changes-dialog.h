/* anju-terminal-changes-dialog.h: a terminal's history (F-TERM-001).
 *
 * Every change of a terminal, newest first (GET /api/v1/terminals/{id}/
 * changes): when, who, what was done (registered, edited, credential
 * issued …), and for each field that changed its name and old → new
 * value in words (anju-terminal-labels.h).
 */
#pragma once

#include <adwaita.h>

#include "anju-api-client.h"
#include "anju-record.h"

G_BEGIN_DECLS

#define ANJU_TYPE_TERMINAL_CHANGES_DIALOG (anju_terminal_changes_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AnjuTerminalChangesDialog, anju_terminal_changes_dialog, ANJU, TERMINAL_CHANGES_DIALOG, AdwWindow)

GtkWidget *anju_terminal_changes_dialog_new (AnjuApiClient *client,
                                             AnjuRecord    *terminal);

/* For the display test: TRUE once the history (or its failure) shows. */
gboolean   _anju_terminal_changes_dialog_is_loaded (AnjuTerminalChangesDialog *self);
/* The text of each row (heading, newline, the changed fields), newest
 * first (transfer full). */
GStrv      _anju_terminal_changes_dialog_get_texts (AnjuTerminalChangesDialog *self);

G_END_DECLS
