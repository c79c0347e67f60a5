/* anju-workflow-versions-dialog.h: every version of one process template.
 *
 * A window over GET /api/v1/workflow/templates/{id}/versions, newest
 * first: version, name, step and instance counts, whether it is the
 * current one, when and by whom it was saved.  It says that instances
 * keep the version they started on, which is why old versions stay.
 */
#pragma once

#include <adwaita.h>

#include "anju-api-client.h"
#include "anju-record.h"

G_BEGIN_DECLS

#define ANJU_TYPE_WORKFLOW_VERSIONS_DIALOG (anju_workflow_versions_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AnjuWorkflowVersionsDialog, anju_workflow_versions_dialog,
                      ANJU, WORKFLOW_VERSIONS_DIALOG, AdwWindow)

/* template: any version of the template (its "id" and "name"). */
GtkWidget *anju_workflow_versions_dialog_new (AnjuApiClient *client,
                                              AnjuRecord    *template);

G_END_DECLS
