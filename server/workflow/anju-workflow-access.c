#include "config.h"

#include "anju-file-access.h"
#include "anju-permissions.h"
#include "anju-stmt.h"
#include "anju-workflow-access.h"

gboolean
anju_wf_may_read_instance (AnjuDb               *db,
                           const AnjuCaller     *caller,
                           const AnjuWfInstance *instance,
                           gboolean             *out_may_read,
                           GError              **error)
{
  g_auto(AnjuStmt) stmt = NULL;
  gint64 found = 0;

  *out_may_read = (anju_caller_has_permission (caller, ANJU_PERM_WF_INSTANCE_MANAGE)
                   && anju_caller_can_see_org_path (caller, instance->org_path))
                  || instance->submitter_id == caller->user_id;
  if (*out_may_read)
    return TRUE;

  stmt = anju_db_prepare (db,
                          "SELECT t.id FROM workflow_tasks t"
                          " JOIN organisations o ON o.id = t.org_id"
                          " WHERE t.instance_id = ?1"
                          " AND (t.assignee_id = ?2 OR t.done_by = ?2"
                          "  OR (t.kind = 'review' AND t.assignee_id IS NULL"
                          "   AND substr(o.path, 1, length(?3)) = ?3"
                          "   AND t.role IN (SELECT r.code FROM user_roles ur"
                          "    JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = ?2)))"
                          " LIMIT 1",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, instance->id);
  sqlite3_bind_int64 (stmt, 2, caller->user_id);
  anju_db_bind_text (stmt, 3, caller->org_path);
  if (!anju_db_step_id (db, stmt, &found, error))
    return FALSE;
  *out_may_read = found != 0;
  return TRUE;
}

/* A file may be attached to actions of several instances (the same
 * upload given twice): one readable instance is enough. */
static gboolean
history_file_reader (AnjuDb            *db,
                     const AnjuCaller  *caller,
                     gint64             file_id,
                     gboolean          *out_may_read,
                     gpointer           user_data,
                     GError           **error)
{
  g_autoptr(GArray) instance_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_auto(AnjuStmt) stmt = NULL;
  int rc;

  stmt = anju_db_prepare (db,
                          "SELECT DISTINCT h.instance_id FROM workflow_history_files f"
                          " JOIN workflow_history h ON h.id = f.history_id"
                          " WHERE f.file_id = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, file_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (instance_ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      anju_db_set_error (db, error);
      return FALSE;
    }

  for (guint i = 0; i < instance_ids->len; i++)
    {
      g_autoptr(AnjuWfInstance) instance = NULL;
      gboolean may = FALSE;

      instance = anju_wf_instance_load (db, g_array_index (instance_ids, gint64, i), error);
      if (instance == NULL || !anju_wf_may_read_instance (db, caller, instance, &may, error))
        return FALSE;
      if (may)
        {
          *out_may_read = TRUE;
          return TRUE;
        }
    }
  return TRUE;
}

void
anju_wf_register_file_reader (AnjuServer *server)
{
  anju_file_access_add_reader (anju_file_access_get (server), history_file_reader, NULL, NULL);
}
