/* anju-housing-transfer.c: units in and out as spreadsheets.
 *
 * The import checks every row before writing any: a row with a problem
 * is reported (row, column, reason) and skipped, the others go in
 * together in one transaction, or, on a dry run, the same transaction is
 * rolled back so the preview is exactly what a real import would do.
 * The export writes the columns the import reads, in the same order, so
 * an exported file imports as it is.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-audit.h"
#include "anju-caller.h"
#include "anju-db-worker.h"
#include "anju-decimal.h"
#include "anju-housing-private.h"
#include "anju-housing-units.h"
#include "anju-import-report.h"
#include "anju-stmt.h"
#include "anju-table-reader.h"
#include "anju-table-writer.h"
#include "anju-transaction.h"
#include "anju-validation.h"

/* The file's columns (docs/api.md), in order: words of the file format,
 * never translated. */
enum
{
  C_UNIT_NO, C_PROJECT_NO, C_BUILDING, C_ENTRANCE, C_ROOM_NO, C_FLOOR, C_LAYOUT, C_ROOM_COUNT,
  C_FLOOR_AREA, C_INNER_AREA, C_ORIENTATION, C_RENT, C_FACILITIES, C_STATE, N_COLUMNS
};

static const char * const column_names[N_COLUMNS] = {
  "房屋编号", "项目编号", "楼栋", "单元", "房号", "楼层", "户型", "间数", "建筑面积", "套内面积",
  "朝向", "月租金", "配套设施", "状态",
};

static const gboolean column_required[N_COLUMNS] = {
  TRUE, TRUE, TRUE, FALSE, TRUE, TRUE, TRUE, FALSE, TRUE, FALSE, FALSE, TRUE, FALSE, FALSE,
};

/* Longest text per column, in characters (0: not text). */
static const guint column_max[N_COLUMNS] = {
  50, 50, 100, 10, 10, 0, 0, 0, 0, 0, 20, 0, 500, 0,
};

/* ---- import -------------------------------------------------------------- */

typedef struct
{
  gint64  id;
  char   *name;
} ProjectRef;

static void
project_ref_free (gpointer data)
{
  ProjectRef *ref = data;

  /* Project numbers not found are remembered as NULL. */
  if (ref == NULL)
    return;
  g_free (ref->name);
  g_free (ref);
}

typedef struct
{
  AnjuRequest      *request;
  AnjuDb           *db;
  AnjuTableReader  *reader;
  int               columns[N_COLUMNS];
  AnjuImportReport *report;
  gboolean          dry_run;
  gint64            now;
  GHashTable       *projects;   /* project_no → ProjectRef, NULL ref: not in scope */
  GHashTable       *unit_rows;  /* unit_no → row number of its first valid row */
  guint             imported;
} Import;

static const char *
cell (Import *import,
      guint   row,
      int     column)
{
  return anju_table_reader_get_cell (import->reader, row, import->columns[column]);
}

/* "空置" or "vacant" → "vacant"; NULL when neither. */
static const char *
code_from_name (const char * const *codes,
                const char * const *names,
                const char         *text)
{
  for (guint i = 0; codes[i] != NULL; i++)
    if (g_str_equal (text, names[i]) || g_str_equal (text, codes[i]))
      return codes[i];
  return NULL;
}

static const char *
name_from_code (const char * const *codes,
                const char * const *names,
                const char         *code)
{
  for (guint i = 0; codes[i] != NULL; i++)
    if (g_strcmp0 (code, codes[i]) == 0)
      return names[i];
  return code;
}

static gboolean
find_project (Import      *import,
              const char  *project_no,
              ProjectRef **out_ref,
              GError     **error)
{
  g_auto(AnjuStmt) stmt = NULL;
  ProjectRef *ref = NULL;
  int rc;

  if (g_hash_table_lookup_extended (import->projects, project_no, NULL, (gpointer *) out_ref))
    return TRUE;
  stmt = anju_db_prepare (import->db, "SELECT p.id, p.name FROM " ANJU_HOUSING_PROJECT_JOIN
                                      " WHERE p.project_no = ?1 AND "
                                      ANJU_HOUSING_IN_SCOPE ("?2"), error);
  if (stmt == NULL)
    return FALSE;
  anju_db_bind_text (stmt, 1, project_no);
  anju_db_bind_text (stmt, 2, anju_housing_request_scope (import->request));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      ref = g_new0 (ProjectRef, 1);
      ref->id = sqlite3_column_int64 (stmt, 0);
      ref->name = anju_db_column_dup (stmt, 1);
    }
  else if (rc != SQLITE_DONE)
    {
      anju_db_set_error (import->db, error);
      return FALSE;
    }
  g_hash_table_insert (import->projects, g_strdup (project_no), ref);
  *out_ref = ref;
  return TRUE;
}

typedef struct
{
  Import *import;
  guint   number;       /* spreadsheet row */
  gboolean ok;
} RowCheck;

static void
row_error (RowCheck   *check,
           int         column,
           const char *reason)
{
  anju_import_report_add_error (check->import->report, check->number,
                                column >= 0 ? column_names[column] : NULL, reason);
  check->ok = FALSE;
}

static char *
row_text (RowCheck *check,
          guint     row,
          int       column)
{
  const char *text = cell (check->import, row, column);

  if (*text == '\0')
    {
      if (column_required[column])
        row_error (check, column, _("Must not be empty"));
      return NULL;
    }
  if (column_max[column] > 0 && g_utf8_strlen (text, -1) > column_max[column])
    {
      g_autofree char *reason = g_strdup_printf (_("At most %u characters"), column_max[column]);

      row_error (check, column, reason);
      return NULL;
    }
  return g_strdup (text);
}

static gint64
row_int (RowCheck *check,
         guint     row,
         int       column,
         gint64    min,
         gint64    max,
         gint64    absent)
{
  const char *text = cell (check->import, row, column);
  gint64 value;

  if (*text == '\0')
    {
      if (column_required[column])
        row_error (check, column, _("Must not be empty"));
      return absent;
    }
  if (!g_ascii_string_to_signed (text, 10, min, max, &value, NULL))
    {
      g_autofree char *reason =
        /* Translators: the range of a whole number, e.g. "from 0 to 20" */
        g_strdup_printf (_("Must be a whole number from %1$d to %2$d"), (int) min, (int) max);

      row_error (check, column, reason);
      return absent;
    }
  return value;
}

static gint64
row_hundredths (RowCheck *check,
                guint     row,
                int       column,
                gboolean  positive)
{
  const char *text = cell (check->import, row, column);
  g_autoptr(GError) error = NULL;
  gint64 value;

  if (*text == '\0')
    {
      if (column_required[column])
        row_error (check, column, _("Must not be empty"));
      return -1;
    }
  if (!anju_housing_parse_hundredths (text, &value, &error))
    {
      row_error (check, column, error->message);
      return -1;
    }
  if (positive && value == 0)
    {
      row_error (check, column, _("Must be more than zero"));
      return -1;
    }
  return value;
}

static const char *
row_enum (RowCheck           *check,
          guint               row,
          int                 column,
          const char * const *codes,
          const char * const *names)
{
  const char *text = cell (check->import, row, column);
  const char *code;

  if (*text == '\0')
    {
      if (column_required[column])
        row_error (check, column, _("Must not be empty"));
      return NULL;
    }
  code = code_from_name (codes, names, text);
  if (code == NULL)
    {
      g_autofree char *list = g_strjoinv ("、", (char **) names);
      /* Translators: %s lists the allowed Chinese names */
      g_autofree char *reason = g_strdup_printf (_("Must be one of: %s"), list);

      row_error (check, column, reason);
    }
  return code;
}

/* Fills input and *out_building from row; every problem is reported.
 * *out_project is the row's project when it was found. */
static gboolean
check_row (Import         *import,
           guint           row,
           AnjuUnitInput  *input,
           char          **out_building,
           ProjectRef    **out_project,
           GError        **error)
{
  RowCheck check = { import, anju_table_reader_get_row_number (import->reader, row), TRUE };
  g_autofree char *project_no = NULL;
  gboolean exists = FALSE;
  const char *code;
  gpointer first;

  *out_project = NULL;
  input->unit_no = row_text (&check, row, C_UNIT_NO);
  project_no = row_text (&check, row, C_PROJECT_NO);
  *out_building = row_text (&check, row, C_BUILDING);
  input->entrance = row_text (&check, row, C_ENTRANCE);
  input->room_no = row_text (&check, row, C_ROOM_NO);
  input->floor = row_int (&check, row, C_FLOOR, -5, 200, 0);
  code = row_enum (&check, row, C_LAYOUT, anju_housing_layouts, anju_housing_layout_names);
  input->layout = g_strdup (code);
  input->room_count = row_int (&check, row, C_ROOM_COUNT, 0, 20, -1);
  input->floor_area = row_hundredths (&check, row, C_FLOOR_AREA, TRUE);
  input->inner_area = row_hundredths (&check, row, C_INNER_AREA, TRUE);
  if (input->inner_area > 0 && input->floor_area > 0 && input->inner_area > input->floor_area)
    row_error (&check, C_INNER_AREA, _("Must not be more than the floor area"));
  input->orientation = row_text (&check, row, C_ORIENTATION);
  input->monthly_rent = row_hundredths (&check, row, C_RENT, FALSE);
  input->facilities = row_text (&check, row, C_FACILITIES);
  code = row_enum (&check, row, C_STATE, anju_housing_unit_states, anju_housing_state_names);
  input->state = g_strdup (code != NULL ? code : "vacant");

  if (input->unit_no != NULL)
    {
      if (g_hash_table_lookup_extended (import->unit_rows, input->unit_no, NULL, &first))
        {
          g_autofree char *reason =
            g_strdup_printf (_("Repeats the unit number of row %u"), GPOINTER_TO_UINT (first));

          row_error (&check, C_UNIT_NO, reason);
        }
      else if (!anju_housing_unit_no_exists (import->db, input->unit_no, &exists, error))
        return FALSE;
      else if (exists)
        row_error (&check, C_UNIT_NO, _("A unit with this number already exists"));
      else
        g_hash_table_insert (import->unit_rows, g_strdup (input->unit_no),
                             GUINT_TO_POINTER (check.number));
    }
  if (project_no != NULL)
    {
      if (!find_project (import, project_no, out_project, error))
        return FALSE;
      if (*out_project == NULL)
        row_error (&check, C_PROJECT_NO, _("No such project"));
      else
        input->project_id = (*out_project)->id;
    }
  return check.ok;
}

/* The row's building, made (and audited) when the project has none of
 * that name yet. */
static gboolean
ensure_building (Import      *import,
                 const char  *name,
                 gint64       project_id,
                 gint64      *out_id,
                 gboolean    *out_made,
                 GError     **error)
{
  g_autoptr(JsonNode) after = NULL;

  *out_made = FALSE;
  if (!anju_housing_find_building (import->db, project_id, name, out_id, error))
    return FALSE;
  if (*out_id != 0)
    return TRUE;
  *out_id = anju_housing_insert_building (import->db, project_id, name, NULL, 0, import->now,
                                          error);
  *out_made = TRUE;
  return *out_id != 0
         && (after = anju_housing_building_node (import->db, *out_id, error)) != NULL
         && anju_audit_record (import->request, NULL, "pubrent.building.create",
                               "pubrent.building", *out_id, NULL, after, error);
}

static gboolean
import_row (Import  *import,
            guint    row,
            GError **error)
{
  g_auto(AnjuUnitInput) input = { .room_count = -1, .inner_area = -1 };
  g_autoptr(JsonNode) after = NULL;
  g_autofree char *building = NULL;
  ProjectRef *project = NULL;
  gboolean made;
  gint64 id;

  if (!check_row (import, row, &input, &building, &project, error))
    return error == NULL || *error == NULL;
  if (!ensure_building (import, building, input.project_id, &input.building_id, &made, error))
    return FALSE;
  id = anju_housing_insert_unit (import->db, &input, import->now, error);
  if (id == 0
      || (after = anju_housing_unit_to_json (import->db, id, NULL, error)) == NULL
      || !anju_housing_record_change (import->db, id, "import", NULL, after, NULL,
                                      anju_request_get_caller (import->request)->user_id,
                                      import->now, error)
      || !anju_audit_record (import->request, NULL, "pubrent.unit.create", "pubrent.unit", id,
                             NULL, after, error))
    return FALSE;

  import->imported++;
  /* A dry run's ids are rolled back: its preview has none. */
  if (import->dry_run)
    {
      if (made)
        input.building_id = 0;
      anju_import_report_add_valid (import->report,
                                    anju_housing_unit_preview (&input, project->name, building));
    }
  else
    anju_import_report_add_valid (import->report, g_steal_pointer (&after));
  return TRUE;
}

static gboolean
audit_batch (Import  *import,
             GError **error)
{
  g_autoptr(JsonNode) after = anju_import_report_to_json (import->report);
  JsonObject *object = json_node_get_object (after);

  json_object_remove_member (object, "preview");
  json_object_remove_member (object, "errors");
  return anju_audit_record (import->request, NULL, "pubrent.unit.import", "pubrent.unit", 0,
                            NULL, after, error);
}

/* Every column known, every required one present; else one 422 on file. */
static gboolean
match_columns (AnjuRequest     *request,
               AnjuTableReader *reader,
               int             *columns)
{
  const char * const *header = anju_table_reader_get_header (reader);
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  g_autoptr(GPtrArray) unknown = g_ptr_array_new ();
  g_autoptr(GString) message = g_string_new (NULL);

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      columns[i] = anju_table_reader_find_column (reader, column_names[i]);
      if (columns[i] < 0 && column_required[i])
        g_ptr_array_add (missing, (gpointer) column_names[i]);
    }
  for (guint h = 0; header[h] != NULL; h++)
    {
      gboolean known = *header[h] == '\0';

      for (guint i = 0; i < N_COLUMNS && !known; i++)
        known = columns[i] == (int) h;
      if (!known)
        g_ptr_array_add (unknown, (gpointer) header[h]);
    }
  if (missing->len == 0 && unknown->len == 0)
    return TRUE;

  g_ptr_array_add (missing, NULL);
  g_ptr_array_add (unknown, NULL);
  if (missing->len > 1)
    {
      g_autofree char *names = g_strjoinv ("、", (char **) missing->pdata);

      /* Translators: %s lists column headers */
      g_string_append_printf (message, _("Missing columns: %s"), names);
    }
  if (unknown->len > 1)
    {
      g_autofree char *names = g_strjoinv ("、", (char **) unknown->pdata);

      if (message->len > 0)
        g_string_append (message, "; ");
      /* Translators: %s lists column headers */
      g_string_append_printf (message, _("Unknown columns: %s"), names);
    }
  anju_reply_field_error (request, "file", message->str);
  return FALSE;
}

static gboolean
read_import_query (AnjuRequest  *request,
                   const char  **out_format,
                   gboolean     *out_dry_run)
{
  const char *format = anju_request_get_query (request, "format");
  const char *dry_run = anju_request_get_query (request, "dry_run");

  *out_format = format;
  /* Nothing is written unless the caller says so. */
  *out_dry_run = g_strcmp0 (dry_run, "false") != 0;
  if (g_strcmp0 (format, "csv") != 0 && g_strcmp0 (format, "xlsx") != 0)
    anju_request_add_field_error (request, "format", _("Must be csv or xlsx"));
  if (dry_run != NULL && !g_str_equal (dry_run, "true") && !g_str_equal (dry_run, "false"))
    anju_request_add_field_error (request, "dry_run", _("Must be true or false"));
  if (!anju_request_has_field_errors (request))
    return TRUE;
  anju_reply_validation_failed (request);
  return FALSE;
}

static void
handle_import (AnjuRequest *request)
{
  SoupServerMessage *msg = anju_request_get_message (request);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  g_autoptr(AnjuTableReader) reader = NULL;
  g_autoptr(AnjuImportReport) report = anju_import_report_new ();
  g_autoptr(GHashTable) projects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          project_ref_free);
  g_autoptr(GHashTable) unit_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           NULL);
  g_autoptr(GError) error = NULL;
  Import import = { 0 };
  const char *format;
  gboolean dry_run;
  gboolean ok = TRUE;
  guint n;

  if (!read_import_query (request, &format, &dry_run))
    return;
  reader = anju_table_reader_new (bytes, format, &error);
  if (reader == NULL)
    {
      anju_reply_field_error (request, "file", error->message);
      return;
    }
  import = (Import) {
    request, anju_request_get_db (request), reader, { 0 }, report, dry_run,
    anju_housing_request_now (request), projects, unit_rows, 0,
  };
  if (!match_columns (request, reader, import.columns))
    return;

  n = anju_table_reader_get_n_rows (reader);
  anju_import_report_set_rows (report, n);
  if (!anju_db_begin (import.db, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  for (guint row = 0; row < n && ok; row++)
    ok = import_row (&import, row, &error);
  if (!dry_run)
    anju_import_report_set_imported (report, import.imported);
  ok = ok && audit_batch (&import, &error);

  if (dry_run && ok)
    anju_db_rollback (import.db);
  else if (!anju_transaction_end (import.db, ok, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  anju_request_reply_json (request, SOUP_STATUS_OK, anju_import_report_to_json (report));
}

/* ---- export -------------------------------------------------------------- */

static char *
hundredths_column (sqlite3_stmt *stmt,
                   int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return g_strdup ("");
  return anju_decimal_format_hundredths (sqlite3_column_int64 (stmt, column));
}

static char *
text_column (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return g_strdup (text != NULL ? text : "");
}

static void
add_unit_row (AnjuTableWriter *writer,
              sqlite3_stmt    *stmt)
{
  char *cells[N_COLUMNS];

  cells[C_UNIT_NO] = text_column (stmt, ANJU_HOUSING_UNIT_COL_UNIT_NO);
  cells[C_PROJECT_NO] = text_column (stmt, ANJU_HOUSING_UNIT_COL_PROJECT_NO);
  cells[C_BUILDING] = text_column (stmt, ANJU_HOUSING_UNIT_COL_BUILDING);
  cells[C_ENTRANCE] = text_column (stmt, ANJU_HOUSING_UNIT_COL_ENTRANCE);
  cells[C_ROOM_NO] = text_column (stmt, ANJU_HOUSING_UNIT_COL_ROOM_NO);
  cells[C_FLOOR] = text_column (stmt, ANJU_HOUSING_UNIT_COL_FLOOR);
  cells[C_LAYOUT] = g_strdup (name_from_code (anju_housing_layouts, anju_housing_layout_names,
                                              (const char *) sqlite3_column_text (stmt, ANJU_HOUSING_UNIT_COL_LAYOUT)));
  cells[C_ROOM_COUNT] = text_column (stmt, ANJU_HOUSING_UNIT_COL_ROOM_COUNT);
  cells[C_FLOOR_AREA] = hundredths_column (stmt, ANJU_HOUSING_UNIT_COL_FLOOR_AREA);
  cells[C_INNER_AREA] = hundredths_column (stmt, ANJU_HOUSING_UNIT_COL_INNER_AREA);
  cells[C_ORIENTATION] = text_column (stmt, ANJU_HOUSING_UNIT_COL_ORIENTATION);
  cells[C_RENT] = hundredths_column (stmt, ANJU_HOUSING_UNIT_COL_RENT);
  cells[C_FACILITIES] = text_column (stmt, ANJU_HOUSING_UNIT_COL_FACILITIES);
  cells[C_STATE] = g_strdup (name_from_code (anju_housing_unit_states, anju_housing_state_names,
                                             (const char *) sqlite3_column_text (stmt, ANJU_HOUSING_UNIT_COL_STATE)));
  anju_table_writer_add_row (writer, (const char * const *) cells, N_COLUMNS);
  for (guint i = 0; i < N_COLUMNS; i++)
    g_free (cells[i]);
}

static GBytes *
export_units (AnjuDb                 *db,
              const AnjuUnitFilters  *filters,
              AnjuTableWriter        *writer,
              GError                **error)
{
  g_autofree char *sql = anju_unit_list_sql (filters, ANJU_UNIT_LIST_ALL);
  g_auto(AnjuStmt) stmt = NULL;
  int rc;

  stmt = anju_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  anju_unit_filters_bind (stmt, filters);
  anju_table_writer_add_row (writer, column_names, N_COLUMNS);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    add_unit_row (writer, stmt);
  if (rc != SQLITE_DONE)
    {
      anju_db_set_error (db, error);
      return NULL;
    }
  return anju_table_writer_finish (writer, error);
}

/* The export as the worker thread sees it. */
typedef struct
{
  AnjuUnitFilters *filters;     /* (owned) owning their copies */
  AnjuTableWriter *writer;      /* (owned) */
  GBytes          *bytes;       /* (owned) (nullable) until written */
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_clear_pointer (&job->filters, anju_unit_filters_free);
  g_clear_pointer (&job->writer, anju_table_writer_free);
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_free (job);
}

static ExportJob *
export_job_new (AnjuUnitFilters *filters,
                AnjuTableWriter *writer)
{
  ExportJob *job = g_new0 (ExportJob, 1);

  job->filters = anju_unit_filters_take (filters);
  job->writer = writer;
  return job;
}

/* In a worker thread: every unit of the scope, at city scale 600 000. */
static gboolean
export_job (AnjuDb   *reader,
            gpointer  data,
            GError  **error)
{
  ExportJob *job = data;

  job->bytes = export_units (reader, job->filters, job->writer, error);
  return job->bytes != NULL;
}

static void
export_reply (AnjuRequest *request,
              gpointer     data)
{
  ExportJob *job = data;
  g_autofree char *filename = g_strdup_printf ("房源信息.%s",
                                               anju_table_writer_get_extension (job->writer));

  anju_request_reply_file (request, job->bytes, anju_table_writer_get_content_type (job->writer),
                           filename);
}

static void
handle_export (AnjuRequest *request)
{
  g_auto(AnjuUnitFilters) filters = { 0 };
  g_autoptr(AnjuTableWriter) writer = NULL;
  g_autoptr(GError) error = NULL;
  const char *format = anju_request_get_query (request, "format");

  if (format == NULL)
    format = "xlsx";
  writer = anju_table_writer_new (format, "房源信息", &error);
  if (writer == NULL)
    {
      anju_reply_field_error (request, "format", _("Must be csv or xlsx"));
      return;
    }
  if (!anju_unit_filters_read (request, &filters))
    return;
  anju_db_worker_run (request, ANJU_DB_JOB_BULK, export_job, export_reply,
                      export_job_new (&filters, g_steal_pointer (&writer)), export_job_free);
}

/* Before the unit routes: /units/export must not be taken for /units/{id}. */
static const AnjuRoute transfer_routes[] = {
  { "POST", "/api/v1/pubrent/units/import", ANJU_PERM_HOUSING_WRITE, ANJU_ROUTE_UPLOAD,
    handle_import, "Import units from CSV or XLSX (?format=csv|xlsx&dry_run=true|false)", NULL,
    "pubrent-housing" },
  { "GET", "/api/v1/pubrent/units/export", ANJU_PERM_HOUSING_READ, ANJU_ROUTE_DEFAULT,
    handle_export, "The unit list as XLSX or CSV (?format=xlsx|csv and the list's filters)",
    NULL, "pubrent-housing" },
};

const AnjuRoute *
anju_housing_transfer_routes (guint *n_routes)
{
  *n_routes = G_N_ELEMENTS (transfer_routes);
  return transfer_routes;
}
