/* anju-workflow-templates-page.h: process templates (流程模板; F-PRH-026,
 * F-AHR-028): a searchable, paged table of the current version of each
 * template with its step and instance counts, every version of one,
 * and create, edit (a new version) and delete.
 *
 * Created by AnjuWindow by GType with the construct-only property
 * "client" (AnjuApiClient); shown to holders of workflow.template.write.
 * Loads nothing until it is shown or reloaded.  Results and failures
 * are toasts through the window's "win.toast" action; a refused delete
 * says what the server said ("3 process instances use this template").
 */
#pragma once

#include <adwaita.h>

#include "anju-api-client.h"

G_BEGIN_DECLS

#define ANJU_TYPE_WORKFLOW_TEMPLATES_PAGE (anju_workflow_templates_page_get_type ())
G_DECLARE_FINAL_TYPE (AnjuWorkflowTemplatesPage, anju_workflow_templates_page,
                      ANJU, WORKFLOW_TEMPLATES_PAGE, AdwBin)

GtkWidget *anju_workflow_templates_page_new    (AnjuApiClient             *client);
/* Drops what is shown and fetches it again from the server. */
void       anju_workflow_templates_page_reload (AnjuWorkflowTemplatesPage *self);

G_END_DECLS
