/* anju-workflow-run.c: audit rows, hooks and events of one operation. */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-workflow-private.h"
#include "anju-workflow-run.h"

typedef struct
{
  char       *type;
  JsonObject *variables;
  GArray     *user_ids;      /* of gint64 */
  gint64      recipient_org_id;
  char       *recipient_role;
  char       *link_domain;
  gint64      link_record_id;
  gint64      link_instance_id;
} PendingEvent;

static void
pending_event_free (gpointer data)
{
  PendingEvent *pending = data;

  g_free (pending->type);
  g_clear_pointer (&pending->variables, json_object_unref);
  g_clear_pointer (&pending->user_ids, g_array_unref);
  g_free (pending->recipient_role);
  g_free (pending->link_domain);
  g_free (pending);
}

static void
ensure_pending (AnjuWfRun *run)
{
  if (run->pending == NULL)
    run->pending = g_ptr_array_new_with_free_func (pending_event_free);
}

void
anju_wf_run_clear (AnjuWfRun *run)
{
  g_clear_pointer (&run->pending, g_ptr_array_unref);
}

void
anju_wf_run_init_for_server (AnjuWfRun            *run,
                             AnjuWorkflow         *workflow,
                             AnjuServer           *server,
                             const AnjuAuditActor *actor)
{
  *run = (AnjuWfRun) {
    .workflow = workflow,
    .db = anju_server_get_db (server),
    .audit_key = anju_server_get_audit_key (server),
    .events = anju_server_get_event_bus (server),
    .now = anju_clock_now_secs (anju_server_get_clock (server)),
    .actor = actor,
  };
  ensure_pending (run);
}

gboolean
anju_wf_run_audit (const AnjuWfRun  *run,
                   const char       *action,
                   gint64            instance_id,
                   JsonNode         *before,
                   JsonNode         *after,
                   GError          **error)
{
  g_autofree char *audit_action = g_strconcat ("workflow.", action, NULL);

  return anju_audit_record_as (run->db, run->audit_key,
                               run->audit_at != 0 ? run->audit_at : run->now,
                               run->audit_actor != NULL ? run->audit_actor : run->actor,
                               audit_action, "workflow_instance", instance_id, before, after,
                               error);
}

gboolean
anju_wf_run_hook (const AnjuWfRun       *run,
                  AnjuWfInstance        *instance,
                  const char            *name,
                  AnjuWorkflowHookEvent  event,
                  const char            *step_key,
                  const char            *outcome,
                  GError               **error)
{
  const AnjuWfHook *hook;
  AnjuWorkflowHookContext context;

  if (name == NULL)
    return TRUE;
  hook = _anju_workflow_find_hook (run->workflow, name);
  if (hook == NULL)
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_CONFLICT,
                   /* Translators: %s is a hook name such as pubrent.application.decided */
                   _("The process template needs the hook “%s”, which this server does not have"),
                   name);
      return FALSE;
    }

  context = (AnjuWorkflowHookContext) {
    .db = run->db,
    .now = run->now,
    .actor = run->actor,
    .instance_id = instance->id,
    .template_code = instance->template->code,
    .domain = instance->domain,
    .record_id = instance->record_id,
    .step_key = step_key,
    .event = event,
    .outcome = outcome,
    .fields = instance->fields,
  };
  return hook->func (&context, hook->user_data, error);
}

void
anju_wf_run_emit (const AnjuWfRun *run,
                  const AnjuEvent *event)
{
  PendingEvent *pending;

  if (run->events == NULL)
    return;
  g_return_if_fail (run->pending != NULL);

  pending = g_new0 (PendingEvent, 1);
  pending->type = g_strdup (event->type);
  pending->variables = event->variables != NULL ? json_object_ref (event->variables) : NULL;
  pending->user_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_vals (pending->user_ids, event->user_ids, event->n_user_ids);
  pending->recipient_org_id = event->recipient_org_id;
  pending->recipient_role = g_strdup (event->recipient_role);
  pending->link_domain = g_strdup (event->link_domain);
  pending->link_record_id = event->link_record_id;
  pending->link_instance_id = event->link_instance_id;
  g_ptr_array_add (run->pending, pending);
}

gboolean
anju_wf_run_flush (const AnjuWfRun  *run,
                   GError          **error)
{
  for (guint i = 0; run->events != NULL && run->pending != NULL && i < run->pending->len; i++)
    {
      PendingEvent *pending = g_ptr_array_index (run->pending, i);
      AnjuEvent event = {
        .type = pending->type,
        .db = run->db,
        .at = run->now,
        .variables = pending->variables,
        .user_ids = (const gint64 *) pending->user_ids->data,
        .n_user_ids = pending->user_ids->len,
        .recipient_org_id = pending->recipient_org_id,
        .recipient_role = pending->recipient_role,
        .link_domain = pending->link_domain,
        .link_record_id = pending->link_record_id,
        .link_instance_id = pending->link_instance_id,
      };

      if (!anju_event_bus_emit (run->events, &event, error))
        return FALSE;
    }
  if (run->pending != NULL)
    g_ptr_array_set_size (run->pending, 0);
  return TRUE;
}
