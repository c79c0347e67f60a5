/* anju-password-reset-dialog.h: ask for a user's new password.
 *
 * A message dialog with one password row, checked against the shared
 * password policy as it is typed: the "reset" response stays disabled
 * and the row says what is missing until the policy is met, so the
 * server's own check (the same rule) should never refuse it.  Responses
 * are "cancel" and "reset".
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ANJU_TYPE_PASSWORD_RESET_DIALOG (anju_password_reset_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AnjuPasswordResetDialog, anju_password_reset_dialog, ANJU, PASSWORD_RESET_DIALOG, AdwMessageDialog)

/* username: whose password it is (the policy forbids containing it). */
GtkWidget  *anju_password_reset_dialog_new          (GtkWindow               *parent,
                                                     const char              *username);
const char *anju_password_reset_dialog_get_password (AnjuPasswordResetDialog *self);

G_END_DECLS
