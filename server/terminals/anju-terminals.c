/* anju-terminals.c: anju_terminals_register(), the terminals as a part of
 * the server: routes, the banner's file-access rule and the alert sweep.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anju-clock.h"
#include "anju-config.h"
#include "anju-terminal-sweep.h"
#include "anju-terminals-private.h"
#include "anju-terminals.h"

static void
sweep_cb (AnjuServer *server,
          gpointer    user_data)
{
  g_autoptr(GError) error = NULL;
  AnjuTerminalSweep sweep = {
    .db = anju_server_get_db (server),
    .audit_key = anju_server_get_audit_key (server),
    .events = anju_server_get_event_bus (server),
    .now = anju_clock_now_secs (anju_server_get_clock (server)),
    .offline_after = anju_server_get_config (server)->terminals_offline_after_seconds,
  };

  if (!anju_terminal_sweep (&sweep, NULL, &error))
    g_message ("The terminal alert sweep failed: %s", error->message);
}

static void
add_routes (AnjuServer       *server,
            const AnjuRoute *(*get_routes) (guint *n_routes))
{
  guint n_routes = 0;
  const AnjuRoute *routes = get_routes (&n_routes);

  anju_server_add_routes (server, routes, n_routes);
}

void
anju_terminals_register (AnjuServer *server)
{
  const AnjuConfig *config;

  g_return_if_fail (ANJU_IS_SERVER (server));

  /* The status board's literal paths before /terminals/{id}. */
  add_routes (server, _anju_terminals_status_routes);
  add_routes (server, _anju_terminals_registry_routes);
  add_routes (server, _anju_terminals_credential_routes);
  add_routes (server, _anju_terminals_changes_routes);
  add_routes (server, _anju_terminals_layout_routes);
  add_routes (server, _anju_terminals_kiosk_routes);
  _anju_terminals_add_banner_reader (server);

  config = anju_server_get_config (server);
  anju_server_add_periodic (server, config->terminals_sweep_interval_seconds * 1000, sweep_cb,
                            NULL);
}
