/* anju-page-confirm.h: ask before a page does something that cannot be
 * taken back.
 *
 * Deleting an organisation or role, disabling an account, throwing away
 * unsaved ticks: each asks the same way, with a message dialog whose
 * heading names the record and whose one destructive answer stands
 * beside "Cancel" (the default, also for Escape).  The page and the
 * record are kept alive until the dialog is answered.
 */
#pragma once

#include <gtk/gtk.h>

#include "anju-record.h"

G_BEGIN_DECLS

/* Called only when the user gave the destructive answer. */
typedef void (*AnjuPageConfirmed) (GtkWidget  *page,
                                   AnjuRecord *record);

/* heading ("Delete “Yuelu Street”?") and body are shown as given;
 * response_id ("delete") and response_label ("_Delete") make the
 * destructive answer. */
void anju_page_confirm (GtkWidget         *page,
                        AnjuRecord        *record,
                        const char        *heading,
                        const char        *body,
                        const char        *response_id,
                        const char        *response_label,
                        AnjuPageConfirmed  confirmed);

G_END_DECLS
