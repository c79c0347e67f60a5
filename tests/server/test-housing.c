/* test-housing.c: public rental housing stock (房源信息管理, F-PRH-012)
 * and the projects of operating enterprises (F-PRH-011) over real HTTPS:
 * projects and buildings, units with their change log and abnormal
 * marks, scope, import (dry run and real, CSV and XLSX) and export.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "anju-table-reader.h"
#include "anju-table-writer.h"
#include "anju-test-identity.h"

#define PROJECTS "/api/v1/pubrent/projects"
#define UNITS "/api/v1/pubrent/units"
#define OPERATOR "湘江新区安居运营有限公司"
#define IMPORT_HEADER "房屋编号,项目编号,楼栋,单元,房号,楼层,户型,间数,建筑面积,套内面积,朝向,月租金,配套设施,状态\r\n"

static char *
login (AnjuTestServer *srv,
       const char     *username)
{
  return anju_test_login (srv, username, ANJU_TEST_DEMO_PASSWORD);
}

static gint64
count_of (AnjuTestServer *srv,
          const char     *token,
          const char     *path)
{
  g_autoptr(JsonNode) reply = anju_test_get_ok (srv, token, path);

  return anju_test_json_int (reply, "total");
}

static gint64
db_count (AnjuTestServer *srv,
          const char     *sql)
{
  g_autofree char *text = anju_test_db_query (srv, sql);

  return g_ascii_strtoll (text, NULL, 10);
}

static gint64
project_id_of (AnjuTestServer *srv,
               const char     *token,
               const char     *project_no)
{
  g_autofree char *path = g_strdup_printf (PROJECTS "?q=%s", project_no);
  g_autoptr(JsonNode) reply = anju_test_get_ok (srv, token, path);

  g_assert_cmpuint (anju_test_json_length (reply, "items"), ==, 1);
  return anju_test_json_int (reply, "items.0.id");
}

static gint64
unit_id_of (AnjuTestServer *srv,
            const char     *token,
            const char     *unit_no)
{
  g_autofree char *path = g_strdup_printf (UNITS "?q=%s", unit_no);
  g_autoptr(JsonNode) reply = anju_test_get_ok (srv, token, path);

  g_assert_cmpuint (anju_test_json_length (reply, "items"), ==, 1);
  return anju_test_json_int (reply, "items.0.id");
}

static JsonNode *
upload (AnjuTestServer *srv,
        const char     *token,
        const char     *format,
        gboolean        dry_run,
        GBytes         *file,
        guint          *out_status)
{
  g_autofree char *path = g_strdup_printf (UNITS "/import?format=%s&dry_run=%s", format,
                                           dry_run ? "true" : "false");
  g_autoptr(GBytes) body = anju_test_request_raw (srv, token, "POST", path,
                                                  "application/octet-stream", file, out_status);

  return anju_test_parse_json (body);
}

static GBytes *
text_bytes (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

/* A new project with one building, as center staff; returns its id. */
static gint64
make_project (AnjuTestServer *srv,
              const char     *token,
              const char     *project_no,
              gint64          operator_id,
              gint64         *out_building)
{
  g_autofree char *operator = operator_id > 0
                              ? g_strdup_printf ("%" G_GINT64_FORMAT, operator_id)
                              : g_strdup ("null");
  g_autoptr(JsonNode) project = NULL;
  g_autoptr(JsonNode) building = NULL;
  g_autofree char *path = NULL;
  guint status = 0;

  project = anju_test_requestf (srv, token, "POST", PROJECTS, &status,
                                "{\"project_no\":\"%s\",\"name\":\"洋湖人才公寓\","
                                "\"address\":\"长沙市岳麓区洋湖大道1号\",\"district\":\"岳麓区\","
                                "\"operator_id\":%s,\"status\":\"operating\","
                                "\"start_date\":\"2023-01-01\",\"end_date\":\"2024-12-31\"}",
                                project_no, operator);
  anju_assert_status (status, 201, project);
  path = g_strdup_printf (PROJECTS "/%" G_GINT64_FORMAT "/buildings",
                          anju_test_json_int (project, "id"));
  building = anju_test_request (srv, token, "POST", path,
                                "{\"name\":\"1栋\",\"building_no\":\"YH-1\",\"floors\":12}",
                                &status);
  anju_assert_status (status, 201, building);
  if (out_building != NULL)
    *out_building = anju_test_json_int (building, "id");
  return anju_test_json_int (project, "id");
}

static JsonNode *
make_unit (AnjuTestServer *srv,
           const char     *token,
           gint64          project_id,
           gint64          building_id,
           const char     *unit_no,
           guint          *out_status)
{
  return anju_test_requestf (srv, token, "POST", UNITS, out_status,
                             "{\"unit_no\":\"%s\",\"project_id\":%" G_GINT64_FORMAT ","
                             "\"building_id\":%" G_GINT64_FORMAT ",\"entrance\":\"1单元\","
                             "\"room_no\":\"301\",\"floor\":3,\"layout\":\"two_bedroom\","
                             "\"room_count\":3,\"floor_area\":\"65.5\",\"inner_area\":\"54.10\","
                             "\"orientation\":\"南北\",\"monthly_rent\":\"1310\","
                             "\"facilities\":\"空调、热水器\"}",
                             unit_no, project_id, building_id);
}

static void
test_demo (AnjuTestFixture *fixture,
           gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *enterprise = login (srv, "enterprise");
  g_autoptr(JsonNode) projects = anju_test_get_ok (srv, fixture->admin, PROJECTS);
  g_autoptr(JsonNode) abnormal = anju_test_get_ok (srv, fixture->admin, UNITS "?abnormal=true");
  int lugu = anju_test_json_find (projects, "items", "project_no", "XJXQ-GZF-2019-001");

  g_assert_cmpint (anju_test_json_int (projects, "total"), ==, 3);
  g_assert_cmpint (lugu, >=, 0);
  g_assert_cmpint (count_of (srv, fixture->admin, UNITS), >=, 55);
  g_assert_cmpint (anju_test_json_int (abnormal, "total"), ==, 3);
  g_assert_nonnull (anju_test_json_string (abnormal, "items.0.abnormal.reason"));
  g_assert_cmpstr (anju_test_json_string (abnormal, "items.0.abnormal.marked_by.name"), ==, "周敏");
  /* The enterprise runs two of the three. */
  g_assert_cmpint (count_of (srv, enterprise, PROJECTS), ==, 2);
  g_assert_cmpint (count_of (srv, fixture->admin, UNITS "?state=vacant"), >,
                   count_of (srv, fixture->admin, UNITS "?state=allocated"));
}

static void
test_projects (AnjuTestFixture *fixture,
               gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *center = login (srv, "center");
  gint64 operator_id = anju_test_find_org (srv, fixture->admin, OPERATOR);
  gint64 building = 0;
  gint64 id = make_project (srv, center, "YH-2025-001", operator_id, &building);
  g_autofree char *path = g_strdup_printf (PROJECTS "/%" G_GINT64_FORMAT, id);
  g_autofree char *building_path = g_strdup_printf ("/api/v1/pubrent/buildings/%" G_GINT64_FORMAT,
                                                    building);
  g_autofree char *unit_path = NULL;
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  reply = anju_test_get_ok (srv, center, path);
  g_assert_cmpstr (anju_test_json_string (reply, "operator.name"), ==, OPERATOR);
  g_assert_cmpuint (anju_test_json_length (reply, "buildings"), ==, 1);
  g_assert_cmpint (anju_test_json_int (reply, "buildings.0.floors"), ==, 12);
  g_clear_pointer (&reply, json_node_unref);

  /* 409 duplicate number, 422 bad date, unknown operator. */
  reply = anju_test_request (srv, center, "POST", PROJECTS,
                             "{\"project_no\":\"YH-2025-001\",\"name\":\"重复\"}", &status);
  anju_assert_error (status, reply, 409, "conflict");
  g_clear_pointer (&reply, json_node_unref);
  reply = anju_test_request (srv, center, "POST", PROJECTS,
                             "{\"project_no\":\"YH-2025-002\",\"name\":\"日期\","
                             "\"start_date\":\"2025-02-30\",\"operator_id\":1}", &status);
  anju_assert_error (status, reply, 422, "validation_failed");
  g_assert_true (anju_test_json_has (reply, "error.fields.start_date"));
  g_assert_true (anju_test_json_has (reply, "error.fields.operator_id"));
  g_clear_pointer (&reply, json_node_unref);

  reply = anju_test_request (srv, center, "PATCH", path,
                             "{\"name\":\"洋湖人才公寓（一期）\",\"manager\":\"赵敏\"}", &status);
  anju_assert_status (status, 200, reply);
  g_assert_cmpstr (anju_test_json_string (reply, "name"), ==, "洋湖人才公寓（一期）");
  g_assert_cmpstr (anju_test_json_string (reply, "project_no"), ==, "YH-2025-001");
  g_clear_pointer (&reply, json_node_unref);

  /* A second building of the same name is a conflict. */
  {
    g_autofree char *buildings = g_strdup_printf ("%s/buildings", path);

    reply = anju_test_request (srv, center, "POST", buildings, "{\"name\":\"1栋\"}", &status);
    anju_assert_error (status, reply, 409, "conflict");
    g_clear_pointer (&reply, json_node_unref);
  }

  reply = make_unit (srv, center, id, building, "YH-1-0301", &status);
  anju_assert_status (status, 201, reply);
  g_assert_cmpstr (anju_test_json_string (reply, "floor_area"), ==, "65.50");
  g_assert_cmpstr (anju_test_json_string (reply, "monthly_rent"), ==, "1310.00");
  g_assert_cmpstr (anju_test_json_string (reply, "state"), ==, "vacant");
  g_assert_true (anju_test_json_is_null (reply, "abnormal"));
  unit_path = g_strdup_printf (UNITS "/%" G_GINT64_FORMAT, anju_test_json_int (reply, "id"));
  g_clear_pointer (&reply, json_node_unref);
  reply = make_unit (srv, center, id, building, "YH-1-0301", &status);
  anju_assert_error (status, reply, 409, "conflict");
  g_clear_pointer (&reply, json_node_unref);
  /* A building of another project is refused. */
  reply = make_unit (srv, center, project_id_of (srv, center, "XJXQ-GZF-2019-001"), building,
                     "YH-1-0302", &status);
  anju_assert_error (status, reply, 422, "validation_failed");
  g_assert_true (anju_test_json_has (reply, "error.fields.building_id"));
  g_clear_pointer (&reply, json_node_unref);

  reply = anju_test_request (srv, center, "DELETE", building_path, NULL, &status);
  anju_assert_error (status, reply, 409, "conflict");
  g_clear_pointer (&reply, json_node_unref);

  /* A let unit keeps its project. */
  reply = anju_test_request (srv, center, "PATCH", unit_path, "{\"state\":\"leased\"}", &status);
  anju_assert_status (status, 200, reply);
  g_clear_pointer (&reply, json_node_unref);
  reply = anju_test_request (srv, center, "DELETE", path, NULL, &status);
  anju_assert_error (status, reply, 409, "conflict");
  g_clear_pointer (&reply, json_node_unref);
  reply = anju_test_request (srv, center, "PATCH", unit_path, "{\"state\":\"vacant\"}", &status);
  anju_assert_status (status, 200, reply);
  g_clear_pointer (&reply, json_node_unref);

  reply = anju_test_request (srv, center, "DELETE", path, NULL, &status);
  g_assert_cmpuint (status, ==, 204);
  g_clear_pointer (&reply, json_node_unref);
  reply = anju_test_request (srv, center, "GET", path, NULL, &status);
  anju_assert_error (status, reply, 404, "not_found");
  g_clear_pointer (&reply, json_node_unref);
  reply = anju_test_request (srv, center, "GET", unit_path, NULL, &status);
  anju_assert_error (status, reply, 404, "not_found");

  g_assert_cmpint (db_count (srv, "SELECT COUNT(*) FROM audit_log WHERE action IN"
                                  " ('pubrent.project.create', 'pubrent.project.update',"
                                  " 'pubrent.project.delete', 'pubrent.building.create')"
                                  " AND actor = 'center'"), ==, 4);
}

static void
test_scope (AnjuTestFixture *fixture,
            gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *enterprise = login (srv, "enterprise");
  g_autofree char *street = login (srv, "street_ypl");
  gint64 pingtang = project_id_of (srv, fixture->admin, "XJXQ-GZF-2024-003");
  gint64 pingtang_unit = unit_id_of (srv, fixture->admin, "PT-1-0201");
  gint64 lugu_unit = unit_id_of (srv, fixture->admin, "LG-1-0201");
  gint64 own_org = anju_test_find_org (srv, fixture->admin, OPERATOR);
  gint64 other_org = anju_test_create_org (srv, fixture->admin, anju_test_center_id (srv, fixture->admin),
                                           "enterprise_operating", "湘江新区城市运营有限公司");
  g_autofree char *path = g_strdup_printf (PROJECTS "/%" G_GINT64_FORMAT, pingtang);
  g_autofree char *unit_path = g_strdup_printf (UNITS "/%" G_GINT64_FORMAT, pingtang_unit);
  g_autofree char *own_unit = g_strdup_printf (UNITS "/%" G_GINT64_FORMAT, lugu_unit);
  g_autofree char *pingtang_units = g_strdup_printf (UNITS "?project_id=%" G_GINT64_FORMAT,
                                                     pingtang);
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  /* The project without an operator is not the enterprise's: 404. */
  reply = anju_test_request (srv, enterprise, "GET", path, NULL, &status);
  anju_assert_error (status, reply, 404, "not_found");
  g_clear_pointer (&reply, json_node_unref);
  reply = anju_test_request (srv, enterprise, "GET", unit_path, NULL, &status);
  anju_assert_error (status, reply, 404, "not_found");
  g_clear_pointer (&reply, json_node_unref);
  reply = anju_test_request (srv, enterprise, "PATCH", unit_path, "{\"state\":\"leased\"}",
                             &status);
  anju_assert_error (status, reply, 404, "not_found");
  g_clear_pointer (&reply, json_node_unref);
  g_assert_cmpint (count_of (srv, enterprise, pingtang_units), ==, 0);
  g_assert_cmpint (count_of (srv, enterprise, UNITS), <, count_of (srv, fixture->admin, UNITS));

  /* Its own units it edits. */
  reply = anju_test_request (srv, enterprise, "PATCH", own_unit, "{\"monthly_rent\":\"999.5\"}",
                             &status);
  anju_assert_status (status, 200, reply);
  g_assert_cmpstr (anju_test_json_string (reply, "monthly_rent"), ==, "999.50");
  g_clear_pointer (&reply, json_node_unref);

  /* It cannot hand a project to someone else, and its own new projects
   * are its own. */
  reply = anju_test_requestf (srv, enterprise, "POST", PROJECTS, &status,
                              "{\"project_no\":\"QT-1\",\"name\":\"别人的\",\"operator_id\":%"
                              G_GINT64_FORMAT "}", other_org);
  anju_assert_error (status, reply, 403, "forbidden");
  g_clear_pointer (&reply, json_node_unref);
  reply = anju_test_request (srv, enterprise, "POST", PROJECTS,
                             "{\"project_no\":\"QT-2\",\"name\":\"自己的\"}", &status);
  anju_assert_status (status, 201, reply);
  g_assert_cmpint (anju_test_json_int (reply, "operator.id"), ==, own_org);
  g_clear_pointer (&reply, json_node_unref);

  /* Street staff read everything, change nothing. */
  g_assert_cmpint (count_of (srv, street, PROJECTS), ==, 4);
  reply = anju_test_request (srv, street, "GET", unit_path, NULL, &status);
  anju_assert_status (status, 200, reply);
  g_clear_pointer (&reply, json_node_unref);
  reply = anju_test_request (srv, street, "PATCH", unit_path, "{\"state\":\"leased\"}", &status);
  anju_assert_error (status, reply, 403, "forbidden");
}

static void
test_changes (AnjuTestFixture *fixture,
              gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *center = login (srv, "center");
  g_autoptr(JsonNode) vacant = anju_test_get_ok (srv, center,
                                                  UNITS "?state=vacant&abnormal=false&q=TZ-B");
  g_autofree char *path = g_strdup_printf (UNITS "/%" G_GINT64_FORMAT,
                                           anju_test_json_int (vacant, "items.0.id"));
  g_autofree char *abnormal = g_strdup_printf ("%s/abnormal", path);
  g_autofree char *changes = g_strdup_printf ("%s/changes", path);
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  reply = anju_test_request (srv, center, "PATCH", path,
                             "{\"state\":\"allocated\",\"monthly_rent\":\"880\"}", &status);
  anju_assert_status (status, 200, reply);
  g_clear_pointer (&reply, json_node_unref);
  reply = anju_test_request (srv, center, "PATCH", path, "{\"floor_area\":\"-3\"}", &status);
  anju_assert_error (status, reply, 422, "validation_failed");
  g_assert_true (anju_test_json_has (reply, "error.fields.floor_area"));
  g_clear_pointer (&reply, json_node_unref);

  reply = anju_test_request (srv, center, "DELETE", abnormal, "{\"reason\":\"无\"}", &status);
  anju_assert_error (status, reply, 409, "conflict");
  g_clear_pointer (&reply, json_node_unref);
  reply = anju_test_request (srv, center, "POST", abnormal,
                             "{\"kind\":\"needs_repair\",\"reason\":\"厨房水管漏水\","
                             "\"suggestion\":\"报修\"}", &status);
  anju_assert_status (status, 200, reply);
  g_assert_cmpstr (anju_test_json_string (reply, "abnormal.kind"), ==, "needs_repair");
  g_assert_cmpstr (anju_test_json_string (reply, "abnormal.marked_by.name"), ==, "周敏");
  g_clear_pointer (&reply, json_node_unref);
  reply = anju_test_request (srv, center, "POST", abnormal,
                             "{\"kind\":\"other\",\"reason\":\"再次\"}", &status);
  anju_assert_error (status, reply, 409, "conflict");
  g_clear_pointer (&reply, json_node_unref);
  reply = anju_test_request (srv, center, "DELETE", abnormal, "{\"reason\":\"已修好\"}", &status);
  anju_assert_status (status, 200, reply);
  g_assert_true (anju_test_json_is_null (reply, "abnormal"));
  g_clear_pointer (&reply, json_node_unref);

  reply = anju_test_get_ok (srv, center, changes);
  g_assert_cmpint (anju_test_json_int (reply, "total"), ==, 4);
  g_assert_cmpstr (anju_test_json_string (reply, "items.0.action"), ==, "abnormal_unmark");
  g_assert_cmpstr (anju_test_json_string (reply, "items.0.note"), ==, "已修好");
  g_assert_cmpstr (anju_test_json_string (reply, "items.0.before.abnormal.reason"), ==,
                   "厨房水管漏水");
  g_assert_true (anju_test_json_is_null (reply, "items.0.after.abnormal"));
  g_assert_cmpstr (anju_test_json_string (reply, "items.1.action"), ==, "abnormal_mark");
  g_assert_true (anju_test_json_is_null (reply, "items.1.before.abnormal"));
  g_assert_cmpstr (anju_test_json_string (reply, "items.2.action"), ==, "state_change");
  g_assert_cmpstr (anju_test_json_string (reply, "items.2.before.state"), ==, "vacant");
  g_assert_cmpstr (anju_test_json_string (reply, "items.2.after.state"), ==, "allocated");
  g_assert_cmpstr (anju_test_json_string (reply, "items.2.after.monthly_rent"), ==, "880.00");
  g_assert_cmpstr (anju_test_json_string (reply, "items.2.user.name"), ==, "周敏");
  g_assert_cmpstr (anju_test_json_string (reply, "items.3.action"), ==, "create");

  g_assert_cmpint (db_count (srv, "SELECT COUNT(*) FROM audit_log WHERE actor = 'center' AND"
                                  " action IN ('pubrent.unit.state_change',"
                                  " 'pubrent.unit.abnormal_mark', 'pubrent.unit.abnormal_unmark')"),
                   ==, 3);
}

/* Two good rows, then one bad in every way, a repeat, an unknown
 * project; a blank row in between keeps the numbering. */
#define CSV_ROWS \
  IMPORT_HEADER \
  "LG-9-0101,XJXQ-GZF-2019-001,9栋,1单元,101,1,一室一厅,2,48.2,40,南北,960,空调,空置\r\n" \
  "\"LG-9-0102\",XJXQ-GZF-2019-001,9栋,,102,1,单间,,36.50,,,\"1,200.00\",\"床,衣柜\",已出租\r\n" \
  ",,,,,,,,,,,,,\r\n" \
  "LG-9-0103,XJXQ-GZF-2019-001,9栋,,103,一楼,大平层,2,-5,,,abc,,拆除\r\n" \
  "LG-9-0101,XJXQ-GZF-2019-001,9栋,,104,1,单间,1,30,,,600,,\r\n" \
  "LG-9-0105,NO-SUCH,1栋,,105,1,单间,1,30,,,600,,\r\n" \
  "LG-1-0201,XJXQ-GZF-2019-001,1栋,,201,2,单间,1,30,,,600,,\r\n"

static gboolean
has_error (JsonNode   *reply,
           gint64      row,
           const char *column)
{
  JsonArray *errors = json_node_get_array (anju_test_json_lookup (reply, "errors"));

  for (guint i = 0; i < json_array_get_length (errors); i++)
    {
      JsonObject *error = json_array_get_object_element (errors, i);

      if (json_object_get_int_member (error, "row") == row
          && g_strcmp0 (json_object_get_string_member (error, "column"), column) == 0
          && *json_object_get_string_member (error, "reason") != '\0')
        return TRUE;
    }
  return FALSE;
}

static void
test_import_csv (AnjuTestFixture *fixture,
                 gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *center = login (srv, "center");
  g_autoptr(GBytes) file = text_bytes ("\xEF\xBB\xBF" CSV_ROWS);
  g_autoptr(JsonNode) reply = NULL;
  gint64 before = count_of (srv, center, UNITS);
  gint64 audits = db_count (srv, "SELECT COUNT(*) FROM audit_log");
  guint status = 0;

  reply = upload (srv, center, "csv", TRUE, file, &status);
  anju_assert_status (status, 200, reply);
  g_assert_cmpint (anju_test_json_int (reply, "rows"), ==, 6);
  g_assert_cmpint (anju_test_json_int (reply, "valid"), ==, 2);
  g_assert_cmpint (anju_test_json_int (reply, "imported"), ==, 0);
  g_assert_cmpuint (anju_test_json_length (reply, "preview"), ==, 2);
  g_assert_true (anju_test_json_is_null (reply, "preview.0.id"));
  g_assert_cmpstr (anju_test_json_string (reply, "preview.1.monthly_rent"), ==, "1200.00");
  g_assert_cmpstr (anju_test_json_string (reply, "preview.1.facilities"), ==, "床,衣柜");
  g_assert_cmpstr (anju_test_json_string (reply, "preview.1.state"), ==, "leased");
  g_assert_cmpstr (anju_test_json_string (reply, "preview.0.layout"), ==, "one_bedroom");
  /* Row 4 is blank: the bad row is 5. */
  g_assert_true (has_error (reply, 5, "楼层"));
  g_assert_true (has_error (reply, 5, "户型"));
  g_assert_true (has_error (reply, 5, "建筑面积"));
  g_assert_true (has_error (reply, 5, "月租金"));
  g_assert_true (has_error (reply, 5, "状态"));
  g_assert_true (has_error (reply, 6, "房屋编号"));
  g_assert_true (has_error (reply, 7, "项目编号"));
  g_assert_true (has_error (reply, 8, "房屋编号"));
  g_assert_false (has_error (reply, 2, "房屋编号"));
  /* A dry run writes nothing, not even the building or an audit row. */
  g_assert_cmpint (count_of (srv, center, UNITS), ==, before);
  g_assert_cmpint (db_count (srv, "SELECT COUNT(*) FROM audit_log"), ==, audits);
  g_assert_cmpint (db_count (srv, "SELECT COUNT(*) FROM pubrent_buildings WHERE name = '9栋'"),
                   ==, 0);
  g_clear_pointer (&reply, json_node_unref);

  reply = upload (srv, center, "csv", FALSE, file, &status);
  anju_assert_status (status, 200, reply);
  g_assert_cmpint (anju_test_json_int (reply, "imported"), ==, 2);
  g_assert_cmpint (anju_test_json_length (reply, "errors"), >=, 8);
  g_assert_cmpint (anju_test_json_int (reply, "preview.0.id"), >, 0);
  g_assert_cmpstr (anju_test_json_string (reply, "preview.0.building.name"), ==, "9栋");
  g_assert_cmpint (count_of (srv, center, UNITS), ==, before + 2);
  g_assert_cmpint (db_count (srv, "SELECT COUNT(*) FROM audit_log WHERE action = 'pubrent.unit.import'"),
                   ==, 1);
  g_assert_cmpint (db_count (srv, "SELECT COUNT(*) FROM audit_log WHERE action = 'pubrent.unit.create'"
                                  " AND actor = 'center'"), ==, 2);
  g_assert_cmpint (db_count (srv, "SELECT COUNT(*) FROM audit_log WHERE action = 'pubrent.building.create'"
                                  " AND actor = 'center'"), ==, 1);
  g_assert_cmpint (db_count (srv, "SELECT COUNT(*) FROM pubrent_unit_changes WHERE action = 'import'"),
                   ==, 2);
  g_clear_pointer (&reply, json_node_unref);

  /* Now they exist: every row is an error, nothing is written. */
  reply = upload (srv, center, "csv", FALSE, file, &status);
  anju_assert_status (status, 200, reply);
  g_assert_cmpint (anju_test_json_int (reply, "imported"), ==, 0);
  g_assert_true (has_error (reply, 2, "房屋编号"));
  g_assert_true (has_error (reply, 3, "房屋编号"));
  g_clear_pointer (&reply, json_node_unref);

  /* A file without a required column, or with one nobody knows. */
  {
    g_autoptr(GBytes) missing = text_bytes ("房屋编号,项目编号,颜色\nA,B,红\n");

    reply = upload (srv, center, "csv", TRUE, missing, &status);
    anju_assert_error (status, reply, 422, "validation_failed");
    g_assert_nonnull (strstr (anju_test_json_string (reply, "error.fields.file"), "房号"));
    g_assert_nonnull (strstr (anju_test_json_string (reply, "error.fields.file"), "颜色"));
    g_clear_pointer (&reply, json_node_unref);
  }
  {
    g_autoptr(GBytes) junk = g_bytes_new ("\xff\xfe\x00garbage", 10);

    reply = upload (srv, center, "xlsx", TRUE, junk, &status);
    anju_assert_error (status, reply, 422, "validation_failed");
    g_assert_true (anju_test_json_has (reply, "error.fields.file"));
  }
}

static GBytes *
xlsx_file (void)
{
  g_autoptr(AnjuTableWriter) writer = anju_table_writer_new ("xlsx", "房源", NULL);
  const char *header[] = {
    "房屋编号", "项目编号", "楼栋", "单元", "房号", "楼层", "户型", "间数", "建筑面积",
    "套内面积", "朝向", "月租金", "配套设施", "状态",
  };
  const char *good[] = {
    "TZ-C-0101", "XJXQ-GZF-2021-002", "C座", "2单元", "101", "1", "三室一厅", "4", "88.3",
    "72.6", "朝南", "1766", "冰箱、洗衣机", "已配租",
  };
  const char *bad[] = {
    "TZ-C-0102", "XJXQ-GZF-2021-002", "C座", NULL, NULL, "1", "two_bedroom", "3", "0",
  };

  anju_table_writer_add_row (writer, header, G_N_ELEMENTS (header));
  anju_table_writer_add_row (writer, good, G_N_ELEMENTS (good));
  anju_table_writer_add_row (writer, bad, G_N_ELEMENTS (bad));
  return anju_table_writer_finish (writer, NULL);
}

static void
test_import_xlsx (AnjuTestFixture *fixture,
                  gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *enterprise = login (srv, "enterprise");
  g_autoptr(GBytes) file = xlsx_file ();
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(JsonNode) unit = NULL;
  guint status = 0;

  reply = upload (srv, enterprise, "xlsx", FALSE, file, &status);
  anju_assert_status (status, 200, reply);
  g_assert_cmpint (anju_test_json_int (reply, "rows"), ==, 2);
  g_assert_cmpint (anju_test_json_int (reply, "imported"), ==, 1);
  g_assert_true (has_error (reply, 3, "房号"));
  g_assert_true (has_error (reply, 3, "建筑面积"));
  g_assert_true (has_error (reply, 3, "月租金"));

  unit = anju_test_get_ok (srv, enterprise, UNITS "?q=TZ-C-0101");
  g_assert_cmpstr (anju_test_json_string (unit, "items.0.layout"), ==, "three_bedroom");
  g_assert_cmpstr (anju_test_json_string (unit, "items.0.state"), ==, "allocated");
  g_assert_cmpstr (anju_test_json_string (unit, "items.0.floor_area"), ==, "88.30");
  g_assert_cmpstr (anju_test_json_string (unit, "items.0.inner_area"), ==, "72.60");
  g_assert_cmpstr (anju_test_json_string (unit, "items.0.entrance"), ==, "2单元");
  g_assert_cmpint (anju_test_json_int (unit, "items.0.room_count"), ==, 4);
  g_clear_pointer (&reply, json_node_unref);

  /* The enterprise cannot import into a project it does not operate. */
  {
    g_autoptr(GBytes) other = text_bytes (IMPORT_HEADER
                                          "PT-9-0101,XJXQ-GZF-2024-003,9栋,,101,1,单间,,30,,,600,,\r\n");

    reply = upload (srv, enterprise, "csv", FALSE, other, &status);
    anju_assert_status (status, 200, reply);
    g_assert_cmpint (anju_test_json_int (reply, "imported"), ==, 0);
    g_assert_true (has_error (reply, 2, "项目编号"));
  }
}

/* The units a list answers, by unit number, as comparable text: every
 * member a file carries (ids and times differ between servers). */
static GHashTable *
units_by_no (AnjuTestServer *srv,
             const char     *token,
             const char     *path)
{
  static const char * const members[] = {
    "building.name", "entrance", "room_no", "floor", "layout", "room_count", "floor_area",
    "inner_area", "orientation", "monthly_rent", "facilities", "state", "project.name",
  };
  g_autoptr(JsonNode) reply = anju_test_get_ok (srv, token, path);
  GHashTable *units = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < anju_test_json_length (reply, "items"); i++)
    {
      GString *text = g_string_new (NULL);
      g_autofree char *prefix = g_strdup_printf ("items.%u.", i);
      g_autofree char *no_path = g_strconcat (prefix, "unit_no", NULL);

      for (guint m = 0; m < G_N_ELEMENTS (members); m++)
        {
          g_autofree char *member = g_strconcat (prefix, members[m], NULL);
          g_autofree char *value = anju_test_json_to_string (anju_test_json_lookup (reply, member));

          g_string_append_printf (text, "%s=%s;", members[m], value);
        }
      g_hash_table_insert (units, g_strdup (anju_test_json_string (reply, no_path)),
                           g_string_free (text, FALSE));
    }
  return units;
}

/* GET path and answer the response's header name. */
static char *
response_header (AnjuTestServer *srv,
                 const char     *token,
                 const char     *path,
                 const char     *name)
{
  g_autofree char *uri = g_strconcat (srv->base_uri, path, NULL);
  g_autofree char *authorization = g_strconcat ("Bearer ", token, NULL);
  g_autoptr(SoupMessage) message = soup_message_new ("GET", uri);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;

  soup_message_headers_replace (soup_message_get_request_headers (message), "Authorization",
                                authorization);
  body = soup_session_send_and_read (srv->session, message, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (message), ==, 200);
  return g_strdup (soup_message_headers_get_one (soup_message_get_response_headers (message),
                                                 name));
}

static void
test_export_round_trip (AnjuTestFixture *fixture,
                        gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  AnjuTestServer *fresh = anju_test_server_start (TRUE);
  g_autofree char *fresh_admin = login (fresh, "admin");
  gint64 operator_id = anju_test_find_org (srv, fixture->admin, OPERATOR);
  gint64 id = make_project (srv, fixture->admin, "YH-2025-009", operator_id, NULL);
  gint64 fresh_id;
  g_autofree char *filter = g_strdup_printf (UNITS "?project_id=%" G_GINT64_FORMAT, id);
  g_autofree char *export = g_strdup_printf (UNITS "/export?format=xlsx&project_id=%"
                                             G_GINT64_FORMAT, id);
  g_autofree char *csv_export = NULL;
  g_autofree char *fresh_filter = NULL;
  g_autoptr(GBytes) rows = text_bytes (IMPORT_HEADER
                                       "YH-9-0101,YH-2025-009,1栋,1单元,101,1,单间,1,35.5,30.2,朝南,710,\"床,衣柜\",空置\r\n"
                                       "YH-9-0102,YH-2025-009,1栋,,102,1,两室一厅,3,70,,南北,1400.50,,已出租\r\n"
                                       "YH-9-0201,YH-2025-009,2栋,2单元,201,2,三室一厅,,89.99,,,1800,\"说\"\"明\",已配租\r\n");
  g_autoptr(GBytes) file = NULL;
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(GHashTable) original = NULL;
  g_autoptr(GHashTable) copy = NULL;
  GHashTableIter iter;
  gpointer key, value;
  guint status = 0;

  reply = upload (srv, fixture->admin, "csv", FALSE, rows, &status);
  anju_assert_status (status, 200, reply);
  g_assert_cmpint (anju_test_json_int (reply, "imported"), ==, 3);
  g_clear_pointer (&reply, json_node_unref);

  file = anju_test_request_raw (srv, fixture->admin, "GET", export, NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpmem (g_bytes_get_data (file, NULL), 2, "PK", 2);
  {
    g_autofree char *disposition = response_header (srv, fixture->admin, export,
                                                    "Content-Disposition");
    g_autofree char *type = response_header (srv, fixture->admin, export, "Content-Type");

    /* 房源信息.xlsx, percent-encoded as RFC 5987 says. */
    g_assert_cmpstr (disposition, ==, "attachment; filename*=UTF-8''"
                     "%E6%88%BF%E6%BA%90%E4%BF%A1%E6%81%AF.xlsx");
    g_assert_cmpstr (type, ==,
                     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  }
  csv_export = g_strdup_printf (UNITS "/export?format=csv&project_id=%" G_GINT64_FORMAT, id);
  csv = anju_test_request_raw (srv, fixture->admin, "GET", csv_export, NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpmem (g_bytes_get_data (csv, NULL), 3, "\xEF\xBB\xBF", 3);
  {
    g_autoptr(AnjuTableReader) reader = anju_table_reader_new (csv, "csv", NULL);

    g_assert_nonnull (reader);
    g_assert_cmpuint (anju_table_reader_get_n_rows (reader), ==, 3);
  }

  /* Another server with the same project takes the file as it is. */
  fresh_id = make_project (fresh, fresh_admin, "YH-2025-009", 0, NULL);
  reply = upload (fresh, fresh_admin, "xlsx", FALSE, file, &status);
  anju_assert_status (status, 200, reply);
  g_assert_cmpint (anju_test_json_int (reply, "imported"), ==, 3);
  g_assert_cmpuint (anju_test_json_length (reply, "errors"), ==, 0);

  fresh_filter = g_strdup_printf (UNITS "?project_id=%" G_GINT64_FORMAT, fresh_id);
  original = units_by_no (srv, fixture->admin, filter);
  copy = units_by_no (fresh, fresh_admin, fresh_filter);
  g_assert_cmpuint (g_hash_table_size (original), ==, 3);
  g_assert_cmpuint (g_hash_table_size (copy), ==, 3);
  g_hash_table_iter_init (&iter, original);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_assert_cmpstr (g_hash_table_lookup (copy, key), ==, value);

  anju_test_server_stop (fresh);
}

static void
test_permissions (AnjuTestFixture *fixture,
                  gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *community = login (srv, "community_ypl");
  g_autofree char *street = login (srv, "street_ypl");
  g_autoptr(GBytes) file = text_bytes (IMPORT_HEADER);
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  reply = anju_test_request (srv, community, "GET", UNITS, NULL, &status);
  anju_assert_error (status, reply, 403, "forbidden");
  g_clear_pointer (&reply, json_node_unref);
  reply = upload (srv, street, "csv", TRUE, file, &status);
  anju_assert_error (status, reply, 403, "forbidden");
  g_clear_pointer (&reply, json_node_unref);
  reply = anju_test_request (srv, street, "GET", UNITS "?state=sold", NULL, &status);
  anju_assert_error (status, reply, 422, "validation_failed");
}

int
main (int argc, char **argv)
{
  anju_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/pubrent/housing/" path, AnjuTestFixture, NULL, anju_test_fixture_set_up, func, \
              anju_test_fixture_tear_down)
  ADD ("F-PRH-012/demo-stock", test_demo);
  ADD ("F-PRH-012/projects-buildings-units", test_projects);
  ADD ("F-PRH-011/enterprise-scope", test_scope);
  ADD ("F-PRH-012/change-log-and-abnormal", test_changes);
  ADD ("F-PRH-012/import-csv", test_import_csv);
  ADD ("F-PRH-012/import-xlsx", test_import_xlsx);
  ADD ("F-PRH-012/export-import-round-trip", test_export_round_trip);
  ADD ("F-PRH-012/permissions", test_permissions);
#undef ADD
  return g_test_run ();
}
