/* anju-workflow-private.h: what the files of the workflow module share
 * about AnjuWorkflow itself (the hook registry, the routes). */
#pragma once

#include "anju-workflow-org-cache.h"
#include "anju-workflow.h"

G_BEGIN_DECLS

typedef struct
{
  char                 *name;
  AnjuWorkflowHookKind  kind;
  char                 *description;
  AnjuWorkflowHookFunc  func;
  gpointer              user_data;
  GDestroyNotify        destroy;
} AnjuWfHook;

/* An engine with the built-in hooks and no server: the demo data set is
 * made before any server exists. */
AnjuWorkflow     *_anju_workflow_new_detached  (void);
/* (transfer none) The engine's organisation cache; NULL for no engine
 * (then nothing is kept). */
AnjuWfOrgCache   *_anju_workflow_get_org_cache (AnjuWorkflow *self);
/* (nullable) (transfer none) */
const AnjuWfHook *_anju_workflow_find_hook     (AnjuWorkflow *self,
                                                const char   *name);
/* (transfer container) Every hook, by name. */
GPtrArray        *_anju_workflow_list_hooks    (AnjuWorkflow *self);

/* The built-in hooks (anju-workflow-record-result.c). */
void              _anju_workflow_add_builtin_hooks (AnjuWorkflow *self);

/* The route tables of the API files. */
const AnjuRoute  *_anju_workflow_template_routes (guint *n_routes);
const AnjuRoute  *_anju_workflow_instance_routes (guint *n_routes);
const AnjuRoute  *_anju_workflow_todo_routes     (guint *n_routes);
/* The to-do page's statement, its total in the last column (for the
 * query-plan test): ?1 user id, ?2 organisation path, ?3 type, ?4
 * overdue only, ?5 now, ?6 LIMIT, ?7 OFFSET. */
const char       *_anju_workflow_todo_page_sql   (gboolean by_created);

/* The overdue sweep (anju-workflow-sweep.c), whose user_data is the
 * AnjuWorkflow. */
extern const AnjuSweepFuncs _anju_workflow_overdue_sweep;

G_END_DECLS
