/* anju-enterprise-purge.c: purging an operating enterprise that exited.
 *
 * Nothing is deleted.  In one transaction: every user of the enterprise's
 * organisation is disabled, loses its roles and its sessions (sign-in is
 * refused as account_disabled from then on); its projects keep their rows
 * but lose the operator link; the enterprise is marked purged with the
 * reason, the time and who did it.  Each user's change and the purge are
 * audited.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-audit.h"
#include "anju-caller.h"
#include "anju-enterprises-private.h"
#include "anju-sessions.h"
#include "anju-transaction.h"
#include "anju-user-json.h"
#include "anju-user-store.h"
#include "anju-validation.h"

const AnjuFieldSpec _anju_enterprises_purge_body[] = {
  { "reason", ANJU_FIELD_STRING, ANJU_FIELD_REQUIRED, NULL, 500,
    "Why the enterprise is purged (it exited, no active projects …)" },
  { NULL }
};

static gboolean
disable_user (AnjuRequest  *request,
              gint64        user_id,
              GError      **error)
{
  AnjuDb *db = anju_request_get_db (request);
  gint64 now = _anju_enterprises_now (request);
  g_autoptr(GArray) no_roles = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;

  return (before = anju_user_json_new (db, user_id, now, FALSE, error)) != NULL
         && anju_user_store_set_status (db, user_id, "disabled", now, error)
         && anju_user_store_set_roles (db, user_id, no_roles, error)
         && anju_sessions_end_for_user (db, user_id, 0, error)
         && (after = anju_user_json_new (db, user_id, now, FALSE, error)) != NULL
         && anju_audit_record (request, NULL, "user.disable", "user", user_id, before, after,
                               error);
}

static gboolean
write_purge (AnjuRequest  *request,
             gint64        id,
             const char   *reason,
             GError      **error)
{
  AnjuDb *db = anju_request_get_db (request);
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(GArray) users = NULL;

  before = _anju_enterprises_json_for_audit (request, id, error);
  users = before != NULL ? anju_enterprise_store_user_ids (db, id, error) : NULL;
  if (users == NULL)
    return FALSE;
  for (guint i = 0; i < users->len; i++)
    if (!disable_user (request, g_array_index (users, gint64, i), error))
      return FALSE;

  return anju_enterprise_store_mark_purged (db, id, reason,
                                            anju_request_get_caller (request)->user_id,
                                            _anju_enterprises_now (request), error)
         && (after = _anju_enterprises_json_for_audit (request, id, error)) != NULL
         && anju_audit_record (request, NULL, "pubrent.enterprise.purge", "pubrent.enterprise",
                               id, before, after, error);
}

void
_anju_enterprises_purge (AnjuRequest *request)
{
  AnjuDb *db = anju_request_get_db (request);
  g_autoptr(GError) error = NULL;
  g_auto(AnjuEnterpriseRef) enterprise = { 0, };
  g_autoptr(JsonNode) reply = NULL;
  g_autofree char *reason = NULL;
  JsonObject *body;
  gint64 id;
  gboolean ok;

  if (!anju_request_get_path_id (request, "id", &id)
      || !_anju_enterprises_load_for_action (request, id, TRUE, &enterprise))
    return;
  body = anju_request_parse_body (request, _anju_enterprises_purge_body, &error);
  if (body == NULL)
    {
      anju_request_reply_error (request, error);
      return;
    }
  reason = anju_body_dup_trimmed (body, "reason");
  if (!anju_check_not_blank (request, "reason", reason))
    {
      anju_reply_validation_failed (request);
      return;
    }
  /* The caller's own organisation would lock the caller out with it. */
  if (anju_request_get_caller (request)->org_id == id)
    {
      anju_reply_error_code (request, ANJU_ERROR_CONFLICT,
                             _("You cannot purge your own organisation"));
      return;
    }

  if (!anju_db_begin (db, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  ok = write_purge (request, id, reason, &error);
  if (!anju_transaction_end (db, ok, &error)
      || (reply = _anju_enterprises_json_for_caller (request, id, TRUE, &error)) == NULL)
    anju_request_reply_error (request, error);
  else
    anju_request_reply_json (request, SOUP_STATUS_OK, g_steal_pointer (&reply));
}
