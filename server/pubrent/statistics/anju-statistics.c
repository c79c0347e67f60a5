/* anju-statistics.c: the statistics endpoint.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-caller.h"
#include "anju-clock.h"
#include "anju-db-worker.h"
#include "anju-statistics-queries.h"
#include "anju-statistics.h"
#include "anju-validation.h"

#define DEFAULT_MONTHS 12
#define MAX_MONTHS 36

/* Enterprises see the units of the projects they operate; everyone else
 * with pubrent.housing.read sees every project (docs/api.md "Housing
 * stock"). */
static const char *
operator_scope (const AnjuCaller *caller)
{
  return g_str_has_prefix (caller->org_kind, "enterprise_") ? caller->org_path : NULL;
}

static void
add_empty_array (JsonBuilder *builder)
{
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
}

/* Both housing members; empty lists without pubrent.housing.read. */
static gboolean
add_housing (AnjuDb            *db,
             const AnjuCaller  *caller,
             JsonBuilder       *builder,
             GError           **error)
{
  if (!anju_caller_has_permission (caller, "pubrent.housing.read"))
    {
      json_builder_set_member_name (builder, "units_by_state");
      add_empty_array (builder);
      json_builder_set_member_name (builder, "units_by_project");
      add_empty_array (builder);
      return TRUE;
    }

  json_builder_set_member_name (builder, "units_by_state");
  if (!anju_statistics_units_by_state (db, operator_scope (caller), builder, error))
    return FALSE;
  json_builder_set_member_name (builder, "units_by_project");
  return anju_statistics_units_by_project (db, operator_scope (caller), builder, error);
}

/* What the worker thread needs: copies, never the request. */
typedef struct
{
  AnjuCaller *caller;     /* (owned) */
  gint64      now;
  guint       n_months;
  JsonNode   *answer;     /* (owned) (nullable) until built */
} StatisticsJob;

static void
statistics_job_free (gpointer data)
{
  StatisticsJob *job = data;

  g_clear_pointer (&job->caller, anju_caller_free);
  g_clear_pointer (&job->answer, json_node_unref);
  g_free (job);
}

static JsonNode *
build_statistics (AnjuDb            *db,
                  const AnjuCaller  *caller,
                  gint64             now,
                  guint              n_months,
                  GError           **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "by_business_type");
  if (!anju_statistics_by_business_type (db, caller->org_path, builder, error))
    return NULL;
  json_builder_set_member_name (builder, "by_status");
  if (!anju_statistics_by_status (db, caller->org_path, builder, error))
    return NULL;
  json_builder_set_member_name (builder, "by_month");
  if (!anju_statistics_by_month (db, caller->org_path, now, n_months, builder, error))
    return NULL;
  if (!add_housing (db, caller, builder, error))
    return NULL;
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* In a worker thread: every count scans the applications of the scope. */
static gboolean
statistics_job (AnjuDb   *reader,
                gpointer  data,
                GError  **error)
{
  StatisticsJob *job = data;

  job->answer = build_statistics (reader, job->caller, job->now, job->n_months, error);
  return job->answer != NULL;
}

static void
statistics_reply (AnjuRequest *request,
                  gpointer     data)
{
  StatisticsJob *job = data;

  anju_request_reply_json (request, SOUP_STATUS_OK, g_steal_pointer (&job->answer));
}

static void
handle_get (AnjuRequest *request)
{
  g_autoptr(GError) error = NULL;
  gint64 months = DEFAULT_MONTHS;
  gboolean present = FALSE;
  StatisticsJob *job;

  if (!anju_request_get_query_int (request, "months", &months, &present, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  if (!present)
    months = DEFAULT_MONTHS;
  if (months < 1 || months > MAX_MONTHS)
    {
      /* Translators: %1$d is the largest number of months */
      g_autofree char *why = g_strdup_printf (_("Must be a whole number of months from 1 to %1$d"),
                                              MAX_MONTHS);

      anju_reply_field_error (request, "months", why);
      return;
    }

  job = g_new0 (StatisticsJob, 1);
  job->caller = anju_caller_copy (anju_request_get_caller (request));
  job->now = anju_clock_now_secs (anju_request_get_clock (request));
  job->n_months = (guint) months;
  anju_db_worker_run (request, ANJU_DB_JOB_QUICK, statistics_job, statistics_reply, job,
                      statistics_job_free);
}

static const AnjuRoute routes[] = {
  { "GET", "/api/v1/pubrent/statistics", "pubrent.application.read", ANJU_ROUTE_DEFAULT,
    handle_get,
    "Applications by type, stage and month (?months=12), units by state and project",
    NULL, "pubrent" },
};

void
anju_statistics_register (AnjuServer *server)
{
  g_return_if_fail (ANJU_IS_SERVER (server));

  anju_server_add_routes (server, routes, G_N_ELEMENTS (routes));
}
