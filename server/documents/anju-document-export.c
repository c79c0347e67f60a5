/* anju-document-export.c: GET /api/v1/pubrent/documents/{id}/export:
 * the rows of a publicity or announcement list as XLSX, for posting
 * lists in other layouts and for the archive.
 *
 * The names are masked as on the printed list: the file is made for
 * publishing.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-caller.h"
#include "anju-db-worker.h"
#include "anju-document-data.h"
#include "anju-document-json.h"
#include "anju-documents-private.h"
#include "anju-stmt.h"
#include "anju-table-writer.h"

static const char * const header[] = {
  "序号", "申请编号", "姓名", "街道（社区）", "家庭人口", "业务类型", "文书编号",
};

/* One row per application of the list, in its order. */
static gboolean
write_rows (AnjuDb           *db,
            gint64            id,
            const char       *number,
            AnjuTableWriter  *writer,
            GError          **error)
{
  g_auto(AnjuStmt) stmt = NULL;
  int rc;

  stmt = anju_db_prepare (db,
                          "SELECT application_id FROM pubrent_document_applications"
                          " WHERE document_id = ?1 ORDER BY position",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  for (guint i = 1; (rc = sqlite3_step (stmt)) == SQLITE_ROW; i++)
    {
      g_autoptr(AnjuDocumentApplicant) applicant = NULL;
      g_autofree char *position = g_strdup_printf ("%u", i);
      g_autofree char *size = NULL;

      applicant = anju_document_data_load_applicant (db, sqlite3_column_int64 (stmt, 0), TRUE, NULL,
                                                     error);
      if (applicant == NULL)
        return FALSE;
      size = g_strdup_printf ("%d", applicant->household_size);
      anju_table_writer_add_row (writer,
                                 (const char * const[]) { position, applicant->application_no,
                                                          applicant->name, applicant->org_name, size,
                                                          applicant->business_type_label, number },
                                 G_N_ELEMENTS (header));
    }
  if (rc != SQLITE_DONE)
    {
      anju_db_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

static GBytes *
export_list (AnjuDb      *db,
             gint64       id,
             char       **out_name,
             char       **out_content_type,
             GError     **error)
{
  g_autoptr(AnjuTableWriter) writer = NULL;
  g_auto(AnjuStmt) stmt = NULL;
  g_autofree char *number = NULL;
  g_autofree char *kind = NULL;

  stmt = anju_db_prepare (db, "SELECT number, kind FROM pubrent_documents WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!anju_db_step_row (db, stmt, ANJU_ERROR_NOT_FOUND, _("No such document"), error))
    return NULL;
  number = anju_db_column_dup (stmt, 0);
  kind = anju_db_column_dup (stmt, 1);
  sqlite3_reset (stmt);

  if (!anju_document_kind_is_list (kind))
    {
      g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_CONFLICT,
                           _("Only publicity and announcement lists can be exported"));
      return NULL;
    }

  writer = anju_table_writer_new ("xlsx", number, error);
  if (writer == NULL)
    return NULL;
  anju_table_writer_add_row (writer, header, G_N_ELEMENTS (header));
  if (!write_rows (db, id, number, writer, error))
    return NULL;
  *out_name = g_strdup_printf ("%s.%s", number, anju_table_writer_get_extension (writer));
  *out_content_type = g_strdup (anju_table_writer_get_content_type (writer));
  return anju_table_writer_finish (writer, error);
}

/* What the worker thread needs, and what it makes. */
typedef struct
{
  AnjuCaller *caller;         /* (owned) */
  gint64      id;
  GBytes     *bytes;          /* (owned) (nullable) until made */
  char       *name;           /* (owned) (nullable) */
  char       *content_type;   /* (owned) (nullable) */
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_clear_pointer (&job->caller, anju_caller_free);
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_free (job->name);
  g_free (job->content_type);
  g_free (job);
}

/* In a worker thread: one read of each application of the list. */
static gboolean
export_job (AnjuDb   *reader,
            gpointer  data,
            GError  **error)
{
  ExportJob *job = data;

  if (!anju_document_check_readable (reader, job->caller, job->id, error))
    return FALSE;
  job->bytes = export_list (reader, job->id, &job->name, &job->content_type, error);
  return job->bytes != NULL;
}

static void
export_reply (AnjuRequest *request,
              gpointer     data)
{
  ExportJob *job = data;

  anju_request_reply_file (request, job->bytes, job->content_type, job->name);
}

static void
handle_export (AnjuRequest *request)
{
  ExportJob *job;
  gint64 id;

  if (!anju_request_get_path_id (request, "id", &id))
    return;
  job = g_new0 (ExportJob, 1);
  job->caller = anju_caller_copy (anju_request_get_caller (request));
  job->id = id;
  anju_db_worker_run (request, ANJU_DB_JOB_BULK, export_job, export_reply, job, export_job_free);
}

static const AnjuRoute export_routes[] = {
  { "GET", "/api/v1/pubrent/documents/{id}/export", ANJU_DOCUMENTS_PERM_READ, ANJU_ROUTE_DEFAULT,
    handle_export, "A publicity or announcement list's rows as XLSX (409 for a form)", NULL,
    "documents" },
};

void
_anju_document_export_register (AnjuServer *server)
{
  anju_server_add_routes (server, export_routes, G_N_ELEMENTS (export_routes));
}
