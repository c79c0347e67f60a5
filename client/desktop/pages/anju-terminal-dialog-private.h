/* anju-terminal-dialog-private.h: what the desktop UI test needs to fill
 * in the dialog the way a person would. */
#pragma once

#include "anju-terminal-dialog.h"

G_BEGIN_DECLS

/* The switch of a peripheral kind ("printer"), or NULL. */
GtkWidget  *_anju_terminal_dialog_get_peripheral_switch (AnjuTerminalDialog *self,
                                                         const char         *kind);
/* The street chooser (an AdwComboRow over streets and communities). */
GtkWidget  *_anju_terminal_dialog_get_org_row           (AnjuTerminalDialog *self);
/* (nullable) the message shown beside one field ("sn",
 * "peripherals.camera"), or about the whole form (field NULL). */
const char *_anju_terminal_dialog_get_error             (AnjuTerminalDialog *self,
                                                         const char         *field);

G_END_DECLS
