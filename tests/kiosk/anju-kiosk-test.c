/* anju-kiosk-test.c
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "anju-kiosk-test.h"
#include "anju-test-dirs.h"
#include "anju-test-identity.h"
#include "anju-test-json.h"

/* ---- the terminal on the server --------------------------------------------- */

static void
sign_in_admin (AnjuKioskTest *self)
{
  g_free (self->admin_token);
  self->admin_token = anju_test_login (self->server, "admin", ANJU_TEST_DEMO_PASSWORD);
}

JsonNode *
anju_kiosk_test_admin_request (AnjuKioskTest *self,
                               const char    *method,
                               const char    *path,
                               const char    *body,
                               guint         *out_status)
{
  JsonNode *answer;

  answer = anju_test_request (self->server, self->admin_token, method, path, body, out_status);
  if (*out_status == SOUP_STATUS_UNAUTHORIZED)
    {
      /* The server's clock moved past the session. */
      json_node_unref (answer);
      sign_in_admin (self);
      answer = anju_test_request (self->server, self->admin_token, method, path, body, out_status);
    }

  return answer;
}

static void
register_terminal (AnjuKioskTest *self)
{
  g_autoptr(JsonNode) created = NULL;
  g_autoptr(JsonNode) issued = NULL;
  g_autofree char *body = NULL;
  g_autofree char *path = NULL;
  guint32 tag = g_random_int ();
  guint status = 0;

  self->sn = g_strdup_printf ("TEST-KIOSK-%08X", tag);
  self->terminal_no = g_strdup_printf ("T%08X", tag);
  self->org_id = anju_test_find_org (self->server, self->admin_token, "银盆岭街道");
  body = g_strdup_printf ("{\"sn\":\"%s\",\"terminal_no\":\"%s\",\"name\":\"测试终端%s\","
                          "\"person_in_charge\":\"李娜\",\"person_phone\":\"13812340000\","
                          "\"org_id\":%" G_GINT64_FORMAT ",\"location\":\"银盆岭街道政务服务中心\","
                          "\"peripherals\":{\"camera\":{\"enabled\":true,\"model\":\"simulator\"},"
                          "\"fingerprint\":{\"enabled\":true,\"model\":\"virtual\"},"
                          "\"id_reader\":{\"enabled\":true,\"model\":\"simulator\"},"
                          "\"printer\":{\"enabled\":true,\"model\":\"file\"}}}",
                          self->sn, self->terminal_no, self->terminal_no, self->org_id);
  created = anju_kiosk_test_admin_request (self, "POST", "/api/v1/terminals", body, &status);
  anju_assert_status (status, SOUP_STATUS_CREATED, created);
  self->terminal_id = anju_test_json_int (created, "id");

  path = g_strdup_printf ("/api/v1/terminals/%" G_GINT64_FORMAT "/credential", self->terminal_id);
  issued = anju_kiosk_test_admin_request (self, "POST", path, NULL, &status);
  anju_assert_status (status, SOUP_STATUS_CREATED, issued);
  self->credential = g_strdup (anju_test_json_string (issued, "credential"));
  g_assert_nonnull (self->credential);
}

/* ---- the config ------------------------------------------------------------ */

static void
write_config (AnjuKioskTest           *self,
              AnjuKioskTestEditConfig  edit,
              gpointer                 data)
{
  g_autoptr(GKeyFile) config = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *certificate = g_build_filename (self->dir, "server.pem", NULL);
  g_autofree char *pin = g_compute_checksum_for_string (G_CHECKSUM_SHA256, ANJU_KIOSK_TEST_PIN, -1);
  const char *simulator = g_getenv ("ANJU_IDCARD_SIMULATOR");

  g_assert_nonnull (simulator);
  g_assert_true (g_file_set_contents (certificate, self->server->cert_pem, -1, &error));
  g_assert_no_error (error);

  g_key_file_set_string (config, "server", "url", self->server->base_uri);
  g_key_file_set_string (config, "server", "certificate", certificate);
  g_key_file_set_string (config, "terminal", "sn", self->sn);
  g_key_file_set_string (config, "terminal", "credential", self->credential);
  g_key_file_set_string (config, "terminal", "maintenance_pin_sha256", pin);
  g_key_file_set_integer (config, "terminal", "idle_timeout_seconds", 600);
  g_key_file_set_integer (config, "terminal", "heartbeat_seconds", 600);
  g_key_file_set_string (config, "camera", "backend", "simulator");
  g_key_file_set_string (config, "camera", "simulator_source", "videotestsrc is-live=true");
  g_key_file_set_string (config, "fingerprint", "backend", "virtual");
  g_key_file_set_string (config, "fingerprint", "virtual_socket", self->fingerprint_socket);
  g_key_file_set_string (config, "id_reader", "backend", "simulator");
  g_key_file_set_string (config, "id_reader", "simulator_program", simulator);
  g_key_file_set_string (config, "printer", "backend", "file");
  g_key_file_set_string (config, "printer", "output_dir", self->print_dir);

  if (edit != NULL)
    edit (config, data);

  g_assert_true (g_key_file_save_to_file (config, self->config_path, &error));
  g_assert_no_error (error);
}

/* ---- the window ------------------------------------------------------------ */

static gboolean answered_after (gpointer data);

static void
watch (AnjuKioskTest *self,
       gpointer       object)
{
  gpointer *slot = g_new (gpointer, 1);

  *slot = object;
  g_object_add_weak_pointer (G_OBJECT (object), slot);
  g_ptr_array_add (self->watched, slot);
}

static gboolean
window_state_is (gpointer data)
{
  AnjuKioskTest *self = ((gpointer *) data)[0];
  const char *state = ((gpointer *) data)[1];

  return self->window != NULL && g_strcmp0 (anju_kiosk_window_get_state (self->window), state) == 0;
}

void
anju_test_display_wait_for_state (AnjuKioskTest *self,
                                const char    *state)
{
  gpointer data[] = { self, (gpointer) state };
  g_autofree char *what = g_strdup_printf ("the kiosk's state %s", state);

  g_assert_true (anju_test_display_wait_for (window_state_is, data, what));
}

static gboolean
screen_is (gpointer data)
{
  AnjuKioskTest *self = ((gpointer *) data)[0];
  const char *key = ((gpointer *) data)[1];

  return self->window != NULL && g_strcmp0 (anju_kiosk_window_get_screen_key (self->window), key) == 0;
}

void
anju_test_display_wait_for_screen (AnjuKioskTest *self,
                                 const char    *key)
{
  gpointer data[] = { self, (gpointer) key };
  g_autofree char *what = g_strdup_printf ("the kiosk's screen %s", key);

  g_assert_true (anju_test_display_wait_for (screen_is, data, what));
}

static void
build_window (AnjuKioskTest *self)
{
  g_autoptr(AnjuKioskConfig) config = NULL;
  g_autoptr(AnjuKioskDevices) devices = NULL;
  g_autoptr(AnjuKioskContext) context = NULL;
  g_autoptr(GError) error = NULL;

  config = anju_kiosk_config_load (self->config_path, &error);
  g_assert_no_error (error);
  devices = anju_kiosk_devices_new (config, &error);
  g_assert_no_error (error);
  context = anju_kiosk_context_new (g_steal_pointer (&config), devices);

  self->window = anju_kiosk_window_new (NULL, context);
  g_object_add_weak_pointer (G_OBJECT (self->window), (gpointer *) &self->window);
  watch (self, self->window);
  watch (self, context);
  watch (self, devices);
  watch (self, anju_kiosk_context_get_api (context));

  gtk_window_set_default_size (GTK_WINDOW (self->window), 1280, 1000);
  gtk_window_present (GTK_WINDOW (self->window));
}

AnjuKioskTest *
anju_kiosk_test_new (AnjuTestServer          *server,
                     AnjuKioskTestEditConfig  edit,
                     gpointer                 data)
{
  AnjuKioskTest *self = g_new0 (AnjuKioskTest, 1);
  g_autoptr(GError) error = NULL;

  self->server = server;
  self->watched = g_ptr_array_new_with_free_func (g_free);
  self->dir = g_dir_make_tmp ("anju-kiosk-XXXXXX", &error);
  g_assert_no_error (error);
  self->config_path = g_build_filename (self->dir, "kiosk.conf", NULL);
  self->print_dir = g_build_filename (self->dir, "prints", NULL);
  self->fingerprint_socket = g_build_filename (self->dir, "fprint.socket", NULL);
  g_assert_cmpint (g_mkdir (self->print_dir, 0700), ==, 0);

  sign_in_admin (self);
  register_terminal (self);
  write_config (self, edit, data);
  build_window (self);
  anju_test_display_wait_for_state (self, "kiosk");
  /* The first heartbeat (and the reader's check after it) goes out with
   * the home; once it is done, nothing runs behind the test's back. */
  {
    gpointer first[] = { self, GUINT_TO_POINTER (0) };

    g_assert_true (anju_test_display_wait_for (answered_after, first, "the first heartbeat"));
  }

  return self;
}

static gboolean
all_gone (gpointer data)
{
  AnjuKioskTest *self = data;

  for (guint i = 0; i < self->watched->len; i++)
    if (*(gpointer *) g_ptr_array_index (self->watched, i) != NULL)
      return FALSE;

  return TRUE;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

void
anju_kiosk_test_free (AnjuKioskTest *self)
{
  if (self == NULL)
    return;

  if (self->window != NULL)
    gtk_window_destroy (GTK_WINDOW (self->window));

  /* Requests under way hold references until their cancellation is
   * delivered; then everything must be gone. */
  if (!anju_test_display_wait_for (all_gone, self, "the kiosk's objects to be finalized"))
    {
      for (guint i = 0; i < self->watched->len; i++)
        {
          gpointer object = *(gpointer *) g_ptr_array_index (self->watched, i);

          if (object != NULL)
            g_test_message ("Leaked: %s", G_OBJECT_TYPE_NAME (object));
        }
      g_test_fail ();
    }
  for (guint i = 0; i < self->watched->len; i++)
    {
      gpointer *slot = g_ptr_array_index (self->watched, i);

      if (*slot != NULL)
        g_object_remove_weak_pointer (G_OBJECT (*slot), slot);
    }

  remove_tree (self->dir);
  g_ptr_array_unref (self->watched);
  g_free (self->admin_token);
  g_free (self->sn);
  g_free (self->terminal_no);
  g_free (self->credential);
  g_free (self->dir);
  g_free (self->config_path);
  g_free (self->print_dir);
  g_free (self->fingerprint_socket);
  g_free (self);
}

/* ---- driving it ------------------------------------------------------------ */

AnjuKioskContext *
anju_kiosk_test_get_context (AnjuKioskTest *self)
{
  g_assert_nonnull (self->window);

  return anju_kiosk_window_get_context (self->window);
}

GtkWidget *
anju_kiosk_test_show_screen (AnjuKioskTest *self,
                             const char    *key)
{
  anju_kiosk_context_show_screen (anju_kiosk_test_get_context (self), key);
  anju_test_display_wait_for_screen (self, key);

  return anju_kiosk_window_get_screen (self->window, key);
}

static gboolean
answered_after (gpointer data)
{
  AnjuKioskTest *self = ((gpointer *) data)[0];
  guint before = GPOINTER_TO_UINT (((gpointer *) data)[1]);

  return self->window == NULL ||
         anju_kiosk_heartbeat_get_n_answered (anju_kiosk_window_get_heartbeat (self->window)) > before;
}

void
anju_kiosk_test_heartbeat (AnjuKioskTest *self)
{
  AnjuKioskHeartbeat *heartbeat = anju_kiosk_window_get_heartbeat (self->window);
  gpointer data[] = { self, GUINT_TO_POINTER (anju_kiosk_heartbeat_get_n_answered (heartbeat)) };

  anju_kiosk_heartbeat_beat (heartbeat);
  g_assert_true (anju_test_display_wait_for (answered_after, data, "the heartbeat's answer"));
}

void
anju_kiosk_test_simulator (AnjuKioskTest *self,
                           const char    *command)
{
  g_autoptr(GError) error = NULL;

  anju_kiosk_devices_send_simulator_command (anju_kiosk_context_get_devices (anju_kiosk_test_get_context (self)),
                                             command, &error);
  g_assert_no_error (error);
}

void
anju_kiosk_test_insert_card (AnjuKioskTest *self,
                             const char    *name,
                             const char    *sex,
                             const char    *id_no)
{
  g_autoptr(GKeyFile) card = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (self->dir, "card.ini", NULL);
  g_autofree char *command = NULL;
  g_autofree char *birth = NULL;

  g_assert_cmpuint (strlen (id_no), ==, 18);
  birth = g_strdup_printf ("%.4s-%.2s-%.2s", id_no + 6, id_no + 10, id_no + 12);
  g_key_file_set_string (card, "card", "name", name);
  g_key_file_set_string (card, "card", "sex", sex);
  g_key_file_set_string (card, "card", "nation_code", "01");
  g_key_file_set_string (card, "card", "birth_date", birth);
  g_key_file_set_string (card, "card", "address", "湖南省长沙市岳麓区银盆岭街道银盆南路88号");
  g_key_file_set_string (card, "card", "id_no", id_no);
  g_key_file_set_string (card, "card", "authority", "长沙市公安局岳麓分局");
  g_key_file_set_string (card, "card", "valid_from", "2015-06-01");
  g_key_file_set_string (card, "card", "valid_to", "2035-06-01");
  g_assert_true (g_key_file_save_to_file (card, path, &error));
  g_assert_no_error (error);

  command = g_strconcat ("insert ", path, NULL);
  anju_kiosk_test_simulator (self, command);
}

typedef gboolean (*Match) (GtkWidget *widget, gconstpointer data);

static GtkWidget *
find_widget (GtkWidget     *root,
             Match          match,
             gconstpointer  data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
has_id (GtkWidget     *widget,
        gconstpointer  id)
{
  return g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), id) == 0;
}

static gboolean
has_name (GtkWidget     *widget,
          gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

static gboolean
is_label_with_text (GtkWidget     *widget,
                    gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

/* Visible up to the root, so that a hidden page's label does not count. */
static gboolean
is_showing_label_containing (GtkWidget     *widget,
                             gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_visible (widget) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  GtkWidget *child;

  if (!GTK_IS_BUTTON (widget))
    return FALSE;
  if (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return TRUE;

  child = gtk_button_get_child (GTK_BUTTON (widget));
  return child != NULL && find_widget (child, is_label_with_text, label) != NULL;
}

GtkWidget *
anju_kiosk_test_find_id (GtkWidget  *root,
                         const char *id)
{
  return find_widget (root, has_id, id);
}

GtkWidget *
anju_kiosk_test_find_named (GtkWidget  *root,
                            const char *name)
{
  return find_widget (root, has_name, name);
}

GtkWidget *
anju_kiosk_test_find_label (GtkWidget  *root,
                            const char *text)
{
  return find_widget (root, is_label_with_text, text);
}

GtkWidget *
anju_kiosk_test_find_label_containing (GtkWidget  *root,
                                       const char *text)
{
  return find_widget (root, is_showing_label_containing, text);
}

GtkWidget *
anju_kiosk_test_find_button (GtkWidget  *root,
                             const char *label)
{
  return find_widget (root, is_button_labelled, label);
}

gboolean
anju_kiosk_test_shows_text (GtkWidget  *root,
                            const char *text)
{
  return anju_kiosk_test_find_label_containing (root, text) != NULL;
}

void
anju_kiosk_test_click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

void
anju_kiosk_test_click_label (GtkWidget  *root,
                             const char *label)
{
  GtkWidget *button = anju_kiosk_test_find_button (root, label);

  if (button == NULL)
    g_error ("No button “%s”", label);
  anju_kiosk_test_click (button);
}

void
anju_kiosk_test_set_text (GtkWidget  *editable,
                          const char *text)
{
  g_assert_true (GTK_IS_EDITABLE (editable));
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
}

GtkWidget *
anju_kiosk_test_child (GtkWidget  *root,
                       const char *id)
{
  GtkWidget *widget = anju_kiosk_test_find_id (root, id);

  if (widget == NULL)
    g_error ("No widget “%s”", id);
  return widget;
}
