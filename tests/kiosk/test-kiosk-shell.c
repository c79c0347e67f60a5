/* test-kiosk-shell.c: anju-kiosk as a citizen and the terminal's staff
 * meet it, against a real server with every peripheral simulated:
 * the home laid out by the server (F-TERM-002), the heartbeat on the
 * status board (F-TERM-003), ID reader faults shown and reported, the
 * idle timeout that wipes a screen, the maintenance PIN, a revoked
 * terminal refused (F-TERM-001), the progress query by ID card and by
 * number and phone, and printing the confirmation form.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "anju-application-test.h"
#include "anju-clock.h"
#include "anju-kiosk-home.h"
#include "anju-kiosk-screens.h"
#include "anju-kiosk-test.h"
#include "anju-test-json.h"

#define SECONDS_PER_DAY (24 * 60 * 60)
#define APPLICANT_PHONE "13812345678"

/* ---- fixtures -------------------------------------------------------------- */

static void
quick_sweeps (AnjuConfig *config,
              gpointer    data)
{
  config->pubrent_sweep_interval_seconds = 1;
}

static AnjuTestServer *
start_server (void)
{
  AnjuTestServer *server = anju_test_server_start_with (TRUE, quick_sweeps, NULL);

  anju_test_db_drop_orphan_processes (server);

  return server;
}

static void
idle_in_one_second (GKeyFile *config,
                    gpointer  data)
{
  g_key_file_set_integer (config, "terminal", "idle_timeout_seconds", 1);
}

static AnjuKioskHome *
home_of (AnjuKioskTest *kiosk)
{
  return ANJU_KIOSK_HOME (anju_kiosk_window_get_screen (kiosk->window, "home"));
}

/* ---- waiting ---------------------------------------------------------------- */

typedef struct
{
  GtkWidget  *root;
  const char *text;
} Shown;

static gboolean
text_shown (gpointer data)
{
  Shown *shown = data;

  return anju_kiosk_test_shows_text (shown->root, shown->text);
}

static void
wait_for_text (GtkWidget  *root,
               const char *text)
{
  Shown shown = { root, text };
  g_autofree char *what = g_strdup_printf ("“%s” on the screen", text);

  g_assert_true (anju_test_display_wait_for (text_shown, &shown, what));
}

/* ---- the status board -------------------------------------------------------- */

/* The state the status board holds for one peripheral of the kiosk. */
static char *
board_state (AnjuKioskTest *kiosk,
             const char    *kind)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/terminals/status?org_id=%" G_GINT64_FORMAT, kiosk->org_id);
  g_autoptr(JsonNode) board = NULL;
  guint status = 0;
  JsonArray *items;

  board = anju_kiosk_test_admin_request (kiosk, "GET", path, NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, board);
  items = json_object_get_array_member (json_node_get_object (board), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      JsonObject *terminal = json_object_get_object_member (item, "terminal");
      JsonArray *peripherals;

      if (json_object_get_int_member (terminal, "id") != kiosk->terminal_id)
        continue;
      g_assert_true (json_object_get_boolean_member (item, "online"));
      peripherals = json_object_get_array_member (item, "peripherals");
      for (guint j = 0; j < json_array_get_length (peripherals); j++)
        {
          JsonObject *peripheral = json_array_get_object_element (peripherals, j);

          if (g_strcmp0 (json_object_get_string_member (peripheral, "kind"), kind) == 0)
            return g_strdup (json_object_get_string_member (peripheral, "state"));
        }
    }

  return NULL;
}

/* ---- home ------------------------------------------------------------------- */

static char *
expected_tiles (JsonArray *modules)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) keys = NULL;

  for (guint i = 0; i < json_array_get_length (modules); i++)
    {
      JsonObject *module = json_array_get_object_element (modules, i);
      const char *key = json_object_get_string_member (module, "key");

      if (json_object_get_boolean_member (module, "enabled") && anju_kiosk_screens_lookup (key) != NULL &&
          !g_str_equal (key, "staff"))
        g_strv_builder_add (builder, key);
    }
  keys = g_strv_builder_end (builder);

  return g_strjoinv (",", keys);
}

static char *
shown_tiles (AnjuKioskTest *kiosk)
{
  g_auto(GStrv) keys = anju_kiosk_home_dup_tile_keys (home_of (kiosk));

  return g_strjoinv (",", keys);
}

typedef struct
{
  AnjuKioskTest *kiosk;
  const char    *tiles;
} TilesWait;

static gboolean
tiles_are (gpointer data)
{
  TilesWait *wait = data;
  g_autofree char *tiles = shown_tiles (wait->kiosk);

  return g_str_equal (tiles, wait->tiles);
}

/* A real 8×2 PNG (the content tests' sample is only a header), uploaded
 * as admin: its file id. */
static gint64
upload_banner (AnjuKioskTest *kiosk)
{
  static const guint8 pixels[8 * 2 * 4] = { 0xff, 0x00, 0x00, 0xff };
  g_autoptr(GBytes) data = g_bytes_new_static (pixels, sizeof pixels);
  g_autoptr(GdkTexture) texture = gdk_memory_texture_new (8, 2, GDK_MEMORY_R8G8B8A8, data, 8 * 4);
  g_autoptr(GBytes) png = gdk_texture_save_to_png_bytes (texture);
  g_autoptr(JsonNode) file = NULL;
  guint status = 0;

  file = anju_test_upload (kiosk->server, kiosk->admin_token, "banner.png", "image/png", png, &status);
  anju_assert_status (status, SOUP_STATUS_CREATED, file);

  return anju_test_json_int (file, "id");
}

static gboolean
banner_shown (gpointer data)
{
  AnjuKioskTest *kiosk = data;
  GtkWidget *banner = anju_kiosk_test_child (GTK_WIDGET (home_of (kiosk)), "banner_picture");

  return gtk_widget_get_visible (banner) && gtk_picture_get_paintable (GTK_PICTURE (banner)) != NULL;
}

/* F-TERM-002: the home follows the server's layout for this terminal:
 * its title, the enabled modules, in the layout's order; a changed layout
 * reaches the home once the terminal is idle. */
static void
test_home_layout (void)
{
  AnjuTestServer *server = start_server ();
  AnjuKioskTest *kiosk = anju_kiosk_test_new (server, idle_in_one_second, NULL);
  JsonObject *home = anju_kiosk_context_get_home (anju_kiosk_test_get_context (kiosk));
  JsonObject *layout = json_object_get_object_member (home, "layout");
  g_autofree char *expected = expected_tiles (json_object_get_array_member (layout, "modules"));
  g_autofree char *tiles = shown_tiles (kiosk);
  g_autofree char *path = g_strdup_printf ("/api/v1/terminals/%" G_GINT64_FORMAT "/layout", kiosk->terminal_id);
  g_autoptr(JsonNode) saved = NULL;
  g_autofree char *layout_body = NULL;
  TilesWait wait = { kiosk, "honor_roll,publicity,guides,progress,print" };
  guint status = 0;

  g_assert_cmpstr (tiles, ==, expected);
  g_assert_nonnull (strstr (tiles, "publicity,policy,guides"));
  g_assert_true (anju_kiosk_test_shows_text (GTK_WIDGET (kiosk->window),
                                             json_object_get_string_member (layout, "title")));

  g_assert_false (banner_shown (kiosk));
  layout_body = g_strdup_printf ("{\"title\":\"银盆岭街道住房保障自助服务\",\"theme\":\"high_contrast\","
                                 "\"banner_file_id\":%" G_GINT64_FORMAT ",\"modules\":["
                                 "{\"key\":\"honor_roll\",\"enabled\":true},"
                                 "{\"key\":\"publicity\",\"enabled\":true},"
                                 "{\"key\":\"policy\",\"enabled\":false},"
                                 "{\"key\":\"guides\",\"enabled\":true},"
                                 "{\"key\":\"apply\",\"enabled\":false},"
                                 "{\"key\":\"progress\",\"enabled\":true},"
                                 "{\"key\":\"print\",\"enabled\":true}]}",
                                 upload_banner (kiosk));
  saved = anju_kiosk_test_admin_request (kiosk, "PUT", path, layout_body, &status);
  anju_assert_status (status, SOUP_STATUS_OK, saved);

  g_assert_true (anju_test_display_wait_for (tiles_are, &wait, "the new layout's tiles"));
  wait_for_text (GTK_WIDGET (kiosk->window), "银盆岭街道住房保障自助服务");
  g_assert_true (anju_test_display_wait_for (banner_shown, kiosk, "the banner"));
  /* The layout's high-contrast theme starts in the elderly-friendly mode. */
  g_assert_true (anju_kiosk_home_get_elderly_mode (home_of (kiosk)));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (kiosk->window), "kiosk-high-contrast"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (kiosk->window), "kiosk-large-text"));

  /* A tile opens its screen; "back to home" returns. */
  anju_kiosk_test_click (anju_kiosk_test_find_named (GTK_WIDGET (home_of (kiosk)), "guides"));
  anju_test_display_wait_for_screen (kiosk, "guides");
  anju_kiosk_test_click_label (GTK_WIDGET (kiosk->window), "Back to home");
  anju_test_display_wait_for_screen (kiosk, "home");

  anju_kiosk_test_free (kiosk);
  anju_test_server_stop (server);
}

/* ---- heartbeat and the ID reader ------------------------------------------------ */

/* F-TERM-003: the heartbeat puts the terminal and each of its
 * peripherals on the status board. */
static void
test_heartbeat (void)
{
  AnjuTestServer *server = start_server ();
  AnjuKioskTest *kiosk = anju_kiosk_test_new (server, NULL, NULL);
  g_autofree char *reader = NULL;
  g_autofree char *printer = NULL;
  g_autofree char *camera = NULL;
  g_autofree char *fingerprint = NULL;

  anju_kiosk_test_heartbeat (kiosk);
  reader = board_state (kiosk, "id_reader");
  printer = board_state (kiosk, "printer");
  camera = board_state (kiosk, "camera");
  fingerprint = board_state (kiosk, "fingerprint");
  g_assert_cmpstr (reader, ==, "ok");
  g_assert_cmpstr (printer, ==, "ok");
  g_assert_nonnull (camera);
  g_assert_nonnull (fingerprint);

  anju_kiosk_test_free (kiosk);
  anju_test_server_stop (server);
}

static GtkWidget *
read_card_on_progress (AnjuKioskTest *kiosk)
{
  GtkWidget *screen = anju_kiosk_test_show_screen (kiosk, "progress");

  anju_kiosk_test_click (anju_kiosk_test_child (screen, "read_button"));
  return screen;
}

/* F-TERM-005 (the card read), F-TERM-003 (its report): no card, a corrupt frame and an unplugged reader are each
 * shown to the citizen with a way on; the faults (not the missing card)
 * reach the status board with the next heartbeat. */
static void
test_id_reader_errors (void)
{
  AnjuTestServer *server = start_server ();
  AnjuKioskTest *kiosk = anju_kiosk_test_new (server, NULL, NULL);
  g_autofree char *id_no = anju_app_test_id ("19900101", "013");
  g_autofree char *state = NULL;
  GtkWidget *screen;

  /* No card on the reader: place it and retry; not a device fault. */
  anju_kiosk_test_simulator (kiosk, "remove");
  screen = read_card_on_progress (kiosk);
  wait_for_text (screen, "No ID card was found");
  g_assert_false (gtk_widget_get_visible (anju_kiosk_test_child (screen, "hint_label")));
  anju_kiosk_test_heartbeat (kiosk);
  state = board_state (kiosk, "id_reader");
  g_assert_cmpstr (state, ==, "ok");
  g_clear_pointer (&state, g_free);

  /* A corrupt frame: the citizen is told, may retry or ask staff, and
   * the reader is reported in error. */
  anju_kiosk_test_insert_card (kiosk, "王小湘", "2", id_no);
  anju_kiosk_test_simulator (kiosk, "corrupt-next");
  anju_kiosk_test_click (anju_kiosk_test_child (screen, "read_button"));
  g_assert_true (anju_test_display_wait_for ((AnjuTestCondition) gtk_widget_get_visible,
                                             anju_kiosk_test_child (screen, "hint_label"), "the reader fault's hint"));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (anju_kiosk_test_child (screen, "read_button"))), ==, "Retry");
  anju_kiosk_test_heartbeat (kiosk);
  state = board_state (kiosk, "id_reader");
  g_assert_cmpstr (state, ==, "error");
  g_clear_pointer (&state, g_free);

  /* The reader pulled out: shown, and still in error. */
  anju_kiosk_test_simulator (kiosk, "unplug");
  anju_kiosk_test_click (anju_kiosk_test_child (screen, "read_button"));
  g_assert_true (anju_test_display_wait_for ((AnjuTestCondition) gtk_widget_get_visible,
                                             anju_kiosk_test_child (screen, "hint_label"), "the unplugged reader's hint"));
  anju_kiosk_test_heartbeat (kiosk);
  state = board_state (kiosk, "id_reader");
  g_assert_cmpstr (state, ==, "error");

  anju_kiosk_test_free (kiosk);
  anju_test_server_stop (server);
}

/* ---- idle timeout, PIN, refusal ---------------------------------------------------- */

/* The idle timeout takes the terminal home and wipes what the citizen
 * typed. */
static void
test_idle_timeout (void)
{
  AnjuTestServer *server = start_server ();
  AnjuKioskTest *kiosk = anju_kiosk_test_new (server, idle_in_one_second, NULL);
  GtkWidget *screen = anju_kiosk_test_show_screen (kiosk, "progress");
  GtkWidget *number = anju_kiosk_test_child (screen, "number_entry");
  GtkWidget *phone = anju_kiosk_test_child (screen, "phone_entry");

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (anju_kiosk_test_child (screen, "by_number_button")), TRUE);
  anju_kiosk_test_set_text (number, "GZF-2026-000001");
  anju_kiosk_test_set_text (phone, APPLICANT_PHONE);

  anju_test_display_wait_for_screen (kiosk, "home");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (number)), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (phone)), ==, "");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (anju_kiosk_test_child (screen, "by_card_button"))));

  anju_kiosk_test_free (kiosk);
  anju_test_server_stop (server);
}

static GtkWidget *
clock_gesture (AnjuKioskTest *kiosk,
               GType          type)
{
  GtkWidget *clock = anju_kiosk_test_child (GTK_WIDGET (kiosk->window), "clock_box");
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (clock);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return (GtkWidget *) controller;
    }

  g_error ("No %s on the clock", g_type_name (type));
}

static gboolean
maintenance_open (gpointer data)
{
  AnjuKioskTest *kiosk = data;

  return anju_kiosk_window_get_maintenance_dialog (kiosk->window) != NULL;
}

static gboolean
window_gone (gpointer data)
{
  return ((AnjuKioskTest *) data)->window == NULL;
}

/* F-TERM-001: only the maintenance PIN leads out; a wrong one is
 * refused; the right one shows the devices and quits. */
static void
test_maintenance_pin (void)
{
  AnjuTestServer *server = start_server ();
  AnjuKioskTest *kiosk = anju_kiosk_test_new (server, NULL, NULL);
  GtkWidget *dialog;

  /* Five taps on the clock open the pad … */
  for (int i = 0; i < 5; i++)
    g_signal_emit_by_name (clock_gesture (kiosk, GTK_TYPE_GESTURE_CLICK), "released", 1, 10.0, 10.0);
  g_assert_true (anju_test_display_wait_for (maintenance_open, kiosk, "the PIN pad"));
  dialog = GTK_WIDGET (anju_kiosk_window_get_maintenance_dialog (kiosk->window));

  /* … a wrong PIN is refused … */
  anju_kiosk_test_click_label (dialog, "1");
  anju_kiosk_test_click_label (dialog, "2");
  anju_kiosk_test_click_label (dialog, "OK");
  g_assert_true (gtk_widget_get_visible (anju_kiosk_test_child (dialog, "pin_error_label")));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (anju_kiosk_test_child (dialog, "stack"))), ==, "pin");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (anju_kiosk_test_child (dialog, "pin_entry"))), ==, "");
  anju_kiosk_test_click_label (dialog, "Cancel");
  g_assert_false (maintenance_open (kiosk));

  /* … a long press opens it too, and the right PIN shows the devices
   * and the way out. */
  g_signal_emit_by_name (clock_gesture (kiosk, GTK_TYPE_GESTURE_LONG_PRESS), "pressed", 10.0, 10.0);
  g_assert_true (anju_test_display_wait_for (maintenance_open, kiosk, "the PIN pad"));
  dialog = GTK_WIDGET (anju_kiosk_window_get_maintenance_dialog (kiosk->window));
  for (const char *digit = ANJU_KIOSK_TEST_PIN; *digit != '\0'; digit++)
    {
      char label[2] = { *digit, '\0' };

      anju_kiosk_test_click_label (dialog, label);
    }
  anju_kiosk_test_click_label (dialog, "OK");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (anju_kiosk_test_child (dialog, "stack"))), ==, "maintenance");
  g_assert_nonnull (anju_kiosk_test_find_named (dialog, "id_reader"));
  g_assert_nonnull (anju_kiosk_test_find_named (dialog, "printer"));
  g_assert_true (anju_kiosk_test_shows_text (dialog, "ID card reader"));

  anju_kiosk_test_click_label (dialog, "Quit terminal");
  g_assert_true (anju_test_display_wait_for (window_gone, kiosk, "the kiosk to quit"));

  anju_kiosk_test_free (kiosk);
  anju_test_server_stop (server);
}

/* F-TERM-001: a revoked credential stops the terminal at its next
 * request; so does disabling it. */
static void
test_refused (gconstpointer data)
{
  const char *how = data;
  AnjuTestServer *server = start_server ();
  AnjuKioskTest *kiosk = anju_kiosk_test_new (server, NULL, NULL);
  g_autofree char *path = NULL;
  g_autoptr(JsonNode) answer = NULL;
  guint status = 0;

  anju_kiosk_test_show_screen (kiosk, "progress");
  if (g_str_equal (how, "revoke"))
    {
      path = g_strdup_printf ("/api/v1/terminals/%" G_GINT64_FORMAT "/credential", kiosk->terminal_id);
      answer = anju_kiosk_test_admin_request (kiosk, "DELETE", path, NULL, &status);
      anju_assert_status (status, SOUP_STATUS_NO_CONTENT, answer);
    }
  else
    {
      path = g_strdup_printf ("/api/v1/terminals/%" G_GINT64_FORMAT "/disable", kiosk->terminal_id);
      answer = anju_kiosk_test_admin_request (kiosk, "POST", path, NULL, &status);
      anju_assert_status (status, SOUP_STATUS_OK, answer);
    }

  /* The refusal stops the heartbeat itself: wait for the screen. */
  anju_kiosk_heartbeat_beat (anju_kiosk_window_get_heartbeat (kiosk->window));
  anju_test_display_wait_for_state (kiosk, "stopped");
  g_assert_true (anju_kiosk_test_shows_text (GTK_WIDGET (kiosk->window), "This terminal has been disabled"));
  /* The services are gone: nothing on the screen but the notice. */
  g_assert_cmpstr (anju_kiosk_window_get_screen_key (kiosk->window), ==, "home");

  anju_kiosk_test_free (kiosk);
  anju_test_server_stop (server);
}

/* ---- progress and printing -------------------------------------------------------- */

/* An application of 银盆岭社区 that passes every pre-review rule (a
 * household of one with a Changsha hukou for five years), submitted: its
 * id; *out_no its number. */
static gint64
submitted_application (AnjuTestServer  *server,
                       const char      *id_no,
                       char           **out_no)
{
  g_autofree char *community = anju_test_login_demo (server, "community_ypl");
  g_autofree char *extra = g_strdup_printf (",\"members\":[{\"relation\":\"self\",\"name\":\"王小湘\","
                                            "\"id_doc_type\":\"resident_id\",\"id_no\":\"%s\",\"hukou_years\":5}]",
                                            id_no);
  g_autofree char *body = anju_app_test_body ("open_physical", "王小湘", id_no, extra);
  g_autofree char *path = NULL;
  g_autoptr(JsonNode) submitted = NULL;
  gint64 id = anju_app_test_create (server, community, body);
  guint status = 0;

  path = g_strdup_printf ("/api/v1/pubrent/applications/%" G_GINT64_FORMAT "/submit", id);
  submitted = anju_test_request (server, community, "POST", path, NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, submitted);
  *out_no = g_strdup (anju_test_json_string (submitted, "application_no"));

  return id;
}

/* F-TERM-011: the progress query by ID card and by number and phone
 * shows the timeline; a wrong phone reveals nothing. */
static void
test_progress (void)
{
  AnjuTestServer *server = start_server ();
  AnjuKioskTest *kiosk = anju_kiosk_test_new (server, NULL, NULL);
  g_autofree char *id_no = anju_app_test_id ("19900101", "013");
  g_autofree char *application_no = NULL;
  GtkWidget *screen;

  submitted_application (server, id_no, &application_no);

  /* By ID card. */
  anju_kiosk_test_insert_card (kiosk, "王小湘", "2", id_no);
  screen = read_card_on_progress (kiosk);
  wait_for_text (screen, application_no);
  g_assert_nonnull (anju_kiosk_test_find_label_containing (screen, "In progress"));
  g_assert_false (anju_kiosk_test_shows_text (screen, "王小湘"));

  /* By number and a wrong phone: nothing is revealed. */
  anju_kiosk_test_click_label (screen, "Query again");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (anju_kiosk_test_child (screen, "by_number_button")), TRUE);
  anju_kiosk_test_set_text (anju_kiosk_test_child (screen, "number_entry"), application_no);
  anju_kiosk_test_set_text (anju_kiosk_test_child (screen, "phone_entry"), "13900000000");
  anju_kiosk_test_click (anju_kiosk_test_child (screen, "query_button"));
  wait_for_text (screen, "No matching application was found");
  g_assert_false (anju_kiosk_test_shows_text (screen, application_no));

  /* By number and the right phone. */
  anju_kiosk_test_set_text (anju_kiosk_test_child (screen, "phone_entry"), APPLICANT_PHONE);
  anju_kiosk_test_click (anju_kiosk_test_child (screen, "query_button"));
  wait_for_text (screen, "Current status");
  g_assert_true (anju_kiosk_test_shows_text (screen, application_no));

  anju_kiosk_test_free (kiosk);
  anju_test_server_stop (server);
}

static void
wait_for_status (AnjuTestServer *server,
                 gint64          id,
                 const char     *expected)
{
  g_autofree char *sql = g_strdup_printf ("SELECT status FROM pubrent_applications WHERE id = %" G_GINT64_FORMAT, id);
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (TRUE)
    {
      g_autofree char *status = anju_test_db_query (server, sql);

      if (g_strcmp0 (status, expected) == 0)
        return;
      if (g_get_monotonic_time () > deadline)
        g_error ("Application %" G_GINT64_FORMAT " is %s, not %s", id, status, expected);
      g_usleep (20 * 1000);
    }
}

static void
approve (AnjuTestServer *server,
         const char     *username,
         gint64          id)
{
  g_autofree char *token = anju_test_login_demo (server, username);
  g_autofree char *sql = g_strdup_printf ("SELECT max(id) FROM workflow_instances WHERE domain = 'pubrent.application'"
                                          " AND record_id = %" G_GINT64_FORMAT, id);
  g_autofree char *instance = anju_test_db_query (server, sql);
  g_autofree char *path = g_strdup_printf ("/api/v1/workflow/instances/%s/actions", instance);
  g_autoptr(JsonNode) answer = NULL;
  guint status = 0;

  answer = anju_test_request (server, token, "POST", path, "{\"action\":\"approve\",\"comment\":\"同意\"}", &status);
  anju_assert_status (status, SOUP_STATUS_OK, answer);
}

/* Street review, its publicity, the center's three steps and the
 * announcement, with the server's clock moved through both periods. */
static void
confirm_application (AnjuTestServer *server,
                     gint64          id)
{
  approve (server, "street_ypl", id);
  wait_for_status (server, id, "street_publicity");
  anju_clock_advance (server->clock, (gint64) 8 * SECONDS_PER_DAY * G_USEC_PER_SEC);
  wait_for_status (server, id, "center_review");
  for (int i = 0; i < 3; i++)
    approve (server, "center", id);
  wait_for_status (server, id, "announcement");
  anju_clock_advance (server->clock, (gint64) 8 * SECONDS_PER_DAY * G_USEC_PER_SEC);
  wait_for_status (server, id, "confirmed");
}

static gboolean
printed (gpointer data)
{
  AnjuKioskTest *kiosk = data;
  g_autoptr(GDir) dir = g_dir_open (kiosk->print_dir, 0, NULL);

  return dir != NULL && g_dir_read_name (dir) != NULL;
}

static char *
printed_text (AnjuKioskTest *kiosk)
{
  g_autoptr(GDir) dir = g_dir_open (kiosk->print_dir, 0, NULL);
  g_autofree char *file = g_build_filename (kiosk->print_dir, g_dir_read_name (dir), NULL);
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", file, "-", NULL };
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &text, NULL, &wait_status, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&text);
}

/* F-TERM-013: before confirmation the server's 409 names the status;
 * once confirmed, the form is previewed and printed, and the printed PDF
 * holds the application number. */
static void
test_print_confirmation (void)
{
  AnjuTestServer *server = start_server ();
  AnjuKioskTest *kiosk = anju_kiosk_test_new (server, NULL, NULL);
  g_autofree char *id_no = anju_app_test_id ("19900101", "024");
  g_autofree char *application_no = NULL;
  g_autofree char *text = NULL;
  GtkWidget *screen;
  gint64 id;

  id = submitted_application (server, id_no, &application_no);
  anju_kiosk_test_insert_card (kiosk, "王小湘", "2", id_no);

  screen = anju_kiosk_test_show_screen (kiosk, "print");
  anju_kiosk_test_click (anju_kiosk_test_child (screen, "read_button"));
  g_assert_true (anju_test_display_wait_for ((AnjuTestCondition) gtk_widget_get_mapped,
                                             anju_kiosk_test_child (screen, "confirmation_button"), "the choice"));
  anju_kiosk_test_click (anju_kiosk_test_child (screen, "confirmation_button"));
  g_assert_true (anju_test_display_wait_for ((AnjuTestCondition) gtk_widget_get_visible,
                                             anju_kiosk_test_child (screen, "choose_error_label"), "the server's refusal"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (anju_kiosk_test_child (screen, "choose_error_label"))), !=, "");
  g_assert_false (printed (kiosk));

  confirm_application (server, id);
  anju_kiosk_test_click (anju_kiosk_test_child (screen, "confirmation_button"));
  g_assert_true (anju_test_display_wait_for ((AnjuTestCondition) gtk_widget_get_mapped,
                                             anju_kiosk_test_child (screen, "print_button"), "the preview"));
  g_assert_nonnull (gtk_picture_get_paintable (GTK_PICTURE (anju_kiosk_test_child (screen, "preview_picture"))));
  anju_kiosk_test_click (anju_kiosk_test_child (screen, "print_button"));
  g_assert_true (anju_test_display_wait_for (printed, kiosk, "the printed file"));
  wait_for_text (screen, "Please take your document");

  text = printed_text (kiosk);
  g_assert_nonnull (strstr (text, application_no));

  /* Home wipes the PDF and the card. */
  anju_kiosk_test_click_label (screen, "Done");
  anju_test_display_wait_for_screen (kiosk, "home");
  g_assert_null (gtk_picture_get_paintable (GTK_PICTURE (anju_kiosk_test_child (screen, "preview_picture"))));

  anju_kiosk_test_free (kiosk);
  anju_test_server_stop (server);
}

/* ---- content screens ---------------------------------------------------------- */

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

static gboolean
has_children (gpointer data)
{
  return count_children (GTK_WIDGET (data)) > 0;
}

static gboolean
has_five (gpointer data)
{
  return count_children (GTK_WIDGET (data)) == 5;
}

static gboolean
shows_detail (gpointer data)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (data)), "detail") == 0;
}

/* The first article of the list screen of key, opened: its screen. */
static GtkWidget *
open_first_article (AnjuKioskTest *kiosk,
                    const char    *key)
{
  GtkWidget *screen = anju_kiosk_test_show_screen (kiosk, key);
  GtkWidget *list = anju_kiosk_test_child (screen, "articles_list");
  GtkListBoxRow *row;

  g_assert_true (anju_test_display_wait_for (has_children, list, "the articles"));
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
  g_signal_emit_by_name (list, "row-activated", row);
  g_assert_true (anju_test_display_wait_for (shows_detail, anju_kiosk_test_child (screen, "stack"), "the article"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (anju_kiosk_test_child (screen, "title_label"))), !=, "");

  return screen;
}

/* F-TERM-004, F-TERM-007, F-TERM-008, F-TERM-014: the public notices,
 * policies and guides this street may show, a guide's steps and
 * materials, a search that finds nothing, and the honor roll's three
 * top fives. */
static void
test_content (void)
{
  AnjuTestServer *server = start_server ();
  AnjuKioskTest *kiosk = anju_kiosk_test_new (server, NULL, NULL);
  GtkWidget *screen;

  screen = open_first_article (kiosk, "publicity");
  g_assert_false (gtk_widget_get_visible (anju_kiosk_test_child (screen, "search_box")));
  g_assert_false (gtk_widget_get_visible (anju_kiosk_test_child (screen, "guide_box")));

  screen = open_first_article (kiosk, "guides");
  g_assert_true (gtk_widget_get_visible (anju_kiosk_test_child (screen, "guide_box")));
  g_assert_cmpuint (count_children (anju_kiosk_test_child (screen, "steps_box")), >, 0);
  g_assert_cmpuint (count_children (anju_kiosk_test_child (screen, "materials_box")), >, 0);

  screen = open_first_article (kiosk, "policy");
  anju_kiosk_test_click_label (screen, "Back to the list");
  anju_kiosk_test_set_text (anju_kiosk_test_child (screen, "search_entry"), "没有这样的政策");
  anju_kiosk_test_click (anju_kiosk_test_child (screen, "search_button"));
  wait_for_text (screen, "Nothing to show at the moment.");
  g_assert_cmpuint (count_children (anju_kiosk_test_child (screen, "articles_list")), ==, 0);

  screen = anju_kiosk_test_show_screen (kiosk, "honor_roll");
  g_assert_true (anju_test_display_wait_for (has_five, anju_kiosk_test_child (screen, "enterprise_box"), "five enterprises"));
  g_assert_cmpuint (count_children (anju_kiosk_test_child (screen, "supplier_box")), ==, 5);
  g_assert_cmpuint (count_children (anju_kiosk_test_child (screen, "staff_box")), ==, 5);

  /* Home wipes the search. */
  anju_kiosk_context_go_home (anju_kiosk_test_get_context (kiosk));
  screen = anju_kiosk_window_get_screen (kiosk->window, "policy");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (anju_kiosk_test_child (screen, "search_entry"))), ==, "");

  anju_kiosk_test_free (kiosk);
  anju_test_server_stop (server);
}

/* A config that cannot be read leaves a window that says why, and
 * nothing else. */
static void
test_failed_start (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnjuKioskConfig) config = anju_kiosk_config_load ("/nonexistent/kiosk.conf", &error);
  AnjuKioskWindow *window;

  g_assert_null (config);
  window = g_object_ref (anju_kiosk_window_new_failed (NULL, error->message));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpstr (anju_kiosk_window_get_state (window), ==, "error");
  g_assert_true (anju_kiosk_test_shows_text (GTK_WIDGET (window), "/nonexistent/kiosk.conf"));
  g_assert_null (anju_kiosk_window_get_context (window));
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

int
main (int   argc,
      char *argv[])
{
  anju_test_display_init (&argc, &argv);

  g_test_add_func ("/kiosk/F-TERM-002/home-layout", test_home_layout);
  g_test_add_func ("/kiosk/F-TERM-003/heartbeat", test_heartbeat);
  g_test_add_func ("/kiosk/F-TERM-005/id-reader-errors", test_id_reader_errors);
  g_test_add_func ("/kiosk/idle-timeout", test_idle_timeout);
  g_test_add_func ("/kiosk/F-TERM-001/maintenance-pin", test_maintenance_pin);
  g_test_add_data_func ("/kiosk/F-TERM-001/revoked", "revoke", test_refused);
  g_test_add_data_func ("/kiosk/F-TERM-001/disabled", "disable", test_refused);
  g_test_add_func ("/kiosk/F-TERM-011/progress", test_progress);
  g_test_add_func ("/kiosk/F-TERM-013/print-confirmation", test_print_confirmation);
  g_test_add_func ("/kiosk/F-TERM-004/content", test_content);
  g_test_add_func ("/kiosk/failed-start", test_failed_start);

  return g_test_run ();
}
