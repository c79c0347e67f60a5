/* anju-terminal-service-user.c: terminals' service users.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anju-stmt.h"
#include "anju-terminal-service-user.h"
#include "anju-user-store.h"

/* Not of the "pbkdf2-sm3$…" form: no password can ever match it. */
#define UNUSABLE_PASSWORD_HASH "!terminal"

char *
anju_terminal_service_username (const char *terminal_no)
{
  return g_strconcat ("terminal-", terminal_no, NULL);
}

static gboolean
mark_service (AnjuDb  *db,
              gint64   user_id,
              GError **error)
{
  return anju_db_exec_with_id (db, "UPDATE users SET is_service = 1 WHERE id = ?1", user_id,
                               error)
         && anju_db_exec_with_id (db,
                                  "INSERT INTO user_roles (user_id, role_id)"
                                  " SELECT ?1, id FROM roles WHERE code = 'terminal'",
                                  user_id, error);
}

gint64
anju_terminal_service_user_create (AnjuDb      *db,
                                   const char  *terminal_no,
                                   const char  *name,
                                   gint64       org_id,
                                   gint64       now,
                                   GError     **error)
{
  g_autofree char *username = anju_terminal_service_username (terminal_no);
  AnjuNewUser user = {
    .username = username,
    .name = name,
    .org_id = org_id,
    .password_hash = UNUSABLE_PASSWORD_HASH,
    .must_change_password = FALSE,
  };
  gint64 id = anju_user_store_insert (db, &user, now, error);

  if (id == 0 || !mark_service (db, id, error))
    return 0;
  return id;
}

gboolean
anju_terminal_service_user_update (AnjuDb      *db,
                                   gint64       user_id,
                                   const char  *terminal_no,
                                   const char  *name,
                                   gint64       org_id,
                                   gint64       now,
                                   GError     **error)
{
  g_autofree char *username = anju_terminal_service_username (terminal_no);
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "UPDATE users SET username = ?2, name = ?3,"
                                           " org_id = ?4, updated_at = ?5"
                                           " WHERE id = ?1 AND is_service = 1",
                                           error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, user_id);
  anju_db_bind_text (stmt, 2, username);
  anju_db_bind_text (stmt, 3, name);
  sqlite3_bind_int64 (stmt, 4, org_id);
  sqlite3_bind_int64 (stmt, 5, now);
  return anju_db_step_done (db, stmt, error);
}

gboolean
anju_terminal_service_user_disable (AnjuDb  *db,
                                    gint64   user_id,
                                    gint64   now,
                                    GError **error)
{
  return anju_user_store_set_status (db, user_id, "disabled", now, error);
}
