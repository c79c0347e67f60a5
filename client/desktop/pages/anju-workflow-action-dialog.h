/* anju-workflow-action-dialog.h: asks for one action on a process
 * instance and collects what it needs.
 *
 * The actions of docs/api.md, "Workflow instances": approve, reject,
 * return (for supplement), transfer, withdraw and resubmit.  Each asks
 * first, naming the record, and takes a comment; reject and return
 * require it (it is the reason the submitter reads), the others may
 * leave it empty.  Transfer also offers the colleagues who may take the
 * task over: the active users of the current step's organisation who
 * hold the step's role (GET /api/v1/users), without the caller.
 *
 * The "act" response stays disabled until the input is complete, so a
 * reason cannot be left out.  After "act" (the ::response signal of
 * AdwMessageDialog), anju_workflow_action_dialog_build_body() gives the
 * body of POST /api/v1/workflow/instances/{id}/actions.
 */
#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "anju-api-client.h"
#include "anju-record.h"

G_BEGIN_DECLS

/* The response that takes the action; "cancel" is the other one. */
#define ANJU_WORKFLOW_ACTION_RESPONSE "act"

#define ANJU_TYPE_WORKFLOW_ACTION_DIALOG (anju_workflow_action_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AnjuWorkflowActionDialog, anju_workflow_action_dialog,
                      ANJU, WORKFLOW_ACTION_DIALOG, AdwMessageDialog)

/* instance: an Instance as GET /api/v1/workflow/instances/{id} answers
 * it; action: one of the actions above. */
GtkWidget  *anju_workflow_action_dialog_new        (GtkWindow                *parent,
                                                    AnjuApiClient            *client,
                                                    AnjuRecord               *instance,
                                                    const char               *action);
const char *anju_workflow_action_dialog_get_action (AnjuWorkflowActionDialog *self);
/* {"action", "comment" (omitted when empty), "transfer_to"}. */
JsonNode   *anju_workflow_action_dialog_build_body (AnjuWorkflowActionDialog *self);

/* Whether the action needs a comment (its reason) to be taken. */
gboolean    anju_workflow_action_needs_comment     (const char               *action);
/* Whether the dialog knows the action (the server may offer newer ones). */
gboolean    anju_workflow_action_is_known          (const char               *action);

G_END_DECLS
