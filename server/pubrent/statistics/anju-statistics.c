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
#include "anju-statistics-cache.h"
#include "anju-statistics-queries.h"
#include "anju-statistics.h"
#include "anju-validation.h"

#define DEFAULT_MONTHS 12
#define MAX_MONTHS 36

/* At most this many answers are kept (a few kB each; tens of kB with
 * hundreds of projects). */
#define CACHE_ENTRIES 128
#define CACHE_SERVICE "pubrent.statistics.cache"

/* Enterprises see the units of the projects they operate; everyone else
 * with pubrent.housing.read sees every project (docs/api.md "Housing
 * stock"). */
static const char *
operator_scope (const AnjuCaller *caller)
{
  return g_str_has_prefix (caller->org_kind, "enterprise_") ? caller->org_path : NULL;
}

static void
add_empty_array (JsonBuilder *builder,
                 const char  *member)
{
  json_builder_set_member_name (builder, member);
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
      add_empty_array (builder, "units_by_state");
      add_empty_array (builder, "units_by_project");
      return TRUE;
    }
  return anju_statistics_add_units (db, operator_scope (caller), builder, error);
}

/* What an answer depends on besides the data: the scope of the
 * applications (org_path), whether and which units the caller sees, the
 * months asked for and the month it is now.  Two callers with the same
 * key get the same answer; a street never shares one with the center. */
static char *
make_key (const AnjuCaller *caller,
          gint64            now,
          guint             n_months)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (8 * 3600);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (now);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);
  g_autofree char *month = g_date_time_format (local, "%Y-%m");
  gboolean housing = anju_caller_has_permission (caller, "pubrent.housing.read");

  return g_strdup_printf ("%s %s %s %u", caller->org_path,
                          !housing ? "-" : operator_scope (caller) != NULL ? "operator" : "all",
                          month, n_months);
}

static AnjuStatisticsCache *
get_cache (AnjuRequest *request)
{
  return anju_statistics_get_cache (anju_request_get_server (request));
}

static void
reply_answer (AnjuRequest *request,
              GBytes      *answer)
{
  anju_request_reply_text (request, SOUP_STATUS_OK, "application/json; charset=utf-8", answer);
}

/* What the worker thread needs: copies, never the request. */
typedef struct
{
  AnjuStatisticsCache *cache;              /* (owned) */
  AnjuCaller          *caller;             /* (owned) */
  gint64               now;
  guint                n_months;
  char                *key;                /* (owned) */
  gint64               generation;         /* when the count began */
  GBytes              *answer;             /* (owned) (nullable) until counted */
  gint64               answer_generation;  /* of the snapshot it counted */
  gboolean             ended;              /* handed to the cache */
} StatisticsJob;

static StatisticsJob *
statistics_job_new (AnjuStatisticsCache *cache,
                    const AnjuCaller    *caller,
                    gint64               now,
                    guint                n_months,
                    const char          *key,
                    gint64               generation)
{
  StatisticsJob *job = g_new0 (StatisticsJob, 1);

  job->cache = g_object_ref (cache);
  job->caller = anju_caller_copy (caller);
  job->now = now;
  job->n_months = n_months;
  job->key = g_strdup (key);
  job->generation = generation;
  return job;
}

static void start_count (AnjuRequest *request, StatisticsJob *job);

/* A count that failed (its client left, or the database failed it) was
 * replied by the worker, to its own request only; whoever waited for it
 * counts again, the first of them for all. */
static void
statistics_job_free (gpointer data)
{
  StatisticsJob *job = data;

  if (!job->ended)
    {
      g_autoptr(GPtrArray) waiting = anju_statistics_cache_end (job->cache, job->key,
                                                                job->generation, NULL, 0);

      for (guint i = 0; i < waiting->len; i++)
        {
          AnjuRequest *request = g_ptr_array_index (waiting, i);

          if (anju_statistics_cache_begin (job->cache, job->key, job->generation, request))
            start_count (request, statistics_job_new (job->cache, job->caller, job->now,
                                                      job->n_months, job->key, job->generation));
        }
    }
  g_clear_object (&job->cache);
  g_clear_pointer (&job->caller, anju_caller_free);
  g_clear_pointer (&job->key, g_free);
  g_clear_pointer (&job->answer, g_bytes_unref);
  g_free (job);
}

static GBytes *
build_statistics (AnjuDb            *db,
                  const AnjuCaller  *caller,
                  gint64             now,
                  guint              n_months,
                  GError           **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  gsize length;
  char *text;

  json_builder_begin_object (builder);
  if (!anju_statistics_add_applications (db, caller->org_path, builder, error) ||
      !anju_statistics_add_months (db, caller->org_path, now, n_months, builder, error) ||
      !add_housing (db, caller, builder, error))
    return NULL;
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &length);
  return g_bytes_new_take (text, length);
}

/* In a worker thread, in the job's one read transaction
 * (anju-db-worker.h): the generation read first is the one of every row
 * counted after it. */
static gboolean
statistics_job (AnjuDb   *reader,
                gpointer  data,
                GError  **error)
{
  StatisticsJob *job = data;

  if (anju_statistics_read_generation (reader, &job->answer_generation, error))
    job->answer = build_statistics (reader, job->caller, job->now, job->n_months, error);
  return job->answer != NULL;
}

/* Back on the main context: the answer goes to the cache, this request
 * and every one that waited for it. */
static void
statistics_reply (AnjuRequest *request,
                  gpointer     data)
{
  StatisticsJob *job = data;
  g_autoptr(GPtrArray) waiting = NULL;

  waiting = anju_statistics_cache_end (job->cache, job->key, job->generation, job->answer,
                                       job->answer_generation);
  job->ended = TRUE;
  reply_answer (request, job->answer);
  for (guint i = 0; i < waiting->len; i++)
    reply_answer (g_ptr_array_index (waiting, i), job->answer);
}

static void
start_count (AnjuRequest   *request,
             StatisticsJob *job)
{
  anju_db_worker_run (request, ANJU_DB_JOB_QUICK, statistics_job, statistics_reply, job,
                      statistics_job_free);
}

static gboolean
parse_months (AnjuRequest *request,
              guint       *out_months)
{
  g_autoptr(GError) error = NULL;
  gint64 months = DEFAULT_MONTHS;
  gboolean present = FALSE;

  if (!anju_request_get_query_int (request, "months", &months, &present, &error))
    {
      anju_request_reply_error (request, error);
      return FALSE;
    }
  if (!present)
    months = DEFAULT_MONTHS;
  if (months < 1 || months > MAX_MONTHS)
    {
      /* Translators: %1$d is the largest number of months */
      g_autofree char *why = g_strdup_printf (_("Must be a whole number of months from 1 to %1$d"),
                                              MAX_MONTHS);

      anju_reply_field_error (request, "months", why);
      return FALSE;
    }
  *out_months = (guint) months;
  return TRUE;
}

/* The generation is read on the server's connection, which every write
 * goes through: it has seen each change committed before this request. */
static void
handle_get (AnjuRequest *request)
{
  g_autoptr(GError) error = NULL;
  AnjuStatisticsCache *cache = get_cache (request);
  const AnjuCaller *caller = anju_request_get_caller (request);
  gint64 now = anju_clock_now_secs (anju_request_get_clock (request));
  g_autofree char *key = NULL;
  g_autoptr(GBytes) answer = NULL;
  gint64 generation;
  guint months;

  if (!parse_months (request, &months))
    return;
  if (cache == NULL)
    {
      /* Gone with the server's services, at shutdown. */
      g_set_error_literal (&error, ANJU_ERROR, ANJU_ERROR_UNAVAILABLE,
                           _("The server is shutting down"));
      anju_request_reply_error (request, error);
      return;
    }
  if (!anju_statistics_read_generation (anju_request_get_db (request), &generation, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }

  key = make_key (caller, now, months);
  answer = anju_statistics_cache_lookup (cache, key, generation);
  if (answer != NULL)
    reply_answer (request, answer);
  else if (anju_statistics_cache_begin (cache, key, generation, request))
    start_count (request, statistics_job_new (cache, caller, now, months, key, generation));
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
  g_autoptr(AnjuStatisticsCache) cache = anju_statistics_cache_new (CACHE_ENTRIES);

  g_return_if_fail (ANJU_IS_SERVER (server));

  anju_server_add_routes (server, routes, G_N_ELEMENTS (routes));
  anju_server_set_service (server, CACHE_SERVICE, cache);
}

AnjuStatisticsCache *
anju_statistics_get_cache (AnjuServer *server)
{
  g_return_val_if_fail (ANJU_IS_SERVER (server), NULL);

  return anju_server_get_service (server, CACHE_SERVICE);
}
