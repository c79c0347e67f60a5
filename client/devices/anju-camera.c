/* anju-camera.c
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <gst/app/gstappsink.h>
#include <gst/gst.h>
#include <gst/video/video.h>

#include "anju-camera-paintable.h"
#include "anju-camera.h"
#include "anju-qr-decode.h"

/* Every camera is scaled to one fixed size: 640 × 480 is enough for a
 * face photo and a QR code held up to the lens, keeps a frame at 1.2 MB,
 * and the kiosk's preview is smaller than that on screen.  A square pixel
 * aspect ratio makes videoscale add black borders to a wide camera
 * instead of squeezing it. */
#define FRAME_WIDTH  640
#define FRAME_HEIGHT 480

/* gst_video_convert_sample() runs a small pipeline of its own; a JPEG of
 * one frame takes milliseconds, so this only bounds a broken encoder. */
#define CAPTURE_TIMEOUT (5 * GST_SECOND)

struct _AnjuCamera
{
  GObject              parent_instance;

  /* Configuration */
  char                *device;              /* (owned) (nullable): v4l2 node */
  char                *source_description;  /* (owned) (nullable): simulator */
  GMainContext        *context;             /* (owned): frames and bus messages are handled here */

  /* Main thread only */
  GstElement          *pipeline;            /* (owned) (nullable): while running */
  GSource             *bus_source;          /* (owned) (nullable) */
  GstSample           *newest;              /* (owned) (nullable) */
  AnjuCameraPaintable *paintable;           /* (owned) */
  AnjuDeviceState      state;
  char                *status_message;      /* (owned) (nullable) */

  /* Shared with the streaming thread */
  GMutex               lock;
  GstSample           *pending;             /* (owned) (nullable) (locked) */
  GSource             *frame_source;        /* (owned) (nullable) (locked): scheduled, not run yet */
};

static void anju_camera_device_init (AnjuDeviceInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AnjuCamera, anju_camera, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (ANJU_TYPE_DEVICE, anju_camera_device_init))

enum {
  PROP_0,
  PROP_STATE,
  PROP_STATUS_MESSAGE,
  N_PROPS
};

static void
set_device_state (AnjuCamera      *self,
                  AnjuDeviceState  state,
                  const char      *message)
{
  if (self->state != state)
    {
      self->state = state;
      g_object_notify (G_OBJECT (self), "state");
    }
  if (g_strcmp0 (self->status_message, message) != 0)
    {
      g_free (self->status_message);
      self->status_message = g_strdup (message);
      g_object_notify (G_OBJECT (self), "status-message");
    }
}

/* Failures mark the device and become the caller's error with the same
 * sentence, so the kiosk's heartbeat and its screen say the same thing. */
static void
fail (AnjuCamera       *self,
      AnjuDeviceState   state,
      GError          **error,
      GQuark            domain,
      int               code,
      const char       *message)
{
  set_device_state (self, state, message);
  g_set_error_literal (error, domain, code, message);
}

static void
unmap_frame (gpointer data)
{
  GstVideoFrame *frame = data;

  gst_video_frame_unmap (frame);
  g_free (frame);
}

/* The texture borrows the buffer's memory: the mapping (which holds a
 * reference to the buffer) is released with the texture's bytes. */
static GdkTexture *
texture_from_sample (GstSample *sample)
{
  GstVideoInfo info;
  GstVideoFrame *frame;
  g_autoptr(GBytes) bytes = NULL;
  int stride;

  if (!gst_video_info_from_caps (&info, gst_sample_get_caps (sample)))
    return NULL;

  frame = g_new0 (GstVideoFrame, 1);
  if (!gst_video_frame_map (frame, &info, gst_sample_get_buffer (sample), GST_MAP_READ))
    {
      g_free (frame);
      return NULL;
    }

  stride = GST_VIDEO_FRAME_PLANE_STRIDE (frame, 0);
  bytes = g_bytes_new_with_free_func (GST_VIDEO_FRAME_PLANE_DATA (frame, 0),
                                      (gsize) stride * GST_VIDEO_FRAME_HEIGHT (frame),
                                      unmap_frame, frame);
  return gdk_memory_texture_new (GST_VIDEO_INFO_WIDTH (&info), GST_VIDEO_INFO_HEIGHT (&info),
                                 GDK_MEMORY_R8G8B8A8, bytes, stride);
}

/* Runs on self->context: takes the newest sample the streaming thread
 * left and shows it.  Frames that came in between were dropped there. */
static gboolean
frame_ready_cb (gpointer user_data)
{
  AnjuCamera *self = user_data;
  g_autoptr(GstSample) sample = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  g_mutex_lock (&self->lock);
  sample = g_steal_pointer (&self->pending);
  g_clear_pointer (&self->frame_source, g_source_unref);
  g_mutex_unlock (&self->lock);

  if (sample == NULL)
    return G_SOURCE_REMOVE;

  texture = texture_from_sample (sample);
  if (texture == NULL)
    return G_SOURCE_REMOVE;

  g_clear_pointer (&self->newest, gst_sample_unref);
  self->newest = g_steal_pointer (&sample);
  anju_camera_paintable_set_texture (self->paintable, texture);
  return G_SOURCE_REMOVE;
}

/* The streaming thread: no GTK here.  It keeps only the newest sample
 * and schedules at most one idle on the camera's context; stopping the
 * pipeline joins this thread before the idle is cancelled, so the idle
 * never outlives the camera. */
static GstFlowReturn
new_sample_cb (GstAppSink *sink,
               gpointer    user_data)
{
  AnjuCamera *self = user_data;
  GstSample *sample = gst_app_sink_pull_sample (sink);

  if (sample == NULL)
    return GST_FLOW_EOS;

  g_mutex_lock (&self->lock);
  g_clear_pointer (&self->pending, gst_sample_unref);
  self->pending = sample;
  if (self->frame_source == NULL)
    {
      self->frame_source = g_idle_source_new ();
      g_source_set_static_name (self->frame_source, "[anju] camera frame");
      g_source_set_callback (self->frame_source, frame_ready_cb, self, NULL);
      g_source_attach (self->frame_source, self->context);
    }
  g_mutex_unlock (&self->lock);

  return GST_FLOW_OK;
}

static void
release_pipeline (AnjuCamera *self)
{
  if (self->pipeline != NULL)
    {
      gst_element_set_state (self->pipeline, GST_STATE_NULL);
      gst_clear_object (&self->pipeline);
    }
  if (self->bus_source != NULL)
    {
      g_source_destroy (self->bus_source);
      g_clear_pointer (&self->bus_source, g_source_unref);
    }

  g_mutex_lock (&self->lock);
  if (self->frame_source != NULL)
    {
      g_source_destroy (self->frame_source);
      g_clear_pointer (&self->frame_source, g_source_unref);
    }
  g_clear_pointer (&self->pending, gst_sample_unref);
  g_mutex_unlock (&self->lock);

  /* An idle kiosk keeps no picture of the last person in front of it. */
  g_clear_pointer (&self->newest, gst_sample_unref);
  anju_camera_paintable_set_texture (self->paintable, NULL);
}

static gboolean
bus_message_cb (GstBus     *bus,
                GstMessage *message,
                gpointer    user_data)
{
  AnjuCamera *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  switch (GST_MESSAGE_TYPE (message))
    {
    case GST_MESSAGE_ERROR:
      gst_message_parse_error (message, &error, NULL);
      /* Translators: %1$s is GStreamer's reason, in English */
      text = g_strdup_printf (_("The camera failed: %1$s"), error->message);
      break;

    case GST_MESSAGE_EOS:
      text = g_strdup (_("The camera stopped sending pictures"));
      break;

    default:
      return G_SOURCE_CONTINUE;
    }

  g_message ("%s", text);
  release_pipeline (self);
  set_device_state (self, ANJU_DEVICE_STATE_ERROR, text);
  return G_SOURCE_REMOVE;
}

static char *
pipeline_description (AnjuCamera *self)
{
  return g_strdup_printf ("%s ! videoconvert ! videoscale"
                          " ! video/x-raw,format=RGBA,width=%d,height=%d,pixel-aspect-ratio=1/1"
                          " ! appsink name=anju-sink max-buffers=2 drop=true sync=false",
                          self->device != NULL ? "v4l2src name=anju-source" : self->source_description,
                          FRAME_WIDTH, FRAME_HEIGHT);
}

static GstElement *
build_pipeline (AnjuCamera  *self,
                GError     **error)
{
  /* (not const: GStreamer 1.22's prototype takes it writable) */
  static GstAppSinkCallbacks callbacks = { .new_sample = new_sample_cb };
  g_autofree char *description = pipeline_description (self);
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstElement) sink = NULL;

  /* A description can parse with a recoverable error (an unknown
   * property): that is a misconfigured camera too. */
  pipeline = gst_parse_launch (description, error);
  if (pipeline == NULL)
    return NULL;
  gst_object_ref_sink (pipeline);
  if (error != NULL && *error != NULL)
    return NULL;

  if (self->device != NULL)
    {
      g_autoptr(GstElement) source = gst_bin_get_by_name (GST_BIN (pipeline), "anju-source");

      g_object_set (source, "device", self->device, NULL);
    }

  sink = gst_bin_get_by_name (GST_BIN (pipeline), "anju-sink");
  gst_app_sink_set_callbacks (GST_APP_SINK (sink), &callbacks, self, NULL);
  return g_steal_pointer (&pipeline);
}

/* After a failed state change the reason is on the bus. */
static char *
pop_bus_error (GstElement *pipeline)
{
  g_autoptr(GstBus) bus = gst_element_get_bus (pipeline);
  g_autoptr(GstMessage) message = gst_bus_pop_filtered (bus, GST_MESSAGE_ERROR);
  g_autoptr(GError) error = NULL;

  if (message == NULL)
    return g_strdup (_("The camera could not be started"));

  gst_message_parse_error (message, &error, NULL);
  /* Translators: %1$s is GStreamer's reason, in English */
  return g_strdup_printf (_("The camera failed: %1$s"), error->message);
}

static gboolean
device_is_present (AnjuCamera  *self,
                   GError     **error)
{
  g_autofree char *message = NULL;

  if (self->device == NULL || g_file_test (self->device, G_FILE_TEST_EXISTS))
    return TRUE;

  /* Translators: %1$s is a device node, "/dev/video0" */
  message = g_strdup_printf (_("No camera found at %1$s"), self->device);
  fail (self, ANJU_DEVICE_STATE_MISSING, error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, message);
  return FALSE;
}

static const char *
anju_camera_get_kind (AnjuDevice *device)
{
  return "camera";
}

static void
anju_camera_device_init (AnjuDeviceInterface *iface)
{
  iface->get_kind = anju_camera_get_kind;
}

static void
anju_camera_dispose (GObject *object)
{
  AnjuCamera *self = ANJU_CAMERA (object);

  if (self->paintable != NULL)
    release_pipeline (self);
  g_clear_object (&self->paintable);

  G_OBJECT_CLASS (anju_camera_parent_class)->dispose (object);
}

static void
anju_camera_finalize (GObject *object)
{
  AnjuCamera *self = ANJU_CAMERA (object);

  g_free (self->device);
  g_free (self->source_description);
  g_free (self->status_message);
  g_main_context_unref (self->context);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (anju_camera_parent_class)->finalize (object);
}

static void
anju_camera_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  AnjuCamera *self = ANJU_CAMERA (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_STATUS_MESSAGE:
      g_value_set_string (value, self->status_message);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_camera_class_init (AnjuCameraClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = anju_camera_dispose;
  object_class->finalize = anju_camera_finalize;
  object_class->get_property = anju_camera_get_property;

  g_object_class_override_property (object_class, PROP_STATE, "state");
  g_object_class_override_property (object_class, PROP_STATUS_MESSAGE, "status-message");
}

static void
anju_camera_init (AnjuCamera *self)
{
  g_mutex_init (&self->lock);
  self->context = g_main_context_ref_thread_default ();
  self->paintable = anju_camera_paintable_new ();
  self->state = ANJU_DEVICE_STATE_OK;
}

AnjuCamera *
anju_camera_new_v4l2 (const char *device)
{
  AnjuCamera *self;

  g_return_val_if_fail (device != NULL && *device != '\0', NULL);

  self = g_object_new (ANJU_TYPE_CAMERA, NULL);
  self->device = g_strdup (device);
  return self;
}

AnjuCamera *
anju_camera_new_simulator (const char *source_description)
{
  AnjuCamera *self;

  g_return_val_if_fail (source_description != NULL && *source_description != '\0', NULL);

  self = g_object_new (ANJU_TYPE_CAMERA, NULL);
  self->source_description = g_strdup (source_description);
  return self;
}

gboolean
anju_camera_start (AnjuCamera  *self,
                   GError     **error)
{
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (ANJU_IS_CAMERA (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->pipeline != NULL)
    return TRUE;

  if (!device_is_present (self, error))
    return FALSE;

  if (!gst_init_check (NULL, NULL, &local_error)
      || (pipeline = build_pipeline (self, &local_error)) == NULL)
    {
      /* Translators: %1$s is GStreamer's reason, in English */
      message = g_strdup_printf (_("The camera could not be started: %1$s"), local_error->message);
      fail (self, ANJU_DEVICE_STATE_ERROR, error, G_IO_ERROR, G_IO_ERROR_FAILED, message);
      return FALSE;
    }

  self->pipeline = g_steal_pointer (&pipeline);
  if (gst_element_set_state (self->pipeline, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE)
    {
      message = pop_bus_error (self->pipeline);
      release_pipeline (self);
      fail (self, ANJU_DEVICE_STATE_ERROR, error, G_IO_ERROR, G_IO_ERROR_FAILED, message);
      return FALSE;
    }

  /* Later errors (a camera unplugged while running) arrive here, on the
   * camera's own context rather than whichever is the global default. */
  {
    g_autoptr(GstBus) bus = gst_element_get_bus (self->pipeline);

    self->bus_source = gst_bus_create_watch (bus);
    g_source_set_callback (self->bus_source, G_SOURCE_FUNC (bus_message_cb), self, NULL);
    g_source_attach (self->bus_source, self->context);
  }

  set_device_state (self, ANJU_DEVICE_STATE_OK, NULL);
  return TRUE;
}

void
anju_camera_stop (AnjuCamera *self)
{
  g_return_if_fail (ANJU_IS_CAMERA (self));

  release_pipeline (self);
}

gboolean
anju_camera_is_running (AnjuCamera *self)
{
  g_return_val_if_fail (ANJU_IS_CAMERA (self), FALSE);

  return self->pipeline != NULL;
}

gboolean
anju_camera_check (AnjuCamera  *self,
                   GError     **error)
{
  g_return_val_if_fail (ANJU_IS_CAMERA (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!device_is_present (self, error))
    return FALSE;

  if (self->state == ANJU_DEVICE_STATE_MISSING)
    set_device_state (self, ANJU_DEVICE_STATE_OK, NULL);
  return TRUE;
}

GdkPaintable *
anju_camera_get_paintable (AnjuCamera *self)
{
  g_return_val_if_fail (ANJU_IS_CAMERA (self), NULL);

  return GDK_PAINTABLE (self->paintable);
}

GBytes *
anju_camera_capture_jpeg (AnjuCamera  *self,
                          GError     **error)
{
  g_autoptr(GstCaps) caps = NULL;
  g_autoptr(GstSample) jpeg = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *message = NULL;
  GstBuffer *buffer;
  gpointer data = NULL;
  gsize size = 0;

  g_return_val_if_fail (ANJU_IS_CAMERA (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (self->newest == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                           _("The camera has not shown a picture yet"));
      return NULL;
    }

  caps = gst_caps_new_empty_simple ("image/jpeg");
  jpeg = gst_video_convert_sample (self->newest, caps, CAPTURE_TIMEOUT, &local_error);
  if (jpeg == NULL)
    {
      /* Translators: %1$s is GStreamer's reason, in English */
      message = g_strdup_printf (_("The photo could not be taken: %1$s"),
                                 local_error != NULL ? local_error->message : _("no picture"));
      fail (self, ANJU_DEVICE_STATE_ERROR, error, G_IO_ERROR, G_IO_ERROR_FAILED, message);
      return NULL;
    }

  buffer = gst_sample_get_buffer (jpeg);
  gst_buffer_extract_dup (buffer, 0, gst_buffer_get_size (buffer), &data, &size);
  set_device_state (self, ANJU_DEVICE_STATE_OK, NULL);
  return g_bytes_new_take (data, size);
}

GdkTexture *
anju_camera_capture_still (AnjuCamera  *self,
                           GBytes     **out_jpeg,
                           GError     **error)
{
  g_autoptr(GBytes) jpeg = NULL;
  GdkTexture *texture;

  g_return_val_if_fail (out_jpeg != NULL, NULL);

  jpeg = anju_camera_capture_jpeg (self, error);
  if (jpeg == NULL)
    return NULL;
  texture = gdk_texture_new_from_bytes (jpeg, error);
  if (texture != NULL)
    *out_jpeg = g_steal_pointer (&jpeg);
  return texture;
}

char *
anju_camera_scan_qr (AnjuCamera *self)
{
  GstVideoInfo info;
  GstVideoFrame frame;
  char *text;

  g_return_val_if_fail (ANJU_IS_CAMERA (self), NULL);

  if (self->newest == NULL
      || !gst_video_info_from_caps (&info, gst_sample_get_caps (self->newest))
      || !gst_video_frame_map (&frame, &info, gst_sample_get_buffer (self->newest), GST_MAP_READ))
    return NULL;

  text = anju_qr_decode_rgba (GST_VIDEO_FRAME_PLANE_DATA (&frame, 0),
                              GST_VIDEO_FRAME_WIDTH (&frame),
                              GST_VIDEO_FRAME_HEIGHT (&frame),
                              GST_VIDEO_FRAME_PLANE_STRIDE (&frame, 0));
  gst_video_frame_unmap (&frame);
  return text;
}
