/* anju-workflow-condition-editor.h: edit a list of conditions in place.
 *
 * One row per condition: the field, the operator, the value (not for
 * "is filled in" / "is not filled in"), a remove button; and a button
 * that adds a condition.  Edits go straight into the AnjuWorkflowCondition
 * array it was given, which belongs to a step: the editor keeps that
 * step alive while it shows the array.  A problem found for a condition
 * (by member path, see anju-workflow-errors.h) is shown under its row.
 * Used by the step form for "skip when" and for each branch's "when".
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ANJU_TYPE_WORKFLOW_CONDITION_EDITOR (anju_workflow_condition_editor_get_type ())
G_DECLARE_FINAL_TYPE (AnjuWorkflowConditionEditor, anju_workflow_condition_editor,
                      ANJU, WORKFLOW_CONDITION_EDITOR, GtkWidget)

/* conditions: (transfer none) of AnjuWorkflowCondition, owned by owner
 * (which the editor references).  error_prefix: the member path of the
 * array ("steps[1].skip_when").  subject names the list for screen
 * readers ("skip condition", "condition of branch 2"). */
GtkWidget *anju_workflow_condition_editor_new         (GPtrArray                   *conditions,
                                                       GObject                     *owner,
                                                       const char                  *error_prefix,
                                                       const char                  *subject);
/* errors: path → message (nullable: none). */
void       anju_workflow_condition_editor_show_errors (AnjuWorkflowConditionEditor *self,
                                                       GHashTable                  *errors);

G_END_DECLS
