/* anju-feedback-reply-dialog-private.h: what the desktop UI test needs
 * to write a reply the way a person would. */
#pragma once

#include "anju-feedback-reply-dialog.h"

G_BEGIN_DECLS

/* The reply's text view and the Send button. */
GtkTextView *_anju_feedback_reply_dialog_get_reply_view  (AnjuFeedbackReplyDialog *self);
GtkWidget   *_anju_feedback_reply_dialog_get_send_button (AnjuFeedbackReplyDialog *self);

G_END_DECLS
