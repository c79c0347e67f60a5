/* anju-kiosk-application.c
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "anju-kiosk-application.h"
#include "anju-kiosk-context.h"
#include "anju-kiosk-window.h"

#define DEFAULT_CONFIG_PATH "/etc/anju/kiosk.conf"

#define DEFAULT_WINDOWED_WIDTH 1280
#define DEFAULT_WINDOWED_HEIGHT 800

struct _AnjuKioskApplication
{
  AdwApplication parent_instance;

  gboolean       windowed;
  char          *config_path;     /* (owned) */
};

G_DEFINE_FINAL_TYPE (AnjuKioskApplication, anju_kiosk_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "windowed", 'w', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Show the terminal in a window instead of fullscreen, for development"), NULL },
  { "config", 'c', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Read the terminal’s configuration from FILE (default /etc/anju/kiosk.conf)"), N_("FILE") },
  { NULL }
};

static void
quit_activated_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

/* A terminal may run a bare X session with no window manager, which
 * ignores the fullscreen request; a window the size of the monitor still
 * covers the screen there. */
static void
cover_first_monitor (GtkWindow *window)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (window)));
  g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, 0);
  GdkRectangle geometry;

  if (monitor == NULL)
    return;

  gdk_monitor_get_geometry (monitor, &geometry);
  gtk_window_set_default_size (window, geometry.width, geometry.height);
}

static int
anju_kiosk_application_handle_local_options (GApplication *application,
                                             GVariantDict *options)
{
  AnjuKioskApplication *self = ANJU_KIOSK_APPLICATION (application);

  self->windowed = g_variant_dict_contains (options, "windowed");
  g_clear_pointer (&self->config_path, g_free);
  if (!g_variant_dict_lookup (options, "config", "^ay", &self->config_path))
    self->config_path = g_strdup (DEFAULT_CONFIG_PATH);

  /* -1: go on with the usual startup (register, then activate). */
  return -1;
}

static void
anju_kiosk_application_startup (GApplication *application)
{
  AnjuKioskApplication *self = ANJU_KIOSK_APPLICATION (application);
  g_autoptr(GSimpleAction) quit = NULL;

  G_APPLICATION_CLASS (anju_kiosk_application_parent_class)->startup (application);

  /* A citizen must not be able to close the terminal, so the shortcut
   * exists only for developers running it in a window. */
  if (self->windowed)
    {
      static const char *quit_accels[] = { "<Control>q", NULL };

      quit = g_simple_action_new ("quit", NULL);
      g_signal_connect_object (quit, "activate", G_CALLBACK (quit_activated_cb), self, 0);
      g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (quit));
      gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
    }
}

/* The terminal's window, or one that names what keeps it from starting
 * (a bad config, a simulator that does not start). */
static GtkWindow *
create_window (AnjuKioskApplication *self)
{
  g_autoptr(AnjuKioskConfig) config = NULL;
  g_autoptr(AnjuKioskDevices) devices = NULL;
  g_autoptr(AnjuKioskContext) context = NULL;
  g_autoptr(GError) error = NULL;

  config = anju_kiosk_config_load (self->config_path, &error);
  if (config != NULL)
    devices = anju_kiosk_devices_new (config, &error);
  if (devices == NULL)
    {
      g_warning ("%s", error->message);
      return GTK_WINDOW (anju_kiosk_window_new_failed (GTK_APPLICATION (self), error->message));
    }

  context = anju_kiosk_context_new (g_steal_pointer (&config), devices);
  return GTK_WINDOW (anju_kiosk_window_new (GTK_APPLICATION (self), context));
}

static void
anju_kiosk_application_activate (GApplication *application)
{
  AnjuKioskApplication *self = ANJU_KIOSK_APPLICATION (application);
  GtkWindow            *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    {
      window = create_window (self);
      anju_kiosk_window_set_closable (ANJU_KIOSK_WINDOW (window), self->windowed);

      if (self->windowed)
        {
          gtk_window_set_decorated (window, TRUE);
          gtk_window_set_default_size (window, DEFAULT_WINDOWED_WIDTH, DEFAULT_WINDOWED_HEIGHT);
        }
      else
        {
          cover_first_monitor (window);
          gtk_window_fullscreen (window);
        }
    }

  gtk_window_present (window);
}

static void
anju_kiosk_application_finalize (GObject *object)
{
  AnjuKioskApplication *self = ANJU_KIOSK_APPLICATION (object);

  g_clear_pointer (&self->config_path, g_free);

  G_OBJECT_CLASS (anju_kiosk_application_parent_class)->finalize (object);
}

static void
anju_kiosk_application_class_init (AnjuKioskApplicationClass *klass)
{
  GObjectClass      *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = anju_kiosk_application_finalize;

  application_class->handle_local_options = anju_kiosk_application_handle_local_options;
  application_class->startup = anju_kiosk_application_startup;
  application_class->activate = anju_kiosk_application_activate;
}

static void
anju_kiosk_application_init (AnjuKioskApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
}

AnjuKioskApplication *
anju_kiosk_application_new (void)
{
  return g_object_new (ANJU_TYPE_KIOSK_APPLICATION,
                       "application-id", "org.anju.Kiosk",
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       NULL);
}

gboolean
anju_kiosk_application_get_windowed (AnjuKioskApplication *self)
{
  g_return_val_if_fail (ANJU_IS_KIOSK_APPLICATION (self), FALSE);

  return self->windowed;
}
