/* anju-shortcuts-dialog-private.h: what the desktop UI tests drive in
 * the shortcuts dialog. */
#pragma once

#include "anju-shortcuts-dialog.h"

G_BEGIN_DECLS

/* The tick and the move buttons of a page's row, or NULL. */
GtkWidget *_anju_shortcuts_dialog_get_check      (AnjuShortcutsDialog *self,
                                                  const char          *page);
GtkWidget *_anju_shortcuts_dialog_get_up_button  (AnjuShortcutsDialog *self,
                                                  const char          *page);
GtkWidget *_anju_shortcuts_dialog_get_save_button (AnjuShortcutsDialog *self);

G_END_DECLS
