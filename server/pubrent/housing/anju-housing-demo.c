/* anju-housing-demo.c: the demo's housing stock (docs/demo.md).
 *
 * Three projects in 岳麓区 / 湘江新区: two operated by the demo operating
 * enterprise, one still under construction without an operator.  Units
 * are generated floor by floor so every run makes the same ~60 units.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "anju-housing-store.h"
#include "anju-housing.h"
#include "anju-stmt.h"

#define DEMO_OPERATOR "湘江新区安居运营有限公司"

typedef struct
{
  const char *name;
  int         floors;
  int         unit_floors;     /* floors with units in the demo, from 2 */
  int         rooms_per_floor;
} DemoBuilding;

typedef struct
{
  const char   *project_no;
  const char   *prefix;        /* of the unit numbers */
  const char   *name;
  const char   *address;
  const char   *status;
  const char   *start_date;
  const char   *end_date;
  const char   *manager;
  const char   *description;
  gboolean      operated;
  DemoBuilding  buildings[2];
} DemoProject;

static const DemoProject projects[] = {
  { "XJXQ-GZF-2019-001", "LG", "麓谷公租房小区", "长沙市岳麓区麓谷大道627号", "operating",
    "2019-03-15", "2021-06-30", "刘建国",
    "湘江新区首个集中建设的公共租赁住房小区，配建社区服务中心和幼儿园，临近地铁2号线。",
    TRUE, { { "1栋", 18, 4, 4 }, { "2栋", 18, 3, 4 } } },
  { "XJXQ-GZF-2021-002", "TZ", "桐梓坡人才公寓", "长沙市岳麓区桐梓坡西路229号", "operating",
    "2020-09-01", "2022-08-31", "黄丽华",
    "面向新区引进人才和新就业职工的公共租赁住房，拎包入住。",
    TRUE, { { "A座", 12, 3, 4 }, { "B座", 12, 3, 3 } } },
  { "XJXQ-GZF-2024-003", "PT", "坪塘公租房项目", "长沙市岳麓区坪塘街道观音港路88号", "building",
    "2024-04-10", NULL, "邓志强",
    "在建项目，计划2026年交付，运营企业待定。",
    FALSE, { { "1栋", 11, 5, 2 }, { NULL, 0, 0, 0 } } },
};

typedef struct
{
  const char *layout;
  int         rooms;
  int         area;          /* 0.01 m² */
  int         inner_area;
  const char *orientation;
  const char *facilities;
} DemoLayout;

static const DemoLayout layouts[] = {
  { "studio", 1, 3650, 2980, "朝南", "空调、热水器、床、衣柜" },
  { "one_bedroom", 2, 4820, 3960, "南北", "空调、热水器、床、衣柜、燃气灶" },
  { "two_bedroom", 3, 6550, 5410, "南北", "空调、热水器、洗衣机、床、衣柜、燃气灶" },
  { "three_bedroom", 4, 8830, 7260, "朝南", "空调两台、热水器、洗衣机、冰箱、燃气灶" },
  { "one_bedroom", 2, 5210, 4300, "朝东", "空调、热水器、床、衣柜" },
};

typedef struct
{
  const char *unit_no;
  const char *kind;
  const char *reason;
  const char *suggestion;
} DemoAbnormal;

static const DemoAbnormal abnormals[] = {
  { "LG-1-0402", "long_vacancy", "空置超过180天，无人报名配租",
    "调整为面向新就业职工配租，或纳入下一批摇号房源" },
  { "TZ-A-0301", "needs_repair", "卫生间渗水，楼下住户投诉", "通知物业更换防水层后再配租" },
  { "LG-2-0204", "other", "上一租户退租后门锁损坏，钥匙未交回运营企业",
    "更换门锁并清点室内设施" },
};

static const AnjuAuditActor system_actor = { .actor = ANJU_AUDIT_SYSTEM_ACTOR };

typedef struct
{
  AnjuDb *db;
  GBytes *audit_key;
  gint64  now;
} DemoWriter;

static gboolean
audit (const DemoWriter  *writer,
       const char        *action,
       const char        *entity,
       gint64             id,
       JsonNode          *after,
       GError           **error)
{
  return anju_audit_record_as (writer->db, writer->audit_key, writer->now, &system_actor, action,
                               entity, id, NULL, after, error);
}

static gboolean
lookup_id (AnjuDb      *db,
           const char  *sql,
           const char  *key,
           gint64      *out_id,
           GError     **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  anju_db_bind_text (stmt, 1, key);
  return anju_db_step_id (db, stmt, out_id, error);
}

static gint64
add_project (const DemoWriter   *writer,
             const DemoProject  *project,
             gint64              operator_id,
             GError            **error)
{
  g_auto(AnjuStmt) stmt = NULL;
  g_autoptr(JsonNode) after = NULL;
  gint64 id;

  stmt = anju_db_prepare (writer->db,
                          "INSERT INTO pubrent_projects (project_no, name, address, district,"
                          " operator_org_id, status, start_date, end_date, manager, description,"
                          " created_at, updated_at)"
                          " VALUES (?1, ?2, ?3, '岳麓区', ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
                          error);
  if (stmt == NULL)
    return 0;
  anju_db_bind_text (stmt, 1, project->project_no);
  anju_db_bind_text (stmt, 2, project->name);
  anju_db_bind_text (stmt, 3, project->address);
  if (project->operated && operator_id != 0)
    sqlite3_bind_int64 (stmt, 4, operator_id);
  anju_db_bind_text (stmt, 5, project->status);
  anju_db_bind_text (stmt, 6, project->start_date);
  anju_db_bind_text (stmt, 7, project->end_date);
  anju_db_bind_text (stmt, 8, project->manager);
  anju_db_bind_text (stmt, 9, project->description);
  sqlite3_bind_int64 (stmt, 10, writer->now);
  if (!anju_db_step_done (writer->db, stmt, error))
    return 0;
  id = anju_db_last_insert_id (writer->db);
  after = anju_housing_project_node (writer->db, id, error);
  if (after == NULL || !audit (writer, "pubrent.project.create", "pubrent.project", id, after,
                               error))
    return 0;
  return id;
}

/* Most units are vacant; a few are let, as in a project in use. */
static const char *
demo_state (const DemoProject *project,
            guint              index)
{
  if (!project->operated)
    return "vacant";
  if (index % 5 == 1)
    return "allocated";
  if (index % 7 == 3)
    return "leased";
  return "vacant";
}

static gboolean
add_unit (const DemoWriter    *writer,
          const AnjuUnitInput *input,
          GError             **error)
{
  g_autoptr(JsonNode) after = NULL;
  gint64 id = anju_housing_insert_unit (writer->db, input, writer->now, error);

  return id != 0
         && (after = anju_housing_unit_to_json (writer->db, id, NULL, error)) != NULL
         && anju_housing_record_change (writer->db, id, "create", NULL, after, NULL, 0,
                                        writer->now, error)
         && audit (writer, "pubrent.unit.create", "pubrent.unit", id, after, error);
}

static gboolean
add_building (const DemoWriter    *writer,
              const DemoProject   *project,
              const DemoBuilding  *building,
              gint64               project_id,
              guint               *inout_index,
              GError             **error)
{
  g_autoptr(JsonNode) after = NULL;
  g_autofree char *building_no = g_strdup_printf ("%s-%s", project->project_no, building->name);
  gint64 building_id;

  building_id = anju_housing_insert_building (writer->db, project_id, building->name, building_no,
                                              building->floors, writer->now, error);
  if (building_id == 0
      || (after = anju_housing_building_node (writer->db, building_id, error)) == NULL
      || !audit (writer, "pubrent.building.create", "pubrent.building", building_id, after,
                 error))
    return FALSE;

  for (int floor = 2; floor < 2 + building->unit_floors; floor++)
    for (int room = 1; room <= building->rooms_per_floor; room++)
      {
        const DemoLayout *layout = &layouts[*inout_index % G_N_ELEMENTS (layouts)];
        g_autofree char *tag = g_strndup (building->name, strcspn (building->name, "栋座"));
        g_autofree char *room_no = g_strdup_printf ("%d%02d", floor, room);
        g_autofree char *unit_no = g_strdup_printf ("%s-%s-%02d%02d", project->prefix, tag,
                                                    floor, room);
        AnjuUnitInput input = {
          .unit_no = unit_no, .project_id = project_id, .building_id = building_id,
          .entrance = (char *) "1单元", .room_no = room_no, .floor = floor,
          .layout = (char *) layout->layout, .room_count = layout->rooms,
          .floor_area = layout->area, .inner_area = layout->inner_area,
          .orientation = (char *) layout->orientation,
          /* About 20 yuan per m², in whole tens of yuan. */
          .monthly_rent = (layout->area / 100) * 20 / 10 * 10 * 100,
          .facilities = (char *) layout->facilities,
          .state = (char *) demo_state (project, *inout_index),
        };

        (*inout_index)++;
        if (!add_unit (writer, &input, error))
          return FALSE;
      }
  return TRUE;
}

static gboolean
mark_abnormal (const DemoWriter    *writer,
               const DemoAbnormal  *abnormal,
               gint64               marked_by,
               GError             **error)
{
  g_auto(AnjuStmt) stmt = NULL;
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  gint64 id = 0;

  if (!lookup_id (writer->db, "SELECT id FROM pubrent_units WHERE unit_no = ?1",
                  abnormal->unit_no, &id, error))
    return FALSE;
  before = anju_housing_unit_to_json (writer->db, id, NULL, error);
  if (before == NULL)
    return FALSE;
  stmt = anju_db_prepare (writer->db,
                          "UPDATE pubrent_units SET abnormal = 1, abnormal_kind = ?2,"
                          " abnormal_reason = ?3, abnormal_suggestion = ?4,"
                          " abnormal_marked_at = ?5, abnormal_marked_by = ?6 WHERE id = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  anju_db_bind_text (stmt, 2, abnormal->kind);
  anju_db_bind_text (stmt, 3, abnormal->reason);
  anju_db_bind_text (stmt, 4, abnormal->suggestion);
  sqlite3_bind_int64 (stmt, 5, writer->now);
  if (marked_by != 0)
    sqlite3_bind_int64 (stmt, 6, marked_by);
  return anju_db_step_done (writer->db, stmt, error)
         && (after = anju_housing_unit_to_json (writer->db, id, NULL, error)) != NULL
         && anju_housing_record_change (writer->db, id, "abnormal_mark", before, after,
                                        abnormal->reason, marked_by, writer->now, error)
         && anju_audit_record_as (writer->db, writer->audit_key, writer->now, &system_actor,
                                  "pubrent.unit.abnormal_mark", "pubrent.unit", id, before,
                                  after, error);
}

gboolean
anju_housing_populate_demo (AnjuDb   *db,
                            GBytes   *audit_key,
                            gint64    now,
                            GError  **error)
{
  DemoWriter writer = { db, audit_key, now };
  gint64 operator_id = 0;
  gint64 center_user = 0;
  guint index = 0;

  g_return_val_if_fail (ANJU_IS_DB (db), FALSE);

  if (!lookup_id (db, "SELECT id FROM organisations WHERE name = ?1"
                      " AND kind = 'enterprise_operating'", DEMO_OPERATOR, &operator_id, error)
      || !lookup_id (db, "SELECT id FROM users WHERE username = ?1", "center", &center_user,
                     error))
    return FALSE;

  for (guint p = 0; p < G_N_ELEMENTS (projects); p++)
    {
      gint64 project_id = add_project (&writer, &projects[p], operator_id, error);

      if (project_id == 0)
        return FALSE;
      for (guint b = 0; b < G_N_ELEMENTS (projects[p].buildings); b++)
        if (projects[p].buildings[b].name != NULL
            && !add_building (&writer, &projects[p], &projects[p].buildings[b], project_id,
                              &index, error))
          return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (abnormals); i++)
    if (!mark_abnormal (&writer, &abnormals[i], center_user, error))
      return FALSE;
  return TRUE;
}
