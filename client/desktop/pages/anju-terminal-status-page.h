/* anju-terminal-status-page.h: the peripheral status board and the
 * terminal alerts (F-TERM-003).
 *
 * The board (GET /api/v1/terminals/status) shows one card per terminal:
 * online or offline, the last heartbeat, the kiosk's version and each
 * peripheral's state coloured normal (ok), warning (missing, switched
 * off) or error, with the device's own message.  It refreshes on demand
 * and every 30 seconds while the page is shown.  The second tab lists
 * the alerts newest first (GET /api/v1/terminals/alerts), filtered by
 * state, and handles an open one with a note.
 *
 * Created by AnjuWindow by GType with the construct-only property
 * "client" (AnjuApiClient).  Loads nothing until it is shown.
 */
#pragma once

#include <adwaita.h>

#include "anju-api-client.h"

G_BEGIN_DECLS

#define ANJU_TYPE_TERMINAL_STATUS_PAGE (anju_terminal_status_page_get_type ())
G_DECLARE_FINAL_TYPE (AnjuTerminalStatusPage, anju_terminal_status_page, ANJU, TERMINAL_STATUS_PAGE, AdwBin)

GtkWidget *anju_terminal_status_page_new    (AnjuApiClient          *client);
/* Fetches the board and the alerts again. */
void       anju_terminal_status_page_reload (AnjuTerminalStatusPage *self);

/* For the display test: turns to "board" or "alerts", as the tabs do. */
void       _anju_terminal_status_page_show  (AnjuTerminalStatusPage *self,
                                             const char             *tab);

G_END_DECLS
