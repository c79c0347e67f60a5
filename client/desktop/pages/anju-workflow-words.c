/* anju-workflow-words.c: the tables behind anju-workflow-words.h. */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-workflow-words.h"

typedef struct
{
  const char *id;
  const char *label;    /* NC_() in the table's context */
} Word;

/* Short words that mean other things elsewhere, hence the contexts
 * (spelled out each time: xgettext does not expand macros). */
static const Word states[] = {
  { "running",   NC_("workflow state", "In progress") },
  { "returned",  NC_("workflow state", "Returned for supplement") },
  { "paused",    NC_("workflow state", "Paused") },
  { "completed", NC_("workflow state", "Completed") },
  { "rejected",  NC_("workflow state", "Rejected") },
  { "withdrawn", NC_("workflow state", "Withdrawn") },
  { "cancelled", NC_("workflow state", "Cancelled") },
};

static const Word actions[] = {
  { "approve",  NC_("workflow action", "Approved") },
  { "reject",   NC_("workflow action", "Rejected") },
  { "return",   NC_("workflow action", "Returned for supplement") },
  { "resubmit", NC_("workflow action", "Resubmitted") },
  { "transfer", NC_("workflow action", "Transferred") },
  { "withdraw", NC_("workflow action", "Withdrawn") },
  { "start",    NC_("workflow action", "Submitted") },
  { "skip",     NC_("workflow action", "Skipped") },
  { "remind",   NC_("workflow action", "Overdue reminder") },
  { "pause",    NC_("workflow action", "Paused") },
  { "resume",   NC_("workflow action", "Resumed") },
  { "cancel",   NC_("workflow action", "Cancelled") },
  { "complete", NC_("workflow action", "Completed") },
};

static const Word task_kinds[] = {
  { "review",     NC_("workflow task kind", "Review") },
  { "supplement", NC_("workflow task kind", "Supplement") },
};

static const Word task_states[] = {
  { "open",      NC_("workflow task state", "Open") },
  { "done",      NC_("workflow task state", "Done") },
  { "cancelled", NC_("workflow task state", "Cancelled") },
};

static const char *
label_for (const Word *words,
           guint       n_words,
           const char *context,
           const char *id)
{
  if (id == NULL)
    return NULL;

  for (guint i = 0; i < n_words; i++)
    {
      if (g_str_equal (words[i].id, id))
        return g_dpgettext2 (NULL, context, words[i].label);
    }

  return id;
}

const char *
anju_workflow_state_label (const char *state)
{
  return label_for (states, G_N_ELEMENTS (states), "workflow state", state);
}

const char *
anju_workflow_action_label (const char *action)
{
  return label_for (actions, G_N_ELEMENTS (actions), "workflow action", action);
}

const char *
anju_workflow_task_kind_label (const char *kind)
{
  return label_for (task_kinds, G_N_ELEMENTS (task_kinds), "workflow task kind", kind);
}

const char *
anju_workflow_task_state_label (const char *state)
{
  return label_for (task_states, G_N_ELEMENTS (task_states), "workflow task state", state);
}
