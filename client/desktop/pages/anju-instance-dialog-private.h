/* anju-instance-dialog-private.h: what the desktop UI tests read in the
 * instance dialog. */
#pragma once

#include "anju-instance-dialog.h"
#include "anju-record.h"
#include "anju-workflow-action-bar.h"

G_BEGIN_DECLS

/* (nullable) the instance shown, NULL until the first answer. */
AnjuRecord            *_anju_instance_dialog_get_instance   (AnjuInstanceDialog *self);
/* Whether a load is on its way. */
gboolean               _anju_instance_dialog_is_loading     (AnjuInstanceDialog *self);
AnjuWorkflowActionBar *_anju_instance_dialog_get_action_bar (AnjuInstanceDialog *self);
/* The state as shown ("In progress" …). */
const char            *_anju_instance_dialog_get_state_text (AnjuInstanceDialog *self);

G_END_DECLS
