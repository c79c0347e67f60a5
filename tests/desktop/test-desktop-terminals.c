/* test-desktop-terminals.c: the terminal back office through the
 * desktop's real windows against a real anju-server.
 *
 *   registry  F-TERM-001  the center administrator registers a terminal
 *                         through the dialog, edits it and reads the change
 *                         in its history, issues a credential (shown once)
 *                         that a kiosk request then signs with, revokes it
 *                         (refused at once), disables the terminal and
 *                         deletes it
 *   layout    F-TERM-002  a module switched off and one moved up, a banner
 *                         uploaded: GET layout answers the same
 *   status    F-TERM-003  a heartbeat with a faulty ID reader shows on the
 *                         board; the sweep's alert is handled with a note
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <cairo.h>

#include "anju-desktop-test.h"
#include "anju-record-column.h"
#include "anju-terminal-changes-dialog.h"
#include "anju-terminal-credential-dialog.h"
#include "anju-terminal-dialog-private.h"
#include "anju-terminal-layout-dialog-private.h"
#include "anju-terminal-status-page.h"
#include "anju-terminals-page.h"

#define NEW_SN        "AJ-KIOSK-0901"
#define NEW_NO        "YPL-09"
#define NEW_NAME      "银盆岭社区自助机"
#define OLD_LOCATION  "银盆岭街道政务大厅"
#define NEW_LOCATION  "银盆岭街道便民服务中心二楼"
#define STREET        "银盆岭街道"
#define READER_FAULT  "读卡失败：天线无响应"
#define HANDLED_NOTE  "已更换身份证阅读器"

typedef struct
{
  AnjuTestServer *server;
  char           *token;       /* the demo administrator's, for checking */
  AnjuWindow     *window;
  GtkWidget      *page;
  const char     *text;        /* what a wait looks for */
  gint64          terminal_id; /* status: registered through the API */
  char           *credential;  /* status: its credential */
} Fixture;

static gboolean
toast_shown (gpointer data)
{
  Fixture *fixture = data;

  return anju_desktop_test_find_label_starting (GTK_WIDGET (fixture->window), fixture->text) != NULL;
}

static void
wait_for_toast (Fixture    *fixture,
                const char *text)
{
  fixture->text = text;
  g_assert_true (anju_test_display_wait_for (toast_shown, fixture, text));
}

static gboolean
label_on_page (gpointer data)
{
  Fixture *fixture = data;

  return anju_desktop_test_find_label_starting (fixture->page, fixture->text) != NULL;
}

static void
wait_for_label (Fixture    *fixture,
                const char *text)
{
  fixture->text = text;
  g_assert_true (anju_test_display_wait_for (label_on_page, fixture, text));
}

static gboolean
menu_item_sensitive (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *item = anju_desktop_test_find_menu_item (fixture->page, fixture->text);

  return item != NULL && gtk_widget_is_sensitive (item);
}

/* Chooses action_name from the page's menu once it may be chosen. */
static void
choose_menu_item (Fixture    *fixture,
                  const char *action_name)
{
  fixture->text = action_name;
  g_assert_true (anju_test_display_wait_for (menu_item_sensitive, fixture, action_name));
  anju_desktop_test_click_menu_item (anju_desktop_test_find_menu_item (fixture->page, action_name));
}

static void
answer_message (const char *response)
{
  GtkWidget *dialog = anju_test_display_wait_for_window (ADW_TYPE_MESSAGE_DIALOG);

  anju_desktop_test_answer (dialog, response);
  anju_test_display_wait_for_window_gone (ADW_TYPE_MESSAGE_DIALOG);
}

static JsonObject *
server_get (Fixture    *fixture,
            const char *path)
{
  g_autoptr(JsonNode) answer = NULL;
  guint status = 0;

  answer = anju_test_request (fixture->server, fixture->token, "GET", path, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  return json_object_ref (json_node_get_object (answer));
}

/* The registered terminal as the server has it. */
static JsonObject *
server_terminal (Fixture *fixture)
{
  g_autoptr(JsonObject) page = server_get (fixture, "/api/v1/terminals?q=" NEW_SN);
  JsonArray *items = json_object_get_array_member (page, "items");

  g_assert_cmpuint (json_array_get_length (items), ==, 1);
  return json_object_ref (json_array_get_object_element (items, 0));
}

/* A kiosk request signed the way anju-kiosk signs: the answer's status. */
static guint
kiosk_request (Fixture    *fixture,
               const char *method,
               const char *path,
               const char *sn,
               const char *credential,
               const char *body)
{
  g_autofree char *uri = g_strconcat (fixture->server->base_uri, path, NULL);
  g_autofree char *authorization = g_strdup_printf ("Terminal %s:%s", sn, credential);
  g_autoptr(SoupMessage) message = soup_message_new (method, uri);
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(GError) error = NULL;

  soup_message_headers_replace (soup_message_get_request_headers (message), "Authorization", authorization);
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (message, "application/json", bytes);
    }
  reply = soup_session_send_and_read (fixture->server->session, message, NULL, &error);
  g_assert_no_error (error);
  return soup_message_get_status (message);
}

static void
select_street (GtkWidget  *dialog,
               const char *name)
{
  AdwComboRow *row = ADW_COMBO_ROW (_anju_terminal_dialog_get_org_row (ANJU_TERMINAL_DIALOG (dialog)));
  GListModel *streets = adw_combo_row_get_model (row);
  guint n_items = g_list_model_get_n_items (streets);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AnjuRecord) org = g_list_model_get_item (streets, i);

      g_assert_true (g_strv_contains ((const char * const[]) { "street", "community", NULL },
                                      anju_record_get_string (org, "kind")));
      if (g_strcmp0 (anju_record_get_string (org, "name"), name) == 0)
        {
          adw_combo_row_set_selected (row, i);
          return;
        }
    }

  g_assert_not_reached ();
}

static gboolean
sn_refused (gpointer data)
{
  return _anju_terminal_dialog_get_error (ANJU_TERMINAL_DIALOG (data), "sn") != NULL;
}

static void
register_terminal (Fixture *fixture)
{
  g_autoptr(JsonObject) terminal = NULL;
  GtkWidget *dialog;

  anju_desktop_test_click_action (fixture->page, "terminals.create");
  dialog = anju_test_display_wait_for_window (ANJU_TYPE_TERMINAL_DIALOG);

  /* Nothing typed: every required row says so, and nothing is sent. */
  anju_desktop_test_click (gtk_window_get_default_widget (GTK_WINDOW (dialog)));
  g_assert_cmpstr (_anju_terminal_dialog_get_error (ANJU_TERMINAL_DIALOG (dialog), "sn"), ==, "Required");
  g_assert_nonnull (_anju_terminal_dialog_get_error (ANJU_TERMINAL_DIALOG (dialog), "org_id"));

  anju_desktop_test_set_row_text (dialog, "Serial number (SN)", NEW_SN);
  anju_desktop_test_set_row_text (dialog, "Terminal number", NEW_NO);
  anju_desktop_test_set_row_text (dialog, "Name", NEW_NAME);
  anju_desktop_test_set_row_text (dialog, "Model", "AJ-K200");
  anju_desktop_test_set_row_text (dialog, "Location", OLD_LOCATION);
  anju_desktop_test_set_row_text (dialog, "Person in charge", "周敏");
  anju_desktop_test_set_row_text (dialog, "Phone of the person in charge", "13974800001");
  anju_desktop_test_set_row_text (dialog, "Camera model", "HK-200");
  gtk_switch_set_active (GTK_SWITCH (_anju_terminal_dialog_get_peripheral_switch (ANJU_TERMINAL_DIALOG (dialog),
                                                                                 "printer")),
                         FALSE);
  select_street (dialog, STREET);

  /* The server judges the serial number: its message shows at that row
   * and the dialog keeps everything typed. */
  anju_desktop_test_set_row_text (dialog, "Serial number (SN)", "AJ KIOSK 0901");
  anju_desktop_test_click (gtk_window_get_default_widget (GTK_WINDOW (dialog)));
  g_assert_true (anju_test_display_wait_for (sn_refused, dialog, "the server's message at the SN row"));
  g_test_message ("SN refused: %s", _anju_terminal_dialog_get_error (ANJU_TERMINAL_DIALOG (dialog), "sn"));
  g_assert_null (_anju_terminal_dialog_get_error (ANJU_TERMINAL_DIALOG (dialog), "name"));

  anju_desktop_test_set_row_text (dialog, "Serial number (SN)", NEW_SN);
  anju_desktop_test_click (gtk_window_get_default_widget (GTK_WINDOW (dialog)));
  anju_test_display_wait_for_window_gone (ANJU_TYPE_TERMINAL_DIALOG);
  wait_for_toast (fixture, "Saved terminal “" NEW_NAME "”");

  wait_for_label (fixture, NEW_NO);

  terminal = server_terminal (fixture);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (terminal, "org"), "name"),
                   ==, STREET);
  g_assert_cmpstr (json_object_get_string_member (terminal, "state"), ==, "enabled");
  {
    JsonObject *peripherals = json_object_get_object_member (terminal, "peripherals");
    JsonObject *camera = json_object_get_object_member (peripherals, "camera");
    JsonObject *printer = json_object_get_object_member (peripherals, "printer");

    g_assert_true (json_object_get_boolean_member (camera, "enabled"));
    g_assert_cmpstr (json_object_get_string_member (camera, "model"), ==, "HK-200");
    g_assert_false (json_object_get_boolean_member (printer, "enabled"));
  }
}

static gboolean
changes_loaded (gpointer data)
{
  return _anju_terminal_changes_dialog_is_loaded (ANJU_TERMINAL_CHANGES_DIALOG (data));
}

static void
edit_and_read_history (Fixture *fixture)
{
  GtkWidget *dialog;
  g_auto(GStrv) texts = NULL;

  /* The new terminal is selected after the save. */
  anju_desktop_test_click_action (fixture->page, "terminals.edit");
  dialog = anju_test_display_wait_for_window (ANJU_TYPE_TERMINAL_DIALOG);
  anju_desktop_test_set_row_text (dialog, "Location", NEW_LOCATION);
  anju_desktop_test_click (gtk_window_get_default_widget (GTK_WINDOW (dialog)));
  anju_test_display_wait_for_window_gone (ANJU_TYPE_TERMINAL_DIALOG);
  wait_for_toast (fixture, "Saved terminal “" NEW_NAME "”");

  choose_menu_item (fixture, "terminals.history");
  dialog = anju_test_display_wait_for_window (ANJU_TYPE_TERMINAL_CHANGES_DIALOG);
  g_assert_true (anju_test_display_wait_for (changes_loaded, dialog, "the history"));
  texts = _anju_terminal_changes_dialog_get_texts (ANJU_TERMINAL_CHANGES_DIALOG (dialog));
  for (guint i = 0; texts[i] != NULL; i++)
    g_test_message ("change %u: %s", i, texts[i]);

  /* Newest first: the edit, then the registration. */
  g_assert_cmpuint (g_strv_length (texts), ==, 2);
  g_assert_nonnull (strstr (texts[0], "Edited"));
  g_assert_nonnull (strstr (texts[0], "管理员"));
  g_assert_nonnull (strstr (texts[0], "Location: " OLD_LOCATION " → " NEW_LOCATION));
  g_assert_null (strstr (texts[0], "Name:"));
  g_assert_nonnull (strstr (texts[1], "Registered"));

  gtk_window_close (GTK_WINDOW (dialog));
  anju_test_display_wait_for_window_gone (ANJU_TYPE_TERMINAL_CHANGES_DIALOG);
}

static char *
issue_credential (Fixture *fixture)
{
  GtkWidget *dialog;
  char *credential;

  choose_menu_item (fixture, "terminals.issue-credential");
  dialog = anju_test_display_wait_for_window (ADW_TYPE_MESSAGE_DIALOG);
  credential = g_strdup (_anju_terminal_credential_dialog_get_shown (dialog));
  g_assert_nonnull (credential);
  g_assert_cmpuint (strlen (credential), >=, 16);
  g_assert_nonnull (anju_desktop_test_find_label_starting (dialog, "Enter it in the terminal’s configuration"));
  anju_desktop_test_answer (dialog, "close");
  anju_test_display_wait_for_window_gone (ADW_TYPE_MESSAGE_DIALOG);

  /* Nothing but the dialog ever held it: the server keeps a hash. */
  g_assert_null (anju_desktop_test_find_label (GTK_WIDGET (fixture->window), credential));
  return credential;
}

static void
credential_issue_and_revoke (Fixture *fixture)
{
  g_autofree char *credential = issue_credential (fixture);

  g_assert_cmpuint (kiosk_request (fixture, "GET", "/api/v1/kiosk/home", NEW_SN, credential, NULL), ==, 200);
  g_assert_cmpuint (kiosk_request (fixture, "GET", "/api/v1/kiosk/home", NEW_SN, "wrong", NULL), ==, 401);

  choose_menu_item (fixture, "terminals.revoke-credential");
  answer_message ("revoke");
  wait_for_toast (fixture, "Revoked the credential of “" NEW_NAME "”");
  g_assert_cmpuint (kiosk_request (fixture, "GET", "/api/v1/kiosk/home", NEW_SN, credential, NULL), ==, 401);
}

static void
disable_terminal (Fixture *fixture)
{
  g_autoptr(JsonObject) terminal = NULL;

  choose_menu_item (fixture, "terminals.disable");
  answer_message ("disable");
  wait_for_toast (fixture, "Disabled “" NEW_NAME "”");

  terminal = server_terminal (fixture);
  g_assert_cmpstr (json_object_get_string_member (terminal, "state"), ==, "disabled");
}

/* Deleted terminals leave the list; the server keeps their history. */
static void
delete_terminal (Fixture *fixture)
{
  g_autoptr(JsonObject) page = NULL;
  g_autofree char *state = NULL;

  choose_menu_item (fixture, "terminals.delete");
  answer_message ("delete");
  wait_for_toast (fixture, "Deleted “" NEW_NAME "”");

  page = server_get (fixture, "/api/v1/terminals?q=" NEW_SN);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (page, "items")), ==, 0);
  state = anju_test_db_query (fixture->server, "SELECT state FROM terminals WHERE sn = '" NEW_SN "'");
  g_assert_cmpstr (state, ==, "deleted");
}

/* A 320×80 PNG, as a banner. */
static GFile *
write_banner (void)
{
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "anju-test-banner.png", NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 320, 80);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.1, 0.4, 0.8);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_file_new_for_path (path);
}

static gboolean
layout_loaded (gpointer data)
{
  return _anju_terminal_layout_dialog_is_loaded (ANJU_TERMINAL_LAYOUT_DIALOG (data));
}

static gboolean
banner_shown (gpointer data)
{
  AnjuTerminalLayoutDialog *dialog = data;

  return _anju_terminal_layout_dialog_get_banner_id (dialog) != 0
         && _anju_terminal_layout_dialog_shows_banner (dialog);
}

static void
edit_layout (Fixture *fixture)
{
  g_autoptr(JsonObject) terminal = server_terminal (fixture);
  g_autoptr(JsonObject) layout = NULL;
  g_autoptr(GFile) banner = write_banner ();
  g_autofree char *path = NULL;
  g_auto(GStrv) order = NULL;
  AnjuTerminalLayoutDialog *layout_dialog;
  GtkWidget *dialog;
  JsonArray *modules;
  gint64 banner_id;

  anju_desktop_test_click_action (fixture->page, "terminals.layout");
  dialog = anju_test_display_wait_for_window (ANJU_TYPE_TERMINAL_LAYOUT_DIALOG);
  layout_dialog = ANJU_TERMINAL_LAYOUT_DIALOG (dialog);
  g_assert_true (anju_test_display_wait_for (layout_loaded, dialog, "the layout"));

  /* The default: all seven, in the contract's order. */
  order = _anju_terminal_layout_dialog_get_order (layout_dialog);
  g_assert_cmpstrv (order, ((const char * const[]) { "publicity", "policy", "guides", "apply", "progress",
                                                     "print", "honor_roll", NULL }));
  g_clear_pointer (&order, g_strfreev);
  g_assert_false (gtk_widget_get_sensitive (_anju_terminal_layout_dialog_get_move_button (layout_dialog,
                                                                                        "publicity", TRUE)));

  gtk_switch_set_active (GTK_SWITCH (_anju_terminal_layout_dialog_get_switch (layout_dialog, "print")), FALSE);
  anju_desktop_test_click (_anju_terminal_layout_dialog_get_move_button (layout_dialog, "progress", TRUE));
  order = _anju_terminal_layout_dialog_get_order (layout_dialog);
  g_assert_cmpstr (order[3], ==, "progress");
  g_assert_cmpstr (order[4], ==, "apply");
  anju_desktop_test_set_row_text (dialog, "Title", "银盆岭街道住房保障自助服务");

  anju_terminal_layout_dialog_set_banner_file (layout_dialog, banner);
  g_assert_true (anju_test_display_wait_for (banner_shown, dialog, "the banner preview"));
  banner_id = _anju_terminal_layout_dialog_get_banner_id (layout_dialog);

  anju_desktop_test_click (_anju_terminal_layout_dialog_get_save_button (layout_dialog));
  anju_test_display_wait_for_window_gone (ANJU_TYPE_TERMINAL_LAYOUT_DIALOG);
  wait_for_toast (fixture, "Saved the home layout");
  g_file_delete (banner, NULL, NULL);

  path = g_strdup_printf ("/api/v1/terminals/%" G_GINT64_FORMAT "/layout",
                          json_object_get_int_member (terminal, "id"));
  layout = server_get (fixture, path);
  g_assert_cmpstr (json_object_get_string_member (layout, "title"), ==, "银盆岭街道住房保障自助服务");
  g_assert_cmpint (json_object_get_int_member (layout, "banner_file_id"), ==, banner_id);
  modules = json_object_get_array_member (layout, "modules");
  g_assert_cmpuint (json_array_get_length (modules), ==, 7);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (modules, 3), "key"), ==, "progress");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (modules, 4), "key"), ==, "apply");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (modules, 5), "key"), ==, "print");
  g_assert_false (json_object_get_boolean_member (json_array_get_object_element (modules, 5), "enabled"));
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (modules, 4), "enabled"));
}

static void
manage_registry (AnjuWindow *window,
                 gpointer    data)
{
  Fixture *fixture = data;

  fixture->window = window;
  fixture->page = anju_desktop_test_open_page (window, "terminals");
  g_assert_true (ANJU_IS_TERMINALS_PAGE (fixture->page));

  register_terminal (fixture);
  edit_and_read_history (fixture);
  credential_issue_and_revoke (fixture);
  edit_layout (fixture);
  disable_terminal (fixture);
  delete_terminal (fixture);
}

static void
test_registry (void)
{
  Fixture fixture = { anju_test_server_start (TRUE), };

  fixture.token = anju_test_login (fixture.server, "admin", ANJU_TEST_DEMO_PASSWORD);
  anju_desktop_test_run (fixture.server, "admin", ANJU_TEST_DEMO_PASSWORD, manage_registry, &fixture);
  g_free (fixture.token);
  anju_test_server_stop (fixture.server);
}

/* Status board ------------------------------------------------------------ */

/* A terminal registered and given a credential through the API, which
 * then reports a faulty ID card reader the way anju-kiosk does. */
static void
register_reporting_terminal (Fixture *fixture)
{
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(JsonNode) issued = NULL;
  g_autofree char *org_id = NULL;
  g_autofree char *body = NULL;
  g_autofree char *path = NULL;
  guint status = 0;

  org_id = anju_test_db_query (fixture->server, "SELECT id FROM organisations WHERE name = '" STREET "'");
  g_assert_nonnull (org_id);
  body = g_strdup_printf ("{\"sn\":\"" NEW_SN "\",\"terminal_no\":\"" NEW_NO "\",\"name\":\"" NEW_NAME "\","
                          "\"person_in_charge\":\"周敏\",\"org_id\":%s,\"location\":\"" OLD_LOCATION "\"}",
                          org_id);
  answer = anju_test_request (fixture->server, fixture->token, "POST", "/api/v1/terminals", body, &status);
  g_assert_cmpuint (status, ==, 201);
  fixture->terminal_id = json_object_get_int_member (json_node_get_object (answer), "id");

  path = g_strdup_printf ("/api/v1/terminals/%" G_GINT64_FORMAT "/credential", fixture->terminal_id);
  issued = anju_test_request (fixture->server, fixture->token, "POST", path, NULL, &status);
  g_assert_cmpuint (status, ==, 201);
  fixture->credential = g_strdup (json_object_get_string_member (json_node_get_object (issued), "credential"));

  g_assert_cmpuint (kiosk_request (fixture, "POST", "/api/v1/kiosk/heartbeat", NEW_SN, fixture->credential,
                                   "{\"app_version\":\"0.4.0\",\"peripherals\":["
                                   "{\"kind\":\"camera\",\"state\":\"ok\"},"
                                   "{\"kind\":\"fingerprint\",\"state\":\"disabled\"},"
                                   "{\"kind\":\"id_reader\",\"state\":\"error\",\"message\":\"" READER_FAULT "\"},"
                                   "{\"kind\":\"printer\",\"state\":\"missing\",\"message\":\"未找到打印机\"}]}"),
                    ==, 200);
}

static gboolean
fault_alert_raised (gpointer data)
{
  Fixture *fixture = data;
  g_autofree char *sql = NULL;
  g_autofree char *count = NULL;

  sql = g_strdup_printf ("SELECT COUNT(*) FROM terminal_alerts WHERE terminal_id = %" G_GINT64_FORMAT
                         " AND kind = 'peripheral_fault' AND peripheral = 'id_reader' AND state = 'open'",
                         fixture->terminal_id);
  count = anju_test_db_query (fixture->server, sql);
  return g_strcmp0 (count, "1") == 0;
}

static gboolean
fault_alert_listed (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *column_view = anju_desktop_test_find_type (fixture->page, GTK_TYPE_COLUMN_VIEW);
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view)));
  guint n_items = g_list_model_get_n_items (model);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      AnjuRecord *alert = anju_record_column_item_record (item);

      if (g_strcmp0 (anju_record_get_string (alert, "kind"), "peripheral_fault") == 0
          && g_strcmp0 (anju_record_get_string (alert, "peripheral"), "id_reader") == 0
          && g_strcmp0 (anju_record_get_path_string (alert, "terminal.terminal_no"), NEW_NO) == 0)
        {
          gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (model), i);
          return TRUE;
        }
    }

  return FALSE;
}

/* Whether the heading line of the registered terminal's card shows
 * fixture->text (its online state). */
static gboolean
card_says (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *heading = anju_desktop_test_find_label (fixture->page, NEW_NO " · " NEW_NAME);

  return heading != NULL
         && anju_desktop_test_find_label (gtk_widget_get_parent (heading), fixture->text) != NULL;
}

static void
watch_board (AnjuWindow *window,
             gpointer    data)
{
  Fixture *fixture = data;
  GtkWidget *label;
  GtkWidget *dialog;
  g_autofree char *sql = NULL;
  g_autofree char *note = NULL;

  fixture->window = window;
  fixture->page = anju_desktop_test_open_page (window, "terminal-status");
  g_assert_true (ANJU_IS_TERMINAL_STATUS_PAGE (fixture->page));

  /* The heartbeat shows with each peripheral coloured by its state. */
  wait_for_label (fixture, "ID card reader: Fault — " READER_FAULT);
  label = anju_desktop_test_find_label_starting (fixture->page, "ID card reader: Fault");
  g_assert_true (gtk_widget_has_css_class (label, "error"));
  label = anju_desktop_test_find_label_starting (fixture->page, "Printer: Not connected — 未找到打印机");
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_has_css_class (label, "warning"));
  label = anju_desktop_test_find_label_starting (fixture->page, "Camera: Normal");
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_has_css_class (label, "success"));
  fixture->text = "● Online";
  g_assert_true (card_says (fixture));

  /* Past offline_after_seconds the sweep raises the reader's alert. */
  anju_clock_advance (fixture->server->clock, 200 * G_USEC_PER_SEC);
  g_assert_true (anju_test_display_wait_for (fault_alert_raised, fixture, "the sweep's alert"));

  _anju_terminal_status_page_show (ANJU_TERMINAL_STATUS_PAGE (fixture->page), "alerts");
  gtk_widget_activate_action (fixture->page, "terminal-status.refresh", NULL);
  g_assert_true (anju_test_display_wait_for (fault_alert_listed, fixture, "the alert listed"));

  anju_desktop_test_click_action (fixture->page, "terminal-status.handle");
  dialog = anju_test_display_wait_for_window (ADW_TYPE_MESSAGE_DIALOG);
  anju_desktop_test_set_row_text (dialog, "What was done", HANDLED_NOTE);
  anju_desktop_test_answer (dialog, "handle");
  anju_test_display_wait_for_window_gone (ADW_TYPE_MESSAGE_DIALOG);
  wait_for_toast (fixture, "Marked the alert handled");

  sql = g_strdup_printf ("SELECT note FROM terminal_alerts WHERE terminal_id = %" G_GINT64_FORMAT
                         " AND kind = 'peripheral_fault' AND state = 'handled'", fixture->terminal_id);
  note = anju_test_db_query (fixture->server, sql);
  g_assert_cmpstr (note, ==, HANDLED_NOTE);

  /* Without a heartbeat since the clock moved, its card says offline. */
  _anju_terminal_status_page_show (ANJU_TERMINAL_STATUS_PAGE (fixture->page), "board");
  gtk_widget_activate_action (fixture->page, "terminal-status.refresh", NULL);
  fixture->text = "● Offline";
  g_assert_true (anju_test_display_wait_for (card_says, fixture, "the card offline"));
}

static void
short_sweeps (AnjuConfig *config,
              gpointer    data)
{
  /* The alert sweep runs every second, so the test does not wait the
   * default half minute after moving the clock. */
  config->terminals_sweep_interval_seconds = 1;
}

static void
test_status_board (void)
{
  Fixture fixture = { anju_test_server_start_with (TRUE, short_sweeps, NULL), };

  fixture.token = anju_test_login (fixture.server, "admin", ANJU_TEST_DEMO_PASSWORD);
  register_reporting_terminal (&fixture);
  anju_desktop_test_run (fixture.server, "admin", ANJU_TEST_DEMO_PASSWORD, watch_board, &fixture);
  g_free (fixture.credential);
  g_free (fixture.token);
  anju_test_server_stop (fixture.server);
}

int
main (int   argc,
      char *argv[])
{
  anju_test_display_init (&argc, &argv);

  g_test_add_func ("/terminals/registry/desktop  F-TERM-001 F-TERM-002", test_registry);
  g_test_add_func ("/terminals/status-board/desktop  F-TERM-003", test_status_board);

  return g_test_run ();
}
