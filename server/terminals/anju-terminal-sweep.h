/* anju-terminal-sweep.h: raising and clearing terminal alerts (F-TERM-003).
 *
 * The sweep raises terminal_offline for an enabled terminal with an
 * active credential whose last heartbeat (or, before the first one, the
 * later of its registration and its credential's issue) is older than
 * offline_after, and peripheral_fault for a peripheral whose reported
 * state has been "missing" or "error" for at least offline_after.  There
 * is at most one active alert per terminal and peripheral (a unique index
 * says so too).  Raising one emits "terminal.alert" to every active user
 * holding terminal.device.manage, in the same transaction.
 *
 * An active alert whose cause is gone (a heartbeat came, the peripheral
 * reports ok or disabled, the terminal was disabled or lost its
 * credential) is marked recovered: by the sweep, and at once by the
 * terminal's next heartbeat.  Every raise and recovery is audited.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "anju-audit.h"
#include "anju-db.h"
#include "anju-event-bus.h"

G_BEGIN_DECLS

typedef struct
{
  AnjuDb       *db;
  GBytes       *audit_key;
  AnjuEventBus *events;          /* (nullable): no messages */
  gint64        now;             /* seconds since the epoch */
  gint64        offline_after;   /* seconds */
} AnjuTerminalSweep;

/* One pass: recoveries first, then new alerts, each in a transaction of
 * its own.  out_raised (nullable) counts the alerts raised. */
gboolean anju_terminal_sweep          (const AnjuTerminalSweep  *sweep,
                                       guint                    *out_raised,
                                       GError                  **error);

/* Marks recovered every active alert whose cause is gone, of terminal_id
 * (0: of every terminal), audited as actor; inside the caller's
 * transaction. */
gboolean anju_terminal_alerts_recover (const AnjuTerminalSweep  *sweep,
                                       const AnjuAuditActor     *actor,
                                       gint64                    terminal_id,
                                       GError                  **error);

G_END_DECLS
