/* test-camera.c: the kiosk camera from GStreamer into GTK, the still
 * photo of face capture (F-TERM-006) and QR scanning (F-TERM-011).
 *
 * The simulator's sources go through the same pipeline tail, texture and
 * JPEG path as a v4l2 camera; no CI machine has a /dev/video node.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <gst/gst.h>
#include <gtk/gtk.h>
#include <string.h>

#include "anju-camera.h"
#include "anju-test-dirs.h"
#include "anju-test-qr-image.h"

#define WAIT_SECONDS 20

typedef gboolean (*Condition) (AnjuCamera *camera);

static gboolean
wake_up_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Iterates the thread-default context until condition holds; a timer on
 * that context keeps the wait from blocking for ever. */
static gboolean
wait_for (AnjuCamera *camera,
          Condition   condition)
{
  GMainContext *context = g_main_context_get_thread_default ();
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;
  GSource *wake_up = g_timeout_source_new (50);
  gboolean held;

  g_source_set_callback (wake_up, wake_up_cb, NULL, NULL);
  g_source_attach (wake_up, context);
  while (!(held = condition (camera)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (context, TRUE);
  g_source_destroy (wake_up);
  g_source_unref (wake_up);
  return held;
}

static gboolean
has_frame (AnjuCamera *camera)
{
  return gdk_paintable_get_intrinsic_width (anju_camera_get_paintable (camera)) > 0;
}

static void
count_cb (GdkPaintable *paintable,
          gpointer      user_data)
{
  guint *count = user_data;

  (*count)++;
}

static gboolean
has_changed_often (AnjuCamera *camera)
{
  guint *invalidations = g_object_get_data (G_OBJECT (camera), "test-invalidations");

  return *invalidations >= 3;
}

static void
test_preview_and_capture (void)
{
  g_autoptr(AnjuCamera) camera = anju_camera_new_simulator ("videotestsrc is-live=true");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) jpeg = NULL;
  GdkPaintable *paintable = anju_camera_get_paintable (camera);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *picture = gtk_picture_new_for_paintable (paintable);
  const guint8 *data;
  gsize size;
  guint invalidations = 0;

  g_assert_cmpstr (anju_device_get_kind (ANJU_DEVICE (camera)), ==, "camera");
  gtk_window_set_child (GTK_WINDOW (window), picture);
  gtk_window_present (GTK_WINDOW (window));

  /* Nothing to take before the camera runs. */
  g_assert_null (anju_camera_capture_jpeg (camera, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED);
  g_clear_error (&error);

  g_object_set_data (G_OBJECT (camera), "test-invalidations", &invalidations);
  g_signal_connect (paintable, "invalidate-contents", G_CALLBACK (count_cb), &invalidations);

  g_assert_true (anju_camera_start (camera, &error));
  g_assert_no_error (error);
  g_assert_true (anju_camera_is_running (camera));
  g_assert_true (wait_for (camera, has_frame));
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (paintable), ==, 640);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (paintable), ==, 480);
  /* A live preview: the picture keeps changing. */
  g_assert_true (wait_for (camera, has_changed_often));

  jpeg = anju_camera_capture_jpeg (camera, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (jpeg, &size);
  g_assert_cmpuint (size, >, 1000);
  g_assert_cmpuint (data[0], ==, 0xff);
  g_assert_cmpuint (data[1], ==, 0xd8);
  g_assert_cmpuint (data[size - 2], ==, 0xff);
  g_assert_cmpuint (data[size - 1], ==, 0xd9);
  g_assert_cmpint (anju_device_get_state (ANJU_DEVICE (camera)), ==, ANJU_DEVICE_STATE_OK);
  g_assert_null (anju_device_get_status_message (ANJU_DEVICE (camera)));

  g_signal_handlers_disconnect_by_func (paintable, count_cb, &invalidations);
  gtk_window_destroy (GTK_WINDOW (window));
  anju_camera_stop (camera);
}

static gboolean
sees_qr (AnjuCamera *camera)
{
  g_autofree char *text = anju_camera_scan_qr (camera);
  char **seen = g_object_get_data (G_OBJECT (camera), "test-seen");

  if (text == NULL)
    return FALSE;
  *seen = g_steal_pointer (&text);
  return TRUE;
}

static void
test_scan_qr (void)
{
  const char *text = "anju:pubrent-application:GZF-2026-000123";
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("anju-camera-XXXXXX", &error);
  g_autofree char *png = g_build_filename (dir, "qr.png", NULL);
  g_autofree char *description = NULL;
  g_autofree guint8 *pixels = NULL;
  g_autofree char *seen = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(AnjuCamera) camera = NULL;
  int width, height, stride;

  g_assert_no_error (error);
  pixels = anju_test_qr_rgba (text, 6, &width, &height, &stride);
  bytes = g_bytes_new (pixels, (gsize) stride * height);
  texture = gdk_memory_texture_new (width, height, GDK_MEMORY_R8G8B8A8, bytes, stride);
  g_assert_true (gdk_texture_save_to_png (texture, png));

  description = g_strdup_printf ("filesrc location=\"%s\" ! pngdec ! imagefreeze is-live=true", png);
  camera = anju_camera_new_simulator (description);
  g_assert_null (anju_camera_scan_qr (camera));

  g_assert_true (anju_camera_start (camera, &error));
  g_assert_no_error (error);
  g_object_set_data (G_OBJECT (camera), "test-seen", &seen);
  g_assert_true (wait_for (camera, sees_qr));
  g_assert_cmpstr (seen, ==, text);

  anju_camera_stop (camera);
  g_assert_null (anju_camera_scan_qr (camera));
  g_unlink (png);
  g_rmdir (dir);
}

/* A camera made in a thread-default context that is not the global one
 * delivers its frames there (the kiosk may run a camera flow in its own
 * context; tests do). */
static void
test_own_context (void)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(AnjuCamera) camera = NULL;
  g_autoptr(GError) error = NULL;

  g_main_context_push_thread_default (context);
  camera = anju_camera_new_simulator ("videotestsrc is-live=true pattern=ball");
  g_assert_true (anju_camera_start (camera, &error));
  g_assert_no_error (error);
  g_assert_true (wait_for (camera, has_frame));

  /* The global context never saw a frame callback: nothing pends there
   * that would touch the camera. */
  anju_camera_stop (camera);
  g_clear_object (&camera);
  g_main_context_pop_thread_default (context);
}

static void
test_v4l2_missing (void)
{
  g_autoptr(AnjuCamera) camera = anju_camera_new_v4l2 ("/dev/video99");
  g_autoptr(GError) error = NULL;
  AnjuDevice *device = ANJU_DEVICE (camera);

  g_assert_cmpint (anju_device_get_state (device), ==, ANJU_DEVICE_STATE_OK);
  g_assert_false (anju_camera_start (camera, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_false (anju_camera_is_running (camera));
  g_assert_cmpint (anju_device_get_state (device), ==, ANJU_DEVICE_STATE_MISSING);
  g_assert_cmpstr (anju_device_state_to_string (anju_device_get_state (device)), ==, "missing");
  g_assert_nonnull (strstr (anju_device_get_status_message (device), "/dev/video99"));
  g_assert_cmpstr (anju_device_get_status_message (device), ==, error->message);
  g_clear_error (&error);

  g_assert_false (anju_camera_check (camera, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

/* A node that is there but is no camera: v4l2src itself refuses it. */
static void
test_v4l2_not_a_camera (void)
{
  g_autoptr(AnjuCamera) camera = anju_camera_new_v4l2 ("/dev/null");
  g_autoptr(GError) error = NULL;
  AnjuDevice *device = ANJU_DEVICE (camera);

  g_assert_true (anju_camera_check (camera, &error));
  g_assert_no_error (error);
  g_assert_false (anju_camera_start (camera, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "/dev/null"));
  g_assert_false (anju_camera_is_running (camera));
  g_assert_cmpint (anju_device_get_state (device), ==, ANJU_DEVICE_STATE_ERROR);
  g_assert_cmpstr (anju_device_get_status_message (device), ==, error->message);
}

static gboolean
has_failed (AnjuCamera *camera)
{
  return anju_device_get_state (ANJU_DEVICE (camera)) == ANJU_DEVICE_STATE_ERROR;
}

/* A camera that stops in the middle (unplugged, here a source that ends)
 * is reported from the bus: ERROR, and the device is released. */
static void
test_stops_while_running (void)
{
  g_autoptr(AnjuCamera) camera = anju_camera_new_simulator ("videotestsrc is-live=true num-buffers=5");
  g_autoptr(GError) error = NULL;

  g_assert_true (anju_camera_start (camera, &error));
  g_assert_no_error (error);
  g_assert_true (wait_for (camera, has_failed));
  g_assert_false (anju_camera_is_running (camera));
  g_assert_nonnull (anju_device_get_status_message (ANJU_DEVICE (camera)));
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (anju_camera_get_paintable (camera)), ==, 0);

  /* The next success clears the error. */
  g_assert_true (anju_camera_start (camera, &error));
  g_assert_cmpint (anju_device_get_state (ANJU_DEVICE (camera)), ==, ANJU_DEVICE_STATE_OK);
  g_assert_null (anju_device_get_status_message (ANJU_DEVICE (camera)));
  anju_camera_stop (camera);
}

/* A source that fails makes the camera ERROR with GStreamer's reason. */
static void
test_pipeline_error (void)
{
  g_autoptr(AnjuCamera) camera =
    anju_camera_new_simulator ("filesrc location=/nonexistent/anju.png ! pngdec ! imagefreeze is-live=true");
  g_autoptr(AnjuCamera) broken = anju_camera_new_simulator ("anjunosuchelement");
  g_autoptr(GError) error = NULL;

  g_assert_false (anju_camera_start (camera, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_false (anju_camera_is_running (camera));
  g_assert_cmpint (anju_device_get_state (ANJU_DEVICE (camera)), ==, ANJU_DEVICE_STATE_ERROR);
  g_assert_cmpstr (anju_device_get_status_message (ANJU_DEVICE (camera)), ==, error->message);
  g_clear_error (&error);

  g_assert_false (anju_camera_start (broken, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_cmpint (anju_device_get_state (ANJU_DEVICE (broken)), ==, ANJU_DEVICE_STATE_ERROR);
}

static void
test_stop_and_start_again (void)
{
  g_autoptr(AnjuCamera) camera = anju_camera_new_simulator ("videotestsrc is-live=true");
  GdkPaintable *paintable = anju_camera_get_paintable (camera);

  for (int round = 0; round < 2; round++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (anju_camera_start (camera, &error));
      g_assert_no_error (error);
      /* Starting a running camera changes nothing. */
      g_assert_true (anju_camera_start (camera, &error));
      g_assert_true (wait_for (camera, has_frame));

      anju_camera_stop (camera);
      g_assert_false (anju_camera_is_running (camera));
      /* The device is released and the last face forgotten. */
      g_assert_cmpint (gdk_paintable_get_intrinsic_width (paintable), ==, 0);
      g_assert_null (anju_camera_capture_jpeg (camera, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED);
      anju_camera_stop (camera);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* GStreamer keeps its registry and Mesa its shader cache under
   * XDG_CACHE_HOME: a private home keeps both out of the user's. */
  anju_test_isolate_dirs ();
  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  /* No accessibility bus: these tests drive devices, not widgets, and an
   * at-spi2-registryd activated as the session ends outlives it, holding
   * the test runner's output open. */
  g_setenv ("GTK_A11Y", "none", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  gst_init (&argc, &argv);

  g_test_add_func ("/devices/camera/preview-and-capture  F-TERM-006", test_preview_and_capture);
  g_test_add_func ("/devices/camera/scan-qr  F-TERM-011", test_scan_qr);
  g_test_add_func ("/devices/camera/own-context  F-TERM-006", test_own_context);
  g_test_add_func ("/devices/camera/v4l2-missing  F-TERM-006", test_v4l2_missing);
  g_test_add_func ("/devices/camera/v4l2-not-a-camera  F-TERM-006", test_v4l2_not_a_camera);
  g_test_add_func ("/devices/camera/pipeline-error  F-TERM-006", test_pipeline_error);
  g_test_add_func ("/devices/camera/stops-while-running  F-TERM-006", test_stops_while_running);
  g_test_add_func ("/devices/camera/stop-and-start-again  F-TERM-006", test_stop_and_start_again);

  status = g_test_run ();
  gst_deinit ();
  return status;
}
