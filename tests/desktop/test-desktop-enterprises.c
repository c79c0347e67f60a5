/* test-desktop-enterprises.c: operating enterprises (F-PRH-011) and
 * publicity (F-PRH-005) through the desktop's real windows
 * against a real anju-server.
 *
 * Center staff add an enterprise, open its account (a toast says the
 * password went by SMS) and purge it after the confirmation that asks
 * the reason; and record an objection to a street publicity.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anju-desktop-test.h"
#include "anju-enterprise-dialog.h"
#include "anju-enterprises-page.h"
#include "anju-id-number.h"
#include "anju-publicity-page.h"

#define NEW_ENTERPRISE "麓山安居运营有限公司"
#define NEW_USCC       "91430104MA4Y6B3C2L"
#define NEW_ACCOUNT    "lsop"

typedef struct
{
  AnjuWindow *window;
  GtkWidget  *page;
  const char *action;
  const char *toast;
} Fixture;

static gboolean
action_ready (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *button = anju_desktop_test_find_button (fixture->page, fixture->action);

  return button != NULL && gtk_widget_is_sensitive (button);
}

static gboolean
toast_shown (gpointer data)
{
  Fixture *fixture = data;

  return anju_desktop_test_find_label_starting (GTK_WIDGET (fixture->window), fixture->toast)
         != NULL;
}

static void
wait_for_action (Fixture    *fixture,
                 const char *action)
{
  fixture->action = action;
  g_assert_true (anju_test_display_wait_for (action_ready, fixture, action));
}

static void
wait_for_toast (Fixture    *fixture,
                const char *toast)
{
  fixture->toast = toast;
  g_assert_true (anju_test_display_wait_for (toast_shown, fixture, toast));
}

static void
fill_enterprise (GtkWidget *dialog)
{
  anju_desktop_test_set_row_text (dialog, "Enterprise name", NEW_ENTERPRISE);
  anju_desktop_test_set_row_text (dialog, "Unified social credit code", NEW_USCC);
  anju_desktop_test_set_row_text (dialog, "Legal representative", "周建国");
  anju_desktop_test_set_row_text (dialog, "Contact person", "黄丽");
  anju_desktop_test_set_row_text (dialog, "Contact mobile number", "13974812345");
  anju_desktop_test_set_row_text (dialog, "Registered address", "长沙市岳麓区麓山路1号");
}

/* Types text into the entry of the message dialog and answers. */
static void
answer_with_text (const char *text,
                  const char *response)
{
  GtkWidget *dialog = anju_test_display_wait_for_window (ADW_TYPE_MESSAGE_DIALOG);
  GtkWidget *entry = anju_desktop_test_find_type (dialog, GTK_TYPE_ENTRY);

  g_assert_nonnull (entry);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                           response));
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  anju_desktop_test_answer (dialog, response);
  anju_test_display_wait_for_window_gone (ADW_TYPE_MESSAGE_DIALOG);
}

static JsonNode *
server_enterprise (AnjuTestServer *server)
{
  g_autofree char *token = anju_test_login (server, "admin", ANJU_TEST_DEMO_PASSWORD);
  g_autoptr(JsonNode) answer = NULL;
  JsonObject *page;
  guint status = 0;

  answer = anju_test_request (server, token, "GET",
                              "/api/v1/pubrent/enterprises?q=" NEW_USCC, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  page = json_node_get_object (answer);
  g_assert_cmpint (json_object_get_int_member (page, "total"), ==, 1);
  return json_node_copy (json_array_get_element (json_object_get_array_member (page, "items"), 0));
}

static void
manage_enterprise (AnjuWindow *window,
                   gpointer    data)
{
  Fixture fixture = { window, NULL, NULL, NULL };
  g_autoptr(JsonNode) saved = NULL;
  GtkWidget *dialog;
  JsonObject *enterprise;

  fixture.page = anju_desktop_test_open_page (window, "pubrent-enterprises");
  g_assert_true (ANJU_IS_ENTERPRISES_PAGE (fixture.page));

  /* Add it through the dialog. */
  wait_for_action (&fixture, "enterprises.create");
  anju_desktop_test_click (anju_desktop_test_find_button (fixture.page, "enterprises.create"));
  dialog = anju_test_display_wait_for_window (ANJU_TYPE_ENTERPRISE_DIALOG);
  fill_enterprise (dialog);
  anju_desktop_test_click (gtk_window_get_default_widget (GTK_WINDOW (dialog)));
  anju_test_display_wait_for_window_gone (ANJU_TYPE_ENTERPRISE_DIALOG);
  wait_for_toast (&fixture, "Saved “" NEW_ENTERPRISE "”");

  /* The new one is selected: open its account. */
  wait_for_action (&fixture, "enterprises.create-account");
  anju_desktop_test_click (anju_desktop_test_find_button (fixture.page,
                                                          "enterprises.create-account"));
  answer_with_text (NEW_ACCOUNT, "create");
  wait_for_toast (&fixture, "Account “" NEW_ACCOUNT "” created; its first password was sent by SMS");

  saved = server_enterprise (data);
  enterprise = json_node_get_object (saved);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (enterprise,
                                                                                 "account"),
                                                  "username"), ==, NEW_ACCOUNT);

  /* Purge it, after saying why. */
  wait_for_action (&fixture, "enterprises.purge");
  anju_desktop_test_click (anju_desktop_test_find_button (fixture.page, "enterprises.purge"));
  answer_with_text ("运营期满退出", "purge");
  wait_for_toast (&fixture, "Purged “" NEW_ENTERPRISE "”");

  g_clear_pointer (&saved, json_node_unref);
  saved = server_enterprise (data);
  enterprise = json_node_get_object (saved);
  g_assert_cmpstr (json_object_get_string_member (enterprise, "state"), ==, "purged");
  g_assert_cmpstr (json_object_get_string_member (enterprise, "purge_reason"), ==, "运营期满退出");
}

static void
test_manage_enterprise (void)
{
  AnjuTestServer *server = anju_test_server_start (TRUE);

  anju_desktop_test_run (server, "center", ANJU_TEST_DEMO_PASSWORD, manage_enterprise, server);
  anju_test_server_stop (server);
}

/* A street application (entered through the API as street staff) under
 * street publicity from an hour ago for seven days.  The publicity row is
 * written straight to the database: opening one through the review
 * process is the review tests' business. */
static gint64
open_publicity (AnjuTestServer *server)
{
  g_autofree char *token = anju_test_login (server, "street_ypl", ANJU_TEST_DEMO_PASSWORD);
  g_autofree char *id_no = g_strdup_printf ("43010419850317123%c",
                                            anju_id_number_check_char ("43010419850317123"));
  g_autofree char *body = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *id = NULL;
  g_autoptr(JsonNode) answer = NULL;
  guint status = 0;

  body = g_strdup_printf ("{\"business_type\":\"open_physical\",\"applicant_name\":\"王芳\","
                          "\"id_no\":\"%s\",\"phone\":\"13812345678\","
                          "\"hukou_county_code\":\"430104\",\"household_size\":1,"
                          "\"annual_income_per_capita\":\"30000.00\","
                          "\"annual_income_total\":\"30000.00\","
                          "\"floor_area_per_capita\":\"10.00\",\"floor_area_total\":\"10.00\"}",
                          id_no);
  answer = anju_test_request (server, token, "POST", "/api/v1/pubrent/applications", body,
                              &status);
  g_assert_cmpuint (status, ==, 201);
  sql = g_strdup_printf ("INSERT INTO pubrent_publicity (publicity_no, kind, application_id,"
                         " org_id, start_at, end_at, method, location, created_at)"
                         " SELECT 'GS-2026-900001', 'street', a.id, a.org_id,"
                         " CAST(strftime('%%s', 'now') AS INTEGER) - 3600,"
                         " CAST(strftime('%%s', 'now') AS INTEGER) + 7 * 86400,"
                         " '张贴', '银盆岭街道公示栏', CAST(strftime('%%s', 'now') AS INTEGER)"
                         " FROM pubrent_applications a WHERE a.id = %" G_GINT64_FORMAT
                         " RETURNING id",
                         json_object_get_int_member (json_node_get_object (answer), "id"));
  id = anju_test_db_query (server, sql);
  g_assert_nonnull (id);
  return g_ascii_strtoll (id, NULL, 10);
}

static gboolean
publicity_listed (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *column_view = anju_desktop_test_find_type (fixture->page, GTK_TYPE_COLUMN_VIEW);

  return column_view != NULL
         && anju_desktop_test_find_label (column_view, "GS-2026-900001") != NULL;
}

static void
record_objection (AnjuWindow *window,
                  gpointer    data)
{
  Fixture fixture = { window, NULL, NULL, NULL };
  GtkWidget *column_view;
  GtkWidget *dialog;
  GtkSelectionModel *model;
  g_autofree char *count = NULL;

  fixture.page = anju_desktop_test_open_page (window, "pubrent-publicity");
  g_assert_true (ANJU_IS_PUBLICITY_PAGE (fixture.page));
  g_assert_true (anju_test_display_wait_for (publicity_listed, &fixture, "the publicity listed"));
  column_view = anju_desktop_test_find_type (fixture.page, GTK_TYPE_COLUMN_VIEW);
  model = gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view));
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (model), 0);

  wait_for_action (&fixture, "publicity.record-objection");
  anju_desktop_test_click (anju_desktop_test_find_button (fixture.page,
                                                          "publicity.record-objection"));
  dialog = anju_test_display_wait_for_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "record"));
  anju_desktop_test_set_row_text (dialog, "What is reported", "申请人名下另有住房");
  anju_desktop_test_set_row_text (dialog, "Reporter's name", "李先生");
  anju_desktop_test_answer (dialog, "record");
  anju_test_display_wait_for_window_gone (ADW_TYPE_MESSAGE_DIALOG);
  wait_for_toast (&fixture, "Recorded the objection");

  count = anju_test_db_query (data, "SELECT COUNT(*) FROM pubrent_objections"
                                    " WHERE content = '申请人名下另有住房' AND result = 'pending'");
  g_assert_cmpstr (count, ==, "1");
}

static void
test_record_objection (void)
{
  AnjuTestServer *server = anju_test_server_start (TRUE);

  open_publicity (server);
  anju_desktop_test_run (server, "center", ANJU_TEST_DEMO_PASSWORD, record_objection, server);
  anju_test_server_stop (server);
}

int
main (int   argc,
      char *argv[])
{
  anju_test_display_init (&argc, &argv);

  g_test_add_func ("/pubrent/enterprises/desktop  F-PRH-011", test_manage_enterprise);
  g_test_add_func ("/pubrent/publicity/objection-desktop  F-PRH-005",
                   test_record_objection);

  return g_test_run ();
}
