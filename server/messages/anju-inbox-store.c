/* anju-inbox-store.c: inbox rows. */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-inbox-store.h"
#include "anju-json-columns.h"
#include "anju-stmt.h"

gint64
anju_inbox_insert (AnjuDb                *db,
                   const AnjuInboxEntry  *entry,
                   GError               **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "INSERT INTO messages (user_id, event, title, body,"
                                           " link_domain, link_record_id, link_instance_id,"
                                           " created_at)"
                                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                           error);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, entry->user_id);
  anju_db_bind_text (stmt, 2, entry->event);
  anju_db_bind_text (stmt, 3, entry->title);
  anju_db_bind_text (stmt, 4, entry->body);
  anju_db_bind_text (stmt, 5, entry->link_domain);
  if (entry->link_domain != NULL)
    sqlite3_bind_int64 (stmt, 6, entry->link_record_id);
  if (entry->link_domain != NULL && entry->link_instance_id != 0)
    sqlite3_bind_int64 (stmt, 7, entry->link_instance_id);
  sqlite3_bind_int64 (stmt, 8, entry->created_at);
  if (!anju_db_step_done (db, stmt, error))
    return 0;
  return anju_db_last_insert_id (db);
}

JsonNode *
anju_inbox_message_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  anju_json_add_id_column (builder, "id", stmt, 0);
  anju_json_add_text_column (builder, "event", stmt, 1);
  anju_json_add_text_column (builder, "title", stmt, 2);
  anju_json_add_text_column (builder, "body", stmt, 3);
  anju_json_add_time_column (builder, "created_at", stmt, 4);
  anju_json_add_time_column (builder, "read_at", stmt, 5);
  json_builder_set_member_name (builder, "link");
  if (sqlite3_column_type (stmt, 6) == SQLITE_NULL)
    {
      json_builder_add_null_value (builder);
    }
  else
    {
      json_builder_begin_object (builder);
      anju_json_add_text_column (builder, "domain", stmt, 6);
      anju_json_add_id_column (builder, "record_id", stmt, 7);
      anju_json_add_id_column (builder, "instance_id", stmt, 8);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

JsonNode *
anju_inbox_message_to_json (AnjuDb  *db,
                            gint64   user_id,
                            gint64   id,
                            GError **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "SELECT " ANJU_INBOX_COLUMNS " FROM messages m"
                                           " WHERE m.id = ?1 AND m.user_id = ?2",
                                           error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, user_id);
  if (!anju_db_step_row (db, stmt, ANJU_ERROR_NOT_FOUND, _("No such message"), error))
    return NULL;
  return anju_inbox_message_from_row (stmt);
}

gboolean
anju_inbox_mark_read (AnjuDb  *db,
                      gint64   user_id,
                      gint64   id,
                      gint64   now,
                      GError **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "UPDATE messages SET read_at = coalesce (read_at, ?3)"
                                           " WHERE id = ?1 AND user_id = ?2",
                                           error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, user_id);
  sqlite3_bind_int64 (stmt, 3, now);
  if (!anju_db_step_done (db, stmt, error))
    return FALSE;
  if (sqlite3_changes (anju_db_get_handle (db)) == 0)
    {
      g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_NOT_FOUND, _("No such message"));
      return FALSE;
    }
  return TRUE;
}

gboolean
anju_inbox_mark_all_read (AnjuDb  *db,
                          gint64   user_id,
                          gint64   now,
                          GError **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "UPDATE messages SET read_at = ?2"
                                           " WHERE user_id = ?1 AND read_at IS NULL",
                                           error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, user_id);
  sqlite3_bind_int64 (stmt, 2, now);
  return anju_db_step_done (db, stmt, error);
}

gboolean
anju_inbox_count_unread (AnjuDb  *db,
                         gint64   user_id,
                         gint64  *out_count,
                         GError **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "SELECT COUNT(*) FROM messages"
                                           " WHERE user_id = ?1 AND read_at IS NULL",
                                           error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, user_id);
  return anju_db_step_count (db, stmt, out_count, error);
}
