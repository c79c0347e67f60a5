/* anju-terminals-page.h: the service terminal registry (F-TERM-001) and
 * the way into each terminal's home layout (F-TERM-002).
 *
 * A searchable, filterable (street, state, online), paged table of the
 * terminals (GET /api/v1/terminals) with register, edit, enable,
 * disable, delete, credential issue (shown once) and revoke, the
 * history of changes and the home layout editor.
 *
 * Created by AnjuWindow by GType with the construct-only property
 * "client" (AnjuApiClient).  Loads nothing until it is shown or
 * reloaded.  Results and failures are toasts through "win.toast".
 */
#pragma once

#include <adwaita.h>

#include "anju-api-client.h"

G_BEGIN_DECLS

#define ANJU_TYPE_TERMINALS_PAGE (anju_terminals_page_get_type ())
G_DECLARE_FINAL_TYPE (AnjuTerminalsPage, anju_terminals_page, ANJU, TERMINALS_PAGE, AdwBin)

GtkWidget *anju_terminals_page_new    (AnjuApiClient *client);
/* Drops what is shown and fetches it again from the server. */
void       anju_terminals_page_reload (AnjuTerminalsPage *self);

G_END_DECLS
