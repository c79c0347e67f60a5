/* anju-kiosk-staff-screen.c
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "anju-error-message.h"
#include "anju-kiosk-apply-draft.h"
#include "anju-kiosk-codes.h"
#include "anju-kiosk-context.h"
#include "anju-kiosk-staff-screen.h"
#include "anju-record.h"

#define QR_PREFIX "anju:pubrent-application:"
/* A person holds the receipt up for a moment: four looks a second find
 * it without keeping the CPU busy decoding. */
#define SCAN_INTERVAL_MS 250

struct _AnjuKioskStaffScreen
{
  GtkBox            parent_instance;

  /* Template widgets */
  GtkLabel         *staff_label;
  GtkStack         *staff_stack;
  GtkEntry         *username_entry;
  GtkPasswordEntry *password_entry;
  GtkLabel         *sign_in_error_label;
  GtkLabel         *scan_status_label;
  GtkPicture       *scan_picture;
  GtkEntry         *number_entry;
  GtkLabel         *find_error_label;
  GtkLabel         *application_label;
  GtkLabel         *applicant_label;
  GtkListBox       *files_list;
  GtkLabel         *application_error_label;
  GtkDropDown      *category_dropdown;
  GtkStack         *material_stack;
  GtkPicture       *material_camera_picture;
  GtkPicture       *material_photo_picture;
  GtkLabel         *material_status_label;

  /* Owned */
  AnjuKioskContext *context;
  GCancellable     *cancellable;
  AnjuApiClient    *staff;          /* (nullable) the person's session */
  JsonObject       *codes;          /* (nullable) */
  gboolean          busy;
  gboolean          camera_started;
  guint             scan_source;
  gint64            application_id;
  char             *application_no;
  char             *wanted_no;      /* (nullable) being looked for */
  GBytes           *photo_jpeg;     /* (nullable) */
};

static void anju_kiosk_staff_screen_iface_init (AnjuKioskScreenInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AnjuKioskStaffScreen, anju_kiosk_staff_screen, GTK_TYPE_BOX,
                               G_IMPLEMENT_INTERFACE (ANJU_TYPE_KIOSK_SCREEN,
                                                      anju_kiosk_staff_screen_iface_init))

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static void show_page      (AnjuKioskStaffScreen *self,
                            const char           *name);
static void open_number    (AnjuKioskStaffScreen *self,
                            const char           *application_no);
static void update_actions (AnjuKioskStaffScreen *self);

/* ---- helpers ------------------------------------------------------ */

static AnjuCamera *
get_camera (AnjuKioskStaffScreen *self)
{
  return anju_kiosk_devices_get_camera (anju_kiosk_context_get_devices (self->context));
}

static void
show_message (GtkLabel   *label,
              const char *message)
{
  gtk_label_set_label (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL && *message != '\0');
}

static void
show_error (GtkLabel     *label,
            const GError *error)
{
  g_autofree char *message = anju_error_message_for (error, NULL);

  show_message (label, message);
}

static void
set_busy (AnjuKioskStaffScreen *self,
          gboolean              busy)
{
  self->busy = busy;
  update_actions (self);
}

static const char *
visible_page (AnjuKioskStaffScreen *self)
{
  return gtk_stack_get_visible_child_name (self->staff_stack);
}

/* ---- the camera --------------------------------------------------- */

static void
stop_scanning (AnjuKioskStaffScreen *self)
{
  g_clear_handle_id (&self->scan_source, g_source_remove);
}

static void
stop_camera (AnjuKioskStaffScreen *self)
{
  AnjuCamera *camera = get_camera (self);

  stop_scanning (self);
  gtk_picture_set_paintable (self->scan_picture, NULL);
  gtk_picture_set_paintable (self->material_camera_picture, NULL);
  if (camera != NULL && self->camera_started)
    anju_camera_stop (camera);
  self->camera_started = FALSE;
}

/* The preview goes to picture; FALSE with the reason in label when
 * there is no working camera. */
static gboolean
start_camera (AnjuKioskStaffScreen *self,
              GtkPicture           *picture,
              GtkLabel             *label)
{
  AnjuCamera *camera = get_camera (self);
  g_autoptr(GError) error = NULL;

  if (camera == NULL)
    {
      gtk_label_set_label (label, _("This terminal has no camera."));
      return FALSE;
    }
  if (!self->camera_started && !anju_camera_start (camera, &error))
    {
      /* Translators: %s says what went wrong with the camera */
      g_autofree char *message = g_strdup_printf (_("The camera does not work: %s"), error->message);

      gtk_label_set_label (label, message);
      return FALSE;
    }

  self->camera_started = TRUE;
  gtk_picture_set_paintable (picture, anju_camera_get_paintable (camera));
  return TRUE;
}

/* A picture has come (or gone): "Take photo" needs one. */
static gboolean
camera_has_picture (AnjuKioskStaffScreen *self)
{
  AnjuCamera *camera;

  if (!self->camera_started)
    return FALSE;

  camera = get_camera (self);
  return camera != NULL && gdk_paintable_get_intrinsic_width (anju_camera_get_paintable (camera)) > 0;
}

static void
camera_size_changed_cb (AnjuKioskStaffScreen *self)
{
  update_actions (self);
}

static gboolean
scan_cb (gpointer user_data)
{
  AnjuKioskStaffScreen *self = ANJU_KIOSK_STAFF_SCREEN (user_data);
  g_autofree char *text = anju_camera_scan_qr (get_camera (self));
  g_autofree char *number = NULL;

  if (text == NULL || self->busy)
    return G_SOURCE_CONTINUE;

  number = anju_kiosk_staff_parse_qr (text);
  if (number == NULL)
    {
      gtk_label_set_label (self->scan_status_label,
                           _("This code is not an application receipt. Please show the receipt's code."));
      return G_SOURCE_CONTINUE;
    }

  open_number (self, number);
  return G_SOURCE_CONTINUE;
}

static void
start_scanning (AnjuKioskStaffScreen *self)
{
  if (!start_camera (self, self->scan_picture, self->scan_status_label))
    return;

  gtk_label_set_label (self->scan_status_label,
                       _("Hold the QR code of the applicant's receipt in front of the camera."));
  stop_scanning (self);
  self->scan_source = g_timeout_add (SCAN_INTERVAL_MS, scan_cb, self);
}

/* ---- signing in and out ------------------------------------------- */

static void
codes_loaded_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  AnjuKioskStaffScreen *self;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) names = NULL;

  node = anju_api_client_request_finish (ANJU_API_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = ANJU_KIOSK_STAFF_SCREEN (user_data);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      show_error (self->find_error_label, error);
      return;
    }

  g_clear_pointer (&self->codes, json_object_unref);
  self->codes = json_object_ref (json_node_get_object (node));
  names = anju_kiosk_codes_names (self->codes, "file_category", NULL);
  gtk_drop_down_set_model (self->category_dropdown, G_LIST_MODEL (names));
  update_actions (self);
}

static void
signed_in_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  AnjuKioskStaffScreen *self;
  g_autoptr(JsonObject) answer = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *user;

  answer = anju_api_client_login_finish (ANJU_API_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = ANJU_KIOSK_STAFF_SCREEN (user_data);
  set_busy (self, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->password_entry), "");
  if (answer == NULL)
    {
      g_clear_object (&self->staff);
      show_error (self->sign_in_error_label, error);
      return;
    }

  user = anju_api_client_get_user (self->staff);
  {
    /* Translators: %1$s is the staff member's name, %2$s their organisation */
    g_autofree char *who = g_strdup_printf (_("%1$s, %2$s"), anju_json_get_string (user, "name"),
                                            anju_json_get_string (anju_json_get_object (user, "organisation"),
                                                                  "name"));

    gtk_label_set_label (self->staff_label, who);
  }
  gtk_editable_set_text (GTK_EDITABLE (self->username_entry), "");
  anju_api_client_request_async (self->staff, "GET", "/api/v1/pubrent/codes", NULL,
                                 self->cancellable, codes_loaded_cb, self);
  show_page (self, "find");
}

static void
sign_in_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AnjuKioskStaffScreen *self = ANJU_KIOSK_STAFF_SCREEN (widget);
  const AnjuKioskConfig *config = anju_kiosk_context_get_config (self->context);
  g_autofree char *username = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->username_entry))));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_entry));

  if (*username == '\0' || *password == '\0')
    {
      show_message (self->sign_in_error_label, _("Please enter your username and password."));
      return;
    }

  show_message (self->sign_in_error_label, NULL);
  g_clear_object (&self->staff);
  self->staff = anju_api_client_new (config->server_url, config->certificate_pem);
  set_busy (self, TRUE);
  anju_api_client_login_async (self->staff, username, password, self->cancellable,
                               signed_in_cb, self);
}

static void
password_activated_cb (AnjuKioskStaffScreen *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "staff.sign-in", NULL);
}

static void
logged_out_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* The token is dropped whatever the answer; the server's idle timeout
   * ends a session it did not hear about. */
  if (!anju_api_client_logout_finish (ANJU_API_CLIENT (source), result, &error))
    g_debug ("Staff sign-out: %s", error->message);
}

/* Forgets the applicant and the person; the session ends on the server
 * too.  The logout keeps its client alive by itself (the task holds it),
 * so it outlives the screen's reference. */
static void
sign_out (AnjuKioskStaffScreen *self)
{
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  stop_camera (self);

  if (self->staff != NULL && anju_api_client_is_signed_in (self->staff))
    anju_api_client_logout_async (self->staff, NULL, logged_out_cb, NULL);
  g_clear_object (&self->staff);

  self->application_id = 0;
  anju_kiosk_wipe_string (&self->application_no);
  anju_kiosk_wipe_string (&self->wanted_no);
  anju_kiosk_wipe_bytes (&self->photo_jpeg);
  self->busy = FALSE;

  gtk_editable_set_text (GTK_EDITABLE (self->username_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->password_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->number_entry), "");
  gtk_label_set_label (self->staff_label, "");
  gtk_label_set_label (self->application_label, "");
  gtk_label_set_label (self->applicant_label, "");
  gtk_label_set_label (self->scan_status_label, "");
  gtk_label_set_label (self->material_status_label, "");
  show_message (self->sign_in_error_label, NULL);
  show_message (self->find_error_label, NULL);
  show_message (self->application_error_label, NULL);
  gtk_picture_set_paintable (self->material_photo_picture, NULL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->files_list))) != NULL)
    gtk_list_box_remove (self->files_list, child);

  show_page (self, "sign-in");
}

static void
sign_out_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  sign_out (ANJU_KIOSK_STAFF_SCREEN (widget));
}

/* ---- the application ---------------------------------------------- */

static GtkWidget *
make_file_row (AnjuKioskStaffScreen *self,
               JsonObject           *file)
{
  const char *category = anju_json_get_string (file, "category");
  const char *category_name = anju_kiosk_codes_get_name (self->codes, "file_category", category);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 category_name != NULL ? category_name : category);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), anju_json_get_string (file, "name"));
  gtk_widget_set_name (row, category);

  return row;
}

static void
show_application (AnjuKioskStaffScreen *self,
                  JsonObject           *application)
{
  JsonArray *files = anju_json_get_array (application, "files");
  const char *type = anju_json_get_string (application, "business_type");
  const char *type_name = anju_kiosk_codes_get_name (self->codes, "business_type", type);
  g_autoptr(GString) text = g_string_new (NULL);
  GtkWidget *child;

  g_free (self->application_no);
  self->application_no = g_strdup (anju_json_get_string (application, "application_no"));
  self->application_id = anju_json_get_int (application, "id", 0);

  gtk_label_set_label (self->application_label, self->application_no);
  g_string_append_printf (text, "%s: %s\n", _("Applicant"),
                          anju_json_get_string (application, "applicant_name"));
  g_string_append_printf (text, "%s: %s\n", _("ID number"),
                          anju_json_get_string (application, "id_no"));
  g_string_append_printf (text, "%s: %s\n", _("Mobile phone"),
                          anju_json_get_string (application, "phone"));
  g_string_append_printf (text, "%s: %s\n", _("Business type"), type_name != NULL ? type_name : type);
  /* Translators: the number of people in the household */
  g_string_append_printf (text, _("Household: %u people"),
                          (guint) anju_json_get_int (application, "household_size", 0));
  g_string_append_printf (text, "\n%s: %s", _("Status"),
                          anju_json_get_string (application, "status_label"));
  gtk_label_set_label (self->applicant_label, text->str);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->files_list))) != NULL)
    gtk_list_box_remove (self->files_list, child);
  for (guint i = 0; files != NULL && i < json_array_get_length (files); i++)
    gtk_list_box_append (self->files_list,
                         make_file_row (self, json_array_get_object_element (files, i)));

  show_message (self->application_error_label, NULL);
  show_page (self, "application");
}

static void
application_loaded_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  AnjuKioskStaffScreen *self;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  node = anju_api_client_request_finish (ANJU_API_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = ANJU_KIOSK_STAFF_SCREEN (user_data);
  set_busy (self, FALSE);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      show_error (g_str_equal (visible_page (self), "find") ? self->find_error_label
                                                            : self->application_error_label,
                  error);
      return;
    }

  show_application (self, json_node_get_object (node));
}

static void
load_application (AnjuKioskStaffScreen *self,
                  gint64                id)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/pubrent/applications/%" G_GINT64_FORMAT, id);

  set_busy (self, TRUE);
  anju_api_client_request_async (self->staff, "GET", path, NULL, self->cancellable,
                                 application_loaded_cb, self);
}

static void
search_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  AnjuKioskStaffScreen *self;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  const char *wanted;
  JsonArray *items;

  node = anju_api_client_request_finish (ANJU_API_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = ANJU_KIOSK_STAFF_SCREEN (user_data);
  set_busy (self, FALSE);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      show_error (self->find_error_label, error);
      return;
    }

  wanted = self->wanted_no;
  items = anju_json_get_array (json_node_get_object (node), "items");
  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      if (g_strcmp0 (anju_json_get_string (item, "application_no"), wanted) == 0)
        {
          load_application (self, anju_json_get_int (item, "id", 0));
          return;
        }
    }

  {
    /* Translators: %s is the application number looked for */
    g_autofree char *message = g_strdup_printf (_("No application %s in your area."), wanted);

    show_message (self->find_error_label, message);
  }
}

static void
open_number (AnjuKioskStaffScreen *self,
             const char           *application_no)
{
  g_autofree char *escaped = g_uri_escape_string (application_no, NULL, FALSE);
  g_autofree char *path = g_strdup_printf ("/api/v1/pubrent/applications?q=%s", escaped);

  show_message (self->find_error_label, NULL);
  g_free (self->wanted_no);
  self->wanted_no = g_strdup (application_no);
  set_busy (self, TRUE);
  anju_api_client_request_async (self->staff, "GET", path, NULL, self->cancellable,
                                 search_done_cb, self);
}

static void
open_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AnjuKioskStaffScreen *self = ANJU_KIOSK_STAFF_SCREEN (widget);
  g_autofree char *number = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->number_entry))));

  if (*number == '\0')
    {
      show_message (self->find_error_label, _("Please type the application number."));
      return;
    }
  open_number (self, number);
}

static void
number_activated_cb (AnjuKioskStaffScreen *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "staff.open", NULL);
}

static void
find_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AnjuKioskStaffScreen *self = ANJU_KIOSK_STAFF_SCREEN (widget);

  self->application_id = 0;
  anju_kiosk_wipe_string (&self->application_no);
  gtk_editable_set_text (GTK_EDITABLE (self->number_entry), "");
  show_page (self, "find");
}

/* ---- materials ---------------------------------------------------- */

static void
material_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  show_page (ANJU_KIOSK_STAFF_SCREEN (widget), "material");
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AnjuKioskStaffScreen *self = ANJU_KIOSK_STAFF_SCREEN (widget);

  anju_kiosk_wipe_bytes (&self->photo_jpeg);
  show_page (self, "application");
}

static void
take_photo_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AnjuKioskStaffScreen *self = ANJU_KIOSK_STAFF_SCREEN (widget);
  g_autoptr(GBytes) jpeg = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  texture = anju_camera_capture_still (get_camera (self), &jpeg, &error);
  if (texture == NULL)
    {
      /* Translators: %s says what went wrong with the camera */
      g_autofree char *message = g_strdup_printf (_("No photo could be taken: %s"), error->message);

      gtk_label_set_label (self->material_status_label, message);
      return;
    }

  anju_kiosk_wipe_bytes (&self->photo_jpeg);
  self->photo_jpeg = g_steal_pointer (&jpeg);
  gtk_picture_set_paintable (self->material_photo_picture, GDK_PAINTABLE (texture));
  gtk_stack_set_visible_child_name (self->material_stack, "photo");
  gtk_label_set_label (self->material_status_label,
                       _("Is the material readable? Tap “Upload”, or “Take again”."));
  stop_camera (self);
  update_actions (self);
}

static void
retake_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  show_page (ANJU_KIOSK_STAFF_SCREEN (widget), "material");
}

static const char *
selected_category (AnjuKioskStaffScreen *self)
{
  return anju_kiosk_codes_get_code_at (self->codes, "file_category",
                                       gtk_drop_down_get_selected (self->category_dropdown));
}

static void
file_attached_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  AnjuKioskStaffScreen *self;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  node = anju_api_client_request_finish (ANJU_API_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = ANJU_KIOSK_STAFF_SCREEN (user_data);
  set_busy (self, FALSE);
  if (node == NULL)
    {
      show_error (self->material_status_label, error);
      gtk_widget_set_visible (GTK_WIDGET (self->material_status_label), TRUE);
      return;
    }

  anju_kiosk_wipe_bytes (&self->photo_jpeg);
  anju_kiosk_context_notify (self->context, _("The material has been attached."));
  load_application (self, self->application_id);
}

static void
file_uploaded_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  AnjuKioskStaffScreen *self;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  node = anju_api_client_upload_finish (ANJU_API_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = ANJU_KIOSK_STAFF_SCREEN (user_data);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      set_busy (self, FALSE);
      show_error (self->material_status_label, error);
      gtk_widget_set_visible (GTK_WIDGET (self->material_status_label), TRUE);
      return;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "file_id");
  json_builder_add_int_value (builder, anju_json_get_int (json_node_get_object (node), "id", 0));
  json_builder_set_member_name (builder, "category");
  json_builder_add_string_value (builder, selected_category (self));
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  path = g_strdup_printf ("/api/v1/pubrent/applications/%" G_GINT64_FORMAT "/files",
                          self->application_id);
  anju_api_client_request_async (self->staff, "POST", path, body, self->cancellable,
                                 file_attached_cb, self);
}

static void
upload_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AnjuKioskStaffScreen *self = ANJU_KIOSK_STAFF_SCREEN (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *name = g_strdup_printf ("%s-%s-%s.jpg", self->application_no,
                                           selected_category (self), stamp);
  g_autofree char *escaped = g_uri_escape_string (name, NULL, FALSE);
  g_autofree char *path = g_strdup_printf ("/api/v1/files?name=%s", escaped);

  set_busy (self, TRUE);
  gtk_label_set_label (self->material_status_label, _("Uploading…"));
  anju_api_client_upload_async (self->staff, path, self->photo_jpeg, "image/jpeg",
                                self->cancellable, file_uploaded_cb, self);
}

/* ---- pages -------------------------------------------------------- */

static void
update_actions (AnjuKioskStaffScreen *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean signed_in = self->staff != NULL && anju_api_client_is_signed_in (self->staff);
  gboolean idle = !self->busy;

  gtk_widget_action_set_enabled (widget, "staff.sign-in", idle && !signed_in);
  gtk_widget_action_set_enabled (widget, "staff.sign-out", signed_in || self->busy);
  gtk_widget_action_set_enabled (widget, "staff.open", idle && signed_in);
  gtk_widget_action_set_enabled (widget, "staff.find", idle && signed_in);
  gtk_widget_action_set_enabled (widget, "staff.material",
                                 idle && self->application_id != 0 && self->codes != NULL);
  gtk_widget_action_set_enabled (widget, "staff.back", idle && self->application_id != 0);
  gtk_widget_action_set_enabled (widget, "staff.take-photo",
                                 idle && camera_has_picture (self) && self->photo_jpeg == NULL);
  gtk_widget_action_set_enabled (widget, "staff.retake", idle && self->photo_jpeg != NULL);
  gtk_widget_action_set_enabled (widget, "staff.upload",
                                 idle && self->photo_jpeg != NULL && selected_category (self) != NULL);
}

static void
show_page (AnjuKioskStaffScreen *self,
           const char           *name)
{
  stop_camera (self);
  gtk_stack_set_visible_child_name (self->staff_stack, name);

  if (g_str_equal (name, "find"))
    {
      start_scanning (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->number_entry));
    }
  else if (g_str_equal (name, "material"))
    {
      anju_kiosk_wipe_bytes (&self->photo_jpeg);
      gtk_picture_set_paintable (self->material_photo_picture, NULL);
      gtk_stack_set_visible_child_name (self->material_stack, "preview");
      if (start_camera (self, self->material_camera_picture, self->material_status_label))
        gtk_label_set_label (self->material_status_label,
                             _("Choose the kind of material, lay it under the camera and tap “Take photo”."));
    }
  update_actions (self);
}

static void
anju_kiosk_staff_screen_activate (AnjuKioskScreen *screen)
{
  AnjuKioskStaffScreen *self = ANJU_KIOSK_STAFF_SCREEN (screen);

  if (self->staff == NULL)
    show_page (self, "sign-in");
}

static void
anju_kiosk_staff_screen_reset (AnjuKioskScreen *screen)
{
  sign_out (ANJU_KIOSK_STAFF_SCREEN (screen));
}

static void
anju_kiosk_staff_screen_iface_init (AnjuKioskScreenInterface *iface)
{
  iface->activate = anju_kiosk_staff_screen_activate;
  iface->reset = anju_kiosk_staff_screen_reset;
}

/* ---- GObject ------------------------------------------------------ */

static void
anju_kiosk_staff_screen_constructed (GObject *object)
{
  AnjuKioskStaffScreen *self = ANJU_KIOSK_STAFF_SCREEN (object);
  AnjuCamera *camera;

  G_OBJECT_CLASS (anju_kiosk_staff_screen_parent_class)->constructed (object);

  g_return_if_fail (self->context != NULL);

  camera = get_camera (self);
  if (camera != NULL)
    g_signal_connect_object (anju_camera_get_paintable (camera), "invalidate-size",
                             G_CALLBACK (camera_size_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
anju_kiosk_staff_screen_dispose (GObject *object)
{
  AnjuKioskStaffScreen *self = ANJU_KIOSK_STAFF_SCREEN (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  stop_scanning (self);
  if (self->context != NULL)
    stop_camera (self);
  if (self->staff != NULL && anju_api_client_is_signed_in (self->staff))
    anju_api_client_logout_async (self->staff, NULL, logged_out_cb, NULL);
  g_clear_object (&self->staff);

  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_KIOSK_STAFF_SCREEN);

  g_clear_object (&self->context);

  G_OBJECT_CLASS (anju_kiosk_staff_screen_parent_class)->dispose (object);
}

static void
anju_kiosk_staff_screen_finalize (GObject *object)
{
  AnjuKioskStaffScreen *self = ANJU_KIOSK_STAFF_SCREEN (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->codes, json_object_unref);
  anju_kiosk_wipe_string (&self->application_no);
  anju_kiosk_wipe_string (&self->wanted_no);
  anju_kiosk_wipe_bytes (&self->photo_jpeg);

  G_OBJECT_CLASS (anju_kiosk_staff_screen_parent_class)->finalize (object);
}

static void
anju_kiosk_staff_screen_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  AnjuKioskStaffScreen *self = ANJU_KIOSK_STAFF_SCREEN (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_kiosk_staff_screen_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  AnjuKioskStaffScreen *self = ANJU_KIOSK_STAFF_SCREEN (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_kiosk_staff_screen_class_init (AnjuKioskStaffScreenClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = anju_kiosk_staff_screen_constructed;
  object_class->dispose = anju_kiosk_staff_screen_dispose;
  object_class->finalize = anju_kiosk_staff_screen_finalize;
  object_class->get_property = anju_kiosk_staff_screen_get_property;
  object_class->set_property = anju_kiosk_staff_screen_set_property;

  g_object_class_override_property (object_class, PROP_CONTEXT, "context");

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/anju/Kiosk/ui/anju-kiosk-staff-screen.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskStaffScreen, staff_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskStaffScreen, staff_stack);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskStaffScreen, username_entry);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskStaffScreen, password_entry);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskStaffScreen, sign_in_error_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskStaffScreen, scan_status_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskStaffScreen, scan_picture);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskStaffScreen, number_entry);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskStaffScreen, find_error_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskStaffScreen, application_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskStaffScreen, applicant_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskStaffScreen, files_list);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskStaffScreen, application_error_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskStaffScreen, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskStaffScreen, material_stack);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskStaffScreen, material_camera_picture);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskStaffScreen, material_photo_picture);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskStaffScreen, material_status_label);
  gtk_widget_class_bind_template_callback (widget_class, password_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, number_activated_cb);

  gtk_widget_class_install_action (widget_class, "staff.sign-in", NULL, sign_in_activated);
  gtk_widget_class_install_action (widget_class, "staff.sign-out", NULL, sign_out_activated);
  gtk_widget_class_install_action (widget_class, "staff.open", NULL, open_activated);
  gtk_widget_class_install_action (widget_class, "staff.find", NULL, find_activated);
  gtk_widget_class_install_action (widget_class, "staff.material", NULL, material_activated);
  gtk_widget_class_install_action (widget_class, "staff.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "staff.take-photo", NULL, take_photo_activated);
  gtk_widget_class_install_action (widget_class, "staff.retake", NULL, retake_activated);
  gtk_widget_class_install_action (widget_class, "staff.upload", NULL, upload_activated);
}

static void
anju_kiosk_staff_screen_init (AnjuKioskStaffScreen *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  update_actions (self);
}

const char *
anju_kiosk_staff_screen_get_page_name (AnjuKioskStaffScreen *self)
{
  g_return_val_if_fail (ANJU_IS_KIOSK_STAFF_SCREEN (self), NULL);

  return visible_page (self);
}

AnjuApiClient *
anju_kiosk_staff_screen_get_staff_client (AnjuKioskStaffScreen *self)
{
  g_return_val_if_fail (ANJU_IS_KIOSK_STAFF_SCREEN (self), NULL);

  return self->staff != NULL && anju_api_client_is_signed_in (self->staff) ? self->staff : NULL;
}

gint64
anju_kiosk_staff_screen_get_application_id (AnjuKioskStaffScreen *self)
{
  g_return_val_if_fail (ANJU_IS_KIOSK_STAFF_SCREEN (self), 0);

  return self->application_id;
}

char *
anju_kiosk_staff_parse_qr (const char *text)
{
  const char *number;

  if (text == NULL || !g_str_has_prefix (text, QR_PREFIX))
    return NULL;

  number = text + strlen (QR_PREFIX);
  if (*number == '\0' || strpbrk (number, " \t\r\n/?&") != NULL)
    return NULL;

  return g_strdup (number);
}
