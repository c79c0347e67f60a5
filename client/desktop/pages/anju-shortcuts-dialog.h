/* anju-shortcuts-dialog.h: choose and order the workbench's shortcuts
 * (常用功能, F-PORTAL-007).
 *
 * Lists the pages the signed-in user can open (the window's pages their
 * permissions allow, without the workbench itself), the chosen ones
 * first in their order; a tick chooses a page, up and down move it.  At
 * most ANJU_SHORTCUTS_MAX are chosen (docs/api.md, "Workbench").  Save
 * sends PUT /api/v1/me/shortcuts and, once the server took it, emits
 * ::saved with the new list and closes; a refusal stays in the dialog.
 */
#pragma once

#include <adwaita.h>

#include "anju-api-client.h"

G_BEGIN_DECLS

#define ANJU_SHORTCUTS_MAX (12)

#define ANJU_TYPE_SHORTCUTS_DIALOG (anju_shortcuts_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AnjuShortcutsDialog, anju_shortcuts_dialog, ANJU, SHORTCUTS_DIALOG, AdwWindow)

/* shortcuts: the current list of page names (nullable: none). */
GtkWidget  *anju_shortcuts_dialog_new        (AnjuApiClient       *client,
                                              const char * const  *shortcuts);
/* The chosen page names in order (transfer full). */
GStrv       anju_shortcuts_dialog_get_chosen (AnjuShortcutsDialog *self);

/* Whether name is a page the user may have as a shortcut: one of the
 * window's pages, allowed by their permissions, not the workbench. */
gboolean    anju_shortcut_is_usable          (AnjuApiClient       *client,
                                              const char          *name);

G_END_DECLS
