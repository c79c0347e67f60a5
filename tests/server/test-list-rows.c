/* test-list-rows.c: the lists that write their items as JSON text
 * straight from the rows (AnjuRowWriteFunc: the unit list, the
 * application list) answer exactly what the JsonNode way
 * (anju_housing_unit_from_row; for the applications, the summary the
 * list built that way before, kept here as the reference) makes
 * of the same rows: the same members in the same order, the same types,
 * null where it was null, ID numbers and phones masked alike.
 *
 * Each page is built both ways from the same statement on the demo
 * database, after rows with awkward values were added (abnormal marks,
 * NULL columns, quotes, backslashes, control characters, CJK and emoji),
 * then both are parsed and written out again by json-glib, and the two
 * texts compared: equal texts mean equal members, order and types.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anju-application-list.h"
#include "anju-db.h"
#include "anju-housing-store.h"
#include "anju-json-columns.h"
#include "anju-mask.h"
#include "anju-test-identity.h"

/* The application summary the JsonNode way, as the list built it before
 * it wrote JSON text: the reference the text must equal. */
static void
add_masked (JsonBuilder  *builder,
            const char   *member,
            sqlite3_stmt *stmt,
            int           column,
            char       *(*mask) (const char *))
{
  const char *value = (const char *) sqlite3_column_text (stmt, column);
  g_autofree char *masked = value != NULL ? mask (value) : NULL;

  json_builder_set_member_name (builder, member);
  if (masked == NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, masked);
}

static JsonNode *
summary_from_row (sqlite3_stmt  *stmt,
                  gpointer       user_data G_GNUC_UNUSED,
                  GError       **error G_GNUC_UNUSED)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  anju_json_add_id_column (builder, "id", stmt, 0);
  anju_json_add_text_column (builder, "application_no", stmt, 1);
  anju_json_add_text_column (builder, "business_type", stmt, 2);
  anju_json_add_text_column (builder, "business_type_label", stmt, 3);
  anju_json_add_text_column (builder, "status", stmt, 4);
  anju_json_add_text_column (builder, "status_label", stmt, 5);
  json_builder_set_member_name (builder, "org");
  json_builder_begin_object (builder);
  anju_json_add_id_column (builder, "id", stmt, 6);
  anju_json_add_text_column (builder, "name", stmt, 7);
  json_builder_end_object (builder);
  anju_json_add_text_column (builder, "applicant_name", stmt, 8);
  add_masked (builder, "id_no", stmt, 9, anju_mask_id_number);
  add_masked (builder, "phone", stmt, 10, anju_mask_phone);
  anju_json_add_id_column (builder, "household_size", stmt, 11);
  anju_json_add_text_column (builder, "employer_name", stmt, 12);
  anju_json_add_time_column (builder, "submitted_at", stmt, 13);
  anju_json_add_time_column (builder, "created_at", stmt, 14);
  anju_json_add_time_column (builder, "updated_at", stmt, 15);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* Text json-glib writes of the JSON text: the same for two texts that
 * hold the same members, in the same order, of the same types. */
static char *
normalised (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = json_from_string (text, &error);

  g_assert_no_error (error);
  return json_to_string (node, FALSE);
}

/* The page of every row of sql built both ways must be the same. */
static void
assert_same_page (AnjuTestServer    *srv,
                  const char        *sql,
                  AnjuRowToJsonFunc  row_to_json,
                  AnjuRowWriteFunc   write_row,
                  guint              min_rows)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnjuDb) reader = anju_db_open_reader (anju_db_get_path (anju_server_get_db (srv->server)),
                                                  &error);
  g_autoptr(JsonArray) items = json_array_new ();
  g_autofree char *by_nodes = NULL;
  g_autofree char *by_text = NULL;
  g_autofree char *nodes_normal = NULL;
  g_autofree char *text_normal = NULL;
  sqlite3_stmt *stmt;
  gsize length;

  g_assert_no_error (error);
  stmt = anju_db_prepare (reader, sql, &error);
  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      JsonNode *item = row_to_json (stmt, NULL, &error);

      g_assert_no_error (error);
      json_array_add_element (items, item);
    }
  g_assert_cmpuint (json_array_get_length (items), >=, min_rows);
  by_nodes = anju_request_page_to_data (items, 1000, 2, 50, &length);
  sqlite3_reset (stmt);
  by_text = anju_request_write_page (reader, stmt, write_row, NULL, 1000, 2, 50, &length,
                                     &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, ==, strlen (by_text));
  sqlite3_reset (stmt);

  nodes_normal = normalised (by_nodes);
  text_normal = normalised (by_text);
  g_assert_cmpstr (text_normal, ==, nodes_normal);
}

static JsonNode *
unit_from_row (sqlite3_stmt  *stmt,
               gpointer       user_data,
               GError       **error)
{
  return anju_housing_unit_from_row (stmt);
}

static void
test_units (AnjuTestFixture *fixture,
            gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;

  /* Setup only: one unit with every optional column NULL, one with
   * text that needs escaping, one marked abnormal by a user and one by
   * nobody. */
  g_free (anju_test_db_query (srv,
    "INSERT INTO pubrent_units (unit_no, project_id, building_id, room_no, floor, layout,"
    " floor_area, monthly_rent, created_at, updated_at)"
    " SELECT 'LR-NULLS', b.project_id, b.id, '1', 1, 'studio', 4000, 50000, 0, 0"
    " FROM pubrent_buildings b ORDER BY b.id LIMIT 1"));
  g_free (anju_test_db_query (srv,
    "INSERT INTO pubrent_units (unit_no, project_id, building_id, entrance, room_no, floor,"
    " layout, room_count, floor_area, inner_area, orientation, monthly_rent, facilities,"
    " created_at, updated_at)"
    " SELECT 'LR-TEXT', b.project_id, b.id, '1\"单元\\', '2', -1, 'one_bedroom', 2, 6512, 5001,"
    " '南' || char (9) || '北', 123456, 'a\nb' || char (1) || '🏠 家具', 0, 1767225600"
    " FROM pubrent_buildings b ORDER BY b.id LIMIT 1"));
  g_free (anju_test_db_query (srv,
    "UPDATE pubrent_units SET abnormal = 1, abnormal_kind = 'needs_repair',"
    " abnormal_reason = '漏水 \"急\"', abnormal_suggestion = NULL,"
    " abnormal_marked_at = 1767225600, abnormal_marked_by = (SELECT MIN (id) FROM users)"
    " WHERE unit_no = 'LR-TEXT'"));
  g_free (anju_test_db_query (srv,
    "UPDATE pubrent_units SET abnormal = 1, abnormal_kind = 'other', abnormal_reason = 'x',"
    " abnormal_marked_at = NULL, abnormal_marked_by = NULL WHERE unit_no = 'LR-NULLS'"));

  assert_same_page (srv,
                    "SELECT " ANJU_HOUSING_UNIT_COLUMNS " FROM " ANJU_HOUSING_UNIT_JOIN
                    " ORDER BY u.unit_no",
                    unit_from_row, anju_housing_unit_write_row, 3);
}

static void
test_applications (AnjuTestFixture *fixture,
                   gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;

  /* Setup only: ID numbers and phones of every length the masks treat
   * apart, NULL ones, and text that needs escaping. */
  g_free (anju_test_db_query (srv,
    "UPDATE pubrent_applications SET id_no = NULL, phone = NULL, household_size = NULL,"
    " employer_name = NULL, submitted_at = NULL"
    " WHERE id = (SELECT MIN (id) FROM pubrent_applications)"));
  g_free (anju_test_db_query (srv,
    "UPDATE pubrent_applications SET id_no = '12', phone = '138', applicant_name = '欧阳\"x\\',"
    " employer_name = 'line' || char (10) || 'tab' || char (9) || '😀'"
    " WHERE id = (SELECT MAX (id) FROM pubrent_applications)"));

  assert_same_page (srv,
                    "SELECT " ANJU_APPLICATION_SUMMARY_COLUMNS " FROM"
                    ANJU_APPLICATION_LIST_FROM " ORDER BY a.created_at DESC, a.id DESC",
                    summary_from_row,
                    anju_application_summary_write_row, 2);
}

int
main (int    argc,
      char **argv)
{
  anju_test_init (&argc, &argv);

  g_test_add ("/list-rows/units", AnjuTestFixture, NULL, anju_test_fixture_set_up,
              test_units, anju_test_fixture_tear_down);
  g_test_add ("/list-rows/applications", AnjuTestFixture, NULL, anju_test_fixture_set_up,
              test_applications, anju_test_fixture_tear_down);
  return g_test_run ();
}
