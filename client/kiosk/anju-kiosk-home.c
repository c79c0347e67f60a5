/* anju-kiosk-home.c
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "anju-kiosk-home.h"
#include "anju-kiosk-screens.h"
#include "anju-kiosk-service-tile.h"

/* Four tiles a row fill a 1280 px wide screen with 280 px tiles. */
#define TILES_PER_ROW 4

struct _AnjuKioskHome
{
  GtkBox           parent_instance;

  /* Template widgets */
  GtkPicture      *banner_picture;
  GtkGrid         *tiles_grid;
  GtkToggleButton *elderly_button;
  GtkWidget       *staff_button;
};

G_DEFINE_FINAL_TYPE (AnjuKioskHome, anju_kiosk_home, GTK_TYPE_BOX)

enum
{
  PROP_0,
  PROP_ELDERLY_MODE,
  N_PROPS
};

enum
{
  MODULE_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
tile_clicked_cb (GtkWidget     *tile,
                 AnjuKioskHome *self)
{
  g_signal_emit (self, signals[MODULE_ACTIVATED], 0, gtk_widget_get_name (tile));
}

static void
staff_clicked_cb (AnjuKioskHome *self)
{
  g_signal_emit (self, signals[MODULE_ACTIVATED], 0, "staff");
}

static void
elderly_toggled_cb (AnjuKioskHome *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ELDERLY_MODE]);
}

static void
clear_tiles (AnjuKioskHome *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tiles_grid))) != NULL)
    gtk_grid_remove (self->tiles_grid, child);
}

static void
anju_kiosk_home_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AnjuKioskHome *self = ANJU_KIOSK_HOME (object);

  switch (prop_id)
    {
    case PROP_ELDERLY_MODE:
      g_value_set_boolean (value, anju_kiosk_home_get_elderly_mode (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_kiosk_home_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AnjuKioskHome *self = ANJU_KIOSK_HOME (object);

  switch (prop_id)
    {
    case PROP_ELDERLY_MODE:
      anju_kiosk_home_set_elderly_mode (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_kiosk_home_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ANJU_TYPE_KIOSK_HOME);

  G_OBJECT_CLASS (anju_kiosk_home_parent_class)->dispose (object);
}

static void
anju_kiosk_home_class_init (AnjuKioskHomeClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = anju_kiosk_home_dispose;
  object_class->get_property = anju_kiosk_home_get_property;
  object_class->set_property = anju_kiosk_home_set_property;

  properties[PROP_ELDERLY_MODE] =
    g_param_spec_boolean ("elderly-mode", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[MODULE_ACTIVATED] =
    g_signal_new ("module-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (ANJU_TYPE_KIOSK_SERVICE_TILE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/anju/Kiosk/ui/anju-kiosk-home.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskHome, banner_picture);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskHome, tiles_grid);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskHome, elderly_button);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskHome, staff_button);
  gtk_widget_class_bind_template_callback (widget_class, staff_clicked_cb);
}

static void
anju_kiosk_home_init (AnjuKioskHome *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->elderly_button, "toggled", G_CALLBACK (elderly_toggled_cb),
                           self, G_CONNECT_SWAPPED);
  /* Staff mode exists only once a "staff" screen is in the table. */
  gtk_widget_set_visible (self->staff_button, anju_kiosk_screens_lookup ("staff") != NULL);
}

void
anju_kiosk_home_set_modules (AnjuKioskHome *self,
                             JsonArray     *modules)
{
  guint position = 0;

  g_return_if_fail (ANJU_IS_KIOSK_HOME (self));

  clear_tiles (self);
  if (modules == NULL)
    return;

  for (guint i = 0; i < json_array_get_length (modules); i++)
    {
      JsonNode *element = json_array_get_element (modules, i);
      const AnjuKioskScreenInfo *info;
      JsonObject *module;
      GtkWidget *tile;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      module = json_node_get_object (element);
      if (!json_object_get_boolean_member_with_default (module, "enabled", FALSE))
        continue;
      info = anju_kiosk_screens_lookup (json_object_get_string_member_with_default (module, "key", NULL));
      /* "staff" has its own button, never a tile. */
      if (info == NULL || g_str_equal (info->key, "staff"))
        continue;

      tile = anju_kiosk_service_tile_new (info->icon_name, anju_kiosk_screens_get_title (info));
      gtk_widget_set_name (tile, info->key);
      g_signal_connect_object (tile, "clicked", G_CALLBACK (tile_clicked_cb), self, 0);
      gtk_grid_attach (self->tiles_grid, tile, position % TILES_PER_ROW, position / TILES_PER_ROW, 1, 1);
      position++;
    }
}

void
anju_kiosk_home_set_banner (AnjuKioskHome *self,
                            GdkPaintable  *banner)
{
  g_return_if_fail (ANJU_IS_KIOSK_HOME (self));

  gtk_picture_set_paintable (self->banner_picture, banner);
  gtk_widget_set_visible (GTK_WIDGET (self->banner_picture), banner != NULL);
}

GStrv
anju_kiosk_home_dup_tile_keys (AnjuKioskHome *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n_tiles = 0;

  g_return_val_if_fail (ANJU_IS_KIOSK_HOME (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->tiles_grid));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n_tiles++;

  /* In grid order, which is the layout's, whatever the children's. */
  for (guint i = 0; i < n_tiles; i++)
    {
      GtkWidget *tile = gtk_grid_get_child_at (self->tiles_grid, i % TILES_PER_ROW, i / TILES_PER_ROW);

      if (tile != NULL)
        g_strv_builder_add (builder, gtk_widget_get_name (tile));
    }

  return g_strv_builder_end (builder);
}

gboolean
anju_kiosk_home_get_elderly_mode (AnjuKioskHome *self)
{
  g_return_val_if_fail (ANJU_IS_KIOSK_HOME (self), FALSE);

  return gtk_toggle_button_get_active (self->elderly_button);
}

void
anju_kiosk_home_set_elderly_mode (AnjuKioskHome *self,
                                  gboolean       elderly_mode)
{
  g_return_if_fail (ANJU_IS_KIOSK_HOME (self));

  /* The button's ::toggled notifies. */
  gtk_toggle_button_set_active (self->elderly_button, elderly_mode);
}
