/* test-terminals-logic.c: what the terminal pages decide on their own,
 * without the server or a display.
 *
 *   the words for states, peripherals, modules, themes and alerts  F-TERM-001..003
 *   a peripheral state's colour (ok / missing|disabled / error)    F-TERM-003
 *   a terminal's change row as lines of old → new                  F-TERM-001
 *   {"items": […]} answers as list models                          F-TERM-001, 003
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anju-error.h"
#include "anju-record.h"
#include "anju-terminal-labels.h"

static JsonObject *
parse_object (const char *json)
{
  g_autoptr(JsonNode) node = json_from_string (json, NULL);

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_object_ref (json_node_get_object (node));
}

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
  assert_every_code_labelled (anju_terminal_peripheral_kind_codes (), anju_terminal_peripheral_label, 4);
  assert_every_code_labelled (anju_terminal_module_keys (), anju_terminal_module_label, 7);
  assert_every_code_labelled (anju_terminal_theme_codes (), anju_terminal_theme_label, 2);

  g_assert_cmpstr (anju_terminal_module_keys ()[0], ==, "publicity");
  g_assert_cmpstr (anju_terminal_module_keys ()[6], ==, "honor_roll");
  g_assert_cmpstr (anju_terminal_state_label ("disabled"), ==, "Disabled");
  g_assert_cmpstr (anju_terminal_online_label (TRUE), ==, "Online");
  g_assert_cmpstr (anju_terminal_peripheral_label ("id_reader"), ==, "ID card reader");
  g_assert_cmpstr (anju_terminal_alert_kind_label ("terminal_offline"), ==, "Terminal offline");
  g_assert_cmpstr (anju_terminal_alert_state_label ("recovered"), ==, "Recovered");
  g_assert_cmpstr (anju_terminal_theme_label ("high_contrast"), ==, "High contrast");

  /* The change rows carry the bare action; the audit log the prefixed one. */
  g_assert_cmpstr (anju_terminal_change_action_label ("credential.issue"), ==, "Credential issued");
  g_assert_cmpstr (anju_terminal_change_action_label ("terminal.layout.update"), ==, "Home layout changed");

  /* A code this desktop does not know shows as it is, never empty. */
  g_assert_cmpstr (anju_terminal_peripheral_label ("scanner"), ==, "scanner");
  g_assert_cmpstr (anju_terminal_module_label ("queue"), ==, "queue");
}

static void
test_severity (void)
{
  g_assert_cmpint (anju_terminal_peripheral_severity ("ok"), ==, ANJU_TERMINAL_SEVERITY_NORMAL);
  g_assert_cmpint (anju_terminal_peripheral_severity ("missing"), ==, ANJU_TERMINAL_SEVERITY_WARNING);
  g_assert_cmpint (anju_terminal_peripheral_severity ("disabled"), ==, ANJU_TERMINAL_SEVERITY_WARNING);
  g_assert_cmpint (anju_terminal_peripheral_severity ("error"), ==, ANJU_TERMINAL_SEVERITY_ERROR);
  g_assert_cmpint (anju_terminal_peripheral_severity ("smoking"), ==, ANJU_TERMINAL_SEVERITY_WARNING);
  g_assert_cmpint (anju_terminal_peripheral_severity (NULL), ==, ANJU_TERMINAL_SEVERITY_WARNING);

  g_assert_cmpstr (anju_terminal_severity_style (ANJU_TERMINAL_SEVERITY_NORMAL), ==, "success");
  g_assert_cmpstr (anju_terminal_severity_style (ANJU_TERMINAL_SEVERITY_WARNING), ==, "warning");
  g_assert_cmpstr (anju_terminal_severity_style (ANJU_TERMINAL_SEVERITY_ERROR), ==, "error");
  g_assert_cmpstr (anju_terminal_peripheral_state_label ("error"), ==, "Fault");
}

static void
test_change_log (void)
{
  g_autoptr(JsonObject) edit = NULL;
  g_autoptr(JsonObject) create = NULL;
  g_autoptr(JsonObject) layout = NULL;
  g_autoptr(JsonObject) handle = NULL;
  g_autofree char *lines = NULL;

  edit = parse_object ("{\"action\":\"update\","
                       "\"before\":{\"name\":\"银盆岭一号机\",\"location\":\"大厅\",\"network\":null,"
                       "\"org\":{\"id\":3,\"name\":\"银盆岭街道\"},\"updated_at\":\"a\","
                       "\"peripherals\":{\"camera\":{\"enabled\":true,\"model\":\"HK-200\"},"
                       "\"printer\":{\"enabled\":true,\"model\":\"\"}}},"
                       "\"after\":{\"name\":\"银盆岭一号机\",\"location\":\"二楼\",\"network\":\"ypl-wifi\","
                       "\"org\":{\"id\":4,\"name\":\"望月湖街道\"},\"updated_at\":\"b\","
                       "\"peripherals\":{\"camera\":{\"enabled\":false,\"model\":\"HK-200\"},"
                       "\"printer\":{\"enabled\":true,\"model\":\"\"}},\"extra\":7}}");
  lines = anju_terminal_change_describe (edit);
  g_assert_cmpstr (lines, ==,
                   "Street: 银盆岭街道 → 望月湖街道\n"
                   "Location: 大厅 → 二楼\n"
                   "Network: — → ypl-wifi\n"
                   "Peripherals: Camera: on (HK-200); Printer: on → Camera: off (HK-200); Printer: on\n"
                   "extra: — → 7");
  g_clear_pointer (&lines, g_free);

  /* Registering has no "before": every member given is new. */
  create = parse_object ("{\"action\":\"create\",\"before\":null,"
                         "\"after\":{\"sn\":\"AJ-1\",\"state\":\"enabled\"}}");
  lines = anju_terminal_change_describe (create);
  g_assert_cmpstr (lines, ==, "Serial number: — → AJ-1\nState: — → Enabled");
  g_clear_pointer (&lines, g_free);

  layout = parse_object ("{\"action\":\"layout.update\","
                         "\"before\":{\"modules\":[{\"key\":\"publicity\",\"enabled\":true},"
                         "{\"key\":\"policy\",\"enabled\":true}],\"theme\":\"standard\"},"
                         "\"after\":{\"modules\":[{\"key\":\"policy\",\"enabled\":true},"
                         "{\"key\":\"publicity\",\"enabled\":false}],\"theme\":\"standard\"}}");
  lines = anju_terminal_change_describe (layout);
  g_assert_cmpstr (lines, ==,
                   "Modules: Public notices, Policy publicity → Policy publicity, Public notices (off)");
  g_clear_pointer (&lines, g_free);

  /* Handling an alert: its state reads as an alert's, who did it by name. */
  handle = parse_object ("{\"action\":\"alert.handle\","
                         "\"before\":{\"id\":5,\"state\":\"open\",\"note\":null,\"handled_by\":null,"
                         "\"raised_at\":\"a\"},"
                         "\"after\":{\"id\":5,\"state\":\"handled\",\"note\":\"已更换读卡器\","
                         "\"handled_by\":{\"id\":1,\"name\":\"管理员\"},\"handled_at\":\"b\",\"raised_at\":\"a\"}}");
  lines = anju_terminal_change_describe (handle);
  g_assert_cmpstr (lines, ==,
                   "State: Open → Handled\nHandling note: — → 已更换读卡器\nHandled by: — → 管理员");
  g_assert_cmpstr (anju_terminal_change_action_label ("alert.handle"), ==, "Alert handled");
}

static void
test_records (void)
{
  g_autoptr(JsonNode) good = json_from_string ("{\"items\":[{\"id\":1},7,{\"id\":2}]}", NULL);
  g_autoptr(JsonNode) bad = json_from_string ("{\"total\":0}", NULL);
  g_autoptr(GListStore) store = NULL;
  g_autoptr(AnjuRecord) second = NULL;
  g_autoptr(GError) error = NULL;

  store = anju_terminal_records_from_answer (good, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 2);
  second = g_list_model_get_item (G_LIST_MODEL (store), 1);
  g_assert_cmpint (anju_record_get_id (second), ==, 2);
  g_clear_object (&store);

  store = anju_terminal_records_from_answer (bad, &error);
  g_assert_null (store);
  g_assert_error (error, ANJU_ERROR, ANJU_ERROR_MALFORMED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/terminals/labels  F-TERM-001 F-TERM-002 F-TERM-003", test_labels);
  g_test_add_func ("/terminals/peripheral-severity  F-TERM-003", test_severity);
  g_test_add_func ("/terminals/change-log  F-TERM-001 F-TERM-002", test_change_log);
  g_test_add_func ("/terminals/items-answers  F-TERM-001 F-TERM-003", test_records);

  return g_test_run ();
}
