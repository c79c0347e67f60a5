/* anju-application-import.c: POST /api/v1/pubrent/applications/import,
 * directed applications of the caller's employer from a spreadsheet, one
 * employee (a one-person household) per row (docs/api.md "Imports").
 *
 * Each row goes through exactly what POST /applications and …/submit do
 * (anju_applications_create and _submit), inside a savepoint of the one
 * import transaction: a row that fails is rolled back alone and listed
 * with its column; a dry run rolls back the lot.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-application-check.h"
#include "anju-application-detail.h"
#include "anju-application-fields.h"
#include "anju-application-routes.h"
#include "anju-audit.h"
#include "anju-caller.h"
#include "anju-clock.h"
#include "anju-import-report.h"
#include "anju-stmt.h"
#include "anju-table-reader.h"
#include "anju-validation.h"
#include "anju-workflow.h"

/* The columns of docs/api.md, in order; * marks the required ones. */
typedef enum
{
  COL_TYPE, COL_NAME, COL_ID_NO, COL_PHONE, COL_COUNTY, COL_SIZE, COL_INCOME, COL_AREA,
  COL_MARITAL, COL_HUKOU_YEARS, N_COLUMNS
} Column;

static const struct
{
  const char *header;
  gboolean    required;
} columns[N_COLUMNS] = {
  { "业务类型", TRUE }, { "姓名", TRUE }, { "身份证号", TRUE }, { "手机号", TRUE },
  { "户籍所在区县代码", TRUE }, { "家庭人口数", TRUE }, { "家庭人均年收入", FALSE },
  { "家庭人均建筑面积", FALSE }, { "婚姻状况", FALSE }, { "户口年限", FALSE },
};

/* Which column a field error of the record belongs to. */
static const struct
{
  const char *field;
  Column      column;
} field_columns[] = {
  { "business_type", COL_TYPE }, { "applicant_name", COL_NAME }, { "members[0].name", COL_NAME },
  { "id_no", COL_ID_NO }, { "members[0].id_no", COL_ID_NO },
  { "members[0].birth_date", COL_ID_NO }, { "members[0].gender", COL_ID_NO },
  { "phone", COL_PHONE }, { "members[0].phone", COL_PHONE },
  { "hukou_county_code", COL_COUNTY }, { "household_size", COL_SIZE },
  { "annual_income_per_capita", COL_INCOME }, { "annual_income_total", COL_INCOME },
  { "floor_area_per_capita", COL_AREA }, { "floor_area_total", COL_AREA },
  { "members[0].marital_status", COL_MARITAL }, { "members[0].hukou_years", COL_HUKOU_YEARS },
};

typedef struct
{
  AnjuRequest      *request;
  AnjuTableReader  *reader;
  int               index[N_COLUMNS];
  AnjuImportReport *report;
} Import;

static const char *
column_of_field (const char *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_columns); i++)
    if (g_str_equal (field_columns[i].field, field))
      return columns[field_columns[i].column].header;
  return NULL;
}

/* Every header known, every required one there; 422 on file otherwise. */
static gboolean
find_columns (Import *import)
{
  const char * const *header = anju_table_reader_get_header (import->reader);

  for (guint i = 0; header[i] != NULL; i++)
    {
      gboolean known = FALSE;

      for (guint c = 0; c < N_COLUMNS; c++)
        known = known || g_str_equal (header[i], columns[c].header);
      if (!known && *header[i] != '\0')
        {
          /* Translators: %s is a column header of the uploaded file */
          g_autofree char *why = g_strdup_printf (_("Unknown column: %s"), header[i]);

          anju_reply_field_error (import->request, "file", why);
          return FALSE;
        }
    }
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      import->index[c] = anju_table_reader_find_column (import->reader, columns[c].header);
      if (import->index[c] < 0 && columns[c].required)
        {
          /* Translators: %s is a column header such as 身份证号 */
          g_autofree char *why = g_strdup_printf (_("Missing required column: %s"),
                                                  columns[c].header);

          anju_reply_field_error (import->request, "file", why);
          return FALSE;
        }
    }
  return TRUE;
}

static const char *
cell (Import *import,
      guint   row,
      Column  column)
{
  return anju_table_reader_get_cell (import->reader, row, import->index[column]);
}

/* A code of code_set given by its Chinese name (or the code itself). */
static char *
code_by_name (AnjuDb     *db,
              const char *code_set,
              const char *text)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "SELECT code FROM pubrent_codes"
                                           " WHERE code_set = ?1 AND (name = ?2 OR code = ?2)",
                                           NULL);

  if (stmt == NULL)
    return NULL;
  anju_db_bind_text (stmt, 1, code_set);
  anju_db_bind_text (stmt, 2, text);
  return sqlite3_step (stmt) == SQLITE_ROW ? anju_db_column_dup (stmt, 0) : NULL;
}

static gboolean
parse_count (const char *text,
             gint64     *out_value)
{
  char *end;

  if (!g_ascii_isdigit (*text))
    return FALSE;
  *out_value = g_ascii_strtoll (text, &end, 10);
  return *end == '\0' && *out_value <= 1000;
}

static void
set_text (JsonObject *object,
          const char *member,
          const char *text)
{
  if (*text != '\0')
    json_object_set_string_member (object, member, text);
}

/* A one-person household: totals equal the per-capita values. */
static void
set_amount (JsonObject *object,
            const char *per_capita,
            const char *total,
            const char *text)
{
  set_text (object, per_capita, text);
  set_text (object, total, text);
}

/* The Application of one row; NULL with the problems reported when a
 * cell cannot even be read. */
static JsonObject *
row_application (Import *import,
                 guint   row)
{
  AnjuDb *db = anju_request_get_db (import->request);
  guint number = anju_table_reader_get_row_number (import->reader, row);
  g_autoptr(JsonObject) application = json_object_new ();
  JsonObject *self = json_object_new ();
  JsonArray *members = json_array_new ();
  g_autofree char *type = code_by_name (db, "business_type", cell (import, row, COL_TYPE));
  g_autofree char *marital = NULL;
  gboolean ok = TRUE;
  gint64 value;

  json_array_add_object_element (members, self);
  json_object_set_array_member (application, "members", members);
  json_object_set_string_member (self, "relation", "self");
  if (type == NULL || !anju_application_type_is_directed (type))
    {
      anju_import_report_add_error (import->report, number, columns[COL_TYPE].header,
                                    _("Must be 定向实物配租 or 定向租赁补贴"));
      ok = FALSE;
    }
  else
    json_object_set_string_member (application, "business_type", type);
  set_text (application, "applicant_name", cell (import, row, COL_NAME));
  set_text (application, "id_no", cell (import, row, COL_ID_NO));
  set_text (application, "phone", cell (import, row, COL_PHONE));
  set_text (application, "hukou_county_code", cell (import, row, COL_COUNTY));
  if (parse_count (cell (import, row, COL_SIZE), &value))
    json_object_set_int_member (application, "household_size", value);
  else if (*cell (import, row, COL_SIZE) != '\0')
    {
      anju_import_report_add_error (import->report, number, columns[COL_SIZE].header,
                                    _("Must be a whole number"));
      ok = FALSE;
    }
  set_amount (application, "annual_income_per_capita", "annual_income_total",
              cell (import, row, COL_INCOME));
  set_amount (application, "floor_area_per_capita", "floor_area_total",
              cell (import, row, COL_AREA));
  if (*cell (import, row, COL_MARITAL) != '\0')
    {
      marital = code_by_name (db, "marital_status", cell (import, row, COL_MARITAL));
      if (marital == NULL)
        {
          anju_import_report_add_error (import->report, number, columns[COL_MARITAL].header,
                                        _("Unknown marital status"));
          ok = FALSE;
        }
      else
        json_object_set_string_member (self, "marital_status", marital);
    }
  if (parse_count (cell (import, row, COL_HUKOU_YEARS), &value))
    json_object_set_int_member (self, "hukou_years", value);
  else if (*cell (import, row, COL_HUKOU_YEARS) != '\0')
    {
      anju_import_report_add_error (import->report, number, columns[COL_HUKOU_YEARS].header,
                                    _("Must be a whole number"));
      ok = FALSE;
    }
  return ok ? g_steal_pointer (&application) : NULL;
}

/* A refused row: each field error in its column; a 409 names the ID
 * number (a person already applying) or the business type. */
static void
report_refusal (Import       *import,
                guint         number,
                JsonObject   *field_errors,
                const GError *error)
{
  g_autoptr(GList) fields = json_object_get_members (field_errors);

  if (fields == NULL)
    {
      const char *column = g_str_has_prefix (error->message, "business_type")
                           ? columns[COL_TYPE].header : columns[COL_ID_NO].header;

      anju_import_report_add_error (import->report, number,
                                    error->code == ANJU_ERROR_CONFLICT ? column : NULL,
                                    error->message);
      return;
    }
  for (GList *l = fields; l != NULL; l = l->next)
    anju_import_report_add_error (import->report, number, column_of_field (l->data),
                                  json_object_get_string_member (field_errors, l->data));
}

/* Creates and submits one row inside a savepoint, rolled back alone when
 * it fails.  FALSE only for a store failure, which ends the import. */
static gboolean
import_row (Import                      *import,
            const AnjuApplicationWrite  *template,
            guint                        row,
            GError                     **error)
{
  AnjuDb *db = anju_request_get_db (import->request);
  guint number = anju_table_reader_get_row_number (import->reader, row);
  g_autoptr(JsonObject) application = row_application (import, row);
  g_autoptr(JsonObject) field_errors = json_object_new ();
  g_autoptr(GError) refusal = NULL;
  AnjuApplicationWrite write = *template;
  gint64 id;

  if (application == NULL)
    return TRUE;
  write.field_errors = field_errors;
  if (!anju_db_exec (db, "SAVEPOINT import_row", error))
    return FALSE;
  id = anju_applications_create (&write, application, &refusal);
  if (id != 0 && anju_applications_submit (&write, id, NULL, &refusal))
    {
      JsonNode *preview = anju_application_detail (db, anju_request_get_caller (import->request),
                                                   id, error);

      if (preview == NULL)
        return FALSE;
      anju_import_report_add_valid (import->report, preview);
      return anju_db_exec (db, "RELEASE import_row", error);
    }
  if (refusal->domain == ANJU_ERROR && refusal->code == ANJU_ERROR_DATABASE)
    {
      g_propagate_error (error, g_steal_pointer (&refusal));
      return FALSE;
    }
  report_refusal (import, number, field_errors, refusal);
  return anju_db_exec (db, "ROLLBACK TO import_row", error)
         && anju_db_exec (db, "RELEASE import_row", error);
}

static gboolean
import_rows (Import    *import,
             gboolean   dry_run,
             GError   **error)
{
  AnjuRequest *request = import->request;
  AnjuDb *db = anju_request_get_db (request);
  guint n_rows = anju_table_reader_get_n_rows (import->reader);
  AnjuAuditActor actor;
  AnjuApplicationWrite write = {
    anju_request_get_server (request), &actor,
    anju_clock_now_secs (anju_request_get_clock (request)), NULL,
  };
  g_autoptr(JsonObject) summary = json_object_new ();
  gboolean ok = TRUE;
  guint n_valid;

  anju_workflow_actor_from_request (request, &actor);
  if (!anju_db_begin (db, error))
    return FALSE;
  for (guint row = 0; ok && row < n_rows; row++)
    ok = import_row (import, &write, row, error);
  anju_import_report_set_rows (import->report, n_rows);
  n_valid = anju_import_report_get_n_valid (import->report);
  if (!ok || dry_run || n_valid == 0)
    {
      anju_db_rollback (db);
      return ok;
    }
  anju_import_report_set_imported (import->report, n_valid);
  json_object_set_int_member (summary, "rows", n_rows);
  json_object_set_int_member (summary, "imported", n_valid);
  {
    g_autoptr(JsonNode) after = json_node_init_object (json_node_alloc (), summary);

    ok = anju_audit_record_as (db, anju_server_get_audit_key (write.server), write.now, &actor,
                               "pubrent.application.import", ANJU_APPLICATION_DOMAIN, 0, NULL,
                               after, error);
  }
  if (!ok)
    anju_db_rollback (db);
  return ok && anju_db_commit (db, error);
}

/* ?format=csv|xlsx (required) and ?dry_run=true|false (default false). */
static gboolean
read_query (AnjuRequest  *request,
            const char  **out_format,
            gboolean     *out_dry_run)
{
  const char *format = anju_request_get_query (request, "format");
  const char *dry_run = anju_request_get_query (request, "dry_run");

  *out_format = format;
  *out_dry_run = g_strcmp0 (dry_run, "true") == 0;
  if (g_strcmp0 (format, "csv") != 0 && g_strcmp0 (format, "xlsx") != 0)
    anju_request_add_field_error (request, "format", _("Must be csv or xlsx"));
  if (dry_run != NULL && !*out_dry_run && !g_str_equal (dry_run, "false"))
    anju_request_add_field_error (request, "dry_run", _("Must be true or false"));
  if (!anju_request_has_field_errors (request))
    return TRUE;
  anju_reply_validation_failed (request);
  return FALSE;
}

static void
handle_import (AnjuRequest *request)
{
  AnjuCaller *caller = anju_request_get_caller (request);
  SoupMessageBody *body = soup_server_message_get_request_body (anju_request_get_message (request));
  g_autoptr(AnjuImportReport) report = NULL;
  g_autoptr(AnjuTableReader) reader = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const char *format;
  gboolean dry_run;
  Import import = { request, NULL, { 0, }, NULL };

  if (g_strcmp0 (caller->org_kind, "employer") != 0)
    {
      anju_reply_error_code (request, ANJU_ERROR_FORBIDDEN,
                             _("Only users of an employer import directed applications"));
      return;
    }
  if (!read_query (request, &format, &dry_run))
    return;
  bytes = soup_message_body_flatten (body);
  reader = anju_table_reader_new (bytes, format, &error);
  if (reader == NULL)
    {
      anju_reply_field_error (request, "file", error->message);
      return;
    }
  report = anju_import_report_new ();
  import.reader = reader;
  import.report = report;
  if (!find_columns (&import))
    return;
  if (!import_rows (&import, dry_run, &error))
    anju_request_reply_error (request, error);
  else
    anju_request_reply_json (request, SOUP_STATUS_OK, anju_import_report_to_json (report));
}

static const AnjuRoute import_routes[] = {
  { "POST", "/api/v1/pubrent/applications/import", ANJU_PERM_APPLICATION_CREATE,
    ANJU_ROUTE_UPLOAD, handle_import,
    "Directed applications of the caller's employer from XLSX or CSV (?format=, ?dry_run=);"
    " each valid row is created and submitted", NULL, "pubrent" },
};

const AnjuRoute *
anju_application_import_routes (guint *n_routes)
{
  *n_routes = G_N_ELEMENTS (import_routes);
  return import_routes;
}
