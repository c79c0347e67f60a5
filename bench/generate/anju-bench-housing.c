/* anju-bench-housing.c: projects, buildings and units.
 *
 * As the center's staff would enter them: a project (the SQL of
 * POST /pubrent/projects; the store has no function for it), then its
 * units as an import makes them — anju_housing_insert_building() and
 * anju_housing_insert_unit(), each unit's "import" change row and its
 * pubrent.unit.create audit row with the Unit JSON, building and project
 * audited like the API does.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anju-bench-generator-private.h"
#include "anju-bench-names.h"
#include "anju-bench-places.h"
#include "anju-housing-store.h"
#include "anju-stmt.h"

typedef struct
{
  AnjuBenchGen    *gen;
  AnjuBenchRandom *random;
  AnjuBenchUser   *clerk;        /* the center's clerk who enters everything */
  guint            units_done;
} Housing;

static const char * const layouts[] = { "studio", "one_bedroom", "two_bedroom", "three_bedroom" };
static const guint layout_weights[] = { 20, 35, 35, 10 };
static const char * const orientations[] = { "南北", "南", "东南", "东西", "北", "西南" };
static const char * const unit_states[] = { "vacant", "allocated", "leased" };
static const guint unit_state_weights[] = { 22, 10, 68 };
static const char * const facilities[] = {
  "空调、热水器、衣柜", "空调、热水器", "热水器、橱柜", "空调、热水器、床、衣柜、书桌", NULL,
};

static char *
format_date (gint64 secs)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (secs + 8 * 3600);

  return g_date_time_format (utc, "%Y-%m-%d");
}

static gint64
insert_project (Housing  *housing,
                guint     number,
                gint64    now,
                char    **out_project_no,
                GError  **error)
{
  AnjuBenchGen *gen = housing->gen;
  AnjuBenchRandom *random = housing->random;
  AnjuBenchOrg *street = g_ptr_array_index (gen->streets,
                                            anju_bench_random_below (random, gen->streets->len));
  AnjuBenchOrg *operator = g_ptr_array_index (gen->operators, number % gen->operators->len);
  g_autofree char *place = anju_bench_toponym (number);
  g_autofree char *year = format_date (now);
  g_autofree char *project_no = g_strdup_printf ("XM-%.4s-%05u", year, number + 1);
  g_autofree char *name = g_strdup_printf ("%s公租房小区", place);
  g_autofree char *address = g_strdup_printf ("长沙市%s%s%u号", street->district,
                                              anju_bench_road (random),
                                              (guint) anju_bench_random_range (random, 1, 999));
  g_autofree char *start_date = format_date (now - anju_bench_random_range (random, 400, 900)
                                                   * ANJU_BENCH_DAY);
  g_autofree char *end_date = format_date (now - anju_bench_random_range (random, 10, 60)
                                                 * ANJU_BENCH_DAY);
  g_autofree char *manager = anju_bench_name_new (random, anju_bench_random_percent (random, 40));
  g_autoptr(JsonNode) after = NULL;
  g_auto(AnjuStmt) stmt = NULL;
  gint64 id;

  /* The SQL of the project create handler (anju-housing-projects.c). */
  stmt = anju_db_prepare (gen->db,
                          "INSERT INTO pubrent_projects (project_no, name, address, district,"
                          " status, start_date, end_date, manager, description, operator_org_id,"
                          " created_at, updated_at)"
                          " VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)",
                          error);
  if (stmt == NULL)
    return 0;
  anju_db_bind_text (stmt, 2, project_no);
  anju_db_bind_text (stmt, 3, name);
  anju_db_bind_text (stmt, 4, address);
  anju_db_bind_text (stmt, 5, street->district);
  anju_db_bind_text (stmt, 6, "operating");
  anju_db_bind_text (stmt, 7, start_date);
  anju_db_bind_text (stmt, 8, end_date);
  anju_db_bind_text (stmt, 9, manager);
  anju_db_bind_text (stmt, 10, "公共租赁住房项目（基准测试数据）");
  sqlite3_bind_int64 (stmt, 11, operator->ref.id);
  sqlite3_bind_int64 (stmt, 12, now);
  if (!anju_db_step_done (gen->db, stmt, error))
    return 0;
  id = anju_db_last_insert_id (gen->db);
  after = anju_housing_project_node (gen->db, id, error);
  if (after == NULL
      || !anju_audit_record_as (gen->db, gen->audit_key, now, &housing->clerk->actor,
                                "pubrent.project.create", "pubrent.project", id, NULL, after,
                                error))
    return 0;
  *out_project_no = g_steal_pointer (&project_no);
  return id;
}

static gint64
insert_building (Housing  *housing,
                 gint64    project_id,
                 guint     number,
                 gint64    floors,
                 gint64    now,
                 GError  **error)
{
  AnjuBenchGen *gen = housing->gen;
  g_autofree char *name = g_strdup_printf ("%u栋", number);
  g_autofree char *building_no = g_strdup_printf ("DT%06" G_GINT64_FORMAT "%03u", project_id,
                                                  number);
  g_autoptr(JsonNode) after = NULL;
  gint64 id = anju_housing_insert_building (gen->db, project_id, name, building_no, floors, now,
                                            error);

  if (id == 0
      || (after = anju_housing_building_node (gen->db, id, error)) == NULL
      || !anju_audit_record_as (gen->db, gen->audit_key, now, &housing->clerk->actor,
                                "pubrent.building.create", "pubrent.building", id, NULL, after,
                                error))
    return 0;
  return id;
}

static gboolean
insert_unit (Housing        *housing,
             const char     *project_no,
             gint64          project_id,
             gint64          building_id,
             guint           building,
             guint           entrance,
             gint64          floor,
             guint           room,
             gint64          now,
             GError        **error)
{
  AnjuBenchGen *gen = housing->gen;
  AnjuBenchRandom *random = housing->random;
  guint layout = anju_bench_random_weighted (random, layout_weights, G_N_ELEMENTS (layout_weights));
  /* 0.01 m²: 30–45 m² studios up to 60–80 m² three rooms. */
  gint64 area = anju_bench_random_range (random, 3000, 4500) + (gint64) layout * 1200;
  char unit_no[64];
  char entrance_text[16];
  char room_no[16];
  AnjuUnitInput input = {
    .unit_no = unit_no,
    .project_id = project_id,
    .building_id = building_id,
    .entrance = entrance_text,
    .room_no = room_no,
    .floor = floor,
    .layout = (char *) layouts[layout],
    .room_count = layout == 0 ? 1 : layout + 1,
    .floor_area = area,
    .inner_area = area * 78 / 100,
    .orientation = (char *) anju_bench_random_pick (random, orientations,
                                                    G_N_ELEMENTS (orientations)),
    /* About 12 yuan per m² a month, rounded to the yuan. */
    .monthly_rent = area * 12 / 100 * 100,
    .facilities = (char *) facilities[anju_bench_random_below (random, G_N_ELEMENTS (facilities))],
    .state = (char *) unit_states[anju_bench_random_weighted (random, unit_state_weights,
                                                              G_N_ELEMENTS (unit_state_weights))],
  };
  g_autoptr(JsonNode) after = NULL;
  gint64 id;

  g_snprintf (unit_no, sizeof unit_no, "%s-%02u-%u-%02" G_GINT64_FORMAT "%02u", project_no,
              building, entrance, floor, room);
  g_snprintf (entrance_text, sizeof entrance_text, "%u单元", entrance);
  g_snprintf (room_no, sizeof room_no, "%" G_GINT64_FORMAT "%02u", floor, room);

  id = anju_housing_insert_unit (gen->db, &input, now, error);
  return id != 0
         && (after = anju_housing_unit_to_json (gen->db, id, NULL, error)) != NULL
         && anju_housing_record_change (gen->db, id, "import", NULL, after, NULL,
                                        housing->clerk->id, now, error)
         && anju_audit_record_as (gen->db, gen->audit_key, now, &housing->clerk->actor,
                                  "pubrent.unit.create", "pubrent.unit", id, NULL, after, error);
}

/* A project's units, building after building, floor after floor. */
static gboolean
fill_project (Housing     *housing,
              const char  *project_no,
              gint64       project_id,
              guint        n_units,
              gint64       now,
              GError     **error)
{
  AnjuBenchRandom *random = housing->random;
  guint made = 0;

  for (guint building = 1; made < n_units; building++)
    {
      gint64 floors = anju_bench_random_range (random, 6, 33);
      guint entrances = (guint) anju_bench_random_range (random, 1, 2);
      guint rooms = (guint) anju_bench_random_range (random, 2, 4);
      gint64 building_id = insert_building (housing, project_id, building, floors, now, error);

      if (building_id == 0)
        return FALSE;
      for (guint entrance = 1; entrance <= entrances && made < n_units; entrance++)
        for (gint64 floor = 1; floor <= floors && made < n_units; floor++)
          for (guint room = 1; room <= rooms && made < n_units; room++)
            {
              if (!insert_unit (housing, project_no, project_id, building_id, building, entrance,
                                floor, room, now, error)
                  || !anju_bench_batch_step (housing->gen, ++housing->units_done,
                                             housing->gen->size->units, error))
                return FALSE;
              made++;
            }
    }
  return TRUE;
}

gboolean
anju_bench_make_housing (AnjuBenchGen  *gen,
                         GError       **error)
{
  AnjuBenchRandom random;
  Housing housing = { .gen = gen, .random = &random };
  guint projects = gen->size->projects;

  anju_bench_random_init (&random, gen->seed, ANJU_BENCH_STREAM_HOUSING);
  housing.clerk = g_ptr_array_index (gen->center->users, gen->center->users->len > 2 ? 2 : 0);
  if (!anju_bench_batch_begin (gen, "units", error))
    return FALSE;

  for (guint i = 0; i < projects; i++)
    {
      /* Projects open over the first four of the five years. */
      gint64 now = gen->start + 120 * ANJU_BENCH_DAY
                   + (gint64) i * (4 * 365 * ANJU_BENCH_DAY) / projects
                   + anju_bench_random_range (&random, 0, ANJU_BENCH_DAY);
      guint n_units = gen->size->units / projects + (i < gen->size->units % projects ? 1 : 0);
      g_autofree char *project_no = NULL;
      gint64 id = insert_project (&housing, i, now, &project_no, error);

      if (id == 0)
        return FALSE;
      if (!fill_project (&housing, project_no, id, n_units, now, error))
        return FALSE;
    }
  return anju_bench_batch_end (gen, housing.units_done, error);
}
