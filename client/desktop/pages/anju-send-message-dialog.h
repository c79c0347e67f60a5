/* anju-send-message-dialog.h: write a message to organisations and
 * people (support.message.send, F-SUPPORT-004).
 *
 * A title, a text, the recipients (organisations, whose users each get
 * it, and single people, as far as the sender may list them) and whether
 * it also goes out as SMS.  The dialog posts it itself (POST
 * /api/v1/messages); a refusal keeps everything typed and shows each of
 * the server's field messages at its field.  On success it emits ::sent
 * with how many people got it and how many text messages were queued,
 * then closes.
 */
#pragma once

#include <adwaita.h>

#include "anju-api-client.h"

G_BEGIN_DECLS

#define ANJU_TYPE_SEND_MESSAGE_DIALOG (anju_send_message_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AnjuSendMessageDialog, anju_send_message_dialog, ANJU, SEND_MESSAGE_DIALOG, AdwWindow)

GtkWidget *anju_send_message_dialog_new (AnjuApiClient *client);

G_END_DECLS
