/* anju-terminal-auth.c: the "Terminal" Authorization scheme.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <openssl/crypto.h>

#include "anju-sessions.h"
#include "anju-stmt.h"
#include "anju-terminal-auth.h"

typedef struct
{
  gint64    id;
  char     *state;
  gint64    service_user_id;
  char     *credential_hash;  /* (nullable) none issued yet */
  gboolean  revoked;          /* the hash is kept to tell "revoked" from "wrong" */
} SignedTerminal;

static void
signed_terminal_clear (SignedTerminal *terminal)
{
  g_clear_pointer (&terminal->state, g_free);
  g_clear_pointer (&terminal->credential_hash, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SignedTerminal, signed_terminal_clear)

static void
set_not_registered (GError **error)
{
  g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_UNAUTHORIZED,
                       _("This terminal is not registered or its credential is wrong"));
}

char *
anju_terminal_credential_hash (const char *credential)
{
  g_return_val_if_fail (credential != NULL, NULL);

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, credential, -1);
}

/* Fills terminal and returns TRUE when sn is registered; FALSE with no
 * error when it is not. */
static gboolean
load_signed_terminal (AnjuDb          *db,
                      const char      *sn,
                      SignedTerminal  *terminal,
                      GError         **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "SELECT id, state, service_user_id, credential_hash,"
                                           " credential_revoked_at IS NOT NULL"
                                           " FROM terminals WHERE sn = ?1",
                                           error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  anju_db_bind_text (stmt, 1, sn);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return FALSE;
  if (rc != SQLITE_ROW)
    {
      anju_db_set_error (db, error);
      return FALSE;
    }
  terminal->id = sqlite3_column_int64 (stmt, 0);
  terminal->state = anju_db_column_dup (stmt, 1);
  terminal->service_user_id = sqlite3_column_int64 (stmt, 2);
  terminal->credential_hash = anju_db_column_dup (stmt, 3);
  terminal->revoked = sqlite3_column_int (stmt, 4) != 0;
  return TRUE;
}

/* Constant time over the digests, so the answer's timing does not tell
 * how much of a guess was right. */
static gboolean
credential_matches (const SignedTerminal *terminal,
                    const char           *credential)
{
  g_autofree char *presented = anju_terminal_credential_hash (credential);

  if (terminal->credential_hash == NULL
      || strlen (terminal->credential_hash) != strlen (presented))
    return FALSE;
  return CRYPTO_memcmp (terminal->credential_hash, presented, strlen (presented)) == 0;
}

AnjuCaller *
anju_terminal_authenticate (AnjuRequest  *request,
                            const char   *sn_and_credential,
                            GError      **error)
{
  AnjuDb *db = anju_request_get_db (request);
  g_auto(SignedTerminal) terminal = { 0, };
  g_autofree char *sn = NULL;
  g_autoptr(GError) local_error = NULL;
  AnjuCaller *caller;
  const char *colon;

  g_return_val_if_fail (sn_and_credential != NULL, NULL);

  colon = strchr (sn_and_credential, ':');
  if (colon == NULL || colon == sn_and_credential || colon[1] == '\0')
    {
      set_not_registered (error);
      return NULL;
    }
  sn = g_strndup (sn_and_credential, colon - sn_and_credential);

  if (!load_signed_terminal (db, sn, &terminal, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        set_not_registered (error);
      return NULL;
    }
  if (!credential_matches (&terminal, colon + 1))
    {
      set_not_registered (error);
      return NULL;
    }
  if (terminal.revoked)
    {
      g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_UNAUTHORIZED,
                           _("This terminal's credential has been revoked"));
      return NULL;
    }
  if (!g_str_equal (terminal.state, "enabled"))
    {
      g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_FORBIDDEN,
                           _("This terminal is disabled"));
      return NULL;
    }

  caller = anju_sessions_load_caller (db, terminal.service_user_id, 0, 0, error);
  if (caller != NULL)
    caller->terminal_id = terminal.id;
  return caller;
}
