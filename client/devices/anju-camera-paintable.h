/* anju-camera-paintable.h: the camera's live picture, for a GtkPicture.
 *
 * Holds the newest frame as a GdkTexture and draws it; every new frame
 * invalidates the contents (and the size, when it changed), so a
 * GtkPicture showing it redraws at the camera's rate.  Without a frame it
 * draws nothing and has no intrinsic size.  Main thread only.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ANJU_TYPE_CAMERA_PAINTABLE (anju_camera_paintable_get_type ())
G_DECLARE_FINAL_TYPE (AnjuCameraPaintable, anju_camera_paintable, ANJU, CAMERA_PAINTABLE, GObject)

AnjuCameraPaintable *anju_camera_paintable_new         (void);

/* texture: the new frame, or NULL to show nothing. */
void                 anju_camera_paintable_set_texture (AnjuCameraPaintable *self,
                                                        GdkTexture          *texture);
GdkTexture          *anju_camera_paintable_get_texture (AnjuCameraPaintable *self);

G_END_DECLS
