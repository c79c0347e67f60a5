/* anju-workflow-history.c: history rows and their attachments. */
#include "config.h"

#include "anju-stmt.h"
#include "anju-workflow-history.h"

static gboolean
attach_file (AnjuDb  *db,
             gint64   history_id,
             gint64   file_id,
             guint    position,
             gint64   at,
             GError **error)
{
  g_auto(AnjuStmt) insert = anju_db_prepare (db,
                                             "INSERT INTO workflow_history_files"
                                             " (history_id, file_id, position) VALUES (?1, ?2, ?3)",
                                             error);
  g_auto(AnjuStmt) archive = NULL;

  if (insert == NULL)
    return FALSE;
  sqlite3_bind_int64 (insert, 1, history_id);
  sqlite3_bind_int64 (insert, 2, file_id);
  sqlite3_bind_int (insert, 3, (int) position);
  if (!anju_db_step_done (db, insert, error))
    return FALSE;

  archive = anju_db_prepare (db,
                             "UPDATE files SET archived_at = ?2"
                             " WHERE id = ?1 AND archived_at IS NULL",
                             error);
  if (archive == NULL)
    return FALSE;
  sqlite3_bind_int64 (archive, 1, file_id);
  sqlite3_bind_int64 (archive, 2, at);
  return anju_db_step_done (db, archive, error);
}

gboolean
anju_wf_history_add (AnjuDb                 *db,
                     const AnjuWfHistoryRow *row,
                     gint64                  at,
                     GError                **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "INSERT INTO workflow_history (instance_id, task_id, at,"
                                           " actor_id, org_id, action, step_key, step_name, comment)"
                                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                                           error);
  gint64 history_id;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, row->instance_id);
  if (row->task_id != 0)
    sqlite3_bind_int64 (stmt, 2, row->task_id);
  sqlite3_bind_int64 (stmt, 3, at);
  if (row->actor_id != 0)
    sqlite3_bind_int64 (stmt, 4, row->actor_id);
  if (row->org_id != 0)
    sqlite3_bind_int64 (stmt, 5, row->org_id);
  anju_db_bind_text (stmt, 6, row->action);
  anju_db_bind_text (stmt, 7, row->step_key);
  anju_db_bind_text (stmt, 8, row->step_name);
  anju_db_bind_text (stmt, 9, row->comment);
  if (!anju_db_step_done (db, stmt, error))
    return FALSE;

  history_id = anju_db_last_insert_id (db);
  for (guint i = 0; row->attachments != NULL && i < row->attachments->len; i++)
    if (!attach_file (db, history_id, g_array_index (row->attachments, gint64, i), i, at, error))
      return FALSE;
  return TRUE;
}

gboolean
anju_wf_attachments_check (AnjuDb  *db,
                           GArray  *file_ids,
                           gint64   user_id,
                           int     *out_bad_index,
                           GError **error)
{
  *out_bad_index = -1;
  for (guint i = 0; file_ids != NULL && i < file_ids->len; i++)
    {
      g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                               "SELECT id FROM files"
                                               " WHERE id = ?1 AND uploaded_by = ?2",
                                               error);
      gint64 found = 0;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, g_array_index (file_ids, gint64, i));
      sqlite3_bind_int64 (stmt, 2, user_id);
      if (!anju_db_step_id (db, stmt, &found, error))
        return FALSE;
      if (found == 0)
        {
          *out_bad_index = (int) i;
          return TRUE;
        }
    }
  return TRUE;
}
