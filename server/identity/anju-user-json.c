#include "config.h"

#include <glib/gi18n.h>

#include "anju-error.h"
#include "anju-json-columns.h"
#include "anju-mask.h"
#include "anju-stmt.h"
#include "anju-user-json.h"

enum
{
  COL_ID,
  COL_USERNAME,
  COL_NAME,
  COL_PHONE,
  COL_POST,
  COL_ORG_ID,
  COL_ORG_NAME,
  COL_ORG_KIND,
  COL_STATUS,
  COL_LOCKED_UNTIL,
  COL_MUST_CHANGE,
  COL_CREATED_AT,
  COL_UPDATED_AT,
  COL_LAST_LOGIN_AT,
};

static sqlite3_stmt *
select_user (AnjuDb  *db,
             gint64   user_id,
             GError **error)
{
  sqlite3_stmt *stmt;

  stmt = anju_db_prepare (db,
                          "SELECT u.id, u.username, u.name, u.phone, u.post,"
                          " o.id, o.name, o.kind, u.status, u.locked_until,"
                          " u.must_change_password, u.created_at, u.updated_at,"
                          " u.last_login_at"
                          " FROM users u JOIN organisations o ON o.id = u.org_id"
                          " WHERE u.id = ?1",
                          error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, user_id);
  if (anju_db_step_row (db, stmt, ANJU_ERROR_NOT_FOUND, _("No such user"), error))
    return stmt;
  sqlite3_reset (stmt);
  return NULL;
}

static void
add_organisation (JsonBuilder  *builder,
                  sqlite3_stmt *stmt)
{
  json_builder_set_member_name (builder, "organisation");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, COL_ORG_ID));
  anju_json_add_text_column (builder, "name", stmt, COL_ORG_NAME);
  anju_json_add_text_column (builder, "kind", stmt, COL_ORG_KIND);
  json_builder_end_object (builder);
}

static gboolean
add_roles (JsonBuilder  *builder,
           AnjuDb       *db,
           gint64        user_id,
           GError      **error)
{
  g_auto(AnjuStmt) stmt = NULL;
  int rc;

  stmt = anju_db_prepare (db,
                          "SELECT r.id, r.code, r.name FROM user_roles ur"
                          " JOIN roles r ON r.id = ur.role_id"
                          " WHERE ur.user_id = ?1 ORDER BY r.id",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, user_id);

  json_builder_set_member_name (builder, "roles");
  json_builder_begin_array (builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 0));
      anju_json_add_text_column (builder, "code", stmt, 1);
      anju_json_add_text_column (builder, "name", stmt, 2);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  if (rc != SQLITE_DONE)
    {
      anju_db_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

static void
add_phone (JsonBuilder  *builder,
           sqlite3_stmt *stmt,
           gboolean      reveal)
{
  const char *phone = (const char *) sqlite3_column_text (stmt, COL_PHONE);
  g_autofree char *masked = reveal ? NULL : anju_mask_phone (phone);

  json_builder_set_member_name (builder, "phone");
  if (phone == NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, reveal ? phone : masked);
}

static void
add_lock (JsonBuilder  *builder,
          sqlite3_stmt *stmt,
          gint64        now)
{
  gint64 locked_until = sqlite3_column_int64 (stmt, COL_LOCKED_UNTIL);
  gboolean locked = sqlite3_column_type (stmt, COL_LOCKED_UNTIL) != SQLITE_NULL
                    && locked_until > now;

  json_builder_set_member_name (builder, "locked");
  json_builder_add_boolean_value (builder, locked);
  anju_json_add_time (builder, "locked_until", locked_until, locked);
}

JsonNode *
anju_user_json_new (AnjuDb   *db,
                    gint64    user_id,
                    gint64    now,
                    gboolean  reveal_phone,
                    GError  **error)
{
  g_auto(AnjuStmt) stmt = select_user (db, user_id, error);
  g_autoptr(JsonBuilder) builder = NULL;

  if (stmt == NULL)
    return NULL;

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, user_id);
  anju_json_add_text_column (builder, "username", stmt, COL_USERNAME);
  anju_json_add_text_column (builder, "name", stmt, COL_NAME);
  add_phone (builder, stmt, reveal_phone);
  anju_json_add_text_column (builder, "post", stmt, COL_POST);
  add_organisation (builder, stmt);
  if (!add_roles (builder, db, user_id, error))
    return NULL;
  anju_json_add_text_column (builder, "status", stmt, COL_STATUS);
  add_lock (builder, stmt, now);
  anju_json_add_bool_column (builder, "must_change_password", stmt, COL_MUST_CHANGE);
  anju_json_add_time_column (builder, "created_at", stmt, COL_CREATED_AT);
  anju_json_add_time_column (builder, "updated_at", stmt, COL_UPDATED_AT);
  anju_json_add_time_column (builder, "last_login_at", stmt, COL_LAST_LOGIN_AT);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static int
compare_string_pointers (gconstpointer a,
                         gconstpointer b,
                         gpointer      user_data)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
add_permissions (JsonBuilder      *builder,
                 const AnjuCaller *caller)
{
  g_autofree const char **ids = NULL;
  guint n_ids = 0;

  ids = (const char **) g_hash_table_get_keys_as_array (caller->permissions, &n_ids);
  g_qsort_with_data (ids, (gint) n_ids, sizeof (char *), compare_string_pointers, NULL);

  json_builder_set_member_name (builder, "permissions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_ids; i++)
    json_builder_add_string_value (builder, ids[i]);
  json_builder_end_array (builder);
}

JsonNode *
anju_user_json_new_self (AnjuDb            *db,
                         const AnjuCaller  *caller,
                         GError           **error)
{
  g_auto(AnjuStmt) stmt = select_user (db, caller->user_id, error);
  g_autoptr(JsonBuilder) builder = NULL;

  if (stmt == NULL)
    return NULL;

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, caller->user_id);
  anju_json_add_text_column (builder, "username", stmt, COL_USERNAME);
  anju_json_add_text_column (builder, "name", stmt, COL_NAME);
  add_phone (builder, stmt, TRUE);
  add_organisation (builder, stmt);
  if (!add_roles (builder, db, caller->user_id, error))
    return NULL;
  add_permissions (builder, caller);
  anju_json_add_bool_column (builder, "must_change_password", stmt, COL_MUST_CHANGE);
  anju_json_add_time (builder, "session_expires_at", caller->session_expires_at, TRUE);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
