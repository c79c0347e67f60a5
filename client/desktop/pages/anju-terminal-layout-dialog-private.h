/* anju-terminal-layout-dialog-private.h: what the display test reads and
 * clicks. */
#pragma once

#include "anju-terminal-layout-dialog.h"

G_BEGIN_DECLS

/* TRUE once the layout is shown (or why it is not). */
gboolean    _anju_terminal_layout_dialog_is_loaded       (AnjuTerminalLayoutDialog *self);
/* The module keys in the order shown (transfer full). */
GStrv       _anju_terminal_layout_dialog_get_order       (AnjuTerminalLayoutDialog *self);
/* The switch, and the move-up and move-down buttons, of a module. */
GtkWidget  *_anju_terminal_layout_dialog_get_switch      (AnjuTerminalLayoutDialog *self,
                                                          const char               *key);
GtkWidget  *_anju_terminal_layout_dialog_get_move_button (AnjuTerminalLayoutDialog *self,
                                                          const char               *key,
                                                          gboolean                  up);
/* The banner's file id, 0 for none; and whether its preview shows. */
gint64      _anju_terminal_layout_dialog_get_banner_id   (AnjuTerminalLayoutDialog *self);
gboolean    _anju_terminal_layout_dialog_shows_banner    (AnjuTerminalLayoutDialog *self);
GtkWidget  *_anju_terminal_layout_dialog_get_save_button (AnjuTerminalLayoutDialog *self);

G_END_DECLS
