/* anju-workflow-engine.c: starting, moving on and ending instances. */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-stmt.h"
#include "anju-workflow-condition.h"
#include "anju-workflow-engine.h"
#include "anju-workflow-events.h"
#include "anju-workflow-history.h"
#include "anju-workflow-levels.h"
#include "anju-workflow-private.h"

#define SECONDS_PER_DAY (24 * 60 * 60)

/* ---- small pieces ------------------------------------------------------ */

static const char *
level_label (const char *level)
{
  if (g_str_equal (level, "community"))
    return C_("organisation level", "community");
  if (g_str_equal (level, "street"))
    return C_("organisation level", "street");
  if (g_str_equal (level, "center"))
    return C_("organisation level", "center");
  return C_("organisation level", "enterprise");
}

static void
set_level_error (GError           **error,
                 AnjuErrorCode      code,
                 const AnjuWfStep  *step)
{
  g_set_error (error, ANJU_ERROR, code,
               /* Translators: %1$s is a step name, %2$s an organisation level
                * such as “street” */
               _("The step “%1$s” goes to the %2$s of the record's organisation, "
                 "and this organisation has none"),
               step->name, level_label (step->level));
}

/* The state and step, before and after, in the audit row. */
static JsonNode *
snapshot (const AnjuWfInstance   *instance,
          const AnjuWfActRequest *request)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "state");
  json_builder_add_string_value (builder, instance->state);
  json_builder_set_member_name (builder, "step");
  if (instance->step_key != NULL)
    json_builder_add_string_value (builder, instance->step_key);
  else
    json_builder_add_null_value (builder);
  if (request != NULL && request->comment != NULL)
    {
      json_builder_set_member_name (builder, "comment");
      json_builder_add_string_value (builder, request->comment);
    }
  if (request != NULL && request->attachments != NULL && request->attachments->len > 0)
    {
      json_builder_set_member_name (builder, "attachments");
      json_builder_begin_array (builder);
      for (guint i = 0; i < request->attachments->len; i++)
        json_builder_add_int_value (builder, g_array_index (request->attachments, gint64, i));
      json_builder_end_array (builder);
    }
  if (request != NULL && request->transfer_to != 0)
    {
      json_builder_set_member_name (builder, "transfer_to");
      json_builder_add_int_value (builder, request->transfer_to);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
set_state (AnjuWfInstance *instance,
           const char     *state)
{
  g_free (instance->state);
  instance->state = g_strdup (state);
}

/* A history row for what the actor did. */
static gboolean
add_actor_history (const AnjuWfRun        *run,
                   const AnjuWfInstance   *instance,
                   gint64                  task_id,
                   const char             *action,
                   const AnjuWfStep       *step,
                   const AnjuWfActRequest *request,
                   GError                **error)
{
  AnjuWfHistoryRow row = {
    .instance_id = instance->id,
    .task_id = task_id,
    .actor_id = run->actor->actor_id,
    .org_id = run->actor->org_id,
    .action = action,
    .step_key = step != NULL ? step->key : NULL,
    .step_name = step != NULL ? step->name : NULL,
    .comment = request != NULL ? request->comment : NULL,
    .attachments = request != NULL ? request->attachments : NULL,
  };

  return anju_wf_history_add (run->db, &row, run->now, error);
}

/* A history row the server writes on its own (skip, complete, remind). */
static gboolean
add_server_history (const AnjuWfRun      *run,
                    const AnjuWfInstance *instance,
                    gint64                task_id,
                    gint64                org_id,
                    const char           *action,
                    const AnjuWfStep     *step,
                    GError              **error)
{
  AnjuWfHistoryRow row = {
    .instance_id = instance->id,
    .task_id = task_id,
    .org_id = org_id,
    .action = action,
    .step_key = step != NULL ? step->key : NULL,
    .step_name = step != NULL ? step->name : NULL,
  };

  return anju_wf_history_add (run->db, &row, run->now, error);
}

/* ---- entering steps ---------------------------------------------------- */

/* A new open review task for step at org, due after its time limit
 * unless due_at says otherwise (transfers keep the old due date). */
static AnjuWfTask *
add_review_task (const AnjuWfRun      *run,
                 const AnjuWfInstance *instance,
                 const AnjuWfStep     *step,
                 gint64                org_id,
                 const char           *org_path,
                 gint64                assignee_id,
                 gint64                due_at,
                 GError              **error)
{
  g_autoptr(AnjuWfTask) task = g_new0 (AnjuWfTask, 1);

  task->instance_id = instance->id;
  task->step_key = g_strdup (step->key);
  task->step_name = g_strdup (step->name);
  task->kind = g_strdup ("review");
  task->role = g_strdup (step->role);
  task->org_id = org_id;
  task->org_path = g_strdup (org_path);
  task->assignee_id = assignee_id;
  task->created_at = run->now;
  task->due_at = due_at;
  return anju_wf_task_insert (run->db, task, error) ? g_steal_pointer (&task) : NULL;
}

static gint64
due_for (const AnjuWfRun  *run,
         const AnjuWfStep *step)
{
  return step->time_limit_days > 0 ? run->now + (gint64) step->time_limit_days * SECONDS_PER_DAY
                                   : 0;
}

/* The step's review task at the level's organisation, announced. */
static gboolean
assign_step (const AnjuWfRun      *run,
             const AnjuWfInstance *instance,
             const AnjuWfStep     *step,
             GError              **error)
{
  AnjuWfOrgCache *cache = _anju_workflow_get_org_cache (run->workflow);
  g_autoptr(AnjuWfTask) task = NULL;
  g_autoptr(AnjuWfAncestors) ancestors = NULL;
  const char *org_path = NULL;
  gint64 org_id = 0;

  ancestors = anju_wf_org_cache_ancestors (cache, run->db, instance->org_path, error);
  if (ancestors == NULL)
    return FALSE;
  org_id = anju_wf_ancestors_find (ancestors, step->level, &org_path);
  if (org_id == 0)
    {
      set_level_error (error, ANJU_ERROR_CONFLICT, step);
      return FALSE;
    }
  task = add_review_task (run, instance, step, org_id, org_path, 0, due_for (run, step), error);
  return task != NULL
         && anju_wf_emit_task_event (run, "workflow.task.assigned", instance, task, error);
}

/* Ends the instance in a final state: the process hook runs however it
 * ends, so the owning domain always learns the outcome. */
static gboolean
finish (const AnjuWfRun  *run,
        AnjuWfInstance   *instance,
        const char       *state,
        GError          **error)
{
  set_state (instance, state);
  g_clear_pointer (&instance->paused_from, g_free);
  return anju_wf_run_hook (run, instance, instance->template->on_complete,
                           ANJU_WORKFLOW_ON_COMPLETE, NULL, state, error);
}

static gboolean
complete (const AnjuWfRun  *run,
          AnjuWfInstance   *instance,
          GError          **error)
{
  return add_server_history (run, instance, 0, instance->org_id, "complete", NULL, error)
         && finish (run, instance, "completed", error)
         && anju_wf_emit_instance_event (run, "workflow.instance.completed", instance, NULL, NULL,
                                         error);
}

static gboolean
has_conditions (JsonArray *conditions)
{
  return conditions != NULL && json_array_get_length (conditions) > 0;
}

/* Enters the first step from index on whose skip_when does not hold, or
 * completes the instance when none is left. */
static gboolean
enter_steps_from (const AnjuWfRun  *run,
                  AnjuWfInstance   *instance,
                  guint             index,
                  GError          **error)
{
  GPtrArray *steps = instance->template->steps;

  for (guint i = index; i < steps->len; i++)
    {
      const AnjuWfStep *step = g_ptr_array_index (steps, i);

      if (has_conditions (step->skip_when)
          && anju_wf_conditions_hold (step->skip_when, instance->fields))
        {
          if (!add_server_history (run, instance, 0, instance->org_id, "skip", step, error))
            return FALSE;
          continue;
        }

      g_free (instance->step_key);
      instance->step_key = g_strdup (step->key);
      return assign_step (run, instance, step, error)
             && anju_wf_run_hook (run, instance, step->on_enter, ANJU_WORKFLOW_ON_ENTER,
                                  step->key, NULL, error);
    }
  return complete (run, instance, error);
}

/* After an approval: the first branch whose conditions hold, else the
 * next step. */
static gboolean
move_on (const AnjuWfRun  *run,
         AnjuWfInstance   *instance,
         const AnjuWfStep *step,
         GError          **error)
{
  guint index = 0;

  anju_wf_template_find_step (instance->template, step->key, &index);
  for (guint b = 0; b < json_array_get_length (step->branches); b++)
    {
      JsonObject *branch = json_array_get_object_element (step->branches, b);
      const char *target = json_object_get_string_member (branch, "goto");
      guint target_index = 0;

      if (!anju_wf_conditions_hold (json_object_get_array_member (branch, "when"),
                                    instance->fields))
        continue;
      if (g_str_equal (target, "end"))
        return complete (run, instance, error);
      anju_wf_template_find_step (instance->template, target, &target_index);
      return enter_steps_from (run, instance, target_index, error);
    }
  return enter_steps_from (run, instance, index + 1, error);
}

/* ---- start --------------------------------------------------------------- */

static gboolean
load_org_path (AnjuDb      *db,
               gint64       org_id,
               char       **out_path,
               GError     **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db, "SELECT path FROM organisations WHERE id = ?1",
                                           error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, org_id);
  if (!anju_db_step_row (db, stmt, ANJU_ERROR_VALIDATION, _("No such organisation"), error))
    return FALSE;
  *out_path = anju_db_column_dup (stmt, 0);
  return TRUE;
}

gboolean
anju_wf_engine_check_start (AnjuWfOrgCache       *cache,
                            AnjuDb               *db,
                            const AnjuWfTemplate *template,
                            const char           *domain,
                            gint64                record_id,
                            gint64                org_id,
                            JsonObject           *fields,
                            const char          **out_field,
                            GError              **error)
{
  g_autoptr(JsonObject) no_fields = json_object_new ();
  g_autoptr(AnjuWfAncestors) ancestors = NULL;
  g_autofree char *org_path = NULL;
  gint64 live = 0;

  *out_field = "org_id";
  if (!load_org_path (db, org_id, &org_path, error))
    return FALSE;
  /* Read once for every step's level: a query per step was most of the
   * start's reading. */
  ancestors = anju_wf_org_cache_ancestors (cache, db, org_path, error);
  if (ancestors == NULL)
    return FALSE;

  /* The steps the fields already skip may need no organisation. */
  for (guint i = 0; i < template->steps->len; i++)
    {
      const AnjuWfStep *step = g_ptr_array_index (template->steps, i);

      if (has_conditions (step->skip_when)
          && anju_wf_conditions_hold (step->skip_when, fields != NULL ? fields : no_fields))
        continue;
      if (anju_wf_ancestors_find (ancestors, step->level, NULL) == 0)
        {
          set_level_error (error, ANJU_ERROR_VALIDATION, step);
          return FALSE;
        }
    }

  *out_field = NULL;
  if (!anju_wf_instance_find_live (db, domain, record_id, &live, error))
    return FALSE;
  if (live != 0)
    {
      g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_CONFLICT,
                           _("This record is already going through a process"));
      return FALSE;
    }
  return TRUE;
}

/* A deep copy: hooks change the instance's fields, never the caller's. */
static JsonObject *
copy_fields (JsonObject *fields)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *text = NULL;

  if (fields == NULL)
    return json_object_new ();
  node = json_node_init_object (json_node_alloc (), fields);
  text = json_to_string (node, FALSE);
  if (!json_parser_load_from_data (parser, text, -1, NULL))
    g_assert_not_reached ();
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

AnjuWfInstance *
anju_wf_engine_start (const AnjuWfRun  *run,
                      AnjuWfTemplate   *template,
                      const char       *domain,
                      gint64            record_id,
                      const char       *record_label,
                      gint64            org_id,
                      JsonObject       *fields,
                      GError          **error)
{
  g_autoptr(AnjuWfInstance) instance = g_new0 (AnjuWfInstance, 1);
  g_autoptr(JsonNode) after = NULL;

  instance->template = template;
  instance->domain = g_strdup (domain != NULL ? domain : template->domain);
  instance->record_id = record_id;
  instance->record_label = g_strdup (record_label);
  instance->org_id = org_id;
  instance->submitter_id = run->actor->actor_id;
  instance->fields = copy_fields (fields);

  if (!load_org_path (run->db, org_id, &instance->org_path, error)
      || !anju_wf_instance_insert (run->db, instance, run->now, error)
      || !add_actor_history (run, instance, 0, "start", NULL, NULL, error)
      || !enter_steps_from (run, instance, 0, error)
      || !anju_wf_instance_save (run->db, instance, run->now, error))
    return NULL;

  after = snapshot (instance, NULL);
  if (!anju_wf_run_audit (run, "start", instance->id, NULL, after, error)
      || !anju_wf_run_flush (run, error))
    return NULL;
  return g_steal_pointer (&instance);
}

/* ---- actions ------------------------------------------------------------- */

/* The open task the action closes: the review task of a running
 * instance, the supplement task of a returned one. */
static AnjuWfTask *
load_open_task (const AnjuWfRun      *run,
                const AnjuWfInstance *instance,
                const char           *kind,
                GError              **error)
{
  AnjuWfTask *task = NULL;

  if (!anju_wf_task_load_open (run->db, instance->id, &task, error))
    return NULL;
  if (task == NULL || (kind != NULL && !g_str_equal (task->kind, kind)))
    {
      g_clear_pointer (&task, anju_wf_task_free);
      g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_CONFLICT,
                           _("The process has no open task for this action"));
    }
  return task;
}

static gboolean
close_as_done (const AnjuWfRun        *run,
               const AnjuWfTask       *task,
               const AnjuWfActRequest *request,
               GError                **error)
{
  return anju_wf_task_close (run->db, task->id, "done", anju_wf_action_name (request->action),
                             request->comment, run->actor->actor_id, run->now, error);
}

static gboolean
act_approve (const AnjuWfRun        *run,
             AnjuWfInstance         *instance,
             const AnjuWfStep       *step,
             const AnjuWfTask       *task,
             const AnjuWfActRequest *request,
             GError                **error)
{
  return close_as_done (run, task, request, error)
         && add_actor_history (run, instance, task->id, "approve", step, request, error)
         && anju_wf_run_hook (run, instance, step->on_complete, ANJU_WORKFLOW_ON_COMPLETE,
                              step->key, "approve", error)
         && move_on (run, instance, step, error);
}

static gboolean
act_reject (const AnjuWfRun        *run,
            AnjuWfInstance         *instance,
            const AnjuWfStep       *step,
            const AnjuWfTask       *task,
            const AnjuWfActRequest *request,
            GError                **error)
{
  return close_as_done (run, task, request, error)
         && add_actor_history (run, instance, task->id, "reject", step, request, error)
         && finish (run, instance, "rejected", error)
         && anju_wf_emit_instance_event (run, "workflow.instance.rejected", instance, step->name,
                                         request->comment, error);
}

static gboolean
load_user_org (AnjuDb  *db,
               gint64   user_id,
               gint64  *out_org_id,
               GError **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db, "SELECT org_id FROM users WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, user_id);
  return anju_db_step_id (db, stmt, out_org_id, error);
}

/* The submitter supplements at their own organisation. */
static gboolean
add_supplement_task (const AnjuWfRun      *run,
                     const AnjuWfInstance *instance,
                     const AnjuWfStep     *step,
                     GError              **error)
{
  g_autoptr(AnjuWfTask) task = g_new0 (AnjuWfTask, 1);

  task->instance_id = instance->id;
  task->step_key = g_strdup (step->key);
  task->step_name = g_strdup (step->name);
  task->kind = g_strdup ("supplement");
  task->assignee_id = instance->submitter_id;
  task->created_at = run->now;
  return load_user_org (run->db, instance->submitter_id, &task->org_id, error)
         && anju_wf_task_insert (run->db, task, error);
}

static gboolean
act_return (const AnjuWfRun        *run,
            AnjuWfInstance         *instance,
            const AnjuWfStep       *step,
            const AnjuWfTask       *task,
            const AnjuWfActRequest *request,
            GError                **error)
{
  set_state (instance, "returned");
  return close_as_done (run, task, request, error)
         && add_actor_history (run, instance, task->id, "return", step, request, error)
         && add_supplement_task (run, instance, step, error)
         && anju_wf_emit_instance_event (run, "workflow.instance.returned", instance, step->name,
                                         request->comment, error);
}

static gboolean
act_resubmit (const AnjuWfRun        *run,
              AnjuWfInstance         *instance,
              const AnjuWfStep       *step,
              const AnjuWfTask       *task,
              const AnjuWfActRequest *request,
              GError                **error)
{
  set_state (instance, "running");
  return close_as_done (run, task, request, error)
         && add_actor_history (run, instance, task->id, "resubmit", step, request, error)
         && assign_step (run, instance, step, error);
}

/* The task goes to one user; its due date stays, since handing work on
 * does not buy time. */
static gboolean
act_transfer (const AnjuWfRun        *run,
              AnjuWfInstance         *instance,
              const AnjuWfStep       *step,
              const AnjuWfTask       *task,
              const AnjuWfActRequest *request,
              GError                **error)
{
  g_autoptr(AnjuWfTask) transferred = NULL;

  if (!close_as_done (run, task, request, error)
      || !add_actor_history (run, instance, task->id, "transfer", step, request, error))
    return FALSE;
  transferred = add_review_task (run, instance, step, task->org_id, task->org_path,
                                 request->transfer_to, task->due_at, error);
  return transferred != NULL
         && anju_wf_emit_task_event (run, "workflow.task.assigned", instance, transferred, error);
}

/* The submitter's own supplement task is done by withdrawing; someone
 * else's review task is simply no longer needed. */
static gboolean
act_withdraw (const AnjuWfRun        *run,
              AnjuWfInstance         *instance,
              const AnjuWfStep       *step,
              const AnjuWfTask       *task,
              const AnjuWfActRequest *request,
              GError                **error)
{
  gboolean own = g_str_equal (task->kind, "supplement");

  return (own ? close_as_done (run, task, request, error)
              : anju_wf_task_close (run->db, task->id, "cancelled", NULL, NULL, 0, run->now, error))
         && add_actor_history (run, instance, task->id, "withdraw", step, request, error)
         && finish (run, instance, "withdrawn", error);
}

typedef gboolean (*ActFunc) (const AnjuWfRun        *run,
                             AnjuWfInstance         *instance,
                             const AnjuWfStep       *step,
                             const AnjuWfTask       *task,
                             const AnjuWfActRequest *request,
                             GError                **error);

static ActFunc
act_func_for (AnjuWfAction  action,
              const char  **out_task_kind)
{
  *out_task_kind = "review";
  switch (action)
    {
    case ANJU_WF_APPROVE: return act_approve;
    case ANJU_WF_REJECT: return act_reject;
    case ANJU_WF_RETURN: return act_return;
    case ANJU_WF_TRANSFER: return act_transfer;
    case ANJU_WF_RESUBMIT:
      *out_task_kind = "supplement";
      return act_resubmit;
    case ANJU_WF_WITHDRAW:
      *out_task_kind = NULL;
      return act_withdraw;
    default: g_return_val_if_reached (NULL);
    }
}

gboolean
anju_wf_engine_act (const AnjuWfRun        *run,
                    AnjuWfInstance         *instance,
                    const AnjuWfActRequest *request,
                    GError                **error)
{
  g_autoptr(AnjuWfTask) task = NULL;
  g_autoptr(JsonNode) before = snapshot (instance, NULL);
  g_autoptr(JsonNode) after = NULL;
  const AnjuWfStep *step = anju_wf_instance_step (instance);
  const char *task_kind = NULL;
  ActFunc act = act_func_for (request->action, &task_kind);

  g_return_val_if_fail (act != NULL && step != NULL, FALSE);

  task = load_open_task (run, instance, task_kind, error);
  if (task == NULL
      || !act (run, instance, step, task, request, error)
      || !anju_wf_instance_save (run->db, instance, run->now, error))
    return FALSE;

  after = snapshot (instance, request);
  return anju_wf_run_audit (run, anju_wf_action_name (request->action), instance->id, before,
                            after, error)
         && anju_wf_run_flush (run, error);
}

/* ---- administration ------------------------------------------------------ */

/* One history row (the reason as its comment), the save and the audit
 * row of an administrator's pause, resume or cancel. */
static gboolean
record_admin (const AnjuWfRun  *run,
              AnjuWfInstance   *instance,
              const char       *action,
              const char       *reason,
              JsonNode         *before,
              GError          **error)
{
  AnjuWfActRequest request = { .comment = reason };
  g_autoptr(JsonNode) after = NULL;

  if (!add_actor_history (run, instance, 0, action, anju_wf_instance_step (instance), &request,
                          error)
      || !anju_wf_instance_save (run->db, instance, run->now, error))
    return FALSE;
  after = snapshot (instance, &request);
  return anju_wf_run_audit (run, action, instance->id, before, after, error)
         && anju_wf_run_flush (run, error);
}

gboolean
anju_wf_engine_pause (const AnjuWfRun  *run,
                      AnjuWfInstance   *instance,
                      const char       *reason,
                      GError          **error)
{
  g_autoptr(JsonNode) before = snapshot (instance, NULL);

  g_return_val_if_fail (!g_str_equal (instance->state, "paused"), FALSE);

  g_free (instance->paused_from);
  instance->paused_from = g_strdup (instance->state);
  instance->paused_at = run->now;
  set_state (instance, "paused");
  return record_admin (run, instance, "pause", reason, before, error);
}

/* The time limits do not run while paused: every open due date moves on
 * by the paused time. */
gboolean
anju_wf_engine_resume (const AnjuWfRun  *run,
                       AnjuWfInstance   *instance,
                       const char       *reason,
                       GError          **error)
{
  g_autoptr(JsonNode) before = snapshot (instance, NULL);
  gint64 paused_for = MAX (run->now - instance->paused_at, 0);

  g_return_val_if_fail (instance->paused_from != NULL, FALSE);

  set_state (instance, instance->paused_from);
  g_clear_pointer (&instance->paused_from, g_free);
  instance->paused_at = 0;
  return anju_wf_task_shift_due (run->db, instance->id, paused_for, error)
         && record_admin (run, instance, "resume", reason, before, error);
}

gboolean
anju_wf_engine_cancel (const AnjuWfRun  *run,
                       AnjuWfInstance   *instance,
                       const char       *reason,
                       GError          **error)
{
  g_autoptr(JsonNode) before = snapshot (instance, NULL);
  g_autoptr(AnjuWfTask) task = NULL;

  if (!anju_wf_task_load_open (run->db, instance->id, &task, error))
    return FALSE;
  return (task == NULL
          || anju_wf_task_close (run->db, task->id, "cancelled", NULL, NULL, 0, run->now, error))
         && finish (run, instance, "cancelled", error)
         && anju_wf_emit_instance_event (run, "workflow.instance.cancelled", instance, NULL, reason,
                                         error)
         && record_admin (run, instance, "cancel", reason, before, error);
}

gboolean
anju_wf_engine_remind (const AnjuWfRun      *run,
                       AnjuWfInstance       *instance,
                       const AnjuWfTask     *task,
                       GError              **error)
{
  g_autoptr(JsonNode) state = snapshot (instance, NULL);
  const AnjuWfStep *step = anju_wf_template_find_step (instance->template, task->step_key, NULL);

  return anju_wf_task_mark_reminded (run->db, task->id, run->now, error)
         && add_server_history (run, instance, task->id, task->org_id, "remind", step, error)
         && anju_wf_emit_task_event (run, "workflow.task.overdue", instance, task, error)
         && anju_wf_run_audit (run, "remind", instance->id, state, state, error)
         && anju_wf_run_flush (run, error);
}
