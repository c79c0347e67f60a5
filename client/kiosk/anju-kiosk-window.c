/* anju-kiosk-window.c
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "anju-bench-timing.h"
#include "anju-error-message.h"
#include "anju-kiosk-home.h"
#include "anju-kiosk-maintenance-dialog.h"
#include "anju-kiosk-screen.h"
#include "anju-kiosk-screens.h"
#include "anju-kiosk-window.h"

/* Taps on the clock that open the PIN pad, and how close together. */
#define MAINTENANCE_TAPS        5
#define MAINTENANCE_TAP_WINDOW  (3 * G_USEC_PER_SEC)
/* An unreachable server is asked again this often. */
#define RETRY_SECONDS           15

struct _AnjuKioskWindow
{
  GtkApplicationWindow parent_instance;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  GtkWidget           *home_button;
  GtkLabel            *title_label;
  GtkLabel            *time_label;
  GtkLabel            *date_label;
  GtkStack            *main_stack;
  GtkStack            *screens_stack;
  AnjuKioskHome       *home;
  AdwStatusPage       *unavailable_page;
  AdwStatusPage       *error_page;

  /* Owned */
  AnjuKioskContext    *context;           /* (nullable) for a failed start */
  AnjuKioskHeartbeat  *heartbeat;         /* (nullable) */
  GCancellable        *cancellable;
  char                *home_title;        /* (nullable) the layout's */
  gboolean             layout_high_contrast;
  gboolean             closable;
  guint                clock_source;
  guint                idle_source;
  guint                retry_source;
  guint                n_taps;
  gint64               first_tap_at;

  /* Borrowed */
  GtkWindow           *maintenance;       /* (nullable) (weak) */
};

G_DEFINE_FINAL_TYPE (AnjuKioskWindow, anju_kiosk_window, GTK_TYPE_APPLICATION_WINDOW)

static void schedule_clock_tick (AnjuKioskWindow *self);
static void load_home (AnjuKioskWindow *self);

static void
update_clock (AnjuKioskWindow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *time_text = NULL;
  g_autofree char *date_text = NULL;

  /* Translators: the kiosk's clock, a g_date_time_format() string */
  time_text = g_date_time_format (now, _("%H:%M"));
  /* Translators: the date under the kiosk's clock, a g_date_time_format()
   * string; in Chinese, "%Y年%-m月%-d日 %A" */
  date_text = g_date_time_format (now, _("%A, %B %-d, %Y"));

  gtk_label_set_label (self->time_label, time_text);
  gtk_label_set_label (self->date_label, date_text);
}

static gboolean
clock_tick_cb (gpointer user_data)
{
  AnjuKioskWindow *self = ANJU_KIOSK_WINDOW (user_data);

  self->clock_source = 0;
  update_clock (self);
  schedule_clock_tick (self);

  return G_SOURCE_REMOVE;
}

/* The clock shows minutes, so waking at each minute's start is enough: a
 * terminal runs all day, and a once-a-second timer would keep the CPU
 * from idling for nothing. */
static void
schedule_clock_tick (AnjuKioskWindow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int   seconds = g_date_time_get_second (now);
  int   milliseconds = g_date_time_get_microsecond (now) / 1000;
  guint ms_to_next_minute = (60 - seconds) * 1000 - milliseconds;

  g_clear_handle_id (&self->clock_source, g_source_remove);
  self->clock_source = g_timeout_add (ms_to_next_minute, clock_tick_cb, self);
}

static void
set_elderly_classes (AnjuKioskWindow *self,
                     gboolean         elderly)
{
  if (elderly)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "kiosk-large-text");
      gtk_widget_add_css_class (GTK_WIDGET (self), "kiosk-high-contrast");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "kiosk-large-text");
      gtk_widget_remove_css_class (GTK_WIDGET (self), "kiosk-high-contrast");
    }
}

static void
elderly_mode_changed_cb (AnjuKioskWindow *self)
{
  set_elderly_classes (self, anju_kiosk_home_get_elderly_mode (self->home));
}

static void
close_maintenance (AnjuKioskWindow *self)
{
  if (self->maintenance != NULL)
    gtk_window_destroy (self->maintenance);
}

/* Every screen forgets its citizen; the home and its title come back,
 * and the next citizen starts from the layout's own look. */
static void
reset_screens (AnjuKioskWindow *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->screens_stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (ANJU_IS_KIOSK_SCREEN (child))
      anju_kiosk_screen_reset (ANJU_KIOSK_SCREEN (child));
}

static void
show_home (AnjuKioskWindow *self)
{
  reset_screens (self);
  gtk_stack_set_visible_child_name (self->screens_stack, "home");
  gtk_widget_set_visible (self->home_button, FALSE);
  gtk_label_set_label (self->title_label,
                       self->home_title != NULL ? self->home_title
                                                : _("Xiangjiang New Area housing service terminal"));
}

static void
stop_idle_timer (AnjuKioskWindow *self)
{
  g_clear_handle_id (&self->idle_source, g_source_remove);
}

static gboolean
idle_timeout_cb (gpointer user_data)
{
  AnjuKioskWindow *self = ANJU_KIOSK_WINDOW (user_data);

  self->idle_source = 0;
  close_maintenance (self);
  show_home (self);
  anju_kiosk_home_set_elderly_mode (self->home, self->layout_high_contrast);
  /* Nobody is using the terminal: the moment to take a changed layout
   * without pulling a screen from under a citizen. */
  load_home (self);

  return G_SOURCE_REMOVE;
}

static void
restart_idle_timer (AnjuKioskWindow *self)
{
  stop_idle_timer (self);
  if (self->context == NULL || g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "kiosk") != 0)
    return;

  self->idle_source = g_timeout_add_seconds (anju_kiosk_context_get_config (self->context)->idle_timeout_seconds,
                                             idle_timeout_cb, self);
}

static gboolean
input_cb (AnjuKioskWindow *self,
          GdkEvent        *event)
{
  restart_idle_timer (self);

  return GDK_EVENT_PROPAGATE;
}

static void
show_screen_cb (AnjuKioskWindow *self,
                const char      *key)
{
  const AnjuKioskScreenInfo *info = anju_kiosk_screens_lookup (key);
  GtkWidget *screen = gtk_stack_get_child_by_name (self->screens_stack, key);

  if (info == NULL || screen == NULL)
    {
      g_warning ("No kiosk screen “%s”", key);
      return;
    }

  gtk_stack_set_visible_child (self->screens_stack, screen);
  gtk_widget_set_visible (self->home_button, TRUE);
  gtk_label_set_label (self->title_label, anju_kiosk_screens_get_title (info));
  anju_kiosk_screen_activate (ANJU_KIOSK_SCREEN (screen));
  restart_idle_timer (self);
}

static void
module_activated_cb (AnjuKioskWindow *self,
                     const char      *key)
{
  anju_kiosk_context_show_screen (self->context, key);
}

static void
go_home_cb (AnjuKioskWindow *self)
{
  show_home (self);
}

static void
home_clicked_cb (AnjuKioskWindow *self)
{
  if (self->context != NULL)
    anju_kiosk_context_go_home (self->context);
}

static void
message_cb (AnjuKioskWindow *self,
            const char      *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* The server no longer knows this terminal: nothing may go on, not even
 * the heartbeat, until an administrator enables it and it restarts. */
static void
terminal_refused_cb (AnjuKioskWindow *self,
                     const char      *message)
{
  g_message ("The server refused this terminal: %s", message);

  g_cancellable_cancel (self->cancellable);
  if (self->heartbeat != NULL)
    anju_kiosk_heartbeat_stop (self->heartbeat);
  g_clear_handle_id (&self->retry_source, g_source_remove);
  stop_idle_timer (self);
  close_maintenance (self);
  show_home (self);
  gtk_stack_set_visible_child_name (self->main_stack, "stopped");
}

static void
quit_requested_cb (AnjuKioskWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  g_message ("Quit from the maintenance dialog");
  if (application != NULL)
    g_application_quit (G_APPLICATION (application));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
open_maintenance (AnjuKioskWindow *self)
{
  AnjuKioskMaintenanceDialog *dialog;

  if (self->context == NULL || self->maintenance != NULL)
    return;

  dialog = anju_kiosk_maintenance_dialog_new (GTK_WINDOW (self), self->context);
  g_signal_connect_object (dialog, "quit-requested", G_CALLBACK (quit_requested_cb), self, G_CONNECT_SWAPPED);
  self->maintenance = GTK_WINDOW (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->maintenance);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
clock_long_pressed_cb (AnjuKioskWindow *self)
{
  open_maintenance (self);
}

static void
clock_released_cb (AnjuKioskWindow *self)
{
  gint64 now = g_get_monotonic_time ();

  if (self->n_taps == 0 || now - self->first_tap_at > MAINTENANCE_TAP_WINDOW)
    {
      self->n_taps = 0;
      self->first_tap_at = now;
    }
  if (++self->n_taps >= MAINTENANCE_TAPS)
    {
      self->n_taps = 0;
      open_maintenance (self);
    }
}

static void
banner_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(AnjuKioskWindow) self = user_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  bytes = anju_api_client_download_finish (ANJU_API_CLIENT (source), result, NULL, &error);
  if (bytes != NULL)
    texture = gdk_texture_new_from_bytes (bytes, &error);
  if (texture == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_message ("No banner: %s", error->message);
      return;
    }

  anju_kiosk_home_set_banner (self->home, GDK_PAINTABLE (texture));
}

static void
apply_layout (AnjuKioskWindow *self,
              JsonObject      *layout)
{
  JsonArray *modules = NULL;
  JsonNode *banner;

  g_clear_pointer (&self->home_title, g_free);
  self->home_title = g_strdup (json_object_get_string_member_with_default (layout, "title", NULL));
  if (json_object_has_member (layout, "modules") && JSON_NODE_HOLDS_ARRAY (json_object_get_member (layout, "modules")))
    modules = json_object_get_array_member (layout, "modules");
  anju_kiosk_home_set_modules (self->home, modules);

  self->layout_high_contrast = g_strcmp0 (json_object_get_string_member_with_default (layout, "theme", NULL),
                                          "high_contrast") == 0;
  anju_kiosk_home_set_elderly_mode (self->home, self->layout_high_contrast);

  banner = json_object_get_member (layout, "banner_file_id");
  if (banner != NULL && !JSON_NODE_HOLDS_NULL (banner))
    anju_api_client_download_async (anju_kiosk_context_get_api (self->context), "/api/v1/kiosk/banner",
                                    self->cancellable, banner_cb, g_object_ref (self));
  else
    anju_kiosk_home_set_banner (self->home, NULL);
}

static gboolean
retry_cb (gpointer user_data)
{
  AnjuKioskWindow *self = ANJU_KIOSK_WINDOW (user_data);

  self->retry_source = 0;
  load_home (self);

  return G_SOURCE_REMOVE;
}

static void
home_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(AnjuKioskWindow) self = user_data;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *home;

  answer = anju_api_client_request_finish (ANJU_API_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* ::terminal-refused has shown the stopped screen already. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "stopped") == 0)
    return;

  if (answer == NULL || !JSON_NODE_HOLDS_OBJECT (answer) ||
      !json_object_has_member (json_node_get_object (answer), "layout") ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (json_node_get_object (answer), "layout")))
    {
      g_autofree char *message = error != NULL ? anju_error_message_for (error, anju_kiosk_context_get_config (self->context)->server_url)
                                               : g_strdup (_("The server's answer could not be read."));

      adw_status_page_set_description (self->unavailable_page, message);
      gtk_stack_set_visible_child_name (self->main_stack, "unavailable");
      g_clear_handle_id (&self->retry_source, g_source_remove);
      self->retry_source = g_timeout_add_seconds (RETRY_SECONDS, retry_cb, self);
      return;
    }

  home = json_node_get_object (answer);
  anju_kiosk_context_set_home (self->context, home);
  apply_layout (self, json_object_get_object_member (home, "layout"));
  /* A refresh while a citizen has started meanwhile leaves them be. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "kiosk") != 0 ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->screens_stack), "home") == 0)
    show_home (self);
  gtk_stack_set_visible_child_name (self->main_stack, "kiosk");
  anju_bench_timing_mark ("home-shown");
  if (self->idle_source == 0)
    restart_idle_timer (self);
  anju_kiosk_heartbeat_start (self->heartbeat);
}

static void
load_home (AnjuKioskWindow *self)
{
  anju_api_client_request_async (anju_kiosk_context_get_api (self->context), "GET", "/api/v1/kiosk/home",
                                 NULL, self->cancellable, home_cb, g_object_ref (self));
}

static void
retry_clicked_cb (AnjuKioskWindow *self)
{
  g_clear_handle_id (&self->retry_source, g_source_remove);
  gtk_stack_set_visible_child_name (self->main_stack, "loading");
  load_home (self);
}

static void
add_screens (AnjuKioskWindow *self)
{
  const AnjuKioskScreenInfo *screens;
  guint n_screens;

  screens = anju_kiosk_screens_get_all (&n_screens);
  for (guint i = 0; i < n_screens; i++)
    gtk_stack_add_named (self->screens_stack, anju_kiosk_screens_create (&screens[i], self->context),
                         screens[i].key);
}

static gboolean
close_request_cb (GtkWindow *window)
{
  /* TRUE keeps the window: a citizen must not close the terminal. */
  return !ANJU_KIOSK_WINDOW (window)->closable;
}

static void
anju_kiosk_window_dispose (GObject *object)
{
  AnjuKioskWindow *self = ANJU_KIOSK_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->clock_source, g_source_remove);
  g_clear_handle_id (&self->idle_source, g_source_remove);
  g_clear_handle_id (&self->retry_source, g_source_remove);
  close_maintenance (self);
  if (self->heartbeat != NULL)
    anju_kiosk_heartbeat_stop (self->heartbeat);
  g_clear_object (&self->heartbeat);

  /* The toast overlay is both the window's child and a template child:
   * the window must let go of it first, or it would unparent it again
   * after the template did. */
  gtk_window_set_child (GTK_WINDOW (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_KIOSK_WINDOW);

  if (self->context != NULL)
    anju_kiosk_context_set_window (self->context, NULL);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (anju_kiosk_window_parent_class)->dispose (object);
}

static void
anju_kiosk_window_finalize (GObject *object)
{
  AnjuKioskWindow *self = ANJU_KIOSK_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->home_title, g_free);

  G_OBJECT_CLASS (anju_kiosk_window_parent_class)->finalize (object);
}

static void
anju_kiosk_window_class_init (AnjuKioskWindowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = anju_kiosk_window_dispose;
  object_class->finalize = anju_kiosk_window_finalize;
  window_class->close_request = close_request_cb;

  g_type_ensure (ANJU_TYPE_KIOSK_HOME);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/anju/Kiosk/ui/anju-kiosk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskWindow, home_button);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskWindow, time_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskWindow, date_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskWindow, screens_stack);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskWindow, home);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskWindow, unavailable_page);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskWindow, error_page);
  gtk_widget_class_bind_template_callback (widget_class, input_cb);
  gtk_widget_class_bind_template_callback (widget_class, home_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, clock_long_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, clock_released_cb);
  gtk_widget_class_bind_template_callback (widget_class, module_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, elderly_mode_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, retry_clicked_cb);
}

static void
anju_kiosk_window_init (AnjuKioskWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  update_clock (self);
  schedule_clock_tick (self);
}

AnjuKioskWindow *
anju_kiosk_window_new (GtkApplication   *application,
                       AnjuKioskContext *context)
{
  AnjuKioskWindow *self;

  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (ANJU_IS_KIOSK_CONTEXT (context), NULL);

  self = g_object_new (ANJU_TYPE_KIOSK_WINDOW, "application", application, NULL);
  self->context = g_object_ref (context);
  self->heartbeat = anju_kiosk_heartbeat_new (context);
  anju_kiosk_context_set_window (context, GTK_WINDOW (self));

  g_signal_connect_object (context, "go-home", G_CALLBACK (go_home_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "show-screen", G_CALLBACK (show_screen_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "message", G_CALLBACK (message_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (anju_kiosk_context_get_api (context), "terminal-refused",
                           G_CALLBACK (terminal_refused_cb), self, G_CONNECT_SWAPPED);

  add_screens (self);
  load_home (self);

  return self;
}

AnjuKioskWindow *
anju_kiosk_window_new_failed (GtkApplication *application,
                              const char     *message)
{
  AnjuKioskWindow *self;

  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);

  self = g_object_new (ANJU_TYPE_KIOSK_WINDOW, "application", application, NULL);
  adw_status_page_set_description (self->error_page, message);
  gtk_stack_set_visible_child_name (self->main_stack, "error");

  return self;
}

void
anju_kiosk_window_set_closable (AnjuKioskWindow *self,
                                gboolean         closable)
{
  g_return_if_fail (ANJU_IS_KIOSK_WINDOW (self));

  self->closable = closable;
}

AnjuKioskContext *
anju_kiosk_window_get_context (AnjuKioskWindow *self)
{
  g_return_val_if_fail (ANJU_IS_KIOSK_WINDOW (self), NULL);

  return self->context;
}

AnjuKioskHeartbeat *
anju_kiosk_window_get_heartbeat (AnjuKioskWindow *self)
{
  g_return_val_if_fail (ANJU_IS_KIOSK_WINDOW (self), NULL);

  return self->heartbeat;
}

const char *
anju_kiosk_window_get_state (AnjuKioskWindow *self)
{
  g_return_val_if_fail (ANJU_IS_KIOSK_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->main_stack);
}

const char *
anju_kiosk_window_get_screen_key (AnjuKioskWindow *self)
{
  g_return_val_if_fail (ANJU_IS_KIOSK_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->screens_stack);
}

GtkWidget *
anju_kiosk_window_get_screen (AnjuKioskWindow *self,
                              const char      *key)
{
  g_return_val_if_fail (ANJU_IS_KIOSK_WINDOW (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  return gtk_stack_get_child_by_name (self->screens_stack, key);
}

GtkWindow *
anju_kiosk_window_get_maintenance_dialog (AnjuKioskWindow *self)
{
  g_return_val_if_fail (ANJU_IS_KIOSK_WINDOW (self), NULL);

  return self->maintenance;
}
