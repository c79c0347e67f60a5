/* anju-workflow-action-bar.h: the buttons for what the signed-in user
 * may do with a process instance.
 *
 * Every record page with a process embeds one: the generic instance
 * dialog and the business domains' own record pages.  Give it the
 * Instance (GET /api/v1/workflow/instances/{id}); it shows a button for
 * each action in the instance's "my_actions" (approve, reject, return,
 * transfer, withdraw, resubmit), and nothing else, because the server
 * decides who may do what.  A button asks first
 * (AnjuWorkflowActionDialog: a reason for reject and return, a colleague
 * for transfer), then sends POST /api/v1/workflow/instances/{id}/actions.
 *
 * After a successful action the bar emits ::acted with the instance as
 * the server now has it and a sentence to show (a toast), and tells the
 * main window through its "win.record-changed" action, so that the
 * to-do page and the workbench follow; the page holding the bar shows
 * the new instance (set_instance).  A refused action emits ::failed with
 * the reason; the page should reload, the instance may have moved on.
 *
 * Widget actions: workflow.approve, workflow.reject, workflow.return,
 * workflow.transfer, workflow.withdraw, workflow.resubmit.
 */
#pragma once

#include <gtk/gtk.h>

#include "anju-api-client.h"
#include "anju-record.h"

G_BEGIN_DECLS

#define ANJU_TYPE_WORKFLOW_ACTION_BAR (anju_workflow_action_bar_get_type ())
G_DECLARE_FINAL_TYPE (AnjuWorkflowActionBar, anju_workflow_action_bar, ANJU, WORKFLOW_ACTION_BAR, GtkBox)

GtkWidget  *anju_workflow_action_bar_new          (AnjuApiClient         *client);
/* instance: (nullable) NULL shows no action. */
void        anju_workflow_action_bar_set_instance (AnjuWorkflowActionBar *self,
                                                   AnjuRecord            *instance);
AnjuRecord *anju_workflow_action_bar_get_instance (AnjuWorkflowActionBar *self);
/* Whether an action is on its way to the server. */
gboolean    anju_workflow_action_bar_get_busy     (AnjuWorkflowActionBar *self);

G_END_DECLS
