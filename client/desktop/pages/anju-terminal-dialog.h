/* anju-terminal-dialog.h: register a service terminal, or edit one
 * (F-TERM-001).
 *
 * Every member of the registry: serial number, terminal number, name,
 * model, network, the street or community it serves, its location, the
 * person in charge and their phone, and the peripheral configuration
 * (camera, fingerprint reader, ID card reader, printer: each on or off
 * with its model).  The dialog sends the request itself; when the
 * server refuses, it stays open with everything typed and shows each of
 * the server's field messages beside its row ("peripherals.printer" at
 * the printer's row).  On success it emits ::saved with the server's
 * Terminal and closes.
 *
 * The phone arrives masked unless the caller holds portal.user.pii, so
 * it is only sent back when it was changed.
 */
#pragma once

#include <adwaita.h>

#include "anju-api-client.h"
#include "anju-record.h"

G_BEGIN_DECLS

#define ANJU_TYPE_TERMINAL_DIALOG (anju_terminal_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AnjuTerminalDialog, anju_terminal_dialog, ANJU, TERMINAL_DIALOG, AdwWindow)

/* organisations: a GListModel of AnjuRecord (Organisation); only streets
 * and communities are offered.  terminal NULL: register a new one. */
GtkWidget *anju_terminal_dialog_new (AnjuApiClient *client,
                                     AnjuRecord    *terminal,
                                     GListModel    *organisations);

G_END_DECLS
