/* anju-camera-paintable.c
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "anju-camera-paintable.h"

struct _AnjuCameraPaintable
{
  GObject     parent_instance;

  GdkTexture *texture;  /* (owned) (nullable) */
};

static void anju_camera_paintable_paintable_init (GdkPaintableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AnjuCameraPaintable, anju_camera_paintable, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GDK_TYPE_PAINTABLE,
                                                      anju_camera_paintable_paintable_init))

static void
anju_camera_paintable_snapshot (GdkPaintable *paintable,
                                GdkSnapshot  *snapshot,
                                double        width,
                                double        height)
{
  AnjuCameraPaintable *self = ANJU_CAMERA_PAINTABLE (paintable);

  if (self->texture != NULL)
    gdk_paintable_snapshot (GDK_PAINTABLE (self->texture), snapshot, width, height);
}

static GdkPaintable *
anju_camera_paintable_get_current_image (GdkPaintable *paintable)
{
  AnjuCameraPaintable *self = ANJU_CAMERA_PAINTABLE (paintable);

  if (self->texture != NULL)
    return g_object_ref (GDK_PAINTABLE (self->texture));

  return gdk_paintable_new_empty (0, 0);
}

static int
anju_camera_paintable_get_intrinsic_width (GdkPaintable *paintable)
{
  AnjuCameraPaintable *self = ANJU_CAMERA_PAINTABLE (paintable);

  return self->texture != NULL ? gdk_texture_get_width (self->texture) : 0;
}

static int
anju_camera_paintable_get_intrinsic_height (GdkPaintable *paintable)
{
  AnjuCameraPaintable *self = ANJU_CAMERA_PAINTABLE (paintable);

  return self->texture != NULL ? gdk_texture_get_height (self->texture) : 0;
}

static void
anju_camera_paintable_paintable_init (GdkPaintableInterface *iface)
{
  iface->snapshot = anju_camera_paintable_snapshot;
  iface->get_current_image = anju_camera_paintable_get_current_image;
  iface->get_intrinsic_width = anju_camera_paintable_get_intrinsic_width;
  iface->get_intrinsic_height = anju_camera_paintable_get_intrinsic_height;
}

static void
anju_camera_paintable_dispose (GObject *object)
{
  AnjuCameraPaintable *self = ANJU_CAMERA_PAINTABLE (object);

  g_clear_object (&self->texture);

  G_OBJECT_CLASS (anju_camera_paintable_parent_class)->dispose (object);
}

static void
anju_camera_paintable_class_init (AnjuCameraPaintableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = anju_camera_paintable_dispose;
}

static void
anju_camera_paintable_init (AnjuCameraPaintable *self)
{
}

AnjuCameraPaintable *
anju_camera_paintable_new (void)
{
  return g_object_new (ANJU_TYPE_CAMERA_PAINTABLE, NULL);
}

void
anju_camera_paintable_set_texture (AnjuCameraPaintable *self,
                                   GdkTexture          *texture)
{
  gboolean resized;

  g_return_if_fail (ANJU_IS_CAMERA_PAINTABLE (self));
  g_return_if_fail (texture == NULL || GDK_IS_TEXTURE (texture));

  if (self->texture == texture)
    return;

  resized = self->texture == NULL || texture == NULL
            || gdk_texture_get_width (self->texture) != gdk_texture_get_width (texture)
            || gdk_texture_get_height (self->texture) != gdk_texture_get_height (texture);
  g_set_object (&self->texture, texture);

  if (resized)
    gdk_paintable_invalidate_size (GDK_PAINTABLE (self));
  gdk_paintable_invalidate_contents (GDK_PAINTABLE (self));
}

GdkTexture *
anju_camera_paintable_get_texture (AnjuCameraPaintable *self)
{
  g_return_val_if_fail (ANJU_IS_CAMERA_PAINTABLE (self), NULL);

  return self->texture;
}
