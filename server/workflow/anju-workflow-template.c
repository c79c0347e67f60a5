/* anju-workflow-template.c: reading, checking and writing process steps. */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-stmt.h"
#include "anju-workflow-condition.h"
#include "anju-workflow-private.h"
#include "anju-workflow-template.h"

#define MAX_KEY_LENGTH       40
#define MAX_STEP_NAME_LENGTH 50
#define MAX_TIME_LIMIT_DAYS  365

const char * const anju_wf_action_names[] = {
  "approve", "reject", "return", "transfer", "withdraw", "resubmit", NULL,
};

/* What a step may list in "actions": resubmit belongs to the submitter
 * of a returned process, never to a step. */
static const char * const step_actions[] = {
  "approve", "reject", "return", "transfer", "withdraw", NULL,
};

static const char * const levels[] = {
  "community", "street", "center", "enterprise", NULL,
};

static const char * const step_members[] = {
  "key", "name", "role", "level", "actions", "time_limit_days", "skip_when", "branches",
  "on_enter", "on_complete", NULL,
};

const char *
anju_wf_action_name (AnjuWfAction action)
{
  for (guint i = 0; anju_wf_action_names[i] != NULL; i++)
    if (action == (AnjuWfAction) (1u << i))
      return anju_wf_action_names[i];
  return NULL;
}

AnjuWfAction
anju_wf_action_from_name (const char *name)
{
  for (guint i = 0; name != NULL && anju_wf_action_names[i] != NULL; i++)
    if (g_str_equal (name, anju_wf_action_names[i]))
      return 1u << i;
  return 0;
}

static void
step_free (gpointer data)
{
  AnjuWfStep *step = data;

  g_free (step->key);
  g_free (step->name);
  g_free (step->role);
  g_free (step->level);
  g_clear_pointer (&step->skip_when, json_array_unref);
  g_clear_pointer (&step->branches, json_array_unref);
  g_free (step->on_enter);
  g_free (step->on_complete);
  g_free (step);
}

void
anju_wf_template_free (AnjuWfTemplate *self)
{
  if (self == NULL)
    return;
  g_free (self->code);
  g_free (self->name);
  g_free (self->domain);
  g_free (self->description);
  g_free (self->on_complete);
  g_clear_pointer (&self->steps, g_ptr_array_unref);
  g_free (self);
}

const AnjuWfStep *
anju_wf_template_find_step (const AnjuWfTemplate *self,
                            const char           *key,
                            guint                *out_index)
{
  for (guint i = 0; key != NULL && i < self->steps->len; i++)
    {
      const AnjuWfStep *step = g_ptr_array_index (self->steps, i);

      if (g_str_equal (step->key, key))
        {
          if (out_index != NULL)
            *out_index = i;
          return step;
        }
    }
  return NULL;
}

/* ---- the problem list ------------------------------------------------- */

void
anju_wf_check_init (AnjuWfCheck  *check,
                    AnjuDb       *db,
                    AnjuWorkflow *workflow)
{
  *check = (AnjuWfCheck) { db, workflow, json_object_new (), NULL };
}

void
anju_wf_check_clear (AnjuWfCheck *check)
{
  g_clear_pointer (&check->problems, json_object_unref);
  g_clear_error (&check->error);
}

void
anju_wf_check_add (AnjuWfCheck *check,
                   const char  *path,
                   const char  *message)
{
  if (!json_object_has_member (check->problems, path))
    json_object_set_string_member (check->problems, path, message);
}

gboolean
anju_wf_check_ok (AnjuWfCheck *check)
{
  return check->error == NULL && json_object_get_size (check->problems) == 0;
}

/* ---- reading members -------------------------------------------------- */

/* path NULL: a member of the body itself. */
static void
add_member_problem (AnjuWfCheck *check,
                    const char  *path,
                    const char  *member,
                    const char  *message)
{
  g_autofree char *full = path != NULL ? g_strdup_printf ("%s.%s", path, member)
                                       : g_strdup (member);

  anju_wf_check_add (check, full, message);
}

static void
add_type_problem (AnjuWfCheck *check,
                  const char  *path,
                  const char  *member,
                  const char  *type_name)
{
  /* Translators: %s is a type such as “a string” */
  g_autofree char *why = g_strdup_printf (_("Must be %s"), type_name);

  add_member_problem (check, path, member, why);
}

static void
check_unknown_members (AnjuWfCheck        *check,
                       const char         *path,
                       JsonObject         *object,
                       const char * const *known)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (known, l->data))
      add_member_problem (check, path, l->data, _("Unknown field"));
}

static void
add_enum_problem (AnjuWfCheck        *check,
                  const char         *path,
                  const char         *member,
                  const char * const *allowed)
{
  g_autofree char *list = g_strjoinv (", ", (char **) allowed);
  /* Translators: %s is a list of the allowed values */
  g_autofree char *why = g_strdup_printf (_("Must be one of: %s"), list);

  add_member_problem (check, path, member, why);
}

char *
anju_wf_read_text (AnjuWfCheck *check,
                   const char  *path,
                   JsonObject  *object,
                   const char  *member,
                   guint        max_chars)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *text = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      add_member_problem (check, path, member, _("This field is required"));
      return NULL;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      add_type_problem (check, path, member, _("a string"));
      return NULL;
    }

  text = g_strstrip (g_strdup (json_node_get_string (node)));
  if (*text == '\0')
    add_member_problem (check, path, member, _("Must not be empty"));
  else if (g_utf8_strlen (text, -1) > (glong) max_chars)
    {
      g_autofree char *why = g_strdup_printf (_("Must be at most %u characters"), max_chars);

      add_member_problem (check, path, member, why);
    }
  else
    return g_steal_pointer (&text);
  return NULL;
}

static gboolean
is_step_key (const char *key)
{
  if (!g_ascii_islower (*key))
    return FALSE;
  for (const char *p = key; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '_')
      return FALSE;
  return TRUE;
}

static char *
read_key (AnjuWfCheck *check,
          const char  *path,
          JsonObject  *object,
          GHashTable  *seen_keys)
{
  g_autofree char *key = anju_wf_read_text (check, path, object, "key", MAX_KEY_LENGTH);

  if (key == NULL)
    return NULL;
  if (!is_step_key (key))
    add_member_problem (check, path, "key",
                        _("Must start with a lower-case letter and hold only a–z, 0–9 and “_”"));
  else if (g_str_equal (key, "end"))
    add_member_problem (check, path, "key", _("“end” is reserved for the end of the process"));
  else if (g_hash_table_contains (seen_keys, key))
    add_member_problem (check, path, "key", _("Another step already has this key"));
  else
    {
      g_hash_table_add (seen_keys, g_strdup (key));
      return g_steal_pointer (&key);
    }
  return NULL;
}

static gboolean
role_exists (AnjuWfCheck *check,
             const char  *code)
{
  g_auto(AnjuStmt) stmt = NULL;
  gint64 id = 0;

  if (check->db == NULL || check->error != NULL)
    return TRUE;
  stmt = anju_db_prepare (check->db, "SELECT id FROM roles WHERE code = ?1", &check->error);
  if (stmt == NULL)
    return TRUE;
  anju_db_bind_text (stmt, 1, code);
  if (!anju_db_step_id (check->db, stmt, &id, &check->error))
    return TRUE;
  return id != 0;
}

static char *
read_role (AnjuWfCheck *check,
           const char  *path,
           JsonObject  *object)
{
  g_autofree char *role = anju_wf_read_text (check, path, object, "role", 64);

  if (role != NULL && !role_exists (check, role))
    {
      add_member_problem (check, path, "role", _("No such role"));
      return NULL;
    }
  return g_steal_pointer (&role);
}

static char *
read_level (AnjuWfCheck *check,
            const char  *path,
            JsonObject  *object)
{
  g_autofree char *level = anju_wf_read_text (check, path, object, "level", 20);

  if (level != NULL && !g_strv_contains (levels, level))
    {
      add_enum_problem (check, path, "level", levels);
      return NULL;
    }
  return g_steal_pointer (&level);
}

static guint
read_actions (AnjuWfCheck *check,
              const char  *path,
              JsonObject  *object)
{
  JsonNode *node = json_object_get_member (object, "actions");
  JsonArray *array;
  guint actions = 0;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      add_member_problem (check, path, "actions", _("This field is required"));
      return 0;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      add_type_problem (check, path, "actions", _("a list of strings"));
      return 0;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      const char *name = JSON_NODE_HOLDS_VALUE (element)
                         && json_node_get_value_type (element) == G_TYPE_STRING
                         ? json_node_get_string (element) : NULL;

      if (name == NULL || !g_strv_contains (step_actions, name))
        {
          add_enum_problem (check, path, "actions", step_actions);
          return 0;
        }
      actions |= anju_wf_action_from_name (name);
    }
  if ((actions & ANJU_WF_APPROVE) == 0)
    {
      add_member_problem (check, path, "actions", _("Every step must allow approve"));
      return 0;
    }
  return actions;
}

static int
read_time_limit (AnjuWfCheck *check,
                 const char  *path,
                 JsonObject  *object)
{
  JsonNode *node = json_object_get_member (object, "time_limit_days");
  gint64 days;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return 0;
  days = JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64
         ? json_node_get_int (node) : 0;
  if (days < 1 || days > MAX_TIME_LIMIT_DAYS)
    {
      g_autofree char *why = g_strdup_printf (_("Must be a whole number from 1 to %u"),
                                              MAX_TIME_LIMIT_DAYS);

      add_member_problem (check, path, "time_limit_days", why);
      return 0;
    }
  return (int) days;
}

char *
anju_wf_hook_read (AnjuWfCheck          *check,
                   const char           *path,
                   JsonNode             *node,
                   AnjuWorkflowHookKind  kind)
{
  const AnjuWfHook *hook;
  const char *name;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      /* Translators: %s is a type such as “a string” */
      g_autofree char *why = g_strdup_printf (_("Must be %s"), _("a string"));

      anju_wf_check_add (check, path, why);
      return NULL;
    }

  name = json_node_get_string (node);
  if (check->workflow == NULL)
    return g_strdup (name);

  hook = _anju_workflow_find_hook (check->workflow, name);
  if (hook == NULL)
    anju_wf_check_add (check, path, _("No such hook (GET /api/v1/workflow/hooks lists them)"));
  else if (hook->kind != kind)
    anju_wf_check_add (check, path,
                       kind == ANJU_WORKFLOW_HOOK_STEP
                       ? _("This hook runs when a whole process ends, not for a step")
                       : _("This hook runs for a step, not when a whole process ends"));
  else
    return g_strdup (name);
  return NULL;
}

static char *
read_step_hook (AnjuWfCheck *check,
                const char  *path,
                JsonObject  *object,
                const char  *member)
{
  g_autofree char *full = g_strdup_printf ("%s.%s", path, member);

  return anju_wf_hook_read (check, full, json_object_get_member (object, member),
                            ANJU_WORKFLOW_HOOK_STEP);
}

/* Reads the branches; their goto targets are checked once every key is
 * known (check_branch_targets). */
static JsonArray *
read_branches (AnjuWfCheck *check,
               const char  *path,
               JsonObject  *object)
{
  static const char * const branch_members[] = { "when", "goto", NULL };
  JsonNode *node = json_object_get_member (object, "branches");
  JsonArray *branches = json_array_new ();
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return branches;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      add_type_problem (check, path, "branches", _("a list of branches"));
      return branches;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *branch_path = g_strdup_printf ("%s.branches[%u]", path, i);
      g_autofree char *when_path = g_strconcat (branch_path, ".when", NULL);
      g_autofree char *target = NULL;
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *branch;
      JsonObject *normalised;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          anju_wf_check_add (check, branch_path, _("Must be a branch object"));
          continue;
        }
      branch = json_node_get_object (element);
      check_unknown_members (check, branch_path, branch, branch_members);
      normalised = json_object_new ();
      json_object_set_array_member (normalised, "when",
                                    anju_wf_conditions_read (check, when_path,
                                                             json_object_get_member (branch, "when")));
      target = anju_wf_read_text (check, branch_path, branch, "goto", MAX_KEY_LENGTH);
      json_object_set_string_member (normalised, "goto", target != NULL ? target : "");
      json_array_add_object_element (branches, normalised);
    }
  return branches;
}

static AnjuWfStep *
read_step (AnjuWfCheck *check,
           const char  *path,
           JsonNode    *node,
           GHashTable  *seen_keys)
{
  g_autofree char *skip_path = g_strconcat (path, ".skip_when", NULL);
  AnjuWfStep *step;
  JsonObject *object;

  /* Even a step that is no object takes its place, so that later
   * problems are reported at the right index. */
  step = g_new0 (AnjuWfStep, 1);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      anju_wf_check_add (check, path, _("Must be a step object"));
      step->skip_when = json_array_new ();
      step->branches = json_array_new ();
      return step;
    }
  object = json_node_get_object (node);
  check_unknown_members (check, path, object, step_members);

  step->key = read_key (check, path, object, seen_keys);
  step->name = anju_wf_read_text (check, path, object, "name", MAX_STEP_NAME_LENGTH);
  step->role = read_role (check, path, object);
  step->level = read_level (check, path, object);
  step->actions = read_actions (check, path, object);
  step->time_limit_days = read_time_limit (check, path, object);
  step->skip_when = anju_wf_conditions_read (check, skip_path,
                                             json_object_get_member (object, "skip_when"));
  step->branches = read_branches (check, path, object);
  step->on_enter = read_step_hook (check, path, object, "on_enter");
  step->on_complete = read_step_hook (check, path, object, "on_complete");
  return step;
}

/* A branch may only jump forward (or to the end), so a process always
 * ends: no loop can be configured. */
static void
check_branch_targets (AnjuWfCheck *check,
                      GPtrArray   *steps)
{
  for (guint i = 0; i < steps->len; i++)
    {
      AnjuWfStep *step = g_ptr_array_index (steps, i);

      for (guint b = 0; b < json_array_get_length (step->branches); b++)
        {
          JsonObject *branch = json_array_get_object_element (step->branches, b);
          const char *target = json_object_get_string_member (branch, "goto");
          g_autofree char *path = NULL;
          gboolean later = g_str_equal (target, "end");

          for (guint j = i + 1; !later && j < steps->len; j++)
            {
              AnjuWfStep *other = g_ptr_array_index (steps, j);

              later = other->key != NULL && g_str_equal (other->key, target);
            }
          if (later || *target == '\0')
            continue;
          path = g_strdup_printf ("steps[%u].branches[%u].goto", i, b);
          anju_wf_check_add (check, path, _("Must be the key of a later step or “end”"));
        }
    }
}

GPtrArray *
anju_wf_steps_read (AnjuWfCheck *check,
                    JsonNode    *node)
{
  g_autoptr(GPtrArray) steps = g_ptr_array_new_with_free_func (step_free);
  g_autoptr(GHashTable) seen_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray *array;
  guint length;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      anju_wf_check_add (check, "steps", _("This field is required"));
      return NULL;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      anju_wf_check_add (check, "steps", _("Must be a list of steps"));
      return NULL;
    }

  array = json_node_get_array (node);
  length = json_array_get_length (array);
  if (length < 1 || length > ANJU_WF_MAX_STEPS)
    {
      /* Translators: %u is the largest number of steps */
      g_autofree char *why = g_strdup_printf (_("A process has from 1 to %u steps"),
                                              ANJU_WF_MAX_STEPS);

      anju_wf_check_add (check, "steps", why);
      return NULL;
    }

  for (guint i = 0; i < length; i++)
    {
      g_autofree char *path = g_strdup_printf ("steps[%u]", i);
      g_ptr_array_add (steps, read_step (check, path, json_array_get_element (array, i),
                                         seen_keys));
    }

  check_branch_targets (check, steps);
  return anju_wf_check_ok (check) ? g_steal_pointer (&steps) : NULL;
}

/* ---- writing ---------------------------------------------------------- */

static void
add_nullable_string (JsonBuilder *builder,
                     const char  *member,
                     const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value == NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, value);
}

/* The builder's node shares the array: steps are never changed once
 * read. */
static void
add_array (JsonBuilder *builder,
           const char  *member,
           JsonArray   *array)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_value (builder, json_node_init_array (json_node_alloc (), array));
}

static void
add_step (JsonBuilder      *builder,
          const AnjuWfStep *step)
{
  json_builder_begin_object (builder);
  add_nullable_string (builder, "key", step->key);
  add_nullable_string (builder, "name", step->name);
  add_nullable_string (builder, "role", step->role);
  add_nullable_string (builder, "level", step->level);
  json_builder_set_member_name (builder, "actions");
  json_builder_begin_array (builder);
  for (guint i = 0; step_actions[i] != NULL; i++)
    if (step->actions & anju_wf_action_from_name (step_actions[i]))
      json_builder_add_string_value (builder, step_actions[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "time_limit_days");
  if (step->time_limit_days > 0)
    json_builder_add_int_value (builder, step->time_limit_days);
  else
    json_builder_add_null_value (builder);
  add_array (builder, "skip_when", step->skip_when);
  add_array (builder, "branches", step->branches);
  add_nullable_string (builder, "on_enter", step->on_enter);
  add_nullable_string (builder, "on_complete", step->on_complete);
  json_builder_end_object (builder);
}

JsonNode *
anju_wf_steps_to_json (GPtrArray *steps)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < steps->len; i++)
    add_step (builder, g_ptr_array_index (steps, i));
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}
