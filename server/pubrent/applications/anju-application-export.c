/* anju-application-export.c: GET /api/v1/pubrent/applications/export,
 * the filtered list (no paging) as XLSX or CSV, ID numbers and phones
 * masked as in the list.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-application-list.h"
#include "anju-application-routes.h"
#include "anju-clock.h"
#include "anju-db-worker.h"
#include "anju-db.h"
#include "anju-mask.h"
#include "anju-stmt.h"
#include "anju-table-writer.h"
#include "anju-time.h"
#include "anju-validation.h"

#define N_COLUMNS 11

static void
add_header (AnjuTableWriter *writer)
{
  const char *header[N_COLUMNS] = {
    _("Application no."), _("Business type"), _("Status"), _("Organisation"),
    _("Applicant"), _("ID number"), _("Phone"), _("Household size"), _("Employer"),
    _("Submitted at"), _("Created at"),
  };

  anju_table_writer_add_row (writer, header, N_COLUMNS);
}

static char *
column_time (sqlite3_stmt *stmt,
             int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;
  return anju_time_format_display (sqlite3_column_int64 (stmt, column));
}

static void
add_row (AnjuTableWriter *writer,
         sqlite3_stmt    *stmt)
{
  const char *id_no = (const char *) sqlite3_column_text (stmt, 9);
  const char *phone = (const char *) sqlite3_column_text (stmt, 10);
  g_autofree char *masked_id = id_no != NULL ? anju_mask_id_number (id_no) : NULL;
  g_autofree char *masked_phone = phone != NULL ? anju_mask_phone (phone) : NULL;
  g_autofree char *size = sqlite3_column_type (stmt, 11) == SQLITE_NULL ? NULL
                          : g_strdup_printf ("%" G_GINT64_FORMAT,
                                             (gint64) sqlite3_column_int64 (stmt, 11));
  g_autofree char *submitted = column_time (stmt, 13);
  g_autofree char *created = column_time (stmt, 14);
  const char *cells[N_COLUMNS] = {
    (const char *) sqlite3_column_text (stmt, 1),
    (const char *) sqlite3_column_text (stmt, 3),
    (const char *) sqlite3_column_text (stmt, 5),
    (const char *) sqlite3_column_text (stmt, 7),
    (const char *) sqlite3_column_text (stmt, 8),
    masked_id, masked_phone, size,
    (const char *) sqlite3_column_text (stmt, 12),
    submitted, created,
  };

  anju_table_writer_add_row (writer, cells, N_COLUMNS);
}

static gboolean
write_rows (AnjuDb                        *db,
            const AnjuApplicationFilters  *filters,
            AnjuTableWriter               *writer,
            GError                       **error)
{
  g_autofree char *sql = anju_application_list_sql (filters, ANJU_APPLICATION_LIST_ALL);
  g_auto(AnjuStmt) stmt = anju_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  anju_application_filters_bind (stmt, filters);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    add_row (writer, stmt);
  if (rc != SQLITE_DONE)
    {
      anju_db_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

/* The export as the worker thread sees it. */
typedef struct
{
  AnjuApplicationFilters *filters;         /* (owned) owning their copies */
  AnjuTableWriter        *writer;          /* (owned) */
  char                   *filename;        /* (owned) */
  GBytes                 *bytes;           /* (owned) (nullable) until written */
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_clear_pointer (&job->filters, anju_application_filters_free);
  g_clear_pointer (&job->writer, anju_table_writer_free);
  g_clear_pointer (&job->filename, g_free);
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_free (job);
}

/* In a worker thread: the whole filtered list, however long. */
static gboolean
export_job (AnjuDb   *reader,
            gpointer  data,
            GError  **error)
{
  ExportJob *job = data;

  add_header (job->writer);
  if (!write_rows (reader, job->filters, job->writer, error))
    return FALSE;
  job->bytes = anju_table_writer_finish (job->writer, error);
  return job->bytes != NULL;
}

static void
export_reply (AnjuRequest *request,
              gpointer     data)
{
  ExportJob *job = data;

  anju_request_reply_file (request, job->bytes, anju_table_writer_get_content_type (job->writer),
                           job->filename);
}

static void
handle_export (AnjuRequest *request)
{
  g_auto(AnjuApplicationFilters) filters = { 0, };
  const char *format = anju_request_get_query (request, "format");
  g_autoptr(AnjuTableWriter) writer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = NULL;
  ExportJob *job;

  writer = anju_table_writer_new (format != NULL ? format : "xlsx", _("Applications"), &error);
  if (writer == NULL)
    {
      anju_reply_field_error (request, "format", error->message);
      return;
    }
  if (!anju_application_filters_read (request, &filters))
    return;

  job = g_new0 (ExportJob, 1);
  job->filters = anju_application_filters_take (&filters);
  today = anju_time_format_iso8601 (anju_clock_now_secs (anju_request_get_clock (request)));
  today[10] = '\0';
  /* Translators: the name of the exported file; %1$s is a date, %2$s "xlsx" or "csv" */
  job->filename = g_strdup_printf (_("applications-%1$s.%2$s"), today,
                                   anju_table_writer_get_extension (writer));
  job->writer = g_steal_pointer (&writer);
  anju_db_worker_run (request, ANJU_DB_JOB_BULK, export_job, export_reply, job, export_job_free);
}

static const AnjuRoute export_routes[] = {
  { "GET", "/api/v1/pubrent/applications/export", ANJU_PERM_APPLICATION_READ,
    ANJU_ROUTE_DEFAULT, handle_export,
    "The filtered list as XLSX or CSV (?format=xlsx|csv and the list's filters)", NULL,
    "pubrent" },
};

const AnjuRoute *
anju_application_export_routes (guint *n_routes)
{
  *n_routes = G_N_ELEMENTS (export_routes);
  return export_routes;
}
