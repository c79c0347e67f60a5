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

static GArray *
load_recovered (const AnjuTerminalSweep  *sweep,
                gint64                    terminal_id,
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
                                           " AND (t.state <> 'enabled'"
                                           "   OR t.credential_hash IS NULL"
                                           "   OR t.credential_revoked_at IS NOT NULL"
                                           "   OR (a.kind = 'terminal_offline'"
                                           "       AND t.last_heartbeat_at >= ?2)"
                                           "   OR (a.kind = 'peripheral_fault'"
                                           "       AND (p.state IS NULL"
                                           "            OR p.state IN ('ok', 'disabled'))))"
                                           " ORDER BY a.id",
                                           error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, terminal_id);
  sqlite3_bind_int64 (stmt, 2, sweep->now - sweep->offline_after);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      anju_db_set_error (sweep->db, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

gboolean
anju_terminal_alerts_recover (const AnjuTerminalSweep  *sweep,
                              const AnjuAuditActor     *actor,
                              gint64                    terminal_id,
                              GError                  **error)
{
  g_autoptr(GArray) ids = load_recovered (sweep, terminal_id, error);

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

static gboolean
collect_raises (AnjuDb      *db,
                const char  *sql,
                gint64       limit,
                gboolean     offline,
                GArray      *raises,
                GError     **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, limit);
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

static GArray *
load_raises (const AnjuTerminalSweep  *sweep,
             GError                  **error)
{
  g_autoptr(GArray) raises = g_array_new (FALSE, TRUE, sizeof (Raise));
  gint64 limit = sweep->now - sweep->offline_after;

  g_array_set_clear_func (raises, raise_clear);
  if (!collect_raises (sweep->db,
                       "SELECT t.id, t.terminal_no, t.name, t.location, t.last_heartbeat_at"
                       " FROM terminals t"
                       " WHERE t.state = 'enabled' AND t.credential_hash IS NOT NULL"
                       " AND t.credential_revoked_at IS NULL"
                       " AND COALESCE(t.last_heartbeat_at,"
                       "              MAX(t.created_at, t.credential_issued_at)) < ?1"
                       " AND NOT EXISTS (SELECT 1 FROM terminal_alerts a"
                       "   WHERE a.terminal_id = t.id AND a.kind = 'terminal_offline'"
                       "   AND a.recovered_at IS NULL)"
                       " ORDER BY t.terminal_no",
                       limit, TRUE, raises, error)
      || !collect_raises (sweep->db,
                          "SELECT t.id, t.terminal_no, t.name, t.location, p.kind, p.state,"
                          " p.message"
                          " FROM terminal_peripherals p JOIN terminals t ON t.id = p.terminal_id"
                          " WHERE t.state = 'enabled' AND t.credential_hash IS NOT NULL"
                          " AND t.credential_revoked_at IS NULL"
                          " AND p.state IN ('missing', 'error') AND p.since <= ?1"
                          " AND NOT EXISTS (SELECT 1 FROM terminal_alerts a"
                          "   WHERE a.terminal_id = t.id AND a.kind = 'peripheral_fault'"
                          "   AND a.peripheral = p.kind AND a.recovered_at IS NULL)"
                          " ORDER BY t.terminal_no, p.kind",
                          limit, FALSE, raises, error))
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
  int rc;

  if (stmt == NULL)
    return NULL;
  anju_db_bind_text (stmt, 1, ANJU_TERMINALS_PERM_MANAGE);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      anju_db_set_error (db, error);
      return NULL;
    }
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

static gboolean
recover_all (const AnjuTerminalSweep  *sweep,
             GError                  **error)
{
  if (!anju_db_begin (sweep->db, error))
    return FALSE;
  return anju_transaction_end (sweep->db,
                               anju_terminal_alerts_recover (sweep, &server_actor, 0, error),
                               error);
}

gboolean
anju_terminal_sweep (const AnjuTerminalSweep  *sweep,
                     guint                    *out_raised,
                     GError                  **error)
{
  g_autoptr(GArray) raises = NULL;
  guint raised = 0;

  if (!recover_all (sweep, error))
    return FALSE;
  raises = load_raises (sweep, error);
  if (raises == NULL)
    return FALSE;
  for (guint i = 0; i < raises->len; i++)
    {
      const Raise *raise = &g_array_index (raises, Raise, i);
      g_autoptr(GError) local_error = NULL;

      if (!raise_one (sweep, raise, &local_error))
        {
          /* One terminal's trouble must not hide the others': the next
           * sweep tries again. */
          g_message ("Alert for terminal %s could not be raised: %s", raise->terminal_no,
                     local_error->message);
          continue;
        }
      raised++;
    }
  if (out_raised != NULL)
    *out_raised = raised;
  return TRUE;
}
