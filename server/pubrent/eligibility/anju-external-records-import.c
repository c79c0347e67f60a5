/* anju-external-records-import.c: POST
 * /api/v1/pubrent/external-records/import (docs/api.md "Imports" and
 * "Eligibility pre-review"; F-PRH-008).
 *
 * The file's columns are 身份证号*, 姓名*, 类别*, 数据* and 来源; 类别 is a
 * kind's Chinese name and 数据 its short text (anju-external-record-data.h).
 * A row is refused when its ID number is not a valid resident ID, a
 * required cell is empty, the kind is unknown, the data does not fit the
 * kind, or the same fact (person, kind, data) is stored already or earlier
 * in the file.  dry_run=true answers the report and writes nothing;
 * otherwise every valid row is stored in one transaction with one
 * pubrent.external_record.create audit row each and one
 * pubrent.external_record.import row for the batch.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-audit.h"
#include "anju-caller.h"
#include "anju-clock.h"
#include "anju-db-worker.h"
#include "anju-eligibility.h"
#include "anju-external-record-data.h"
#include "anju-external-record-store.h"
#include "anju-id-number.h"
#include "anju-import-report.h"
#include "anju-table-reader.h"
#include "anju-transaction.h"
#include "anju-validation.h"

#define COLUMN_ID_NO  "身份证号"
#define COLUMN_NAME   "姓名"
#define COLUMN_KIND   "类别"
#define COLUMN_DATA   "数据"
#define COLUMN_SOURCE "来源"
#define NAME_MAX_CHARS 50
#define TEXT_MAX_CHARS 200

static const char * const required_columns[] = { COLUMN_ID_NO, COLUMN_NAME, COLUMN_KIND,
                                                 COLUMN_DATA, NULL };
static const char * const all_columns[] = { COLUMN_ID_NO, COLUMN_NAME, COLUMN_KIND,
                                            COLUMN_DATA, COLUMN_SOURCE, NULL };

typedef struct
{
  int id_no;
  int name;
  int kind;
  int data;
  int source;
} Columns;

/* The columns, or FALSE with *out_why naming the first unknown or
 * missing one (a 422 on file). */
static gboolean
find_columns (AnjuTableReader  *reader,
              Columns          *columns,
              char            **out_why)
{
  const char * const *header = anju_table_reader_get_header (reader);

  for (guint i = 0; header[i] != NULL; i++)
    if (header[i][0] != '\0' && !g_strv_contains (all_columns, header[i]))
      {
        /* Translators: %1$s is a column header of the file */
        *out_why = g_strdup_printf (_("Unknown column “%1$s”"), header[i]);
        return FALSE;
      }
  for (guint i = 0; required_columns[i] != NULL; i++)
    if (anju_table_reader_find_column (reader, required_columns[i]) < 0)
      {
        /* Translators: %1$s is a column header such as 身份证号 */
        *out_why = g_strdup_printf (_("The required column “%1$s” is missing"),
                                    required_columns[i]);
        return FALSE;
      }

  columns->id_no = anju_table_reader_find_column (reader, COLUMN_ID_NO);
  columns->name = anju_table_reader_find_column (reader, COLUMN_NAME);
  columns->kind = anju_table_reader_find_column (reader, COLUMN_KIND);
  columns->data = anju_table_reader_find_column (reader, COLUMN_DATA);
  columns->source = anju_table_reader_find_column (reader, COLUMN_SOURCE);
  return TRUE;
}

static gboolean
check_length (AnjuImportReport *report,
              guint             row,
              const char       *column,
              const char       *value,
              guint             max_chars)
{
  g_autofree char *why = NULL;

  if (g_utf8_strlen (value, -1) <= max_chars)
    return TRUE;
  /* Translators: %1$u is a number of characters */
  why = g_strdup_printf (_("Must be at most %1$u characters"), max_chars);
  anju_import_report_add_error (report, row, column, why);
  return FALSE;
}

/* One row into record; FALSE with the row's errors in report. */
static gboolean
read_row (AnjuTableReader    *reader,
          const Columns      *columns,
          guint               i,
          AnjuImportReport   *report,
          AnjuExternalRecord *record)
{
  guint row = anju_table_reader_get_row_number (reader, i);
  const char *id_no = anju_table_reader_get_cell (reader, i, columns->id_no);
  const char *name = anju_table_reader_get_cell (reader, i, columns->name);
  const char *kind_name = anju_table_reader_get_cell (reader, i, columns->kind);
  const char *data = anju_table_reader_get_cell (reader, i, columns->data);
  const char *source = anju_table_reader_get_cell (reader, i, columns->source);
  g_autoptr(GError) error = NULL;
  const char *kind = anju_external_kind_from_name (kind_name);
  gboolean ok = TRUE;

  if (!anju_id_number_validate (id_no, &error))
    {
      anju_import_report_add_error (report, row, COLUMN_ID_NO, error->message);
      ok = FALSE;
    }
  if (name[0] == '\0')
    {
      anju_import_report_add_error (report, row, COLUMN_NAME, _("This field is required"));
      ok = FALSE;
    }
  ok = check_length (report, row, COLUMN_NAME, name, NAME_MAX_CHARS) && ok;
  ok = check_length (report, row, COLUMN_SOURCE, source, TEXT_MAX_CHARS) && ok;
  if (kind == NULL)
    {
      anju_import_report_add_error (report, row, COLUMN_KIND,
                                    _("Must be one of: 户籍, 房产, 住房保障, 低保, 租赁, 婚姻"));
      return FALSE;
    }

  g_clear_error (&error);
  record->data = anju_external_data_normalise (kind, data, &error);
  if (record->data == NULL)
    {
      anju_import_report_add_error (report, row, COLUMN_DATA, error->message);
      return FALSE;
    }
  ok = check_length (report, row, COLUMN_DATA, record->data, TEXT_MAX_CHARS) && ok;

  record->id_no = g_ascii_strup (id_no, -1);
  record->name = g_strdup (name);
  record->kind = g_strdup (kind);
  record->source = source[0] != '\0' ? g_strdup (source) : NULL;
  return ok;
}

/* Refuses a fact stored already or seen earlier in the file. */
static gboolean
check_new (AnjuDb                    *db,
           const AnjuExternalRecord  *record,
           guint                      row,
           GHashTable                *seen,
           AnjuImportReport          *report,
           GError                   **error)
{
  g_autofree char *key = g_strjoin ("\x1f", record->id_no, record->kind, record->data, NULL);
  gboolean exists = FALSE;

  if (!anju_external_record_exists (db, record, &exists, error))
    return FALSE;
  if (exists || g_hash_table_contains (seen, key))
    anju_import_report_add_error (report, row, NULL,
                                  exists ? _("This record has been imported already")
                                         : _("This record is in the file twice"));
  else
    g_hash_table_add (seen, g_steal_pointer (&key));
  return TRUE;
}

/* Reads and checks every row: the valid ones go to records. */
static gboolean
check_rows (AnjuDb            *db,
            AnjuTableReader   *reader,
            const Columns     *columns,
            AnjuImportReport  *report,
            GArray            *records,
            GError           **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_rows = anju_table_reader_get_n_rows (reader);

  for (guint i = 0; i < n_rows; i++)
    {
      AnjuExternalRecord record = { NULL, };
      guint row = anju_table_reader_get_row_number (reader, i);
      guint n_errors = anju_import_report_get_n_errors (report);

      if (read_row (reader, columns, i, report, &record) &&
          !check_new (db, &record, row, seen, report, error))
        {
          anju_external_record_clear (&record);
          return FALSE;
        }
      if (anju_import_report_get_n_errors (report) == n_errors)
        {
          anju_import_report_add_valid (report, anju_external_record_to_json (&record));
          g_array_append_val (records, record);
        }
      else
        anju_external_record_clear (&record);
    }
  anju_import_report_set_rows (report, n_rows);
  return TRUE;
}

static gboolean
store_record (AnjuRequest               *request,
              const AnjuExternalRecord  *record,
              gint64                     now,
              GError                   **error)
{
  AnjuCaller *caller = anju_request_get_caller (request);
  g_autoptr(JsonNode) after = NULL;
  gint64 id;

  id = anju_external_record_insert (anju_request_get_db (request), record, caller->user_id, now,
                                    error);
  if (id == 0)
    return FALSE;
  after = anju_external_record_to_json (record);
  json_object_set_int_member (json_node_get_object (after), "id", id);
  return anju_audit_record (request, NULL, "pubrent.external_record.create",
                            "pubrent_external_record", id, NULL, after, error);
}

static gboolean
audit_batch (AnjuRequest  *request,
             const char   *format,
             guint         n_rows,
             guint         n_imported,
             GError      **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) after = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, format);
  json_builder_set_member_name (builder, "rows");
  json_builder_add_int_value (builder, n_rows);
  json_builder_set_member_name (builder, "imported");
  json_builder_add_int_value (builder, n_imported);
  json_builder_end_object (builder);
  after = json_builder_get_root (builder);
  return anju_audit_record (request, NULL, "pubrent.external_record.import",
                            "pubrent_external_record", 0, NULL, after, error);
}

/* Every valid record with its audit rows, or none of them. */
static gboolean
store_records (AnjuRequest  *request,
               const char   *format,
               guint         n_rows,
               GArray       *records,
               GError      **error)
{
  AnjuDb *db = anju_request_get_db (request);
  gint64 now = anju_clock_now_secs (anju_request_get_clock (request));
  gboolean ok = TRUE;

  if (!anju_db_begin (db, error))
    return FALSE;
  for (guint i = 0; ok && i < records->len; i++)
    ok = store_record (request, &g_array_index (records, AnjuExternalRecord, i), now, error);
  ok = ok && audit_batch (request, format, n_rows, records->len, error);
  return anju_transaction_end (db, ok, error);
}

/* ?format=csv|xlsx (required) and ?dry_run=true|false (default false). */
static gboolean
read_options (AnjuRequest  *request,
              const char  **out_format,
              gboolean     *out_dry_run)
{
  const char *format = anju_request_get_query (request, "format");
  const char *dry_run = anju_request_get_query (request, "dry_run");

  if (g_strcmp0 (format, "csv") != 0 && g_strcmp0 (format, "xlsx") != 0)
    anju_request_add_field_error (request, "format", _("Must be csv or xlsx"));
  if (dry_run != NULL && !g_str_equal (dry_run, "true") && !g_str_equal (dry_run, "false"))
    anju_request_add_field_error (request, "dry_run", _("Must be true or false"));
  if (anju_request_has_field_errors (request))
    {
      anju_reply_validation_failed (request);
      return FALSE;
    }
  *out_format = format;
  *out_dry_run = g_strcmp0 (dry_run, "true") == 0;
  return TRUE;
}

/* The file is read and checked in a worker thread (every row asks the
 * database whether its fact is stored already); the valid records are
 * then written on the main connection. */
typedef struct
{
  GBytes           *bytes;        /* (owned) the upload */
  char             *format;       /* (owned) */
  gboolean          dry_run;
  AnjuImportReport *report;       /* (owned) */
  GArray           *records;      /* (owned) of AnjuExternalRecord */
  guint             n_rows;
  char             *file_why;     /* (owned) (nullable) the file itself is refused */
} ImportJob;

static void
import_job_free (gpointer data)
{
  ImportJob *job = data;

  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_free (job->format);
  g_clear_pointer (&job->report, anju_import_report_free);
  g_clear_pointer (&job->records, g_array_unref);
  g_free (job->file_why);
  g_free (job);
}

static gboolean
import_job_check (AnjuDb   *reader,
                  gpointer  data,
                  GError  **error)
{
  ImportJob *job = data;
  g_autoptr(AnjuTableReader) table = NULL;
  g_autoptr(GError) file_error = NULL;
  Columns columns;

  table = anju_table_reader_new (job->bytes, job->format, &file_error);
  if (table == NULL)
    {
      job->file_why = g_strdup (file_error->message);
      return TRUE;
    }
  if (!find_columns (table, &columns, &job->file_why))
    return TRUE;
  job->n_rows = anju_table_reader_get_n_rows (table);
  return check_rows (reader, table, &columns, job->report, job->records, error);
}

static void
import_job_store (AnjuRequest *request,
                  gpointer     data)
{
  ImportJob *job = data;
  g_autoptr(GError) error = NULL;

  if (job->file_why != NULL)
    {
      anju_reply_field_error (request, "file", job->file_why);
      return;
    }
  if (!job->dry_run && !store_records (request, job->format, job->n_rows, job->records, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  anju_import_report_set_imported (job->report, job->dry_run ? 0 : job->records->len);
  anju_request_reply_json (request, SOUP_STATUS_OK, anju_import_report_to_json (job->report));
}

static void
handle_import (AnjuRequest *request)
{
  SoupServerMessage *msg = anju_request_get_message (request);
  const char *format = NULL;
  gboolean dry_run = FALSE;
  ImportJob *job;

  if (!read_options (request, &format, &dry_run))
    return;
  job = g_new0 (ImportJob, 1);
  job->bytes = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  job->format = g_strdup (format);
  job->dry_run = dry_run;
  job->report = anju_import_report_new ();
  job->records = g_array_new (FALSE, TRUE, sizeof (AnjuExternalRecord));
  g_array_set_clear_func (job->records, (GDestroyNotify) anju_external_record_clear);
  anju_db_worker_run (request, ANJU_DB_JOB_BULK, import_job_check, import_job_store, job,
                      import_job_free);
}

static const AnjuRoute routes[] = {
  { "POST", "/api/v1/pubrent/external-records/import", ANJU_PERM_PUBRENT_RULES_WRITE,
    ANJU_ROUTE_UPLOAD, handle_import,
    "Import external person records from CSV or XLSX (?format=csv|xlsx&dry_run=true|false)",
    NULL, "pubrent" },
};

const AnjuRoute *
anju_external_records_import_get_routes (guint *n_routes)
{
  *n_routes = G_N_ELEMENTS (routes);
  return routes;
}
