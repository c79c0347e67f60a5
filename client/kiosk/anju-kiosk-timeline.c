/* anju-kiosk-timeline.c
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "anju-kiosk-timeline.h"

struct _AnjuKioskTimeline
{
  GtkBox parent_instance;
};

G_DEFINE_FINAL_TYPE (AnjuKioskTimeline, anju_kiosk_timeline, GTK_TYPE_BOX)

typedef struct
{
  const char *state;
  const char *icon_name;
  const char *label;       /* N_() */
  const char *css_class;
} StateLook;

static const StateLook looks[] = {
  { "done", "emblem-ok-symbolic", N_("Done"), "success" },
  { "current", "media-playback-start-symbolic", N_("In progress"), "accent" },
  { "pending", "content-loading-symbolic", N_("Not yet"), "dim-label" },
  { "skipped", "media-skip-forward-symbolic", N_("Not needed"), "dim-label" },
  { "failed", "dialog-error-symbolic", N_("Not passed"), "error" },
};

static const StateLook *
look_for (const char *state)
{
  for (guint i = 0; i < G_N_ELEMENTS (looks); i++)
    if (g_strcmp0 (looks[i].state, state) == 0)
      return &looks[i];

  return &looks[2];
}

/* "2026-11-29T08:00:00+08:00" → "2026-11-29 08:00". */
static char *
format_when (const char *at)
{
  g_autoptr(GDateTime) parsed = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (at == NULL)
    return NULL;
  parsed = g_date_time_new_from_iso8601 (at, NULL);
  if (parsed == NULL)
    return g_strdup (at);
  local = g_date_time_to_local (parsed);

  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static GtkWidget *
make_row (JsonObject *node)
{
  const StateLook *look = look_for (json_object_get_string_member_with_default (node, "state", NULL));
  g_autofree char *when = format_when (json_object_get_string_member_with_default (node, "at", NULL));
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *icon = gtk_image_new_from_icon_name (look->icon_name);
  GtkWidget *name = gtk_label_new (json_object_get_string_member_with_default (node, "name", ""));
  GtkWidget *state = gtk_label_new (_(look->label));

  gtk_widget_add_css_class (row, "kiosk-timeline-row");
  gtk_widget_add_css_class (row, look->state);
  gtk_image_set_pixel_size (GTK_IMAGE (icon), 40);
  gtk_widget_add_css_class (icon, look->css_class);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _(look->label), -1);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (state, look->css_class);

  gtk_box_append (GTK_BOX (row), icon);
  gtk_box_append (GTK_BOX (row), name);
  gtk_box_append (GTK_BOX (row), state);
  if (when != NULL)
    {
      GtkWidget *date = gtk_label_new (when);

      gtk_widget_add_css_class (date, "dim-label");
      gtk_box_append (GTK_BOX (row), date);
    }

  return row;
}

static void
anju_kiosk_timeline_class_init (AnjuKioskTimelineClass *klass)
{
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "kiosktimeline");
}

static void
anju_kiosk_timeline_init (AnjuKioskTimeline *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 12);
}

GtkWidget *
anju_kiosk_timeline_new (void)
{
  return g_object_new (ANJU_TYPE_KIOSK_TIMELINE, NULL);
}

void
anju_kiosk_timeline_set_nodes (AnjuKioskTimeline *self,
                               JsonArray         *nodes)
{
  GtkWidget *child;

  g_return_if_fail (ANJU_IS_KIOSK_TIMELINE (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_box_remove (GTK_BOX (self), child);

  if (nodes == NULL)
    return;

  for (guint i = 0; i < json_array_get_length (nodes); i++)
    {
      JsonNode *node = json_array_get_element (nodes, i);

      if (JSON_NODE_HOLDS_OBJECT (node))
        gtk_box_append (GTK_BOX (self), make_row (json_node_get_object (node)));
    }
}
