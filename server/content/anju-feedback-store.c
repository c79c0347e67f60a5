/* anju-feedback-store.c: feedback rows and their JSON.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-content-json.h"
#include "anju-feedback-store.h"
#include "anju-json-columns.h"
#include "anju-permissions.h"
#include "anju-stmt.h"

const char * const anju_feedback_types[] = { "function", "service", "technical", "other", NULL };
const char * const anju_feedback_statuses[] = { "open", "replied", NULL };

void
anju_feedback_ref_clear (AnjuFeedbackRef *ref)
{
  g_clear_pointer (&ref->status, g_free);
  g_clear_pointer (&ref->title, g_free);
  g_clear_pointer (&ref->org_path, g_free);
}

void
anju_feedback_bind_reader (sqlite3_stmt     *stmt,
                           const AnjuCaller *caller)
{
  sqlite3_bind_int64 (stmt, 1, caller->user_id);
  sqlite3_bind_int (stmt, 2, anju_caller_has_permission (caller, ANJU_PERM_FEEDBACK_REPLY));
  anju_db_bind_text (stmt, 3, caller->org_path);
}

gboolean
anju_feedback_store_load (AnjuDb          *db,
                          gint64           id,
                          AnjuFeedbackRef *out_ref,
                          GError         **error)
{
  g_auto(AnjuStmt) stmt = NULL;

  stmt = anju_db_prepare (db,
                          "SELECT f.id, f.author_id, f.status, f.title, o.path FROM feedback f"
                          " JOIN organisations o ON o.id = f.org_id WHERE f.id = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!anju_db_step_row (db, stmt, ANJU_ERROR_NOT_FOUND, _("No such feedback"), error))
    return FALSE;

  *out_ref = (AnjuFeedbackRef) {
    .id = sqlite3_column_int64 (stmt, 0),
    .author_id = sqlite3_column_int64 (stmt, 1),
    .status = anju_db_column_dup (stmt, 2),
    .title = anju_db_column_dup (stmt, 3),
    .org_path = anju_db_column_dup (stmt, 4),
  };
  return TRUE;
}

gboolean
anju_feedback_may_read (const AnjuFeedbackRef *ref,
                        const AnjuCaller      *caller)
{
  return ref->author_id == caller->user_id
         || (anju_caller_has_permission (caller, ANJU_PERM_FEEDBACK_REPLY)
             && anju_caller_can_see_org_path (caller, ref->org_path));
}

gint64
anju_feedback_store_insert (AnjuDb     *db,
                            const char *type,
                            const char *title,
                            const char *content,
                            gint64      author_id,
                            gint64      org_id,
                            gint64      now,
                            GError    **error)
{
  g_auto(AnjuStmt) stmt = NULL;

  stmt = anju_db_prepare (db,
                          "INSERT INTO feedback (type, title, content, author_id, org_id,"
                          " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
                          error);
  if (stmt == NULL)
    return 0;
  anju_db_bind_text (stmt, 1, type);
  anju_db_bind_text (stmt, 2, title);
  anju_db_bind_text (stmt, 3, content);
  sqlite3_bind_int64 (stmt, 4, author_id);
  sqlite3_bind_int64 (stmt, 5, org_id);
  sqlite3_bind_int64 (stmt, 6, now);
  if (!anju_db_step_done (db, stmt, error))
    return 0;
  return anju_db_last_insert_id (db);
}

gboolean
anju_feedback_store_update (AnjuDb     *db,
                            gint64      id,
                            const char *type,
                            const char *title,
                            const char *content,
                            gint64      now,
                            GError    **error)
{
  g_auto(AnjuStmt) stmt = NULL;

  stmt = anju_db_prepare (db,
                          "UPDATE feedback SET type = ?2, title = ?3, content = ?4, updated_at = ?5"
                          " WHERE id = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  anju_db_bind_text (stmt, 2, type);
  anju_db_bind_text (stmt, 3, title);
  anju_db_bind_text (stmt, 4, content);
  sqlite3_bind_int64 (stmt, 5, now);
  return anju_db_step_done (db, stmt, error);
}

gboolean
anju_feedback_store_reply (AnjuDb     *db,
                           gint64      id,
                           const char *reply,
                           gint64      replied_by,
                           gint64      now,
                           GError    **error)
{
  g_auto(AnjuStmt) stmt = NULL;

  stmt = anju_db_prepare (db,
                          "UPDATE feedback SET status = 'replied', reply = ?2, replied_by = ?3,"
                          " replied_at = ?4, updated_at = ?4 WHERE id = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  anju_db_bind_text (stmt, 2, reply);
  sqlite3_bind_int64 (stmt, 3, replied_by);
  sqlite3_bind_int64 (stmt, 4, now);
  return anju_db_step_done (db, stmt, error);
}

gboolean
anju_feedback_store_delete (AnjuDb  *db,
                            gint64   id,
                            GError **error)
{
  return anju_db_exec_with_id (db, "DELETE FROM feedback WHERE id = ?1", id, error);
}

JsonNode *
anju_feedback_json_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  anju_json_add_id_column (builder, "id", stmt, 0);
  anju_json_add_text_column (builder, "type", stmt, 1);
  anju_json_add_text_column (builder, "title", stmt, 2);
  anju_json_add_text_column (builder, "content", stmt, 3);
  anju_json_add_text_column (builder, "status", stmt, 4);
  anju_content_json_add_ref (builder, "author", stmt, 5);
  anju_content_json_add_ref (builder, "organisation", stmt, 7);
  anju_json_add_text_column (builder, "reply", stmt, 9);
  anju_content_json_add_ref (builder, "replied_by", stmt, 10);
  anju_json_add_time_column (builder, "replied_at", stmt, 12);
  anju_json_add_time_column (builder, "created_at", stmt, 13);
  anju_json_add_time_column (builder, "updated_at", stmt, 14);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

JsonNode *
anju_feedback_store_to_json (AnjuDb  *db,
                             gint64   id,
                             GError **error)
{
  g_auto(AnjuStmt) stmt = NULL;

  stmt = anju_db_prepare (db, "SELECT " ANJU_FEEDBACK_COLUMNS " FROM " ANJU_FEEDBACK_JOIN
                              " WHERE f.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!anju_db_step_row (db, stmt, ANJU_ERROR_NOT_FOUND, _("No such feedback"), error))
    return NULL;
  return anju_feedback_json_from_row (stmt);
}
