/* anju-application-store.c: applications and members in SQLite.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-application-fields.h"
#include "anju-application-store.h"
#include "anju-stmt.h"
#include "anju-time.h"

void
anju_application_ref_clear (AnjuApplicationRef *ref)
{
  g_clear_pointer (&ref->application_no, g_free);
  g_clear_pointer (&ref->business_type, g_free);
  g_clear_pointer (&ref->status, g_free);
  g_clear_pointer (&ref->applicant_name, g_free);
  g_clear_pointer (&ref->phone, g_free);
  g_clear_pointer (&ref->org_path, g_free);
  g_clear_pointer (&ref->org_kind, g_free);
}

gboolean
anju_application_store_load_ref (AnjuDb              *db,
                                 gint64               id,
                                 AnjuApplicationRef  *out_ref,
                                 GError             **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "SELECT a.application_no, a.business_type, a.status,"
                                           " a.applicant_name, a.phone, a.org_id, o.path, o.kind,"
                                           " a.created_by"
                                           " FROM pubrent_applications a"
                                           " JOIN organisations o ON o.id = a.org_id"
                                           " WHERE a.id = ?1",
                                           error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!anju_db_step_row (db, stmt, ANJU_ERROR_NOT_FOUND, _("No such application"), error))
    return FALSE;
  out_ref->id = id;
  out_ref->application_no = anju_db_column_dup (stmt, 0);
  out_ref->business_type = anju_db_column_dup (stmt, 1);
  out_ref->status = anju_db_column_dup (stmt, 2);
  out_ref->applicant_name = anju_db_column_dup (stmt, 3);
  out_ref->phone = anju_db_column_dup (stmt, 4);
  out_ref->org_id = sqlite3_column_int64 (stmt, 5);
  out_ref->org_path = anju_db_column_dup (stmt, 6);
  out_ref->org_kind = anju_db_column_dup (stmt, 7);
  out_ref->created_by = sqlite3_column_int64 (stmt, 8);
  return TRUE;
}

char *
anju_application_code_name (AnjuDb     *db,
                            const char *code_set,
                            const char *code)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "SELECT name FROM pubrent_codes"
                                           " WHERE code_set = ?1 AND code = ?2",
                                           NULL);

  if (stmt == NULL)
    return g_strdup (code);
  anju_db_bind_text (stmt, 1, code_set);
  anju_db_bind_text (stmt, 2, code);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return anju_db_column_dup (stmt, 0);
  return g_strdup (code);
}

static void
set_ref (JsonObject   *record,
         const char   *member,
         sqlite3_stmt *stmt,
         int           id_column)
{
  JsonObject *ref;

  if (sqlite3_column_type (stmt, id_column) == SQLITE_NULL)
    {
      json_object_set_null_member (record, member);
      return;
    }
  ref = json_object_new ();
  json_object_set_int_member (ref, "id", sqlite3_column_int64 (stmt, id_column));
  json_object_set_string_member (ref, "name", (const char *) sqlite3_column_text (stmt, id_column + 1));
  json_object_set_object_member (record, member, ref);
}

static void
set_time (JsonObject   *record,
          const char   *member,
          sqlite3_stmt *stmt,
          int           column)
{
  g_autofree char *text = NULL;

  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    {
      json_object_set_null_member (record, member);
      return;
    }
  text = anju_time_format_iso8601 (sqlite3_column_int64 (stmt, column));
  json_object_set_string_member (record, member, text);
}

static void
set_prereview (JsonObject   *record,
               sqlite3_stmt *stmt,
               int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  g_autoptr(JsonNode) node = text != NULL ? json_from_string (text, NULL) : NULL;

  if (node != NULL)
    json_object_set_member (record, "prereview", g_steal_pointer (&node));
  else
    json_object_set_null_member (record, "prereview");
}

static gboolean
load_members (AnjuDb      *db,
              gint64       id,
              JsonObject  *record,
              GError     **error)
{
  guint n_fields;
  const AnjuAppField *fields = anju_member_fields (&n_fields);
  g_auto(AnjuStmt) stmt = anju_db_prepare (db, anju_application_store_members_sql (), error);
  JsonArray *members = json_array_new ();
  int rc;

  json_object_set_array_member (record, "members", members);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JsonObject *member = json_object_new ();

      json_object_set_int_member (member, "id", sqlite3_column_int64 (stmt, 0));
      json_object_set_string_member (member, "member_no", (const char *) sqlite3_column_text (stmt, 1));
      anju_app_fields_from_row (fields, n_fields, stmt, 2, member);
      json_array_add_object_element (members, member);
    }
  if (rc != SQLITE_DONE)
    {
      anju_db_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

/* The SQL of the statements every read and write of an application
 * runs, spelled out from the field tables once per process: a printf
 * per column on every call cost about as much as running some of them.
 * Never changed once built, so servers in one process share it. */
typedef struct
{
  char *record;           /* anju_application_store_record_sql() */
  char *members;          /* anju_application_store_members_sql() */
  char *insert;
  char *update;
  char *insert_member;
} StoreSql;

static char *
build_record_sql (void)
{
  guint n_fields;
  const AnjuAppField *fields = anju_application_fields (&n_fields);
  g_autofree char *columns = anju_app_fields_columns (fields, n_fields, "a");

  return g_strdup_printf ("SELECT a.application_no, a.status, c.name, a.org_id,"
                          " o.name, a.created_by, u.name, a.submitted_at,"
                          " a.decided_at, a.confirmed_at, a.created_at,"
                          " a.updated_at, a.prereview_json, o.path, %s"
                          " FROM pubrent_applications a"
                          " JOIN organisations o ON o.id = a.org_id"
                          " JOIN users u ON u.id = a.created_by"
                          " LEFT JOIN pubrent_codes c"
                          "   ON c.code_set = 'status' AND c.code = a.status"
                          " WHERE a.id = ?1",
                          columns);
}

static char *
build_members_sql (void)
{
  guint n_fields;
  const AnjuAppField *fields = anju_member_fields (&n_fields);
  g_autofree char *columns = anju_app_fields_columns (fields, n_fields, NULL);

  return g_strdup_printf ("SELECT id, member_no, %s FROM pubrent_members"
                          " WHERE application_id = ?1 ORDER BY position",
                          columns);
}

/* "INSERT INTO <fixed> <fields…>) VALUES (<fixed values>, ?first, …)":
 * the fixed columns first, then one parameter per field from first on. */
static char *
build_insert (const char         *table_and_fixed,
              const char         *fixed_values,
              const AnjuAppField *fields,
              guint               n_fields,
              guint               first)
{
  g_autofree char *columns = anju_app_fields_columns (fields, n_fields, NULL);
  GString *sql = g_string_new (NULL);

  g_string_printf (sql, "INSERT INTO %s, %s) VALUES (%s", table_and_fixed, columns, fixed_values);
  for (guint i = 0; i < n_fields; i++)
    g_string_append_printf (sql, ", ?%u", first + i);
  g_string_append_c (sql, ')');
  return g_string_free (sql, FALSE);
}

static char *
build_insert_sql (void)
{
  guint n_fields;
  const AnjuAppField *fields = anju_application_fields (&n_fields);

  return build_insert ("pubrent_applications (application_no, org_id, created_by, created_at,"
                       " updated_at", "?1, ?2, ?3, ?4, ?4", fields, n_fields, 5);
}

static char *
build_update_sql (void)
{
  guint n_fields;
  const AnjuAppField *fields = anju_application_fields (&n_fields);
  GString *sql = g_string_new ("UPDATE pubrent_applications SET updated_at = ?2");

  for (guint i = 0; i < n_fields; i++)
    g_string_append_printf (sql, ", %s = ?%u", fields[i].name, i + 3);
  g_string_append (sql, " WHERE id = ?1");
  return g_string_free (sql, FALSE);
}

static char *
build_insert_member_sql (void)
{
  guint n_fields;
  const AnjuAppField *fields = anju_member_fields (&n_fields);

  return build_insert ("pubrent_members (application_id, position, member_no", "?1, ?2, ?3",
                       fields, n_fields, 4);
}

static const StoreSql *
store_sql (void)
{
  static StoreSql sql;
  static gsize built = 0;

  if (g_once_init_enter (&built))
    {
      sql = (StoreSql) {
        .record = build_record_sql (),
        .members = build_members_sql (),
        .insert = build_insert_sql (),
        .update = build_update_sql (),
        .insert_member = build_insert_member_sql (),
      };
      g_once_init_leave (&built, 1);
    }
  return &sql;
}

const char *
anju_application_store_record_sql (void)
{
  return store_sql ()->record;
}

const char *
anju_application_store_members_sql (void)
{
  return store_sql ()->members;
}

JsonObject *
anju_application_store_load_record (AnjuDb  *db,
                                    gint64   id,
                                    GError **error)
{
  guint n_fields;
  const AnjuAppField *fields = anju_application_fields (&n_fields);
  g_auto(AnjuStmt) stmt = anju_db_prepare (db, anju_application_store_record_sql (), error);
  g_autoptr(JsonObject) record = json_object_new ();

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!anju_db_step_row (db, stmt, ANJU_ERROR_NOT_FOUND, _("No such application"), error))
    return NULL;

  json_object_set_int_member (record, "id", id);
  json_object_set_string_member (record, "application_no", (const char *) sqlite3_column_text (stmt, 0));
  anju_app_fields_from_row (fields, 1, stmt, ANJU_APP_RECORD_FIELDS, record);   /* business_type first */
  json_object_set_string_member (record, "status", (const char *) sqlite3_column_text (stmt, 1));
  json_object_set_string_member (record, "status_label", (const char *) sqlite3_column_text (stmt, 2));
  set_ref (record, "org", stmt, 3);
  anju_app_fields_from_row (fields, n_fields, stmt, ANJU_APP_RECORD_FIELDS, record);
  set_time (record, "submitted_at", stmt, 7);
  set_time (record, "decided_at", stmt, 8);
  set_time (record, "confirmed_at", stmt, 9);
  set_ref (record, "created_by", stmt, 5);
  set_time (record, "created_at", stmt, 10);
  set_time (record, "updated_at", stmt, 11);
  set_prereview (record, stmt, 12);
  sqlite3_reset (stmt);
  if (!load_members (db, id, record, error))
    return NULL;
  return g_steal_pointer (&record);
}

/* The next number of the year of now, in Shanghai. */
static char *
next_application_no (AnjuDb  *db,
                     gint64   now,
                     GError **error)
{
  g_autofree char *iso = anju_time_format_iso8601 (now);
  int year = (int) g_ascii_strtoll (iso, NULL, 10);
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "INSERT INTO pubrent_application_counters (year, last)"
                                           " VALUES (?1, 1)"
                                           " ON CONFLICT (year) DO UPDATE SET last = last + 1"
                                           " RETURNING last",
                                           error);
  gint64 last;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, year);
  if (!anju_db_step_row (db, stmt, ANJU_ERROR_DATABASE, _("No application number"), error))
    return NULL;
  last = sqlite3_column_int64 (stmt, 0);
  sqlite3_step (stmt);
  return g_strdup_printf ("GZF-%04d-%06" G_GINT64_FORMAT, year, last);
}

static gboolean
insert_members (AnjuDb      *db,
                gint64       id,
                const char  *application_no,
                JsonArray   *members,
                GError     **error)
{
  guint n_fields;
  const AnjuAppField *fields = anju_member_fields (&n_fields);

  if (!anju_db_exec_with_id (db, "DELETE FROM pubrent_members WHERE application_id = ?1", id,
                             error))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (members); i++)
    {
      g_auto(AnjuStmt) stmt = anju_db_prepare (db, store_sql ()->insert_member, error);
      g_autofree char *member_no = g_strdup_printf ("%s-%02u", application_no, i + 1);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, (int) i);
      anju_db_bind_text (stmt, 3, member_no);
      anju_app_fields_bind (fields, n_fields, json_array_get_object_element (members, i), stmt, 4);
      if (!anju_db_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gint64
anju_application_store_insert (AnjuDb      *db,
                               JsonObject  *record,
                               gint64       org_id,
                               gint64       user_id,
                               gint64       now,
                               GError     **error)
{
  guint n_fields;
  const AnjuAppField *fields = anju_application_fields (&n_fields);
  g_autofree char *application_no = next_application_no (db, now, error);
  g_auto(AnjuStmt) stmt = NULL;
  gint64 id;

  if (application_no == NULL)
    return 0;
  stmt = anju_db_prepare (db, store_sql ()->insert, error);
  if (stmt == NULL)
    return 0;
  anju_db_bind_text (stmt, 1, application_no);
  sqlite3_bind_int64 (stmt, 2, org_id);
  sqlite3_bind_int64 (stmt, 3, user_id);
  sqlite3_bind_int64 (stmt, 4, now);
  anju_app_fields_bind (fields, n_fields, record, stmt, 5);
  if (!anju_db_step_done (db, stmt, error))
    return 0;
  id = anju_db_last_insert_id (db);
  if (!insert_members (db, id, application_no,
                       json_object_get_array_member (record, "members"), error))
    return 0;
  return id;
}

gboolean
anju_application_store_update (AnjuDb      *db,
                               gint64       id,
                               JsonObject  *record,
                               gint64       now,
                               GError     **error)
{
  guint n_fields;
  const AnjuAppField *fields = anju_application_fields (&n_fields);
  g_auto(AnjuStmt) stmt = anju_db_prepare (db, store_sql ()->update, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, now);
  anju_app_fields_bind (fields, n_fields, record, stmt, 3);
  return anju_db_step_done (db, stmt, error)
         && insert_members (db, id, anju_app_record_get_string (record, "application_no"),
                            json_object_get_array_member (record, "members"), error);
}

gboolean
anju_application_store_set_status (AnjuDb      *db,
                                   gint64       id,
                                   const char  *status,
                                   gint64       now,
                                   GError     **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "UPDATE pubrent_applications SET status = ?2,"
                                           " updated_at = ?3 WHERE id = ?1",
                                           error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  anju_db_bind_text (stmt, 2, status);
  sqlite3_bind_int64 (stmt, 3, now);
  return anju_db_step_done (db, stmt, error);
}

gboolean
anju_application_store_submitted (AnjuDb      *db,
                                  gint64       id,
                                  const char  *status,
                                  JsonNode    *prereview,
                                  gint64       user_id,
                                  gint64       now,
                                  GError     **error)
{
  g_autofree char *report = prereview != NULL ? json_to_string (prereview, FALSE) : NULL;
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "UPDATE pubrent_applications SET status = ?2,"
                                           " prereview_json = ?3, submitted_at = ?4,"
                                           " submitted_by = ?5, updated_at = ?4,"
                                           " decided_at = NULL, close_reason = NULL"
                                           " WHERE id = ?1",
                                           error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  anju_db_bind_text (stmt, 2, status);
  anju_db_bind_text (stmt, 3, report);
  sqlite3_bind_int64 (stmt, 4, now);
  sqlite3_bind_int64 (stmt, 5, user_id);
  return anju_db_step_done (db, stmt, error);
}

gboolean
anju_application_store_close (AnjuDb      *db,
                              gint64       id,
                              const char  *reason,
                              gint64       now,
                              GError     **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "UPDATE pubrent_applications SET status = 'closed',"
                                           " close_reason = ?2, decided_at = ?3, updated_at = ?3"
                                           " WHERE id = ?1",
                                           error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  anju_db_bind_text (stmt, 2, reason);
  sqlite3_bind_int64 (stmt, 3, now);
  return anju_db_step_done (db, stmt, error);
}

gboolean
anju_application_store_delete (AnjuDb      *db,
                               gint64       id,
                               GError     **error)
{
  return anju_db_exec_with_id (db, "DELETE FROM pubrent_applications WHERE id = ?1", id, error);
}

gboolean
anju_application_store_log_change (AnjuDb      *db,
                                   gint64       id,
                                   gint64       user_id,
                                   const char  *action,
                                   JsonNode    *before,
                                   JsonNode    *after,
                                   gint64       now,
                                   GError     **error)
{
  g_autofree char *before_json = before != NULL ? json_to_string (before, FALSE) : NULL;
  g_autofree char *after_json = after != NULL ? json_to_string (after, FALSE) : NULL;

  return anju_application_store_log_change_json (db, id, user_id, action, before_json,
                                                 after_json, now, error);
}

gboolean
anju_application_store_log_change_json (AnjuDb      *db,
                                        gint64       id,
                                        gint64       user_id,
                                        const char  *action,
                                        const char  *before_json,
                                        const char  *after_json,
                                        gint64       now,
                                        GError     **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "INSERT INTO pubrent_application_changes"
                                           " (application_id, at, user_id, action, before_json,"
                                           " after_json) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                           error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, now);
  if (user_id != 0)
    sqlite3_bind_int64 (stmt, 3, user_id);
  anju_db_bind_text (stmt, 4, action);
  anju_db_bind_text (stmt, 5, before_json);
  anju_db_bind_text (stmt, 6, after_json);
  return anju_db_step_done (db, stmt, error);
}
