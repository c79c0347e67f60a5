/* anju-terminals.h: the street service terminals' back office (issue 5).
 *
 * The registry of terminals with their service users, credentials and
 * change history (F-TERM-001), each terminal's home-screen layout
 * (F-TERM-002), the kiosk's own home, banner and heartbeat endpoints, and
 * the status board with the alerts a periodic sweep raises (F-TERM-003):
 * docs/api.md "Service terminals".  Requests signed by a terminal are
 * checked by anju-terminal-auth.h.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "anju-db.h"
#include "anju-server.h"

G_BEGIN_DECLS

/* The alert sweep's name (anju_server_get_sweep). */
#define ANJU_TERMINALS_SWEEP_NAME "terminals.alerts"

/* Routes, the banner's file-access rule and the alert sweep. */
void     anju_terminals_register       (AnjuServer  *server);

/* The demo's two street terminals (anju-server init --demo), inside the
 * caller's transaction; nothing when the demo streets are missing or the
 * terminals exist. */
gboolean anju_terminals_populate_demo  (AnjuDb      *db,
                                        GBytes      *audit_key,
                                        gint64       now,
                                        GError     **error);

G_END_DECLS
