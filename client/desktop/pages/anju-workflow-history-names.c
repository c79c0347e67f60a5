/* anju-workflow-history-names.c: the tables behind anju-workflow-history-names.h. */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-workflow-history-names.h"

typedef struct
{
  const char *id;
  const char *label;    /* NC_() in the table's context */
} Word;

/* Short words that mean other things elsewhere, hence the contexts
 * (spelled out each time: xgettext does not expand macros). */
static const Word actions[] = {
  { "approve",  NC_("workflow history", "Approved") },
  { "reject",   NC_("workflow history", "Rejected") },
  { "return",   NC_("workflow history", "Returned for supplement") },
  { "resubmit", NC_("workflow history", "Resubmitted") },
  { "transfer", NC_("workflow history", "Transferred") },
  { "withdraw", NC_("workflow history", "Withdrawn") },
  { "start",    NC_("workflow history", "Submitted") },
  { "skip",     NC_("workflow history", "Skipped") },
  { "remind",   NC_("workflow history", "Overdue reminder") },
  { "pause",    NC_("workflow history", "Paused") },
  { "resume",   NC_("workflow history", "Resumed") },
  { "cancel",   NC_("workflow history", "Cancelled") },
  { "complete", NC_("workflow history", "Completed") },
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
        return g_dpgettext2 (GETTEXT_PACKAGE, context, words[i].label);
    }

  return id;
}

const char *
anju_workflow_history_action_label (const char *action)
{
  return label_for (actions, G_N_ELEMENTS (actions), "workflow history", action);
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
