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

/* A run of the alert sweep, at the time it began. */
typedef struct
{
  gint64                  now;
  AnjuTerminalSweepCursor cursor;
} SweepRun;

static gpointer
sweep_begin (AnjuServer *server,
             gpointer    user_data)
{
  SweepRun *run = g_new0 (SweepRun, 1);

  run->now = anju_clock_now_secs (anju_server_get_clock (server));
  return run;
}

static gboolean
sweep_batch (AnjuServer     *server,
             gpointer        data,
             AnjuSweepBatch *batch,
             gpointer        user_data)
{
  SweepRun *run = data;
  g_autoptr(GError) error = NULL;
  AnjuTerminalSweep sweep = {
    .db = anju_server_get_db (server),
    .audit_key = anju_server_get_audit_key (server),
    .events = anju_server_get_event_bus (server),
    .now = run->now,
    .offline_after = anju_server_get_config (server)->terminals_offline_after_seconds,
  };
  gboolean more = FALSE;

  if (!anju_terminal_sweep_batch (&sweep, &run->cursor, batch, &more, &error))
    {
      g_message ("The terminal alert sweep failed: %s", error->message);
      return FALSE;
    }
  return more;
}

static void
sweep_run_free (gpointer data)
{
  SweepRun *run = data;

  anju_terminal_sweep_cursor_clear (&run->cursor);
  g_free (run);
}

static const AnjuSweepFuncs sweep_funcs = {
  .name = ANJU_TERMINALS_SWEEP_NAME,
  .begin = sweep_begin,
  .batch = sweep_batch,
  .free_run = sweep_run_free,
};

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
  anju_server_add_sweep (server, config->terminals_sweep_interval_seconds * 1000, &sweep_funcs,
                         NULL);
}
