/* anju-kiosk-service-tile.c
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "anju-kiosk-service-tile.h"

struct _AnjuKioskServiceTile
{
  GtkButton parent_instance;

  /* Template widgets */
  GtkImage *image;
  GtkLabel *title_label;
};

G_DEFINE_FINAL_TYPE (AnjuKioskServiceTile, anju_kiosk_service_tile, GTK_TYPE_BUTTON)

enum
{
  PROP_0,
  PROP_ICON_NAME,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
anju_kiosk_service_tile_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ANJU_TYPE_KIOSK_SERVICE_TILE);

  G_OBJECT_CLASS (anju_kiosk_service_tile_parent_class)->dispose (object);
}

static void
anju_kiosk_service_tile_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  AnjuKioskServiceTile *self = ANJU_KIOSK_SERVICE_TILE (object);

  switch (prop_id)
    {
    case PROP_ICON_NAME:
      g_value_set_string (value, anju_kiosk_service_tile_get_icon_name (self));
      break;

    case PROP_TITLE:
      g_value_set_string (value, anju_kiosk_service_tile_get_title (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_kiosk_service_tile_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  AnjuKioskServiceTile *self = ANJU_KIOSK_SERVICE_TILE (object);

  switch (prop_id)
    {
    case PROP_ICON_NAME:
      anju_kiosk_service_tile_set_icon_name (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      anju_kiosk_service_tile_set_title (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_kiosk_service_tile_class_init (AnjuKioskServiceTileClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = anju_kiosk_service_tile_dispose;
  object_class->get_property = anju_kiosk_service_tile_get_property;
  object_class->set_property = anju_kiosk_service_tile_set_property;

  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/anju/Kiosk/ui/anju-kiosk-service-tile.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskServiceTile, image);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskServiceTile, title_label);
}

static void
anju_kiosk_service_tile_init (AnjuKioskServiceTile *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
anju_kiosk_service_tile_new (const char *icon_name,
                             const char *title)
{
  return g_object_new (ANJU_TYPE_KIOSK_SERVICE_TILE,
                       "icon-name", icon_name,
                       "title", title,
                       NULL);
}

const char *
anju_kiosk_service_tile_get_icon_name (AnjuKioskServiceTile *self)
{
  g_return_val_if_fail (ANJU_IS_KIOSK_SERVICE_TILE (self), NULL);

  return gtk_image_get_icon_name (self->image);
}

void
anju_kiosk_service_tile_set_icon_name (AnjuKioskServiceTile *self,
                                       const char           *icon_name)
{
  g_return_if_fail (ANJU_IS_KIOSK_SERVICE_TILE (self));

  if (g_strcmp0 (icon_name, gtk_image_get_icon_name (self->image)) == 0)
    return;

  gtk_image_set_from_icon_name (self->image, icon_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ICON_NAME]);
}

const char *
anju_kiosk_service_tile_get_title (AnjuKioskServiceTile *self)
{
  g_return_val_if_fail (ANJU_IS_KIOSK_SERVICE_TILE (self), NULL);

  return gtk_label_get_label (self->title_label);
}

void
anju_kiosk_service_tile_set_title (AnjuKioskServiceTile *self,
                                   const char           *title)
{
  g_return_if_fail (ANJU_IS_KIOSK_SERVICE_TILE (self));

  if (title == NULL)
    title = "";

  if (g_strcmp0 (title, gtk_label_get_label (self->title_label)) == 0)
    return;

  gtk_label_set_label (self->title_label, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}
