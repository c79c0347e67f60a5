/* anju-sms-outbox.c: rows of sms_outbox. */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-json-columns.h"
#include "anju-mask.h"
#include "anju-sms-outbox.h"
#include "anju-sms-schedule.h"
#include "anju-stmt.h"

/* Erases a secret row's text in the same UPDATE that ends the row. */
#define ERASE_SECRET_TEXT "text = CASE WHEN secret THEN '" ANJU_SMS_ERASED_TEXT "' ELSE text END"

void
anju_sms_due_free (AnjuSmsDue *due)
{
  if (due == NULL)
    return;
  g_free (due->phone);
  g_free (due->text);
  g_free (due->quiet_start);
  g_free (due->quiet_end);
  g_free (due);
}

gint64
anju_sms_outbox_insert (AnjuDb            *db,
                        const AnjuSmsNew  *row,
                        GError           **error)
{
  gboolean disabled = row->disabled_reason != NULL;
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "INSERT INTO sms_outbox (event, user_id, phone, text,"
                                           " secret, status, next_attempt_at, last_error,"
                                           " created_at)"
                                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                                           error);

  if (stmt == NULL)
    return 0;
  anju_db_bind_text (stmt, 1, row->event);
  if (row->user_id != 0)
    sqlite3_bind_int64 (stmt, 2, row->user_id);
  anju_db_bind_text (stmt, 3, row->phone);
  /* A disabled row is final: a password never waits in it. */
  anju_db_bind_text (stmt, 4, disabled && row->secret ? ANJU_SMS_ERASED_TEXT : row->text);
  sqlite3_bind_int (stmt, 5, row->secret);
  anju_db_bind_text (stmt, 6, disabled ? "disabled" : "pending");
  sqlite3_bind_int64 (stmt, 7, row->next_attempt_at);
  anju_db_bind_text (stmt, 8, row->disabled_reason);
  sqlite3_bind_int64 (stmt, 9, row->created_at);
  if (!anju_db_step_done (db, stmt, error))
    return 0;
  return anju_db_last_insert_id (db);
}

GPtrArray *
anju_sms_outbox_list_due (AnjuDb  *db,
                          gint64   now,
                          guint    limit,
                          GError **error)
{
  g_autoptr(GPtrArray) due = g_ptr_array_new_with_free_func ((GDestroyNotify) anju_sms_due_free);
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "SELECT s.id, s.phone, s.text, p.quiet_start, p.quiet_end"
                                           " FROM sms_outbox s"
                                           " LEFT JOIN push_strategies p ON p.event = s.event"
                                           " WHERE s.status IN ('pending', 'deferred')"
                                           " AND s.next_attempt_at <= ?1"
                                           " ORDER BY s.next_attempt_at, s.id LIMIT ?2",
                                           error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, now);
  sqlite3_bind_int64 (stmt, 2, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AnjuSmsDue *row = g_new0 (AnjuSmsDue, 1);

      row->id = sqlite3_column_int64 (stmt, 0);
      row->phone = anju_db_column_dup (stmt, 1);
      row->text = anju_db_column_dup (stmt, 2);
      row->quiet_start = anju_db_column_dup (stmt, 3);
      row->quiet_end = anju_db_column_dup (stmt, 4);
      g_ptr_array_add (due, row);
    }
  if (rc != SQLITE_DONE)
    {
      anju_db_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&due);
}

gboolean
anju_sms_outbox_postpone (AnjuDb  *db,
                          gint64   id,
                          gint64   at,
                          GError **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "UPDATE sms_outbox SET next_attempt_at = ?2"
                                           " WHERE id = ?1",
                                           error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, at);
  return anju_db_step_done (db, stmt, error);
}

gboolean
anju_sms_outbox_mark_sending (AnjuDb  *db,
                              gint64   id,
                              GError **error)
{
  return anju_db_exec_with_id (db,
                               "UPDATE sms_outbox SET status = 'sending', attempts = attempts + 1"
                               " WHERE id = ?1 AND status IN ('pending', 'deferred')",
                               id, error);
}

gboolean
anju_sms_outbox_mark_sent (AnjuDb      *db,
                           gint64       id,
                           const char  *provider_id,
                           gint64       now,
                           GError     **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "UPDATE sms_outbox SET status = 'sent', sent_at = ?2,"
                                           " provider_id = ?3, last_error = NULL, "
                                           ERASE_SECRET_TEXT
                                           " WHERE id = ?1 AND status = 'sending'",
                                           error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, now);
  anju_db_bind_text (stmt, 3, provider_id);
  return anju_db_step_done (db, stmt, error);
}

gboolean
anju_sms_outbox_mark_failed (AnjuDb      *db,
                             gint64       id,
                             const char  *reason,
                             gint64       now,
                             guint        max_attempts,
                             guint        retry_base_seconds,
                             GError     **error)
{
  g_auto(AnjuStmt) read = anju_db_prepare (db,
                                           "SELECT attempts FROM sms_outbox"
                                           " WHERE id = ?1 AND status = 'sending'",
                                           error);
  g_auto(AnjuStmt) write = NULL;
  gint64 attempts = 0;
  gboolean final;

  if (read == NULL)
    return FALSE;
  sqlite3_bind_int64 (read, 1, id);
  if (!anju_db_step_id (db, read, &attempts, error))
    return FALSE;
  if (attempts == 0)
    return TRUE;    /* not sending any more: resent or ended meanwhile */

  final = attempts >= max_attempts;
  write = anju_db_prepare (db,
                           final
                           ? "UPDATE sms_outbox SET status = 'failed', last_error = ?2, "
                             ERASE_SECRET_TEXT " WHERE id = ?1"
                           : "UPDATE sms_outbox SET status = 'pending', last_error = ?2,"
                             " next_attempt_at = ?3 WHERE id = ?1",
                           error);
  if (write == NULL)
    return FALSE;
  sqlite3_bind_int64 (write, 1, id);
  anju_db_bind_text (write, 2, reason);
  if (!final)
    sqlite3_bind_int64 (write, 3, anju_sms_retry_at (now, retry_base_seconds, (guint) attempts));
  return anju_db_step_done (db, write, error);
}

gboolean
anju_sms_outbox_defer_due (AnjuDb  *db,
                           gint64   now,
                           gint64   until,
                           GError **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "UPDATE sms_outbox"
                                           " SET status = 'deferred', next_attempt_at = ?2"
                                           " WHERE status IN ('pending', 'deferred')"
                                           " AND next_attempt_at <= ?1",
                                           error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, now);
  sqlite3_bind_int64 (stmt, 2, until);
  return anju_db_step_done (db, stmt, error);
}

gboolean
anju_sms_outbox_recover (AnjuDb  *db,
                         GError **error)
{
  return anju_db_exec (db, "UPDATE sms_outbox SET status = 'pending' WHERE status = 'sending'",
                       error);
}

static gboolean
count_one (AnjuDb      *db,
           const char  *sql,
           gint64       day_start,
           gint64      *out_count,
           GError     **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_bind_parameter_count (stmt) > 0)
    {
      sqlite3_bind_int64 (stmt, 1, day_start);
      sqlite3_bind_int64 (stmt, 2, anju_sms_next_day_start (day_start));
    }
  return anju_db_step_count (db, stmt, out_count, error);
}

gboolean
anju_sms_outbox_count (AnjuDb         *db,
                       gint64          day_start,
                       AnjuSmsCounts  *out_counts,
                       GError        **error)
{
  /* Each count rides an index: the outbox grows by millions a year. */
  return count_one (db, "SELECT COUNT(*) FROM sms_outbox WHERE sent_at >= ?1 AND sent_at < ?2",
                    day_start, &out_counts->sent_today, error)
         && count_one (db, "SELECT COUNT(*) FROM sms_outbox WHERE status = 'sending'",
                       day_start, &out_counts->sending, error)
         && count_one (db, "SELECT COUNT(*) FROM sms_outbox WHERE status IN ('pending', 'sending')",
                       day_start, &out_counts->pending, error)
         && count_one (db, "SELECT COUNT(*) FROM sms_outbox WHERE status = 'failed'",
                       day_start, &out_counts->failed, error);
}

gboolean
anju_sms_outbox_resend (AnjuDb  *db,
                        gint64   id,
                        gint64   now,
                        GError **error)
{
  g_auto(AnjuStmt) read = anju_db_prepare (db,
                                           "SELECT status, secret, text FROM sms_outbox"
                                           " WHERE id = ?1",
                                           error);
  g_auto(AnjuStmt) write = NULL;
  const char *status;

  if (read == NULL)
    return FALSE;
  sqlite3_bind_int64 (read, 1, id);
  if (!anju_db_step_row (db, read, ANJU_ERROR_NOT_FOUND, _("No such text message"), error))
    return FALSE;

  status = (const char *) sqlite3_column_text (read, 0);
  if (!g_str_equal (status, "failed") && !g_str_equal (status, "deferred")
      && !g_str_equal (status, "disabled"))
    {
      g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_CONFLICT,
                           _("Only failed, deferred or disabled text messages can be sent again"));
      return FALSE;
    }
  if (sqlite3_column_int (read, 1) != 0
      && g_str_equal ((const char *) sqlite3_column_text (read, 2), ANJU_SMS_ERASED_TEXT))
    {
      g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_CONFLICT,
                           _("This text held a password and was erased; reset the account's "
                             "password to send a new one"));
      return FALSE;
    }

  write = anju_db_prepare (db,
                           "UPDATE sms_outbox SET status = 'pending', attempts = 0,"
                           " next_attempt_at = ?2, last_error = NULL WHERE id = ?1",
                           error);
  if (write == NULL)
    return FALSE;
  sqlite3_bind_int64 (write, 1, id);
  sqlite3_bind_int64 (write, 2, now);
  return anju_db_step_done (db, write, error);
}

JsonNode *
anju_sms_record_from_row (sqlite3_stmt *stmt,
                          gboolean      show_phone)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  const char *phone = (const char *) sqlite3_column_text (stmt, 2);
  const char *status = (const char *) sqlite3_column_text (stmt, 5);
  g_autofree char *masked = show_phone ? g_strdup (phone) : anju_mask_phone (phone);
  gboolean waiting = g_str_equal (status, "pending") || g_str_equal (status, "deferred")
                     || g_str_equal (status, "sending");

  json_builder_begin_object (builder);
  anju_json_add_id_column (builder, "id", stmt, 0);
  anju_json_add_text_column (builder, "event", stmt, 1);
  json_builder_set_member_name (builder, "phone");
  json_builder_add_string_value (builder, masked);
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, sqlite3_column_int (stmt, 4) != 0
                                          ? ANJU_SMS_ERASED_TEXT
                                          : (const char *) sqlite3_column_text (stmt, 3));
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, status);
  json_builder_set_member_name (builder, "attempts");
  json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 6));
  anju_json_add_time (builder, "next_attempt_at", sqlite3_column_int64 (stmt, 7), waiting);
  anju_json_add_text_column (builder, "last_error", stmt, 8);
  anju_json_add_time_column (builder, "created_at", stmt, 9);
  anju_json_add_time_column (builder, "sent_at", stmt, 10);
  anju_json_add_text_column (builder, "provider_id", stmt, 11);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

JsonNode *
anju_sms_record_to_json (AnjuDb    *db,
                         gint64     id,
                         gboolean   show_phone,
                         GError   **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "SELECT " ANJU_SMS_COLUMNS " FROM sms_outbox s"
                                           " WHERE s.id = ?1",
                                           error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!anju_db_step_row (db, stmt, ANJU_ERROR_NOT_FOUND, _("No such text message"), error))
    return NULL;
  return anju_sms_record_from_row (stmt, show_phone);
}
