/* anju-terminal-layout-dialog.h: a terminal's home-screen layout
 * (F-TERM-002; business configuration of spec §A.10).
 *
 * Loads GET /api/v1/terminals/{id}/layout and edits it: the home
 * screen's title, the seven modules (each switched on or off and moved
 * up or down with buttons, so the order needs no dragging and works from
 * the keyboard), the theme (standard or high contrast) and the banner
 * (a PNG or JPEG uploaded through POST /api/v1/files, shown as a
 * preview; or none).  Save sends PUT …/layout; when the server refuses,
 * the dialog stays open and shows its messages at the rows they name.
 * On success it emits ::saved with the server's Layout and closes.
 */
#pragma once

#include <adwaita.h>

#include "anju-api-client.h"
#include "anju-record.h"

G_BEGIN_DECLS

#define ANJU_TYPE_TERMINAL_LAYOUT_DIALOG (anju_terminal_layout_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AnjuTerminalLayoutDialog, anju_terminal_layout_dialog, ANJU, TERMINAL_LAYOUT_DIALOG, AdwWindow)

GtkWidget *anju_terminal_layout_dialog_new (AnjuApiClient *client,
                                            AnjuRecord    *terminal);

/* Uploads file as the banner, as choosing it in the file chooser does. */
void       anju_terminal_layout_dialog_set_banner_file (AnjuTerminalLayoutDialog *self,
                                                        GFile                    *file);

G_END_DECLS
