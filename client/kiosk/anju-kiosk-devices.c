/* anju-kiosk-devices.c
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "anju-kiosk-devices.h"

struct _AnjuKioskDevices
{
  GObject          parent_instance;

  /* Owned (nullable: NULL for a backend "none") */
  AnjuCamera      *camera;
  AnjuFingerprint *fingerprint;
  AnjuIdReader    *id_reader;
  AnjuPrinter     *printer;

  /* The ID-card simulator, in "simulator" mode: owned, killed at
   * finalize so that no simulator outlives its terminal. */
  GSubprocess     *simulator;
  GOutputStream   *simulator_stdin;
  GDataInputStream *simulator_stdout;
};

G_DEFINE_FINAL_TYPE (AnjuKioskDevices, anju_kiosk_devices, G_TYPE_OBJECT)

/* Starts the simulator, whose first line on stdout is the path of the
 * pseudo-terminal it answers on; the reader then opens that path like a
 * real /dev/ttyUSB0. */
static gboolean
start_id_simulator (AnjuKioskDevices      *self,
                    const AnjuKioskConfig *config,
                    GError               **error)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *pty_path = NULL;

  g_ptr_array_add (argv, config->id_reader_simulator_program);
  if (config->id_reader_simulator_card != NULL)
    {
      g_ptr_array_add (argv, (gpointer) "--card");
      g_ptr_array_add (argv, config->id_reader_simulator_card);
    }
  g_ptr_array_add (argv, NULL);

  self->simulator = g_subprocess_newv ((const char * const *) argv->pdata,
                                       G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE,
                                       &local_error);
  if (self->simulator == NULL)
    {
      /* Translators: %1$s is a program, %2$s why it did not start */
      g_set_error (error, G_SPAWN_ERROR, G_SPAWN_ERROR_FAILED,
                   _("[id_reader] simulator_program: cannot start %1$s: %2$s"),
                   config->id_reader_simulator_program, local_error->message);
      return FALSE;
    }

  self->simulator_stdin = g_object_ref (g_subprocess_get_stdin_pipe (self->simulator));
  self->simulator_stdout = g_data_input_stream_new (g_subprocess_get_stdout_pipe (self->simulator));
  pty_path = g_data_input_stream_read_line_utf8 (self->simulator_stdout, NULL, NULL, &local_error);
  if (pty_path == NULL || !g_str_has_prefix (pty_path, "/"))
    {
      /* Translators: %1$s is a program */
      g_set_error (error, G_SPAWN_ERROR, G_SPAWN_ERROR_FAILED,
                   _("[id_reader] simulator_program: %1$s did not name its pseudo-terminal"),
                   config->id_reader_simulator_program);
      return FALSE;
    }

  self->id_reader = anju_id_reader_new (pty_path);
  return TRUE;
}

static gboolean
make_devices (AnjuKioskDevices      *self,
              const AnjuKioskConfig *config,
              GError               **error)
{
  if (g_strcmp0 (config->camera_backend, "v4l2") == 0)
    self->camera = anju_camera_new_v4l2 (config->camera_device);
  else if (g_strcmp0 (config->camera_backend, "simulator") == 0)
    self->camera = anju_camera_new_simulator (config->camera_simulator_source);

  if (g_strcmp0 (config->fingerprint_backend, "libfprint") == 0)
    self->fingerprint = anju_fingerprint_new_real ();
  else if (g_strcmp0 (config->fingerprint_backend, "virtual") == 0)
    self->fingerprint = anju_fingerprint_new_virtual (config->fingerprint_virtual_socket,
                                                      config->fingerprint_virtual_autoscan);

  if (g_strcmp0 (config->printer_backend, "cups") == 0)
    self->printer = anju_printer_new_cups (config->printer_name);
  else if (g_strcmp0 (config->printer_backend, "file") == 0)
    self->printer = anju_printer_new_file (config->printer_output_dir);

  if (g_strcmp0 (config->id_reader_backend, "serial") == 0)
    self->id_reader = anju_id_reader_new (config->id_reader_device);
  else if (g_strcmp0 (config->id_reader_backend, "simulator") == 0)
    return start_id_simulator (self, config, error);

  return TRUE;
}

static void
stop_simulator (AnjuKioskDevices *self)
{
  if (self->simulator != NULL)
    {
      g_subprocess_force_exit (self->simulator);
      /* Reaps it: no zombie per kiosk a test made. */
      g_subprocess_wait (self->simulator, NULL, NULL);
    }
  g_clear_object (&self->simulator_stdin);
  g_clear_object (&self->simulator_stdout);
  g_clear_object (&self->simulator);
}

static void
anju_kiosk_devices_dispose (GObject *object)
{
  AnjuKioskDevices *self = ANJU_KIOSK_DEVICES (object);

  g_clear_object (&self->camera);
  g_clear_object (&self->fingerprint);
  g_clear_object (&self->id_reader);
  g_clear_object (&self->printer);

  G_OBJECT_CLASS (anju_kiosk_devices_parent_class)->dispose (object);
}

static void
anju_kiosk_devices_finalize (GObject *object)
{
  AnjuKioskDevices *self = ANJU_KIOSK_DEVICES (object);

  stop_simulator (self);

  G_OBJECT_CLASS (anju_kiosk_devices_parent_class)->finalize (object);
}

static void
anju_kiosk_devices_class_init (AnjuKioskDevicesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = anju_kiosk_devices_dispose;
  object_class->finalize = anju_kiosk_devices_finalize;
}

static void
anju_kiosk_devices_init (AnjuKioskDevices *self)
{
}

AnjuKioskDevices *
anju_kiosk_devices_new (const AnjuKioskConfig  *config,
                        GError                **error)
{
  g_autoptr(AnjuKioskDevices) self = NULL;

  g_return_val_if_fail (config != NULL, NULL);

  self = g_object_new (ANJU_TYPE_KIOSK_DEVICES, NULL);
  if (!make_devices (self, config, error))
    return NULL;

  return g_steal_pointer (&self);
}

AnjuCamera *
anju_kiosk_devices_get_camera (AnjuKioskDevices *self)
{
  g_return_val_if_fail (ANJU_IS_KIOSK_DEVICES (self), NULL);

  return self->camera;
}

AnjuFingerprint *
anju_kiosk_devices_get_fingerprint (AnjuKioskDevices *self)
{
  g_return_val_if_fail (ANJU_IS_KIOSK_DEVICES (self), NULL);

  return self->fingerprint;
}

AnjuIdReader *
anju_kiosk_devices_get_id_reader (AnjuKioskDevices *self)
{
  g_return_val_if_fail (ANJU_IS_KIOSK_DEVICES (self), NULL);

  return self->id_reader;
}

AnjuPrinter *
anju_kiosk_devices_get_printer (AnjuKioskDevices *self)
{
  g_return_val_if_fail (ANJU_IS_KIOSK_DEVICES (self), NULL);

  return self->printer;
}

/* The server keeps at most this many characters of a device's message. */
#define MAX_MESSAGE_CHARS 200

static JsonObject *
describe (const char *kind,
          gpointer    device)
{
  JsonObject *peripheral = json_object_new ();
  AnjuDeviceState state = ANJU_DEVICE_STATE_DISABLED;
  const char *message = NULL;

  if (device != NULL)
    {
      state = anju_device_get_state (ANJU_DEVICE (device));
      message = anju_device_get_status_message (ANJU_DEVICE (device));
    }

  json_object_set_string_member (peripheral, "kind", kind);
  json_object_set_string_member (peripheral, "state", anju_device_state_to_string (state));
  if (message != NULL && g_utf8_strlen (message, -1) > MAX_MESSAGE_CHARS)
    {
      g_autofree char *shortened = g_utf8_substring (message, 0, MAX_MESSAGE_CHARS);

      json_object_set_string_member (peripheral, "message", shortened);
    }
  else if (message != NULL)
    json_object_set_string_member (peripheral, "message", message);
  else
    json_object_set_null_member (peripheral, "message");

  return peripheral;
}

JsonArray *
anju_kiosk_devices_get_status (AnjuKioskDevices *self)
{
  JsonArray *peripherals;

  g_return_val_if_fail (ANJU_IS_KIOSK_DEVICES (self), NULL);

  peripherals = json_array_new ();
  json_array_add_object_element (peripherals, describe ("camera", self->camera));
  json_array_add_object_element (peripherals, describe ("fingerprint", self->fingerprint));
  json_array_add_object_element (peripherals, describe ("id_reader", self->id_reader));
  json_array_add_object_element (peripherals, describe ("printer", self->printer));

  return peripherals;
}

gboolean
anju_kiosk_devices_send_simulator_command (AnjuKioskDevices  *self,
                                           const char        *command,
                                           GError           **error)
{
  g_autofree char *line = NULL;

  g_return_val_if_fail (ANJU_IS_KIOSK_DEVICES (self), FALSE);
  g_return_val_if_fail (command != NULL, FALSE);

  if (self->simulator_stdin == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           "The ID-card reader is not the simulator");
      return FALSE;
    }

  line = g_strconcat (command, "\n", NULL);
  if (!g_output_stream_write_all (self->simulator_stdin, line, strlen (line), NULL, NULL, error) ||
      !g_output_stream_flush (self->simulator_stdin, NULL, error))
    return FALSE;

  /* The simulator acknowledges each command on its stdout ("ok …" or
   * "error: …"), so that what follows sees it done. */
  while (TRUE)
    {
      g_autofree char *answer = g_data_input_stream_read_line_utf8 (self->simulator_stdout, NULL, NULL, error);

      if (answer == NULL)
        {
          if (error != NULL && *error == NULL)
            g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CLOSED, "The ID-card simulator has ended");
          return FALSE;
        }
      if (g_str_has_prefix (answer, "ok "))
        return TRUE;
      if (g_str_has_prefix (answer, "error: "))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, answer + strlen ("error: "));
          return FALSE;
        }
    }
}
