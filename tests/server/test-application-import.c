/* test-application-import.c: directed applications imported by an
 * employer (F-PRH-002 batch submission) with good and bad rows, a dry
 * run, XLSX and CSV; and the export of the filtered list (F-PRH-003).
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "anju-application-test.h"
#include "anju-table-reader.h"
#include "anju-table-writer.h"

#define IMPORT APPLICATIONS "/import"
#define HEADER "业务类型,姓名,身份证号,手机号,户籍所在区县代码,家庭人口数,家庭人均年收入," \
               "家庭人均建筑面积,婚姻状况,户口年限\n"

static JsonNode *
post_file (AnjuTestServer *srv,
           const char     *token,
           const char     *query,
           const char     *content_type,
           GBytes         *file,
           guint          *out_status)
{
  g_autofree char *path = g_strconcat (IMPORT, "?", query, NULL);
  g_autoptr(GBytes) answer = anju_test_request_raw (srv, token, "POST", path, content_type, file,
                                                    out_status);

  return anju_test_parse_json (answer);
}

/* Whether the report lists an error of that row and column. */
static gboolean
has_error (JsonNode   *report,
           gint64      row,
           const char *column)
{
  JsonArray *errors = json_node_get_array (anju_test_json_lookup (report, "errors"));

  for (guint i = 0; i < json_array_get_length (errors); i++)
    {
      JsonObject *error = json_array_get_object_element (errors, i);

      if (json_object_get_int_member (error, "row") == row
          && g_strcmp0 (json_object_get_string_member_with_default (error, "column", NULL),
                        column) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
assert_error (JsonNode   *report,
              gint64      row,
              const char *column)
{
  if (!has_error (report, row, column))
    {
      g_autofree char *text = anju_test_json_to_string (report);

      g_error ("no error for row %" G_GINT64_FORMAT " column %s in %s", row, column, text);
    }
}

static char *
count (AnjuTestServer *srv)
{
  return anju_test_db_query (srv, "SELECT COUNT(*) FROM pubrent_applications");
}

/* Good rows become submitted applications, bad rows are listed by row
 * and column; a dry run writes nothing. */
static void
test_import_csv (AnjuTestFixture *fixture,
                 gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *employer = anju_test_login_demo (srv, "employer");
  g_autofree char *good = anju_app_test_id ("19930303", "331");
  g_autofree char *second = anju_app_test_id ("19940404", "442");
  g_autofree char *other = anju_app_test_id ("19950505", "553");
  g_autofree char *bad = g_strdup (other);
  g_autofree char *csv = NULL;
  g_autoptr(GBytes) file = NULL;
  g_autoptr(JsonNode) dry = NULL;
  g_autoptr(JsonNode) real = NULL;
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(JsonNode) list_before = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *batch = NULL;
  static const char * const bad_rows[] = { "3", "4", "5", "6", "8" };
  guint status = 0;

  bad[17] = bad[17] == '1' ? '2' : '1';
  csv = g_strdup_printf ("\xEF\xBB\xBF" HEADER
                         "定向实物配租,王芳,%s,13812345678,430104,1,30000.00,10.00,未婚,5\n"   /* 2 */
                         "定向实物配租,李四,%s,13812345679,430104,1,30000.00,10.00,,5\n"       /* 3 */
                         "非定向实物配租,张三,%s,13812345670,430104,1,30000.00,10.00,,5\n"     /* 4 */
                         "定向租赁补贴,赵六,%s,13812345671,430104,3,,,,5\n"                    /* 5 */
                         "定向租赁补贴,王芳,%s,13812345678,430104,1,,,,5\n"                    /* 6 */
                         "定向租赁补贴,钱七,%s,13812345672,430104,1,,,已婚,\n"                 /* 7 */
                         "定向租赁补贴,孙八,%s,1381234,430104,1,,,,5\n",                       /* 8 */
                         good, bad, other, other, good, second, other);
  file = g_bytes_new (csv, strlen (csv));

  before = count (srv);
  dry = post_file (srv, employer, "format=csv&dry_run=true", "text/csv", file, &status);
  anju_assert_status (status, 200, dry);
  g_assert_cmpint (anju_test_json_int (dry, "rows"), ==, 7);
  g_assert_cmpint (anju_test_json_int (dry, "valid"), ==, 2);
  g_assert_cmpint (anju_test_json_int (dry, "imported"), ==, 0);
  g_assert_cmpuint (anju_test_json_length (dry, "preview"), ==, 2);
  g_assert_cmpstr (anju_test_json_string (dry, "preview.0.status"), ==, "center_review");
  g_assert_cmpstr (anju_test_json_string (dry, "preview.1.status"), ==, "prereview_failed");
  assert_error (dry, 3, "身份证号");
  assert_error (dry, 4, "业务类型");
  assert_error (dry, 5, "家庭人口数");
  assert_error (dry, 6, "身份证号");
  assert_error (dry, 8, "手机号");
  g_assert_false (has_error (dry, 2, "身份证号"));
  g_assert_false (has_error (dry, 7, "婚姻状况"));
  after = count (srv);
  g_assert_cmpstr (after, ==, before);

  /* The demo's employer has a directed application of its own already. */
  list_before = anju_test_list_page (srv, employer, APPLICATIONS, "");
  real = post_file (srv, employer, "format=csv", "text/csv", file, &status);
  anju_assert_status (status, 200, real);
  g_assert_cmpint (anju_test_json_int (real, "imported"), ==, 2);
  for (guint i = 0; i < G_N_ELEMENTS (bad_rows); i++)
    g_assert_cmpint (anju_test_json_find (real, "errors", "row", bad_rows[i]), >=, 0);
  g_assert_cmpint (anju_test_json_find (real, "errors", "row", "2"), <, 0);
  g_assert_cmpint (anju_test_json_find (real, "errors", "row", "7"), <, 0);
  list = anju_test_list_page (srv, employer, APPLICATIONS, "");
  g_assert_cmpint (anju_test_json_int (list, "total"), ==, anju_test_json_int (list_before, "total") + 2);
  g_assert_cmpint (anju_test_json_find (list, "items", "status", "center_review"), >=, 0);
  g_assert_cmpint (anju_test_json_find (list, "items", "status", "prereview_failed"), >=, 0);
  g_assert_cmpstr (anju_test_json_string (list, "items.0.employer_name"), ==,
                   "湖南湘江智造科技有限公司");
  batch = anju_test_db_query (srv, "SELECT COUNT(*) FROM audit_log"
                                   " WHERE action = 'pubrent.application.import'");
  g_assert_cmpstr (batch, ==, "1");
}

/* The same rules from an XLSX file. */
static void
test_import_xlsx (AnjuTestFixture *fixture,
                  gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *employer = anju_test_login_demo (srv, "employer");
  g_autofree char *id_no = anju_app_test_id ("19960606", "661");
  g_autoptr(GError) error = NULL;
  g_autoptr(AnjuTableWriter) writer = anju_table_writer_new ("xlsx", "职工", &error);
  const char *header[] = { "业务类型", "姓名", "身份证号", "手机号", "户籍所在区县代码",
                           "家庭人口数", "户口年限" };
  const char *row[] = { "定向租赁补贴", "周九", id_no, "13912345678", "430104", "1", "6" };
  g_autoptr(GBytes) file = NULL;
  g_autoptr(JsonNode) report = NULL;
  guint status = 0;

  g_assert_no_error (error);
  anju_table_writer_add_row (writer, header, G_N_ELEMENTS (header));
  anju_table_writer_add_row (writer, row, G_N_ELEMENTS (row));
  file = anju_table_writer_finish (writer, &error);
  g_assert_no_error (error);
  report = post_file (srv, employer, "format=xlsx&dry_run=false",
                      anju_table_writer_get_content_type (writer), file, &status);
  anju_assert_status (status, 200, report);
  g_assert_cmpint (anju_test_json_int (report, "imported"), ==, 1);
  g_assert_cmpstr (anju_test_json_string (report, "preview.0.status"), ==, "center_review");
  g_assert_cmpstr (anju_test_json_string (report, "preview.0.id_no"), ==, id_no);
}

/* Only employers import; the file must have the required columns. */
static void
test_import_refusals (AnjuTestFixture *fixture,
                      gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *employer = anju_test_login_demo (srv, "employer");
  g_autofree char *community = anju_test_login_demo (srv, "community_ypl");
  const char *csv = "业务类型,姓名,身份证号,手机号,家庭人口数\n";
  g_autoptr(GBytes) file = g_bytes_new_static (csv, strlen (csv));
  g_autoptr(JsonNode) forbidden = NULL;
  g_autoptr(JsonNode) missing = NULL;
  g_autoptr(JsonNode) no_format = NULL;
  guint status = 0;

  forbidden = post_file (srv, community, "format=csv", "text/csv", file, &status);
  anju_assert_error (status, forbidden, 403, "forbidden");
  missing = post_file (srv, employer, "format=csv", "text/csv", file, &status);
  anju_assert_error (status, missing, 422, "validation_failed");
  g_assert_nonnull (strstr (anju_test_json_string (missing, "error.fields.file"), "户籍所在区县代码"));
  no_format = post_file (srv, employer, "dry_run=true", "text/csv", file, &status);
  anju_assert_error (status, no_format, 422, "validation_failed");
  g_assert_true (anju_test_json_has (no_format, "error.fields.format"));
}

/* The export holds the filtered list, masked, as CSV with a BOM or XLSX. */
static void
test_export (AnjuTestFixture *fixture,
             gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *community = anju_test_login_demo (srv, "community_ypl");
  g_autofree char *street = anju_test_login_demo (srv, "street_wyh");
  g_autofree char *first = anju_app_test_id ("19700202", "271");
  g_autofree char *second = anju_app_test_id ("19710303", "372");
  g_autofree char *body1 = anju_app_test_body ("open_physical", "林一", first, "");
  g_autofree char *body2 = anju_app_test_body ("open_subsidy", "林二", second, "");
  g_autoptr(AnjuTestDownload) csv = NULL;
  g_autoptr(AnjuTestDownload) xlsx = NULL;
  g_autoptr(AnjuTestDownload) other = NULL;
  g_autoptr(AnjuTableReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *masked = g_strdup_printf ("430104********%s", first + 14);
  g_autofree char *text = NULL;
  g_autofree char *other_text = NULL;
  const char *bytes;
  gsize length;

  anju_app_test_create (srv, community, body1);
  anju_app_test_create (srv, community, body2);

  csv = anju_test_download (srv, community, APPLICATIONS "/export?format=csv&business_type=open_physical"
                            "&q=%E6%9E%97")  /* 林: not the demo's households */;
  g_assert_cmpuint (csv->status, ==, 200);
  g_assert_true (g_str_has_prefix (csv->content_type, "text/csv"));
  g_assert_nonnull (strstr (csv->disposition, "attachment"));
  /* The bodies are bytes, not strings: search NUL-terminated copies. */
  bytes = g_bytes_get_data (csv->body, &length);
  text = g_strndup (bytes, length);
  g_assert_true (length > 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0);
  reader = anju_table_reader_new (csv->body, "csv", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (anju_table_reader_get_n_rows (reader), ==, 1);
  g_assert_nonnull (strstr (text, "林一"));
  g_assert_null (strstr (text, "林二"));
  g_assert_nonnull (strstr (text, masked));
  g_assert_null (strstr (text, first));
  g_clear_pointer (&reader, anju_table_reader_free);

  xlsx = anju_test_download (srv, community, APPLICATIONS "/export?format=xlsx&q=%E6%9E%97");
  g_assert_cmpuint (xlsx->status, ==, 200);
  reader = anju_table_reader_new (xlsx->body, "xlsx", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (anju_table_reader_get_n_rows (reader), ==, 2);

  /* Another street's scope exports none of them. */
  other = anju_test_download (srv, street, APPLICATIONS "/export?format=csv");
  g_assert_cmpuint (other->status, ==, 200);
  bytes = g_bytes_get_data (other->body, &length);
  other_text = g_strndup (bytes, length);
  g_assert_null (strstr (other_text, "林一"));
}

int
main (int   argc,
      char *argv[])
{
  anju_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/pubrent/applications/" path, AnjuTestFixture, NULL, \
              anju_app_test_set_up, func, anju_test_fixture_tear_down)
  ADD ("F-PRH-002/import-csv", test_import_csv);
  ADD ("F-PRH-002/import-xlsx", test_import_xlsx);
  ADD ("F-PRH-002/import-refusals", test_import_refusals);
  ADD ("F-PRH-003/export", test_export);
#undef ADD

  return g_test_run ();
}
