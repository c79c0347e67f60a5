/* anju-workflow-names.c: labels of levels, actions and states. */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-workflow-names.h"

typedef struct
{
  const char *id;
  const char *label;  /* for C_() with the table's context */
} Name;

static const char * const levels[] = { "community", "street", "center", "enterprise", NULL };

static const Name level_names[] = {
  { "community",  NC_("workflow level", "Community") },
  { "street",     NC_("workflow level", "Street") },
  { "center",     NC_("workflow level", "Center") },
  { "enterprise", NC_("workflow level", "Operating enterprise") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (levels) == G_N_ELEMENTS (level_names) + 1);

static const Name action_names[] = {
  { "approve",  NC_("workflow action", "Approve") },
  { "reject",   NC_("workflow action", "Reject") },
  { "return",   NC_("workflow action", "Return for supplement") },
  { "resubmit", NC_("workflow action", "Resubmit") },
  { "transfer", NC_("workflow action", "Transfer") },
  { "withdraw", NC_("workflow action", "Withdraw by the submitter") },
};

static const char * const states[] = {
  "running", "returned", "paused", "completed", "rejected", "withdrawn", "cancelled", NULL
};

static const Name state_names[] = {
  { "running",   NC_("workflow state", "Running") },
  { "returned",  NC_("workflow state", "Returned for supplement") },
  { "paused",    NC_("workflow state", "Paused") },
  { "completed", NC_("workflow state", "Completed") },
  { "rejected",  NC_("workflow state", "Rejected") },
  { "withdrawn", NC_("workflow state", "Withdrawn") },
  { "cancelled", NC_("workflow state", "Cancelled") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (states) == G_N_ELEMENTS (state_names) + 1);

static const char *
lookup (const Name *names,
        guint       n_names,
        const char *context,
        const char *id)
{
  if (id == NULL)
    return NULL;

  for (guint i = 0; i < n_names; i++)
    {
      if (g_str_equal (names[i].id, id))
        return g_dpgettext2 (GETTEXT_PACKAGE, context, names[i].label);
    }

  return id;
}

const char * const *
anju_workflow_levels (void)
{
  return levels;
}

gboolean
anju_workflow_level_is_known (const char *level)
{
  return level != NULL && g_strv_contains (levels, level);
}

const char *
anju_workflow_level_label (const char *level)
{
  return lookup (level_names, G_N_ELEMENTS (level_names), "workflow level", level);
}

const char *
anju_workflow_action_label (const char *action)
{
  return lookup (action_names, G_N_ELEMENTS (action_names), "workflow action", action);
}

const char * const *
anju_workflow_states (void)
{
  return states;
}

const char *
anju_workflow_state_label (const char *state)
{
  return lookup (state_names, G_N_ELEMENTS (state_names), "workflow state", state);
}

gboolean
anju_workflow_state_can_pause (const char *state)
{
  return g_strcmp0 (state, "running") == 0 || g_strcmp0 (state, "returned") == 0;
}

gboolean
anju_workflow_state_can_resume (const char *state)
{
  return g_strcmp0 (state, "paused") == 0;
}

gboolean
anju_workflow_state_can_cancel (const char *state)
{
  return anju_workflow_state_can_pause (state) || anju_workflow_state_can_resume (state);
}
