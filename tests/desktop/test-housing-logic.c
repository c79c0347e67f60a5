/* test-housing-logic.c: what the housing pages decide on their own,
 * without the server or a display.
 *
 *   the words for project, unit, layout and abnormal codes  F-PRH-011, 012
 *   rents and areas as people read them                      F-PRH-012
 *   a unit's change log entry as lines of old → new          F-PRH-012
 *   the file type of an import, the request of an export     F-PRH-012
 */
#include "config.h"

#include "anju-housing-export.h"
#include "anju-housing-labels.h"
#include "anju-unit-import-dialog.h"

static void
assert_every_code_labelled (const char * const *codes,
                            const char *      (*label) (const char *code),
                            guint               n_codes)
{
  g_assert_cmpuint (g_strv_length ((char **) codes), ==, n_codes);
  for (const char * const *code = codes; *code != NULL; code++)
    {
      g_assert_nonnull (label (*code));
      g_assert_cmpstr (label (*code), !=, *code);
    }
}

static void
test_labels (void)
{
  assert_every_code_labelled (anju_project_status_codes (), anju_project_status_label, 4);
  assert_every_code_labelled (anju_unit_state_codes (), anju_unit_state_label, 3);
  assert_every_code_labelled (anju_unit_layout_codes (), anju_unit_layout_label, 4);
  assert_every_code_labelled (anju_abnormal_kind_codes (), anju_abnormal_kind_label, 3);

  g_assert_cmpstr (anju_unit_state_label ("allocated"), ==, "Allocated");
  g_assert_cmpstr (anju_unit_layout_label ("two_bedroom"), ==, "Two bedrooms");
  g_assert_cmpstr (anju_abnormal_kind_label ("needs_repair"), ==, "Needs repair");
  g_assert_cmpstr (anju_project_status_label ("building"), ==, "Under construction");
  g_assert_cmpstr (anju_unit_field_label ("monthly_rent"), ==, "Monthly rent");

  /* The log may name actions by their audit verb or a short one. */
  g_assert_cmpstr (anju_unit_change_action_label ("abnormal_mark"), ==, "Marked abnormal");
  g_assert_cmpstr (anju_unit_change_action_label ("abnormal_unmark"), ==, "Abnormal mark cleared");
  g_assert_cmpstr (anju_unit_change_action_label ("state_change"), ==, "State changed");
  g_assert_cmpstr (anju_unit_change_action_label ("pubrent.unit.abnormal_mark"), ==, "Marked abnormal");
  g_assert_cmpstr (anju_unit_change_action_label ("abnormal.clear"), ==, "Abnormal mark cleared");
  g_assert_cmpstr (anju_unit_change_action_label ("update"), ==, "Changed");

  /* A code from a newer server is shown as it came, never as nothing. */
  g_assert_cmpstr (anju_unit_state_label ("demolished"), ==, "demolished");
  g_assert_cmpstr (anju_unit_field_label ("heating"), ==, "heating");
  g_assert_cmpstr (anju_unit_change_action_label ("pubrent.unit.merge"), ==, "pubrent.unit.merge");
  g_assert_null (anju_unit_layout_label (NULL));
}

static void
assert_formatted (char       *formatted,
                  const char *expected)
{
  g_assert_cmpstr (formatted, ==, expected);
  g_free (formatted);
}

static void
test_numbers (void)
{
  assert_formatted (anju_housing_format_rent ("1250.00"), "¥1,250.00");
  assert_formatted (anju_housing_format_rent ("980.5"), "¥980.50");
  assert_formatted (anju_housing_format_area ("65.50"), "65.50 m²");
  assert_formatted (anju_housing_format_area ("1234"), "1,234.00 m²");
  /* What is no number stays as it came; nothing stays nothing. */
  assert_formatted (anju_housing_format_rent ("面议"), "面议");
  g_assert_null (anju_housing_format_area (NULL));
}

static JsonNode *
parse (const char *json)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (json, &error);

  g_assert_no_error (error);
  return node;
}

static void
assert_value_text (const char *member,
                   const char *json,
                   const char *expected)
{
  g_autoptr(JsonNode) value = json != NULL ? parse (json) : NULL;

  assert_formatted (anju_unit_value_text (member, value), expected);
}

static void
test_values (void)
{
  /* The API's decimal strings and the stored integers read alike. */
  assert_value_text ("monthly_rent", "\"1250.00\"", "¥1,250.00");
  assert_value_text ("monthly_rent", "125000", "¥1,250.00");
  assert_value_text ("floor_area", "6550", "65.50 m²");
  assert_value_text ("inner_area", "\"52.30\"", "52.30 m²");
  assert_value_text ("state", "\"leased\"", "Leased");
  assert_value_text ("layout", "\"studio\"", "Studio");
  assert_value_text ("abnormal_kind", "\"long_vacancy\"", "Long vacancy");
  assert_value_text ("floor", "7", "7");
  assert_value_text ("abnormal", "true", "Yes");
  assert_value_text ("abnormal", "{\"kind\":\"needs_repair\",\"reason\":\"卫生间漏水\"}", "Needs repair: 卫生间漏水");
  assert_value_text ("building", "{\"id\":3,\"name\":\"2栋\"}", "2栋");
  assert_value_text ("facilities", "\"\"", "—");
  assert_value_text ("facilities", "null", "—");
  assert_value_text ("facilities", NULL, "—");
}

static void
assert_described (const char *change_json,
                  const char *expected)
{
  g_autoptr(JsonNode) change = parse (change_json);

  assert_formatted (anju_unit_change_describe (json_node_get_object (change)), expected);
}

static void
test_change_log (void)
{
  /* Only what differs, in the Unit's order whatever the JSON's order,
   * bookkeeping left out, unknown members last by name. */
  assert_described ("{\"action\":\"update\","
                    "\"before\":{\"state\":\"vacant\",\"monthly_rent\":\"1200.00\",\"facilities\":\"空调\","
                    "\"floor\":3,\"heating\":\"无\",\"updated_at\":\"2026-11-01T08:00:00+08:00\"},"
                    "\"after\":{\"state\":\"leased\",\"monthly_rent\":\"1250.00\",\"facilities\":null,"
                    "\"floor\":3,\"heating\":\"地暖\",\"updated_at\":\"2026-11-29T08:00:00+08:00\"}}",
                    "Monthly rent: ¥1,200.00 → ¥1,250.00\n"
                    "Facilities: 空调 → —\n"
                    "State: Vacant → Leased\n"
                    "heating: 无 → 地暖");

  /* Marking and clearing, whether the log keeps the mark as an object
   * or flat. */
  assert_described ("{\"action\":\"abnormal.mark\",\"before\":{\"abnormal\":null},"
                    "\"after\":{\"abnormal\":{\"kind\":\"long_vacancy\",\"reason\":\"空置超过一年\"}}}",
                    "Abnormal: — → Long vacancy: 空置超过一年");
  assert_described ("{\"action\":\"abnormal.clear\","
                    "\"before\":{\"abnormal\":true,\"abnormal_kind\":\"needs_repair\",\"abnormal_reason\":\"漏水\"},"
                    "\"after\":{\"abnormal\":false,\"abnormal_kind\":null,\"abnormal_reason\":null}}",
                    "Abnormal: Yes → No\n"
                    "Abnormal kind: Needs repair → —\n"
                    "Abnormal reason: 漏水 → —");

  /* A creation has no before; nothing changed says nothing. */
  assert_described ("{\"action\":\"create\",\"after\":{\"unit_no\":\"XQ-1-101\",\"floor_area\":\"65.50\"}}",
                    "Unit no.: — → XQ-1-101\nFloor area: — → 65.50 m²");
  assert_described ("{\"action\":\"update\",\"before\":{\"state\":\"vacant\"},\"after\":{\"state\":\"vacant\"}}", "");
}

static void
test_import_export (void)
{
  g_autoptr(AnjuApiClient) client = anju_api_client_new ("https://127.0.0.1:1", NULL);
  g_autoptr(AnjuPagedModel) units = anju_paged_model_new (client, "/api/v1/pubrent/units", 0);
  static const char * const filters[] = { "project_id", "state", "abnormal", "q", NULL };
  g_autofree char *plain = NULL;
  g_autofree char *filtered = NULL;

  g_assert_cmpstr (anju_unit_import_format_for ("房源.csv"), ==, "csv");
  g_assert_cmpstr (anju_unit_import_format_for ("房源.XLSX"), ==, "xlsx");
  g_assert_null (anju_unit_import_format_for ("房源.xls"));
  g_assert_null (anju_unit_import_format_for (NULL));

  /* An export asks for what the list shows: its filters, no paging. */
  plain = anju_housing_export_path (units, "/api/v1/pubrent/units/export", filters, "xlsx");
  g_assert_cmpstr (plain, ==, "/api/v1/pubrent/units/export?format=xlsx");

  anju_paged_model_set_filter (units, "state", "vacant");
  anju_paged_model_set_filter (units, "q", "1栋 101");
  anju_paged_model_set_filter (units, "layout", "studio");   /* not among the filters asked for */
  filtered = anju_housing_export_path (units, "/api/v1/pubrent/units/export", filters, "csv");
  g_assert_cmpstr (filtered, ==,
                   "/api/v1/pubrent/units/export?format=csv&state=vacant&q=1%E6%A0%8B%20101");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pubrent/housing/labels  F-PRH-011 F-PRH-012", test_labels);
  g_test_add_func ("/pubrent/housing/rents-and-areas  F-PRH-012", test_numbers);
  g_test_add_func ("/pubrent/housing/change-values  F-PRH-012", test_values);
  g_test_add_func ("/pubrent/housing/change-log  F-PRH-012", test_change_log);
  g_test_add_func ("/pubrent/housing/import-export  F-PRH-012", test_import_export);

  return g_test_run ();
}
