/* anju-feedback-dialog-private.h: what the desktop UI test needs to
 * fill in the dialog the way a person would. */
#pragma once

#include "anju-feedback-dialog.h"

G_BEGIN_DECLS

/* The widget of an API field ("type": an AdwComboRow,
 * "title": a GtkEditable, "content": a GtkTextView), the save button,
 * and the message beside a field or about the whole form (nullable). */
GtkWidget  *_anju_feedback_dialog_get_field       (AnjuFeedbackDialog *self,
                                                   const char         *field);
GtkWidget  *_anju_feedback_dialog_get_save_button (AnjuFeedbackDialog *self);
const char *_anju_feedback_dialog_get_field_error (AnjuFeedbackDialog *self,
                                                   const char         *field);
const char *_anju_feedback_dialog_get_message     (AnjuFeedbackDialog *self);

G_END_DECLS
