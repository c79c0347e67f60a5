/* test-fingerprint.c: AnjuFingerprint on libfprint's virtual_device
 * driver (F-TERM-005 identity capture: fingerprints).
 *
 * The driver listens on a UNIX socket in this process's main context and
 * takes one command a connection, done when it closes the connection; a
 * helper thread plays the finger while the main loop runs.  Each test
 * makes its own AnjuFingerprint, hence its own FpContext and device, and
 * always sends the scans an action waits for: libfprint disables a
 * device that stays busy for minutes (FEASIBILITY §2, the heat model).
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fprint.h>
#include <gio/gunixsocketaddress.h>
#include <glib/gstdio.h>

#include "anju-fingerprint.h"

typedef struct
{
  char            *dir;
  char            *socket_path;
  AnjuFingerprint *fingerprint;
  GPtrArray       *progress;    /* "stage/n_stages" */
  GPtrArray       *retries;     /* retry messages */
} Fixture;

static void
enroll_progress_cb (AnjuFingerprint *fingerprint,
                    int              stage,
                    int              n_stages,
                    Fixture         *fixture)
{
  g_ptr_array_add (fixture->progress, g_strdup_printf ("%d/%d", stage, n_stages));
}

static void
retry_cb (AnjuFingerprint *fingerprint,
          const char      *message,
          Fixture         *fixture)
{
  g_ptr_array_add (fixture->retries, g_strdup (message));
}

static void
result_cb (GObject      *source_object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

static void
open_fingerprint (Fixture    *fixture,
                  const char *autoscan)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  fixture->fingerprint = anju_fingerprint_new_virtual (fixture->socket_path, autoscan);
  g_signal_connect (fixture->fingerprint, "enroll-progress", G_CALLBACK (enroll_progress_cb), fixture);
  g_signal_connect (fixture->fingerprint, "retry", G_CALLBACK (retry_cb), fixture);
  anju_fingerprint_open_async (fixture->fingerprint, NULL, result_cb, &result);
  anju_fingerprint_open_finish (fixture->fingerprint, wait_for_result (&result), &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (fixture->socket_path, G_FILE_TEST_EXISTS));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("anju-fingerprint-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->socket_path = g_build_filename (fixture->dir, "fp.sock", NULL);
  fixture->progress = g_ptr_array_new_with_free_func (g_free);
  fixture->retries = g_ptr_array_new_with_free_func (g_free);
  open_fingerprint (fixture, data);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->fingerprint);
  /* Closing removed the socket file. */
  g_assert_false (g_file_test (fixture->socket_path, G_FILE_TEST_EXISTS));
  g_rmdir (fixture->dir);
  g_free (fixture->socket_path);
  g_free (fixture->dir);
  g_ptr_array_unref (fixture->progress);
  g_ptr_array_unref (fixture->retries);
}

/* The finger: a thread that sends each command on its own connection
 * and waits for the driver to close it before the next. */
typedef struct
{
  char    *socket_path;
  GStrv    commands;
  GThread *thread;
  int      done;         /* atomic */
} Finger;

static gpointer
finger_thread (gpointer data)
{
  Finger *finger = data;

  for (guint i = 0; finger->commands[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GSocketClient) client = g_socket_client_new ();
      g_autoptr(GSocketAddress) address = g_unix_socket_address_new (finger->socket_path);
      g_autoptr(GSocketConnection) connection = NULL;
      GInputStream *input = NULL;
      char buf[64];
      gssize n = 0;

      connection = g_socket_client_connect (client, G_SOCKET_CONNECTABLE (address), NULL, &error);
      g_assert_no_error (error);
      g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (connection)),
                                 finger->commands[i], strlen (finger->commands[i]),
                                 NULL, NULL, &error);
      g_assert_no_error (error);
      input = g_io_stream_get_input_stream (G_IO_STREAM (connection));
      while ((n = g_input_stream_read (input, buf, sizeof buf, NULL, &error)) > 0)
        ;
      g_assert_no_error (error);
    }

  g_atomic_int_set (&finger->done, TRUE);
  g_main_context_wakeup (NULL);
  return NULL;
}

static Finger *
start_finger (Fixture *fixture,
              GStrv    commands)
{
  Finger *finger = g_new0 (Finger, 1);

  finger->socket_path = g_strdup (fixture->socket_path);
  finger->commands = commands;
  finger->thread = g_thread_new ("finger", finger_thread, finger);
  return finger;
}

/* The driver only hears the finger while the main loop runs. */
static void
wait_finger (Finger *finger)
{
  while (!g_atomic_int_get (&finger->done))
    g_main_context_iteration (NULL, TRUE);
  g_thread_join (finger->thread);
  g_free (finger->socket_path);
  g_strfreev (finger->commands);
  g_free (finger);
}

static Finger *
play_finger (Fixture    *fixture,
             const char *first_command,
             ...)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  va_list args;

  va_start (args, first_command);
  for (const char *command = first_command; command != NULL; command = va_arg (args, const char *))
    g_strv_builder_add (builder, command);
  va_end (args);
  return start_finger (fixture, g_strv_builder_end (builder));
}

/* n scans of one finger, for an enrolment. */
static Finger *
play_scans (Fixture    *fixture,
            const char *finger_id,
            int         n)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *scan = g_strconcat ("SCAN ", finger_id, NULL);

  for (int i = 0; i < n; i++)
    g_strv_builder_add (builder, scan);
  return start_finger (fixture, g_strv_builder_end (builder));
}

static GBytes *
enroll (Fixture  *fixture,
        GError  **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  anju_fingerprint_enroll_async (fixture->fingerprint, "王小湘", NULL, result_cb, &result);
  return anju_fingerprint_enroll_finish (fixture->fingerprint, wait_for_result (&result), error);
}

static gboolean
verify (Fixture   *fixture,
        GBytes    *print,
        gboolean  *matched,
        GError   **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  anju_fingerprint_verify_async (fixture->fingerprint, print, NULL, result_cb, &result);
  return anju_fingerprint_verify_finish (fixture->fingerprint, wait_for_result (&result),
                                         matched, error);
}

static void
assert_state (Fixture         *fixture,
              AnjuDeviceState  state)
{
  g_assert_cmpint (anju_device_get_state (ANJU_DEVICE (fixture->fingerprint)), ==, state);
}

static void
test_enroll_verify (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) print = NULL;
  g_autofree char *last = NULL;
  gboolean matched = FALSE;
  int stages = anju_fingerprint_get_enroll_stages (fixture->fingerprint);

  g_assert_cmpstr (anju_device_get_kind (ANJU_DEVICE (fixture->fingerprint)), ==, "fingerprint");
  g_assert_cmpint (stages, >, 1);

  wait_finger (play_scans (fixture, "right-index-wang", stages));
  print = enroll (fixture, &error);
  g_assert_no_error (error);
  g_assert_nonnull (print);
  g_assert_cmpuint (g_bytes_get_size (print), >, 0);
  g_assert_cmpuint (fixture->progress->len, ==, stages);
  last = g_strdup_printf ("%d/%d", stages, stages);
  g_assert_cmpstr (g_ptr_array_index (fixture->progress, stages - 1), ==, last);
  g_assert_cmpuint (fixture->retries->len, ==, 0);
  assert_state (fixture, ANJU_DEVICE_STATE_OK);

  /* The same finger matches the stored print, another does not. */
  wait_finger (play_finger (fixture, "SCAN right-index-wang", NULL));
  g_assert_true (verify (fixture, print, &matched, &error));
  g_assert_no_error (error);
  g_assert_true (matched);

  wait_finger (play_finger (fixture, "SCAN left-thumb-mallory", NULL));
  g_assert_true (verify (fixture, print, &matched, &error));
  g_assert_no_error (error);
  g_assert_false (matched);
  assert_state (fixture, ANJU_DEVICE_STATE_OK);
}

static void
test_scan_while_waiting (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GBytes) print = NULL;
  Finger *finger = NULL;
  int stages = anju_fingerprint_get_enroll_stages (fixture->fingerprint);

  /* The scans arrive while the enrolment already waits for them. */
  anju_fingerprint_enroll_async (fixture->fingerprint, "王小湘", NULL, result_cb, &result);
  finger = play_scans (fixture, "right-index-wang", stages);
  print = anju_fingerprint_enroll_finish (fixture->fingerprint, wait_for_result (&result), &error);
  wait_finger (finger);
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->progress->len, ==, stages);
}

static void
test_retry (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) print = NULL;
  gboolean matched = FALSE;
  int stages = anju_fingerprint_get_enroll_stages (fixture->fingerprint);

  /* A swipe too short, then the whole enrolment. */
  wait_finger (play_finger (fixture, "SCAN right-index-wang", "RETRY 1", NULL));
  wait_finger (play_scans (fixture, "right-index-wang", stages - 1));
  print = enroll (fixture, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->retries->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->retries, 0), !=, "");
  g_assert_cmpuint (fixture->progress->len, ==, stages);

  /* In a verification a retry asks for the finger again. */
  wait_finger (play_finger (fixture, "RETRY 2", "SCAN right-index-wang", NULL));
  g_assert_true (verify (fixture, print, &matched, &error));
  g_assert_no_error (error);
  g_assert_true (matched);
  g_assert_cmpuint (fixture->retries->len, ==, 2);
}

static void
test_device_error (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) print = NULL;
  int stages = anju_fingerprint_get_enroll_stages (fixture->fingerprint);

  wait_finger (play_finger (fixture, "ERROR 5", NULL));
  print = enroll (fixture, &error);
  g_assert_error (error, FP_DEVICE_ERROR, FP_DEVICE_ERROR_PROTO);
  g_assert_null (print);
  assert_state (fixture, ANJU_DEVICE_STATE_ERROR);
  g_assert_cmpstr (anju_device_get_status_message (ANJU_DEVICE (fixture->fingerprint)), ==, error->message);

  /* The next success clears the fault. */
  g_clear_error (&error);
  wait_finger (play_scans (fixture, "right-index-wang", stages));
  print = enroll (fixture, &error);
  g_assert_no_error (error);
  assert_state (fixture, ANJU_DEVICE_STATE_OK);
  g_assert_null (anju_device_get_status_message (ANJU_DEVICE (fixture->fingerprint)));
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GBytes) print = NULL;

  /* Nobody comes: the kiosk gives up waiting for the finger. */
  anju_fingerprint_enroll_async (fixture->fingerprint, "王小湘", cancellable, result_cb, &result);
  g_cancellable_cancel (cancellable);
  print = anju_fingerprint_enroll_finish (fixture->fingerprint, wait_for_result (&result), &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (print);
  assert_state (fixture, ANJU_DEVICE_STATE_OK);
}

static void
test_bad_print (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) garbage = g_bytes_new_static ("not a print", 11);
  gboolean matched = TRUE;

  g_assert_false (verify (fixture, garbage, &matched, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  assert_state (fixture, ANJU_DEVICE_STATE_OK);
}

static void
test_autoscan (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) print = NULL;
  gboolean matched = FALSE;
  int stages = anju_fingerprint_get_enroll_stages (fixture->fingerprint);

  /* Nobody plays the finger: the simulator feeds its own scans. */
  print = enroll (fixture, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->progress->len, ==, stages);

  g_assert_true (verify (fixture, print, &matched, &error));
  g_assert_no_error (error);
  g_assert_true (matched);
  g_assert_true (verify (fixture, print, &matched, &error));
  g_assert_true (matched);
}

static void
test_real_missing (void)
{
  g_autoptr(AnjuFingerprint) fingerprint = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  /* This machine has no fingerprint hardware, and the virtual driver is
   * never taken for a real reader. */
  g_setenv ("FP_VIRTUAL_DEVICE", "/nonexistent/anju-fp.sock", TRUE);
  fingerprint = anju_fingerprint_new_real ();
  g_unsetenv ("FP_VIRTUAL_DEVICE");
  g_assert_cmpint (anju_device_get_state (ANJU_DEVICE (fingerprint)), ==, ANJU_DEVICE_STATE_MISSING);
  g_assert_nonnull (anju_device_get_status_message (ANJU_DEVICE (fingerprint)));
  g_assert_cmpint (anju_fingerprint_get_enroll_stages (fingerprint), ==, 0);

  anju_fingerprint_open_async (fingerprint, NULL, result_cb, &result);
  g_assert_false (anju_fingerprint_open_finish (fingerprint, wait_for_result (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, autoscan, func) \
  g_test_add ("/devices/fingerprint/F-TERM-005/" path, Fixture, autoscan, \
              fixture_set_up, func, fixture_tear_down)
  ADD ("enroll-verify", NULL, test_enroll_verify);
  ADD ("scan-while-waiting", NULL, test_scan_while_waiting);
  ADD ("retry", NULL, test_retry);
  ADD ("device-error", NULL, test_device_error);
  ADD ("cancel", NULL, test_cancel);
  ADD ("bad-print", NULL, test_bad_print);
  ADD ("autoscan", "right-index-demo", test_autoscan);
#undef ADD
  g_test_add_func ("/devices/fingerprint/F-TERM-005/real-missing", test_real_missing);

  return g_test_run ();
}
