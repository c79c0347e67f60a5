/* anju-user-dialog-private.h: what the desktop UI test needs to fill in
 * the dialog the way a person would. */
#pragma once

#include "anju-user-dialog.h"

G_BEGIN_DECLS

/* The widget showing an API field: "username", "name", "phone", "post",
 * "password" (GtkEditables), "organisation_id" (an AdwComboRow), or NULL. */
GtkWidget *_anju_user_dialog_get_field        (AnjuUserDialog *self,
                                               const char     *field);
/* The check button of the role with this code, or NULL. */
GtkWidget *_anju_user_dialog_get_role_check   (AnjuUserDialog *self,
                                               const char     *role_code);
GtkWidget *_anju_user_dialog_get_save_button  (AnjuUserDialog *self);
/* (nullable) the message about the whole form while it is shown, such
 * as the server's reason for a refusal that names no field. */
const char *_anju_user_dialog_get_message     (AnjuUserDialog *self);
/* (nullable) the message shown beside one field. */
const char *_anju_user_dialog_get_field_error (AnjuUserDialog *self,
                                               const char     *field);

G_END_DECLS
