/* anju-workflow-step-form.h: the settings of one step in the template
 * editor.
 *
 * Name, key, the assignee's role and organisation level, the allowed
 * actions (approve is always on), the time limit, the conditions that
 * skip the step, the branches taken after an approval (each leading to
 * a later step or to the end) and the step's hooks.  Every edit goes
 * straight into the AnjuWorkflowStep shown, then "changed" is emitted.
 * Problems are shown next to the setting whose member path they name
 * ("steps[2].role"); a setting that names no shown step is left to the
 * editor.
 */
#pragma once

#include <adwaita.h>

#include "anju-workflow-step-list.h"

G_BEGIN_DECLS

#define ANJU_TYPE_WORKFLOW_STEP_FORM (anju_workflow_step_form_get_type ())
G_DECLARE_FINAL_TYPE (AnjuWorkflowStepForm, anju_workflow_step_form, ANJU, WORKFLOW_STEP_FORM, AdwBin)

GtkWidget  *anju_workflow_step_form_new         (void);
/* The choices: roles (AnjuRecord with "code" and "name") and hooks
 * (AnjuRecord with "name", "kind" and "description"; only kind "step"
 * are offered).  Both are kept; set them before the first step. */
void        anju_workflow_step_form_set_choices (AnjuWorkflowStepForm *self,
                                                 GListModel           *roles,
                                                 GListModel           *hooks);
/* Shows the step at position of steps (kept), or nothing when steps is
 * NULL or position is out of range. */
void        anju_workflow_step_form_set_step    (AnjuWorkflowStepForm *self,
                                                 AnjuWorkflowStepList *steps,
                                                 guint                 position);
/* Moves the keyboard focus to the step's name. */
void        anju_workflow_step_form_focus_name  (AnjuWorkflowStepForm *self);
/* errors: path → message (nullable: clears).  Kept until the next call. */
void        anju_workflow_step_form_show_errors (AnjuWorkflowStepForm *self,
                                                 GHashTable           *errors);

G_END_DECLS
