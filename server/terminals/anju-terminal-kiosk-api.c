/* anju-terminal-kiosk-api.c: the kiosk's own home, banner and heartbeat
 * (docs/api.md "The kiosk's own endpoints").
 *
 * Only a request signed by a terminal gets here with a terminal: a person
 * whose role happens to hold terminal.kiosk.operate is refused (403),
 * since there is no terminal to answer for.
 *
 * Heartbeats are not audited: a terminal sends one a minute, and what
 * they report is kept in terminals and terminal_peripherals; the alerts
 * they clear are (anju-terminal-sweep.h).
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-caller.h"
#include "anju-config.h"
#include "anju-file-store.h"
#include "anju-json-body.h"
#include "anju-json-columns.h"
#include "anju-server.h"
#include "anju-stmt.h"
#include "anju-terminal-layout.h"
#include "anju-terminal-sweep.h"
#include "anju-terminals-private.h"
#include "anju-transaction.h"
#include "anju-validation.h"

#define MAX_VERSION_LENGTH 32
#define MAX_MESSAGE_LENGTH 200

static const char * const peripheral_states[] = { "ok", "missing", "error", "disabled", NULL };

/* The signing terminal; replies 403 (a person) or 404 and returns FALSE. */
static gboolean
load_own_terminal (AnjuRequest     *request,
                   AnjuTerminalRef *out_ref)
{
  AnjuCaller *caller = anju_request_get_caller (request);
  g_autoptr(GError) error = NULL;

  if (caller->terminal_id == 0)
    {
      anju_reply_error_code (request, ANJU_ERROR_FORBIDDEN,
                             _("Only a registered terminal may call this"));
      return FALSE;
    }
  if (!anju_terminal_store_load (anju_request_get_db (request), caller->terminal_id, out_ref,
                                 &error))
    {
      anju_request_reply_error (request, error);
      return FALSE;
    }
  return TRUE;
}

/* The kiosk should beat well within the offline limit. */
static guint
heartbeat_seconds (AnjuRequest *request)
{
  return MAX (10, anju_request_get_config (request)->terminals_offline_after_seconds / 3);
}

static void
add_terminal (JsonBuilder           *builder,
              const AnjuTerminalRef *terminal)
{
  json_builder_set_member_name (builder, "terminal");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, terminal->id);
  json_builder_set_member_name (builder, "sn");
  json_builder_add_string_value (builder, terminal->sn);
  json_builder_set_member_name (builder, "terminal_no");
  json_builder_add_string_value (builder, terminal->terminal_no);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, terminal->name);
  json_builder_set_member_name (builder, "location");
  json_builder_add_string_value (builder, terminal->location);
  json_builder_set_member_name (builder, "org");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, terminal->org_id);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, terminal->org_name);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

static void
handle_home (AnjuRequest *request)
{
  g_auto(AnjuTerminalRef) terminal = { 0, };
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *layout;

  if (!load_own_terminal (request, &terminal))
    return;
  layout = anju_terminal_layout_to_json (anju_request_get_db (request), terminal.id, &error);
  if (layout == NULL)
    {
      anju_request_reply_error (request, error);
      return;
    }
  json_builder_begin_object (builder);
  add_terminal (builder, &terminal);
  json_builder_set_member_name (builder, "layout");
  json_builder_add_value (builder, layout);
  json_builder_set_member_name (builder, "heartbeat_seconds");
  json_builder_add_int_value (builder, heartbeat_seconds (request));
  json_builder_end_object (builder);
  anju_request_reply_json (request, SOUP_STATUS_OK, json_builder_get_root (builder));
}

static void
handle_banner (AnjuRequest *request)
{
  AnjuDb *db = anju_request_get_db (request);
  g_auto(AnjuTerminalRef) terminal = { 0, };
  g_auto(AnjuFileInfo) file = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gint64 file_id = 0;

  if (!load_own_terminal (request, &terminal))
    return;
  if (!anju_terminal_layout_get_banner (db, terminal.id, &file_id, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  if (file_id == 0)
    {
      anju_reply_error_code (request, ANJU_ERROR_NOT_FOUND,
                             _("This terminal's home screen has no banner"));
      return;
    }
  if (!anju_file_store_load (db, file_id, &file, &error)
      || (bytes = anju_file_store_read (db, file_id, &error)) == NULL)
    {
      anju_request_reply_error (request, error);
      return;
    }
  anju_request_reply_file (request, bytes, file.content_type, file.name);
}

/* ---- heartbeat ---- */

typedef struct
{
  const char *kind;
  const char *state;
  const char *message;   /* (nullable) */
} Report;

static gboolean
read_report (JsonNode   *node,
             GHashTable *seen,
             Report     *report)
{
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;
  object = json_node_get_object (node);
  report->kind = json_object_get_string_member_with_default (object, "kind", NULL);
  report->state = json_object_get_string_member_with_default (object, "state", NULL);
  report->message = json_object_get_string_member_with_default (object, "message", NULL);
  if (report->kind == NULL || !g_strv_contains (anju_terminal_peripheral_kinds, report->kind)
      || g_hash_table_contains (seen, report->kind)
      || report->state == NULL || !g_strv_contains (peripheral_states, report->state)
      || (report->message != NULL
          && g_utf8_strlen (report->message, -1) > MAX_MESSAGE_LENGTH))
    return FALSE;
  g_hash_table_add (seen, (gpointer) report->kind);
  return TRUE;
}

/* Adds field errors for a bad body; the reports point into body.  NULL
 * when the body has no "peripherals": what is stored stays as it is. */
static GArray *
read_heartbeat (AnjuRequest  *request,
                JsonObject   *body,
                const char  **out_version)
{
  static const char * const members[] = { "app_version", "peripherals", NULL };
  g_autoptr(GArray) reports = g_array_new (FALSE, TRUE, sizeof (Report));
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonNode *version = json_object_get_member (body, "app_version");
  JsonNode *peripherals = json_object_get_member (body, "peripherals");
  JsonArray *array;

  anju_json_body_check_members (request, body, NULL, members);
  *out_version = NULL;
  if (version != NULL && json_node_get_value_type (version) == G_TYPE_STRING
      && g_utf8_strlen (json_node_get_string (version), -1) <= MAX_VERSION_LENGTH)
    *out_version = json_node_get_string (version);
  else if (version != NULL && !JSON_NODE_HOLDS_NULL (version))
    {
      g_autofree char *why = g_strdup_printf (_("Must be at most %u characters"),
                                              MAX_VERSION_LENGTH);

      anju_request_add_field_error (request, "app_version", why);
    }
  if (peripherals == NULL || JSON_NODE_HOLDS_NULL (peripherals))
    return NULL;
  array = JSON_NODE_HOLDS_ARRAY (peripherals) ? json_node_get_array (peripherals) : NULL;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      Report report = { 0, };

      if (!read_report (json_array_get_element (array, i), seen, &report))
        {
          array = NULL;
          break;
        }
      g_array_append_val (reports, report);
    }
  if (array == NULL)
    anju_request_add_field_error (request, "peripherals",
                                  _("Must list peripherals once each as {\"kind\": camera, "
                                    "fingerprint, id_reader or printer, \"state\": ok, missing, "
                                    "error or disabled, \"message\"}"));
  return g_steal_pointer (&reports);
}

/* since moves only when the state changes: it tells how long a fault
 * has lasted. */
static gboolean
store_report (AnjuDb        *db,
              gint64         terminal_id,
              const Report  *report,
              gint64         now,
              GError       **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "INSERT INTO terminal_peripherals (terminal_id, kind,"
                                           " state, message, since, updated_at)"
                                           " VALUES (?1, ?2, ?3, ?4, ?5, ?5)"
                                           " ON CONFLICT (terminal_id, kind) DO UPDATE SET"
                                           " since = CASE WHEN state = excluded.state"
                                           "   THEN since ELSE excluded.since END,"
                                           " state = excluded.state,"
                                           " message = excluded.message,"
                                           " updated_at = excluded.updated_at",
                                           error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, terminal_id);
  anju_db_bind_text (stmt, 2, report->kind);
  anju_db_bind_text (stmt, 3, report->state);
  anju_db_bind_text (stmt, 4, report->message);
  sqlite3_bind_int64 (stmt, 5, now);
  return anju_db_step_done (db, stmt, error);
}

static gboolean
is_reported (GArray     *reports,
             const char *kind)
{
  for (guint i = 0; i < reports->len; i++)
    {
      if (g_str_equal (g_array_index (reports, Report, i).kind, kind))
        return TRUE;
    }
  return FALSE;
}

/* The report is the terminal's whole set: what it no longer lists is
 * gone (taken out of its configuration, say). */
static gboolean
drop_unreported (AnjuDb  *db,
                 gint64   terminal_id,
                 GArray  *reports,
                 GError **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "DELETE FROM terminal_peripherals"
                                           " WHERE terminal_id = ?1 AND kind = ?2",
                                           error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; anju_terminal_peripheral_kinds[i] != NULL; i++)
    {
      if (is_reported (reports, anju_terminal_peripheral_kinds[i]))
        continue;
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, terminal_id);
      anju_db_bind_text (stmt, 2, anju_terminal_peripheral_kinds[i]);
      if (!anju_db_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
store_heartbeat (AnjuDb      *db,
                 gint64       terminal_id,
                 const char  *version,
                 gint64       now,
                 GError     **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "UPDATE terminals SET last_heartbeat_at = ?2,"
                                           " app_version = COALESCE(?3, app_version)"
                                           " WHERE id = ?1",
                                           error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, terminal_id);
  sqlite3_bind_int64 (stmt, 2, now);
  anju_db_bind_text (stmt, 3, version);
  return anju_db_step_done (db, stmt, error);
}

/* reports (nullable): NULL keeps the stored peripherals. */
static gboolean
write_heartbeat (AnjuRequest  *request,
                 gint64        terminal_id,
                 const char   *version,
                 GArray       *reports,
                 GError      **error)
{
  AnjuDb *db = anju_request_get_db (request);
  AnjuCaller *caller = anju_request_get_caller (request);
  AnjuAuditActor actor = {
    .actor_id = caller->user_id,
    .actor = caller->username,
    .org_id = caller->org_id,
    .org_path = caller->org_path,
    .client_address = anju_request_get_client_address (request),
  };
  AnjuTerminalSweep sweep = {
    .db = db,
    .audit_key = anju_server_get_audit_key (anju_request_get_server (request)),
    .now = _anju_terminals_now (request),
    .offline_after = anju_request_get_config (request)->terminals_offline_after_seconds,
  };
  gboolean ok;

  if (!anju_db_begin (db, error))
    return FALSE;
  ok = store_heartbeat (db, terminal_id, version, sweep.now, error);
  for (guint i = 0; ok && reports != NULL && i < reports->len; i++)
    ok = store_report (db, terminal_id, &g_array_index (reports, Report, i), sweep.now, error);
  ok = ok && (reports == NULL || drop_unreported (db, terminal_id, reports, error))
       && anju_terminal_alerts_recover (&sweep, &actor, terminal_id, error);
  return anju_transaction_end (db, ok, error);
}

static void
handle_heartbeat (AnjuRequest *request)
{
  g_auto(AnjuTerminalRef) terminal = { 0, };
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GArray) reports = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GError) error = NULL;
  const char *version = NULL;

  if (!load_own_terminal (request, &terminal))
    return;
  body = anju_json_body_read (request);
  if (body == NULL)
    return;
  reports = read_heartbeat (request, body, &version);
  if (anju_request_has_field_errors (request))
    {
      anju_reply_validation_failed (request);
      return;
    }
  if (!write_heartbeat (request, terminal.id, version, reports, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  json_builder_begin_object (builder);
  anju_json_add_time (builder, "server_time", _anju_terminals_now (request), TRUE);
  json_builder_end_object (builder);
  anju_request_reply_json (request, SOUP_STATUS_OK, json_builder_get_root (builder));
}

/* For openapi.json only: "peripherals" is a list of objects. */
static const AnjuFieldSpec heartbeat_body[] = {
  { "app_version", ANJU_FIELD_STRING, ANJU_FIELD_NULLABLE, NULL, MAX_VERSION_LENGTH,
    "The kiosk's version" },
  { "peripherals", ANJU_FIELD_OBJECT, ANJU_FIELD_OPTIONAL, NULL, 0,
    "Array of {\"kind\",\"state\",\"message\"}: every peripheral the kiosk has" },
  { NULL }
};

static const AnjuRoute kiosk_routes[] = {
  { "GET", "/api/v1/kiosk/home", ANJU_TERMINALS_PERM_KIOSK, ANJU_ROUTE_DEFAULT, handle_home,
    "The signing terminal, its home screen layout and how often to send heartbeats", NULL,
    "kiosk" },
  { "GET", "/api/v1/kiosk/banner", ANJU_TERMINALS_PERM_KIOSK, ANJU_ROUTE_DEFAULT, handle_banner,
    "The home screen's banner image", NULL, "kiosk" },
  { "POST", "/api/v1/kiosk/heartbeat", ANJU_TERMINALS_PERM_KIOSK, ANJU_ROUTE_DEFAULT,
    handle_heartbeat, "Report the terminal alive with its peripherals' states", heartbeat_body,
    "kiosk" },
};

const AnjuRoute *
_anju_terminals_kiosk_routes (guint *n_routes)
{
  *n_routes = G_N_ELEMENTS (kiosk_routes);
  return kiosk_routes;
}
