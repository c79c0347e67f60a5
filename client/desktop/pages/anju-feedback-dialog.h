/* anju-feedback-dialog.h: submit feedback (意见反馈), or change one's
 * own while it awaits a reply (F-PORTAL-014).
 *
 * Type (improvement, service experience, technical problem, other),
 * title and text.  The dialog sends POST /api/v1/feedback, or PATCH for
 * an existing one; when the server refuses, it stays open with the
 * server's messages beside the fields.  On success it emits ::saved
 * with the server's Feedback and closes.
 */
#pragma once

#include <adwaita.h>

#include "anju-api-client.h"
#include "anju-record.h"

G_BEGIN_DECLS

#define ANJU_TYPE_FEEDBACK_DIALOG (anju_feedback_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AnjuFeedbackDialog, anju_feedback_dialog, ANJU, FEEDBACK_DIALOG, AdwWindow)

/* feedback: the Feedback to change, or NULL to submit a new one. */
GtkWidget *anju_feedback_dialog_new (AnjuApiClient *client,
                                     AnjuRecord    *feedback);

G_END_DECLS
