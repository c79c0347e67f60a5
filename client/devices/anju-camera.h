/* anju-camera.h: the kiosk camera, through GStreamer into GTK.
 *
 *   <source> ! videoconvert ! videoscale ! video/x-raw,format=RGBA,width=W,height=H
 *            ! appsink max-buffers=2 drop=true sync=false
 *
 * <source> is "v4l2src device=/dev/videoN" for a real camera and any
 * gst-launch source description for the simulator ("videotestsrc
 * is-live=true", or a still image: "filesrc location=qr.png ! pngdec !
 * imagefreeze is-live=true").  Everything after the source is the same
 * for both, so a test exercises the real frame → texture → still path.
 * The appsink callback only schedules an idle; textures are made on the
 * main thread.
 *
 * Implements AnjuDevice (kind "camera"): a v4l2 device path that does not
 * exist is MISSING (never replaced by the test source); a pipeline error
 * is ERROR.
 *
 * Frames are 640 × 480 RGBA whatever the camera gives (black borders keep
 * a wide camera's proportions).  Frames and bus messages are handled on
 * the thread-default main context of the thread that created the camera.
 * Stopping releases the device (the pipeline goes to NULL) and forgets
 * the last frame: the preview goes blank, capture has nothing to take.
 */
#pragma once

#include <gtk/gtk.h>

#include "anju-device.h"

G_BEGIN_DECLS

#define ANJU_TYPE_CAMERA (anju_camera_get_type ())
G_DECLARE_FINAL_TYPE (AnjuCamera, anju_camera, ANJU, CAMERA, GObject)

/* device: "/dev/video0" for v4l2, NULL with simulator_source for the
 * simulator. */
AnjuCamera   *anju_camera_new_v4l2          (const char    *device);
AnjuCamera   *anju_camera_new_simulator     (const char    *source_description);

gboolean      anju_camera_start             (AnjuCamera    *self,
                                             GError       **error);
void          anju_camera_stop              (AnjuCamera    *self);
gboolean      anju_camera_is_running        (AnjuCamera    *self);

/* Whether the camera is there, without starting it (for the heartbeat):
 * a v4l2 node that is gone makes it MISSING, one that came back clears
 * MISSING.  The simulator is always there. */
gboolean      anju_camera_check             (AnjuCamera    *self,
                                             GError       **error);

/* The live preview: a paintable that changes with every frame, for a
 * GtkPicture. */
GdkPaintable *anju_camera_get_paintable     (AnjuCamera    *self);

/* The newest frame as JPEG (gst_video_convert_sample). */
GBytes       *anju_camera_capture_jpeg      (AnjuCamera    *self,
                                             GError       **error);

/* The same still, also as a texture of that very JPEG, so the person
 * sees exactly the photo that will be sent. */
GdkTexture   *anju_camera_capture_still     (AnjuCamera    *self,
                                             GBytes       **out_jpeg,
                                             GError       **error);

/* Decodes a QR code in the newest frame (zbar); NULL when none is
 * visible yet. */
char         *anju_camera_scan_qr           (AnjuCamera    *self);

G_END_DECLS
