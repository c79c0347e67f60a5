/* anju-terminal-alert-store.h: terminal_alerts as the Alert of docs/api.md.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "anju-db.h"

G_BEGIN_DECLS

/* The columns anju_terminal_alert_json_from_row() reads, FROM
 * ANJU_TERMINAL_ALERT_FROM. */
#define ANJU_TERMINAL_ALERT_COLUMNS \
  "a.id, t.id, t.terminal_no, t.name, t.location, a.kind, a.peripheral, a.message," \
  " a.raised_at, a.state, a.recovered_at, a.handled_by, h.name, a.handled_at, a.note"
#define ANJU_TERMINAL_ALERT_FROM \
  " terminal_alerts a JOIN terminals t ON t.id = a.terminal_id" \
  " JOIN organisations o ON o.id = t.org_id LEFT JOIN users h ON h.id = a.handled_by"

JsonNode *anju_terminal_alert_json_from_row (sqlite3_stmt  *stmt);
/* FALSE with ANJU_ERROR_NOT_FOUND when there is no such alert. */
JsonNode *anju_terminal_alert_to_json       (AnjuDb        *db,
                                             gint64         id,
                                             GError       **error);

G_END_DECLS
