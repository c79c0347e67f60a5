/* anju-housing-projects.c: housing projects and their buildings.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-caller.h"
#include "anju-clock.h"
#include "anju-content-write.h"
#include "anju-housing-private.h"
#include "anju-housing-store.h"
#include "anju-sql-pattern.h"
#include "anju-stmt.h"
#include "anju-validation.h"

#define NO_MAX 50
#define TITLE_MAX 100
#define ADDRESS_MAX 200
#define DISTRICT_MAX 50
#define MANAGER_MAX 50
#define DESCRIPTION_MAX 2000

static JsonNode *
project_full (AnjuDb   *db,
              gint64    id,
              GError  **error)
{
  return anju_housing_project_to_json (db, id, NULL, TRUE, error);
}

static const AnjuContentKind project_kind = { "pubrent.project", project_full };
static const AnjuContentKind building_kind = { "pubrent.building", anju_housing_building_node };

gint64
anju_housing_request_now (AnjuRequest *request)
{
  return anju_clock_now_secs (anju_request_get_clock (request));
}

const char *
anju_housing_request_scope (AnjuRequest *request)
{
  return anju_housing_scope_path (anju_request_get_caller (request));
}

gboolean
anju_housing_load_project (AnjuRequest  *request,
                           gint64        id,
                           JsonNode    **out_project)
{
  g_autoptr(GError) error = NULL;

  *out_project = anju_housing_project_to_json (anju_request_get_db (request), id,
                                               anju_housing_request_scope (request), FALSE,
                                               &error);
  if (*out_project != NULL)
    return TRUE;
  anju_request_reply_error (request, error);
  return FALSE;
}

/* ---- reads ------------------------------------------------------------- */

typedef struct
{
  const char *scope;
  char       *pattern;
  const char *status;
  gint64      operator_id;
} ProjectFilters;

static void
bind_project_filters (sqlite3_stmt  *stmt,
                      gconstpointer  bind_data)
{
  const ProjectFilters *filters = bind_data;

  anju_db_bind_text (stmt, 1, filters->scope);
  anju_db_bind_text (stmt, 2, filters->pattern);
  anju_db_bind_text (stmt, 3, filters->status);
  if (filters->operator_id > 0)
    sqlite3_bind_int64 (stmt, 4, filters->operator_id);
}

static JsonNode *
project_item (sqlite3_stmt *stmt,
              gpointer      user_data G_GNUC_UNUSED,
              GError      **error G_GNUC_UNUSED)
{
  return anju_housing_project_from_row (stmt);
}

static void
handle_list_projects (AnjuRequest *request)
{
#define PROJECT_LIST_WHERE \
  " WHERE " ANJU_HOUSING_IN_SCOPE ("?1") \
  " AND (?2 IS NULL OR p.name LIKE ?2 ESCAPE '\\' OR p.project_no LIKE ?2 ESCAPE '\\')" \
  " AND (?3 IS NULL OR p.status = ?3)" \
  " AND (?4 IS NULL OR p.operator_org_id = ?4)"
  g_autoptr(GError) error = NULL;
  g_autofree char *pattern = anju_sql_contains_pattern (anju_request_get_query (request, "q"));
  ProjectFilters filters = {
    anju_housing_request_scope (request), pattern,
    anju_request_get_query (request, "status"), 0,
  };
  gboolean present;
  guint page, page_size;

  if (!anju_request_get_paging (request, &page, &page_size, &error)
      || !anju_request_get_query_int (request, "operator_id", &filters.operator_id, &present,
                                      &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  if (filters.status != NULL && !g_strv_contains (anju_housing_project_statuses, filters.status))
    {
      anju_reply_field_error (request, "status",
                              _("Must be one of: planning, building, operating, closed"));
      return;
    }

  anju_request_reply_list (request,
                           "SELECT COUNT(*) FROM " ANJU_HOUSING_PROJECT_JOIN PROJECT_LIST_WHERE,
                           "SELECT " ANJU_HOUSING_PROJECT_COLUMNS " FROM "
                           ANJU_HOUSING_PROJECT_JOIN PROJECT_LIST_WHERE
                           " ORDER BY p.project_no, p.id LIMIT ?5 OFFSET ?6",
                           5, page, page_size, bind_project_filters, &filters,
                           project_item, NULL);
#undef PROJECT_LIST_WHERE
}

static void
handle_get_project (AnjuRequest *request)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node;
  gint64 id;

  if (!anju_request_get_path_id (request, "id", &id))
    return;
  node = anju_housing_project_to_json (anju_request_get_db (request), id,
                                       anju_housing_request_scope (request), TRUE, &error);
  if (node == NULL)
    anju_request_reply_error (request, error);
  else
    anju_request_reply_json (request, SOUP_STATUS_OK, node);
}

/* ---- project writes ------------------------------------------------------ */

#define PROJECT_STATUS_DOC "planning 规划中, building 在建, operating 运营中 or closed 已停止运营"

static const AnjuFieldSpec project_create_body[] = {
  { "project_no", ANJU_FIELD_STRING, ANJU_FIELD_REQUIRED, NULL, NO_MAX, "项目编号 (D06 XMBH)" },
  { "name", ANJU_FIELD_STRING, ANJU_FIELD_REQUIRED, NULL, TITLE_MAX, "项目名称" },
  { "address", ANJU_FIELD_STRING, ANJU_FIELD_NULLABLE, NULL, ADDRESS_MAX, "项目地址" },
  { "district", ANJU_FIELD_STRING, ANJU_FIELD_NULLABLE, NULL, DISTRICT_MAX, "行政区划" },
  { "operator_id", ANJU_FIELD_INT, ANJU_FIELD_NULLABLE, NULL, 0,
    "The operating enterprise (an organisation of kind enterprise_operating)" },
  { "status", ANJU_FIELD_STRING, ANJU_FIELD_OPTIONAL, anju_housing_project_statuses, 0,
    PROJECT_STATUS_DOC },
  { "start_date", ANJU_FIELD_STRING, ANJU_FIELD_NULLABLE, NULL, 10, "YYYY-MM-DD" },
  { "end_date", ANJU_FIELD_STRING, ANJU_FIELD_NULLABLE, NULL, 10, "YYYY-MM-DD" },
  { "manager", ANJU_FIELD_STRING, ANJU_FIELD_NULLABLE, NULL, MANAGER_MAX, "项目负责人" },
  { "description", ANJU_FIELD_STRING, ANJU_FIELD_NULLABLE, NULL, DESCRIPTION_MAX, "项目简介" },
  { NULL }
};

static const AnjuFieldSpec project_update_body[] = {
  { "project_no", ANJU_FIELD_STRING, ANJU_FIELD_OPTIONAL, NULL, NO_MAX, "项目编号" },
  { "name", ANJU_FIELD_STRING, ANJU_FIELD_OPTIONAL, NULL, TITLE_MAX, "项目名称" },
  { "address", ANJU_FIELD_STRING, ANJU_FIELD_NULLABLE, NULL, ADDRESS_MAX, "项目地址" },
  { "district", ANJU_FIELD_STRING, ANJU_FIELD_NULLABLE, NULL, DISTRICT_MAX, "行政区划" },
  { "operator_id", ANJU_FIELD_INT, ANJU_FIELD_NULLABLE, NULL, 0, "The operating enterprise" },
  { "status", ANJU_FIELD_STRING, ANJU_FIELD_OPTIONAL, anju_housing_project_statuses, 0,
    PROJECT_STATUS_DOC },
  { "start_date", ANJU_FIELD_STRING, ANJU_FIELD_NULLABLE, NULL, 10, "YYYY-MM-DD" },
  { "end_date", ANJU_FIELD_STRING, ANJU_FIELD_NULLABLE, NULL, 10, "YYYY-MM-DD" },
  { "manager", ANJU_FIELD_STRING, ANJU_FIELD_NULLABLE, NULL, MANAGER_MAX, "项目负责人" },
  { "description", ANJU_FIELD_STRING, ANJU_FIELD_NULLABLE, NULL, DESCRIPTION_MAX, "项目简介" },
  { NULL }
};

/* The text members of a project, in the order of the columns they fill. */
static const char * const project_texts[] = {
  "project_no", "name", "address", "district", "status", "start_date", "end_date", "manager",
  "description",
};
enum { P_NO, P_NAME, P_ADDRESS, P_DISTRICT, P_STATUS, P_START, P_END, P_MANAGER, P_DESC,
       P_N_TEXTS };

typedef struct
{
  char   *texts[P_N_TEXTS];
  gint64  operator_id;        /* 0: none */
} ProjectInput;

static void
project_input_clear (ProjectInput *input)
{
  for (guint i = 0; i < P_N_TEXTS; i++)
    g_clear_pointer (&input->texts[i], g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ProjectInput, project_input_clear)

/* The current values, for a PATCH to change some of them. */
static void
project_input_from_json (ProjectInput *input,
                         JsonNode     *project)
{
  JsonObject *object = json_node_get_object (project);
  JsonNode *operator = json_object_get_member (object, "operator");

  for (guint i = 0; i < P_N_TEXTS; i++)
    input->texts[i] = g_strdup (json_object_get_string_member_with_default (object,
                                                                            project_texts[i],
                                                                            NULL));
  input->operator_id = JSON_NODE_HOLDS_OBJECT (operator)
                       ? json_object_get_int_member (json_node_get_object (operator), "id")
                       : 0;
}

/* The organisation as an operator: it must be an operating enterprise,
 * and a scoped caller may only name one of its own subtree. */
static gboolean
check_operator (AnjuRequest  *request,
                gint64        operator_id,
                GError      **error)
{
  const char *scope = anju_housing_request_scope (request);
  g_auto(AnjuStmt) stmt = NULL;
  AnjuDb *db = anju_request_get_db (request);

  if (operator_id == 0)
    {
      if (scope != NULL)
        g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_FORBIDDEN,
                             _("You may only keep projects operated by your own organisation"));
      return scope == NULL;
    }
  stmt = anju_db_prepare (db, "SELECT kind, path FROM organisations WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, operator_id);
  if (sqlite3_step (stmt) != SQLITE_ROW
      || g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "enterprise_operating") != 0)
    {
      anju_request_add_field_error (request, "operator_id",
                                    _("Must be an operating enterprise"));
      g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_VALIDATION,
                           _("The operator is not an operating enterprise"));
      return FALSE;
    }
  if (scope != NULL
      && !g_str_has_prefix ((const char *) sqlite3_column_text (stmt, 1), scope))
    {
      g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_FORBIDDEN,
                           _("You may only keep projects operated by your own organisation"));
      return FALSE;
    }
  return TRUE;
}

/* Takes the body's members over input's and checks them all; replies and
 * returns FALSE when something is wrong. */
static gboolean
read_project (AnjuRequest  *request,
              JsonObject   *body,
              ProjectInput *input)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < P_N_TEXTS; i++)
    if (json_object_has_member (body, project_texts[i]))
      {
        g_free (input->texts[i]);
        input->texts[i] = anju_body_dup_trimmed (body, project_texts[i]);
        if (input->texts[i] != NULL && *input->texts[i] == '\0')
          g_clear_pointer (&input->texts[i], g_free);
      }
  if (json_object_has_member (body, "operator_id"))
    input->operator_id = json_object_get_null_member (body, "operator_id")
                         ? 0 : json_object_get_int_member (body, "operator_id");

  anju_check_not_blank (request, "project_no", input->texts[P_NO]);
  anju_check_not_blank (request, "name", input->texts[P_NAME]);
  if (input->texts[P_STATUS] == NULL)
    input->texts[P_STATUS] = g_strdup ("planning");
  for (guint i = P_START; i <= P_END; i++)
    if (input->texts[i] != NULL && !anju_housing_date_is_valid (input->texts[i]))
      anju_request_add_field_error (request, project_texts[i], _("Must be a date YYYY-MM-DD"));
  if (input->texts[P_START] != NULL && input->texts[P_END] != NULL
      && g_strcmp0 (input->texts[P_START], input->texts[P_END]) > 0)
    anju_request_add_field_error (request, "end_date", _("Must not be before the start date"));

  if (!check_operator (request, input->operator_id, &error) && error->code != ANJU_ERROR_VALIDATION)
    {
      anju_request_reply_error (request, error);
      return FALSE;
    }
  if (!anju_request_has_field_errors (request))
    return TRUE;
  anju_reply_validation_failed (request);
  return FALSE;
}

/* 409 for a project number another project has. */
static gboolean
check_project_no_free (AnjuDb      *db,
                       const char  *project_no,
                       gint64       own_id,
                       GError     **error)
{
  g_auto(AnjuStmt) stmt = NULL;
  gint64 id = 0;

  stmt = anju_db_prepare (db, "SELECT id FROM pubrent_projects WHERE project_no = ?1 AND id != ?2",
                          error);
  if (stmt == NULL)
    return FALSE;
  anju_db_bind_text (stmt, 1, project_no);
  sqlite3_bind_int64 (stmt, 2, own_id);
  if (!anju_db_step_id (db, stmt, &id, error))
    return FALSE;
  if (id != 0)
    g_set_error (error, ANJU_ERROR, ANJU_ERROR_CONFLICT,
                 _("Another project already has the number %s"), project_no);
  return id == 0;
}

static void
bind_project (sqlite3_stmt       *stmt,
              const ProjectInput *input)
{
  for (guint i = 0; i < P_N_TEXTS; i++)
    anju_db_bind_text (stmt, i + 2, input->texts[i]);
  if (input->operator_id > 0)
    sqlite3_bind_int64 (stmt, P_N_TEXTS + 2, input->operator_id);
}

static gboolean
write_project_create (AnjuRequest *request,
                      gpointer     data,
                      gint64      *inout_id,
                      GError     **error)
{
  ProjectInput *input = data;
  AnjuDb *db = anju_request_get_db (request);
  g_auto(AnjuStmt) stmt = NULL;

  if (!check_project_no_free (db, input->texts[P_NO], 0, error))
    return FALSE;
  stmt = anju_db_prepare (db,
                          "INSERT INTO pubrent_projects (project_no, name, address, district,"
                          " status, start_date, end_date, manager, description, operator_org_id,"
                          " created_at, updated_at)"
                          " VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)",
                          error);
  if (stmt == NULL)
    return FALSE;
  bind_project (stmt, input);
  sqlite3_bind_int64 (stmt, 12, anju_housing_request_now (request));
  if (!anju_db_step_done (db, stmt, error))
    return FALSE;
  *inout_id = anju_db_last_insert_id (db);
  return TRUE;
}

static void
handle_create_project (AnjuRequest *request)
{
  g_auto(ProjectInput) input = { { NULL }, 0 };
  g_autoptr(GError) error = NULL;
  JsonObject *body = anju_request_parse_body (request, project_create_body, &error);

  if (body == NULL)
    {
      anju_request_reply_error (request, error);
      return;
    }
  /* An enterprise enters the projects it operates itself. */
  if (anju_housing_request_scope (request) != NULL && !json_object_has_member (body, "operator_id"))
    input.operator_id = anju_request_get_caller (request)->org_id;
  if (read_project (request, body, &input))
    anju_content_run_write (request, &project_kind, "pubrent.project.create", 0,
                            write_project_create, &input, SOUP_STATUS_CREATED);
}

static gboolean
write_project_update (AnjuRequest *request,
                      gpointer     data,
                      gint64      *inout_id,
                      GError     **error)
{
  ProjectInput *input = data;
  AnjuDb *db = anju_request_get_db (request);
  g_auto(AnjuStmt) stmt = NULL;

  if (!check_project_no_free (db, input->texts[P_NO], *inout_id, error))
    return FALSE;
  stmt = anju_db_prepare (db,
                          "UPDATE pubrent_projects SET project_no = ?2, name = ?3, address = ?4,"
                          " district = ?5, status = ?6, start_date = ?7, end_date = ?8,"
                          " manager = ?9, description = ?10, operator_org_id = ?11,"
                          " updated_at = ?12 WHERE id = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, *inout_id);
  bind_project (stmt, input);
  sqlite3_bind_int64 (stmt, 12, anju_housing_request_now (request));
  return anju_db_step_done (db, stmt, error);
}

static void
handle_update_project (AnjuRequest *request)
{
  g_auto(ProjectInput) input = { { NULL }, 0 };
  g_autoptr(JsonNode) project = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *body;
  gint64 id;

  if (!anju_request_get_path_id (request, "id", &id)
      || !anju_housing_load_project (request, id, &project))
    return;
  body = anju_request_parse_body (request, project_update_body, &error);
  if (body == NULL)
    {
      anju_request_reply_error (request, error);
      return;
    }
  project_input_from_json (&input, project);
  if (read_project (request, body, &input))
    anju_content_run_write (request, &project_kind, "pubrent.project.update", id,
                            write_project_update, &input, SOUP_STATUS_OK);
}

static gboolean
write_project_delete (AnjuRequest *request,
                      gpointer     data G_GNUC_UNUSED,
                      gint64      *inout_id,
                      GError     **error)
{
  AnjuDb *db = anju_request_get_db (request);
  g_auto(AnjuStmt) stmt = NULL;
  gint64 busy = 0;

  stmt = anju_db_prepare (db, "SELECT COUNT(*) FROM pubrent_units WHERE project_id = ?1"
                              " AND state != 'vacant'", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, *inout_id);
  if (!anju_db_step_count (db, stmt, &busy, error))
    return FALSE;
  if (busy > 0)
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_CONFLICT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The project still has %d unit that is allocated or leased",
                                "The project still has %d units that are allocated or leased",
                                busy),
                   (int) busy);
      return FALSE;
    }
  /* Its buildings, vacant units and their change rows go with it. */
  return anju_db_exec_with_id (db, "DELETE FROM pubrent_projects WHERE id = ?1", *inout_id, error);
}

static void
handle_delete_project (AnjuRequest *request)
{
  g_autoptr(JsonNode) project = NULL;
  gint64 id;

  if (anju_request_get_path_id (request, "id", &id)
      && anju_housing_load_project (request, id, &project))
    anju_content_run_write (request, &project_kind, "pubrent.project.delete", id,
                            write_project_delete, NULL, SOUP_STATUS_NO_CONTENT);
}

/* ---- buildings --------------------------------------------------------- */

static const AnjuFieldSpec building_create_body[] = {
  { "name", ANJU_FIELD_STRING, ANJU_FIELD_REQUIRED, NULL, TITLE_MAX, "楼栋名称, \"3栋\"" },
  { "building_no", ANJU_FIELD_STRING, ANJU_FIELD_NULLABLE, NULL, NO_MAX,
    "单体工程编号 (D07 DTGCBH)" },
  { "floors", ANJU_FIELD_INT, ANJU_FIELD_NULLABLE, NULL, 0, "Number of floors" },
  { NULL }
};

static const AnjuFieldSpec building_update_body[] = {
  { "name", ANJU_FIELD_STRING, ANJU_FIELD_OPTIONAL, NULL, TITLE_MAX, "楼栋名称" },
  { "building_no", ANJU_FIELD_STRING, ANJU_FIELD_NULLABLE, NULL, NO_MAX, "单体工程编号" },
  { "floors", ANJU_FIELD_INT, ANJU_FIELD_NULLABLE, NULL, 0, "Number of floors" },
  { NULL }
};

typedef struct
{
  gint64  project_id;
  char   *name;
  char   *building_no;
  gint64  floors;       /* 0: unknown */
} BuildingInput;

static void
building_input_clear (BuildingInput *input)
{
  g_clear_pointer (&input->name, g_free);
  g_clear_pointer (&input->building_no, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BuildingInput, building_input_clear)

static gboolean
read_building (AnjuRequest   *request,
               JsonObject    *body,
               BuildingInput *input)
{
  if (json_object_has_member (body, "name"))
    {
      g_free (input->name);
      input->name = anju_body_dup_trimmed (body, "name");
    }
  if (json_object_has_member (body, "building_no"))
    {
      g_free (input->building_no);
      input->building_no = anju_body_dup_trimmed (body, "building_no");
    }
  if (json_object_has_member (body, "floors"))
    input->floors = json_object_get_null_member (body, "floors")
                    ? 0 : json_object_get_int_member (body, "floors");

  anju_check_not_blank (request, "name", input->name);
  if (input->floors < 0 || input->floors > 200)
    anju_request_add_field_error (request, "floors", _("Must be a number of floors from 1 to 200"));
  if (!anju_request_has_field_errors (request))
    return TRUE;
  anju_reply_validation_failed (request);
  return FALSE;
}

/* 409 for a name another building of the project has. */
static gboolean
check_building_name_free (AnjuDb               *db,
                          const BuildingInput  *input,
                          gint64                own_id,
                          GError              **error)
{
  gint64 id = 0;

  if (!anju_housing_find_building (db, input->project_id, input->name, &id, error))
    return FALSE;
  if (id != 0 && id != own_id)
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_CONFLICT,
                   _("The project already has a building named %s"), input->name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_building_create (AnjuRequest *request,
                       gpointer     data,
                       gint64      *inout_id,
                       GError     **error)
{
  BuildingInput *input = data;
  AnjuDb *db = anju_request_get_db (request);

  if (!check_building_name_free (db, input, 0, error))
    return FALSE;
  *inout_id = anju_housing_insert_building (db, input->project_id, input->name,
                                            input->building_no, input->floors,
                                            anju_housing_request_now (request), error);
  return *inout_id != 0;
}

static void
handle_create_building (AnjuRequest *request)
{
  g_auto(BuildingInput) input = { 0, NULL, NULL, 0 };
  g_autoptr(JsonNode) project = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *body;

  if (!anju_request_get_path_id (request, "id", &input.project_id)
      || !anju_housing_load_project (request, input.project_id, &project))
    return;
  body = anju_request_parse_body (request, building_create_body, &error);
  if (body == NULL)
    anju_request_reply_error (request, error);
  else if (read_building (request, body, &input))
    anju_content_run_write (request, &building_kind, "pubrent.building.create", 0,
                            write_building_create, &input, SOUP_STATUS_CREATED);
}

static void
handle_list_buildings (AnjuRequest *request)
{
  g_autoptr(JsonNode) project = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *buildings;
  gint64 id;
  guint n;

  if (!anju_request_get_path_id (request, "id", &id))
    return;
  project = anju_housing_project_to_json (anju_request_get_db (request), id,
                                          anju_housing_request_scope (request), TRUE, &error);
  if (project == NULL)
    {
      anju_request_reply_error (request, error);
      return;
    }
  buildings = json_object_get_array_member (json_node_get_object (project), "buildings");
  n = json_array_get_length (buildings);
  anju_request_reply_page (request, buildings, n, 1, MAX (n, 1));
}

/* The building of the path's {id} and its project, in the caller's scope. */
static gboolean
load_building (AnjuRequest    *request,
               BuildingInput  *input,
               gint64         *out_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) building = NULL;
  g_autoptr(JsonNode) project = NULL;
  JsonObject *object;

  if (!anju_request_get_path_id (request, "id", out_id))
    return FALSE;
  building = anju_housing_building_node (anju_request_get_db (request), *out_id, &error);
  if (building == NULL)
    {
      anju_request_reply_error (request, error);
      return FALSE;
    }
  object = json_node_get_object (building);
  input->project_id = json_object_get_int_member (json_object_get_object_member (object, "project"),
                                                  "id");
  if (!anju_housing_load_project (request, input->project_id, &project))
    return FALSE;
  input->name = g_strdup (json_object_get_string_member (object, "name"));
  input->building_no = g_strdup (json_object_get_string_member_with_default (object,
                                                                             "building_no", NULL));
  input->floors = json_object_get_null_member (object, "floors")
                  ? 0 : json_object_get_int_member (object, "floors");
  return TRUE;
}

static gboolean
write_building_update (AnjuRequest *request,
                       gpointer     data,
                       gint64      *inout_id,
                       GError     **error)
{
  BuildingInput *input = data;
  AnjuDb *db = anju_request_get_db (request);
  g_auto(AnjuStmt) stmt = NULL;

  if (!check_building_name_free (db, input, *inout_id, error))
    return FALSE;
  stmt = anju_db_prepare (db, "UPDATE pubrent_buildings SET name = ?2, building_no = ?3,"
                              " floors = ?4, updated_at = ?5 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, *inout_id);
  anju_db_bind_text (stmt, 2, input->name);
  anju_db_bind_text (stmt, 3, input->building_no);
  if (input->floors > 0)
    sqlite3_bind_int64 (stmt, 4, input->floors);
  sqlite3_bind_int64 (stmt, 5, anju_housing_request_now (request));
  return anju_db_step_done (db, stmt, error);
}

static void
handle_update_building (AnjuRequest *request)
{
  g_auto(BuildingInput) input = { 0, NULL, NULL, 0 };
  g_autoptr(GError) error = NULL;
  JsonObject *body;
  gint64 id;

  if (!load_building (request, &input, &id))
    return;
  body = anju_request_parse_body (request, building_update_body, &error);
  if (body == NULL)
    anju_request_reply_error (request, error);
  else if (read_building (request, body, &input))
    anju_content_run_write (request, &building_kind, "pubrent.building.update", id,
                            write_building_update, &input, SOUP_STATUS_OK);
}

static gboolean
write_building_delete (AnjuRequest *request,
                       gpointer     data G_GNUC_UNUSED,
                       gint64      *inout_id,
                       GError     **error)
{
  AnjuDb *db = anju_request_get_db (request);
  g_auto(AnjuStmt) stmt = NULL;
  gint64 units = 0;

  stmt = anju_db_prepare (db, "SELECT COUNT(*) FROM pubrent_units WHERE building_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, *inout_id);
  if (!anju_db_step_count (db, stmt, &units, error))
    return FALSE;
  if (units > 0)
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_CONFLICT,
                   g_dngettext (GETTEXT_PACKAGE, "The building still has %d unit",
                                "The building still has %d units", units),
                   (int) units);
      return FALSE;
    }
  return anju_db_exec_with_id (db, "DELETE FROM pubrent_buildings WHERE id = ?1", *inout_id,
                               error);
}

static void
handle_delete_building (AnjuRequest *request)
{
  g_auto(BuildingInput) input = { 0, NULL, NULL, 0 };
  gint64 id;

  if (load_building (request, &input, &id))
    anju_content_run_write (request, &building_kind, "pubrent.building.delete", id,
                            write_building_delete, NULL, SOUP_STATUS_NO_CONTENT);
}

static const AnjuRoute project_routes[] = {
  { "GET", "/api/v1/pubrent/projects", ANJU_PERM_HOUSING_READ, ANJU_ROUTE_DEFAULT,
    handle_list_projects, "Housing projects in the caller's scope; filters q, status, operator_id",
    NULL, "pubrent-housing" },
  { "POST", "/api/v1/pubrent/projects", ANJU_PERM_HOUSING_WRITE, ANJU_ROUTE_DEFAULT,
    handle_create_project, "Add a housing project", project_create_body, "pubrent-housing" },
  { "GET", "/api/v1/pubrent/projects/{id}", ANJU_PERM_HOUSING_READ, ANJU_ROUTE_DEFAULT,
    handle_get_project, "One project with its buildings", NULL, "pubrent-housing" },
  { "PATCH", "/api/v1/pubrent/projects/{id}", ANJU_PERM_HOUSING_WRITE, ANJU_ROUTE_DEFAULT,
    handle_update_project, "Change a project", project_update_body, "pubrent-housing" },
  { "DELETE", "/api/v1/pubrent/projects/{id}", ANJU_PERM_HOUSING_WRITE, ANJU_ROUTE_DEFAULT,
    handle_delete_project, "Delete a project whose units are all vacant", NULL,
    "pubrent-housing" },
  { "GET", "/api/v1/pubrent/projects/{id}/buildings", ANJU_PERM_HOUSING_READ, ANJU_ROUTE_DEFAULT,
    handle_list_buildings, "The buildings of a project", NULL, "pubrent-housing" },
  { "POST", "/api/v1/pubrent/projects/{id}/buildings", ANJU_PERM_HOUSING_WRITE,
    ANJU_ROUTE_DEFAULT, handle_create_building, "Add a building to a project",
    building_create_body, "pubrent-housing" },
  { "PATCH", "/api/v1/pubrent/buildings/{id}", ANJU_PERM_HOUSING_WRITE, ANJU_ROUTE_DEFAULT,
    handle_update_building, "Change a building", building_update_body, "pubrent-housing" },
  { "DELETE", "/api/v1/pubrent/buildings/{id}", ANJU_PERM_HOUSING_WRITE, ANJU_ROUTE_DEFAULT,
    handle_delete_building, "Delete a building without units", NULL, "pubrent-housing" },
};

const AnjuRoute *
anju_housing_project_routes (guint *n_routes)
{
  *n_routes = G_N_ELEMENTS (project_routes);
  return project_routes;
}
