/* anju-terminals-demo.c: anju_terminals_populate_demo(), the demo's two
 * street terminals (docs/demo.md "Terminals").
 *
 * Their credentials are fixed so that a demo kiosk can be configured
 * without the desktop: "demo-kiosk-0001" for AJ-KIOSK-0001 (银盆岭街道)
 * and "demo-kiosk-0002" for AJ-KIOSK-0002 (望月湖街道); only their
 * hashes are stored, as for any terminal.  The profiles are data, in
 * Chinese, not user interface.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anju-audit.h"
#include "anju-stmt.h"
#include "anju-terminal-auth.h"
#include "anju-terminal-layout.h"
#include "anju-terminal-service-user.h"
#include "anju-terminal-store.h"
#include "anju-terminals-private.h"
#include "anju-terminals.h"

typedef struct
{
  const char *sn;
  const char *terminal_no;
  const char *name;
  const char *person_in_charge;
  const char *person_phone;
  const char *street;
  const char *location;
  const char *network;
  const char *credential;
} DemoTerminal;

static const DemoTerminal demo_terminals[] = {
  { "AJ-KIOSK-0001", "YPL-01", "银盆岭街道住房保障服务终端", "李娜", "13974810003",
    "银盆岭街道", "银盆岭街道便民服务中心一楼大厅", "YPL-GOV-WIFI", "demo-kiosk-0001" },
  { "AJ-KIOSK-0002", "WYH-01", "望月湖街道住房保障服务终端", "王强", "13974810004",
    "望月湖街道", "望月湖街道便民服务中心一楼大厅", "WYH-GOV-WIFI", "demo-kiosk-0002" },
};

#define DEMO_MODEL "AJ-K200 立式自助终端"
#define DEMO_PERIPHERALS \
  "{\"camera\":{\"enabled\":true,\"model\":\"罗技 C920\"}," \
  "\"fingerprint\":{\"enabled\":true,\"model\":\"中控 ZK4500\"}," \
  "\"id_reader\":{\"enabled\":true,\"model\":\"华视 CVR-100U\"}," \
  "\"printer\":{\"enabled\":true,\"model\":\"惠普 M404dn\"}}"
#define DEMO_TITLE "银盆岭街道住房保障自助服务"

static const AnjuAuditActor system_actor = { .actor = ANJU_AUDIT_SYSTEM_ACTOR };

static gboolean
find_street (AnjuDb      *db,
             const char  *name,
             gint64      *out_id,
             GError     **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "SELECT id FROM organisations"
                                           " WHERE kind = 'street' AND name = ?1",
                                           error);

  if (stmt == NULL)
    return FALSE;
  anju_db_bind_text (stmt, 1, name);
  return anju_db_step_id (db, stmt, out_id, error);
}

static gboolean
find_terminal (AnjuDb      *db,
               const char  *sn,
               gint64      *out_id,
               GError     **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db, "SELECT id FROM terminals WHERE sn = ?1", error);

  if (stmt == NULL)
    return FALSE;
  anju_db_bind_text (stmt, 1, sn);
  return anju_db_step_id (db, stmt, out_id, error);
}

static gint64
insert_terminal (AnjuDb              *db,
                 const DemoTerminal  *demo,
                 gint64               org_id,
                 gint64               user_id,
                 gint64               now,
                 GError             **error)
{
  g_autofree char *hash = anju_terminal_credential_hash (demo->credential);
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "INSERT INTO terminals (sn, terminal_no, name,"
                                           " person_in_charge, person_phone, org_id, location,"
                                           " network, model, peripherals, service_user_id,"
                                           " credential_hash, credential_issued_at,"
                                           " created_at, updated_at)"
                                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
                                           " ?11, ?12, ?13, ?13, ?13)",
                                           error);

  if (stmt == NULL)
    return 0;
  anju_db_bind_text (stmt, 1, demo->sn);
  anju_db_bind_text (stmt, 2, demo->terminal_no);
  anju_db_bind_text (stmt, 3, demo->name);
  anju_db_bind_text (stmt, 4, demo->person_in_charge);
  anju_db_bind_text (stmt, 5, demo->person_phone);
  sqlite3_bind_int64 (stmt, 6, org_id);
  anju_db_bind_text (stmt, 7, demo->location);
  anju_db_bind_text (stmt, 8, demo->network);
  anju_db_bind_text (stmt, 9, DEMO_MODEL);
  anju_db_bind_text (stmt, 10, DEMO_PERIPHERALS);
  sqlite3_bind_int64 (stmt, 11, user_id);
  anju_db_bind_text (stmt, 12, hash);
  sqlite3_bind_int64 (stmt, 13, now);
  if (!anju_db_step_done (db, stmt, error))
    return 0;
  return anju_db_last_insert_id (db);
}

/* Registration, history row and audit row, as the API would write them. */
static gboolean
add_terminal (AnjuDb              *db,
              GBytes              *audit_key,
              const DemoTerminal  *demo,
              gint64               now,
              gint64              *out_id,
              GError             **error)
{
  AnjuTerminalJsonOptions options = { .now = now };
  g_autoptr(JsonNode) after = NULL;
  gint64 org_id = 0;
  gint64 user_id;

  *out_id = 0;
  if (!find_street (db, demo->street, &org_id, error) || !find_terminal (db, demo->sn, out_id,
                                                                         error))
    return FALSE;
  /* A demo without the street has no place for it; a second run keeps
   * what the first made. */
  if (org_id == 0 || *out_id != 0)
    {
      *out_id = 0;
      return TRUE;
    }
  user_id = anju_terminal_service_user_create (db, demo->terminal_no, demo->name, org_id, now,
                                               error);
  *out_id = user_id != 0 ? insert_terminal (db, demo, org_id, user_id, now, error) : 0;
  return *out_id != 0
         && (after = anju_terminal_store_to_json (db, *out_id, &options, error)) != NULL
         && anju_terminal_store_add_change (db, *out_id, "create", now, 0,
                                            ANJU_AUDIT_SYSTEM_ACTOR, NULL, after, error)
         && anju_audit_record_as (db, audit_key, now, &system_actor, "terminal.create",
                                  ANJU_TERMINALS_ENTITY, *out_id, NULL, after, error);
}

/* All seven modules in the default order, no banner. */
static gboolean
add_layout (AnjuDb   *db,
            GBytes   *audit_key,
            gint64    terminal_id,
            gint64    now,
            GError  **error)
{
  g_autoptr(JsonArray) modules = json_array_new ();
  g_autoptr(JsonNode) after = NULL;

  for (guint i = 0; anju_terminal_layout_modules[i].key != NULL; i++)
    {
      JsonObject *module = json_object_new ();

      json_object_set_string_member (module, "key", anju_terminal_layout_modules[i].key);
      json_object_set_boolean_member (module, "enabled", TRUE);
      json_array_add_object_element (modules, module);
    }
  return anju_terminal_layout_save (db, terminal_id, DEMO_TITLE, modules, 0, "standard", 0, now,
                                    error)
         && (after = anju_terminal_layout_to_json (db, terminal_id, error)) != NULL
         && anju_terminal_store_add_change (db, terminal_id, "layout.update", now, 0,
                                            ANJU_AUDIT_SYSTEM_ACTOR, NULL, after, error)
         && anju_audit_record_as (db, audit_key, now, &system_actor, "terminal.layout.update",
                                  ANJU_TERMINALS_ENTITY, terminal_id, NULL, after, error);
}

gboolean
anju_terminals_populate_demo (AnjuDb  *db,
                              GBytes  *audit_key,
                              gint64   now,
                              GError **error)
{
  gint64 first = 0;
  gint64 second = 0;

  g_return_val_if_fail (ANJU_IS_DB (db), FALSE);

  return add_terminal (db, audit_key, &demo_terminals[0], now, &first, error)
         && add_terminal (db, audit_key, &demo_terminals[1], now, &second, error)
         && (first == 0 || add_layout (db, audit_key, first, now, error));
}
