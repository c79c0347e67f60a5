/* anju-workflow-tasks.c: tasks and their assignees. */
#include "config.h"

#include "anju-stmt.h"
#include "anju-workflow-tasks.h"

#define TASK_COLUMNS \
  "SELECT t.id, t.instance_id, t.step_key, t.step_name, t.kind, t.role, t.org_id, o.path," \
  " t.assignee_id, t.state, t.created_at, t.due_at" \
  " FROM workflow_tasks t JOIN organisations o ON o.id = t.org_id"

void
anju_wf_task_free (AnjuWfTask *self)
{
  if (self == NULL)
    return;
  g_free (self->step_key);
  g_free (self->step_name);
  g_free (self->kind);
  g_free (self->role);
  g_free (self->org_path);
  g_free (self->state);
  g_free (self);
}

static AnjuWfTask *
task_from_row (sqlite3_stmt *stmt)
{
  AnjuWfTask *task = g_new0 (AnjuWfTask, 1);

  task->id = sqlite3_column_int64 (stmt, 0);
  task->instance_id = sqlite3_column_int64 (stmt, 1);
  task->step_key = anju_db_column_dup (stmt, 2);
  task->step_name = anju_db_column_dup (stmt, 3);
  task->kind = anju_db_column_dup (stmt, 4);
  task->role = anju_db_column_dup (stmt, 5);
  task->org_id = sqlite3_column_int64 (stmt, 6);
  task->org_path = anju_db_column_dup (stmt, 7);
  task->assignee_id = sqlite3_column_int64 (stmt, 8);
  task->state = anju_db_column_dup (stmt, 9);
  task->created_at = sqlite3_column_int64 (stmt, 10);
  task->due_at = sqlite3_column_int64 (stmt, 11);
  return task;
}

/* At most one row: *out_task NULL when none. */
static gboolean
step_task (AnjuDb        *db,
           sqlite3_stmt  *stmt,
           AnjuWfTask   **out_task,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  *out_task = NULL;
  if (rc == SQLITE_ROW)
    *out_task = task_from_row (stmt);
  else if (rc != SQLITE_DONE)
    {
      anju_db_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
anju_wf_task_insert (AnjuDb      *db,
                     AnjuWfTask  *task,
                     GError     **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "INSERT INTO workflow_tasks (instance_id, step_key,"
                                           " step_name, kind, role, org_id, assignee_id, state,"
                                           " created_at, due_at)"
                                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'open', ?8, ?9)",
                                           error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, task->instance_id);
  anju_db_bind_text (stmt, 2, task->step_key);
  anju_db_bind_text (stmt, 3, task->step_name);
  anju_db_bind_text (stmt, 4, task->kind);
  anju_db_bind_text (stmt, 5, task->role);
  sqlite3_bind_int64 (stmt, 6, task->org_id);
  if (task->assignee_id != 0)
    sqlite3_bind_int64 (stmt, 7, task->assignee_id);
  sqlite3_bind_int64 (stmt, 8, task->created_at);
  if (task->due_at != 0)
    sqlite3_bind_int64 (stmt, 9, task->due_at);
  if (!anju_db_step_done (db, stmt, error))
    return FALSE;

  task->id = anju_db_last_insert_id (db);
  g_free (task->state);
  task->state = g_strdup ("open");
  return TRUE;
}

gboolean
anju_wf_task_load_open (AnjuDb       *db,
                        gint64        instance_id,
                        AnjuWfTask  **out_task,
                        GError      **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db, TASK_COLUMNS
                                           " WHERE t.instance_id = ?1 AND t.state = 'open'"
                                           " ORDER BY t.id DESC LIMIT 1",
                                           error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, instance_id);
  return step_task (db, stmt, out_task, error);
}

gboolean
anju_wf_task_load_last_review (AnjuDb       *db,
                               gint64        instance_id,
                               const char   *step_key,
                               AnjuWfTask  **out_task,
                               GError      **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db, TASK_COLUMNS
                                           " WHERE t.instance_id = ?1 AND t.step_key = ?2"
                                           " AND t.kind = 'review'"
                                           " ORDER BY t.id DESC LIMIT 1",
                                           error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, instance_id);
  anju_db_bind_text (stmt, 2, step_key);
  return step_task (db, stmt, out_task, error);
}

gboolean
anju_wf_task_close (AnjuDb      *db,
                    gint64       task_id,
                    const char  *state,
                    const char  *action,
                    const char  *comment,
                    gint64       done_by,
                    gint64       now,
                    GError     **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "UPDATE workflow_tasks SET state = ?2, action = ?3,"
                                           " comment = ?4, done_by = ?5, done_at = ?6"
                                           " WHERE id = ?1 AND state = 'open'",
                                           error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, task_id);
  anju_db_bind_text (stmt, 2, state);
  anju_db_bind_text (stmt, 3, action);
  anju_db_bind_text (stmt, 4, comment);
  if (done_by != 0)
    sqlite3_bind_int64 (stmt, 5, done_by);
  sqlite3_bind_int64 (stmt, 6, now);
  return anju_db_step_done (db, stmt, error);
}

gboolean
anju_wf_task_shift_due (AnjuDb  *db,
                        gint64   instance_id,
                        gint64   seconds,
                        GError **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "UPDATE workflow_tasks SET due_at = due_at + ?2"
                                           " WHERE instance_id = ?1 AND state = 'open'"
                                           " AND due_at IS NOT NULL",
                                           error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, instance_id);
  sqlite3_bind_int64 (stmt, 2, seconds);
  return anju_db_step_done (db, stmt, error);
}

gboolean
anju_wf_task_mark_reminded (AnjuDb  *db,
                            gint64   task_id,
                            gint64   now,
                            GError **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "UPDATE workflow_tasks SET reminded_at = ?2 WHERE id = ?1",
                                           error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, task_id);
  sqlite3_bind_int64 (stmt, 2, now);
  return anju_db_step_done (db, stmt, error);
}

gboolean
anju_wf_user_holds_role (AnjuDb      *db,
                         gint64       user_id,
                         const char  *role,
                         gboolean    *out_holds,
                         GError     **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "SELECT ur.user_id FROM user_roles ur"
                                           " JOIN roles r ON r.id = ur.role_id"
                                           " WHERE ur.user_id = ?1 AND r.code = ?2",
                                           error);
  gint64 found = 0;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, user_id);
  anju_db_bind_text (stmt, 2, role);
  if (!anju_db_step_id (db, stmt, &found, error))
    return FALSE;
  *out_holds = found != 0;
  return TRUE;
}

gboolean
anju_wf_user_may_act (AnjuDb           *db,
                      gint64            user_id,
                      const char       *user_org_path,
                      const AnjuWfTask *task,
                      gboolean         *out_may,
                      GError          **error)
{
  *out_may = FALSE;
  if (user_id == 0)
    return TRUE;
  if (task->assignee_id != 0)
    {
      *out_may = task->assignee_id == user_id;
      return TRUE;
    }
  /* Paths end in "/", so a prefix is always a whole ancestor. */
  if (task->role == NULL || user_org_path == NULL
      || !g_str_has_prefix (task->org_path, user_org_path))
    return TRUE;
  return anju_wf_user_holds_role (db, user_id, task->role, out_may, error);
}

gboolean
anju_wf_task_actor_ids (AnjuWfOrgCache   *cache,
                        AnjuDb           *db,
                        const AnjuWfTask *task,
                        GArray           *out_ids,
                        GError          **error)
{
  if (task->assignee_id != 0)
    {
      g_array_append_val (out_ids, task->assignee_id);
      return TRUE;
    }
  return anju_wf_org_cache_actor_ids (cache, db, task->role, task->org_path, out_ids, error);
}
