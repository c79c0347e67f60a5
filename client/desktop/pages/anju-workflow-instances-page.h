/* anju-workflow-instances-page.h: the process monitor (流程监控): the
 * process instances in the caller's scope, filtered by template, state,
 * overdue and record, with the current step and its due date (overdue
 * ones stand out); pause, resume and cancel, each with a reason; and the
 * record with its history.
 *
 * Created by AnjuWindow by GType with the construct-only property
 * "client" (AnjuApiClient); shown to holders of workflow.instance.manage.
 * Loads nothing until it is shown or reloaded.  Opening the history
 * activates the window's "win.open-record" action with
 * (domain, record_id, instance_id) as "(sxx)"; a window without that
 * action leaves the button disabled.  A refusal (409: the state does
 * not allow it) is a toast with the server's reason.
 */
#pragma once

#include <adwaita.h>

#include "anju-api-client.h"

G_BEGIN_DECLS

#define ANJU_TYPE_WORKFLOW_INSTANCES_PAGE (anju_workflow_instances_page_get_type ())
G_DECLARE_FINAL_TYPE (AnjuWorkflowInstancesPage, anju_workflow_instances_page,
                      ANJU, WORKFLOW_INSTANCES_PAGE, AdwBin)

GtkWidget *anju_workflow_instances_page_new    (AnjuApiClient             *client);
/* Drops what is shown and fetches it again from the server. */
void       anju_workflow_instances_page_reload (AnjuWorkflowInstancesPage *self);

G_END_DECLS
