/* anju-workflow-tasks.h: the tasks of process instances, and who may act
 * on them.
 *
 * An instance has at most one open task: a review task for the current
 * step while it runs, a supplement task for the submitter while it is
 * returned.  A review task belongs to every user who holds the step's
 * role and whose data scope holds the task's organisation, unless it was
 * transferred: then to the one assignee only.  A supplement task belongs
 * to the submitter.  Nothing here opens a transaction or audits.
 */
#pragma once

#include <glib.h>

#include "anju-db.h"
#include "anju-workflow-org-cache.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;
  gint64  instance_id;
  char   *step_key;
  char   *step_name;
  char   *kind;           /* "review" or "supplement" */
  char   *role;           /* (nullable) role code of a review task */
  gint64  org_id;
  char   *org_path;       /* of org_id; not written by insert */
  gint64  assignee_id;    /* 0: whoever holds role with org_id in scope */
  char   *state;          /* "open", "done", "cancelled" */
  gint64  created_at;
  gint64  due_at;         /* 0: no due date */
} AnjuWfTask;

void     anju_wf_task_free              (AnjuWfTask *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnjuWfTask, anju_wf_task_free)

/* Inserts task as open and sets task->id. */
gboolean anju_wf_task_insert            (AnjuDb       *db,
                                         AnjuWfTask   *task,
                                         GError      **error);
/* The open task of the instance; *out_task NULL when there is none. */
gboolean anju_wf_task_load_open         (AnjuDb       *db,
                                         gint64        instance_id,
                                         AnjuWfTask  **out_task,
                                         GError      **error);
/* The newest review task of the step (whoever is, or was, its assignee);
 * *out_task NULL when the step never had one. */
gboolean anju_wf_task_load_last_review  (AnjuDb       *db,
                                         gint64        instance_id,
                                         const char   *step_key,
                                         AnjuWfTask  **out_task,
                                         GError      **error);
/* Ends a task: state "done" (with the action, by done_by) or
 * "cancelled" (done_by 0). */
gboolean anju_wf_task_close             (AnjuDb       *db,
                                         gint64        task_id,
                                         const char   *state,
                                         const char   *action,
                                         const char   *comment,
                                         gint64        done_by,
                                         gint64        now,
                                         GError      **error);
/* Moves the due dates of the instance's open tasks on by seconds. */
gboolean anju_wf_task_shift_due         (AnjuDb       *db,
                                         gint64        instance_id,
                                         gint64        seconds,
                                         GError      **error);
gboolean anju_wf_task_mark_reminded     (AnjuDb       *db,
                                         gint64        task_id,
                                         gint64        now,
                                         GError      **error);

gboolean anju_wf_user_holds_role        (AnjuDb       *db,
                                         gint64        user_id,
                                         const char   *role,
                                         gboolean     *out_holds,
                                         GError      **error);
/* Whether the user (whose organisation is at user_org_path) may act on
 * the task. */
gboolean anju_wf_user_may_act           (AnjuDb           *db,
                                         gint64            user_id,
                                         const char       *user_org_path,
                                         const AnjuWfTask *task,
                                         gboolean         *out_may,
                                         GError          **error);
/* Appends the ids of the active users who may act on the task, kept in
 * cache (nullable: read each time without one). */
gboolean anju_wf_task_actor_ids         (AnjuWfOrgCache   *cache,
                                         AnjuDb           *db,
                                         const AnjuWfTask *task,
                                         GArray           *out_ids,
                                         GError          **error);

G_END_DECLS
