#include "config.h"

#include <glib/gi18n.h>

#include "anju-error.h"
#include "anju-json-columns.h"
#include "anju-role-store.h"
#include "anju-stmt.h"

void
anju_role_ref_clear (AnjuRoleRef *ref)
{
  g_clear_pointer (&ref->code, g_free);
  g_clear_pointer (&ref->name, g_free);
  ref->id = 0;
  ref->is_system = FALSE;
}

static const char *
no_such_role (void)
{
  return _("No such role");
}

static void
set_no_such_role (GError **error)
{
  g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_NOT_FOUND, no_such_role ());
}

gboolean
anju_role_store_load (AnjuDb       *db,
                      gint64        id,
                      AnjuRoleRef  *out_ref,
                      GError      **error)
{
  g_auto(AnjuStmt) stmt = NULL;

  stmt = anju_db_prepare (db, "SELECT id, code, name, is_system FROM roles WHERE id = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!anju_db_step_row (db, stmt, ANJU_ERROR_NOT_FOUND, no_such_role (), error))
    return FALSE;

  anju_role_ref_clear (out_ref);
  out_ref->id = sqlite3_column_int64 (stmt, 0);
  out_ref->code = anju_db_column_dup (stmt, 1);
  out_ref->name = anju_db_column_dup (stmt, 2);
  out_ref->is_system = sqlite3_column_int (stmt, 3) != 0;
  return TRUE;
}

gboolean
anju_role_store_find_by_code (AnjuDb      *db,
                              const char  *code,
                              gint64      *out_id,
                              GError     **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db, "SELECT id FROM roles WHERE code = ?1", error);

  if (stmt == NULL)
    return FALSE;
  anju_db_bind_text (stmt, 1, code);
  if (!anju_db_step_id (db, stmt, out_id, error))
    return FALSE;
  if (*out_id == 0)
    {
      set_no_such_role (error);
      return FALSE;
    }
  return TRUE;
}

gboolean
anju_role_store_find_name (AnjuDb      *db,
                           const char  *name,
                           gint64       except_id,
                           gint64      *out_id,
                           GError     **error)
{
  g_auto(AnjuStmt) stmt = NULL;

  stmt = anju_db_prepare (db, "SELECT id FROM roles WHERE name = ?1 AND id <> ?2", error);
  if (stmt == NULL)
    return FALSE;
  anju_db_bind_text (stmt, 1, name);
  sqlite3_bind_int64 (stmt, 2, except_id);
  return anju_db_step_id (db, stmt, out_id, error);
}

gboolean
anju_role_store_add_permissions (AnjuDb      *db,
                                 gint64       role_id,
                                 GHashTable  *set,
                                 GError     **error)
{
  g_auto(AnjuStmt) stmt = NULL;

  stmt = anju_db_prepare (db,
                          "SELECT permission FROM role_permissions WHERE role_id = ?1"
                          " ORDER BY permission",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, role_id);
  return anju_db_step_add_texts (db, stmt, set, error);
}

gboolean
anju_role_store_count_users (AnjuDb  *db,
                             gint64   id,
                             gint64  *out_count,
                             GError **error)
{
  g_auto(AnjuStmt) stmt = NULL;

  stmt = anju_db_prepare (db, "SELECT COUNT(*) FROM user_roles WHERE role_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return anju_db_step_count (db, stmt, out_count, error);
}

gint64
anju_role_store_insert (AnjuDb      *db,
                        const char  *name,
                        const char  *description,
                        gint64       now,
                        GError     **error)
{
  g_auto(AnjuStmt) stmt = NULL;

  stmt = anju_db_prepare (db,
                          "INSERT INTO roles (name, description, is_system, created_at, updated_at)"
                          " VALUES (?1, ?2, 0, ?3, ?3)",
                          error);
  if (stmt == NULL)
    return 0;
  anju_db_bind_text (stmt, 1, name);
  anju_db_bind_text (stmt, 2, description);
  sqlite3_bind_int64 (stmt, 3, now);
  if (!anju_db_step_done (db, stmt, error))
    return 0;
  return anju_db_last_insert_id (db);
}

gboolean
anju_role_store_update (AnjuDb      *db,
                        gint64       id,
                        const char  *name,
                        const char  *description,
                        gint64       now,
                        GError     **error)
{
  g_auto(AnjuStmt) stmt = NULL;

  stmt = anju_db_prepare (db,
                          "UPDATE roles SET name = ?2, description = ?3, updated_at = ?4"
                          " WHERE id = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  anju_db_bind_text (stmt, 2, name);
  anju_db_bind_text (stmt, 3, description);
  sqlite3_bind_int64 (stmt, 4, now);
  return anju_db_step_done (db, stmt, error);
}

gboolean
anju_role_store_set_permissions (AnjuDb             *db,
                                 gint64              id,
                                 const char * const *permissions,
                                 GError            **error)
{
  g_auto(AnjuStmt) insert = NULL;

  if (!anju_db_exec_with_id (db, "DELETE FROM role_permissions WHERE role_id = ?1", id, error))
    return FALSE;

  insert = anju_db_prepare (db,
                            "INSERT INTO role_permissions (role_id, permission) VALUES (?1, ?2)",
                            error);
  if (insert == NULL)
    return FALSE;
  for (guint i = 0; permissions[i] != NULL; i++)
    {
      sqlite3_reset (insert);
      sqlite3_bind_int64 (insert, 1, id);
      anju_db_bind_text (insert, 2, permissions[i]);
      if (!anju_db_step_done (db, insert, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
anju_role_store_delete (AnjuDb      *db,
                        gint64       id,
                        GError     **error)
{
  return anju_db_exec_with_id (db, "DELETE FROM roles WHERE id = ?1", id, error);
}

static gboolean
add_permission_array (JsonBuilder  *builder,
                      AnjuDb       *db,
                      gint64        id,
                      GError      **error)
{
  g_auto(AnjuStmt) stmt = NULL;
  int rc;

  stmt = anju_db_prepare (db,
                          "SELECT permission FROM role_permissions WHERE role_id = ?1"
                          " ORDER BY permission",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);

  json_builder_set_member_name (builder, "permissions");
  json_builder_begin_array (builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, 0));
  json_builder_end_array (builder);

  if (rc != SQLITE_DONE)
    {
      anju_db_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

JsonNode *
anju_role_store_to_json (AnjuDb  *db,
                         gint64   id,
                         GError **error)
{
  g_auto(AnjuStmt) stmt = NULL;
  g_autoptr(JsonBuilder) builder = NULL;

  stmt = anju_db_prepare (db,
                          "SELECT r.id, r.code, r.name, r.description, r.is_system,"
                          " (SELECT COUNT(*) FROM user_roles ur WHERE ur.role_id = r.id),"
                          " r.created_at, r.updated_at"
                          " FROM roles r WHERE r.id = ?1",
                          error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!anju_db_step_row (db, stmt, ANJU_ERROR_NOT_FOUND, no_such_role (), error))
    return NULL;

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  anju_json_add_id_column (builder, "id", stmt, 0);
  anju_json_add_text_column (builder, "code", stmt, 1);
  anju_json_add_text_column (builder, "name", stmt, 2);
  anju_json_add_text_column (builder, "description", stmt, 3);
  anju_json_add_bool_column (builder, "system", stmt, 4);
  if (!add_permission_array (builder, db, id, error))
    return NULL;
  json_builder_set_member_name (builder, "user_count");
  json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 5));
  anju_json_add_time_column (builder, "created_at", stmt, 6);
  anju_json_add_time_column (builder, "updated_at", stmt, 7);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
