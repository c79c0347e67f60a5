/* test-workflow-logic.c: what the process template editor and the
 * instance monitor decide before anything reaches the server (F-PRH-026,
 * F-AHR-028 process configuration); no display needed.
 */
#include "config.h"

#include <glib.h>

#include "anju-error.h"
#include "anju-workflow-condition.h"
#include "anju-workflow-errors.h"
#include "anju-workflow-names.h"
#include "anju-workflow-step-list.h"

/* The Step example of docs/api.md, "Workflow templates". */
static const char contract_step[] =
  "{\"key\": \"street_review\", \"name\": \"街道审核\","
  " \"role\": \"street_staff\", \"level\": \"street\","
  " \"actions\": [\"approve\", \"reject\", \"return\", \"transfer\", \"withdraw\"],"
  " \"time_limit_days\": 10,"
  " \"skip_when\": [{\"field\": \"directed\", \"op\": \"eq\", \"value\": true}],"
  " \"branches\": [{\"when\": [{\"field\": \"subsidy\", \"op\": \"eq\", \"value\": true}], \"goto\": \"center_review\"}],"
  " \"on_enter\": null, \"on_complete\": null}";

static JsonNode *
parse (const char *json)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (json, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

static void
assert_json_equal (JsonNode   *node,
                   const char *expected)
{
  g_autoptr(JsonNode) wanted = parse (expected);

  if (!json_node_equal (node, wanted))
    {
      g_autofree char *got = json_to_string (node, FALSE);

      g_error ("got %s, expected %s", got, expected);
    }
}

static AnjuWorkflowCondition *
condition_from (const char *json)
{
  g_autoptr(JsonNode) node = parse (json);
  g_autoptr(GError) error = NULL;
  AnjuWorkflowCondition *condition = anju_workflow_condition_from_json (node, &error);

  g_assert_no_error (error);
  g_assert_nonnull (condition);
  return condition;
}

static void
test_condition_json (void)
{
  const char *examples[] = {
    "{\"field\": \"directed\", \"op\": \"eq\", \"value\": true}",
    "{\"field\": \"income\", \"op\": \"le\", \"value\": 3000.5}",
    "{\"field\": \"district\", \"op\": \"in\", \"value\": [\"岳麓区\", \"望城区\", 3]}",
    "{\"field\": \"subsidy\", \"op\": \"set\"}",
    "{\"field\": \"subsidy\", \"op\": \"unset\"}",
  };
  const char *bad[] = {
    "{\"field\": \"a\", \"op\": \"like\", \"value\": 1}",
    "{\"field\": \"a\"}",
    "[1]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_autoptr(AnjuWorkflowCondition) condition = condition_from (examples[i]);
      g_autoptr(JsonNode) back = anju_workflow_condition_to_json (condition);

      assert_json_equal (back, examples[i]);
    }

  /* A value given to set/unset is dropped: the contract says none. */
  {
    g_autoptr(AnjuWorkflowCondition) condition = condition_from ("{\"field\": \"x\", \"op\": \"set\", \"value\": 1}");
    g_autoptr(JsonNode) back = anju_workflow_condition_to_json (condition);

    assert_json_equal (back, "{\"field\": \"x\", \"op\": \"set\"}");
  }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(JsonNode) node = parse (bad[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(AnjuWorkflowCondition) condition = anju_workflow_condition_from_json (node, &error);

      g_assert_null (condition);
      g_assert_error (error, ANJU_ERROR, ANJU_ERROR_MALFORMED);
    }
}

static void
test_condition_ops (void)
{
  AnjuWorkflowOp op;

  for (guint i = 0; i < ANJU_WORKFLOW_N_OPS; i++)
    {
      g_assert_true (anju_workflow_op_from_string (anju_workflow_op_to_string (i), &op));
      g_assert_cmpint (op, ==, i);
      g_assert_nonnull (anju_workflow_op_label (i));
    }

  g_assert_false (anju_workflow_op_from_string ("contains", &op));
  g_assert_false (anju_workflow_op_from_string (NULL, &op));
  g_assert_null (anju_workflow_op_to_string (ANJU_WORKFLOW_N_OPS));
  g_assert_false (anju_workflow_op_takes_value (ANJU_WORKFLOW_OP_SET));
  g_assert_false (anju_workflow_op_takes_value (ANJU_WORKFLOW_OP_UNSET));
  g_assert_true (anju_workflow_op_takes_value (ANJU_WORKFLOW_OP_IN));
}

/* What a person types becomes the JSON value, and shows again as the
 * same text. */
static void
assert_value_text (AnjuWorkflowOp  op,
                   const char     *typed,
                   const char     *json,
                   const char     *shown)
{
  g_autoptr(AnjuWorkflowCondition) condition = anju_workflow_condition_new ();
  g_autoptr(AnjuWorkflowCondition) again = anju_workflow_condition_new ();
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;

  condition->op = op;
  anju_workflow_condition_set_value_text (condition, typed);
  if (json == NULL)
    g_assert_null (condition->value);
  else
    assert_json_equal (condition->value, json);

  text = anju_workflow_condition_get_value_text (condition);
  g_assert_cmpstr (text, ==, shown);

  again->op = op;
  anju_workflow_condition_set_value_text (again, text);
  g_assert_true ((again->value == NULL && condition->value == NULL)
                 || json_node_equal (again->value, condition->value));
  text_again = anju_workflow_condition_get_value_text (again);
  g_assert_cmpstr (text_again, ==, shown);
}

static void
test_condition_value_text (void)
{
  assert_value_text (ANJU_WORKFLOW_OP_EQ, "true", "true", "true");
  assert_value_text (ANJU_WORKFLOW_OP_EQ, " false ", "false", "false");
  assert_value_text (ANJU_WORKFLOW_OP_GT, "10", "10", "10");
  assert_value_text (ANJU_WORKFLOW_OP_LE, "-2.5", "-2.5", "-2.5");
  assert_value_text (ANJU_WORKFLOW_OP_EQ, "张三", "\"张三\"", "张三");
  assert_value_text (ANJU_WORKFLOW_OP_EQ, "\"10\"", "\"10\"", "\"10\"");
  assert_value_text (ANJU_WORKFLOW_OP_EQ, "\"true\"", "\"true\"", "\"true\"");
  assert_value_text (ANJU_WORKFLOW_OP_EQ, "inf", "\"inf\"", "inf");
  assert_value_text (ANJU_WORKFLOW_OP_EQ, "a, b", "\"a, b\"", "a, b");
  assert_value_text (ANJU_WORKFLOW_OP_EQ, "   ", NULL, "");
  assert_value_text (ANJU_WORKFLOW_OP_IN, "岳麓区，望城区、 3,true", "[\"岳麓区\", \"望城区\", 3, true]",
                     "岳麓区, 望城区, 3, true");
  assert_value_text (ANJU_WORKFLOW_OP_IN, "\"a,b\", c", "[\"a,b\", \"c\"]", "\"a,b\", c");
  assert_value_text (ANJU_WORKFLOW_OP_IN, " , ，", NULL, "");
  assert_value_text (ANJU_WORKFLOW_OP_SET, "whatever", NULL, "");
}

static void
test_step_json (void)
{
  g_autoptr(JsonNode) node = parse (contract_step);
  g_autoptr(GError) error = NULL;
  g_autoptr(AnjuWorkflowStep) step = anju_workflow_step_new_from_json (node, &error);
  g_autoptr(JsonNode) back = NULL;
  GPtrArray *branches;

  g_assert_no_error (error);
  g_assert_cmpstr (anju_workflow_step_get_key (step), ==, "street_review");
  g_assert_cmpstr (anju_workflow_step_get_name (step), ==, "街道审核");
  g_assert_cmpstr (anju_workflow_step_get_role (step), ==, "street_staff");
  g_assert_cmpstr (anju_workflow_step_get_level (step), ==, "street");
  g_assert_cmpuint (anju_workflow_step_get_time_limit_days (step), ==, 10);
  g_assert_cmpuint (anju_workflow_step_get_actions (step), ==,
                    ANJU_WORKFLOW_ACTION_REJECT | ANJU_WORKFLOW_ACTION_RETURN
                    | ANJU_WORKFLOW_ACTION_TRANSFER | ANJU_WORKFLOW_ACTION_WITHDRAW);
  g_assert_cmpuint (anju_workflow_step_get_skip_when (step)->len, ==, 1);
  branches = anju_workflow_step_get_branches (step);
  g_assert_cmpuint (branches->len, ==, 1);
  g_assert_cmpstr (((AnjuWorkflowBranch *) g_ptr_array_index (branches, 0))->goto_key, ==, "center_review");
  g_assert_null (anju_workflow_step_get_on_enter (step));

  back = anju_workflow_step_to_json (step);
  assert_json_equal (back, contract_step);

  /* No limit, no optional action, hooks: null, ["approve"], names. */
  anju_workflow_step_set_time_limit_days (step, 0);
  anju_workflow_step_set_actions (step, ANJU_WORKFLOW_ACTION_NONE);
  anju_workflow_step_set_on_enter (step, "pubrent.publicity.open");
  anju_workflow_step_set_on_complete (step, "");
  g_clear_pointer (&back, json_node_unref);
  back = anju_workflow_step_to_json (step);
  g_assert_true (json_object_get_null_member (json_node_get_object (back), "time_limit_days"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (back), "actions")), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (back), "on_enter"), ==, "pubrent.publicity.open");
  g_assert_true (json_object_get_null_member (json_node_get_object (back), "on_complete"));
}

static void
test_step_json_bad (void)
{
  const char *bad[] = {
    "[\"not an object\"]",
    "[{\"key\": \"a\", \"skip_when\": [{\"field\": \"x\", \"op\": \"about\"}]}]",
    "[{\"key\": \"a\", \"branches\": [3]}]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(JsonNode) node = parse (bad[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(AnjuWorkflowStepList) steps = anju_workflow_step_list_new_from_json (node, &error);

      g_assert_null (steps);
      g_assert_error (error, ANJU_ERROR, ANJU_ERROR_MALFORMED);
    }
}

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint count;
} ItemsChanged;

static void
items_changed_cb (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *seen)
{
  seen->position = position;
  seen->removed = removed;
  seen->added = added;
  seen->count++;
}

static const char *
key_at (AnjuWorkflowStepList *steps,
        guint                 position)
{
  return anju_workflow_step_get_key (anju_workflow_step_list_get_step (steps, position));
}

static void
test_step_list_edit (void)
{
  g_autoptr(AnjuWorkflowStepList) steps = anju_workflow_step_list_new ();
  g_autoptr(JsonNode) json = NULL;
  ItemsChanged seen = { 0, };

  g_signal_connect (steps, "items-changed", G_CALLBACK (items_changed_cb), &seen);

  g_assert_cmpuint (anju_workflow_step_list_add (steps, G_MAXUINT, "社区受理"), ==, 0);
  g_assert_cmpuint (anju_workflow_step_list_add (steps, G_MAXUINT, "街道审核"), ==, 1);
  /* After the first: in between. */
  g_assert_cmpuint (anju_workflow_step_list_add (steps, 0, "中心审核"), ==, 1);
  g_assert_cmpuint (seen.count, ==, 3);
  g_assert_cmpuint (seen.position, ==, 1);
  g_assert_cmpuint (seen.added, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (steps)), ==, 3);
  g_assert_cmpstr (key_at (steps, 0), ==, "step_1");
  g_assert_cmpstr (key_at (steps, 1), ==, "step_3");
  g_assert_cmpstr (key_at (steps, 2), ==, "step_2");

  /* Move the last one up to the top: every position between changes. */
  g_assert_true (anju_workflow_step_list_move (steps, 2, 0));
  g_assert_cmpuint (seen.position, ==, 0);
  g_assert_cmpuint (seen.removed, ==, 3);
  g_assert_cmpuint (seen.added, ==, 3);
  g_assert_cmpstr (key_at (steps, 0), ==, "step_2");
  g_assert_cmpstr (key_at (steps, 1), ==, "step_1");
  g_assert_cmpstr (key_at (steps, 2), ==, "step_3");
  g_assert_false (anju_workflow_step_list_move (steps, 0, 3));
  g_assert_cmpint (anju_workflow_step_list_find_key (steps, "step_3"), ==, 2);
  g_assert_cmpint (anju_workflow_step_list_find_key (steps, "step_9"), ==, -1);

  anju_workflow_step_list_remove (steps, 1);
  g_assert_cmpuint (seen.removed, ==, 1);
  g_assert_cmpuint (seen.added, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (steps)), ==, 2);
  /* The freed key is the first one a new step gets. */
  g_assert_cmpuint (anju_workflow_step_list_add (steps, G_MAXUINT, NULL), ==, 2);
  g_assert_cmpstr (key_at (steps, 2), ==, "step_1");

  json = anju_workflow_step_list_to_json (steps);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (json)), ==, 3);

  while (g_list_model_get_n_items (G_LIST_MODEL (steps)) < ANJU_WORKFLOW_STEPS_MAX)
    g_assert_cmpuint (anju_workflow_step_list_add (steps, G_MAXUINT, "x"), !=, G_MAXUINT);
  g_assert_cmpuint (anju_workflow_step_list_add (steps, G_MAXUINT, "one too many"), ==, G_MAXUINT);
}

static AnjuWorkflowStepList *
valid_steps (void)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  AnjuWorkflowStepList *steps;

  node = parse ("["
                "{\"key\": \"community_intake\", \"name\": \"社区受理\", \"role\": \"community_worker\","
                " \"level\": \"community\", \"actions\": [\"approve\", \"return\"]},"
                "{\"key\": \"street_review\", \"name\": \"街道审核\", \"role\": \"street_staff\","
                " \"level\": \"street\", \"actions\": [\"approve\", \"reject\"], \"time_limit_days\": 10,"
                " \"branches\": [{\"when\": [{\"field\": \"subsidy\", \"op\": \"eq\", \"value\": true}],"
                "                \"goto\": \"end\"}]},"
                "{\"key\": \"center_review\", \"name\": \"中心审核\", \"role\": \"center_staff\","
                " \"level\": \"center\", \"actions\": [\"approve\", \"reject\"]}"
                "]");
  steps = anju_workflow_step_list_new_from_json (node, &error);
  g_assert_no_error (error);
  return steps;
}

static void
test_step_list_check (void)
{
  g_autoptr(AnjuWorkflowStepList) steps = valid_steps ();
  g_autoptr(AnjuWorkflowStepList) empty = anju_workflow_step_list_new ();
  g_autoptr(GHashTable) errors = anju_workflow_errors_new ();
  AnjuWorkflowStep *intake = anju_workflow_step_list_get_step (steps, 0);
  AnjuWorkflowStep *street = anju_workflow_step_list_get_step (steps, 1);
  AnjuWorkflowBranch *branch = g_ptr_array_index (anju_workflow_step_get_branches (street), 0);
  AnjuWorkflowCondition *condition = anju_workflow_condition_new ();

  g_assert_true (anju_workflow_step_list_check (steps, errors));
  g_assert_cmpuint (g_hash_table_size (errors), ==, 0);

  g_assert_false (anju_workflow_step_list_check (empty, errors));
  g_assert_nonnull (g_hash_table_lookup (errors, "steps"));
  g_hash_table_remove_all (errors);

  /* A cleared name, a bad and a doubled key, no role. */
  anju_workflow_step_set_name (intake, "   ");
  anju_workflow_step_set_key (street, "Street");
  anju_workflow_step_set_role (street, "");
  g_assert_false (anju_workflow_step_list_check (steps, errors));
  g_assert_nonnull (g_hash_table_lookup (errors, "steps[0].name"));
  g_assert_nonnull (g_hash_table_lookup (errors, "steps[1].key"));
  g_assert_nonnull (g_hash_table_lookup (errors, "steps[1].role"));
  g_assert_cmpuint (g_hash_table_size (errors), ==, 3);
  g_hash_table_remove_all (errors);

  anju_workflow_step_set_name (intake, "社区受理");
  anju_workflow_step_set_key (street, "community_intake");
  anju_workflow_step_set_role (street, "street_staff");
  g_assert_false (anju_workflow_step_list_check (steps, errors));
  g_assert_nonnull (g_hash_table_lookup (errors, "steps[1].key"));
  g_assert_null (g_hash_table_lookup (errors, "steps[0].key"));
  g_hash_table_remove_all (errors);
  anju_workflow_step_set_key (street, "street_review");

  /* A branch may lead to a later step or the end, never back. */
  g_free (branch->goto_key);
  branch->goto_key = g_strdup ("center_review");
  g_assert_true (anju_workflow_step_list_check (steps, errors));
  g_free (branch->goto_key);
  branch->goto_key = g_strdup ("community_intake");
  g_assert_false (anju_workflow_step_list_check (steps, errors));
  g_assert_nonnull (g_hash_table_lookup (errors, "steps[1].branches[0].goto"));
  g_hash_table_remove_all (errors);
  g_free (branch->goto_key);
  branch->goto_key = g_strdup ("street_review");
  g_assert_false (anju_workflow_step_list_check (steps, errors));
  g_hash_table_remove_all (errors);
  g_free (branch->goto_key);
  branch->goto_key = g_strdup ("nowhere");
  g_assert_false (anju_workflow_step_list_check (steps, errors));
  g_hash_table_remove_all (errors);

  /* Moving the target above the branch's step makes it earlier. */
  g_free (branch->goto_key);
  branch->goto_key = g_strdup ("center_review");
  g_assert_true (anju_workflow_step_list_move (steps, 2, 0));
  g_assert_false (anju_workflow_step_list_check (steps, errors));
  g_assert_nonnull (g_hash_table_lookup (errors, "steps[2].branches[0].goto"));
  g_hash_table_remove_all (errors);
  g_assert_true (anju_workflow_step_list_move (steps, 0, 2));

  /* Renaming a key keeps the branches that lead to it. */
  anju_workflow_step_set_key (anju_workflow_step_list_get_step (steps, 2), "center_final");
  anju_workflow_step_list_rename_key (steps, "center_review", "center_final");
  g_assert_cmpstr (branch->goto_key, ==, "center_final");
  g_assert_true (anju_workflow_step_list_check (steps, errors));
  anju_workflow_step_list_rename_key (steps, "end", "x");
  anju_workflow_step_list_rename_key (steps, "", "x");
  g_assert_cmpstr (branch->goto_key, ==, "center_final");

  /* Conditions need a field, and a value unless set/unset. */
  g_ptr_array_add (anju_workflow_step_get_skip_when (intake), condition);
  g_assert_false (anju_workflow_step_list_check (steps, errors));
  g_assert_nonnull (g_hash_table_lookup (errors, "steps[0].skip_when[0].field"));
  g_assert_nonnull (g_hash_table_lookup (errors, "steps[0].skip_when[0].value"));
  g_hash_table_remove_all (errors);
  g_free (condition->field);
  condition->field = g_strdup ("directed");
  condition->op = ANJU_WORKFLOW_OP_SET;
  g_assert_true (anju_workflow_step_list_check (steps, errors));
  g_ptr_array_add (branch->when, anju_workflow_condition_new ());
  g_assert_false (anju_workflow_step_list_check (steps, errors));
  g_assert_nonnull (g_hash_table_lookup (errors, "steps[1].branches[0].when[1].field"));
}

static void
test_errors (void)
{
  g_autoptr(GHashTable) errors = anju_workflow_errors_new ();
  g_autoptr(JsonNode) fields = parse ("{\"steps[2].role\": \"没有这个角色\","
                                      " \"steps[10].name\": \"太长\","
                                      " \"steps[1].branches[0].goto\": \"只能跳到后面的环节\","
                                      " \"on_complete\": \"没有这个钩子\","
                                      " \"steps\": \"至少一个环节\","
                                      " \"steps_count\": 3,"
                                      " \"shape\": \"?\"}");
  const char * const shown[] = { "name", "on_complete", "steps", NULL };
  g_auto(GStrv) unplaced = NULL;

  g_assert_true (anju_workflow_error_path_is_below ("steps[1].name", "steps[1]"));
  g_assert_true (anju_workflow_error_path_is_below ("steps[1]", "steps[1]"));
  g_assert_true (anju_workflow_error_path_is_below ("steps[1].branches[0].goto", "steps[1].branches[0]"));
  g_assert_true (anju_workflow_error_path_is_below ("steps[1].skip_when[0].value", "steps[1].skip_when"));
  g_assert_false (anju_workflow_error_path_is_below ("steps[10].name", "steps[1]"));
  g_assert_false (anju_workflow_error_path_is_below ("name", "steps[1]"));
  g_assert_false (anju_workflow_error_path_is_below ("steps[1].names", "steps[1].name"));

  anju_workflow_errors_add_fields (errors, json_node_get_object (fields));
  /* Only string messages count. */
  g_assert_cmpuint (g_hash_table_size (errors), ==, 6);
  g_assert_cmpstr (anju_workflow_errors_find (errors, "steps[2]"), ==, "没有这个角色");
  g_assert_cmpstr (anju_workflow_errors_find (errors, "steps[2].role"), ==, "没有这个角色");
  g_assert_null (anju_workflow_errors_find (errors, "steps[2].name"));
  g_assert_cmpstr (anju_workflow_errors_find (errors, "steps[1].branches[0]"), ==, "只能跳到后面的环节");
  g_assert_cmpint (anju_workflow_errors_first_step (errors), ==, 1);

  /* With three steps, steps[10] and the unknown member have no place. */
  unplaced = anju_workflow_errors_unplaced (errors, 3, shown);
  g_assert_cmpuint (g_strv_length (unplaced), ==, 2);
  g_assert_cmpstr (unplaced[0], ==, "shape: ?");
  g_assert_cmpstr (unplaced[1], ==, "steps[10].name: 太长");

  g_hash_table_remove_all (errors);
  g_assert_cmpint (anju_workflow_errors_first_step (errors), ==, -1);
}

static void
test_names (void)
{
  const char * const *levels = anju_workflow_levels ();
  const char * const *states = anju_workflow_states ();

  g_assert_cmpuint (g_strv_length ((char **) levels), ==, 4);
  for (guint i = 0; levels[i] != NULL; i++)
    {
      g_assert_true (anju_workflow_level_is_known (levels[i]));
      g_assert_cmpstr (anju_workflow_level_label (levels[i]), !=, levels[i]);
    }
  g_assert_false (anju_workflow_level_is_known ("province"));
  g_assert_cmpstr (anju_workflow_level_label ("province"), ==, "province");
  g_assert_cmpstr (anju_workflow_level_label ("enterprise"), ==, "Operating enterprise");

  g_assert_cmpuint (g_strv_length ((char **) states), ==, 7);
  for (guint i = 0; states[i] != NULL; i++)
    g_assert_cmpstr (anju_workflow_state_label (states[i]), !=, states[i]);
  g_assert_null (anju_workflow_state_label (NULL));
  g_assert_cmpstr (anju_workflow_action_label ("return"), ==, "Return for supplement");

  /* The contract's state machine, seen from the monitor. */
  g_assert_true (anju_workflow_state_can_pause ("running"));
  g_assert_true (anju_workflow_state_can_pause ("returned"));
  g_assert_false (anju_workflow_state_can_pause ("paused"));
  g_assert_true (anju_workflow_state_can_resume ("paused"));
  g_assert_false (anju_workflow_state_can_resume ("running"));
  g_assert_true (anju_workflow_state_can_cancel ("paused"));
  g_assert_true (anju_workflow_state_can_cancel ("returned"));
  for (guint i = 0; i < 4; i++)
    {
      const char *finished[] = { "completed", "rejected", "withdrawn", "cancelled" };

      g_assert_false (anju_workflow_state_can_pause (finished[i]));
      g_assert_false (anju_workflow_state_can_resume (finished[i]));
      g_assert_false (anju_workflow_state_can_cancel (finished[i]));
    }
  g_assert_false (anju_workflow_state_can_cancel (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/workflow/editor/condition-json  F-PRH-026", test_condition_json);
  g_test_add_func ("/workflow/editor/condition-ops", test_condition_ops);
  g_test_add_func ("/workflow/editor/condition-value-text", test_condition_value_text);
  g_test_add_func ("/workflow/editor/step-json  F-PRH-026", test_step_json);
  g_test_add_func ("/workflow/editor/step-json-malformed", test_step_json_bad);
  g_test_add_func ("/workflow/editor/step-list-edit  F-AHR-028", test_step_list_edit);
  g_test_add_func ("/workflow/editor/step-list-check  F-AHR-028", test_step_list_check);
  g_test_add_func ("/workflow/editor/errors", test_errors);
  g_test_add_func ("/workflow/monitor/names", test_names);

  return g_test_run ();
}
