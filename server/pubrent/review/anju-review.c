/* anju-review.c: anju_review_register(), the review as a part of the
 * server: hooks, routes, the status listener and the sweep.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anju-clock.h"
#include "anju-review-private.h"
#include "anju-stmt.h"

/* A run of the publicity sweep: everything ended at the tick's time, in
 * batches (anju-sweep.h). */
typedef struct
{
  gint64                now;
  AnjuReviewSweepCursor cursor;
  guint                 ended;
} SweepRun;

static gpointer
sweep_begin (AnjuServer *server,
             gpointer    user_data)
{
  SweepRun *run = g_new0 (SweepRun, 1);

  run->now = anju_clock_now_secs (anju_server_get_clock (server));
  run->cursor = (AnjuReviewSweepCursor) { G_MININT64, 0 };
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
  AnjuReviewSweep sweep = {
    .db = anju_server_get_db (server),
    .audit_key = anju_server_get_audit_key (server),
    .workflow = anju_workflow_get (server),
    .events = anju_server_get_event_bus (server),
    .documents = anju_server_get_service (server, "documents"),
    .now = run->now,
  };
  guint ended = 0;
  gboolean more = FALSE;

  if (!anju_review_sweep_batch (&sweep, &run->cursor, batch, &ended, &more, &error))
    {
      g_message ("The publicity sweep failed: %s", error->message);
      return FALSE;
    }
  run->ended += ended;
  if (!more && run->ended > 0)
    g_debug ("The publicity sweep ended %u publicity and announcements", run->ended);
  return more;
}

static const AnjuSweepFuncs sweep_funcs = {
  .name = ANJU_REVIEW_SWEEP_NAME,
  .begin = sweep_begin,
  .batch = sweep_batch,
  .free_run = g_free,
};

/* Return for supplement and resubmission run no hook: the engine's
 * events tell the application its stage then. */
static gboolean
set_status_of_instance (const AnjuEvent  *event,
                        GBytes           *audit_key,
                        gboolean          returned,
                        GError          **error)
{
  static const AnjuAuditActor server_actor = { .actor = ANJU_AUDIT_SYSTEM_ACTOR };
  g_auto(AnjuReviewApp) app = { 0, };
  g_auto(AnjuStmt) stmt = NULL;
  g_autofree char *step_key = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *status;

  /* A process started by hand for no application: nothing to tell. */
  if (!_anju_review_app_load (event->db, event->link_record_id, &app, &local_error))
    {
      if (g_error_matches (local_error, ANJU_ERROR, ANJU_ERROR_NOT_FOUND))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (!returned && g_strcmp0 (app.status, "returned") != 0)
    return TRUE;
  if (returned)
    status = "returned";
  else
    {
      stmt = anju_db_prepare (event->db, "SELECT step_key FROM workflow_instances WHERE id = ?1",
                              error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, event->link_instance_id);
      if (!anju_db_step_row (event->db, stmt, ANJU_ERROR_DATABASE, "instance missing", error))
        return FALSE;
      step_key = anju_db_column_dup (stmt, 0);
      status = g_strcmp0 (step_key, "street_review") == 0 ? "street_review"
               : g_strcmp0 (step_key, "street_publicity") == 0 ? "street_publicity"
               : "center_review";
    }
  return _anju_review_set_status (event->db, audit_key, &server_actor, &app, status,
                                  returned ? "return" : "resubmit", event->at, error);
}

gboolean
_anju_review_event_cb (const AnjuEvent  *event,
                       gpointer          user_data,
                       GError          **error)
{
  if (g_strcmp0 (event->link_domain, ANJU_REVIEW_DOMAIN) != 0 || event->link_instance_id == 0)
    return TRUE;
  if (g_str_equal (event->type, "workflow.instance.returned"))
    return set_status_of_instance (event, user_data, TRUE, error);
  if (g_str_equal (event->type, "workflow.task.assigned"))
    return set_status_of_instance (event, user_data, FALSE, error);
  return TRUE;
}

void
anju_review_register (AnjuServer *server)
{
  const AnjuConfig *config;
  const AnjuRoute *routes;
  GBytes *audit_key;
  guint n_routes = 0;

  g_return_if_fail (ANJU_IS_SERVER (server));

  audit_key = anju_server_get_audit_key (server);
  anju_review_register_hooks (anju_workflow_get (server), audit_key);
  anju_event_bus_add_listener (anju_server_get_event_bus (server), _anju_review_event_cb,
                               g_bytes_ref (audit_key), (GDestroyNotify) g_bytes_unref);

  routes = _anju_review_publicity_routes (&n_routes);
  anju_server_add_routes (server, routes, n_routes);
  routes = _anju_review_application_routes (&n_routes);
  anju_server_add_routes (server, routes, n_routes);

  config = anju_server_get_config (server);
  anju_server_add_sweep (server, config->pubrent_sweep_interval_seconds * 1000, &sweep_funcs,
                         NULL);
}
