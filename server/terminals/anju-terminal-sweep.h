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
#include "anju-sweep.h"

G_BEGIN_DECLS

typedef struct
{
  AnjuDb       *db;
  GBytes       *audit_key;
  AnjuEventBus *events;          /* (nullable): no messages */
  gint64        now;             /* seconds since the epoch */
  gint64        offline_after;   /* seconds */
} AnjuTerminalSweep;

/* A run goes through three phases, each in the order of a key. */
typedef enum
{
  ANJU_TERMINAL_SWEEP_RECOVER,   /* alerts whose cause is gone, by alert id */
  ANJU_TERMINAL_SWEEP_OFFLINE,   /* terminals offline, by terminal number */
  ANJU_TERMINAL_SWEEP_FAULT,     /* peripherals at fault, by terminal number and kind */
  ANJU_TERMINAL_SWEEP_DONE,
} AnjuTerminalSweepPhase;

/* Where a run is: zeroed before the first batch. */
typedef struct
{
  AnjuTerminalSweepPhase phase;
  gint64                 after_alert_id;
  char                  *after_terminal_no;  /* (owned) (nullable) */
  char                  *after_peripheral;   /* (owned) (nullable) */
} AnjuTerminalSweepCursor;

/* One batch of a run (anju-sweep.h): recoveries first, then new alerts,
 * as many as batch allows after *cursor, each in a transaction of its
 * own (one that fails is logged; the next run tries again).  *out_more
 * is FALSE once the run is over.  FALSE only when the store fails. */
gboolean anju_terminal_sweep_batch    (const AnjuTerminalSweep  *sweep,
                                       AnjuTerminalSweepCursor  *cursor,
                                       AnjuSweepBatch           *batch,
                                       gboolean                 *out_more,
                                       GError                  **error);
/* Frees what the cursor holds. */
void     anju_terminal_sweep_cursor_clear (AnjuTerminalSweepCursor *cursor);

/* Marks recovered every active alert whose cause is gone, of terminal_id
 * (0: of every terminal), audited as actor; inside the caller's
 * transaction. */
gboolean anju_terminal_alerts_recover (const AnjuTerminalSweep  *sweep,
                                       const AnjuAuditActor     *actor,
                                       gint64                    terminal_id,
                                       GError                  **error);

G_END_DECLS
