/* anju-instance-dialog.h: the generic record page of a process instance.
 *
 * Shows one instance of the workflow engine (GET
 * /api/v1/workflow/instances/{id}): the record it is about, its process
 * template and version, its state, the current step with its due date
 * (and whether it is overdue), the record's fields, the tasks, and the
 * history with each comment and attachment (saved to disk on request),
 * and at the bottom the actions the server allows the signed-in user
 * (AnjuWorkflowActionBar).  After an action it shows the instance anew
 * and says what happened in a toast of its own.
 *
 * It is what "win.open-record" opens for a business domain without a
 * record page of its own (anju-record-openers.h).  Reading needs no
 * permission: the server answers 404 to whoever may not see it, and
 * the dialog says so.
 *
 * Widget actions: instance.reload (F5, Ctrl+R); win.toast (s), so that
 * page helpers inside report into this window.
 */
#pragma once

#include <adwaita.h>

#include "anju-api-client.h"

G_BEGIN_DECLS

#define ANJU_TYPE_INSTANCE_DIALOG (anju_instance_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AnjuInstanceDialog, anju_instance_dialog, ANJU, INSTANCE_DIALOG, AdwWindow)

GtkWidget *anju_instance_dialog_new             (AnjuApiClient      *client,
                                                 gint64              instance_id);
/* Presents the dialog of that instance over parent, the one already
 * open for it if there is one (then reloaded), and returns it. */
GtkWidget *anju_instance_dialog_present         (GtkWindow          *parent,
                                                 AnjuApiClient      *client,
                                                 gint64              instance_id);
gint64     anju_instance_dialog_get_instance_id (AnjuInstanceDialog *self);
void       anju_instance_dialog_reload          (AnjuInstanceDialog *self);

G_END_DECLS
