/* anju-workflow-template-editor.h: create a process template, or save a
 * new version of one (F-PRH-026, F-AHR-028).
 *
 * A window with the template's name, code and domain (fixed once the
 * template exists), description and completion hook on the left, above
 * the steps as an ordered list that buttons and Alt+Up/Alt+Down reorder;
 * the selected step's settings on the right (anju-workflow-step-form.h).
 * It loads what it needs itself: the roles (GET /api/v1/roles), the
 * hooks (GET /api/v1/workflow/hooks) and, when editing, the template
 * with its steps (GET /api/v1/workflow/templates/{id}).
 *
 * Save checks the obvious itself, then asks the server
 * (POST …/templates/validate), and only then saves: POST …/templates for
 * a new template, POST …/templates/{id}/versions for a new version,
 * which becomes current while running instances keep theirs (the
 * window says so).  Every problem is shown at the setting it names,
 * with its step marked in the list.  When someone saved a newer version
 * meanwhile (409) the window offers to load it.  On success "saved"
 * carries the new Template and the window closes.
 */
#pragma once

#include <adwaita.h>

#include "anju-api-client.h"

G_BEGIN_DECLS

#define ANJU_TYPE_WORKFLOW_TEMPLATE_EDITOR (anju_workflow_template_editor_get_type ())
G_DECLARE_FINAL_TYPE (AnjuWorkflowTemplateEditor, anju_workflow_template_editor,
                      ANJU, WORKFLOW_TEMPLATE_EDITOR, AdwWindow)

/* template_id 0: a new template. */
GtkWidget *anju_workflow_template_editor_new (AnjuApiClient *client,
                                              gint64         template_id);

G_END_DECLS
