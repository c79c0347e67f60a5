#include "config.h"

#include <glib/gi18n.h>

#include "anju-error.h"
#include "anju-stmt.h"
#include "anju-user-store.h"

void
anju_user_ref_clear (AnjuUserRef *ref)
{
  g_clear_pointer (&ref->username, g_free);
  g_clear_pointer (&ref->status, g_free);
  g_clear_pointer (&ref->org_path, g_free);
  ref->id = 0;
  ref->org_id = 0;
}

gboolean
anju_user_store_load (AnjuDb       *db,
                      gint64        id,
                      AnjuUserRef  *out_ref,
                      GError      **error)
{
  g_auto(AnjuStmt) stmt = NULL;

  stmt = anju_db_prepare (db,
                          "SELECT u.id, u.username, u.status, o.id, o.path"
                          " FROM users u JOIN organisations o ON o.id = u.org_id"
                          " WHERE u.id = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!anju_db_step_row (db, stmt, ANJU_ERROR_NOT_FOUND, _("No such user"), error))
    return FALSE;

  anju_user_ref_clear (out_ref);
  out_ref->id = sqlite3_column_int64 (stmt, 0);
  out_ref->username = anju_db_column_dup (stmt, 1);
  out_ref->status = anju_db_column_dup (stmt, 2);
  out_ref->org_id = sqlite3_column_int64 (stmt, 3);
  out_ref->org_path = anju_db_column_dup (stmt, 4);
  return TRUE;
}

gboolean
anju_user_store_find_username (AnjuDb      *db,
                               const char  *username,
                               gint64      *out_id,
                               GError     **error)
{
  g_auto(AnjuStmt) stmt = NULL;

  stmt = anju_db_prepare (db, "SELECT id FROM users WHERE username = ?1", error);
  if (stmt == NULL)
    return FALSE;
  anju_db_bind_text (stmt, 1, username);
  return anju_db_step_id (db, stmt, out_id, error);
}

gint64
anju_user_store_insert (AnjuDb            *db,
                        const AnjuNewUser *user,
                        gint64             now,
                        GError           **error)
{
  g_auto(AnjuStmt) stmt = NULL;

  stmt = anju_db_prepare (db,
                          "INSERT INTO users (username, name, phone, post, org_id, status,"
                          " password_hash, must_change_password, created_at, updated_at)"
                          " VALUES (?1, ?2, ?3, ?4, ?5, 'active', ?6, ?7, ?8, ?8)",
                          error);
  if (stmt == NULL)
    return 0;
  anju_db_bind_text (stmt, 1, user->username);
  anju_db_bind_text (stmt, 2, user->name);
  anju_db_bind_text (stmt, 3, user->phone);
  anju_db_bind_text (stmt, 4, user->post);
  sqlite3_bind_int64 (stmt, 5, user->org_id);
  anju_db_bind_text (stmt, 6, user->password_hash);
  sqlite3_bind_int (stmt, 7, user->must_change_password ? 1 : 0);
  sqlite3_bind_int64 (stmt, 8, now);
  if (!anju_db_step_done (db, stmt, error))
    return 0;
  return anju_db_last_insert_id (db);
}

gboolean
anju_user_store_set_roles (AnjuDb  *db,
                           gint64   user_id,
                           GArray  *role_ids,
                           GError **error)
{
  g_auto(AnjuStmt) insert = NULL;

  if (!anju_db_exec_with_id (db, "DELETE FROM user_roles WHERE user_id = ?1", user_id, error))
    return FALSE;

  insert = anju_db_prepare (db, "INSERT INTO user_roles (user_id, role_id) VALUES (?1, ?2)",
                            error);
  if (insert == NULL)
    return FALSE;
  for (guint i = 0; i < role_ids->len; i++)
    {
      sqlite3_bind_int64 (insert, 1, user_id);
      sqlite3_bind_int64 (insert, 2, g_array_index (role_ids, gint64, i));
      if (!anju_db_step_done (db, insert, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
anju_user_store_add_permissions (AnjuDb      *db,
                                 gint64       user_id,
                                 GHashTable  *set,
                                 GError     **error)
{
  g_auto(AnjuStmt) stmt = NULL;

  stmt = anju_db_prepare (db,
                          "SELECT DISTINCT rp.permission FROM user_roles ur"
                          " JOIN role_permissions rp ON rp.role_id = ur.role_id"
                          " WHERE ur.user_id = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, user_id);
  return anju_db_step_add_texts (db, stmt, set, error);
}

gboolean
anju_user_store_update_profile (AnjuDb              *db,
                                gint64               id,
                                const AnjuUserPatch *patch,
                                gint64               now,
                                GError             **error)
{
  g_auto(AnjuStmt) stmt = NULL;

  stmt = anju_db_prepare (db,
                          "UPDATE users SET name = COALESCE(?2, name),"
                          " phone = COALESCE(?3, phone),"
                          " post = CASE WHEN ?4 THEN ?5 ELSE post END,"
                          " org_id = COALESCE(?6, org_id), updated_at = ?7"
                          " WHERE id = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  anju_db_bind_text (stmt, 2, patch->name);
  anju_db_bind_text (stmt, 3, patch->phone);
  sqlite3_bind_int (stmt, 4, patch->set_post ? 1 : 0);
  anju_db_bind_text (stmt, 5, patch->post);
  if (patch->org_id > 0)
    sqlite3_bind_int64 (stmt, 6, patch->org_id);
  sqlite3_bind_int64 (stmt, 7, now);
  return anju_db_step_done (db, stmt, error);
}

gboolean
anju_user_store_set_status (AnjuDb      *db,
                            gint64       id,
                            const char  *status,
                            gint64       now,
                            GError     **error)
{
  g_auto(AnjuStmt) stmt = NULL;

  stmt = anju_db_prepare (db, "UPDATE users SET status = ?2, updated_at = ?3 WHERE id = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  anju_db_bind_text (stmt, 2, status);
  sqlite3_bind_int64 (stmt, 3, now);
  return anju_db_step_done (db, stmt, error);
}

gboolean
anju_user_store_set_password (AnjuDb      *db,
                              gint64       id,
                              const char  *password_hash,
                              gboolean     must_change_password,
                              gint64       now,
                              GError     **error)
{
  g_auto(AnjuStmt) stmt = NULL;

  stmt = anju_db_prepare (db,
                          "UPDATE users SET password_hash = ?2, must_change_password = ?3,"
                          " updated_at = ?4 WHERE id = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  anju_db_bind_text (stmt, 2, password_hash);
  sqlite3_bind_int (stmt, 3, must_change_password ? 1 : 0);
  sqlite3_bind_int64 (stmt, 4, now);
  return anju_db_step_done (db, stmt, error);
}
