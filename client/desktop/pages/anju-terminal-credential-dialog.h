/* anju-terminal-credential-dialog.h: a terminal's new credential, shown
 * the one time there is to see it (F-TERM-001).
 *
 * POST /api/v1/terminals/{id}/credential answers the credential once;
 * the server keeps only its SHA-256.  This message dialog shows it in a
 * selectable monospace line with a copy button, says that it goes into
 * the terminal's configuration beside the serial number, and warns that
 * it will not be shown again.  The text lives only in the dialog: once
 * it is closed the desktop holds no copy (the clipboard aside, which the
 * person chose).
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A new, not yet presented AdwMessageDialog over parent. */
GtkWidget  *anju_terminal_credential_dialog_new (GtkWindow  *parent,
                                                 const char *terminal_name,
                                                 const char *sn,
                                                 const char *credential);

/* For the display test: the credential the dialog shows (transfer none). */
const char *_anju_terminal_credential_dialog_get_shown (GtkWidget *dialog);

G_END_DECLS
