/* anju-workflow-step-list.c: a template's steps as a list model. */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-error.h"
#include "anju-workflow-condition.h"
#include "anju-workflow-names.h"
#include "anju-workflow-step-list.h"

struct _AnjuWorkflowStepList
{
  GObject    parent_instance;

  GPtrArray *steps;  /* (owned) of AnjuWorkflowStep */
};

static void anju_workflow_step_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AnjuWorkflowStepList, anju_workflow_step_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, anju_workflow_step_list_model_init))

static GType
anju_workflow_step_list_get_item_type (GListModel *model)
{
  return ANJU_TYPE_WORKFLOW_STEP;
}

static guint
anju_workflow_step_list_get_n_items (GListModel *model)
{
  return ANJU_WORKFLOW_STEP_LIST (model)->steps->len;
}

static gpointer
anju_workflow_step_list_get_item (GListModel *model,
                                  guint       position)
{
  AnjuWorkflowStepList *self = ANJU_WORKFLOW_STEP_LIST (model);

  if (position >= self->steps->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->steps, position));
}

static void
anju_workflow_step_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = anju_workflow_step_list_get_item_type;
  iface->get_n_items = anju_workflow_step_list_get_n_items;
  iface->get_item = anju_workflow_step_list_get_item;
}

static void
anju_workflow_step_list_finalize (GObject *object)
{
  AnjuWorkflowStepList *self = ANJU_WORKFLOW_STEP_LIST (object);

  g_ptr_array_unref (self->steps);

  G_OBJECT_CLASS (anju_workflow_step_list_parent_class)->finalize (object);
}

static void
anju_workflow_step_list_class_init (AnjuWorkflowStepListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = anju_workflow_step_list_finalize;
}

static void
anju_workflow_step_list_init (AnjuWorkflowStepList *self)
{
  self->steps = g_ptr_array_new_with_free_func (g_object_unref);
}

AnjuWorkflowStepList *
anju_workflow_step_list_new (void)
{
  return g_object_new (ANJU_TYPE_WORKFLOW_STEP_LIST, NULL);
}

AnjuWorkflowStepList *
anju_workflow_step_list_new_from_json (JsonNode  *node,
                                       GError   **error)
{
  g_autoptr(AnjuWorkflowStepList) self = anju_workflow_step_list_new ();
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_MALFORMED, "the steps are not an array");
      return NULL;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      AnjuWorkflowStep *step = anju_workflow_step_new_from_json (json_array_get_element (array, i), error);

      if (step == NULL)
        return NULL;
      g_ptr_array_add (self->steps, step);
    }

  return g_steal_pointer (&self);
}

JsonNode *
anju_workflow_step_list_to_json (AnjuWorkflowStepList *self)
{
  g_autoptr(JsonArray) array = json_array_new ();
  JsonNode *node;

  g_return_val_if_fail (ANJU_IS_WORKFLOW_STEP_LIST (self), NULL);

  for (guint i = 0; i < self->steps->len; i++)
    json_array_add_element (array, anju_workflow_step_to_json (g_ptr_array_index (self->steps, i)));

  node = json_node_new (JSON_NODE_ARRAY);
  json_node_set_array (node, array);
  return node;
}

AnjuWorkflowStep *
anju_workflow_step_list_get_step (AnjuWorkflowStepList *self,
                                  guint                 position)
{
  g_return_val_if_fail (ANJU_IS_WORKFLOW_STEP_LIST (self), NULL);

  if (position >= self->steps->len)
    return NULL;

  return g_ptr_array_index (self->steps, position);
}

int
anju_workflow_step_list_find_key (AnjuWorkflowStepList *self,
                                  const char           *key)
{
  g_return_val_if_fail (ANJU_IS_WORKFLOW_STEP_LIST (self), -1);

  if (key == NULL)
    return -1;

  for (guint i = 0; i < self->steps->len; i++)
    {
      if (g_str_equal (anju_workflow_step_get_key (g_ptr_array_index (self->steps, i)), key))
        return (int) i;
    }

  return -1;
}

char *
anju_workflow_step_list_unique_key (AnjuWorkflowStepList *self)
{
  g_return_val_if_fail (ANJU_IS_WORKFLOW_STEP_LIST (self), NULL);

  for (guint n = 1;; n++)
    {
      g_autofree char *key = g_strdup_printf ("step_%u", n);

      if (anju_workflow_step_list_find_key (self, key) < 0)
        return g_steal_pointer (&key);
    }
}

guint
anju_workflow_step_list_add (AnjuWorkflowStepList *self,
                             guint                 after,
                             const char           *name)
{
  g_autofree char *key = NULL;
  guint position;

  g_return_val_if_fail (ANJU_IS_WORKFLOW_STEP_LIST (self), G_MAXUINT);

  if (self->steps->len >= ANJU_WORKFLOW_STEPS_MAX)
    return G_MAXUINT;

  position = after >= self->steps->len ? self->steps->len : after + 1;
  key = anju_workflow_step_list_unique_key (self);
  g_ptr_array_insert (self->steps, position, anju_workflow_step_new (key, name));
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);

  return position;
}

void
anju_workflow_step_list_remove (AnjuWorkflowStepList *self,
                                guint                 position)
{
  g_return_if_fail (ANJU_IS_WORKFLOW_STEP_LIST (self));

  if (position >= self->steps->len)
    return;

  g_ptr_array_remove_index (self->steps, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
}

gboolean
anju_workflow_step_list_move (AnjuWorkflowStepList *self,
                              guint                 from,
                              guint                 to)
{
  gpointer step;
  guint first;
  guint n_changed;

  g_return_val_if_fail (ANJU_IS_WORKFLOW_STEP_LIST (self), FALSE);

  if (from >= self->steps->len || to >= self->steps->len)
    return FALSE;
  if (from == to)
    return TRUE;

  step = g_ptr_array_steal_index (self->steps, from);
  g_ptr_array_insert (self->steps, to, step);

  /* Everything between the two positions moved by one. */
  first = MIN (from, to);
  n_changed = MAX (from, to) - first + 1;
  g_list_model_items_changed (G_LIST_MODEL (self), first, n_changed, n_changed);

  return TRUE;
}

void
anju_workflow_step_list_rename_key (AnjuWorkflowStepList *self,
                                    const char           *old_key,
                                    const char           *new_key)
{
  g_return_if_fail (ANJU_IS_WORKFLOW_STEP_LIST (self));
  g_return_if_fail (old_key != NULL && new_key != NULL);

  /* "end" and "" are no step's key to follow. */
  if (*old_key == '\0' || g_str_equal (old_key, ANJU_WORKFLOW_GOTO_END))
    return;

  for (guint i = 0; i < self->steps->len; i++)
    {
      GPtrArray *branches = anju_workflow_step_get_branches (g_ptr_array_index (self->steps, i));

      for (guint k = 0; k < branches->len; k++)
        {
          AnjuWorkflowBranch *branch = g_ptr_array_index (branches, k);

          if (g_str_equal (branch->goto_key, old_key))
            {
              g_free (branch->goto_key);
              branch->goto_key = g_strdup (new_key);
            }
        }
    }
}

gboolean
anju_workflow_step_key_is_valid (const char *key)
{
  if (key == NULL || !g_ascii_islower (key[0]))
    return FALSE;

  for (const char *p = key + 1; *p != '\0'; p++)
    {
      if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '_')
        return FALSE;
    }

  return TRUE;
}

/* Checks */

static void
add_error (GHashTable *errors,
           const char *path,
           const char *message)
{
  /* The first problem found at a member is the one to fix first. */
  if (!g_hash_table_contains (errors, path))
    g_hash_table_insert (errors, g_strdup (path), g_strdup (message));
}

static void
check_conditions (GPtrArray  *conditions,
                  const char *prefix,
                  GHashTable *errors)
{
  for (guint j = 0; j < conditions->len; j++)
    {
      AnjuWorkflowCondition *condition = g_ptr_array_index (conditions, j);
      g_autofree char *field_path = g_strdup_printf ("%s[%u].field", prefix, j);
      g_autofree char *value_path = g_strdup_printf ("%s[%u].value", prefix, j);
      g_autofree char *field = g_strstrip (g_strdup (condition->field));

      if (*field == '\0')
        add_error (errors, field_path, _("Enter the name of a field."));
      if (anju_workflow_op_takes_value (condition->op) && condition->value == NULL)
        add_error (errors, value_path, _("Enter a value."));
    }
}

static void
check_branches (AnjuWorkflowStepList *self,
                guint                 i,
                GHashTable           *errors)
{
  GPtrArray *branches = anju_workflow_step_get_branches (g_ptr_array_index (self->steps, i));

  for (guint k = 0; k < branches->len; k++)
    {
      AnjuWorkflowBranch *branch = g_ptr_array_index (branches, k);
      g_autofree char *when_path = g_strdup_printf ("steps[%u].branches[%u].when", i, k);
      g_autofree char *goto_path = g_strdup_printf ("steps[%u].branches[%u].goto", i, k);
      int target = anju_workflow_step_list_find_key (self, branch->goto_key);

      check_conditions (branch->when, when_path, errors);

      if (g_str_equal (branch->goto_key, ANJU_WORKFLOW_GOTO_END))
        continue;
      if (*branch->goto_key == '\0')
        add_error (errors, goto_path, _("Choose where the branch leads."));
      else if (target < 0)
        add_error (errors, goto_path, _("No step has this key."));
      else if ((guint) target <= i)
        add_error (errors, goto_path, _("A branch can only lead to a later step or to the end."));
    }
}

static void
check_step (AnjuWorkflowStepList *self,
            guint                 i,
            GHashTable           *errors)
{
  AnjuWorkflowStep *step = g_ptr_array_index (self->steps, i);
  g_autofree char *name = g_strstrip (g_strdup (anju_workflow_step_get_name (step)));
  const char *key = anju_workflow_step_get_key (step);
  g_autofree char *prefix = g_strdup_printf ("steps[%u]", i);
  g_autofree char *name_path = g_strconcat (prefix, ".name", NULL);
  g_autofree char *key_path = g_strconcat (prefix, ".key", NULL);
  g_autofree char *role_path = g_strconcat (prefix, ".role", NULL);
  g_autofree char *level_path = g_strconcat (prefix, ".level", NULL);
  g_autofree char *limit_path = g_strconcat (prefix, ".time_limit_days", NULL);
  g_autofree char *skip_path = g_strconcat (prefix, ".skip_when", NULL);

  if (*name == '\0')
    add_error (errors, name_path, _("Enter a name."));
  else if (g_utf8_strlen (name, -1) > ANJU_WORKFLOW_STEP_NAME_MAX)
    add_error (errors, name_path, _("Use at most 50 characters."));

  if (!anju_workflow_step_key_is_valid (key))
    add_error (errors, key_path,
               _("Start with a lower-case letter; then use lower-case letters, digits or “_”."));
  else if (anju_workflow_step_list_find_key (self, key) != (int) i)
    add_error (errors, key_path, _("Another step has the same key."));

  if (*anju_workflow_step_get_role (step) == '\0')
    add_error (errors, role_path, _("Choose a role."));
  if (!anju_workflow_level_is_known (anju_workflow_step_get_level (step)))
    add_error (errors, level_path, _("Choose a level."));
  if (anju_workflow_step_get_time_limit_days (step) > ANJU_WORKFLOW_TIME_LIMIT_MAX)
    add_error (errors, limit_path, _("Use 1 to 365 days, or no limit."));

  check_conditions (anju_workflow_step_get_skip_when (step), skip_path, errors);
  check_branches (self, i, errors);
}

gboolean
anju_workflow_step_list_check (AnjuWorkflowStepList *self,
                               GHashTable           *errors)
{
  guint n_before;

  g_return_val_if_fail (ANJU_IS_WORKFLOW_STEP_LIST (self), FALSE);
  g_return_val_if_fail (errors != NULL, FALSE);

  n_before = g_hash_table_size (errors);

  if (self->steps->len == 0)
    add_error (errors, "steps", _("A process needs at least one step."));
  else if (self->steps->len > ANJU_WORKFLOW_STEPS_MAX)
    add_error (errors, "steps", _("A process has at most 30 steps."));

  for (guint i = 0; i < self->steps->len; i++)
    check_step (self, i, errors);

  return g_hash_table_size (errors) == n_before;
}
