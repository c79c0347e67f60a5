/* anju-workflow-events.c: telling the message center what happened. */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-time.h"
#include "anju-workflow-events.h"
#include "anju-workflow-private.h"

static JsonObject *
base_variables (const AnjuWfInstance *instance)
{
  JsonObject *variables = json_object_new ();

  json_object_set_string_member (variables, "record_label", instance->record_label);
  json_object_set_string_member (variables, "template_name", instance->template->name);
  return variables;
}

static void
emit (const AnjuWfRun      *run,
      const char           *type,
      const AnjuWfInstance *instance,
      JsonObject           *variables,
      GArray               *user_ids)
{
  AnjuEvent event = {
    .type = type,
    .variables = variables,
    .user_ids = (const gint64 *) user_ids->data,
    .n_user_ids = user_ids->len,
    .link_domain = instance->domain,
    .link_record_id = instance->record_id,
    .link_instance_id = instance->id,
  };

  anju_wf_run_emit (run, &event);
}

gboolean
anju_wf_emit_task_event (const AnjuWfRun      *run,
                         const char           *type,
                         const AnjuWfInstance *instance,
                         const AnjuWfTask     *task,
                         GError              **error)
{
  g_autoptr(JsonObject) variables = base_variables (instance);
  g_autoptr(GArray) user_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  /* Read by people in messages and texts, so not ISO 8601. */
  g_autofree char *due_at = task->due_at != 0 ? anju_time_format_display (task->due_at)
                                              : g_strdup (_("no time limit"));

  if (run->events == NULL)
    return TRUE;
  json_object_set_string_member (variables, "step_name", task->step_name);
  json_object_set_string_member (variables, "due_at", due_at);
  if (!anju_wf_task_actor_ids (_anju_workflow_get_org_cache (run->workflow), run->db, task,
                               user_ids, error))
    return FALSE;
  emit (run, type, instance, variables, user_ids);
  return TRUE;
}

gboolean
anju_wf_emit_instance_event (const AnjuWfRun      *run,
                             const char           *type,
                             const AnjuWfInstance *instance,
                             const char           *step_name,
                             const char           *comment,
                             GError              **error)
{
  g_autoptr(JsonObject) variables = base_variables (instance);
  g_autoptr(GArray) user_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean with_step = g_str_equal (type, "workflow.instance.rejected")
                       || g_str_equal (type, "workflow.instance.returned");

  if (run->events == NULL)
    return TRUE;
  if (with_step)
    json_object_set_string_member (variables, "step_name", step_name != NULL ? step_name : "");
  if (!g_str_equal (type, "workflow.instance.completed"))
    json_object_set_string_member (variables, "comment", comment != NULL ? comment : "");
  if (instance->submitter_id != 0)
    g_array_append_val (user_ids, instance->submitter_id);
  emit (run, type, instance, variables, user_ids);
  return TRUE;
}
