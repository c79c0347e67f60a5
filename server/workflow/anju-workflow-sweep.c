/* anju-workflow-sweep.c: the overdue sweep.
 *
 * Every [workflow] reminder_interval_seconds the server looks for open
 * review tasks of running instances whose due date has passed on its
 * clock and that were not reminded yet, and reminds each once: a
 * "remind" history row, an audit row by anju-server and the event
 * workflow.task.overdue, in one transaction per task, so that one task
 * that fails (a listener's error) does not hold up the others.  Paused
 * instances are left alone: their time does not run.  A run goes in
 * short batches (anju-sweep.h), so that thousands of overdue tasks never
 * hold the main loop.
 */
#include "config.h"

#include "anju-stmt.h"
#include "anju-transaction.h"
#include "anju-workflow-engine.h"
#include "anju-workflow-private.h"

typedef struct
{
  gint64 task_id;
  gint64 instance_id;
  gint64 due_at;
} OverdueTask;

/* A run: the time it sweeps at and the last task it saw, in the order it
 * goes through them (due, then id). */
typedef struct
{
  gint64 now;
  gint64 after_due_at;
  gint64 after_id;
} OverdueRun;

/* workflow_tasks_open_due (due_at) WHERE state = 'open' holds the open
 * tasks in (due_at, id) order: the row value resumes the walk at the
 * run's cursor and the LIMIT keeps each page to one batch. */
static const char overdue_sql[] =
  "SELECT t.id, t.instance_id, t.due_at FROM workflow_tasks t"
  " JOIN workflow_instances i ON i.id = t.instance_id"
  " WHERE t.state = 'open' AND t.kind = 'review'"
  " AND t.due_at < ?1 AND t.reminded_at IS NULL"
  " AND (t.due_at, t.id) > (?2, ?3)"
  " AND i.state = 'running'"
  " ORDER BY t.due_at, t.id LIMIT ?4";

const char *
anju_workflow_overdue_sql (void)
{
  return overdue_sql;
}

static gboolean
find_overdue (AnjuDb            *db,
              const OverdueRun  *run,
              guint              limit,
              GArray            *out_tasks,
              GError           **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db, overdue_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, run->now);
  sqlite3_bind_int64 (stmt, 2, run->after_due_at);
  sqlite3_bind_int64 (stmt, 3, run->after_id);
  sqlite3_bind_int (stmt, 4, (int) limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      OverdueTask task = {
        sqlite3_column_int64 (stmt, 0),
        sqlite3_column_int64 (stmt, 1),
        sqlite3_column_int64 (stmt, 2),
      };

      g_array_append_val (out_tasks, task);
    }
  if (rc != SQLITE_DONE)
    {
      anju_db_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
remind (const AnjuWfRun    *run,
        const OverdueTask  *overdue,
        GError            **error)
{
  g_autoptr(AnjuWfInstance) instance = NULL;
  g_autoptr(AnjuWfTask) task = NULL;

  instance = anju_wf_instance_load (run->db, overdue->instance_id, error);
  if (instance == NULL || !anju_wf_task_load_open (run->db, instance->id, &task, error))
    return FALSE;
  /* Acted on since it was found: nothing to remind of. */
  if (task == NULL || task->id != overdue->task_id)
    return TRUE;
  return anju_wf_engine_remind (run, instance, task, error);
}

/* One task in its own transaction; FALSE only when none can begin. */
static gboolean
remind_one (AnjuServer         *server,
            AnjuWorkflow       *workflow,
            const OverdueTask  *task)
{
  static const AnjuAuditActor system_actor = { .actor = ANJU_AUDIT_SYSTEM_ACTOR };
  AnjuDb *db = anju_server_get_db (server);
  g_auto(AnjuWfRun) run = { 0, };
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (!anju_db_begin (db, &error))
    {
      g_warning ("Overdue sweep: %s", error->message);
      return FALSE;
    }
  anju_wf_run_init_for_server (&run, workflow, server, &system_actor);
  ok = remind (&run, task, &error);
  if (!anju_transaction_end (db, ok, &error))
    g_warning ("Overdue reminder of task %" G_GINT64_FORMAT ": %s", task->task_id,
               error->message);
  return TRUE;
}

static gpointer
overdue_begin (AnjuServer *server,
               gpointer    user_data)
{
  OverdueRun *run = g_new0 (OverdueRun, 1);

  run->now = anju_clock_now_secs (anju_server_get_clock (server));
  run->after_due_at = G_MININT64;
  return run;
}

static gboolean
overdue_batch (AnjuServer     *server,
               gpointer        data,
               AnjuSweepBatch *batch,
               gpointer        user_data)
{
  OverdueRun *run = data;
  g_autoptr(GArray) overdue = g_array_new (FALSE, FALSE, sizeof (OverdueTask));
  g_autoptr(GError) error = NULL;

  if (!find_overdue (anju_server_get_db (server), run, batch->size, overdue, &error))
    {
      g_warning ("Overdue sweep: %s", error->message);
      return FALSE;
    }
  for (guint i = 0; i < overdue->len; i++)
    {
      const OverdueTask *task = &g_array_index (overdue, OverdueTask, i);

      if (!anju_sweep_batch_take (batch))
        return TRUE;
      if (!remind_one (server, user_data, task))
        return FALSE;
      run->after_due_at = task->due_at;
      run->after_id = task->task_id;
    }
  /* A full page: more may follow it. */
  return overdue->len == batch->size;
}

const AnjuSweepFuncs _anju_workflow_overdue_sweep = {
  .name = ANJU_WORKFLOW_OVERDUE_SWEEP_NAME,
  .begin = overdue_begin,
  .batch = overdue_batch,
  .free_run = g_free,
};
