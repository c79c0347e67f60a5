/* anju-workflow-condition.h: one condition of a process template, as the
 * template editor holds it.
 *
 * A step's "skip_when" and each branch's "when" are arrays of
 * {"field","op","value"} on the instance's fields (docs/api.md,
 * "Workflow templates").  `set` and `unset` take no value, `in` takes an
 * array, the others one JSON scalar.  The editor shows the value as
 * text: "true", "10", "张三", and for `in` a list separated by commas;
 * anju_workflow_condition_set_value_text() turns that text back into
 * JSON (a number or boolean when it reads as one; put it in double
 * quotes to keep it text).  No GTK here: the logic is tested on its own.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum
{
  ANJU_WORKFLOW_OP_EQ,
  ANJU_WORKFLOW_OP_NE,
  ANJU_WORKFLOW_OP_GT,
  ANJU_WORKFLOW_OP_GE,
  ANJU_WORKFLOW_OP_LT,
  ANJU_WORKFLOW_OP_LE,
  ANJU_WORKFLOW_OP_IN,
  ANJU_WORKFLOW_OP_SET,
  ANJU_WORKFLOW_OP_UNSET,
  ANJU_WORKFLOW_N_OPS
} AnjuWorkflowOp;

typedef struct
{
  char           *field;  /* (owned) "" while not typed yet */
  AnjuWorkflowOp  op;
  JsonNode       *value;  /* (owned) (nullable) NULL: none given (always for set/unset) */
} AnjuWorkflowCondition;

/* "eq" …; NULL for an op out of range. */
const char            *anju_workflow_op_to_string   (AnjuWorkflowOp  op);
gboolean               anju_workflow_op_from_string (const char     *text,
                                                     AnjuWorkflowOp *out_op);
/* Translated, for the operator drop-down: "equals", "is one of" … */
const char            *anju_workflow_op_label       (AnjuWorkflowOp  op);
/* FALSE for set and unset. */
gboolean               anju_workflow_op_takes_value (AnjuWorkflowOp  op);

/* field "", op eq, no value. */
AnjuWorkflowCondition *anju_workflow_condition_new  (void);
AnjuWorkflowCondition *anju_workflow_condition_copy (const AnjuWorkflowCondition *self);
void                   anju_workflow_condition_free (AnjuWorkflowCondition       *self);

/* node: one condition object.  ANJU_ERROR_MALFORMED naming what is wrong
 * when it is not one. */
AnjuWorkflowCondition *anju_workflow_condition_from_json (JsonNode                    *node,
                                                          GError                     **error);
/* (transfer full) {"field","op","value"}; value omitted for set/unset. */
JsonNode              *anju_workflow_condition_to_json   (const AnjuWorkflowCondition *self);

/* A JSON array (or null: none) of conditions as a GPtrArray of
 * AnjuWorkflowCondition that frees them. */
GPtrArray             *anju_workflow_conditions_from_json (JsonNode   *node,
                                                           GError    **error);
/* (transfer full) the array, [] when empty. */
JsonNode              *anju_workflow_conditions_to_json   (GPtrArray  *conditions);
GPtrArray             *anju_workflow_conditions_copy      (GPtrArray  *conditions);

/* The value as the editor shows it; "" when there is none. */
char                  *anju_workflow_condition_get_value_text (const AnjuWorkflowCondition *self);
/* Replaces the value with what text says for the condition's op ("" or
 * blanks: no value).  For `in` the items are separated by ",", "，" or
 * "、". */
void                   anju_workflow_condition_set_value_text (AnjuWorkflowCondition       *self,
                                                               const char                  *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnjuWorkflowCondition, anju_workflow_condition_free)

G_END_DECLS
