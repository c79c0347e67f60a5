/* anju-workflow-rules.c: the actions table of docs/api.md as code. */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-workflow-rules.h"
#include "anju-workflow-tasks.h"

#define SUBMITTER_ACTIONS (ANJU_WF_RESUBMIT | ANJU_WF_WITHDRAW)
/* What a step must list before its assignee or submitter may do it. */
#define STEP_OPTIONAL_ACTIONS (ANJU_WF_REJECT | ANJU_WF_RETURN | ANJU_WF_TRANSFER | ANJU_WF_WITHDRAW)

gboolean
anju_wf_relation_load (AnjuDb               *db,
                       gint64                user_id,
                       const char           *user_org_path,
                       const AnjuWfInstance *instance,
                       AnjuWfRelation       *out_relation,
                       GError              **error)
{
  g_autoptr(AnjuWfTask) task = NULL;

  *out_relation = (AnjuWfRelation) {
    .is_submitter = user_id != 0 && instance->submitter_id == user_id,
  };
  if (user_id == 0 || instance->step_key == NULL)
    return TRUE;

  /* The step's newest review task says who its assignee is, also while
   * the instance is returned or once it has ended: the one who could act
   * is then told why not (409) rather than that it is not theirs (403). */
  if (!anju_wf_task_load_last_review (db, instance->id, instance->step_key, &task, error))
    return FALSE;
  if (task == NULL)
    return TRUE;
  return anju_wf_user_may_act (db, user_id, user_org_path, task, &out_relation->is_assignee,
                               error);
}

static const char *
final_state_reason (const char *state)
{
  if (g_str_equal (state, "completed"))
    return _("The process has already been completed");
  if (g_str_equal (state, "rejected"))
    return _("The process has already been rejected");
  if (g_str_equal (state, "withdrawn"))
    return _("The process has been withdrawn");
  return _("The process has been cancelled");
}

static const char *
step_refusal (AnjuWfAction action)
{
  switch (action)
    {
    case ANJU_WF_REJECT: return _("This step does not allow rejection");
    case ANJU_WF_RETURN: return _("This step does not allow returning for supplement");
    case ANJU_WF_TRANSFER: return _("This step does not allow transfer");
    case ANJU_WF_WITHDRAW: return _("This step does not allow withdrawal");
    case ANJU_WF_APPROVE:
    case ANJU_WF_RESUBMIT:
    default: return NULL;
    }
}

/* The reason the state refuses action, or NULL. */
static const char *
state_refusal (const AnjuWfInstance *instance,
               AnjuWfAction          action)
{
  if (g_str_equal (instance->state, "paused"))
    return _("The process is paused");
  if (anju_wf_state_is_final (instance->state))
    return final_state_reason (instance->state);
  if (g_str_equal (instance->state, "returned") && (action & SUBMITTER_ACTIONS) == 0)
    return _("The process has been returned to its submitter for supplement");
  if (g_str_equal (instance->state, "running") && action == ANJU_WF_RESUBMIT)
    return _("The process has not been returned, so there is nothing to resubmit");
  return NULL;
}

AnjuWfVerdict
anju_wf_judge (const AnjuWfInstance *instance,
               const AnjuWfRelation *relation,
               AnjuWfAction          action,
               const char          **out_reason)
{
  const AnjuWfStep *step = anju_wf_instance_step (instance);
  gboolean by_submitter = (action & SUBMITTER_ACTIONS) != 0;

  *out_reason = NULL;
  if (by_submitter ? !relation->is_submitter : !relation->is_assignee)
    {
      *out_reason = by_submitter ? _("Only the submitter of the process may do this")
                                 : _("Only the assignee of the current step may do this");
      return ANJU_WF_FORBIDDEN;
    }

  *out_reason = state_refusal (instance, action);
  if (*out_reason == NULL && (action & STEP_OPTIONAL_ACTIONS) != 0
      && (step == NULL || (step->actions & action) == 0))
    *out_reason = step_refusal (action);
  if (*out_reason == NULL && action == ANJU_WF_RETURN && instance->submitter_id == 0)
    *out_reason = _("The process has no submitter to return it to");
  return *out_reason == NULL ? ANJU_WF_ALLOWED : ANJU_WF_REFUSED;
}

const char *
anju_wf_admin_refusal (const AnjuWfInstance *instance,
                       const char           *operation)
{
  gboolean paused = g_str_equal (instance->state, "paused");

  if (anju_wf_state_is_final (instance->state))
    return final_state_reason (instance->state);
  if (g_str_equal (operation, "pause") && paused)
    return _("The process is already paused");
  if (g_str_equal (operation, "resume") && !paused)
    return _("The process is not paused");
  return NULL;
}

guint
anju_wf_allowed_actions (const AnjuWfInstance *instance,
                         const AnjuWfRelation *relation)
{
  guint allowed = 0;

  for (guint i = 0; i < ANJU_WF_N_ACTIONS; i++)
    {
      const char *reason;

      if (anju_wf_judge (instance, relation, 1u << i, &reason) == ANJU_WF_ALLOWED)
        allowed |= 1u << i;
    }
  return allowed;
}
