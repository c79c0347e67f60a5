/* test-applications.c: public rental housing applications over HTTPS
 * (docs/api.md "Applications"): entry per business type (F-PRH-002
 * directed, F-PRH-003 application management), validation of the
 * applicant and members (F-PRH-007), scope and masking, materials
 * (F-PRH-004), submission with the pre-review and the review process
 * (F-PRH-008), abandonment, export and the code dictionary.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "anju-application-test.h"

/* Every business type from the organisation that may enter it; the
 * applicant becomes members[0] with what the ID number tells. */
static void
test_create_per_type (AnjuTestFixture *fixture,
                      gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *community = anju_test_login_demo (srv, "community_ypl");
  g_autofree char *employer = anju_test_login_demo (srv, "employer");
  static const char * const types[] = {
    "open_physical", "open_subsidy", "directed_physical", "directed_subsidy",
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autofree char *seq = g_strdup_printf ("%03u", 100 + i * 2);   /* even: female */
      g_autofree char *id_no = anju_app_test_id ("19900101", seq);
      g_autofree char *body = anju_app_test_body (types[i], "王丽芳", id_no, "");
      gboolean directed = g_str_has_prefix (types[i], "directed");
      g_autoptr(JsonNode) reply = NULL;
      guint status = 0;

      reply = anju_test_request (srv, directed ? employer : community, "POST", APPLICATIONS, body,
                                 &status);
      anju_assert_status (status, SOUP_STATUS_CREATED, reply);
      g_assert_cmpstr (anju_test_json_string (reply, "business_type"), ==, types[i]);
      g_assert_cmpstr (anju_test_json_string (reply, "status"), ==, "draft");
      g_assert_cmpstr (anju_test_json_string (reply, "status_label"), ==, "草稿");
      g_assert_true (g_str_has_prefix (anju_test_json_string (reply, "application_no"), "GZF-"));
      g_assert_cmpuint (strlen (anju_test_json_string (reply, "application_no")), ==, 15);
      g_assert_cmpstr (anju_test_json_string (reply, "org.name"), ==,
                       directed ? "湖南湘江智造科技有限公司" : "银盆岭社区");
      g_assert_cmpstr (anju_test_json_string (reply, "id_no"), ==, id_no);
      g_assert_cmpstr (anju_test_json_string (reply, "annual_income_per_capita"), ==, "30000.00");
      g_assert_cmpuint (anju_test_json_length (reply, "members"), ==, 1);
      g_assert_cmpstr (anju_test_json_string (reply, "members.0.relation"), ==, "self");
      g_assert_cmpstr (anju_test_json_string (reply, "members.0.name"), ==, "王丽芳");
      g_assert_cmpstr (anju_test_json_string (reply, "members.0.birth_date"), ==, "1990-01-01");
      g_assert_cmpstr (anju_test_json_string (reply, "members.0.gender"), ==, "female");
      g_assert_true (anju_test_json_is_null (reply, "process"));
      if (directed)
        g_assert_cmpstr (anju_test_json_string (reply, "employer_name"), ==,
                         "湖南湘江智造科技有限公司");
      g_assert_cmpint (anju_test_audit_count (srv, "pubrent.application.create",
                                              anju_test_json_int (reply, "id")), ==, 1);
    }
}

/* Directed only from an employer, open only from a street or community. */
static void
test_business_type_by_org (AnjuTestFixture *fixture,
                           gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *community = anju_test_login_demo (srv, "community_ypl");
  g_autofree char *employer = anju_test_login_demo (srv, "employer");
  g_autofree char *street = anju_test_login_demo (srv, "street_ypl");
  g_autofree char *id_no = anju_app_test_id ("19850512", "231");
  g_autofree char *directed = anju_app_test_body ("directed_subsidy", "张伟", id_no,
                                                  ",\"employer_name\":\"某公司\"");
  g_autofree char *open = anju_app_test_body ("open_subsidy", "张伟", id_no, "");
  g_autoptr(JsonNode) refused = NULL;
  g_autoptr(JsonNode) refused_open = NULL;
  guint status = 0;

  refused = anju_test_request (srv, community, "POST", APPLICATIONS, directed, &status);
  anju_assert_error (status, refused, 409, "conflict");
  g_assert_nonnull (strstr (anju_test_json_string (refused, "error.message"), "business_type"));
  refused_open = anju_test_request (srv, employer, "POST", APPLICATIONS, open, &status);
  anju_assert_error (status, refused_open, 409, "conflict");
  /* A street enters walk-in applications too. */
  anju_app_test_create (srv, street, open);
}

static void
assert_field_error (JsonNode   *reply,
                    guint       status,
                    const char *field)
{
  JsonNode *fields;

  anju_assert_error (status, reply, 422, "validation_failed");
  /* Member paths hold dots ("members[1].id_no"): look the name up whole. */
  fields = anju_test_json_lookup (reply, "error.fields");
  if (fields == NULL || !json_object_has_member (json_node_get_object (fields), field))
    {
      g_autofree char *text = anju_test_json_to_string (reply);

      g_error ("no field error %s in %s", field, text);
    }
}

/* Each refusal names its field, members by their index. */
static void
test_validation (AnjuTestFixture *fixture,
                 gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *community = anju_test_login_demo (srv, "community_ypl");
  g_autofree char *good = anju_app_test_id ("19900101", "123");
  g_autofree char *spouse = anju_app_test_id ("19910202", "124");
  g_autofree char *bad = g_strdup (good);
  g_autofree char *bad_checksum = NULL;
  g_autofree char *bad_phone = NULL;
  g_autofree char *birth_mismatch = NULL;
  g_autofree char *sex_mismatch = NULL;
  g_autofree char *bad_code = NULL;
  g_autofree char *bad_amount = NULL;
  g_autoptr(JsonNode) r1 = NULL;
  g_autoptr(JsonNode) r2 = NULL;
  g_autoptr(JsonNode) r3 = NULL;
  g_autoptr(JsonNode) r4 = NULL;
  g_autoptr(JsonNode) r5 = NULL;
  g_autoptr(JsonNode) r6 = NULL;
  guint status = 0;

  /* A wrong check character. */
  bad[17] = bad[17] == '1' ? '2' : '1';
  bad_checksum = anju_app_test_body ("open_physical", "王丽芳", bad, "");
  r1 = anju_test_request (srv, community, "POST", APPLICATIONS, bad_checksum, &status);
  assert_field_error (r1, status, "id_no");

  bad_phone = g_strdup_printf ("{\"business_type\":\"open_subsidy\",\"applicant_name\":\"王丽芳\","
                               "\"id_no\":\"%s\",\"phone\":\"12345\"}", good);
  r2 = anju_test_request (srv, community, "POST", APPLICATIONS, bad_phone, &status);
  assert_field_error (r2, status, "phone");

  birth_mismatch = g_strdup_printf ("{\"business_type\":\"open_subsidy\",\"applicant_name\":\"王丽芳\","
                                    "\"id_no\":\"%s\",\"members\":[{\"relation\":\"self\"},"
                                    "{\"relation\":\"spouse\",\"name\":\"李强\",\"id_no\":\"%s\","
                                    "\"birth_date\":\"1991-02-03\"}]}", good, spouse);
  r3 = anju_test_request (srv, community, "POST", APPLICATIONS, birth_mismatch, &status);
  assert_field_error (r3, status, "members[1].birth_date");

  sex_mismatch = g_strdup_printf ("{\"business_type\":\"open_subsidy\",\"applicant_name\":\"王丽芳\","
                                  "\"id_no\":\"%s\",\"members\":[{\"relation\":\"self\","
                                  "\"gender\":\"female\"}]}", good);
  r4 = anju_test_request (srv, community, "POST", APPLICATIONS, sex_mismatch, &status);
  assert_field_error (r4, status, "members[0].gender");

  bad_code = g_strdup_printf ("{\"business_type\":\"open_subsidy\",\"applicant_name\":\"王丽芳\","
                              "\"id_no\":\"%s\",\"members\":[{\"relation\":\"self\","
                              "\"ethnicity\":\"martian\"},{\"relation\":\"friend\",\"name\":\"甲\"}]}",
                              good);
  r5 = anju_test_request (srv, community, "POST", APPLICATIONS, bad_code, &status);
  assert_field_error (r5, status, "members[0].ethnicity");
  assert_field_error (r5, status, "members[1].relation");

  bad_amount = anju_app_test_body ("open_physical", "王丽芳", good,
                                   ",\"agent_phone\":\"1381234567x\",\"hukou_room\":1");
  r6 = anju_test_request (srv, community, "POST", APPLICATIONS, bad_amount, &status);
  assert_field_error (r6, status, "agent_phone");
  assert_field_error (r6, status, "hukou_room");
  {
    g_autofree char *count = anju_test_db_query (srv, "SELECT COUNT(*) FROM pubrent_applications"
                                                                  " WHERE applicant_name = '王丽芳'");

    g_assert_cmpstr (count, ==, "0");
  }
}

/* One person, one open application: the 409 names the other one. */
static void
test_duplicate_member (AnjuTestFixture *fixture,
                       gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *community = anju_test_login_demo (srv, "community_ypl");
  g_autofree char *street = anju_test_login_demo (srv, "street_wyh");
  g_autofree char *first_id = anju_app_test_id ("19800303", "315");
  g_autofree char *second_id = anju_app_test_id ("19820404", "417");
  g_autofree char *first = anju_app_test_body ("open_subsidy", "赵敏", first_id, "");
  g_autofree char *second = NULL;
  g_autoptr(JsonNode) created = NULL;
  g_autoptr(JsonNode) refused = NULL;
  g_autofree char *number = NULL;
  guint status = 0;
  gint64 id = anju_app_test_create (srv, community, first);

  created = anju_app_test_get (srv, community, id, &status);
  number = g_strdup (anju_test_json_string (created, "application_no"));
  second = g_strdup_printf ("{\"business_type\":\"open_subsidy\",\"applicant_name\":\"钱进\","
                            "\"id_no\":\"%s\",\"members\":[{\"relation\":\"self\"},"
                            "{\"relation\":\"spouse\",\"name\":\"赵敏\",\"id_no\":\"%s\"}]}",
                            second_id, first_id);
  refused = anju_test_request (srv, street, "POST", APPLICATIONS, second, &status);
  anju_assert_error (status, refused, 409, "conflict");
  g_assert_nonnull (strstr (anju_test_json_string (refused, "error.message"), "members[1].id_no"));
  g_assert_nonnull (strstr (anju_test_json_string (refused, "error.message"), number));
}

/* Street A cannot see street B's; the employer sees only its own. */
static void
test_scope (AnjuTestFixture *fixture,
            gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *community = anju_test_login_demo (srv, "community_ypl");
  g_autofree char *street_a = anju_test_login_demo (srv, "street_ypl");
  g_autofree char *street_b = anju_test_login_demo (srv, "street_wyh");
  g_autofree char *employer = anju_test_login_demo (srv, "employer");
  g_autofree char *center = anju_test_login_demo (srv, "center");
  g_autofree char *id_a = anju_app_test_id ("19750505", "511");
  g_autofree char *id_b = anju_app_test_id ("19760606", "613");
  g_autofree char *id_e = anju_app_test_id ("19770707", "715");
  g_autofree char *body_a = anju_app_test_body ("open_physical", "孙丽", id_a, "");
  g_autofree char *body_b = anju_app_test_body ("open_physical", "周杰", id_b, "");
  g_autofree char *body_e = anju_app_test_body ("directed_physical", "吴刚", id_e, "");
  gint64 a = anju_app_test_create (srv, community, body_a);
  gint64 b = anju_app_test_create (srv, street_b, body_b);
  gint64 e = anju_app_test_create (srv, employer, body_e);
  g_autoptr(JsonNode) hidden = NULL;
  g_autoptr(JsonNode) hidden_patch = NULL;
  g_autoptr(JsonNode) employer_list = NULL;
  guint status = 0;

  hidden = anju_app_test_get (srv, street_b, a, &status);
  anju_assert_error (status, hidden, 404, "not_found");
  hidden_patch = anju_test_item_request (srv, street_b, "PATCH", APPLICATIONS, a, NULL,
                                         "{\"hukou_room\":\"301\"}", &status);
  anju_assert_error (status, hidden_patch, 404, "not_found");
  g_assert_true (anju_test_list_has (srv, street_a, APPLICATIONS, "", a));
  g_assert_false (anju_test_list_has (srv, street_a, APPLICATIONS, "", b));
  g_assert_false (anju_test_list_has (srv, street_b, APPLICATIONS, "", a));
  g_assert_true (anju_test_list_has (srv, street_b, APPLICATIONS, "", b));
  g_assert_false (anju_test_list_has (srv, street_a, APPLICATIONS, "", e));
  /* The employer sees its own directed applications (the demo's and e)
   * and nothing the streets entered. */
  employer_list = anju_test_list_page (srv, employer, APPLICATIONS, "directed=false");
  g_assert_cmpint (anju_test_json_int (employer_list, "total"), ==, 0);
  g_assert_true (anju_test_list_has (srv, employer, APPLICATIONS, "", e));
  g_assert_false (anju_test_list_has (srv, employer, APPLICATIONS, "", a));
  g_assert_false (anju_test_list_has (srv, employer, APPLICATIONS, "", b));
  g_assert_true (anju_test_list_has (srv, center, APPLICATIONS, "directed=true", e));
  g_assert_false (anju_test_list_has (srv, center, APPLICATIONS, "directed=true", a));
  g_assert_true (anju_test_list_has (srv, center, APPLICATIONS, "q=%E5%AD%99", a));   /* 孙 */
  g_assert_false (anju_test_list_has (srv, center, APPLICATIONS, "q=%E5%AD%99", b));
  g_assert_true (anju_test_list_has (srv, center, APPLICATIONS, "status=draft,closed", b));
  {
    g_autofree char *by_id = g_strdup_printf ("q=%s", id_b);

    g_assert_true (anju_test_list_has (srv, center, APPLICATIONS, by_id, b));
    g_assert_false (anju_test_list_has (srv, center, APPLICATIONS, by_id, a));
  }
}

/* Lists mask; the detail is full for reviewers and the entering
 * organisation, masked for the other readers. */
static void
test_masking (AnjuTestFixture *fixture,
              gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *community = anju_test_login_demo (srv, "community_ypl");
  g_autofree char *street = anju_test_login_demo (srv, "street_ypl");
  gint64 street_org = anju_test_find_org (srv, fixture->admin, "银盆岭街道");
  gint64 worker_role = anju_test_find_role (srv, fixture->admin, "community_worker");
  g_autofree char *reader = anju_test_make_ready_user (srv, fixture->admin, "street_reader",
                                                       street_org, worker_role, "Reader@2026x");
  g_autofree char *id_no = anju_app_test_id ("19880808", "818");
  g_autofree char *body = anju_app_test_body ("open_subsidy", "郑爽", id_no, "");
  gint64 id = anju_app_test_create (srv, community, body);
  g_autoptr(JsonNode) list = anju_test_list_page (srv, community, APPLICATIONS, "");
  g_autoptr(JsonNode) own = NULL;
  g_autoptr(JsonNode) reviewer = NULL;
  g_autoptr(JsonNode) other = NULL;
  guint status = 0;

  g_autofree char *masked = g_strdup_printf ("430104********%s", id_no + 14);

  g_assert_cmpstr (anju_test_json_string (list, "items.0.id_no"), ==, masked);
  g_assert_cmpstr (anju_test_json_string (list, "items.0.phone"), ==, "138****5678");
  g_assert_cmpstr (anju_test_json_string (list, "items.0.applicant_name"), ==, "郑爽");
  own = anju_app_test_get (srv, community, id, &status);
  anju_assert_status (status, 200, own);
  g_assert_cmpstr (anju_test_json_string (own, "id_no"), ==, id_no);
  reviewer = anju_app_test_get (srv, street, id, &status);
  anju_assert_status (status, 200, reviewer);
  g_assert_cmpstr (anju_test_json_string (reviewer, "members.0.id_no"), ==, id_no);
  g_assert_cmpstr (anju_test_json_string (reviewer, "phone"), ==, "13812345678");
  other = anju_app_test_get (srv, reader, id, &status);
  anju_assert_status (status, 200, other);
  g_assert_cmpstr (anju_test_json_string (other, "id_no"), !=, id_no);
  g_assert_cmpstr (anju_test_json_string (other, "members.0.id_no"), !=, id_no);
  g_assert_cmpstr (anju_test_json_string (other, "phone"), ==, "138****5678");
}

/* The listed field of application id, as the center's list of drafts
 * shows it now. */
static char *
listed (AnjuTestServer *srv,
        const char     *center,
        gint64          id,
        const char     *field)
{
  g_autoptr(JsonNode) list = anju_test_list_page (srv, center, APPLICATIONS, "status=draft");
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  int i = anju_test_json_find (list, "items", "id", id_text);
  g_autofree char *path = g_strdup_printf ("items.%d.%s", i, field);

  g_assert_cmpint (i, >=, 0);
  return g_strdup (anju_test_json_string (list, path));
}

/* F-PRH-014: a page of the list is kept until the next commit
 * (server/core/anju-kept-pages.h), whatever it changed: a renamed
 * organisation, which the applications' own version does not follow,
 * and an applicant's new name both show at once. */
static void
test_list_follows_commits (AnjuTestFixture *fixture,
                           gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *community = anju_test_login_demo (srv, "community_ypl");
  g_autofree char *center = anju_test_login_demo (srv, "center");
  g_autofree char *id_no = anju_app_test_id ("19810909", "919");
  g_autofree char *body = anju_app_test_body ("open_physical", "韩梅", id_no, "");
  gint64 id = anju_app_test_create (srv, community, body);
  g_autoptr(JsonNode) application = NULL;
  g_autoptr(JsonNode) renamed = NULL;
  g_autoptr(JsonNode) updated = NULL;
  g_autofree char *org_before = NULL;
  g_autofree char *org_again = NULL;
  g_autofree char *org_after = NULL;
  g_autofree char *name_after = NULL;
  guint status = 0;

  application = anju_app_test_get (srv, center, id, &status);
  anju_assert_status (status, 200, application);
  org_before = listed (srv, center, id, "org.name");
  org_again = listed (srv, center, id, "org.name");
  g_assert_cmpstr (org_again, ==, org_before);

  renamed = anju_test_item_request (srv, fixture->admin, "PATCH", "/api/v1/organisations",
                                    anju_test_json_int (application, "org.id"), NULL,
                                    "{\"name\":\"银盆岭新社区\"}", &status);
  anju_assert_status (status, 200, renamed);
  org_after = listed (srv, center, id, "org.name");
  g_assert_cmpstr (org_after, !=, org_before);
  g_assert_cmpstr (org_after, ==, "银盆岭新社区");

  updated = anju_test_item_request (srv, community, "PATCH", APPLICATIONS, id, NULL,
                                    "{\"applicant_name\":\"韩梅梅\"}", &status);
  anju_assert_status (status, 200, updated);
  name_after = listed (srv, center, id, "applicant_name");
  g_assert_cmpstr (name_after, ==, "韩梅梅");
}

/* PATCH replaces the members; a draft may be deleted. */
static void
test_update_delete (AnjuTestFixture *fixture,
                    gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *community = anju_test_login_demo (srv, "community_ypl");
  g_autofree char *id_no = anju_app_test_id ("19700101", "111");
  g_autofree char *child = anju_app_test_id ("20100101", "112");
  g_autofree char *body = anju_app_test_body ("open_subsidy", "冯军", id_no, "");
  g_autofree char *patch = g_strdup_printf ("{\"household_size\":2,\"members\":[{\"relation\":\"self\","
                                            "\"ethnicity\":\"han\",\"marital_status\":\"divorced\"},"
                                            "{\"relation\":\"child\",\"name\":\"冯小军\","
                                            "\"id_no\":\"%s\"}]}", child);
  gint64 id = anju_app_test_create (srv, community, body);
  g_autoptr(JsonNode) updated = NULL;
  g_autoptr(JsonNode) gone = NULL;
  g_autoptr(JsonNode) codes = NULL;
  g_autofree char *changes = NULL;
  guint status = 0;

  updated = anju_test_item_request (srv, community, "PATCH", APPLICATIONS, id, NULL, patch,
                                    &status);
  anju_assert_status (status, 200, updated);
  g_assert_cmpuint (anju_test_json_length (updated, "members"), ==, 2);
  g_assert_cmpstr (anju_test_json_string (updated, "members.0.id_no"), ==, id_no);
  g_assert_cmpstr (anju_test_json_string (updated, "members.0.gender"), ==, "male");
  g_assert_cmpstr (anju_test_json_string (updated, "members.1.gender"), ==, "female");
  g_assert_cmpstr (anju_test_json_string (updated, "members.1.birth_date"), ==, "2010-01-01");
  g_assert_true (g_str_has_suffix (anju_test_json_string (updated, "members.1.member_no"), "-02"));
  g_assert_cmpint (anju_test_audit_count (srv, "pubrent.application.update", id), ==, 1);
  changes = anju_test_db_query (srv, "SELECT COUNT(*) FROM pubrent_application_changes");
  g_assert_cmpstr (changes, ==, "2");

  /* The applicant's phone and name follow into members[0]. */
  g_clear_pointer (&updated, json_node_unref);
  updated = anju_test_item_request (srv, community, "PATCH", APPLICATIONS, id, NULL,
                                    "{\"phone\":\"13900001111\",\"applicant_name\":\"冯俊\"}",
                                    &status);
  anju_assert_status (status, 200, updated);
  g_assert_cmpstr (anju_test_json_string (updated, "members.0.phone"), ==, "13900001111");
  g_assert_cmpstr (anju_test_json_string (updated, "members.0.name"), ==, "冯俊");
  g_assert_cmpuint (anju_test_json_length (updated, "members"), ==, 2);

  gone = anju_test_item_request (srv, community, "DELETE", APPLICATIONS, id, NULL, NULL, &status);
  g_assert_cmpuint (status, ==, SOUP_STATUS_NO_CONTENT);
  g_clear_pointer (&gone, json_node_unref);
  gone = anju_app_test_get (srv, community, id, &status);
  anju_assert_error (status, gone, 404, "not_found");

  codes = anju_test_request (srv, community, "GET", "/api/v1/pubrent/codes", NULL, &status);
  anju_assert_status (status, 200, codes);
  g_assert_cmpuint (anju_test_json_length (codes, "ethnicity"), >=, 56);
  g_assert_cmpint (anju_test_json_find (codes, "ethnicity", "name", "汉族"), ==, 0);
  g_assert_cmpint (anju_test_json_find (codes, "id_doc_type", "code", "resident_id"), >=, 0);
  g_assert_cmpint (anju_test_json_find (codes, "file_category", "code", "no_housing"), >=, 0);
}

/* Materials: link, classify, refuse other types; readers of the
 * application read them. */
static void
test_materials (AnjuTestFixture *fixture,
                gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *community = anju_test_login_demo (srv, "community_ypl");
  g_autofree char *street = anju_test_login_demo (srv, "street_ypl");
  g_autofree char *other_street = anju_test_login_demo (srv, "street_wyh");
  g_autofree char *id_no = anju_app_test_id ("19650101", "131");
  g_autofree char *body = anju_app_test_body ("open_subsidy", "陈红", id_no, "");
  gint64 id = anju_app_test_create (srv, community, body);
  gint64 pdf = anju_test_upload_ok (srv, community, "户口簿.pdf", ANJU_SAMPLE_PDF, "a");
  gint64 xlsx = anju_test_upload_ok (srv, community, "表格.xlsx", ANJU_SAMPLE_XLSX, "b");
  gint64 foreign = anju_test_upload_ok (srv, street, "他人.pdf", ANJU_SAMPLE_PDF, "c");
  g_autofree char *link = g_strdup_printf ("{\"file_id\":%" G_GINT64_FORMAT ",\"category\":\"hukou\"}", pdf);
  g_autofree char *link_xlsx = g_strdup_printf ("{\"file_id\":%" G_GINT64_FORMAT ",\"category\":\"income\"}", xlsx);
  g_autofree char *link_foreign = g_strdup_printf ("{\"file_id\":%" G_GINT64_FORMAT ",\"category\":\"other\"}", foreign);
  g_autofree char *file_path = g_strdup_printf ("/api/v1/files/%" G_GINT64_FORMAT, pdf);
  g_autofree char *material = g_strdup_printf (APPLICATIONS "/%" G_GINT64_FORMAT "/files/%" G_GINT64_FORMAT, id, pdf);
  g_autofree char *files = g_strdup_printf (APPLICATIONS "/%" G_GINT64_FORMAT "/files", id);
  g_autoptr(JsonNode) added = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(JsonNode) wrong_type = NULL;
  g_autoptr(JsonNode) not_mine = NULL;
  g_autoptr(JsonNode) classified = NULL;
  g_autoptr(JsonNode) listed = NULL;
  g_autoptr(JsonNode) read = NULL;
  g_autoptr(JsonNode) hidden = NULL;
  guint status = 0;

  added = anju_test_request (srv, community, "POST", files, link, &status);
  anju_assert_status (status, SOUP_STATUS_CREATED, added);
  g_assert_cmpstr (anju_test_json_string (added, "category"), ==, "hukou");
  g_assert_cmpstr (anju_test_json_string (added, "name"), ==, "户口簿.pdf");
  g_assert_false (anju_test_json_bool (added, "archived"));
  again = anju_test_request (srv, community, "POST", files, link, &status);
  anju_assert_error (status, again, 409, "conflict");
  wrong_type = anju_test_request (srv, community, "POST", files, link_xlsx, &status);
  assert_field_error (wrong_type, status, "file_id");
  not_mine = anju_test_request (srv, community, "POST", files, link_foreign, &status);
  assert_field_error (not_mine, status, "file_id");

  classified = anju_test_request (srv, community, "PATCH", material,
                                  "{\"category\":\"income\",\"note\":\"2025年收入\"}", &status);
  anju_assert_status (status, 200, classified);
  g_assert_cmpstr (anju_test_json_string (classified, "category"), ==, "income");
  g_assert_cmpstr (anju_test_json_string (classified, "note"), ==, "2025年收入");
  g_assert_cmpint (anju_test_audit_count (srv, "pubrent.application_file.update", pdf), ==, 1);
  listed = anju_test_request (srv, street, "GET", files, NULL, &status);
  anju_assert_status (status, 200, listed);
  g_assert_cmpuint (anju_test_json_length (listed, "items"), ==, 1);

  /* Readers of the application read its files; others do not. */
  read = anju_test_request (srv, street, "GET", file_path, NULL, &status);
  anju_assert_status (status, 200, read);
  hidden = anju_test_request (srv, other_street, "GET", file_path, NULL, &status);
  anju_assert_error (status, hidden, 404, "not_found");
}

/* A body that passes every pre-review rule: Changsha hukou for 5 years. */
static char *
eligible_body (const char *business_type,
               const char *name,
               const char *id_no)
{
  return anju_app_test_body (business_type, name, id_no,
                             ",\"members\":[{\"relation\":\"self\",\"hukou_years\":5}]");
}

static JsonNode *
submit (AnjuTestServer *srv,
        const char     *token,
        gint64          id,
        guint          *out_status)
{
  return anju_test_item_request (srv, token, "POST", APPLICATIONS, id, "submit", NULL, out_status);
}

/* Submitting validates the whole, pre-reviews, stores the report and
 * starts the review process: GET shows it with its step. */
static void
test_submit (AnjuTestFixture *fixture,
             gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *community = anju_test_login_demo (srv, "community_ypl");
  g_autofree char *id_no = anju_app_test_id ("19860606", "661");
  g_autofree char *body = eligible_body ("open_physical", "何平", id_no);
  gint64 id = anju_app_test_create (srv, community, body);
  g_autoptr(JsonNode) submitted = NULL;
  g_autoptr(JsonNode) shown = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(JsonNode) frozen = NULL;
  g_autoptr(JsonNode) instance = NULL;
  g_autofree char *instance_path = NULL;
  guint status = 0;

  submitted = submit (srv, community, id, &status);
  anju_assert_status (status, 200, submitted);
  g_assert_cmpstr (anju_test_json_string (submitted, "status"), ==, "street_review");
  g_assert_true (anju_test_json_bool (submitted, "prereview.passed"));
  g_assert_cmpuint (anju_test_json_length (submitted, "prereview.checks"), >=, 1);
  g_assert_false (anju_test_json_is_null (submitted, "submitted_at"));
  g_assert_cmpint (anju_test_audit_count (srv, "pubrent.application.submit", id), ==, 1);

  shown = anju_app_test_get (srv, community, id, &status);
  anju_assert_status (status, 200, shown);
  g_assert_false (anju_test_json_is_null (shown, "process"));
  g_assert_cmpstr (anju_test_json_string (shown, "process.state"), ==, "running");
  g_assert_nonnull (anju_test_json_string (shown, "process.step_key"));
  g_assert_nonnull (anju_test_json_string (shown, "process.step_name"));
  instance_path = g_strdup_printf ("/api/v1/workflow/instances/%" G_GINT64_FORMAT,
                                   anju_test_json_int (shown, "process.instance_id"));
  instance = anju_test_request (srv, community, "GET", instance_path, NULL, &status);
  anju_assert_status (status, 200, instance);
  g_assert_true (g_str_has_prefix (anju_test_json_string (instance, "record_label"), "公租房申请 GZF-"));
  g_assert_true (g_str_has_suffix (anju_test_json_string (instance, "record_label"), "何*"));
  g_assert_false (anju_test_json_bool (instance, "fields.directed"));

  /* Under review: neither resubmitted nor edited. */
  again = submit (srv, community, id, &status);
  anju_assert_error (status, again, 409, "conflict");
  frozen = anju_test_item_request (srv, community, "PATCH", APPLICATIONS, id, NULL,
                                   "{\"hukou_room\":\"302\"}", &status);
  anju_assert_error (status, frozen, 409, "conflict");
}

/* Submission checks the whole: what the business type requires and a
 * household size equal to the members listed. */
static void
test_submit_incomplete (AnjuTestFixture *fixture,
                        gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *community = anju_test_login_demo (srv, "community_ypl");
  g_autofree char *id_no = anju_app_test_id ("19870707", "771");
  g_autofree char *body = g_strdup_printf ("{\"business_type\":\"open_physical\","
                                           "\"applicant_name\":\"邓超\",\"id_no\":\"%s\","
                                           "\"phone\":\"13912345678\",\"household_size\":2,"
                                           "\"hukou_county_code\":\"430104\","
                                           "\"annual_income_per_capita\":\"20000.00\"}", id_no);
  gint64 id = anju_app_test_create (srv, community, body);
  g_autoptr(JsonNode) refused = NULL;
  g_autoptr(JsonNode) shown = NULL;
  guint status = 0;

  refused = submit (srv, community, id, &status);
  assert_field_error (refused, status, "household_size");
  assert_field_error (refused, status, "annual_income_total");
  assert_field_error (refused, status, "floor_area_per_capita");
  assert_field_error (refused, status, "floor_area_total");
  shown = anju_app_test_get (srv, community, id, &status);
  g_assert_cmpstr (anju_test_json_string (shown, "status"), ==, "draft");
  g_assert_cmpint (anju_test_audit_count (srv, "pubrent.application.submit", id), ==, 0);
}

/* A failed pre-review goes back, tells the submitter and the applicant;
 * after an edit the application is submitted again and passes. */
static void
test_prereview_failed_resubmit (AnjuTestFixture *fixture,
                                gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *community = anju_test_login_demo (srv, "community_ypl");
  g_autofree char *id_no = anju_app_test_id ("19880808", "881");
  g_autofree char *body = anju_app_test_body ("open_subsidy", "韩梅", id_no, "");
  gint64 id = anju_app_test_create (srv, community, body);
  g_autoptr(JsonNode) failed = NULL;
  g_autoptr(JsonNode) inbox = NULL;
  g_autoptr(JsonNode) edited = NULL;
  g_autoptr(JsonNode) passed = NULL;
  g_autofree char *sms = NULL;
  guint status = 0;

  failed = submit (srv, community, id, &status);
  anju_assert_status (status, 200, failed);
  g_assert_cmpstr (anju_test_json_string (failed, "status"), ==, "prereview_failed");
  g_assert_false (anju_test_json_bool (failed, "prereview.passed"));
  g_assert_true (anju_test_json_is_null (failed, "process"));
  inbox = anju_test_list_page (srv, community, "/api/v1/messages",
                               "event=pubrent.application.prereview_failed");
  g_assert_cmpint (anju_test_json_int (inbox, "total"), ==, 1);
  g_assert_nonnull (strstr (anju_test_json_string (inbox, "items.0.title"),
                            anju_test_json_string (failed, "application_no")));
  sms = anju_test_db_query (srv, "SELECT COUNT(*) FROM sms_outbox"
                                 " WHERE event = 'pubrent.application.prereview_failed'"
                                 " AND phone = '13812345678'");
  g_assert_cmpstr (sms, ==, "1");

  edited = anju_test_item_request (srv, community, "PATCH", APPLICATIONS, id, NULL,
                                   "{\"members\":[{\"relation\":\"self\",\"hukou_years\":4}]}",
                                   &status);
  anju_assert_status (status, 200, edited);
  passed = submit (srv, community, id, &status);
  anju_assert_status (status, 200, passed);
  g_assert_cmpstr (anju_test_json_string (passed, "status"), ==, "street_review");
  g_assert_true (anju_test_json_bool (passed, "prereview.passed"));
  g_assert_cmpint (anju_test_audit_count (srv, "pubrent.application.submit", id), ==, 2);
}

/* A failed application is abandoned: closed, its materials archived,
 * immutable and still readable. */
static void
test_abandon (AnjuTestFixture *fixture,
              gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *community = anju_test_login_demo (srv, "community_ypl");
  g_autofree char *id_no = anju_app_test_id ("19890909", "991");
  g_autofree char *body = anju_app_test_body ("open_subsidy", "曹操", id_no, "");
  gint64 id = anju_app_test_create (srv, community, body);
  gint64 pdf = anju_test_upload_ok (srv, community, "收入证明.pdf", ANJU_SAMPLE_PDF, "z");
  g_autofree char *link = g_strdup_printf ("{\"file_id\":%" G_GINT64_FORMAT ",\"category\":\"income\"}", pdf);
  g_autofree char *files = g_strdup_printf (APPLICATIONS "/%" G_GINT64_FORMAT "/files", id);
  g_autofree char *material = g_strdup_printf ("%s/%" G_GINT64_FORMAT, files, pdf);
  g_autofree char *content = g_strdup_printf ("/api/v1/files/%" G_GINT64_FORMAT "/content", pdf);
  g_autoptr(JsonNode) added = NULL;
  g_autoptr(JsonNode) early = NULL;
  g_autoptr(JsonNode) failed = NULL;
  g_autoptr(JsonNode) closed = NULL;
  g_autoptr(JsonNode) immutable = NULL;
  g_autoptr(JsonNode) gone = NULL;
  g_autoptr(JsonNode) listed = NULL;
  g_autoptr(AnjuTestDownload) download = NULL;
  guint status = 0;

  added = anju_test_request (srv, community, "POST", files, link, &status);
  anju_assert_status (status, SOUP_STATUS_CREATED, added);
  early = anju_test_item_request (srv, community, "POST", APPLICATIONS, id, "abandon",
                                  "{\"reason\":\"申请人放弃\"}", &status);
  anju_assert_error (status, early, 409, "conflict");
  failed = submit (srv, community, id, &status);
  g_assert_cmpstr (anju_test_json_string (failed, "status"), ==, "prereview_failed");
  closed = anju_test_item_request (srv, community, "POST", APPLICATIONS, id, "abandon",
                                   "{\"reason\":\"申请人放弃\"}", &status);
  anju_assert_status (status, 200, closed);
  g_assert_cmpstr (anju_test_json_string (closed, "status"), ==, "closed");
  g_assert_false (anju_test_json_is_null (closed, "decided_at"));
  g_assert_true (anju_test_json_bool (closed, "files.0.archived"));
  g_assert_cmpint (anju_test_audit_count (srv, "pubrent.application.abandon", id), ==, 1);

  immutable = anju_test_request (srv, community, "PATCH", material, "{\"category\":\"other\"}",
                                 &status);
  anju_assert_error (status, immutable, 409, "conflict");
  gone = anju_test_request (srv, community, "DELETE", material, NULL, &status);
  anju_assert_error (status, gone, 409, "conflict");
  listed = anju_test_request (srv, community, "GET", files, NULL, &status);
  g_assert_cmpuint (anju_test_json_length (listed, "items"), ==, 1);
  download = anju_test_download (srv, community, content);
  g_assert_cmpuint (download->status, ==, 200);

  /* A closed application no longer holds its people. */
  anju_app_test_create (srv, community, body);
}

/* A confirmed qualification or a lease on record blocks a new
 * application, naming it. */
static void
test_confirmed_or_leased (AnjuTestFixture *fixture,
                          gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *community = anju_test_login_demo (srv, "community_ypl");
  g_autofree char *confirmed_id = anju_app_test_id ("19600101", "101");
  g_autofree char *leased_id = anju_app_test_id ("19610101", "103");
  g_autofree char *first = anju_app_test_body ("open_physical", "甲", confirmed_id, "");
  g_autofree char *leased = anju_app_test_body ("open_physical", "乙", leased_id, "");
  g_autofree char *confirm = NULL;
  g_autofree char *lease = NULL;
  g_autoptr(JsonNode) refused = NULL;
  g_autoptr(JsonNode) refused_lease = NULL;
  guint status = 0;
  gint64 id = anju_app_test_create (srv, community, first);

  /* What the review's announcement sweep does at the end. */
  confirm = g_strdup_printf ("UPDATE pubrent_applications SET status = 'confirmed'"
                             " WHERE id = %" G_GINT64_FORMAT, id);
  g_free (anju_test_db_query (srv, confirm));
  refused = anju_test_request (srv, community, "POST", APPLICATIONS, first, &status);
  anju_assert_error (status, refused, 409, "conflict");
  g_assert_nonnull (strstr (anju_test_json_string (refused, "error.message"), "members[0].id_no"));

  lease = g_strdup_printf ("INSERT INTO pubrent_external_records (id_no, name, kind, data,"
                           " imported_at) VALUES ('%s', '乙', 'lease', '岳麓区某小区3栋', 0)",
                           leased_id);
  g_free (anju_test_db_query (srv, lease));
  refused_lease = anju_test_request (srv, community, "POST", APPLICATIONS, leased, &status);
  anju_assert_error (status, refused_lease, 409, "conflict");
  g_assert_nonnull (strstr (anju_test_json_string (refused_lease, "error.message"), "岳麓区某小区3栋"));
}

/* A directed application skips the street: center review. */
static void
test_submit_directed (AnjuTestFixture *fixture,
                      gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *employer = anju_test_login_demo (srv, "employer");
  g_autofree char *id_no = anju_app_test_id ("19920202", "223");
  g_autofree char *body = eligible_body ("directed_subsidy", "黄磊", id_no);
  gint64 id = anju_app_test_create (srv, employer, body);
  g_autoptr(JsonNode) submitted = NULL;
  guint status = 0;

  submitted = submit (srv, employer, id, &status);
  anju_assert_status (status, 200, submitted);
  g_assert_cmpstr (anju_test_json_string (submitted, "status"), ==, "center_review");
  g_assert_cmpstr (anju_test_json_string (submitted, "process.state"), ==, "running");
}

int
main (int   argc,
      char *argv[])
{
  anju_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/pubrent/applications/" path, AnjuTestFixture, NULL, \
              anju_app_test_set_up, func, anju_test_fixture_tear_down)
  ADD ("F-PRH-003/create-per-type", test_create_per_type);
  ADD ("F-PRH-002/business-type-by-organisation", test_business_type_by_org);
  ADD ("F-PRH-007/validation", test_validation);
  ADD ("F-PRH-007/duplicate-member", test_duplicate_member);
  ADD ("F-PRH-003/scope", test_scope);
  ADD ("F-PRH-007/masking", test_masking);
  ADD ("F-PRH-014/list-follows-commits", test_list_follows_commits);
  ADD ("F-PRH-007/update-delete-codes", test_update_delete);
  ADD ("F-PRH-004/materials", test_materials);
  ADD ("F-PRH-008/submit", test_submit);
  ADD ("F-PRH-008/submit-incomplete", test_submit_incomplete);
  ADD ("F-PRH-008/prereview-failed-resubmit", test_prereview_failed_resubmit);
  ADD ("F-PRH-004/abandon-archives", test_abandon);
  ADD ("F-PRH-007/confirmed-or-leased", test_confirmed_or_leased);
  ADD ("F-PRH-002/submit-directed", test_submit_directed);
#undef ADD

  return g_test_run ();
}
