/* test-prereview.c: the eligibility pre-review (F-PRH-008 用户资格审查管理):
 * each rule passes and fails on applications submitted over HTTPS, checked
 * against external records imported from CSV; the settings change the
 * outcome; external records import with a dry run, a report and audit
 * rows, and list masked.  Rules and periods are the center's
 * (F-PRH-026 流程配置: application conditions).
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "anju-application-test.h"

#define SETTINGS "/api/v1/pubrent/settings"
#define RECORDS "/api/v1/pubrent/external-records"
#define IMPORT RECORDS "/import?format=csv"
#define CSV_HEADER "身份证号,姓名,类别,数据,来源\n"

/* A fresh resident ID number for every person of the binary's tests. */
static char *
next_id_no (void)
{
  static guint next = 201;
  g_autofree char *seq = g_strdup_printf ("%03u", next++ % 1000);

  return anju_app_test_id ("19850312", seq);
}

static JsonNode *
import_csv (AnjuTestServer *srv,
            const char     *token,
            const char     *query,
            const char     *csv,
            guint          *out_status)
{
  g_autoptr(GBytes) body = g_bytes_new (csv, strlen (csv));
  g_autofree char *path = g_strconcat (IMPORT, query, NULL);
  g_autoptr(GBytes) reply = anju_test_request_raw (srv, token, "POST", path, "text/csv", body,
                                                   out_status);

  return anju_test_parse_json (reply);
}

/* Audit rows of action (settings rows name no entity id). */
static gint64
count_audit (AnjuTestServer *srv,
             const char     *action)
{
  g_autofree char *sql = g_strdup_printf ("SELECT COUNT(*) FROM audit_log WHERE action = '%s'",
                                          action);
  g_autofree char *count = anju_test_db_query (srv, sql);

  return g_ascii_strtoll (count, NULL, 10);
}

/* Imports csv (header added here) for real; fails unless every row is in. */
static void
import_ok (AnjuTestServer *srv,
           const char     *token,
           const char     *rows,
           guint           n_rows)
{
  g_autofree char *csv = g_strconcat (CSV_HEADER, rows, NULL);
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  reply = import_csv (srv, token, "&dry_run=false", csv, &status);
  anju_assert_status (status, SOUP_STATUS_OK, reply);
  g_assert_cmpint (anju_test_json_int (reply, "imported"), ==, n_rows);
}

typedef struct
{
  const char *business_type;
  const char *income;       /* annual_income_per_capita, or NULL for the default */
  const char *area;         /* floor_area_per_capita, or NULL for the default */
  int         hukou_years;  /* of the applicant; -1: not declared */
  gboolean    had_benefit;
  gboolean    dibao;
} Household;

/* Creates the application (a community's or the employer's), submits it
 * and answers the application with its prereview. */
static JsonNode *
submit (AnjuTestServer  *srv,
        const Household *household,
        const char      *name,
        const char      *id_no)
{
  gboolean directed = g_str_has_prefix (household->business_type, "directed");
  g_autofree char *token = anju_test_login_demo (srv, directed ? "employer" : "community_ypl");
  g_autofree char *years = household->hukou_years >= 0
    ? g_strdup_printf (",\"hukou_years\":%d", household->hukou_years) : g_strdup ("");
  g_autofree char *extra = g_strdup_printf (",\"members\":[{\"relation\":\"self\"%s}]"
                                            ",\"had_housing_benefit\":%s,\"is_dibao_household\":%s"
                                            "%s%s%s%s%s%s%s",
                                            years,
                                            household->had_benefit ? "true" : "false",
                                            household->dibao ? "true" : "false",
                                            directed ? ",\"employer_name\":\"湖南湘江智造科技有限公司\"" : "",
                                            household->income != NULL ? ",\"annual_income_per_capita\":\"" : "",
                                            household->income != NULL ? household->income : "",
                                            household->income != NULL ? "\"" : "",
                                            household->area != NULL ? ",\"floor_area_per_capita\":\"" : "",
                                            household->area != NULL ? household->area : "",
                                            household->area != NULL ? "\"" : "");
  g_autofree char *base = anju_app_test_body (household->business_type, name, id_no, "");
  g_autofree char *body = NULL;
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;
  gint64 id;

  /* Later members override the defaults of anju_app_test_body(). */
  base[strlen (base) - 1] = '\0';
  body = g_strconcat (base, extra, "}", NULL);
  id = anju_app_test_create (srv, token, body);
  reply = anju_test_item_request (srv, token, "POST", APPLICATIONS, id, "submit", NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, reply);
  return anju_app_test_get (srv, token, id, &status);
}

/* The check of rule in the application's report (fails when absent). */
static JsonNode *
find_check (JsonNode   *application,
            const char *rule)
{
  int i = anju_test_json_find (application, "prereview.checks", "rule", rule);
  g_autofree char *path = g_strdup_printf ("prereview.checks.%d", i);

  if (i < 0)
    {
      g_autofree char *text = anju_test_json_to_string (application);

      g_error ("no check %s in %s", rule, text);
    }
  return anju_test_json_lookup (application, path);
}

static void
assert_check (JsonNode   *application,
              const char *rule,
              gboolean    passed,
              const char *data_part)
{
  JsonNode *check = find_check (application, rule);
  const char *data = anju_test_json_string (check, "data");

  if (anju_test_json_bool (check, "passed") != passed || strstr (data, data_part) == NULL)
    {
      g_autofree char *text = anju_test_json_to_string (check);

      g_error ("check %s: expected passed=%d and data with “%s”, got %s", rule, passed,
               data_part, text);
    }
  g_assert_cmpstr (anju_test_json_string (check, "name"), !=, "");
  g_assert_cmpstr (anju_test_json_string (check, "reason"), !=, "");
}

static const Household open_household = { "open_physical", NULL, NULL, 5, FALSE, FALSE };

/* A household that meets everything: six checks, all passed, each saying
 * what it looked at; the application goes on to the street. */
static void
test_report_lists_every_check (AnjuTestFixture *fixture,
                               gconstpointer    data)
{
  g_autofree char *id_no = next_id_no ();
  g_autoptr(JsonNode) app = submit (fixture->srv, &open_household, "李娜", id_no);
  static const char * const rules[] = { "hukou_years", "no_property_new_area",
                                        "no_housing_benefit", "income_per_capita",
                                        "area_per_capita", "dibao" };

  g_assert_cmpstr (anju_test_json_string (app, "status"), ==, "street_review");
  g_assert_true (anju_test_json_bool (app, "prereview.passed"));
  g_assert_true (g_str_has_prefix (anju_test_json_string (app, "prereview.at"), "20"));
  g_assert_cmpuint (anju_test_json_length (app, "prereview.checks"), ==, G_N_ELEMENTS (rules));
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      g_autofree char *path = g_strdup_printf ("prereview.checks.%u.rule", i);

      g_assert_cmpstr (anju_test_json_string (app, path), ==, rules[i]);
    }
  assert_check (app, "hukou_years", TRUE, "李娜：申报长沙户籍 5 年");
  assert_check (app, "income_per_capita", TRUE, "家庭人均年收入 30000.00 元，上限 60000.00 元");
  assert_check (app, "area_per_capita", TRUE, "10.00 m²，上限 15.00 m²");
  assert_check (app, "no_property_new_area", TRUE, "非定向申请，不适用");
  assert_check (app, "no_housing_benefit", TRUE, "均无记录");
  assert_check (app, "dibao", TRUE, "申报：非低保家庭");
}

/* hukou_years: declared years, then an external record that wins. */
static void
test_hukou_years (AnjuTestFixture *fixture,
                  gconstpointer    data)
{
  Household short_stay = open_household;
  g_autofree char *a = next_id_no ();
  g_autofree char *b = next_id_no ();
  g_autofree char *c = next_id_no ();
  g_autofree char *rows = g_strdup_printf ("%s,张伟,户籍,\"430104,2010-05-01\",公安户籍\n"
                                           "%s,赵敏,户籍,\"440305,2000-01-01\",公安户籍\n", b, c);
  g_autoptr(JsonNode) declared = NULL;
  g_autoptr(JsonNode) recorded = NULL;
  g_autoptr(JsonNode) elsewhere = NULL;

  short_stay.hukou_years = 1;
  declared = submit (fixture->srv, &short_stay, "刘洋", a);
  assert_check (declared, "hukou_years", FALSE, "刘洋：申报长沙户籍 1 年（无户籍数据）");
  g_assert_cmpstr (anju_test_json_string (declared, "status"), ==, "prereview_failed");
  g_assert_false (anju_test_json_bool (declared, "prereview.passed"));

  import_ok (fixture->srv, fixture->admin, rows, 2);
  recorded = submit (fixture->srv, &short_stay, "张伟", b);
  assert_check (recorded, "hukou_years", TRUE, "张伟：长沙户籍 1");
  assert_check (recorded, "hukou_years", TRUE, "户籍数据 20");

  /* Declared five years in Changsha, but the record says Shenzhen. */
  elsewhere = submit (fixture->srv, &open_household, "赵敏", c);
  assert_check (elsewhere, "hukou_years", FALSE, "赵敏：户籍 440305，非长沙户籍");
}

/* no_property_new_area: directed applications only. */
static void
test_no_property_new_area (AnjuTestFixture *fixture,
                           gconstpointer    data)
{
  Household directed = open_household;
  g_autofree char *owner = next_id_no ();
  g_autofree char *outside = next_id_no ();
  g_autofree char *open_owner = next_id_no ();
  g_autofree char *rows = g_strdup_printf ("%s,孙丽,房产,\"新区,89.50,麓谷小区3栋201\",不动产登记\n"
                                           "%s,钱进,房产,新区外，76.00,不动产登记\n"
                                           "%s,周涛,房产,\"新区,60.00\",不动产登记\n",
                                           owner, outside, open_owner);
  g_autoptr(JsonNode) fails = NULL;
  g_autoptr(JsonNode) passes = NULL;
  g_autoptr(JsonNode) not_directed = NULL;

  import_ok (fixture->srv, fixture->admin, rows, 3);
  directed.business_type = "directed_physical";
  fails = submit (fixture->srv, &directed, "孙丽", owner);
  assert_check (fails, "no_property_new_area", FALSE, "孙丽：新区房产 89.50 m² 麓谷小区3栋201");
  g_assert_cmpstr (anju_test_json_string (fails, "status"), ==, "prereview_failed");

  passes = submit (fixture->srv, &directed, "钱进", outside);
  assert_check (passes, "no_property_new_area", TRUE, "钱进：新区外房产 76.00 m²");
  g_assert_cmpstr (anju_test_json_string (passes, "status"), ==, "center_review");

  not_directed = submit (fixture->srv, &open_household, "周涛", open_owner);
  assert_check (not_directed, "no_property_new_area", TRUE, "非定向申请，不适用");
}

/* no_housing_benefit: the declaration and the benefit records. */
static void
test_no_housing_benefit (AnjuTestFixture *fixture,
                         gconstpointer    data)
{
  Household declared = open_household;
  g_autofree char *a = next_id_no ();
  g_autofree char *b = next_id_no ();
  g_autofree char *c = next_id_no ();
  g_autofree char *rows = g_strdup_printf ("%s,吴兰,住房保障,\"公租房实物配租,2020-03-01\",住保档案\n", b);
  g_autoptr(JsonNode) clean = NULL;
  g_autoptr(JsonNode) recorded = NULL;
  g_autoptr(JsonNode) said_so = NULL;

  import_ok (fixture->srv, fixture->admin, rows, 1);
  clean = submit (fixture->srv, &open_household, "郑洁", a);
  assert_check (clean, "no_housing_benefit", TRUE, "申报及住房保障数据均无记录");

  recorded = submit (fixture->srv, &open_household, "吴兰", b);
  assert_check (recorded, "no_housing_benefit", FALSE,
                "吴兰：住房保障记录“公租房实物配租,2020-03-01”");

  declared.had_benefit = TRUE;
  said_so = submit (fixture->srv, &declared, "冯刚", c);
  assert_check (said_so, "no_housing_benefit", FALSE, "申报：家庭曾享受住房保障");
}

/* income_per_capita and area_per_capita: upper limits. */
static void
test_income_and_area (AnjuTestFixture *fixture,
                      gconstpointer    data)
{
  Household rich = open_household;
  Household roomy = open_household;
  Household subsidy = open_household;
  g_autofree char *a = next_id_no ();
  g_autofree char *b = next_id_no ();
  g_autofree char *c = next_id_no ();
  g_autoptr(JsonNode) over_income = NULL;
  g_autoptr(JsonNode) over_area = NULL;
  g_autoptr(JsonNode) subsidy_app = NULL;

  rich.income = "70000.00";
  over_income = submit (fixture->srv, &rich, "陈晨", a);
  assert_check (over_income, "income_per_capita", FALSE, "家庭人均年收入 70000.00 元，上限 60000.00 元");
  assert_check (over_income, "area_per_capita", TRUE, "上限 15.00 m²");

  roomy.area = "20.50";
  over_area = submit (fixture->srv, &roomy, "黄磊", b);
  assert_check (over_area, "area_per_capita", FALSE, "家庭人均住房建筑面积 20.50 m²，上限 15.00 m²");
  assert_check (over_area, "income_per_capita", TRUE, "30000.00 元");

  /* Subsidies are not bound by the income limit. */
  subsidy.business_type = "open_subsidy";
  subsidy.income = "90000.00";
  subsidy_app = submit (fixture->srv, &subsidy, "林峰", c);
  assert_check (subsidy_app, "income_per_capita", TRUE, "租赁补贴申请，不适用");
}

/* dibao informs and never fails. */
static void
test_dibao (AnjuTestFixture *fixture,
            gconstpointer    data)
{
  Household declared = open_household;
  g_autofree char *a = next_id_no ();
  g_autofree char *b = next_id_no ();
  g_autofree char *rows = g_strdup_printf ("%s,何静,低保,DB2024-0158,民政低保\n", b);
  g_autoptr(JsonNode) said_so = NULL;
  g_autoptr(JsonNode) recorded = NULL;

  declared.dibao = TRUE;
  said_so = submit (fixture->srv, &declared, "杨帆", a);
  assert_check (said_so, "dibao", TRUE, "申报：低保家庭");
  g_assert_true (anju_test_json_bool (said_so, "prereview.passed"));

  import_ok (fixture->srv, fixture->admin, rows, 1);
  recorded = submit (fixture->srv, &open_household, "何静", b);
  assert_check (recorded, "dibao", TRUE, "何静：低保记录“DB2024-0158”");
  g_assert_cmpstr (anju_test_json_string (recorded, "status"), ==, "street_review");
}

static char *
settings_body (const char *income,
               gboolean    hukou_enabled,
               int         street_days)
{
  return g_strdup_printf ("{\"rules\":["
                          "{\"code\":\"hukou_years\",\"enabled\":%s,\"threshold\":3},"
                          "{\"code\":\"no_property_new_area\",\"enabled\":true,\"threshold\":null},"
                          "{\"code\":\"no_housing_benefit\",\"enabled\":true},"
                          "{\"code\":\"income_per_capita\",\"enabled\":true,\"threshold\":\"%s\"},"
                          "{\"code\":\"area_per_capita\",\"enabled\":true,\"threshold\":\"15.00\"},"
                          "{\"code\":\"dibao\",\"enabled\":true,\"threshold\":null}],"
                          "\"street_publicity_days\":%d,\"announcement_days\":7}",
                          hukou_enabled ? "true" : "false", income, street_days);
}

/* Lowering the income limit fails a household that passed; disabling a
 * rule drops its check. */
static void
test_settings_change_outcome (AnjuTestFixture *fixture,
                              gconstpointer    data)
{
  g_autofree char *a = next_id_no ();
  g_autofree char *b = next_id_no ();
  g_autofree char *lower = settings_body ("25000.00", FALSE, 10);
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) saved = NULL;
  g_autoptr(JsonNode) after = NULL;
  guint status = 0;

  before = submit (fixture->srv, &open_household, "蒋敏", a);
  assert_check (before, "income_per_capita", TRUE, "上限 60000.00 元");

  saved = anju_test_request (fixture->srv, fixture->admin, "PUT", SETTINGS, lower, &status);
  anju_assert_status (status, SOUP_STATUS_OK, saved);
  g_assert_cmpstr (anju_test_json_string (saved, "rules.3.threshold"), ==, "25000.00");
  g_assert_false (anju_test_json_bool (saved, "rules.0.enabled"));
  g_assert_cmpint (anju_test_json_int (saved, "street_publicity_days"), ==, 10);
  g_assert_cmpint (count_audit (fixture->srv, "pubrent.settings.update"), ==, 1);

  after = submit (fixture->srv, &open_household, "沈丽", b);
  assert_check (after, "income_per_capita", FALSE, "家庭人均年收入 30000.00 元，上限 25000.00 元");
  g_assert_cmpint (anju_test_json_find (after, "prereview.checks", "rule", "hukou_years"), ==, -1);
  g_assert_cmpuint (anju_test_json_length (after, "prereview.checks"), ==, 5);
  g_assert_cmpstr (anju_test_json_string (after, "status"), ==, "prereview_failed");
}

/* GET answers the defaults; PUT refuses each bad member by name and
 * writes nothing; only pubrent.rules.write may PUT. */
static void
test_settings_validation (AnjuTestFixture *fixture,
                          gconstpointer    data)
{
  g_autofree char *street = anju_test_login_demo (fixture->srv, "street_ypl");
  g_autofree char *good = settings_body ("60000.00", TRUE, 7);
  g_autofree char *dump = anju_test_db_dump (fixture->srv, "pubrent_rules");
  g_autofree char *dump_after = NULL;
  g_autoptr(JsonNode) defaults = NULL;
  g_autoptr(JsonNode) bad = NULL;
  g_autoptr(JsonNode) missing = NULL;
  g_autoptr(JsonNode) forbidden = NULL;
  guint status = 0;

  defaults = anju_test_request (fixture->srv, street, "GET", SETTINGS, NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, defaults);
  g_assert_cmpuint (anju_test_json_length (defaults, "rules"), ==, 6);
  g_assert_cmpstr (anju_test_json_string (defaults, "rules.0.code"), ==, "hukou_years");
  g_assert_cmpstr (anju_test_json_string (defaults, "rules.0.name"), ==, "长沙户籍年限");
  g_assert_cmpint (anju_test_json_int (defaults, "rules.0.threshold"), ==, 3);
  g_assert_cmpstr (anju_test_json_string (defaults, "rules.0.unit"), ==, "years");
  g_assert_cmpstr (anju_test_json_string (defaults, "rules.3.threshold"), ==, "60000.00");
  g_assert_cmpstr (anju_test_json_string (defaults, "rules.4.threshold"), ==, "15.00");
  g_assert_true (anju_test_json_is_null (defaults, "rules.5.threshold"));
  g_assert_cmpint (anju_test_json_int (defaults, "street_publicity_days"), ==, 7);
  g_assert_cmpint (anju_test_json_int (defaults, "announcement_days"), ==, 7);

  bad = anju_test_request (fixture->srv, fixture->admin, "PUT", SETTINGS,
                           "{\"rules\":["
                           "{\"code\":\"hukou_years\",\"enabled\":true,\"threshold\":0},"
                           "{\"code\":\"shoe_size\",\"enabled\":true,\"threshold\":null},"
                           "{\"code\":\"income_per_capita\",\"enabled\":\"yes\",\"threshold\":\"-5\"},"
                           "{\"code\":\"area_per_capita\",\"enabled\":true,\"threshold\":\"15.123\"},"
                           "{\"code\":\"dibao\",\"enabled\":true,\"threshold\":3}],"
                           "\"street_publicity_days\":0,\"announcement_days\":61,\"colour\":1}",
                           &status);
  anju_assert_error (status, bad, 422, "validation_failed");
  static const char * const fields[] = {
    "rules[0].threshold", "rules[1].code", "rules[2].enabled", "rules[2].threshold",
    "rules[3].threshold", "rules[4].threshold", "street_publicity_days", "announcement_days",
    "colour",
  };
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      JsonNode *field_errors = anju_test_json_lookup (bad, "error.fields");

      if (!json_object_has_member (json_node_get_object (field_errors), fields[i]))
        {
          g_autofree char *text = anju_test_json_to_string (bad);

          g_error ("no field error %s in %s", fields[i], text);
        }
    }

  missing = anju_test_request (fixture->srv, fixture->admin, "PUT", SETTINGS,
                               "{\"rules\":[],\"street_publicity_days\":7,\"announcement_days\":7}",
                               &status);
  anju_assert_error (status, missing, 422, "validation_failed");
  g_assert_true (anju_test_json_has (missing, "error.fields.rules"));

  forbidden = anju_test_request (fixture->srv, street, "PUT", SETTINGS, good, &status);
  anju_assert_error (status, forbidden, 403, "forbidden");

  dump_after = anju_test_db_dump (fixture->srv, "pubrent_rules");
  g_assert_cmpstr (dump, ==, dump_after);
  g_assert_cmpint (count_audit (fixture->srv, "pubrent.settings.update"), ==, 0);
}

/* Dry run: the report and nothing written; then the import, its audit
 * rows, the masked list and its filters. */
static void
test_external_records_import (AnjuTestFixture *fixture,
                              gconstpointer    data)
{
  g_autofree char *a = next_id_no ();
  g_autofree char *b = next_id_no ();
  g_autofree char *csv = g_strdup_printf (CSV_HEADER
                                          "%s,李娜,户籍,\"430104,2019-05-01\",公安户籍\n"
                                          "430104198503120000,王五,户籍,\"430104,2019-05-01\",\n"
                                          "%s,,身高,180,\n"
                                          "%s,赵六,婚姻,已婚,民政婚姻\n"
                                          "%s,李娜,房产,\"新区,abc\",\n"
                                          "%s,李娜,户籍,\"430104,2019-05-01\",公安户籍\n",
                                          a, b, b, a, a);
  g_autofree char *dump = anju_test_db_dump (fixture->srv, "pubrent_external_records");
  g_autofree char *dump_after = NULL;
  g_autofree char *list_path = g_strdup_printf (RECORDS "?id_no=%s", a);
  g_autofree char *masked = NULL;
  g_autofree char *batch = NULL;
  g_autoptr(JsonNode) dry = NULL;
  g_autoptr(JsonNode) real = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(JsonNode) by_kind = NULL;
  g_autoptr(JsonNode) by_name = NULL;
  g_autoptr(JsonNode) bad_column = NULL;
  guint status = 0;

  dry = import_csv (fixture->srv, fixture->admin, "&dry_run=true", csv, &status);
  anju_assert_status (status, SOUP_STATUS_OK, dry);
  g_assert_cmpint (anju_test_json_int (dry, "rows"), ==, 6);
  g_assert_cmpint (anju_test_json_int (dry, "valid"), ==, 2);
  g_assert_cmpint (anju_test_json_int (dry, "imported"), ==, 0);
  g_assert_cmpuint (anju_test_json_length (dry, "preview"), ==, 2);
  g_assert_cmpstr (anju_test_json_string (dry, "preview.0.kind"), ==, "hukou");
  g_assert_cmpstr (anju_test_json_string (dry, "preview.0.data"), ==, "430104,2019-05-01");
  g_assert_cmpstr (anju_test_json_string (dry, "preview.1.kind"), ==, "marriage");
  g_assert_cmpint (anju_test_json_int (dry, "errors.0.row"), ==, 3);
  g_assert_cmpstr (anju_test_json_string (dry, "errors.0.column"), ==, "身份证号");
  g_assert_cmpint (anju_test_json_find (dry, "errors", "column", "姓名"), >=, 0);
  g_assert_cmpint (anju_test_json_find (dry, "errors", "column", "类别"), >=, 0);
  g_assert_cmpint (anju_test_json_find (dry, "errors", "column", "数据"), >=, 0);
  g_assert_cmpint (anju_test_json_find (dry, "errors", "row", "7"), >=, 0);
  dump_after = anju_test_db_dump (fixture->srv, "pubrent_external_records");
  g_assert_cmpstr (dump, ==, dump_after);

  real = import_csv (fixture->srv, fixture->admin, "&dry_run=false", csv, &status);
  anju_assert_status (status, SOUP_STATUS_OK, real);
  g_assert_cmpint (anju_test_json_int (real, "imported"), ==, 2);
  batch = anju_test_db_query (fixture->srv, "SELECT COUNT(*) FROM audit_log"
                                            " WHERE action = 'pubrent.external_record.import'");
  g_assert_cmpstr (batch, ==, "1");
  g_free (batch);
  batch = anju_test_db_query (fixture->srv, "SELECT COUNT(*) FROM audit_log"
                                            " WHERE action = 'pubrent.external_record.create'");
  g_assert_cmpstr (batch, ==, "2");

  /* The same facts again are refused row by row. */
  again = import_csv (fixture->srv, fixture->admin, "&dry_run=true", csv, &status);
  anju_assert_status (status, SOUP_STATUS_OK, again);
  g_assert_cmpint (anju_test_json_int (again, "valid"), ==, 0);

  list = anju_test_request (fixture->srv, fixture->admin, "GET", list_path, NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, list);
  anju_test_assert_page (list);
  g_assert_cmpint (anju_test_json_int (list, "total"), ==, 1);
  masked = g_strdup (anju_test_json_string (list, "items.0.id_no"));
  g_assert_cmpstr (masked, !=, a);
  g_assert_nonnull (strstr (masked, "*"));
  g_assert_true (g_str_has_suffix (a, masked + strlen (masked) - 4));

  by_kind = anju_test_request (fixture->srv, fixture->admin, "GET", RECORDS "?kind=marriage",
                               NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, by_kind);
  g_assert_cmpint (anju_test_json_int (by_kind, "total"), ==, 1);
  g_assert_cmpstr (anju_test_json_string (by_kind, "items.0.name"), ==, "赵六");
  g_assert_cmpstr (anju_test_json_string (by_kind, "items.0.source"), ==, "民政婚姻");

  by_name = anju_test_request (fixture->srv, fixture->admin, "GET",
                               RECORDS "?q=%E6%9D%8E", NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, by_name);
  g_assert_cmpint (anju_test_json_int (by_name, "total"), ==, 1);

  bad_column = import_csv (fixture->srv, fixture->admin, "&dry_run=true",
                           "身份证号,姓名,类别\n", &status);
  anju_assert_error (status, bad_column, 422, "validation_failed");
  g_assert_nonnull (strstr (anju_test_json_string (bad_column, "error.fields.file"), "数据"));
}

/* Only pubrent.rules.write imports; a bad kind filter is a 422. */
static void
test_external_records_access (AnjuTestFixture *fixture,
                              gconstpointer    data)
{
  g_autofree char *street = anju_test_login_demo (fixture->srv, "street_ypl");
  g_autoptr(JsonNode) forbidden = NULL;
  g_autoptr(JsonNode) bad_kind = NULL;
  g_autoptr(JsonNode) no_format = NULL;
  guint status = 0;

  forbidden = import_csv (fixture->srv, street, "&dry_run=true", CSV_HEADER, &status);
  anju_assert_error (status, forbidden, 403, "forbidden");
  bad_kind = anju_test_request (fixture->srv, street, "GET", RECORDS "?kind=shoes", NULL,
                                &status);
  anju_assert_error (status, bad_kind, 422, "validation_failed");
  g_assert_true (anju_test_json_has (bad_kind, "error.fields.kind"));

  {
    g_autoptr(GBytes) body = g_bytes_new_static (CSV_HEADER, strlen (CSV_HEADER));
    g_autoptr(GBytes) reply = anju_test_request_raw (fixture->srv, fixture->admin, "POST",
                                                     RECORDS "/import", "text/csv", body,
                                                     &status);

    no_format = anju_test_parse_json (reply);
    anju_assert_error (status, no_format, 422, "validation_failed");
    g_assert_true (anju_test_json_has (no_format, "error.fields.format"));
  }
}

/* A person's external records of one kind, newest first, come straight
 * from the index of migration 0020 (issue 7, writes): the pre-review
 * reads them for every member and rule, the lease check for every
 * member of every create and submit, and a sort of each answer in a
 * temporary b-tree was a good part of their cost. */
static void
test_external_records_plan (AnjuTestFixture *fixture,
                            gconstpointer    data)
{
  static const char * const queries[] = {
    /* server/pubrent/eligibility/anju-prereview-rules.c */
    "SELECT data, imported_at FROM pubrent_external_records"
    " WHERE id_no = ?1 AND kind = ?2 ORDER BY imported_at DESC, id DESC",
    /* server/pubrent/applications/anju-application-check.c */
    "SELECT data FROM pubrent_external_records"
    " WHERE id_no = ?1 AND kind = 'lease' ORDER BY imported_at DESC LIMIT 1",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(AnjuDb) db = anju_db_open (fixture->srv->config->database_path, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", queries[i], NULL);
      sqlite3_stmt *stmt = anju_db_prepare (db, explain, &error);
      g_autoptr(GString) plan = g_string_new (NULL);

      g_assert_no_error (error);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_string_append_printf (plan, "%s\n", (const char *) sqlite3_column_text (stmt, 3));
      sqlite3_reset (stmt);
      g_test_message ("%s:\n%s", queries[i], plan->str);
      g_assert_nonnull (strstr (plan->str, "USING INDEX pubrent_external_records_person_newest"));
      g_assert_null (strstr (plan->str, "TEMP B-TREE"));
    }
}

int
main (int   argc,
      char *argv[])
{
  anju_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/pubrent/prereview/" path, AnjuTestFixture, NULL, anju_app_test_set_up, func, \
              anju_test_fixture_tear_down)

  ADD ("F-PRH-008/report-lists-every-check", test_report_lists_every_check);
  ADD ("F-PRH-008/hukou-years", test_hukou_years);
  ADD ("F-PRH-008/no-property-new-area", test_no_property_new_area);
  ADD ("F-PRH-008/no-housing-benefit", test_no_housing_benefit);
  ADD ("F-PRH-008/income-and-area", test_income_and_area);
  ADD ("F-PRH-008/dibao", test_dibao);
  ADD ("F-PRH-026/settings-change-outcome", test_settings_change_outcome);
  ADD ("F-PRH-026/settings-validation", test_settings_validation);
  ADD ("F-PRH-008/external-records-import", test_external_records_import);
  ADD ("F-PRH-008/external-records-access", test_external_records_access);
  ADD ("F-PRH-008/external-records-plan", test_external_records_plan);
#undef ADD

  return g_test_run ();
}
