/* anju-housing-units.c: housing units, their abnormal marks and their
 * change log.
 *
 * Every change of a unit writes, in its transaction, the audit row and a
 * pubrent_unit_changes row with the Unit JSON before and after.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "anju-audit.h"
#include "anju-caller.h"
#include "anju-content-json.h"
#include "anju-db-worker.h"
#include "anju-housing-private.h"
#include "anju-housing.h"
#include "anju-housing-units.h"
#include "anju-json-columns.h"
#include "anju-sql-pattern.h"
#include "anju-stmt.h"
#include "anju-transaction.h"
#include "anju-unit-positions.h"
#include "anju-validation.h"

#define NO_MAX 50
#define SHORT_MAX 10
#define ORIENTATION_MAX 20
#define TEXT_MAX 500

/* ---- the list and its filters (also the export's) ------------------------ */

void
anju_unit_filters_clear (AnjuUnitFilters *filters)
{
  g_clear_pointer (&filters->pattern, g_free);
  g_clear_pointer (&filters->scope_copy, g_free);
  g_clear_pointer (&filters->state_copy, g_free);
  g_clear_pointer (&filters->layout_copy, g_free);
}

AnjuUnitFilters *
anju_unit_filters_take (AnjuUnitFilters *filters)
{
  AnjuUnitFilters *owned = g_new0 (AnjuUnitFilters, 1);

  *owned = *filters;
  memset (filters, 0, sizeof *filters);
  owned->scope = owned->scope_copy = g_strdup (owned->scope);
  owned->state = owned->state_copy = g_strdup (owned->state);
  owned->layout = owned->layout_copy = g_strdup (owned->layout);
  return owned;
}

void
anju_unit_filters_free (gpointer filters)
{
  anju_unit_filters_clear (filters);
  g_free (filters);
}

gboolean
anju_unit_filters_read (AnjuRequest     *request,
                        AnjuUnitFilters *filters)
{
  g_autoptr(GError) error = NULL;
  const char *abnormal = anju_request_get_query (request, "abnormal");
  gboolean present;

  filters->scope = anju_housing_request_scope (request);
  filters->pattern = anju_sql_contains_pattern (anju_request_get_query (request, "q"));
  filters->state = anju_request_get_query (request, "state");
  filters->layout = anju_request_get_query (request, "layout");
  filters->abnormal = -1;
  if (!anju_request_get_query_int (request, "project_id", &filters->project_id, &present, &error)
      || !anju_request_get_query_int (request, "building_id", &filters->building_id, &present,
                                      &error))
    {
      anju_request_reply_error (request, error);
      return FALSE;
    }
  if (g_strcmp0 (abnormal, "true") == 0)
    filters->abnormal = 1;
  else if (g_strcmp0 (abnormal, "false") == 0)
    filters->abnormal = 0;
  else if (abnormal != NULL)
    anju_request_add_field_error (request, "abnormal", _("Must be true or false"));
  if (filters->state != NULL && !g_strv_contains (anju_housing_unit_states, filters->state))
    anju_request_add_field_error (request, "state", _("Must be one of: vacant, allocated, leased"));
  if (filters->layout != NULL && !g_strv_contains (anju_housing_layouts, filters->layout))
    anju_request_add_field_error (request, "layout",
                                  _("Must be one of: studio, one_bedroom, two_bedroom, three_bedroom"));
  if (!anju_request_has_field_errors (request))
    return TRUE;
  anju_reply_validation_failed (request);
  return FALSE;
}

/* " WHERE " before the first condition, " AND " before the others; the
 * condition is a constant with @ for the units' alias. */
static void
add_condition (GString    *sql,
               gboolean   *first,
               const char *condition,
               const char *alias)
{
  g_string_append (sql, *first ? " WHERE " : " AND ");
  for (const char *c = condition; *c != '\0'; c++)
    if (*c == '@')
      g_string_append (sql, alias);
    else
      g_string_append_c (sql, *c);
  *first = FALSE;
}

/* The WHERE of the filters given, on the units aliased alias. */
static void
add_unit_where (GString               *sql,
                const AnjuUnitFilters *filters,
                const char            *alias,
                gboolean              *first)
{
  /* An enterprise sees the projects its subtree operates: the set of
   * those projects first (the operators' paths are an index range), then
   * the units of each through an index on project_id. */
  if (filters->scope != NULL)
    add_condition (sql, first,
                   "@.project_id IN (SELECT sp.id FROM organisations so"
                   " CROSS JOIN pubrent_projects sp ON sp.operator_org_id = so.id"
                   " WHERE so.path >= ?1 AND so.path < ?2)", alias);
  if (filters->project_id > 0)
    add_condition (sql, first, "@.project_id = ?3", alias);
  if (filters->building_id > 0)
    add_condition (sql, first, "@.building_id = ?4", alias);
  if (filters->state != NULL)
    add_condition (sql, first, "@.state = ?5", alias);
  if (filters->abnormal >= 0)
    add_condition (sql, first, "@.abnormal = ?6", alias);
  if (filters->layout != NULL)
    add_condition (sql, first, "@.layout = ?7", alias);
  if (filters->pattern != NULL)
    add_condition (sql, first,
                   "(@.unit_no LIKE ?8 ESCAPE '\\' OR @.room_no LIKE ?8 ESCAPE '\\')", alias);
}

char *
anju_unit_list_sql (const AnjuUnitFilters *filters,
                    AnjuUnitListSql        what)
{
  GString *sql = g_string_new (NULL);
  gboolean first = TRUE;

  switch (what)
    {
    case ANJU_UNIT_LIST_KEYS:
      /* Only the unit numbers: every index of the list ends with them,
       * so the walk reads no unit row and joins nothing. */
      g_string_append (sql, "SELECT u.unit_no FROM pubrent_units u");
      add_unit_where (sql, filters, "u", &first);
      g_string_append (sql, " ORDER BY u.unit_no");
      break;
    case ANJU_UNIT_LIST_PAGE:
      /* From the unit number anju_unit_positions_find() gave (an index
       * range), skipping fewer than ANJU_UNIT_POSITIONS_STEP rows. */
      g_string_append (sql, "SELECT " ANJU_HOUSING_UNIT_COLUMNS " FROM " ANJU_HOUSING_UNIT_JOIN);
      add_unit_where (sql, filters, "u", &first);
      g_string_append (sql, first ? " WHERE" : " AND");
      g_string_append (sql, " u.unit_no >= ?11 ORDER BY u.unit_no LIMIT ?9 OFFSET ?10");
      break;
    case ANJU_UNIT_LIST_ALL:
      g_string_append (sql, "SELECT " ANJU_HOUSING_UNIT_COLUMNS " FROM " ANJU_HOUSING_UNIT_JOIN);
      add_unit_where (sql, filters, "u", &first);
      g_string_append (sql, " ORDER BY u.unit_no");
      break;
    }
  return g_string_free (sql, FALSE);
}

void
anju_unit_filters_bind (sqlite3_stmt  *stmt,
                        gconstpointer  bind_data)
{
  const AnjuUnitFilters *filters = bind_data;

  if (filters->scope != NULL)
    {
      gsize length;
      g_autofree char *end = anju_sql_prefix_end (filters->scope, &length);

      anju_db_bind_text (stmt, 1, filters->scope);
      sqlite3_bind_text (stmt, 2, end, (int) length, SQLITE_TRANSIENT);
    }
  if (filters->project_id > 0)
    sqlite3_bind_int64 (stmt, 3, filters->project_id);
  if (filters->building_id > 0)
    sqlite3_bind_int64 (stmt, 4, filters->building_id);
  anju_db_bind_text (stmt, 5, filters->state);
  if (filters->abnormal >= 0)
    sqlite3_bind_int (stmt, 6, filters->abnormal);
  anju_db_bind_text (stmt, 7, filters->layout);
  anju_db_bind_text (stmt, 8, filters->pattern);
}

/* One page of the list as the worker thread sees it. */
typedef struct
{
  AnjuUnitPositionsCache *positions;   /* (owned) the server's */
  AnjuUnitFilters        *filters;     /* (owned) owning their copies */
  guint                   page;
  guint                   page_size;
  char                   *data;        /* (owned) the page as JSON text */
  gsize                   length;
} ListJob;

static void
list_job_free (gpointer data)
{
  ListJob *job = data;

  g_clear_object (&job->positions);
  g_clear_pointer (&job->filters, anju_unit_filters_free);
  g_clear_pointer (&job->data, g_free);
  g_free (job);
}

/* The page's rows from the unit number start on, skipping skip rows,
 * written as JSON text straight from the rows. */
static gboolean
write_page (AnjuDb      *reader,
            ListJob     *job,
            gint64       total,
            const char  *start,
            gint64       skip,
            GError     **error)
{
  g_autofree char *sql = NULL;
  g_auto(AnjuStmt) rows = NULL;

  if (start != NULL)
    {
      sql = anju_unit_list_sql (job->filters, ANJU_UNIT_LIST_PAGE);
      rows = anju_db_prepare (reader, sql, error);
      if (rows == NULL)
        return FALSE;
      anju_unit_filters_bind (rows, job->filters);
      sqlite3_bind_int64 (rows, 9, job->page_size);
      sqlite3_bind_int64 (rows, 10, skip);
      sqlite3_bind_text (rows, 11, start, -1, SQLITE_TRANSIENT);
    }
  job->data = anju_request_write_page (reader, rows, anju_housing_unit_write_row, NULL, total,
                                       job->page, job->page_size, &job->length, error);
  return job->data != NULL;
}

/* In a worker thread: the total and where the page starts (walking the
 * list's unit numbers only when they changed), then the page, written
 * here, not on the main loop that serves everybody. */
static gboolean
list_job (AnjuDb   *reader,
          gpointer  data,
          GError  **error)
{
  ListJob *job = data;
  g_autofree char *sql = anju_unit_list_sql (job->filters, ANJU_UNIT_LIST_KEYS);
  g_auto(AnjuStmt) keys = anju_db_prepare (reader, sql, error);
  g_autoptr(AnjuUnitPositions) positions = NULL;
  const char *start;
  gint64 skip;

  if (keys == NULL)
    return FALSE;
  anju_unit_filters_bind (keys, job->filters);
  positions = anju_unit_positions_cache_get (job->positions, reader, keys, error);
  if (positions == NULL)
    return FALSE;
  start = anju_unit_positions_find (positions, (gint64) (job->page - 1) * job->page_size, &skip);
  return write_page (reader, job, anju_unit_positions_get_total (positions), start, skip, error);
}

static void
list_reply (AnjuRequest *request,
            gpointer     data)
{
  ListJob *job = data;

  anju_request_reply_json_data (request, SOUP_STATUS_OK, g_steal_pointer (&job->data),
                                job->length);
}

static void
handle_list (AnjuRequest *request)
{
  g_auto(AnjuUnitFilters) filters = { 0 };
  g_autoptr(GError) error = NULL;
  AnjuServer *server = anju_request_get_server (request);
  AnjuUnitPositionsCache *positions = anju_housing_get_unit_positions (server);
  ListJob *job;
  guint page, page_size;

  if (!anju_request_get_paging (request, &page, &page_size, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  if (!anju_unit_filters_read (request, &filters))
    return;
  if (positions == NULL)
    {
      /* Gone with the server's services, at shutdown. */
      g_set_error_literal (&error, ANJU_ERROR, ANJU_ERROR_UNAVAILABLE,
                           _("The server is shutting down"));
      anju_request_reply_error (request, error);
      return;
    }
  /* Walking every unit of the scope takes long at city scale when the
   * units changed: in the worker, so it never holds up the main loop. */
  job = g_new0 (ListJob, 1);
  job->positions = g_object_ref (positions);
  job->filters = anju_unit_filters_take (&filters);
  job->page = page;
  job->page_size = page_size;
  anju_db_worker_run (request, ANJU_DB_JOB_QUICK, list_job, list_reply, job, list_job_free);
}

/* The unit of the path's {id} in the caller's scope, or a 404 reply. */
static JsonNode *
load_unit (AnjuRequest *request,
           gint64      *out_id)
{
  g_autoptr(GError) error = NULL;
  JsonNode *unit;

  if (!anju_request_get_path_id (request, "id", out_id))
    return NULL;
  unit = anju_housing_unit_to_json (anju_request_get_db (request), *out_id,
                                    anju_housing_request_scope (request), &error);
  if (unit == NULL)
    anju_request_reply_error (request, error);
  return unit;
}

static void
handle_get (AnjuRequest *request)
{
  JsonNode *unit;
  gint64 id;

  unit = load_unit (request, &id);
  if (unit != NULL)
    anju_request_reply_json (request, SOUP_STATUS_OK, unit);
}

/* ---- one audited, logged write ------------------------------------------- */

typedef gboolean (*UnitWrite) (AnjuRequest  *request,
                               gpointer      data,
                               gint64       *inout_id,
                               GError      **error);

typedef struct
{
  const char *action;         /* pubrent_unit_changes.action; audit pubrent.unit.<action> */
  UnitWrite   write;
  gpointer    data;
  const char *note;
  guint       status;
} UnitChange;

/* Before, write, after, change row, audit row: all in one transaction,
 * answered with the unit as it is now. */
static void
run_unit_write (AnjuRequest      *request,
                gint64            id,
                const UnitChange *change)
{
  AnjuDb *db = anju_request_get_db (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autofree char *audit_action = g_strconcat ("pubrent.unit.", change->action, NULL);
  gint64 now = anju_housing_request_now (request);
  gboolean ok;

  if (!anju_db_begin (db, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  ok = (id == 0 || (before = anju_housing_unit_to_json (db, id, NULL, &error)) != NULL)
       && change->write (request, change->data, &id, &error)
       && (after = anju_housing_unit_to_json (db, id, NULL, &error)) != NULL
       && anju_housing_record_change (db, id, change->action, before, after, change->note,
                                      anju_request_get_caller (request)->user_id, now, &error)
       && anju_audit_record (request, NULL, audit_action, "pubrent.unit", id, before, after,
                             &error);
  if (!anju_transaction_end (db, ok, &error))
    anju_request_reply_error (request, error);
  else
    anju_request_reply_json (request, change->status, g_steal_pointer (&after));
}

/* ---- create and edit ----------------------------------------------------- */

#define LAYOUT_DOC "studio 单间, one_bedroom 一室一厅, two_bedroom 两室一厅 or three_bedroom 三室一厅"
#define STATE_DOC "vacant 空置, allocated 已配租 or leased 已出租"

static const AnjuFieldSpec create_body[] = {
  { "unit_no", ANJU_FIELD_STRING, ANJU_FIELD_REQUIRED, NULL, NO_MAX, "房屋编号 (D07 FWBH)" },
  { "project_id", ANJU_FIELD_INT, ANJU_FIELD_REQUIRED, NULL, 0, "The project" },
  { "building_id", ANJU_FIELD_INT, ANJU_FIELD_REQUIRED, NULL, 0, "A building of the project" },
  { "entrance", ANJU_FIELD_STRING, ANJU_FIELD_NULLABLE, NULL, SHORT_MAX, "单元" },
  { "room_no", ANJU_FIELD_STRING, ANJU_FIELD_REQUIRED, NULL, SHORT_MAX, "房号" },
  { "floor", ANJU_FIELD_INT, ANJU_FIELD_REQUIRED, NULL, 0, "楼层" },
  { "layout", ANJU_FIELD_STRING, ANJU_FIELD_REQUIRED, anju_housing_layouts, 0, LAYOUT_DOC },
  { "room_count", ANJU_FIELD_INT, ANJU_FIELD_NULLABLE, NULL, 0, "间数" },
  { "floor_area", ANJU_FIELD_STRING, ANJU_FIELD_REQUIRED, NULL, 20, "建筑面积, m² \"65.50\"" },
  { "inner_area", ANJU_FIELD_STRING, ANJU_FIELD_NULLABLE, NULL, 20, "套内面积, m²" },
  { "orientation", ANJU_FIELD_STRING, ANJU_FIELD_NULLABLE, NULL, ORIENTATION_MAX, "朝向" },
  { "monthly_rent", ANJU_FIELD_STRING, ANJU_FIELD_REQUIRED, NULL, 20, "月租金, yuan \"1200.00\"" },
  { "facilities", ANJU_FIELD_STRING, ANJU_FIELD_NULLABLE, NULL, TEXT_MAX, "配套设施" },
  { "state", ANJU_FIELD_STRING, ANJU_FIELD_OPTIONAL, anju_housing_unit_states, 0, STATE_DOC },
  { NULL }
};

static const AnjuFieldSpec update_body[] = {
  { "monthly_rent", ANJU_FIELD_STRING, ANJU_FIELD_OPTIONAL, NULL, 20, "月租金, yuan" },
  { "facilities", ANJU_FIELD_STRING, ANJU_FIELD_NULLABLE, NULL, TEXT_MAX, "配套设施" },
  { "state", ANJU_FIELD_STRING, ANJU_FIELD_OPTIONAL, anju_housing_unit_states, 0, STATE_DOC },
  { "orientation", ANJU_FIELD_STRING, ANJU_FIELD_NULLABLE, NULL, ORIENTATION_MAX, "朝向" },
  { "layout", ANJU_FIELD_STRING, ANJU_FIELD_OPTIONAL, anju_housing_layouts, 0, LAYOUT_DOC },
  { "room_count", ANJU_FIELD_INT, ANJU_FIELD_NULLABLE, NULL, 0, "间数" },
  { "floor_area", ANJU_FIELD_STRING, ANJU_FIELD_OPTIONAL, NULL, 20, "建筑面积, m²" },
  { "inner_area", ANJU_FIELD_STRING, ANJU_FIELD_NULLABLE, NULL, 20, "套内面积, m²" },
  { NULL }
};

static void
take_text (JsonObject  *body,
           const char  *member,
           char       **slot)
{
  if (!json_object_has_member (body, member))
    return;
  g_free (*slot);
  *slot = anju_body_dup_trimmed (body, member);
  if (*slot != NULL && **slot == '\0')
    g_clear_pointer (slot, g_free);
}

/* An amount or area member; nullable ones become -1. */
static void
take_hundredths (AnjuRequest *request,
                 JsonObject  *body,
                 const char  *member,
                 gboolean     positive,
                 gint64      *slot)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  if (!json_object_has_member (body, member))
    return;
  text = anju_body_dup_trimmed (body, member);
  if (text == NULL)
    *slot = -1;
  else if (!anju_housing_parse_hundredths (text, slot, &error))
    anju_request_add_field_error (request, member, error->message);
  else if (positive && *slot == 0)
    anju_request_add_field_error (request, member, _("Must be more than zero"));
}

static gboolean
read_unit (AnjuRequest   *request,
           JsonObject    *body,
           AnjuUnitInput *input)
{
  take_text (body, "unit_no", &input->unit_no);
  take_text (body, "entrance", &input->entrance);
  take_text (body, "room_no", &input->room_no);
  take_text (body, "layout", &input->layout);
  take_text (body, "orientation", &input->orientation);
  take_text (body, "facilities", &input->facilities);
  take_text (body, "state", &input->state);
  if (json_object_has_member (body, "floor"))
    input->floor = json_object_get_int_member (body, "floor");
  if (json_object_has_member (body, "room_count"))
    input->room_count = json_object_get_null_member (body, "room_count")
                        ? -1 : json_object_get_int_member (body, "room_count");
  take_hundredths (request, body, "floor_area", TRUE, &input->floor_area);
  take_hundredths (request, body, "inner_area", TRUE, &input->inner_area);
  take_hundredths (request, body, "monthly_rent", FALSE, &input->monthly_rent);

  anju_check_not_blank (request, "unit_no", input->unit_no);
  anju_check_not_blank (request, "room_no", input->room_no);
  if (input->floor < -5 || input->floor > 200)
    anju_request_add_field_error (request, "floor", _("Must be a floor from -5 to 200"));
  if (input->room_count < -1 || input->room_count > 20)
    anju_request_add_field_error (request, "room_count", _("Must be from 0 to 20"));
  if (input->inner_area > input->floor_area)
    anju_request_add_field_error (request, "inner_area",
                                  _("Must not be more than the floor area"));
  return !anju_request_has_field_errors (request);
}

/* The project and the building must exist, in the caller's scope, and
 * belong together. */
static gboolean
check_unit_place (AnjuRequest         *request,
                  const AnjuUnitInput *input)
{
  AnjuDb *db = anju_request_get_db (request);
  g_autoptr(JsonNode) project = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(AnjuStmt) stmt = NULL;
  gint64 building = 0;

  project = anju_housing_project_to_json (db, input->project_id,
                                          anju_housing_request_scope (request), FALSE, &error);
  if (project == NULL)
    {
      if (!g_error_matches (error, ANJU_ERROR, ANJU_ERROR_NOT_FOUND))
        {
          anju_request_reply_error (request, error);
          return FALSE;
        }
      anju_request_add_field_error (request, "project_id", _("No such project"));
    }
  else
    {
      stmt = anju_db_prepare (db, "SELECT id FROM pubrent_buildings WHERE id = ?1"
                                  " AND project_id = ?2", &error);
      if (stmt == NULL)
        {
          anju_request_reply_error (request, error);
          return FALSE;
        }
      sqlite3_bind_int64 (stmt, 1, input->building_id);
      sqlite3_bind_int64 (stmt, 2, input->project_id);
      if (!anju_db_step_id (db, stmt, &building, &error))
        {
          anju_request_reply_error (request, error);
          return FALSE;
        }
      if (building == 0)
        anju_request_add_field_error (request, "building_id",
                                      _("Must be a building of the project"));
    }
  if (!anju_request_has_field_errors (request))
    return TRUE;
  anju_reply_validation_failed (request);
  return FALSE;
}

static gboolean
write_create (AnjuRequest *request,
              gpointer     data,
              gint64      *inout_id,
              GError     **error)
{
  AnjuUnitInput *input = data;
  AnjuDb *db = anju_request_get_db (request);
  gboolean exists = FALSE;

  if (!anju_housing_unit_no_exists (db, input->unit_no, &exists, error))
    return FALSE;
  if (exists)
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_CONFLICT,
                   _("Another unit already has the number %s"), input->unit_no);
      return FALSE;
    }
  *inout_id = anju_housing_insert_unit (db, input, anju_housing_request_now (request), error);
  return *inout_id != 0;
}

static void
handle_create (AnjuRequest *request)
{
  g_auto(AnjuUnitInput) input = { .room_count = -1, .inner_area = -1 };
  g_autoptr(GError) error = NULL;
  JsonObject *body = anju_request_parse_body (request, create_body, &error);
  UnitChange change = { "create", write_create, &input, NULL, SOUP_STATUS_CREATED };

  if (body == NULL)
    {
      anju_request_reply_error (request, error);
      return;
    }
  input.project_id = json_object_get_int_member (body, "project_id");
  input.building_id = json_object_get_int_member (body, "building_id");
  if (!read_unit (request, body, &input))
    anju_reply_validation_failed (request);
  else if (check_unit_place (request, &input))
    run_unit_write (request, 0, &change);
}

/* The unit's current values, for a PATCH to change some of them. */
static gboolean
unit_input_from_json (JsonNode       *unit,
                      AnjuUnitInput  *input,
                      GError        **error)
{
  JsonObject *object = json_node_get_object (unit);
  const char *texts[] = { "unit_no", "entrance", "room_no", "layout", "orientation",
                          "facilities", "state" };
  char **slots[] = { &input->unit_no, &input->entrance, &input->room_no, &input->layout,
                     &input->orientation, &input->facilities, &input->state };
  const char *areas[] = { "floor_area", "inner_area", "monthly_rent" };
  gint64 *area_slots[] = { &input->floor_area, &input->inner_area, &input->monthly_rent };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    *slots[i] = g_strdup (json_object_get_string_member_with_default (object, texts[i], NULL));
  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    {
      const char *text = json_object_get_string_member_with_default (object, areas[i], NULL);

      *area_slots[i] = -1;
      if (text != NULL && !anju_housing_parse_hundredths (text, area_slots[i], error))
        return FALSE;
    }
  input->floor = json_object_get_int_member (object, "floor");
  input->room_count = json_object_get_null_member (object, "room_count")
                      ? -1 : json_object_get_int_member (object, "room_count");
  return TRUE;
}

static gboolean
write_update (AnjuRequest *request,
              gpointer     data,
              gint64      *inout_id,
              GError     **error)
{
  AnjuUnitInput *input = data;
  AnjuDb *db = anju_request_get_db (request);
  g_auto(AnjuStmt) stmt = NULL;

  stmt = anju_db_prepare (db, "UPDATE pubrent_units SET monthly_rent = ?2, facilities = ?3,"
                              " state = ?4, orientation = ?5, layout = ?6, room_count = ?7,"
                              " floor_area = ?8, inner_area = ?9, updated_at = ?10 WHERE id = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, *inout_id);
  sqlite3_bind_int64 (stmt, 2, input->monthly_rent);
  anju_db_bind_text (stmt, 3, input->facilities);
  anju_db_bind_text (stmt, 4, input->state);
  anju_db_bind_text (stmt, 5, input->orientation);
  anju_db_bind_text (stmt, 6, input->layout);
  if (input->room_count >= 0)
    sqlite3_bind_int64 (stmt, 7, input->room_count);
  sqlite3_bind_int64 (stmt, 8, input->floor_area);
  if (input->inner_area >= 0)
    sqlite3_bind_int64 (stmt, 9, input->inner_area);
  sqlite3_bind_int64 (stmt, 10, anju_housing_request_now (request));
  return anju_db_step_done (db, stmt, error);
}

static void
handle_update (AnjuRequest *request)
{
  g_auto(AnjuUnitInput) input = { 0 };
  g_autoptr(JsonNode) unit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *old_state = NULL;
  UnitChange change = { "update", write_update, &input, NULL, SOUP_STATUS_OK };
  JsonObject *body;
  gint64 id;

  unit = load_unit (request, &id);
  if (unit == NULL)
    return;
  body = anju_request_parse_body (request, update_body, &error);
  if (body == NULL || !unit_input_from_json (unit, &input, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  old_state = g_strdup (input.state);
  if (!read_unit (request, body, &input))
    {
      anju_reply_validation_failed (request);
      return;
    }
  /* A state change is what the log is read for most: name it so. */
  if (g_strcmp0 (old_state, input.state) != 0)
    change.action = "state_change";
  run_unit_write (request, id, &change);
}

/* ---- abnormal units ------------------------------------------------------ */

#define KIND_DOC "long_vacancy 长期空置, needs_repair 待维修 or other 其他"

static const AnjuFieldSpec mark_body[] = {
  { "kind", ANJU_FIELD_STRING, ANJU_FIELD_REQUIRED, anju_housing_abnormal_kinds, 0, KIND_DOC },
  { "reason", ANJU_FIELD_STRING, ANJU_FIELD_REQUIRED, NULL, TEXT_MAX, "What is wrong" },
  { "suggestion", ANJU_FIELD_STRING, ANJU_FIELD_NULLABLE, NULL, TEXT_MAX, "处理建议" },
  { NULL }
};

static const AnjuFieldSpec unmark_body[] = {
  { "reason", ANJU_FIELD_STRING, ANJU_FIELD_REQUIRED, NULL, TEXT_MAX,
    "Why the unit is no longer abnormal" },
  { NULL }
};

typedef struct
{
  char *kind;
  char *reason;
  char *suggestion;
} AbnormalMark;

static gboolean
write_mark (AnjuRequest *request,
            gpointer     data,
            gint64      *inout_id,
            GError     **error)
{
  AbnormalMark *mark = data;
  AnjuDb *db = anju_request_get_db (request);
  g_auto(AnjuStmt) stmt = NULL;
  gint64 now = anju_housing_request_now (request);

  stmt = anju_db_prepare (db, "UPDATE pubrent_units SET abnormal = 1, abnormal_kind = ?2,"
                              " abnormal_reason = ?3, abnormal_suggestion = ?4,"
                              " abnormal_marked_at = ?5, abnormal_marked_by = ?6,"
                              " updated_at = ?5 WHERE id = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, *inout_id);
  anju_db_bind_text (stmt, 2, mark->kind);
  anju_db_bind_text (stmt, 3, mark->reason);
  anju_db_bind_text (stmt, 4, mark->suggestion);
  sqlite3_bind_int64 (stmt, 5, now);
  sqlite3_bind_int64 (stmt, 6, anju_request_get_caller (request)->user_id);
  return anju_db_step_done (db, stmt, error);
}

static gboolean
unit_is_abnormal (JsonNode *unit)
{
  return !json_object_get_null_member (json_node_get_object (unit), "abnormal");
}

static void
handle_mark (AnjuRequest *request)
{
  g_autoptr(JsonNode) unit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *suggestion = NULL;
  AbnormalMark mark;
  JsonObject *body;
  gint64 id;

  unit = load_unit (request, &id);
  if (unit == NULL)
    return;
  body = anju_request_parse_body (request, mark_body, &error);
  if (body == NULL)
    {
      anju_request_reply_error (request, error);
      return;
    }
  reason = anju_body_dup_trimmed (body, "reason");
  suggestion = anju_body_dup_trimmed (body, "suggestion");
  if (!anju_check_not_blank (request, "reason", reason))
    anju_reply_validation_failed (request);
  else if (unit_is_abnormal (unit))
    anju_reply_error_code (request, ANJU_ERROR_CONFLICT, _("The unit is already marked abnormal"));
  else
    {
      UnitChange change = { "abnormal_mark", write_mark, &mark, reason, SOUP_STATUS_OK };

      mark = (AbnormalMark) { (char *) json_object_get_string_member (body, "kind"), reason,
                              suggestion != NULL && *suggestion != '\0' ? suggestion : NULL };
      run_unit_write (request, id, &change);
    }
}

static gboolean
write_unmark (AnjuRequest *request,
              gpointer     data G_GNUC_UNUSED,
              gint64      *inout_id,
              GError     **error)
{
  AnjuDb *db = anju_request_get_db (request);
  g_auto(AnjuStmt) stmt = NULL;

  stmt = anju_db_prepare (db, "UPDATE pubrent_units SET abnormal = 0, abnormal_kind = NULL,"
                              " abnormal_reason = NULL, abnormal_suggestion = NULL,"
                              " abnormal_marked_at = NULL, abnormal_marked_by = NULL,"
                              " updated_at = ?2 WHERE id = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, *inout_id);
  sqlite3_bind_int64 (stmt, 2, anju_housing_request_now (request));
  return anju_db_step_done (db, stmt, error);
}

static void
handle_unmark (AnjuRequest *request)
{
  g_autoptr(JsonNode) unit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  JsonObject *body;
  gint64 id;

  unit = load_unit (request, &id);
  if (unit == NULL)
    return;
  body = anju_request_parse_body (request, unmark_body, &error);
  if (body == NULL)
    {
      anju_request_reply_error (request, error);
      return;
    }
  reason = anju_body_dup_trimmed (body, "reason");
  if (!anju_check_not_blank (request, "reason", reason))
    anju_reply_validation_failed (request);
  else if (!unit_is_abnormal (unit))
    anju_reply_error_code (request, ANJU_ERROR_CONFLICT, _("The unit is not marked abnormal"));
  else
    {
      UnitChange change = { "abnormal_unmark", write_unmark, NULL, reason, SOUP_STATUS_OK };

      run_unit_write (request, id, &change);
    }
}

/* ---- the change log ------------------------------------------------------ */

static void
add_json_text (JsonBuilder  *builder,
               const char   *member,
               sqlite3_stmt *stmt,
               int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  JsonNode *node = text != NULL ? json_from_string (text, NULL) : NULL;

  json_builder_set_member_name (builder, member);
  if (node != NULL)
    json_builder_add_value (builder, node);
  else
    json_builder_add_null_value (builder);
}

static JsonNode *
change_item (sqlite3_stmt *stmt,
             gpointer      user_data G_GNUC_UNUSED,
             GError      **error G_GNUC_UNUSED)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  anju_json_add_id_column (builder, "id", stmt, 0);
  anju_json_add_time_column (builder, "at", stmt, 1);
  anju_content_json_add_ref (builder, "user", stmt, 2);
  anju_json_add_text_column (builder, "action", stmt, 4);
  add_json_text (builder, "before", stmt, 5);
  add_json_text (builder, "after", stmt, 6);
  anju_json_add_text_column (builder, "note", stmt, 7);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
bind_unit_id (sqlite3_stmt  *stmt,
              gconstpointer  bind_data)
{
  sqlite3_bind_int64 (stmt, 1, *(const gint64 *) bind_data);
}

static void
handle_changes (AnjuRequest *request)
{
  g_autoptr(JsonNode) unit = NULL;
  g_autoptr(GError) error = NULL;
  guint page, page_size;
  gint64 id;

  unit = load_unit (request, &id);
  if (unit == NULL)
    return;
  if (!anju_request_get_paging (request, &page, &page_size, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  anju_request_reply_list (request,
                           "SELECT COUNT(*) FROM pubrent_unit_changes WHERE unit_id = ?1",
                           "SELECT c.id, c.at, c.user_id, cu.name, c.action, c.before_json,"
                           " c.after_json, c.note FROM pubrent_unit_changes c"
                           " LEFT JOIN users cu ON cu.id = c.user_id WHERE c.unit_id = ?1"
                           " ORDER BY c.at DESC, c.id DESC LIMIT ?2 OFFSET ?3",
                           2, page, page_size, bind_unit_id, &id, change_item, NULL);
}

static const AnjuRoute unit_routes[] = {
  { "GET", "/api/v1/pubrent/units", ANJU_PERM_HOUSING_READ, ANJU_ROUTE_DEFAULT, handle_list,
    "Housing units in the caller's scope; filters project_id, building_id, state, abnormal,"
    " layout, q", NULL, "pubrent-housing" },
  { "POST", "/api/v1/pubrent/units", ANJU_PERM_HOUSING_WRITE, ANJU_ROUTE_DEFAULT, handle_create,
    "Add a unit", create_body, "pubrent-housing" },
  { "GET", "/api/v1/pubrent/units/{id}", ANJU_PERM_HOUSING_READ, ANJU_ROUTE_DEFAULT, handle_get,
    "One unit", NULL, "pubrent-housing" },
  { "PATCH", "/api/v1/pubrent/units/{id}", ANJU_PERM_HOUSING_WRITE, ANJU_ROUTE_DEFAULT,
    handle_update, "Change a unit's rent, facilities, state, layout or areas", update_body,
    "pubrent-housing" },
  { "POST", "/api/v1/pubrent/units/{id}/abnormal", ANJU_PERM_HOUSING_WRITE, ANJU_ROUTE_DEFAULT,
    handle_mark, "Mark a unit abnormal", mark_body, "pubrent-housing" },
  { "DELETE", "/api/v1/pubrent/units/{id}/abnormal", ANJU_PERM_HOUSING_WRITE, ANJU_ROUTE_DEFAULT,
    handle_unmark, "Clear a unit's abnormal mark", unmark_body, "pubrent-housing" },
  { "GET", "/api/v1/pubrent/units/{id}/changes", ANJU_PERM_HOUSING_READ, ANJU_ROUTE_DEFAULT,
    handle_changes, "The unit's changes with before and after, newest first", NULL,
    "pubrent-housing" },
};

const AnjuRoute *
anju_housing_unit_routes (guint *n_routes)
{
  *n_routes = G_N_ELEMENTS (unit_routes);
  return unit_routes;
}
