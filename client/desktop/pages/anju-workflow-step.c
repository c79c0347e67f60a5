/* anju-workflow-step.c: a process template step being edited. */
#include "config.h"

#include "anju-error.h"
#include "anju-record.h"
#include "anju-workflow-condition.h"
#include "anju-workflow-step.h"

struct _AnjuWorkflowStep
{
  GObject              parent_instance;

  char                *key;           /* (owned) */
  char                *name;          /* (owned) */
  char                *role;          /* (owned) "" when none */
  char                *level;         /* (owned) */
  AnjuWorkflowActions  actions;
  guint                time_limit_days;
  char                *on_enter;      /* (owned) (nullable) */
  char                *on_complete;   /* (owned) (nullable) */
  GPtrArray           *skip_when;     /* (owned) of AnjuWorkflowCondition */
  GPtrArray           *branches;      /* (owned) of AnjuWorkflowBranch */
};

G_DEFINE_FINAL_TYPE (AnjuWorkflowStep, anju_workflow_step, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KEY,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const AnjuWorkflowActionName optional_actions[] = {
  { ANJU_WORKFLOW_ACTION_REJECT,   "reject" },
  { ANJU_WORKFLOW_ACTION_RETURN,   "return" },
  { ANJU_WORKFLOW_ACTION_TRANSFER, "transfer" },
  { ANJU_WORKFLOW_ACTION_WITHDRAW, "withdraw" },
};

const AnjuWorkflowActionName *
anju_workflow_optional_actions (guint *n_actions)
{
  g_return_val_if_fail (n_actions != NULL, NULL);

  *n_actions = G_N_ELEMENTS (optional_actions);
  return optional_actions;
}

AnjuWorkflowBranch *
anju_workflow_branch_new (void)
{
  AnjuWorkflowBranch *branch = g_new0 (AnjuWorkflowBranch, 1);

  branch->when = g_ptr_array_new_with_free_func ((GDestroyNotify) anju_workflow_condition_free);
  branch->goto_key = g_strdup ("");
  return branch;
}

void
anju_workflow_branch_free (AnjuWorkflowBranch *branch)
{
  if (branch == NULL)
    return;

  g_ptr_array_unref (branch->when);
  g_free (branch->goto_key);
  g_free (branch);
}

static void
replace_string (char       **field,
                const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*field);
  *field = copy;
}

static void
anju_workflow_step_finalize (GObject *object)
{
  AnjuWorkflowStep *self = ANJU_WORKFLOW_STEP (object);

  g_free (self->key);
  g_free (self->name);
  g_free (self->role);
  g_free (self->level);
  g_free (self->on_enter);
  g_free (self->on_complete);
  g_ptr_array_unref (self->skip_when);
  g_ptr_array_unref (self->branches);

  G_OBJECT_CLASS (anju_workflow_step_parent_class)->finalize (object);
}

static void
anju_workflow_step_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AnjuWorkflowStep *self = ANJU_WORKFLOW_STEP (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_workflow_step_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AnjuWorkflowStep *self = ANJU_WORKFLOW_STEP (object);

  switch (prop_id)
    {
    case PROP_KEY:
      anju_workflow_step_set_key (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      anju_workflow_step_set_name (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_workflow_step_class_init (AnjuWorkflowStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = anju_workflow_step_finalize;
  object_class->get_property = anju_workflow_step_get_property;
  object_class->set_property = anju_workflow_step_set_property;

  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
anju_workflow_step_init (AnjuWorkflowStep *self)
{
  self->key = g_strdup ("");
  self->name = g_strdup ("");
  self->role = g_strdup ("");
  self->level = g_strdup ("center");
  self->actions = ANJU_WORKFLOW_ACTION_REJECT | ANJU_WORKFLOW_ACTION_RETURN;
  self->skip_when = g_ptr_array_new_with_free_func ((GDestroyNotify) anju_workflow_condition_free);
  self->branches = g_ptr_array_new_with_free_func ((GDestroyNotify) anju_workflow_branch_free);
}

AnjuWorkflowStep *
anju_workflow_step_new (const char *key,
                        const char *name)
{
  return g_object_new (ANJU_TYPE_WORKFLOW_STEP,
                       "key", key != NULL ? key : "",
                       "name", name != NULL ? name : "",
                       NULL);
}

static AnjuWorkflowActions
actions_from_json (JsonArray *array)
{
  AnjuWorkflowActions actions = ANJU_WORKFLOW_ACTION_NONE;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      const char *id;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        continue;

      id = json_node_get_string (node);
      for (guint k = 0; k < G_N_ELEMENTS (optional_actions); k++)
        {
          if (g_str_equal (optional_actions[k].id, id))
            actions |= optional_actions[k].flag;
        }
    }

  return actions;
}

static gboolean
branches_from_json (AnjuWorkflowStep  *self,
                    JsonArray         *array,
                    GError           **error)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      AnjuWorkflowBranch *branch;
      JsonObject *object;
      GPtrArray *when;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_MALFORMED, "a branch is not an object");
          return FALSE;
        }

      object = json_node_get_object (node);
      when = anju_workflow_conditions_from_json (json_object_get_member (object, "when"), error);
      if (when == NULL)
        return FALSE;

      branch = anju_workflow_branch_new ();
      g_ptr_array_unref (branch->when);
      branch->when = when;
      replace_string (&branch->goto_key, anju_json_get_string (object, "goto"));
      if (branch->goto_key == NULL)
        branch->goto_key = g_strdup ("");
      g_ptr_array_add (self->branches, branch);
    }

  return TRUE;
}

AnjuWorkflowStep *
anju_workflow_step_new_from_json (JsonNode  *node,
                                  GError   **error)
{
  g_autoptr(AnjuWorkflowStep) self = NULL;
  JsonObject *object;
  GPtrArray *skip_when;
  const char *role;
  const char *level;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_MALFORMED, "a step is not an object");
      return NULL;
    }

  object = json_node_get_object (node);
  self = anju_workflow_step_new (anju_json_get_string (object, "key"),
                                 anju_json_get_string (object, "name"));

  role = anju_json_get_string (object, "role");
  level = anju_json_get_string (object, "level");
  replace_string (&self->role, role != NULL ? role : "");
  if (level != NULL)
    replace_string (&self->level, level);
  self->actions = actions_from_json (anju_json_get_array (object, "actions"));
  self->time_limit_days = (guint) CLAMP (anju_json_get_int (object, "time_limit_days", 0),
                                         0, ANJU_WORKFLOW_TIME_LIMIT_MAX);
  replace_string (&self->on_enter, anju_json_get_string (object, "on_enter"));
  replace_string (&self->on_complete, anju_json_get_string (object, "on_complete"));

  skip_when = anju_workflow_conditions_from_json (json_object_get_member (object, "skip_when"), error);
  if (skip_when == NULL)
    return NULL;
  g_ptr_array_unref (self->skip_when);
  self->skip_when = skip_when;

  if (!branches_from_json (self, anju_json_get_array (object, "branches"), error))
    return NULL;

  return g_steal_pointer (&self);
}

static void
set_nullable_string (JsonObject *object,
                     const char *member,
                     const char *value)
{
  if (value != NULL && *value != '\0')
    json_object_set_string_member (object, member, value);
  else
    json_object_set_null_member (object, member);
}

static JsonNode *
branches_to_json (AnjuWorkflowStep *self)
{
  g_autoptr(JsonArray) array = json_array_new ();
  JsonNode *node;

  for (guint i = 0; i < self->branches->len; i++)
    {
      AnjuWorkflowBranch *branch = g_ptr_array_index (self->branches, i);
      g_autoptr(JsonObject) object = json_object_new ();

      json_object_set_member (object, "when", anju_workflow_conditions_to_json (branch->when));
      json_object_set_string_member (object, "goto", branch->goto_key);
      json_array_add_object_element (array, g_steal_pointer (&object));
    }

  node = json_node_new (JSON_NODE_ARRAY);
  json_node_set_array (node, array);
  return node;
}

JsonNode *
anju_workflow_step_to_json (AnjuWorkflowStep *self)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonArray) actions = json_array_new ();
  JsonNode *node;

  g_return_val_if_fail (ANJU_IS_WORKFLOW_STEP (self), NULL);

  json_array_add_string_element (actions, "approve");
  for (guint k = 0; k < G_N_ELEMENTS (optional_actions); k++)
    {
      if ((self->actions & optional_actions[k].flag) != 0)
        json_array_add_string_element (actions, optional_actions[k].id);
    }

  json_object_set_string_member (object, "key", self->key);
  json_object_set_string_member (object, "name", self->name);
  json_object_set_string_member (object, "role", self->role);
  json_object_set_string_member (object, "level", self->level);
  json_object_set_array_member (object, "actions", g_steal_pointer (&actions));
  if (self->time_limit_days > 0)
    json_object_set_int_member (object, "time_limit_days", self->time_limit_days);
  else
    json_object_set_null_member (object, "time_limit_days");
  json_object_set_member (object, "skip_when", anju_workflow_conditions_to_json (self->skip_when));
  json_object_set_member (object, "branches", branches_to_json (self));
  set_nullable_string (object, "on_enter", self->on_enter);
  set_nullable_string (object, "on_complete", self->on_complete);

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (node, object);
  return node;
}

const char *
anju_workflow_step_get_key (AnjuWorkflowStep *self)
{
  g_return_val_if_fail (ANJU_IS_WORKFLOW_STEP (self), NULL);

  return self->key;
}

void
anju_workflow_step_set_key (AnjuWorkflowStep *self,
                            const char       *key)
{
  g_return_if_fail (ANJU_IS_WORKFLOW_STEP (self));

  if (g_strcmp0 (self->key, key) == 0)
    return;

  replace_string (&self->key, key != NULL ? key : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEY]);
}

const char *
anju_workflow_step_get_name (AnjuWorkflowStep *self)
{
  g_return_val_if_fail (ANJU_IS_WORKFLOW_STEP (self), NULL);

  return self->name;
}

void
anju_workflow_step_set_name (AnjuWorkflowStep *self,
                             const char       *name)
{
  g_return_if_fail (ANJU_IS_WORKFLOW_STEP (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;

  replace_string (&self->name, name != NULL ? name : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
anju_workflow_step_get_role (AnjuWorkflowStep *self)
{
  g_return_val_if_fail (ANJU_IS_WORKFLOW_STEP (self), NULL);

  return self->role;
}

void
anju_workflow_step_set_role (AnjuWorkflowStep *self,
                             const char       *role)
{
  g_return_if_fail (ANJU_IS_WORKFLOW_STEP (self));

  replace_string (&self->role, role != NULL ? role : "");
}

const char *
anju_workflow_step_get_level (AnjuWorkflowStep *self)
{
  g_return_val_if_fail (ANJU_IS_WORKFLOW_STEP (self), NULL);

  return self->level;
}

void
anju_workflow_step_set_level (AnjuWorkflowStep *self,
                              const char       *level)
{
  g_return_if_fail (ANJU_IS_WORKFLOW_STEP (self));
  g_return_if_fail (level != NULL);

  replace_string (&self->level, level);
}

AnjuWorkflowActions
anju_workflow_step_get_actions (AnjuWorkflowStep *self)
{
  g_return_val_if_fail (ANJU_IS_WORKFLOW_STEP (self), ANJU_WORKFLOW_ACTION_NONE);

  return self->actions;
}

void
anju_workflow_step_set_actions (AnjuWorkflowStep    *self,
                                AnjuWorkflowActions  actions)
{
  g_return_if_fail (ANJU_IS_WORKFLOW_STEP (self));

  self->actions = actions;
}

guint
anju_workflow_step_get_time_limit_days (AnjuWorkflowStep *self)
{
  g_return_val_if_fail (ANJU_IS_WORKFLOW_STEP (self), 0);

  return self->time_limit_days;
}

void
anju_workflow_step_set_time_limit_days (AnjuWorkflowStep *self,
                                        guint             days)
{
  g_return_if_fail (ANJU_IS_WORKFLOW_STEP (self));

  self->time_limit_days = days;
}

const char *
anju_workflow_step_get_on_enter (AnjuWorkflowStep *self)
{
  g_return_val_if_fail (ANJU_IS_WORKFLOW_STEP (self), NULL);

  return self->on_enter;
}

void
anju_workflow_step_set_on_enter (AnjuWorkflowStep *self,
                                 const char       *hook)
{
  g_return_if_fail (ANJU_IS_WORKFLOW_STEP (self));

  replace_string (&self->on_enter, hook != NULL && *hook != '\0' ? hook : NULL);
}

const char *
anju_workflow_step_get_on_complete (AnjuWorkflowStep *self)
{
  g_return_val_if_fail (ANJU_IS_WORKFLOW_STEP (self), NULL);

  return self->on_complete;
}

void
anju_workflow_step_set_on_complete (AnjuWorkflowStep *self,
                                    const char       *hook)
{
  g_return_if_fail (ANJU_IS_WORKFLOW_STEP (self));

  replace_string (&self->on_complete, hook != NULL && *hook != '\0' ? hook : NULL);
}

GPtrArray *
anju_workflow_step_get_skip_when (AnjuWorkflowStep *self)
{
  g_return_val_if_fail (ANJU_IS_WORKFLOW_STEP (self), NULL);

  return self->skip_when;
}

GPtrArray *
anju_workflow_step_get_branches (AnjuWorkflowStep *self)
{
  g_return_val_if_fail (ANJU_IS_WORKFLOW_STEP (self), NULL);

  return self->branches;
}
