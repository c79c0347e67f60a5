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

G_END_DECLS
