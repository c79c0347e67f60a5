/* anju-terminal-sweep.c: terminal_offline and peripheral_fault alerts.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-stmt.h"
#include "anju-terminal-alert-store.h"
#include "anju-terminal-sweep.h"
#include "anju-terminals-private.h"
#include "anju-time.h"
#include "anju-transaction.h"

static const AnjuAuditActor server_actor = { .actor = ANJU_AUDIT_SYSTEM_ACTOR };

/* One alert to raise. */
typedef struct
{
  gint64  terminal_id;
  char   *terminal_no;
  char   *terminal_name;
  char   *location;
  char   *peripheral;     /* (nullable): NULL for terminal_offline */
  char   *message;
} Raise;

static void
raise_clear (gpointer data)
{
  Raise *raise = data;

  g_free (raise->terminal_no);
  g_free (raise->terminal_name);
  g_free (raise->location);
  g_free (raise->peripheral);
  g_free (raise->message);
}

/* ---- recovery ---- */

static gboolean
recover_one (const AnjuTerminalSweep  *sweep,
             const AnjuAuditActor     *actor,
             gint64                    alert_id,
             GError                  **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (sweep->db,
                                           "UPDATE terminal_alerts SET recovered_at = ?2,"
                                           " state = CASE WHEN state = 'open' THEN 'recovered'"
                                           "   ELSE state END"
                                           " WHERE id = ?1",
                                           error);
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, alert_id);
  sqlite3_bind_int64 (stmt, 2, sweep->now);
  return (before = anju_terminal_alert_to_json (sweep->db, alert_id, error)) != NULL
         && anju_db_step_done (sweep->db, stmt, error)
         && (after = anju_terminal_alert_to_json (sweep->db, alert_id, error)) != NULL
         && anju_audit_record_as (sweep->db, sweep->audit_key, sweep->now, actor,
                                  "terminal.alert.recover", ANJU_TERMINALS_ALERT_ENTITY,
                                  alert_id, before, after, error);
}

/* The active alerts whose cause is gone, of terminal_id (0: of every
 * terminal), after alert after_id in id order, limit of them (-1: all). */
static GArray *
load_recovered (const AnjuTerminalSweep  *sweep,
                gint64                    terminal_id,
                gint64                    after_id,
                int                       limit,
                GError                  **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_auto(AnjuStmt) stmt = anju_db_prepare (sweep->db,
                                           "SELECT a.id FROM terminal_alerts a"
                                           " JOIN terminals t ON t.id = a.terminal_id"
                                           " LEFT JOIN terminal_peripherals p"
                                           "   ON p.terminal_id = a.terminal_id"
                                           "   AND p.kind = a.peripheral"
                                           " WHERE a.recovered_at IS NULL"
                                           " AND (?1 = 0 OR a.terminal_id = ?1)"
                                           " AND a.id > ?3"
                                           " AND (t.state <> 'enabled'"
                                           "   OR t.credential_hash IS NULL"
                                           "   OR t.credential_revoked_at IS NOT NULL"
                                           "   OR (a.kind = 'terminal_offline'"
                                           "       AND t.last_heartbeat_at >= ?2)"
                                           "   OR (a.kind = 'peripheral_fault'"
                                           "       AND (p.state IS NULL"
                                           "            OR p.state IN ('ok', 'disabled'))))"
                                           " ORDER BY a.id LIMIT ?4",
                                           error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, terminal_id);
  sqlite3_bind_int64 (stmt, 2, sweep->now - sweep->offline_after);
  sqlite3_bind_int64 (stmt, 3, after_id);
  sqlite3_bind_int (stmt, 4, limit);
  if (!anju_db_step_add_ids (sweep->db, stmt, ids, error))
    return NULL;
  return g_steal_pointer (&ids);
}

gboolean
anju_terminal_alerts_recover (const AnjuTerminalSweep  *sweep,
                              const AnjuAuditActor     *actor,
                              gint64                    terminal_id,
                              GError                  **error)
{
  g_autoptr(GArray) ids = load_recovered (sweep, terminal_id, 0, -1, error);

  if (ids == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      if (!recover_one (sweep, actor, g_array_index (ids, gint64, i), error))
        return FALSE;
    }
  return TRUE;
}

/* ---- raising ---- */

static const char *
peripheral_label (const char *kind)
{
  if (g_strcmp0 (kind, "camera") == 0)
    return _("Camera");
  if (g_strcmp0 (kind, "fingerprint") == 0)
    return _("Fingerprint reader");
  if (g_strcmp0 (kind, "id_reader") == 0)
    return _("ID card reader");
  return _("Printer");
}

static char *
offline_message (sqlite3_stmt *stmt,
                 int           column)
{
  g_autofree char *since = NULL;

  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return g_strdup (_("The terminal has not reported since it was registered"));
  since = anju_time_format_display (sqlite3_column_int64 (stmt, column));
  /* Translators: %1$s is a time, "2026-12-09 17:00". */
  return g_strdup_printf (_("The terminal is offline: its last heartbeat was at %1$s"), since);
}

static char *
fault_message (const char *kind,
               const char *state,
               const char *detail)
{
  gboolean missing = g_str_equal (state, "missing");
  const char *label = peripheral_label (kind);

  if (detail == NULL || *detail == '\0')
    /* Translators: %1$s is a peripheral, "Printer". */
    return missing ? g_strdup_printf (_("%1$s is not connected"), label)
                   : g_strdup_printf (_("%1$s is out of order"), label);
  /* Translators: %1$s is a peripheral, "Printer"; %2$s what the terminal
   * said about it, "paper jam". */
  return missing ? g_strdup_printf (_("%1$s is not connected: %2$s"), label, detail)
                 : g_strdup_printf (_("%1$s is out of order: %2$s"), label, detail);
}

/* Runs sql (?1 the offline limit, ?2 and ?3 the cursor, ?4 the page's
 * size) and appends what it finds to raises. */
static gboolean
collect_raises (AnjuDb                         *db,
                const char                     *sql,
                gint64                          limit,
                const AnjuTerminalSweepCursor  *cursor,
                guint                           page_size,
                gboolean                        offline,
                GArray                         *raises,
                GError                        **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, limit);
  anju_db_bind_text (stmt, 2, cursor->after_terminal_no != NULL ? cursor->after_terminal_no : "");
  anju_db_bind_text (stmt, 3, cursor->after_peripheral != NULL ? cursor->after_peripheral : "");
  sqlite3_bind_int (stmt, 4, (int) page_size);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Raise raise = {
        .terminal_id = sqlite3_column_int64 (stmt, 0),
        .terminal_no = anju_db_column_dup (stmt, 1),
        .terminal_name = anju_db_column_dup (stmt, 2),
        .location = anju_db_column_dup (stmt, 3),
      };

      if (offline)
        raise.message = offline_message (stmt, 4);
      else
        {
          raise.peripheral = anju_db_column_dup (stmt, 4);
          raise.message = fault_message (raise.peripheral,
                                         (const char *) sqlite3_column_text (stmt, 5),
                                         (const char *) sqlite3_column_text (stmt, 6));
        }
      g_array_append_val (raises, raise);
    }
  if (rc != SQLITE_DONE)
    {
      anju_db_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

/* One page of the terminals to mark offline, or of the peripherals at
 * fault, after the cursor in terminal number (and peripheral) order. */
static GArray *
load_raises (const AnjuTerminalSweep        *sweep,
             const AnjuTerminalSweepCursor  *cursor,
             guint                           page_size,
             GError                        **error)
{
  g_autoptr(GArray) raises = g_array_new (FALSE, TRUE, sizeof (Raise));
  gint64 limit = sweep->now - sweep->offline_after;
  gboolean offline = cursor->phase == ANJU_TERMINAL_SWEEP_OFFLINE;

  g_array_set_clear_func (raises, raise_clear);
  if (!collect_raises (sweep->db,
                       offline
                       ? "SELECT t.id, t.terminal_no, t.name, t.location, t.last_heartbeat_at"
                         " FROM terminals t"
                         " WHERE t.state = 'enabled' AND t.credential_hash IS NOT NULL"
                         " AND t.credential_revoked_at IS NULL"
                         " AND COALESCE(t.last_heartbeat_at,"
                         "              MAX(t.created_at, t.credential_issued_at)) < ?1"
                         " AND NOT EXISTS (SELECT 1 FROM terminal_alerts a"
                         "   WHERE a.terminal_id = t.id AND a.kind = 'terminal_offline'"
                         "   AND a.recovered_at IS NULL)"
                         " AND t.terminal_no > ?2"
                         " ORDER BY t.terminal_no LIMIT ?4"
                       : "SELECT t.id, t.terminal_no, t.name, t.location, p.kind, p.state,"
                         " p.message"
                         " FROM terminal_peripherals p JOIN terminals t ON t.id = p.terminal_id"
                         " WHERE t.state = 'enabled' AND t.credential_hash IS NOT NULL"
                         " AND t.credential_revoked_at IS NULL"
                         " AND p.state IN ('missing', 'error') AND p.since <= ?1"
                         " AND NOT EXISTS (SELECT 1 FROM terminal_alerts a"
                         "   WHERE a.terminal_id = t.id AND a.kind = 'peripheral_fault'"
                         "   AND a.peripheral = p.kind AND a.recovered_at IS NULL)"
                         " AND (t.terminal_no, p.kind) > (?2, ?3)"
                         " ORDER BY t.terminal_no, p.kind LIMIT ?4",
                       limit, cursor, page_size, offline, raises, error))
    return NULL;
  return g_steal_pointer (&raises);
}

/* Active people holding terminal.device.manage, never service users. */
static GArray *
load_recipients (AnjuDb  *db,
                 GError **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "SELECT DISTINCT u.id FROM users u"
                                           " JOIN user_roles ur ON ur.user_id = u.id"
                                           " JOIN role_permissions rp ON rp.role_id = ur.role_id"
                                           " WHERE rp.permission = ?1 AND u.status = 'active'"
                                           " AND u.is_service = 0 ORDER BY u.id",
                                           error);

  if (stmt == NULL)
    return NULL;
  anju_db_bind_text (stmt, 1, ANJU_TERMINALS_PERM_MANAGE);
  if (!anju_db_step_add_ids (db, stmt, ids, error))
    return NULL;
  return g_steal_pointer (&ids);
}

static gboolean
emit_alert (const AnjuTerminalSweep  *sweep,
            const Raise              *raise,
            GError                  **error)
{
  g_autoptr(JsonObject) variables = json_object_new ();
  g_autoptr(GArray) recipients = NULL;
  AnjuEvent event = {
    .type = ANJU_TERMINALS_EVENT_ALERT,
    .db = sweep->db,
    .at = sweep->now,
    .variables = variables,
    .link_domain = ANJU_TERMINALS_ENTITY,
    .link_record_id = raise->terminal_id,
  };

  if (sweep->events == NULL)
    return TRUE;
  recipients = load_recipients (sweep->db, error);
  if (recipients == NULL)
    return FALSE;
  event.user_ids = (const gint64 *) recipients->data;
  event.n_user_ids = recipients->len;
  json_object_set_string_member (variables, "terminal_no", raise->terminal_no);
  json_object_set_string_member (variables, "terminal_name", raise->terminal_name);
  json_object_set_string_member (variables, "location", raise->location);
  json_object_set_string_member (variables, "message", raise->message);
  return anju_event_bus_emit (sweep->events, &event, error);
}

static gint64
insert_alert (const AnjuTerminalSweep  *sweep,
              const Raise              *raise,
              GError                  **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (sweep->db,
                                           "INSERT INTO terminal_alerts (terminal_id, kind,"
                                           " peripheral, message, raised_at)"
                                           " VALUES (?1, ?2, ?3, ?4, ?5)",
                                           error);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, raise->terminal_id);
  anju_db_bind_text (stmt, 2, raise->peripheral == NULL ? "terminal_offline"
                                                        : "peripheral_fault");
  anju_db_bind_text (stmt, 3, raise->peripheral);
  anju_db_bind_text (stmt, 4, raise->message);
  sqlite3_bind_int64 (stmt, 5, sweep->now);
  if (!anju_db_step_done (sweep->db, stmt, error))
    return 0;
  return anju_db_last_insert_id (sweep->db);
}

static gboolean
raise_one (const AnjuTerminalSweep  *sweep,
           const Raise              *raise,
           GError                  **error)
{
  g_autoptr(JsonNode) after = NULL;
  gint64 id;
  gboolean ok;

  if (!anju_db_begin (sweep->db, error))
    return FALSE;
  id = insert_alert (sweep, raise, error);
  ok = id != 0
       && (after = anju_terminal_alert_to_json (sweep->db, id, error)) != NULL
       && anju_audit_record_as (sweep->db, sweep->audit_key, sweep->now, &server_actor,
                                "terminal.alert.raise", ANJU_TERMINALS_ALERT_ENTITY, id, NULL,
                                after, error)
       && emit_alert (sweep, raise, error);
  return anju_transaction_end (sweep->db, ok, error);
}

/* One recovery in its own transaction: one that fails is logged, and
 * the next run tries again. */
static void
recover_in_transaction (const AnjuTerminalSweep *sweep,
                        gint64                   alert_id)
{
  g_autoptr(GError) error = NULL;

  if (!anju_db_begin (sweep->db, &error)
      || !anju_transaction_end (sweep->db, recover_one (sweep, &server_actor, alert_id, &error),
                                &error))
    g_message ("Terminal alert %" G_GINT64_FORMAT " could not be recovered: %s", alert_id,
               error->message);
}

static gboolean
recover_page (const AnjuTerminalSweep   *sweep,
              AnjuTerminalSweepCursor   *cursor,
              AnjuSweepBatch            *batch,
              gboolean                  *out_phase_over,
              GError                   **error)
{
  g_autoptr(GArray) ids = load_recovered (sweep, 0, cursor->after_alert_id, (int) batch->size,
                                          error);

  if (ids == NULL)
    return FALSE;
  *out_phase_over = ids->len < batch->size;
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      if (!anju_sweep_batch_take (batch))
        {
          *out_phase_over = FALSE;
          break;
        }
      recover_in_transaction (sweep, id);
      cursor->after_alert_id = id;
    }
  return TRUE;
}

static gboolean
raise_page (const AnjuTerminalSweep   *sweep,
            AnjuTerminalSweepCursor   *cursor,
            AnjuSweepBatch            *batch,
            gboolean                  *out_phase_over,
            GError                   **error)
{
  g_autoptr(GArray) raises = load_raises (sweep, cursor, batch->size, error);

  if (raises == NULL)
    return FALSE;
  *out_phase_over = raises->len < batch->size;
  for (guint i = 0; i < raises->len; i++)
    {
      const Raise *raise = &g_array_index (raises, Raise, i);
      g_autoptr(GError) local_error = NULL;

      if (!anju_sweep_batch_take (batch))
        {
          *out_phase_over = FALSE;
          break;
        }
      /* One terminal's trouble must not hide the others': the next run
       * tries again. */
      if (!raise_one (sweep, raise, &local_error))
        g_message ("Alert for terminal %s could not be raised: %s", raise->terminal_no,
                   local_error->message);
      g_free (cursor->after_terminal_no);
      g_free (cursor->after_peripheral);
      cursor->after_terminal_no = g_strdup (raise->terminal_no);
      cursor->after_peripheral = g_strdup (raise->peripheral);
    }
  return TRUE;
}

/* A phase is over: the next starts from its beginning. */
static void
next_phase (AnjuTerminalSweepCursor *cursor)
{
  cursor->phase++;
  g_clear_pointer (&cursor->after_terminal_no, g_free);
  g_clear_pointer (&cursor->after_peripheral, g_free);
}

gboolean
anju_terminal_sweep_batch (const AnjuTerminalSweep  *sweep,
                           AnjuTerminalSweepCursor  *cursor,
                           AnjuSweepBatch           *batch,
                           gboolean                 *out_more,
                           GError                  **error)
{
  /* A phase that ends with room left in the batch hands it on. */
  while (cursor->phase != ANJU_TERMINAL_SWEEP_DONE && batch->taken < batch->size)
    {
      gboolean phase_over = FALSE;
      gboolean ok = cursor->phase == ANJU_TERMINAL_SWEEP_RECOVER
                    ? recover_page (sweep, cursor, batch, &phase_over, error)
                    : raise_page (sweep, cursor, batch, &phase_over, error);

      if (!ok)
        return FALSE;
      if (!phase_over)
        break;
      next_phase (cursor);
    }
  *out_more = cursor->phase != ANJU_TERMINAL_SWEEP_DONE;
  return TRUE;
}

void
anju_terminal_sweep_cursor_clear (AnjuTerminalSweepCursor *cursor)
{
  g_clear_pointer (&cursor->after_terminal_no, g_free);
  g_clear_pointer (&cursor->after_peripheral, g_free);
}
