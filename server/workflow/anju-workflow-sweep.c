/* anju-workflow-sweep.c: the overdue sweep.
 *
 * Every [workflow] reminder_interval_seconds the server looks for open
 * review tasks of running instances whose due date has passed on its
 * clock and that were not reminded yet, and reminds each once: a
 * "remind" history row, an audit row by anju-server and the event
 * workflow.task.overdue, in one transaction per task, so that one task
 * that fails (a listener's error) does not hold up the others.  Paused
 * instances are left alone: their time does not run.
 */
#include "config.h"

#include "anju-stmt.h"
#include "anju-transaction.h"
#include "anju-workflow-engine.h"
#include "anju-workflow-private.h"

/* Enough for a busy day; the rest waits for the next round, which keeps
 * every round short on the main loop. */
#define SWEEP_BATCH 100

typedef struct
{
  gint64 task_id;
  gint64 instance_id;
} OverdueTask;

static gboolean
find_overdue (AnjuDb  *db,
              gint64   now,
              GArray  *out_tasks,
              GError **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "SELECT t.id, t.instance_id FROM workflow_tasks t"
                                           " JOIN workflow_instances i ON i.id = t.instance_id"
                                           " WHERE t.state = 'open' AND t.kind = 'review'"
                                           " AND t.due_at < ?1 AND t.reminded_at IS NULL"
                                           " AND i.state = 'running'"
                                           " ORDER BY t.due_at, t.id LIMIT ?2",
                                           error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, now);
  sqlite3_bind_int (stmt, 2, SWEEP_BATCH);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      OverdueTask task = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };

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

void
_anju_workflow_sweep_overdue (AnjuServer *server,
                              gpointer    user_data)
{
  static const AnjuAuditActor system_actor = { .actor = ANJU_AUDIT_SYSTEM_ACTOR };
  AnjuWorkflow *workflow = user_data;
  AnjuDb *db = anju_server_get_db (server);
  g_autoptr(GArray) overdue = g_array_new (FALSE, FALSE, sizeof (OverdueTask));
  g_autoptr(GError) error = NULL;
  gint64 now = anju_clock_now_secs (anju_server_get_clock (server));

  if (!find_overdue (db, now, overdue, &error))
    {
      g_warning ("Overdue sweep: %s", error->message);
      return;
    }

  for (guint i = 0; i < overdue->len; i++)
    {
      const OverdueTask *task = &g_array_index (overdue, OverdueTask, i);
      g_auto(AnjuWfRun) run = { 0, };
      g_autoptr(GError) task_error = NULL;
      gboolean ok;

      if (!anju_db_begin (db, &task_error))
        {
          g_warning ("Overdue sweep: %s", task_error->message);
          return;
        }
      anju_wf_run_init_for_server (&run, workflow, server, &system_actor);
      ok = remind (&run, task, &task_error);
      if (!anju_transaction_end (db, ok, &task_error))
        g_warning ("Overdue reminder of task %" G_GINT64_FORMAT ": %s", task->task_id,
                   task_error->message);
    }
}
