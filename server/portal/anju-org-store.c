#include "config.h"

#include <glib/gi18n.h>

#include "anju-error.h"
#include "anju-json-columns.h"
#include "anju-org-store.h"
#include "anju-stmt.h"

const char * const anju_org_kinds[] = {
  "center",
  "street",
  "community",
  "enterprise_operating",
  "enterprise_property",
  "enterprise_construction",
  "employer",
  "supplier",
  NULL
};

void
anju_org_ref_clear (AnjuOrgRef *ref)
{
  g_clear_pointer (&ref->kind, g_free);
  g_clear_pointer (&ref->name, g_free);
  g_clear_pointer (&ref->path, g_free);
  ref->id = 0;
  ref->parent_id = 0;
}

static void
org_ref_fill (AnjuOrgRef   *ref,
              sqlite3_stmt *stmt)
{
  anju_org_ref_clear (ref);
  ref->id = sqlite3_column_int64 (stmt, 0);
  ref->parent_id = sqlite3_column_int64 (stmt, 1);
  ref->kind = anju_db_column_dup (stmt, 2);
  ref->name = anju_db_column_dup (stmt, 3);
  ref->path = anju_db_column_dup (stmt, 4);
}

gboolean
anju_org_store_load (AnjuDb      *db,
                     gint64       id,
                     AnjuOrgRef  *out_ref,
                     GError     **error)
{
  g_auto(AnjuStmt) stmt = NULL;

  stmt = anju_db_prepare (db,
                          "SELECT id, parent_id, kind, name, path FROM organisations WHERE id = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!anju_db_step_row (db, stmt, ANJU_ERROR_NOT_FOUND, _("No such organisation"), error))
    return FALSE;
  org_ref_fill (out_ref, stmt);
  return TRUE;
}

gboolean
anju_org_store_load_center (AnjuDb      *db,
                            AnjuOrgRef  *out_ref,
                            gboolean    *out_found,
                            GError     **error)
{
  g_auto(AnjuStmt) stmt = NULL;
  int rc;

  stmt = anju_db_prepare (db,
                          "SELECT id, parent_id, kind, name, path FROM organisations"
                          " WHERE kind = 'center'",
                          error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  *out_found = rc == SQLITE_ROW;
  if (rc == SQLITE_ROW)
    org_ref_fill (out_ref, stmt);
  else if (rc != SQLITE_DONE)
    {
      anju_db_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

const char *
anju_org_kind_parent_kind (const char *kind)
{
  if (g_str_equal (kind, "center"))
    return NULL;
  if (g_str_equal (kind, "community"))
    return "street";
  return "center";
}

const char *
anju_org_kind_placement_rule (const char *kind)
{
  if (g_str_equal (kind, "center"))
    return _("The center is the root and has no parent organisation");
  if (g_str_equal (kind, "street"))
    return _("A street must be placed directly under the center");
  if (g_str_equal (kind, "community"))
    return _("A community must be placed under a street");
  return _("Enterprises and suppliers must be placed directly under the center");
}

gboolean
anju_org_store_find_sibling (AnjuDb      *db,
                             gint64       parent_id,
                             const char  *name,
                             gint64       except_id,
                             gint64      *out_id,
                             GError     **error)
{
  g_auto(AnjuStmt) stmt = NULL;

  stmt = anju_db_prepare (db,
                          "SELECT id FROM organisations"
                          " WHERE COALESCE(parent_id, 0) = ?1 AND name = ?2 AND id <> ?3",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, parent_id);
  anju_db_bind_text (stmt, 2, name);
  sqlite3_bind_int64 (stmt, 3, except_id);
  return anju_db_step_id (db, stmt, out_id, error);
}

gboolean
anju_org_store_find_code (AnjuDb      *db,
                          const char  *code,
                          gint64       except_id,
                          gint64      *out_id,
                          GError     **error)
{
  g_auto(AnjuStmt) stmt = NULL;

  stmt = anju_db_prepare (db, "SELECT id FROM organisations WHERE code = ?1 AND id <> ?2",
                          error);
  if (stmt == NULL)
    return FALSE;
  anju_db_bind_text (stmt, 1, code);
  sqlite3_bind_int64 (stmt, 2, except_id);
  return anju_db_step_id (db, stmt, out_id, error);
}

/* The path ends in the row's own id, which exists only once the row does:
 * insert with no path, then set it, inside the caller's transaction. */
static gboolean
set_path (AnjuDb      *db,
          gint64       id,
          const char  *parent_path,
          GError     **error)
{
  g_auto(AnjuStmt) stmt = NULL;
  g_autofree char *path = g_strdup_printf ("%s%" G_GINT64_FORMAT "/",
                                           parent_path != NULL ? parent_path : "/", id);

  stmt = anju_db_prepare (db, "UPDATE organisations SET path = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  anju_db_bind_text (stmt, 2, path);
  return anju_db_step_done (db, stmt, error);
}

gint64
anju_org_store_insert (AnjuDb            *db,
                       const AnjuOrgRef  *parent,
                       const char        *kind,
                       const char        *name,
                       const char        *code,
                       const char        *description,
                       gint64             now,
                       GError           **error)
{
  g_auto(AnjuStmt) stmt = NULL;
  gint64 id;

  stmt = anju_db_prepare (db,
                          "INSERT INTO organisations (parent_id, kind, name, code, description,"
                          " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
                          error);
  if (stmt == NULL)
    return 0;
  if (parent != NULL)
    sqlite3_bind_int64 (stmt, 1, parent->id);
  anju_db_bind_text (stmt, 2, kind);
  anju_db_bind_text (stmt, 3, name);
  anju_db_bind_text (stmt, 4, code);
  anju_db_bind_text (stmt, 5, description);
  sqlite3_bind_int64 (stmt, 6, now);
  if (!anju_db_step_done (db, stmt, error))
    return 0;

  id = anju_db_last_insert_id (db);
  if (!set_path (db, id, parent != NULL ? parent->path : NULL, error))
    return 0;
  return id;
}

gboolean
anju_org_store_update (AnjuDb      *db,
                       gint64       id,
                       const char  *name,
                       const char  *code,
                       const char  *description,
                       gint64       now,
                       GError     **error)
{
  g_auto(AnjuStmt) stmt = NULL;

  stmt = anju_db_prepare (db,
                          "UPDATE organisations SET name = ?2, code = ?3, description = ?4,"
                          " updated_at = ?5 WHERE id = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  anju_db_bind_text (stmt, 2, name);
  anju_db_bind_text (stmt, 3, code);
  anju_db_bind_text (stmt, 4, description);
  sqlite3_bind_int64 (stmt, 5, now);
  return anju_db_step_done (db, stmt, error);
}

gboolean
anju_org_store_move (AnjuDb            *db,
                     const AnjuOrgRef  *org,
                     const AnjuOrgRef  *new_parent,
                     gint64             now,
                     GError           **error)
{
  g_auto(AnjuStmt) reparent = NULL;
  g_auto(AnjuStmt) repath = NULL;
  g_autofree char *new_path = g_strdup_printf ("%s%" G_GINT64_FORMAT "/",
                                               new_parent->path, org->id);

  reparent = anju_db_prepare (db,
                              "UPDATE organisations SET parent_id = ?2, updated_at = ?3"
                              " WHERE id = ?1",
                              error);
  if (reparent == NULL)
    return FALSE;
  sqlite3_bind_int64 (reparent, 1, org->id);
  sqlite3_bind_int64 (reparent, 2, new_parent->id);
  sqlite3_bind_int64 (reparent, 3, now);
  if (!anju_db_step_done (db, reparent, error))
    return FALSE;

  /* Every path in the subtree starts with the old path; swap that prefix.
   * Paths hold only digits and "/", so LIKE needs no escaping. */
  repath = anju_db_prepare (db,
                            "UPDATE organisations SET path = ?2 || substr(path, length(?1) + 1)"
                            " WHERE path LIKE ?1 || '%'",
                            error);
  if (repath == NULL)
    return FALSE;
  anju_db_bind_text (repath, 1, org->path);
  anju_db_bind_text (repath, 2, new_path);
  return anju_db_step_done (db, repath, error);
}

static gboolean
count_where_id (AnjuDb      *db,
                const char  *sql,
                gint64       id,
                gint64      *out_count,
                GError     **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return anju_db_step_count (db, stmt, out_count, error);
}

gboolean
anju_org_store_count_dependents (AnjuDb  *db,
                                 gint64   id,
                                 gint64  *out_children,
                                 gint64  *out_users,
                                 GError **error)
{
  return count_where_id (db, "SELECT COUNT(*) FROM organisations WHERE parent_id = ?1",
                         id, out_children, error)
         && count_where_id (db, "SELECT COUNT(*) FROM users WHERE org_id = ?1",
                            id, out_users, error);
}

gboolean
anju_org_store_delete (AnjuDb      *db,
                       gint64       id,
                       GError     **error)
{
  return anju_db_exec_with_id (db, "DELETE FROM organisations WHERE id = ?1", id, error);
}

JsonNode *
anju_org_json_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  anju_json_add_id_column (builder, "id", stmt, 0);
  anju_json_add_id_column (builder, "parent_id", stmt, 1);
  anju_json_add_text_column (builder, "name", stmt, 2);
  anju_json_add_text_column (builder, "kind", stmt, 3);
  anju_json_add_text_column (builder, "code", stmt, 4);
  anju_json_add_text_column (builder, "description", stmt, 5);
  anju_json_add_text_column (builder, "path", stmt, 6);
  json_builder_set_member_name (builder, "user_count");
  json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 7));
  anju_json_add_time_column (builder, "created_at", stmt, 8);
  anju_json_add_time_column (builder, "updated_at", stmt, 9);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

JsonNode *
anju_org_store_to_json (AnjuDb  *db,
                        gint64   id,
                        GError **error)
{
  g_auto(AnjuStmt) stmt = NULL;

  stmt = anju_db_prepare (db,
                          "SELECT " ANJU_ORG_COLUMNS " FROM organisations o WHERE o.id = ?1",
                          error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!anju_db_step_row (db, stmt, ANJU_ERROR_NOT_FOUND, _("No such organisation"), error))
    return NULL;
  return anju_org_json_from_row (stmt);
}
