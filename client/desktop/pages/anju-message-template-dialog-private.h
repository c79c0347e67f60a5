/* anju-message-template-dialog-private.h: what the desktop UI test needs
 * to edit a template the way a person would. */
#pragma once

#include "anju-message-template-dialog.h"

G_BEGIN_DECLS

/* The widget of an API field: "title" (a GtkEditable), "body" or "sms"
 * (GtkTextViews), or NULL. */
GtkWidget  *_anju_message_template_dialog_get_field       (AnjuMessageTemplateDialog *self,
                                                           const char                *field);
/* (nullable) the message shown at one field. */
const char *_anju_message_template_dialog_get_field_error (AnjuMessageTemplateDialog *self,
                                                           const char                *field);
/* The button inserting {variable}, or NULL. */
GtkWidget  *_anju_message_template_dialog_get_variable    (AnjuMessageTemplateDialog *self,
                                                           const char                *variable);

G_END_DECLS
