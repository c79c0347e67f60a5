/* anju-housing-store.h: projects, buildings and units in SQLite, their
 * JSON (docs/api.md "Housing stock") and who may see them.
 *
 * Scope: housing is not scoped by street.  Callers of the center, a street
 * or a community see every project; any other organisation (an operating
 * enterprise) sees only the projects whose operator is in its subtree,
 * and none that have no operator.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "anju-caller.h"
#include "anju-db.h"
#include "anju-json-text.h"

G_BEGIN_DECLS

#define ANJU_PERM_HOUSING_READ  "pubrent.housing.read"
#define ANJU_PERM_HOUSING_WRITE "pubrent.housing.write"

extern const char * const anju_housing_project_statuses[];
extern const char * const anju_housing_layouts[];
extern const char * const anju_housing_unit_states[];
extern const char * const anju_housing_abnormal_kinds[];

/* The Chinese names files use for layouts and states, index for index
 * with the codes above. */
extern const char * const anju_housing_layout_names[];
extern const char * const anju_housing_state_names[];

/* The organisation path that limits what caller sees, or NULL when the
 * caller sees every project. */
const char *anju_housing_scope_path     (const AnjuCaller *caller);

/* Decimal strings with at most two decimals ("65.5", "1200.00") as an
 * integer number of hundredths, refusing negative values. */
gboolean    anju_housing_parse_hundredths (const char  *text,
                                           gint64      *out_value,
                                           GError     **error);
/* "YYYY-MM-DD" that names a real day. */
gboolean    anju_housing_date_is_valid   (const char *text);

/* ---- projects ---- */

#define ANJU_HOUSING_PROJECT_COLUMNS \
  "p.id, p.project_no, p.name, p.address, p.district, p.operator_org_id, op.name," \
  " p.status, p.start_date, p.end_date, p.manager, p.description," \
  " (SELECT COUNT(*) FROM pubrent_units cu WHERE cu.project_id = p.id)," \
  " (SELECT COUNT(*) FROM pubrent_units cu WHERE cu.project_id = p.id" \
  "  AND cu.state = 'vacant'), p.created_at, p.updated_at"
#define ANJU_HOUSING_PROJECT_JOIN \
  "pubrent_projects p LEFT JOIN organisations op ON op.id = p.operator_org_id"
/* With the scope path bound to ?n. */
#define ANJU_HOUSING_IN_SCOPE(n) \
  "(" n " IS NULL OR substr (op.path, 1, length (" n ")) = " n ")"

JsonNode   *anju_housing_project_from_row (sqlite3_stmt *stmt);
/* The project, with "buildings" when with_buildings; NOT_FOUND when it
 * does not exist or is out of scope_path. */
JsonNode   *anju_housing_project_to_json  (AnjuDb      *db,
                                           gint64       id,
                                           const char  *scope_path,
                                           gboolean     with_buildings,
                                           GError     **error);
/* JSON for audit and 404 checks without buildings. */
JsonNode   *anju_housing_project_node     (AnjuDb   *db,
                                           gint64    id,
                                           GError  **error);

/* ---- buildings ---- */

#define ANJU_HOUSING_BUILDING_COLUMNS \
  "b.id, b.project_id, bp.name, b.name, b.building_no, b.floors," \
  " (SELECT COUNT(*) FROM pubrent_units cu WHERE cu.building_id = b.id)," \
  " b.created_at, b.updated_at"
#define ANJU_HOUSING_BUILDING_JOIN \
  "pubrent_buildings b JOIN pubrent_projects bp ON bp.id = b.project_id"

JsonNode   *anju_housing_building_from_row (sqlite3_stmt *stmt);
JsonNode   *anju_housing_building_node     (AnjuDb   *db,
                                            gint64    id,
                                            GError  **error);
/* The building of project_id named name; *out_id 0 when there is none. */
gboolean    anju_housing_find_building     (AnjuDb      *db,
                                            gint64       project_id,
                                            const char  *name,
                                            gint64      *out_id,
                                            GError     **error);
gint64      anju_housing_insert_building   (AnjuDb      *db,
                                            gint64       project_id,
                                            const char  *name,
                                            const char  *building_no,
                                            gint64       floors,
                                            gint64       now,
                                            GError     **error);

/* ---- units ---- */

/* Those of u are all in pubrent_units_project_state_summary (0027): add
 * a column there too, or a project's list in one state reads the table
 * again (test-list-query-plans fails). */
#define ANJU_HOUSING_UNIT_COLUMNS \
  "u.id, u.unit_no, u.project_id, p.name, u.building_id, b.name, u.entrance, u.room_no," \
  " u.floor, u.layout, u.room_count, u.floor_area, u.inner_area, u.orientation," \
  " u.monthly_rent, u.facilities, u.state, u.abnormal, u.abnormal_kind, u.abnormal_reason," \
  " u.abnormal_suggestion, u.abnormal_marked_at, u.abnormal_marked_by, mu.name, u.updated_at," \
  " p.project_no"
/* CROSS JOIN keeps the units the outer loop: with statistics (ANALYZE)
 * SQLite would otherwise start the unit list from the few buildings and
 * sort every unit, instead of reading them in an index's order. */
#define ANJU_HOUSING_UNIT_JOIN \
  "pubrent_units u CROSS JOIN pubrent_projects p ON p.id = u.project_id" \
  " CROSS JOIN pubrent_buildings b ON b.id = u.building_id" \
  " LEFT JOIN organisations op ON op.id = p.operator_org_id" \
  " LEFT JOIN users mu ON mu.id = u.abnormal_marked_by"

/* Column indexes of ANJU_HOUSING_UNIT_COLUMNS the export reads. */
enum
{
  ANJU_HOUSING_UNIT_COL_UNIT_NO = 1,
  ANJU_HOUSING_UNIT_COL_BUILDING = 5,
  ANJU_HOUSING_UNIT_COL_ENTRANCE = 6,
  ANJU_HOUSING_UNIT_COL_ROOM_NO = 7,
  ANJU_HOUSING_UNIT_COL_FLOOR = 8,
  ANJU_HOUSING_UNIT_COL_LAYOUT = 9,
  ANJU_HOUSING_UNIT_COL_ROOM_COUNT = 10,
  ANJU_HOUSING_UNIT_COL_FLOOR_AREA = 11,
  ANJU_HOUSING_UNIT_COL_INNER_AREA = 12,
  ANJU_HOUSING_UNIT_COL_ORIENTATION = 13,
  ANJU_HOUSING_UNIT_COL_RENT = 14,
  ANJU_HOUSING_UNIT_COL_FACILITIES = 15,
  ANJU_HOUSING_UNIT_COL_STATE = 16,
  ANJU_HOUSING_UNIT_COL_PROJECT_NO = 25,
};

/* A unit's values as written; 0 / NULL for absent optional ones (areas
 * and room_count: -1). */
typedef struct
{
  char   *unit_no;
  gint64  project_id;
  gint64  building_id;
  char   *entrance;
  char   *room_no;
  gint64  floor;
  char   *layout;
  gint64  room_count;
  gint64  floor_area;
  gint64  inner_area;
  char   *orientation;
  gint64  monthly_rent;
  char   *facilities;
  char   *state;
} AnjuUnitInput;

void        anju_unit_input_clear          (AnjuUnitInput *input);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AnjuUnitInput, anju_unit_input_clear)

JsonNode   *anju_housing_unit_from_row     (sqlite3_stmt *stmt);
/* The same unit written as JSON text (an AnjuRowWriteFunc), for the
 * list: no JsonNode per member. */
void        anju_housing_unit_write_row    (sqlite3_stmt *stmt,
                                            AnjuJsonText *text,
                                            gpointer      user_data);
/* NOT_FOUND when the unit does not exist or is out of scope_path. */
JsonNode   *anju_housing_unit_to_json      (AnjuDb      *db,
                                            gint64       id,
                                            const char  *scope_path,
                                            GError     **error);
/* The Unit JSON a row of an import would make, before it exists. */
JsonNode   *anju_housing_unit_preview      (const AnjuUnitInput *input,
                                            const char          *project_name,
                                            const char          *building_name);
gint64      anju_housing_insert_unit       (AnjuDb              *db,
                                            const AnjuUnitInput *input,
                                            gint64               now,
                                            GError             **error);
gboolean    anju_housing_unit_no_exists    (AnjuDb      *db,
                                            const char  *unit_no,
                                            gboolean    *out_exists,
                                            GError     **error);
/* One before/after row of pubrent_unit_changes. */
gboolean    anju_housing_record_change     (AnjuDb      *db,
                                            gint64       unit_id,
                                            const char  *action,
                                            JsonNode    *before,
                                            JsonNode    *after,
                                            const char  *note,
                                            gint64       user_id,
                                            gint64       now,
                                            GError     **error);

G_END_DECLS
