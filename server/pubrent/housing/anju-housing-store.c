/* anju-housing-store.c: projects, buildings and units in SQLite and their
 * JSON.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "anju-content-json.h"
#include "anju-decimal.h"
#include "anju-housing-store.h"
#include "anju-json-columns.h"
#include "anju-json-text-columns.h"
#include "anju-money.h"
#include "anju-stmt.h"

const char * const anju_housing_project_statuses[] = {
  "planning", "building", "operating", "closed", NULL
};
const char * const anju_housing_layouts[] = {
  "studio", "one_bedroom", "two_bedroom", "three_bedroom", NULL
};
const char * const anju_housing_unit_states[] = { "vacant", "allocated", "leased", NULL };
const char * const anju_housing_abnormal_kinds[] = {
  "long_vacancy", "needs_repair", "other", NULL
};

/* The file format's words (docs/api.md), not interface text: never
 * translated. */
const char * const anju_housing_layout_names[] = {
  "单间", "一室一厅", "两室一厅", "三室一厅", NULL
};
const char * const anju_housing_state_names[] = { "空置", "已配租", "已出租", NULL };

const char *
anju_housing_scope_path (const AnjuCaller *caller)
{
  static const char * const unscoped[] = { "center", "street", "community", NULL };

  if (caller->org_kind != NULL && g_strv_contains (unscoped, caller->org_kind))
    return NULL;
  /* An unknown kind is treated as an enterprise: it sees least. */
  return caller->org_path != NULL ? caller->org_path : "/nowhere/";
}

gboolean
anju_housing_parse_hundredths (const char  *text,
                               gint64      *out_value,
                               GError     **error)
{
  /* The money parser reads any two-decimal number the same way. */
  if (text == NULL || !anju_money_parse_fen (text, out_value, NULL) || *out_value < 0)
    {
      g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_VALIDATION,
                           _("Must be a number with at most two decimals, not negative"));
      return FALSE;
    }
  return TRUE;
}

gboolean
anju_housing_date_is_valid (const char *text)
{
  guint64 year, month, day;
  g_auto(GStrv) parts = NULL;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  parts = g_strsplit (text, "-", 3);
  return g_ascii_string_to_unsigned (parts[0], 10, 1900, 2999, &year, NULL)
         && g_ascii_string_to_unsigned (parts[1], 10, 1, 12, &month, NULL)
         && g_ascii_string_to_unsigned (parts[2], 10, 1, 31, &day, NULL)
         && g_date_valid_dmy (day, month, year);
}

static void
add_hundredths_column (JsonBuilder  *builder,
                       const char   *member,
                       sqlite3_stmt *stmt,
                       int           column)
{
  g_autofree char *text = NULL;

  json_builder_set_member_name (builder, member);
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }
  text = anju_decimal_format_hundredths (sqlite3_column_int64 (stmt, column));
  json_builder_add_string_value (builder, text);
}

/* ---- projects ---- */

JsonNode *
anju_housing_project_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  anju_json_add_id_column (builder, "id", stmt, 0);
  anju_json_add_text_column (builder, "project_no", stmt, 1);
  anju_json_add_text_column (builder, "name", stmt, 2);
  anju_json_add_text_column (builder, "address", stmt, 3);
  anju_json_add_text_column (builder, "district", stmt, 4);
  anju_content_json_add_ref (builder, "operator", stmt, 5);
  anju_json_add_text_column (builder, "status", stmt, 7);
  anju_json_add_text_column (builder, "start_date", stmt, 8);
  anju_json_add_text_column (builder, "end_date", stmt, 9);
  anju_json_add_text_column (builder, "manager", stmt, 10);
  anju_json_add_text_column (builder, "description", stmt, 11);
  anju_json_add_id_column (builder, "unit_count", stmt, 12);
  anju_json_add_id_column (builder, "vacant_count", stmt, 13);
  anju_json_add_time_column (builder, "created_at", stmt, 14);
  anju_json_add_time_column (builder, "updated_at", stmt, 15);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static JsonArray *
project_buildings (AnjuDb   *db,
                   gint64    project_id,
                   GError  **error)
{
  g_auto(AnjuStmt) stmt = NULL;
  g_autoptr(JsonArray) buildings = json_array_new ();
  int rc;

  stmt = anju_db_prepare (db, "SELECT " ANJU_HOUSING_BUILDING_COLUMNS " FROM "
                              ANJU_HOUSING_BUILDING_JOIN " WHERE b.project_id = ?1"
                              " ORDER BY b.name COLLATE NOCASE, b.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, project_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    json_array_add_element (buildings, anju_housing_building_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      anju_db_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&buildings);
}

JsonNode *
anju_housing_project_to_json (AnjuDb      *db,
                              gint64       id,
                              const char  *scope_path,
                              gboolean     with_buildings,
                              GError     **error)
{
  g_auto(AnjuStmt) stmt = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonArray *buildings;

  stmt = anju_db_prepare (db, "SELECT " ANJU_HOUSING_PROJECT_COLUMNS " FROM "
                              ANJU_HOUSING_PROJECT_JOIN " WHERE p.id = ?1 AND "
                              ANJU_HOUSING_IN_SCOPE ("?2"), error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  anju_db_bind_text (stmt, 2, scope_path);
  if (!anju_db_step_row (db, stmt, ANJU_ERROR_NOT_FOUND, _("No such project"), error))
    return NULL;
  node = anju_housing_project_from_row (stmt);
  if (!with_buildings)
    return g_steal_pointer (&node);

  buildings = project_buildings (db, id, error);
  if (buildings == NULL)
    return NULL;
  json_object_set_array_member (json_node_get_object (node), "buildings", buildings);
  return g_steal_pointer (&node);
}

JsonNode *
anju_housing_project_node (AnjuDb   *db,
                           gint64    id,
                           GError  **error)
{
  return anju_housing_project_to_json (db, id, NULL, FALSE, error);
}

/* ---- buildings ---- */

JsonNode *
anju_housing_building_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  anju_json_add_id_column (builder, "id", stmt, 0);
  anju_content_json_add_ref (builder, "project", stmt, 1);
  anju_json_add_text_column (builder, "name", stmt, 3);
  anju_json_add_text_column (builder, "building_no", stmt, 4);
  anju_json_add_id_column (builder, "floors", stmt, 5);
  anju_json_add_id_column (builder, "unit_count", stmt, 6);
  anju_json_add_time_column (builder, "created_at", stmt, 7);
  anju_json_add_time_column (builder, "updated_at", stmt, 8);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

JsonNode *
anju_housing_building_node (AnjuDb   *db,
                            gint64    id,
                            GError  **error)
{
  g_auto(AnjuStmt) stmt = NULL;

  stmt = anju_db_prepare (db, "SELECT " ANJU_HOUSING_BUILDING_COLUMNS " FROM "
                              ANJU_HOUSING_BUILDING_JOIN " WHERE b.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!anju_db_step_row (db, stmt, ANJU_ERROR_NOT_FOUND, _("No such building"), error))
    return NULL;
  return anju_housing_building_from_row (stmt);
}

gboolean
anju_housing_find_building (AnjuDb      *db,
                            gint64       project_id,
                            const char  *name,
                            gint64      *out_id,
                            GError     **error)
{
  g_auto(AnjuStmt) stmt = NULL;

  stmt = anju_db_prepare (db, "SELECT id FROM pubrent_buildings WHERE project_id = ?1"
                              " AND name = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, project_id);
  anju_db_bind_text (stmt, 2, name);
  return anju_db_step_id (db, stmt, out_id, error);
}

gint64
anju_housing_insert_building (AnjuDb      *db,
                              gint64       project_id,
                              const char  *name,
                              const char  *building_no,
                              gint64       floors,
                              gint64       now,
                              GError     **error)
{
  g_auto(AnjuStmt) stmt = NULL;

  stmt = anju_db_prepare (db, "INSERT INTO pubrent_buildings (project_id, name, building_no,"
                              " floors, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
                          error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, project_id);
  anju_db_bind_text (stmt, 2, name);
  anju_db_bind_text (stmt, 3, building_no);
  if (floors > 0)
    sqlite3_bind_int64 (stmt, 4, floors);
  sqlite3_bind_int64 (stmt, 5, now);
  if (!anju_db_step_done (db, stmt, error))
    return 0;
  return anju_db_last_insert_id (db);
}

/* ---- units ---- */

void
anju_unit_input_clear (AnjuUnitInput *input)
{
  g_clear_pointer (&input->unit_no, g_free);
  g_clear_pointer (&input->entrance, g_free);
  g_clear_pointer (&input->room_no, g_free);
  g_clear_pointer (&input->layout, g_free);
  g_clear_pointer (&input->orientation, g_free);
  g_clear_pointer (&input->facilities, g_free);
  g_clear_pointer (&input->state, g_free);
}

JsonNode *
anju_housing_unit_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  anju_json_add_id_column (builder, "id", stmt, 0);
  anju_json_add_text_column (builder, "unit_no", stmt, 1);
  anju_content_json_add_ref (builder, "project", stmt, 2);
  anju_content_json_add_ref (builder, "building", stmt, 4);
  anju_json_add_text_column (builder, "entrance", stmt, 6);
  anju_json_add_text_column (builder, "room_no", stmt, 7);
  anju_json_add_id_column (builder, "floor", stmt, 8);
  anju_json_add_text_column (builder, "layout", stmt, 9);
  anju_json_add_id_column (builder, "room_count", stmt, 10);
  add_hundredths_column (builder, "floor_area", stmt, 11);
  add_hundredths_column (builder, "inner_area", stmt, 12);
  anju_json_add_text_column (builder, "orientation", stmt, 13);
  add_hundredths_column (builder, "monthly_rent", stmt, 14);
  anju_json_add_text_column (builder, "facilities", stmt, 15);
  anju_json_add_text_column (builder, "state", stmt, 16);
  json_builder_set_member_name (builder, "abnormal");
  if (sqlite3_column_int (stmt, 17) == 0)
    json_builder_add_null_value (builder);
  else
    {
      json_builder_begin_object (builder);
      anju_json_add_text_column (builder, "kind", stmt, 18);
      anju_json_add_text_column (builder, "reason", stmt, 19);
      anju_json_add_text_column (builder, "suggestion", stmt, 20);
      anju_json_add_time_column (builder, "marked_at", stmt, 21);
      anju_content_json_add_ref (builder, "marked_by", stmt, 22);
      json_builder_end_object (builder);
    }
  anju_json_add_time_column (builder, "updated_at", stmt, 24);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* Member for member anju_housing_unit_from_row(). */
void
anju_housing_unit_write_row (sqlite3_stmt *stmt,
                             AnjuJsonText *text,
                             gpointer      user_data G_GNUC_UNUSED)
{
  anju_json_text_begin_object (text);
  anju_json_text_id_column (text, "id", stmt, 0);
  anju_json_text_text_column (text, "unit_no", stmt, 1);
  anju_json_text_ref_columns (text, "project", stmt, 2);
  anju_json_text_ref_columns (text, "building", stmt, 4);
  anju_json_text_text_column (text, "entrance", stmt, 6);
  anju_json_text_text_column (text, "room_no", stmt, 7);
  anju_json_text_id_column (text, "floor", stmt, 8);
  anju_json_text_text_column (text, "layout", stmt, 9);
  anju_json_text_id_column (text, "room_count", stmt, 10);
  anju_json_text_hundredths_column (text, "floor_area", stmt, 11);
  anju_json_text_hundredths_column (text, "inner_area", stmt, 12);
  anju_json_text_text_column (text, "orientation", stmt, 13);
  anju_json_text_hundredths_column (text, "monthly_rent", stmt, 14);
  anju_json_text_text_column (text, "facilities", stmt, 15);
  anju_json_text_text_column (text, "state", stmt, 16);
  anju_json_text_member (text, "abnormal");
  if (sqlite3_column_int (stmt, 17) == 0)
    anju_json_text_null (text);
  else
    {
      anju_json_text_begin_object (text);
      anju_json_text_text_column (text, "kind", stmt, 18);
      anju_json_text_text_column (text, "reason", stmt, 19);
      anju_json_text_text_column (text, "suggestion", stmt, 20);
      anju_json_text_time_column (text, "marked_at", stmt, 21);
      anju_json_text_ref_columns (text, "marked_by", stmt, 22);
      anju_json_text_end_object (text);
    }
  anju_json_text_time_column (text, "updated_at", stmt, 24);
  anju_json_text_end_object (text);
}

JsonNode *
anju_housing_unit_to_json (AnjuDb      *db,
                           gint64       id,
                           const char  *scope_path,
                           GError     **error)
{
  g_auto(AnjuStmt) stmt = NULL;

  stmt = anju_db_prepare (db, "SELECT " ANJU_HOUSING_UNIT_COLUMNS " FROM "
                              ANJU_HOUSING_UNIT_JOIN " WHERE u.id = ?1 AND "
                              ANJU_HOUSING_IN_SCOPE ("?2"), error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  anju_db_bind_text (stmt, 2, scope_path);
  if (!anju_db_step_row (db, stmt, ANJU_ERROR_NOT_FOUND, _("No such unit"), error))
    return NULL;
  return anju_housing_unit_from_row (stmt);
}

static void
add_optional_hundredths (JsonBuilder *builder,
                         const char  *member,
                         gint64       value)
{
  g_autofree char *text = value >= 0 ? anju_decimal_format_hundredths (value) : NULL;

  json_builder_set_member_name (builder, member);
  if (text != NULL)
    json_builder_add_string_value (builder, text);
  else
    json_builder_add_null_value (builder);
}

static void
add_ref (JsonBuilder *builder,
         const char  *member,
         gint64       id,
         const char  *name)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  if (id > 0)
    json_builder_add_int_value (builder, id);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name);
  json_builder_end_object (builder);
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

JsonNode *
anju_housing_unit_preview (const AnjuUnitInput *input,
                           const char          *project_name,
                           const char          *building_name)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_null_value (builder);
  add_string (builder, "unit_no", input->unit_no);
  add_ref (builder, "project", input->project_id, project_name);
  add_ref (builder, "building", input->building_id, building_name);
  add_string (builder, "entrance", input->entrance);
  add_string (builder, "room_no", input->room_no);
  json_builder_set_member_name (builder, "floor");
  json_builder_add_int_value (builder, input->floor);
  add_string (builder, "layout", input->layout);
  json_builder_set_member_name (builder, "room_count");
  if (input->room_count >= 0)
    json_builder_add_int_value (builder, input->room_count);
  else
    json_builder_add_null_value (builder);
  add_optional_hundredths (builder, "floor_area", input->floor_area);
  add_optional_hundredths (builder, "inner_area", input->inner_area);
  add_string (builder, "orientation", input->orientation);
  add_optional_hundredths (builder, "monthly_rent", input->monthly_rent);
  add_string (builder, "facilities", input->facilities);
  add_string (builder, "state", input->state);
  json_builder_set_member_name (builder, "abnormal");
  json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "updated_at");
  json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

gint64
anju_housing_insert_unit (AnjuDb              *db,
                          const AnjuUnitInput *input,
                          gint64               now,
                          GError             **error)
{
  g_auto(AnjuStmt) stmt = NULL;

  stmt = anju_db_prepare (db,
                          "INSERT INTO pubrent_units (unit_no, project_id, building_id, entrance,"
                          " room_no, floor, layout, room_count, floor_area, inner_area, orientation,"
                          " monthly_rent, facilities, state, created_at, updated_at)"
                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
                          " ?15, ?15)",
                          error);
  if (stmt == NULL)
    return 0;
  anju_db_bind_text (stmt, 1, input->unit_no);
  sqlite3_bind_int64 (stmt, 2, input->project_id);
  sqlite3_bind_int64 (stmt, 3, input->building_id);
  anju_db_bind_text (stmt, 4, input->entrance);
  anju_db_bind_text (stmt, 5, input->room_no);
  sqlite3_bind_int64 (stmt, 6, input->floor);
  anju_db_bind_text (stmt, 7, input->layout);
  if (input->room_count >= 0)
    sqlite3_bind_int64 (stmt, 8, input->room_count);
  sqlite3_bind_int64 (stmt, 9, input->floor_area);
  if (input->inner_area >= 0)
    sqlite3_bind_int64 (stmt, 10, input->inner_area);
  anju_db_bind_text (stmt, 11, input->orientation);
  sqlite3_bind_int64 (stmt, 12, input->monthly_rent);
  anju_db_bind_text (stmt, 13, input->facilities);
  anju_db_bind_text (stmt, 14, input->state != NULL ? input->state : "vacant");
  sqlite3_bind_int64 (stmt, 15, now);
  if (!anju_db_step_done (db, stmt, error))
    return 0;
  return anju_db_last_insert_id (db);
}

gboolean
anju_housing_unit_no_exists (AnjuDb      *db,
                             const char  *unit_no,
                             gboolean    *out_exists,
                             GError     **error)
{
  g_auto(AnjuStmt) stmt = NULL;
  gint64 id = 0;

  stmt = anju_db_prepare (db, "SELECT id FROM pubrent_units WHERE unit_no = ?1", error);
  if (stmt == NULL)
    return FALSE;
  anju_db_bind_text (stmt, 1, unit_no);
  if (!anju_db_step_id (db, stmt, &id, error))
    return FALSE;
  *out_exists = id != 0;
  return TRUE;
}

static char *
node_to_text (JsonNode *node)
{
  return node != NULL ? json_to_string (node, FALSE) : NULL;
}

gboolean
anju_housing_record_change (AnjuDb      *db,
                            gint64       unit_id,
                            const char  *action,
                            JsonNode    *before,
                            JsonNode    *after,
                            const char  *note,
                            gint64       user_id,
                            gint64       now,
                            GError     **error)
{
  g_auto(AnjuStmt) stmt = NULL;
  g_autofree char *before_text = node_to_text (before);
  g_autofree char *after_text = node_to_text (after);

  stmt = anju_db_prepare (db, "INSERT INTO pubrent_unit_changes (unit_id, action, before_json,"
                              " after_json, note, user_id, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  anju_db_bind_text (stmt, 2, action);
  anju_db_bind_text (stmt, 3, before_text);
  anju_db_bind_text (stmt, 4, after_text);
  anju_db_bind_text (stmt, 5, note);
  if (user_id > 0)
    sqlite3_bind_int64 (stmt, 6, user_id);
  sqlite3_bind_int64 (stmt, 7, now);
  return anju_db_step_done (db, stmt, error);
}
