/* anju-kiosk-window.c
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "anju-kiosk-service-tile.h"
#include "anju-kiosk-window.h"

struct _AnjuKioskWindow
{
  GtkApplicationWindow parent_instance;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  GtkLabel            *time_label;
  GtkLabel            *date_label;
  GtkWidget           *services_grid;

  /* Owned */
  guint                clock_source;
};

G_DEFINE_FINAL_TYPE (AnjuKioskWindow, anju_kiosk_window, GTK_TYPE_APPLICATION_WINDOW)

static void schedule_clock_tick (AnjuKioskWindow *self);

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
show_unavailable_toast (AnjuKioskWindow *self)
{
  AdwToast *toast;

  toast = adw_toast_new (_("This service is not available on this terminal yet"));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* An insensitive tile receives no events; the tap lands on the grid
 * instead, which finds the tile under the finger and answers for it. */
static void
services_grid_released_cb (GtkGestureClick *gesture,
                           int              n_press,
                           double           x,
                           double           y,
                           AnjuKioskWindow *self)
{
  GtkWidget *picked;
  GtkWidget *tile;

  picked = gtk_widget_pick (self->services_grid, x, y, GTK_PICK_INSENSITIVE);
  if (picked == NULL)
    return;

  tile = gtk_widget_get_ancestor (picked, ANJU_TYPE_KIOSK_SERVICE_TILE);
  if (tile != NULL && !gtk_widget_get_sensitive (tile))
    show_unavailable_toast (self);
}

static void
describe_unavailable_tiles (AnjuKioskWindow *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (self->services_grid);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ANJU_IS_KIOSK_SERVICE_TILE (child) && !gtk_widget_get_sensitive (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                        _("This service is not available on this terminal yet"),
                                        -1);
    }
}

static void
anju_kiosk_window_dispose (GObject *object)
{
  AnjuKioskWindow *self = ANJU_KIOSK_WINDOW (object);

  g_clear_handle_id (&self->clock_source, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_KIOSK_WINDOW);

  G_OBJECT_CLASS (anju_kiosk_window_parent_class)->dispose (object);
}

static void
anju_kiosk_window_class_init (AnjuKioskWindowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = anju_kiosk_window_dispose;

  g_type_ensure (ANJU_TYPE_KIOSK_SERVICE_TILE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/anju/Kiosk/ui/anju-kiosk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskWindow, time_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskWindow, date_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskWindow, services_grid);
  gtk_widget_class_bind_template_callback (widget_class, services_grid_released_cb);
}

static void
anju_kiosk_window_init (AnjuKioskWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  describe_unavailable_tiles (self);
  update_clock (self);
  schedule_clock_tick (self);
}

AnjuKioskWindow *
anju_kiosk_window_new (AnjuKioskApplication *application)
{
  g_return_val_if_fail (ANJU_IS_KIOSK_APPLICATION (application), NULL);

  return g_object_new (ANJU_TYPE_KIOSK_WINDOW,
                       "application", application,
                       NULL);
}
