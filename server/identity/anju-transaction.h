/* anju-transaction.h: ending a write transaction in one place.
 *
 *   if (!anju_db_begin (db, &error))
 *     …;
 *   ok = write_a (…, &error) && write_b (…, &error) && anju_audit_record (…);
 *   if (!anju_transaction_end (db, ok, &error))
 *     reply the error;
 *
 * Commits when every step worked, rolls back otherwise (also when the
 * commit itself fails), so a failed request leaves nothing behind.
 */
#pragma once

#include "anju-db.h"

G_BEGIN_DECLS

static inline gboolean
anju_transaction_end (AnjuDb    *db,
                      gboolean   ok,
                      GError   **error)
{
  if (ok && anju_db_commit (db, error))
    return TRUE;
  anju_db_rollback (db);
  return FALSE;
}

G_END_DECLS
