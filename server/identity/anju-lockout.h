/* anju-lockout.h: locking an account after repeated failed sign-ins.
 *
 * lockout_attempts failures within lockout_window_minutes lock the account
 * for lockout_minutes ([security] in anju-server.conf).  The lock is the
 * users.locked_until column; the failures are rows of login_failures.
 * Locking clears the count, so the account gets a fresh set of attempts
 * once the lock runs out.  All times are seconds since the epoch from the
 * server clock.
 */
#pragma once

#include "anju-config.h"
#include "anju-db.h"

G_BEGIN_DECLS

/* Counts one failure; *out_locked_until is set (else 0) when this failure
 * locked the account. */
gboolean anju_lockout_record_failure (AnjuDb            *db,
                                      const AnjuConfig  *config,
                                      gint64             user_id,
                                      gint64             now,
                                      gint64            *out_locked_until,
                                      GError           **error);
/* Forgets the failures and ends any lock (a sign-in, an admin unlock). */
gboolean anju_lockout_clear          (AnjuDb            *db,
                                      gint64             user_id,
                                      GError           **error);

G_END_DECLS
