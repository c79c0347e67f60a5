/* anju-project-dialog-private.h: what the display test needs to fill in
 * the project dialog the way a person would. */
#pragma once

#include "anju-project-dialog.h"

G_BEGIN_DECLS

/* The row showing an API member ("project_no", "name" … entry rows;
 * "operator_id", "status" combo rows), or NULL. */
GtkWidget  *_anju_project_dialog_get_field       (AnjuProjectDialog *self,
                                                  const char        *member);
GtkWidget  *_anju_project_dialog_get_save_button (AnjuProjectDialog *self);
/* (nullable) the message beside a member's row, or about the whole
 * form for member NULL. */
const char *_anju_project_dialog_get_error       (AnjuProjectDialog *self,
                                                  const char        *member);

G_END_DECLS
