/* anju-workflow-record-result.c: the built-in hook workflow.record_result.
 *
 * A process hook for templates whose domain wants nothing more than to
 * read how the process ended: it stores the outcome ("completed",
 * "rejected", "withdrawn" or "cancelled") and the time as the fields
 * "outcome" and "outcome_at" of the instance.  The seed templates name
 * it, so a domain reads its record's result with anju_workflow_find()
 * and GET /workflow/instances/{id} until it registers hooks of its own.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-time.h"
#include "anju-workflow-private.h"

static gboolean
record_result (const AnjuWorkflowHookContext  *context,
               gpointer                        user_data,
               GError                        **error)
{
  g_autofree char *at = anju_time_format_iso8601 (context->now);

  g_return_val_if_fail (context->outcome != NULL, FALSE);

  json_object_set_string_member (context->fields, "outcome", context->outcome);
  json_object_set_string_member (context->fields, "outcome_at", at);
  return TRUE;
}

void
_anju_workflow_add_builtin_hooks (AnjuWorkflow *self)
{
  anju_workflow_register_hook (self, "workflow.record_result", ANJU_WORKFLOW_HOOK_PROCESS,
                               _("Records how the process ended in the instance's fields "
                                 "“outcome” (completed, rejected, withdrawn or cancelled) "
                                 "and “outcome_at”"),
                               record_result, NULL, NULL);
}
