/* anju-enterprises-demo.c: anju_enterprises_populate_demo(), the demo's
 * operating enterprise (docs/demo.md).
 *
 * The profile is data, in Chinese, not user interface.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anju-audit.h"
#include "anju-enterprise-store.h"
#include "anju-enterprises.h"
#include "anju-stmt.h"
#include "anju-user-store.h"

#define DEMO_ENTERPRISE "湘江新区安居运营有限公司"
#define DEMO_ACCOUNT    "enterprise"

/* The account's phone is the contact's, as for accounts the API opens. */
static const AnjuEnterpriseProfile demo_profile = {
  .legal_representative = "杨立新",
  .contact_name = "陈刚",
  .contact_phone = "18673110006",
  .address = "长沙市岳麓区麓谷大道658号",
  .industry = "房地产业（住房租赁）",
  .business_scope = "保障性租赁住房和公共租赁住房的运营管理、房屋租赁、物业服务",
};

static gboolean
find_demo_enterprise (AnjuDb  *db,
                      gint64  *out_id,
                      GError **error)
{
  g_auto(AnjuStmt) stmt = NULL;

  stmt = anju_db_prepare (db,
                          "SELECT id FROM organisations"
                          " WHERE kind = 'enterprise_operating' AND name = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;
  anju_db_bind_text (stmt, 1, DEMO_ENTERPRISE);
  return anju_db_step_id (db, stmt, out_id, error);
}

gboolean
anju_enterprises_populate_demo (AnjuDb  *db,
                                GBytes  *audit_key,
                                gint64   now,
                                GError **error)
{
  static const AnjuAuditActor system_actor = { .actor = ANJU_AUDIT_SYSTEM_ACTOR };
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  gint64 id = 0;
  gint64 account = 0;

  if (!find_demo_enterprise (db, &id, error)
      || !anju_user_store_find_username (db, DEMO_ACCOUNT, &account, error))
    return FALSE;
  /* A demo without its enterprise or account has nothing to profile. */
  if (id == 0 || account == 0)
    return TRUE;

  return (before = anju_enterprise_store_to_json (db, id, FALSE, FALSE, error)) != NULL
         && anju_enterprise_store_set_profile (db, id, &demo_profile, now, error)
         && anju_enterprise_store_set_account (db, id, account, now, error)
         && (after = anju_enterprise_store_to_json (db, id, FALSE, FALSE, error)) != NULL
         && anju_audit_record_as (db, audit_key, now, &system_actor, "pubrent.enterprise.update",
                                  "pubrent.enterprise", id, before, after, error);
}
