/* test-kiosk-apply-logic.c: the rules of the kiosk's application flow and
 * staff mode without a display: the Application a draft becomes, where a
 * server error sends the citizen, the code dictionary, the receipt's
 * lines and the QR text (F-TERM-009, F-TERM-010).
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "anju-kiosk-apply-draft.h"
#include "anju-kiosk-codes.h"
#include "anju-kiosk-receipt.h"
#include "anju-kiosk-staff-screen.h"
#include "anju-test-json.h"

static JsonObject *
make_codes (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser,
                              "{\"gender\": [{\"code\": \"male\", \"name\": \"男\", \"seed_code\": \"1\"},"
                              "              {\"code\": \"female\", \"name\": \"女\", \"seed_code\": \"2\"}],"
                              " \"ethnicity\": [{\"code\": \"han\", \"name\": \"汉族\", \"seed_code\": \"01\"}],"
                              " \"relation\": [{\"code\": \"self\", \"name\": \"本人\", \"seed_code\": \"1\"},"
                              "                {\"code\": \"spouse\", \"name\": \"配偶\", \"seed_code\": \"2\"},"
                              "                {\"code\": \"child\", \"name\": \"子女\", \"seed_code\": \"3\"}]}",
                              -1, &error);
  g_assert_no_error (error);

  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static AnjuIdCard *
make_card (const char *name,
           const char *id_no,
           const char *sex)
{
  AnjuIdCard *card = anju_id_card_new ();

  card->name = g_strdup (name);
  card->id_no = g_strdup (id_no);
  card->sex = g_strdup (sex);
  card->nation_code = g_strdup ("01");
  card->nation = g_strdup ("汉");
  card->birth_date = g_strdup ("1990-03-07");
  card->address = g_strdup ("湖南省长沙市岳麓区银盆岭街道1号");

  return card;
}

/* F-TERM-009: the household, the totals and the applicant as member 0. */
static void
test_draft_to_json (void)
{
  g_autoptr(JsonObject) codes = make_codes ();
  g_autoptr(AnjuIdCard) card = make_card ("李娜", "430104199003070025", "2");
  g_autoptr(AnjuIdCard) child = make_card ("李小明", "430104201506010011", "1");
  g_autoptr(AnjuKioskApplyDraft) draft = anju_kiosk_apply_draft_new ();
  g_autoptr(JsonNode) json = NULL;

  draft->business_type = g_strdup ("open_physical");
  draft->applicant = anju_kiosk_member_new_from_card (card, "self", codes);
  draft->phone = g_strdup ("13874810123");
  draft->hukou_county_code = g_strdup ("430104");
  draft->income_per_capita = g_strdup ("30000.50");
  draft->area_per_capita = g_strdup ("10");
  draft->marital_status = g_strdup ("married");
  g_ptr_array_add (draft->members, anju_kiosk_member_new_from_card (child, "child", codes));

  g_assert_true (anju_kiosk_apply_draft_has_person (draft, "430104201506010011"));
  g_assert_false (anju_kiosk_apply_draft_has_person (draft, "11010519491231002X"));
  g_assert_cmpuint (anju_kiosk_apply_draft_household_size (draft), ==, 2);

  json = anju_kiosk_apply_draft_to_json (draft);
  g_assert_cmpstr (anju_test_json_string (json, "business_type"), ==, "open_physical");
  g_assert_cmpstr (anju_test_json_string (json, "applicant_name"), ==, "李娜");
  g_assert_cmpstr (anju_test_json_string (json, "id_no"), ==, "430104199003070025");
  g_assert_cmpint (anju_test_json_int (json, "household_size"), ==, 2);
  g_assert_cmpstr (anju_test_json_string (json, "annual_income_total"), ==, "60001.00");
  g_assert_cmpstr (anju_test_json_string (json, "floor_area_total"), ==, "20.00");
  g_assert_cmpuint (anju_test_json_length (json, "members"), ==, 2);
  g_assert_cmpstr (anju_test_json_string (json, "members.0.relation"), ==, "self");
  g_assert_cmpstr (anju_test_json_string (json, "members.0.gender"), ==, "female");
  g_assert_cmpstr (anju_test_json_string (json, "members.0.ethnicity"), ==, "han");
  g_assert_cmpstr (anju_test_json_string (json, "members.0.phone"), ==, "13874810123");
  g_assert_cmpstr (anju_test_json_string (json, "members.0.marital_status"), ==, "married");
  g_assert_cmpstr (anju_test_json_string (json, "members.1.relation"), ==, "child");
  g_assert_cmpstr (anju_test_json_string (json, "members.1.gender"), ==, "male");
  g_assert_false (anju_test_json_has (json, "members.1.phone"));
}

/* A subsidy asks for no income or floor area. */
static void
test_draft_subsidy (void)
{
  g_autoptr(AnjuKioskApplyDraft) draft = anju_kiosk_apply_draft_new ();
  g_autoptr(JsonNode) json = NULL;

  draft->business_type = g_strdup ("open_subsidy");
  draft->income_per_capita = g_strdup ("30000.00");
  json = anju_kiosk_apply_draft_to_json (draft);

  g_assert_false (anju_test_json_has (json, "annual_income_per_capita"));
  g_assert_false (anju_test_json_has (json, "annual_income_total"));
  g_assert_cmpint (anju_test_json_int (json, "household_size"), ==, 0);
}

/* F-TERM-009: server field errors go back to the step holding them. */
static void
test_step_for_field (void)
{
  g_assert_cmpint (anju_kiosk_apply_step_for_field ("business_type"), ==, ANJU_KIOSK_APPLY_STEP_TYPE);
  g_assert_cmpint (anju_kiosk_apply_step_for_field ("id_no"), ==, ANJU_KIOSK_APPLY_STEP_CARD);
  g_assert_cmpint (anju_kiosk_apply_step_for_field ("phone"), ==, ANJU_KIOSK_APPLY_STEP_DETAILS);
  g_assert_cmpint (anju_kiosk_apply_step_for_field ("floor_area_total"), ==,
                   ANJU_KIOSK_APPLY_STEP_DETAILS);
  g_assert_cmpint (anju_kiosk_apply_step_for_field ("household_size"), ==,
                   ANJU_KIOSK_APPLY_STEP_MEMBERS);
  g_assert_cmpint (anju_kiosk_apply_step_for_field ("members[0].id_no"), ==,
                   ANJU_KIOSK_APPLY_STEP_CARD);
  g_assert_cmpint (anju_kiosk_apply_step_for_field ("members[0].marital_status"), ==,
                   ANJU_KIOSK_APPLY_STEP_DETAILS);
  g_assert_cmpint (anju_kiosk_apply_step_for_field ("members[1].id_no"), ==,
                   ANJU_KIOSK_APPLY_STEP_MEMBERS);
  g_assert_cmpint (anju_kiosk_apply_step_for_field ("members[12].name"), ==,
                   ANJU_KIOSK_APPLY_STEP_MEMBERS);
  g_assert_cmpint (anju_kiosk_apply_step_for_field ("agent_name"), ==, ANJU_KIOSK_APPLY_STEP_REVIEW);
}

static void
test_codes (void)
{
  g_autoptr(JsonObject) codes = make_codes ();
  g_autoptr(GtkStringList) relations = anju_kiosk_codes_names (codes, "relation", "self");

  g_assert_cmpstr (anju_kiosk_codes_find_by_seed (codes, "gender", "2"), ==, "female");
  g_assert_null (anju_kiosk_codes_find_by_seed (codes, "gender", "9"));
  g_assert_null (anju_kiosk_codes_find_by_seed (NULL, "gender", "1"));
  g_assert_cmpstr (anju_kiosk_codes_get_name (codes, "relation", "spouse"), ==, "配偶");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (relations)), ==, 2);
  g_assert_cmpstr (gtk_string_list_get_string (relations, 1), ==, "子女");
  g_assert_cmpstr (anju_kiosk_codes_code_of_position (codes, "relation", "self", 1), ==, "child");
  g_assert_null (anju_kiosk_codes_code_of_position (codes, "relation", "self", 2));
  g_assert_cmpuint (anju_kiosk_counties_get_n (), >, 0);
  g_assert_cmpstr (anju_kiosk_counties_get_code (0), ==, "430104");
}

/* The receipt never shows the whole name. */
static void
test_receipt_lines (void)
{
  g_auto(GStrv) lines = anju_kiosk_receipt_lines ("GZF-2026-000123", "王秀芳", "非定向实物配租",
                                                  "2026-11-29 17:00", "银盆岭街道服务终端");
  g_autofree char *text = g_strjoinv ("\n", lines);

  g_assert_nonnull (strstr (text, "GZF-2026-000123"));
  g_assert_nonnull (strstr (text, "王**"));
  g_assert_null (strstr (text, "王秀芳"));
  g_assert_nonnull (strstr (text, "银盆岭街道服务终端"));
  g_assert_nonnull (strstr (text, "2026-11-29 17:00"));
  g_assert_cmpuint (g_strv_length (lines), ==, 6);
}

/* F-TERM-010: what a receipt's code says. */
static void
test_parse_qr (void)
{
  g_autofree char *number = anju_kiosk_staff_parse_qr ("anju:pubrent-application:GZF-2026-000123");

  g_assert_cmpstr (number, ==, "GZF-2026-000123");
  g_assert_null (anju_kiosk_staff_parse_qr ("anju:pubrent-application:"));
  g_assert_null (anju_kiosk_staff_parse_qr ("https://example.com/GZF-2026-000123"));
  g_assert_null (anju_kiosk_staff_parse_qr ("anju:pubrent-application:GZF 1"));
  g_assert_null (anju_kiosk_staff_parse_qr (NULL));
}

static void
test_wipe_bytes (void)
{
  GBytes *bytes = g_bytes_new_take (g_strdup ("secret"), 6);

  anju_kiosk_wipe_bytes (&bytes);
  g_assert_null (bytes);
  anju_kiosk_wipe_bytes (&bytes);

  bytes = g_bytes_new (NULL, 0);
  anju_kiosk_wipe_bytes (&bytes);
  g_assert_null (bytes);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kiosk/apply/F-TERM-009/draft-json", test_draft_to_json);
  g_test_add_func ("/kiosk/apply/F-TERM-009/draft-subsidy", test_draft_subsidy);
  g_test_add_func ("/kiosk/apply/F-TERM-009/step-for-field", test_step_for_field);
  g_test_add_func ("/kiosk/apply/F-TERM-005/codes", test_codes);
  g_test_add_func ("/kiosk/apply/F-TERM-009/receipt-lines", test_receipt_lines);
  g_test_add_func ("/kiosk/staff/F-TERM-010/parse-qr", test_parse_qr);
  g_test_add_func ("/kiosk/apply/F-TERM-006/wipe-bytes", test_wipe_bytes);

  return g_test_run ();
}
