/* anju-terminals-private.h: what the files of server/terminals share.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "anju-route.h"
#include "anju-server.h"
#include "anju-terminal-store.h"

G_BEGIN_DECLS

/* shared/anju-permissions.c */
#define ANJU_TERMINALS_PERM_MANAGE "terminal.device.manage"
#define ANJU_TERMINALS_PERM_KIOSK  "terminal.kiosk.operate"

/* The audit log's entity for a terminal and for an alert. */
#define ANJU_TERMINALS_ENTITY       "terminal"
#define ANJU_TERMINALS_ALERT_ENTITY "terminal.alert"

/* The event of docs/api.md's event table raised by the sweep. */
#define ANJU_TERMINALS_EVENT_ALERT "terminal.alert"

gint64    _anju_terminals_now               (AnjuRequest      *request);
/* The Terminal as the caller may see it (with its online status). */
JsonNode *_anju_terminals_json_for_caller   (AnjuRequest      *request,
                                             gint64            id,
                                             GError          **error);
/* The Terminal as history and audit keep it: masked, without status. */
JsonNode *_anju_terminals_json_for_history  (AnjuRequest      *request,
                                             gint64            id,
                                             GError          **error);
/* Loads a live terminal the caller may act on; replies 404 (unknown,
 * deleted) or 403 (outside the caller's scope) and returns FALSE. */
gboolean  _anju_terminals_load_for_action   (AnjuRequest      *request,
                                             gint64            id,
                                             AnjuTerminalRef  *out_ref);
/* Loads a live terminal the caller may read; replies 404 (unknown,
 * deleted, or outside the caller's scope) and returns FALSE. */
gboolean  _anju_terminals_load_for_read     (AnjuRequest      *request,
                                             gint64            id,
                                             AnjuTerminalRef  *out_ref);
/* The audit row "terminal.<action>" and the change row, inside the
 * caller's transaction. */
gboolean  _anju_terminals_record            (AnjuRequest      *request,
                                             gint64            terminal_id,
                                             const char       *action,
                                             JsonNode         *before,
                                             JsonNode         *after,
                                             GError          **error);

const AnjuRoute *_anju_terminals_registry_routes (guint *n_routes);
const AnjuRoute *_anju_terminals_credential_routes (guint *n_routes);
const AnjuRoute *_anju_terminals_changes_routes  (guint *n_routes);
const AnjuRoute *_anju_terminals_layout_routes   (guint *n_routes);
const AnjuRoute *_anju_terminals_kiosk_routes    (guint *n_routes);
const AnjuRoute *_anju_terminals_status_routes   (guint *n_routes);

/* The kiosk's banner: its service user may read the file. */
void      _anju_terminals_add_banner_reader (AnjuServer       *server);

G_END_DECLS
