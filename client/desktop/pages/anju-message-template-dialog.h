/* anju-message-template-dialog.h: edit the texts one event sends
 * (support.message.manage, F-SUPPORT-004).
 *
 * The in-site title and text and the SMS text of one message template
 * (docs/api.md "Message settings"), with the event's variables as
 * buttons that insert "{name}" where the cursor was.  The server checks
 * that each text uses only those variables; its refusal (a 422 naming
 * the unknown one) shows at the field, with everything typed kept.
 * "Reset to Default…" asks first, then brings back the zh_CN text Anju
 * came with.  Either way ::saved is emitted, then the dialog closes.
 */
#pragma once

#include <adwaita.h>

#include "anju-api-client.h"
#include "anju-record.h"

G_BEGIN_DECLS

#define ANJU_TYPE_MESSAGE_TEMPLATE_DIALOG (anju_message_template_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AnjuMessageTemplateDialog, anju_message_template_dialog,
                      ANJU, MESSAGE_TEMPLATE_DIALOG, AdwWindow)

/* template: a Template of GET /api/v1/message-templates. */
GtkWidget *anju_message_template_dialog_new (AnjuApiClient *client,
                                             AnjuRecord    *template);

G_END_DECLS
