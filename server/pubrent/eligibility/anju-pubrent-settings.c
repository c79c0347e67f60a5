/* anju-pubrent-settings.c: reading the business settings.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-pubrent-settings.h"
#include "anju-stmt.h"

gboolean
anju_pubrent_settings_get (AnjuDb      *db,
                           const char  *key,
                           gint64      *out_value,
                           GError     **error)
{
  g_auto(AnjuStmt) stmt = NULL;

  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (out_value != NULL, FALSE);

  stmt = anju_db_prepare (db, "SELECT value FROM pubrent_settings WHERE key = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (!anju_db_step_row (db, stmt, ANJU_ERROR_NOT_FOUND,
                         _("No such public rental housing setting"), error))
    return FALSE;

  *out_value = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}
