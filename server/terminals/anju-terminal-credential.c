/* anju-terminal-credential.c: issuing and revoking a terminal's
 * credential (F-TERM-001).
 *
 * The credential is 256 random bits, base64url, shown once in the answer
 * to the issue; the database keeps its SHA-256 (anju-terminal-auth.h).
 * Neither the audit log nor the history ever holds it.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>

#include "anju-json-columns.h"
#include "anju-stmt.h"
#include "anju-terminal-auth.h"
#include "anju-terminals-private.h"
#include "anju-transaction.h"
#include "anju-validation.h"

#define CREDENTIAL_BYTES 32

static char *
credential_new (GError **error)
{
  guint8 raw[CREDENTIAL_BYTES];
  char *credential;

  if (RAND_bytes (raw, sizeof raw) != 1)
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_INTERNAL, "No random bytes for a credential");
      return NULL;
    }
  credential = g_base64_encode (raw, sizeof raw);
  OPENSSL_cleanse (raw, sizeof raw);
  g_strdelimit (credential, "+", '-');
  g_strdelimit (credential, "/", '_');
  *strchrnul (credential, '=') = '\0';
  return credential;
}

static gboolean
store_credential (AnjuDb      *db,
                  gint64       id,
                  const char  *credential,
                  gint64       now,
                  GError     **error)
{
  g_autofree char *hash = anju_terminal_credential_hash (credential);
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "UPDATE terminals SET credential_hash = ?2,"
                                           " credential_issued_at = ?3,"
                                           " credential_revoked_at = NULL, updated_at = ?3"
                                           " WHERE id = ?1",
                                           error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  anju_db_bind_text (stmt, 2, hash);
  sqlite3_bind_int64 (stmt, 3, now);
  return anju_db_step_done (db, stmt, error);
}

static gboolean
write_issue (AnjuRequest  *request,
             gint64        id,
             const char   *credential,
             GError      **error)
{
  AnjuDb *db = anju_request_get_db (request);
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;

  if (!anju_db_begin (db, error))
    return FALSE;
  return anju_transaction_end (
    db,
    (before = _anju_terminals_json_for_history (request, id, error)) != NULL
    && store_credential (db, id, credential, _anju_terminals_now (request), error)
    && (after = _anju_terminals_json_for_history (request, id, error)) != NULL
    && _anju_terminals_record (request, id, "credential.issue", before, after, error),
    error);
}

static JsonNode *
issued_to_json (const char *credential,
                gint64      issued_at)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "credential");
  json_builder_add_string_value (builder, credential);
  anju_json_add_time (builder, "issued_at", issued_at, TRUE);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
handle_issue (AnjuRequest *request)
{
  g_auto(AnjuTerminalRef) terminal = { 0, };
  g_autoptr(GError) error = NULL;
  g_autofree char *credential = NULL;
  gint64 id;

  if (!anju_request_get_path_id (request, "id", &id)
      || !_anju_terminals_load_for_action (request, id, &terminal))
    return;
  credential = credential_new (&error);
  if (credential == NULL || !write_issue (request, id, credential, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  anju_request_reply_json (request, SOUP_STATUS_CREATED,
                           issued_to_json (credential, _anju_terminals_now (request)));
}

static gboolean
write_revoke (AnjuRequest  *request,
              gint64        id,
              GError      **error)
{
  AnjuDb *db = anju_request_get_db (request);
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_auto(AnjuStmt) stmt = NULL;

  if (!anju_db_begin (db, error))
    return FALSE;
  stmt = anju_db_prepare (db,
                          "UPDATE terminals SET credential_revoked_at = ?2, updated_at = ?2"
                          " WHERE id = ?1",
                          error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, _anju_terminals_now (request));
    }
  return anju_transaction_end (
    db,
    stmt != NULL
    && (before = _anju_terminals_json_for_history (request, id, error)) != NULL
    && anju_db_step_done (db, stmt, error)
    && (after = _anju_terminals_json_for_history (request, id, error)) != NULL
    && _anju_terminals_record (request, id, "credential.revoke", before, after, error),
    error);
}

static void
handle_revoke (AnjuRequest *request)
{
  g_auto(AnjuTerminalRef) terminal = { 0, };
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!anju_request_get_path_id (request, "id", &id)
      || !_anju_terminals_load_for_action (request, id, &terminal))
    return;
  if (!terminal.has_credential)
    anju_reply_error_code (request, ANJU_ERROR_CONFLICT,
                           _("This terminal has no active credential"));
  else if (!write_revoke (request, id, &error))
    anju_request_reply_error (request, error);
  else
    anju_request_reply_no_content (request);
}

static const AnjuRoute credential_routes[] = {
  { "POST", "/api/v1/terminals/{id}/credential", ANJU_TERMINALS_PERM_MANAGE,
    ANJU_ROUTE_DEFAULT, handle_issue,
    "Issue the terminal's credential (shown this once), replacing the previous one", NULL,
    "terminals" },
  { "DELETE", "/api/v1/terminals/{id}/credential", ANJU_TERMINALS_PERM_MANAGE,
    ANJU_ROUTE_DEFAULT, handle_revoke,
    "Revoke the terminal's credential: its next request is refused", NULL, "terminals" },
};

const AnjuRoute *
_anju_terminals_credential_routes (guint *n_routes)
{
  *n_routes = G_N_ELEMENTS (credential_routes);
  return credential_routes;
}
