#include "config.h"

#include "anju-lockout.h"
#include "anju-stmt.h"

static gboolean
exec_for_user (AnjuDb      *db,
               const char  *sql,
               gint64       user_id,
               gint64       value,
               GError     **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, user_id);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_int64 (stmt, 2, value);
  return anju_db_step_done (db, stmt, error);
}

static gboolean
count_recent_failures (AnjuDb  *db,
                       gint64   user_id,
                       gint64   since,
                       gint64  *out_count,
                       GError **error)
{
  g_auto(AnjuStmt) stmt = NULL;

  stmt = anju_db_prepare (db,
                          "SELECT COUNT(*) FROM login_failures WHERE user_id = ?1 AND at > ?2",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, user_id);
  sqlite3_bind_int64 (stmt, 2, since);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      anju_db_set_error (db, error);
      return FALSE;
    }
  *out_count = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

gboolean
anju_lockout_record_failure (AnjuDb            *db,
                             const AnjuConfig  *config,
                             gint64             user_id,
                             gint64             now,
                             gint64            *out_locked_until,
                             GError           **error)
{
  gint64 window_start = now - (gint64) config->lockout_window_minutes * 60;
  gint64 locked_until = now + (gint64) config->lockout_minutes * 60;
  gint64 failures = 0;

  *out_locked_until = 0;

  /* Failures that fell out of the window no longer count: drop them so
   * the table only ever holds a handful of rows per account. */
  if (!exec_for_user (db, "DELETE FROM login_failures WHERE user_id = ?1 AND at <= ?2",
                      user_id, window_start, error)
      || !exec_for_user (db, "INSERT INTO login_failures (user_id, at) VALUES (?1, ?2)",
                         user_id, now, error)
      || !count_recent_failures (db, user_id, window_start, &failures, error))
    return FALSE;

  if (failures < (gint64) config->lockout_attempts)
    return TRUE;

  if (!exec_for_user (db, "UPDATE users SET locked_until = ?2 WHERE id = ?1",
                      user_id, locked_until, error)
      || !exec_for_user (db, "DELETE FROM login_failures WHERE user_id = ?1",
                         user_id, 0, error))
    return FALSE;

  *out_locked_until = locked_until;
  return TRUE;
}

gboolean
anju_lockout_clear (AnjuDb  *db,
                    gint64   user_id,
                    GError **error)
{
  return exec_for_user (db, "DELETE FROM login_failures WHERE user_id = ?1",
                        user_id, 0, error)
         && exec_for_user (db, "UPDATE users SET locked_until = NULL WHERE id = ?1",
                           user_id, 0, error);
}
