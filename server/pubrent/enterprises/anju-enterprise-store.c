/* anju-enterprise-store.c: operating enterprises in the database.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-enterprise-store.h"
#include "anju-json-columns.h"
#include "anju-mask.h"
#include "anju-stmt.h"

const char * const anju_enterprise_states[] = { "active", "purged", NULL };

void
anju_enterprise_ref_clear (AnjuEnterpriseRef *ref)
{
  g_clear_pointer (&ref->name, g_free);
  g_clear_pointer (&ref->path, g_free);
  g_clear_pointer (&ref->state, g_free);
  g_clear_pointer (&ref->contact_name, g_free);
  g_clear_pointer (&ref->contact_phone, g_free);
  ref->id = 0;
  ref->account_user_id = 0;
}

gboolean
anju_enterprise_store_load (AnjuDb             *db,
                            gint64              id,
                            AnjuEnterpriseRef  *out_ref,
                            GError            **error)
{
  g_auto(AnjuStmt) stmt = NULL;

  stmt = anju_db_prepare (db,
                          "SELECT o.id, o.name, o.path, e.state, e.account_user_id,"
                          " e.contact_name, e.contact_phone"
                          " FROM pubrent_enterprises e JOIN organisations o ON o.id = e.org_id"
                          " WHERE o.id = ?1 AND o.kind = 'enterprise_operating'",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!anju_db_step_row (db, stmt, ANJU_ERROR_NOT_FOUND, _("No such operating enterprise"),
                         error))
    return FALSE;

  out_ref->id = sqlite3_column_int64 (stmt, 0);
  out_ref->name = anju_db_column_dup (stmt, 1);
  out_ref->path = anju_db_column_dup (stmt, 2);
  out_ref->state = anju_db_column_dup (stmt, 3);
  out_ref->account_user_id = sqlite3_column_int64 (stmt, 4);
  out_ref->contact_name = anju_db_column_dup (stmt, 5);
  out_ref->contact_phone = anju_db_column_dup (stmt, 6);
  return TRUE;
}

gboolean
anju_enterprise_store_set_profile (AnjuDb                       *db,
                                   gint64                        id,
                                   const AnjuEnterpriseProfile  *profile,
                                   gint64                        now,
                                   GError                      **error)
{
  g_auto(AnjuStmt) stmt = NULL;

  stmt = anju_db_prepare (db,
                          "UPDATE pubrent_enterprises SET legal_representative = ?2,"
                          " contact_name = ?3, contact_phone = ?4, address = ?5,"
                          " industry = ?6, business_scope = ?7, updated_at = ?8"
                          " WHERE org_id = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  anju_db_bind_text (stmt, 2, profile->legal_representative);
  anju_db_bind_text (stmt, 3, profile->contact_name);
  anju_db_bind_text (stmt, 4, profile->contact_phone);
  anju_db_bind_text (stmt, 5, profile->address);
  anju_db_bind_text (stmt, 6, profile->industry);
  anju_db_bind_text (stmt, 7, profile->business_scope);
  sqlite3_bind_int64 (stmt, 8, now);
  return anju_db_step_done (db, stmt, error);
}

gboolean
anju_enterprise_store_set_account (AnjuDb  *db,
                                   gint64   id,
                                   gint64   user_id,
                                   gint64   now,
                                   GError **error)
{
  g_auto(AnjuStmt) stmt = NULL;

  stmt = anju_db_prepare (db,
                          "UPDATE pubrent_enterprises SET account_user_id = ?2, updated_at = ?3"
                          " WHERE org_id = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, user_id);
  sqlite3_bind_int64 (stmt, 3, now);
  return anju_db_step_done (db, stmt, error);
}

static gboolean
unlink_projects (AnjuDb  *db,
                 gint64   id,
                 gint64   now,
                 GError **error)
{
  g_auto(AnjuStmt) stmt = NULL;

  stmt = anju_db_prepare (db,
                          "UPDATE pubrent_projects SET operator_org_id = NULL, updated_at = ?2"
                          " WHERE operator_org_id = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, now);
  return anju_db_step_done (db, stmt, error);
}

gboolean
anju_enterprise_store_mark_purged (AnjuDb      *db,
                                   gint64       id,
                                   const char  *reason,
                                   gint64       purged_by,
                                   gint64       now,
                                   GError     **error)
{
  g_auto(AnjuStmt) stmt = NULL;

  stmt = anju_db_prepare (db,
                          "UPDATE pubrent_enterprises SET state = 'purged', purge_reason = ?2,"
                          " purged_at = ?3, purged_by = ?4, updated_at = ?3"
                          " WHERE org_id = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  anju_db_bind_text (stmt, 2, reason);
  sqlite3_bind_int64 (stmt, 3, now);
  /* The server itself has no user row. */
  if (purged_by != 0)
    sqlite3_bind_int64 (stmt, 4, purged_by);
  return anju_db_step_done (db, stmt, error) && unlink_projects (db, id, now, error);
}

GArray *
anju_enterprise_store_user_ids (AnjuDb  *db,
                                gint64   id,
                                GError **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_auto(AnjuStmt) stmt = NULL;
  int rc;

  stmt = anju_db_prepare (db, "SELECT id FROM users WHERE org_id = ?1 ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 user_id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, user_id);
    }
  if (rc != SQLITE_DONE)
    {
      anju_db_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static void
add_phone (JsonBuilder  *builder,
           sqlite3_stmt *stmt,
           int           column,
           gboolean      reveal)
{
  const char *phone = (const char *) sqlite3_column_text (stmt, column);
  g_autofree char *masked = NULL;

  json_builder_set_member_name (builder, "contact_phone");
  if (phone == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }
  masked = reveal ? g_strdup (phone) : anju_mask_phone (phone);
  json_builder_add_string_value (builder, masked);
}

/* The account, or null; columns 10 … 13. */
static void
add_account (JsonBuilder  *builder,
             sqlite3_stmt *stmt)
{
  json_builder_set_member_name (builder, "account");
  if (sqlite3_column_type (stmt, 10) == SQLITE_NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }
  json_builder_begin_object (builder);
  anju_json_add_id_column (builder, "id", stmt, 10);
  anju_json_add_text_column (builder, "username", stmt, 11);
  anju_json_add_time_column (builder, "created_at", stmt, 12);
  json_builder_set_member_name (builder, "disabled");
  json_builder_add_boolean_value (builder,
                                  g_strcmp0 ((const char *) sqlite3_column_text (stmt, 13),
                                             "disabled") == 0);
  json_builder_end_object (builder);
}

/* Who purged it ({"id","name"}), or null; columns 17 and 18. */
static void
add_purged_by (JsonBuilder  *builder,
               sqlite3_stmt *stmt)
{
  json_builder_set_member_name (builder, "purged_by");
  if (sqlite3_column_type (stmt, 17) == SQLITE_NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }
  json_builder_begin_object (builder);
  anju_json_add_id_column (builder, "id", stmt, 17);
  anju_json_add_text_column (builder, "name", stmt, 18);
  json_builder_end_object (builder);
}

static void
add_members (JsonBuilder  *builder,
             sqlite3_stmt *stmt,
             gboolean      reveal_phone)
{
  anju_json_add_id_column (builder, "id", stmt, 0);
  anju_json_add_text_column (builder, "name", stmt, 1);
  anju_json_add_text_column (builder, "uscc", stmt, 2);
  anju_json_add_text_column (builder, "legal_representative", stmt, 3);
  anju_json_add_text_column (builder, "contact_name", stmt, 4);
  add_phone (builder, stmt, 5, reveal_phone);
  anju_json_add_text_column (builder, "address", stmt, 6);
  anju_json_add_text_column (builder, "industry", stmt, 7);
  anju_json_add_text_column (builder, "business_scope", stmt, 8);
  anju_json_add_text_column (builder, "state", stmt, 9);
  add_account (builder, stmt);
  json_builder_set_member_name (builder, "project_count");
  json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 14));
  anju_json_add_time_column (builder, "purged_at", stmt, 15);
  anju_json_add_text_column (builder, "purge_reason", stmt, 16);
  add_purged_by (builder, stmt);
  anju_json_add_time_column (builder, "created_at", stmt, 19);
  anju_json_add_time_column (builder, "updated_at", stmt, 20);
}

JsonNode *
anju_enterprise_json_from_row (sqlite3_stmt *stmt,
                               gboolean      reveal_phone)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_members (builder, stmt, reveal_phone);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* The detail's projects: id, project_no, name, status, unit_count. */
static gboolean
add_projects (AnjuDb       *db,
              JsonBuilder  *builder,
              gint64        id,
              GError      **error)
{
  g_auto(AnjuStmt) stmt = NULL;
  int rc;

  stmt = anju_db_prepare (db,
                          "SELECT pp.id, pp.project_no, pp.name, pp.status,"
                          " (SELECT COUNT(*) FROM pubrent_units u WHERE u.project_id = pp.id)"
                          " FROM pubrent_projects pp WHERE pp.operator_org_id = ?1"
                          " ORDER BY pp.project_no",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);

  json_builder_set_member_name (builder, "projects");
  json_builder_begin_array (builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      json_builder_begin_object (builder);
      anju_json_add_id_column (builder, "id", stmt, 0);
      anju_json_add_text_column (builder, "project_no", stmt, 1);
      anju_json_add_text_column (builder, "name", stmt, 2);
      anju_json_add_text_column (builder, "status", stmt, 3);
      json_builder_set_member_name (builder, "unit_count");
      json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 4));
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

JsonNode *
anju_enterprise_store_to_json (AnjuDb    *db,
                               gint64     id,
                               gboolean   reveal_phone,
                               gboolean   with_projects,
                               GError   **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_auto(AnjuStmt) stmt = NULL;

  stmt = anju_db_prepare (db,
                          "SELECT " ANJU_ENTERPRISE_COLUMNS " FROM" ANJU_ENTERPRISE_FROM
                          " WHERE o.id = ?1 AND o.kind = 'enterprise_operating'",
                          error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!anju_db_step_row (db, stmt, ANJU_ERROR_NOT_FOUND, _("No such operating enterprise"),
                         error))
    return NULL;

  json_builder_begin_object (builder);
  add_members (builder, stmt, reveal_phone);
  if (with_projects && !add_projects (db, builder, id, error))
    return NULL;
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
