/* anju-feedback-reply-dialog.h: answer one feedback (F-PORTAL-014), for
 * users holding portal.feedback.reply.
 *
 * Shows the feedback (type, author and organisation, title and text)
 * above a text box for the reply, and sends POST
 * /api/v1/feedback/{id}/reply.  A refusal keeps the dialog open with the
 * server's reason; on success it emits ::saved with the server's
 * Feedback, now "replied", and closes.
 */
#pragma once

#include <adwaita.h>

#include "anju-api-client.h"
#include "anju-record.h"

G_BEGIN_DECLS

#define ANJU_TYPE_FEEDBACK_REPLY_DIALOG (anju_feedback_reply_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AnjuFeedbackReplyDialog, anju_feedback_reply_dialog, ANJU, FEEDBACK_REPLY_DIALOG, AdwWindow)

GtkWidget *anju_feedback_reply_dialog_new (AnjuApiClient *client,
                                           AnjuRecord    *feedback);

G_END_DECLS
