/* anju-fingerprint.c
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fprint.h>
#include <gio/gunixsocketaddress.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "anju-fingerprint.h"

#define VIRTUAL_ENV     "FP_VIRTUAL_DEVICE"
#define VIRTUAL_DRIVER  "virtual_device"
/* A verify that keeps asking for a better scan gives up after this many. */
#define MAX_VERIFY_RETRIES 5

struct _AnjuFingerprint
{
  GObject          parent_instance;

  /* owned */
  FpContext       *context;
  FpDevice        *device;           /* (nullable): none found */
  char            *socket_path;      /* (nullable): the real backend */
  char            *autoscan_finger;  /* (nullable) */
  GCancellable    *cancellable;      /* cancelled on dispose */

  AnjuDeviceState  state;
  char            *status_message;   /* (nullable) */

  /* Autoscan: SCANs still to feed to the running action, and whether a
   * command connection is open (the driver takes one at a time). */
  guint            autoscan_remaining;
  gboolean         autoscan_busy;
};

static void anju_fingerprint_device_init (AnjuDeviceInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AnjuFingerprint, anju_fingerprint, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (ANJU_TYPE_DEVICE, anju_fingerprint_device_init))

enum
{
  PROP_0,
  PROP_STATE,
  PROP_STATUS_MESSAGE,
  N_PROPS,
};

enum
{
  ENROLL_PROGRESS,
  RETRY,
  N_SIGNALS,
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void maybe_autoscan (AnjuFingerprint *self);

static void
set_state (AnjuFingerprint *self,
           AnjuDeviceState  state,
           const char      *message)
{
  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
  if (g_strcmp0 (self->status_message, message) != 0)
    {
      g_free (self->status_message);
      self->status_message = g_strdup (message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_MESSAGE]);
    }
}

static const char *
missing_message (void)
{
  return _("No fingerprint reader was found");
}

static const char *
retry_message (const GError *error)
{
  switch (error->code)
    {
    case FP_DEVICE_RETRY_TOO_SHORT:
      return _("The finger was lifted too soon; please press it on the reader again");
    case FP_DEVICE_RETRY_CENTER_FINGER:
      return _("Please put your finger in the middle of the reader");
    case FP_DEVICE_RETRY_REMOVE_FINGER:
      return _("Please lift your finger and press it on the reader again");
    case FP_DEVICE_RETRY_GENERAL:
    default:
      return _("The fingerprint was not clear; please press your finger on the reader again");
    }
}

/* libfprint's messages are English and technical: the citizen gets one
 * of ours, the domain and code stay for the caller. */
static GError *
translate_error (const GError *error)
{
  const char *message = NULL;

  if (error->domain != FP_DEVICE_ERROR)
    return g_error_copy (error);

  switch (error->code)
    {
    case FP_DEVICE_ERROR_REMOVED:
      message = _("The fingerprint reader was disconnected; please ask the staff for help");
      break;
    case FP_DEVICE_ERROR_TOO_HOT:
      message = _("The fingerprint reader is resting to cool down; please try again in a few minutes");
      break;
    default:
      message = _("The fingerprint reader failed; please ask the staff for help");
    }
  g_debug ("fingerprint reader: %s", error->message);
  return g_error_new_literal (error->domain, error->code, message);
}

/* Every action ends here: the device's state follows its outcome. */
static void
record_outcome (AnjuFingerprint *self,
                const GError    *error)
{
  self->autoscan_remaining = 0;
  if (error == NULL)
    set_state (self, ANJU_DEVICE_STATE_OK, NULL);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  else if (g_error_matches (error, FP_DEVICE_ERROR, FP_DEVICE_ERROR_REMOVED))
    set_state (self, ANJU_DEVICE_STATE_MISSING, error->message);
  else
    set_state (self, ANJU_DEVICE_STATE_ERROR, error->message);
}

/* Autoscan: the virtual driver's socket takes one command a connection
 * and closes it once the command is processed, so a command is done at
 * EOF and the next may only be sent then. */

typedef struct
{
  AnjuFingerprint   *self;        /* (owned) */
  GSocketConnection *connection;  /* (owned) (nullable) */
  char              *command;     /* (owned) */
  char               buf[64];
} AutoscanCommand;

static void
autoscan_command_free (AutoscanCommand *command)
{
  command->self->autoscan_busy = FALSE;
  g_clear_object (&command->connection);
  g_clear_object (&command->self);
  g_free (command->command);
  g_free (command);
}

static void
autoscan_command_done (AutoscanCommand *command,
                       const GError    *error)
{
  g_autoptr(AnjuFingerprint) self = g_object_ref (command->self);

  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("fingerprint autoscan: %s", error->message);
  autoscan_command_free (command);
  if (error == NULL)
    maybe_autoscan (self);
}

static void
autoscan_read_cb (GObject      *source_object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  AutoscanCommand *command = user_data;
  g_autoptr(GError) error = NULL;
  gssize n = g_input_stream_read_finish (G_INPUT_STREAM (source_object), result, &error);

  if (n > 0)
    {
      g_input_stream_read_async (G_INPUT_STREAM (source_object), command->buf, sizeof command->buf,
                                 G_PRIORITY_DEFAULT, command->self->cancellable,
                                 autoscan_read_cb, command);
      return;
    }
  autoscan_command_done (command, error);
}

static void
autoscan_write_cb (GObject      *source_object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  AutoscanCommand *command = user_data;
  g_autoptr(GError) error = NULL;
  GInputStream *input = NULL;

  if (!g_output_stream_write_all_finish (G_OUTPUT_STREAM (source_object), result, NULL, &error))
    {
      autoscan_command_done (command, error);
      return;
    }
  input = g_io_stream_get_input_stream (G_IO_STREAM (command->connection));
  g_input_stream_read_async (input, command->buf, sizeof command->buf,
                             G_PRIORITY_DEFAULT, command->self->cancellable,
                             autoscan_read_cb, command);
}

static void
autoscan_connect_cb (GObject      *source_object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  AutoscanCommand *command = user_data;
  g_autoptr(GError) error = NULL;
  GOutputStream *output = NULL;

  command->connection = g_socket_client_connect_finish (G_SOCKET_CLIENT (source_object), result, &error);
  if (command->connection == NULL)
    {
      autoscan_command_done (command, error);
      return;
    }
  output = g_io_stream_get_output_stream (G_IO_STREAM (command->connection));
  g_output_stream_write_all_async (output, command->command, strlen (command->command),
                                   G_PRIORITY_DEFAULT, command->self->cancellable,
                                   autoscan_write_cb, command);
}

static void
send_autoscan_command (AnjuFingerprint *self,
                       const char      *text)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketAddress) address = g_unix_socket_address_new (self->socket_path);
  AutoscanCommand *command = g_new0 (AutoscanCommand, 1);

  command->self = g_object_ref (self);
  command->command = g_strdup (text);
  self->autoscan_busy = TRUE;
  g_socket_client_connect_async (client, G_SOCKET_CONNECTABLE (address), self->cancellable,
                                 autoscan_connect_cb, command);
}

/* Puts the autoscan finger on the reader when the running action waits
 * for one, as a person at a demo terminal would. */
static void
maybe_autoscan (AnjuFingerprint *self)
{
  FpFingerStatusFlags status = 0;
  g_autofree char *text = NULL;

  if (self->autoscan_finger == NULL || self->device == NULL ||
      self->autoscan_remaining == 0 || self->autoscan_busy)
    return;
  status = fp_device_get_finger_status (self->device);
  if ((status & FP_FINGER_STATUS_NEEDED) == 0 || (status & FP_FINGER_STATUS_PRESENT) != 0)
    return;

  self->autoscan_remaining--;
  text = g_strdup_printf ("SCAN %s", self->autoscan_finger);
  send_autoscan_command (self, text);
}

static void
finger_status_changed_cb (FpDevice        *device,
                          GParamSpec      *pspec,
                          AnjuFingerprint *self)
{
  maybe_autoscan (self);
}

static void
start_autoscan (AnjuFingerprint *self,
                guint            n_scans)
{
  if (self->autoscan_finger == NULL)
    return;
  self->autoscan_remaining = n_scans;
  /* The driver may already wait for a finger since its last action, in
   * which case no notification comes. */
  maybe_autoscan (self);
}

/* Opening. */

static void
open_cb (GObject      *source_object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AnjuFingerprint *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) translated = NULL;

  if (!fp_device_open_finish (FP_DEVICE (source_object), result, &error))
    {
      translated = translate_error (error);
      record_outcome (self, translated);
      g_task_return_error (task, g_steal_pointer (&translated));
      return;
    }
  record_outcome (self, NULL);
  g_task_return_boolean (task, TRUE);
}

/* The driver's listener neither removes its socket file when it stops
 * nor binds over one a crashed kiosk left behind; only a socket is ever
 * removed, whatever the configuration names. */
static void
remove_stale_socket (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) == 0 && S_ISSOCK (st.st_mode))
    g_unlink (path);
}

/* Enrolling. */

static void
enroll_progress_cb (FpDevice *device,
                    int       completed_stages,
                    FpPrint  *print,
                    gpointer  user_data,
                    GError   *error)
{
  AnjuFingerprint *self = user_data;

  if (error != NULL)
    {
      g_signal_emit (self, signals[RETRY], 0, retry_message (error));
      return;
    }
  g_signal_emit (self, signals[ENROLL_PROGRESS], 0,
                 completed_stages, fp_device_get_nr_enroll_stages (device));
}

static void
enroll_cb (GObject      *source_object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AnjuFingerprint *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(FpPrint) print = fp_device_enroll_finish (FP_DEVICE (source_object), result, &error);
  g_autofree guchar *data = NULL;
  gsize len = 0;

  if (print == NULL)
    {
      g_autoptr(GError) translated = translate_error (error);

      record_outcome (self, translated);
      g_task_return_error (task, g_steal_pointer (&translated));
      return;
    }
  record_outcome (self, NULL);
  if (!fp_print_serialize (print, &data, &len, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, g_bytes_new_take (g_steal_pointer (&data), len),
                         (GDestroyNotify) g_bytes_unref);
}

/* Verifying. */

typedef struct
{
  FpPrint *print;
  guint    retries;
} VerifyJob;

static void
verify_job_free (VerifyJob *job)
{
  g_clear_object (&job->print);
  g_free (job);
}

static void verify_cb (GObject      *source_object,
                       GAsyncResult *result,
                       gpointer      user_data);

static void
start_verify (GTask *task)
{
  AnjuFingerprint *self = g_task_get_source_object (task);
  VerifyJob *job = g_task_get_task_data (task);

  fp_device_verify (self->device, job->print, g_task_get_cancellable (task),
                    NULL, NULL, NULL, verify_cb, task);
  start_autoscan (self, 1);
}

static void
verify_cb (GObject      *source_object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AnjuFingerprint *self = g_task_get_source_object (task);
  VerifyJob *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) translated = NULL;
  gboolean matched = FALSE;

  if (fp_device_verify_finish (FP_DEVICE (source_object), result, &matched, NULL, &error))
    {
      record_outcome (self, NULL);
      g_task_return_int (task, matched);
      return;
    }
  /* A scan to repeat is not a failure of the device: ask again. */
  if (error->domain == FP_DEVICE_RETRY && job->retries++ < MAX_VERIFY_RETRIES)
    {
      g_signal_emit (self, signals[RETRY], 0, retry_message (error));
      start_verify (g_steal_pointer (&task));
      return;
    }
  if (error->domain == FP_DEVICE_RETRY)
    {
      g_task_return_new_error (task, FP_DEVICE_RETRY, error->code, "%s", retry_message (error));
      return;
    }
  translated = translate_error (error);
  record_outcome (self, translated);
  g_task_return_error (task, g_steal_pointer (&translated));
}

static gboolean
check_open (AnjuFingerprint  *self,
            GError          **error)
{
  if (self->device == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, missing_message ());
      return FALSE;
    }
  if (!fp_device_is_open (self->device))
    {
      g_set_error_literal (error, FP_DEVICE_ERROR, FP_DEVICE_ERROR_NOT_OPEN,
                           _("The fingerprint reader is not ready; please ask the staff for help"));
      return FALSE;
    }
  return TRUE;
}

/* The device: the first real one, or the virtual driver's, found while
 * FP_VIRTUAL_DEVICE names our socket.  libfprint reads that variable
 * only when it enumerates, so it is set just for that and then put back:
 * another FpContext of this process must not find our simulator. */
static void
find_device (AnjuFingerprint *self)
{
  g_autofree char *saved = NULL;
  GPtrArray *devices = NULL;

  if (self->socket_path != NULL)
    {
      saved = g_strdup (g_getenv (VIRTUAL_ENV));
      g_setenv (VIRTUAL_ENV, self->socket_path, TRUE);
    }
  self->context = fp_context_new ();
  fp_context_enumerate (self->context);
  if (self->socket_path != NULL)
    {
      if (saved != NULL)
        g_setenv (VIRTUAL_ENV, saved, TRUE);
      else
        g_unsetenv (VIRTUAL_ENV);
    }

  devices = fp_context_get_devices (self->context);
  for (guint i = 0; devices != NULL && i < devices->len && self->device == NULL; i++)
    {
      FpDevice *device = g_ptr_array_index (devices, i);
      const char *driver = fp_device_get_driver (device);
      gboolean is_virtual = g_str_has_prefix (driver, "virtual_");

      if (self->socket_path != NULL ? g_str_equal (driver, VIRTUAL_DRIVER) : !is_virtual)
        self->device = g_object_ref (device);
    }

  if (self->device == NULL)
    set_state (self, ANJU_DEVICE_STATE_MISSING, missing_message ());
  else
    g_signal_connect_object (self->device, "notify::finger-status",
                             G_CALLBACK (finger_status_changed_cb), self, G_CONNECT_DEFAULT);
}

static const char *
anju_fingerprint_get_kind (AnjuDevice *device)
{
  return "fingerprint";
}

static void
anju_fingerprint_device_init (AnjuDeviceInterface *iface)
{
  iface->get_kind = anju_fingerprint_get_kind;
}

static void
anju_fingerprint_dispose (GObject *object)
{
  AnjuFingerprint *self = ANJU_FINGERPRINT (object);

  g_cancellable_cancel (self->cancellable);
  /* Closing stops the virtual driver's listener; every action holds a reference to us, so none is running now. */
  if (self->device != NULL && fp_device_is_open (self->device))
    {
      g_autoptr(GError) error = NULL;

      if (!fp_device_close_sync (self->device, NULL, &error))
        g_debug ("fingerprint reader: closing: %s", error->message);
      /* The listener leaves its socket file behind. */
      if (self->socket_path != NULL)
        remove_stale_socket (self->socket_path);
    }
  g_clear_object (&self->device);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (anju_fingerprint_parent_class)->dispose (object);
}

static void
anju_fingerprint_finalize (GObject *object)
{
  AnjuFingerprint *self = ANJU_FINGERPRINT (object);

  g_clear_object (&self->cancellable);
  g_free (self->socket_path);
  g_free (self->autoscan_finger);
  g_free (self->status_message);

  G_OBJECT_CLASS (anju_fingerprint_parent_class)->finalize (object);
}

static void
anju_fingerprint_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AnjuFingerprint *self = ANJU_FINGERPRINT (object);

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
anju_fingerprint_class_init (AnjuFingerprintClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = anju_fingerprint_dispose;
  object_class->finalize = anju_fingerprint_finalize;
  object_class->get_property = anju_fingerprint_get_property;

  g_object_class_override_property (object_class, PROP_STATE, "state");
  properties[PROP_STATE] = g_object_class_find_property (object_class, "state");
  g_object_class_override_property (object_class, PROP_STATUS_MESSAGE, "status-message");
  properties[PROP_STATUS_MESSAGE] = g_object_class_find_property (object_class, "status-message");

  /* stage: the good scans so far; n_stages: how many enrolment needs. */
  signals[ENROLL_PROGRESS] =
    g_signal_new ("enroll-progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT);
  /* message: what the person should do differently, translated. */
  signals[RETRY] =
    g_signal_new ("retry", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
anju_fingerprint_init (AnjuFingerprint *self)
{
  self->cancellable = g_cancellable_new ();
  self->state = ANJU_DEVICE_STATE_OK;
}

AnjuFingerprint *
anju_fingerprint_new_real (void)
{
  AnjuFingerprint *self = g_object_new (ANJU_TYPE_FINGERPRINT, NULL);

  find_device (self);
  return self;
}

AnjuFingerprint *
anju_fingerprint_new_virtual (const char *socket_path,
                              const char *autoscan_finger)
{
  AnjuFingerprint *self = NULL;

  g_return_val_if_fail (socket_path != NULL, NULL);

  self = g_object_new (ANJU_TYPE_FINGERPRINT, NULL);
  self->socket_path = g_strdup (socket_path);
  self->autoscan_finger = g_strdup (autoscan_finger);
  find_device (self);
  return self;
}

void
anju_fingerprint_open_async (AnjuFingerprint     *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ANJU_IS_FINGERPRINT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, anju_fingerprint_open_async);

  if (self->device == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "%s", missing_message ());
      return;
    }
  if (fp_device_is_open (self->device))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  if (self->socket_path != NULL)
    remove_stale_socket (self->socket_path);
  fp_device_open (self->device, cancellable, open_cb, g_steal_pointer (&task));
}

gboolean
anju_fingerprint_open_finish (AnjuFingerprint  *self,
                              GAsyncResult     *result,
                              GError          **error)
{
  g_return_val_if_fail (ANJU_IS_FINGERPRINT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == anju_fingerprint_open_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
anju_fingerprint_enroll_async (AnjuFingerprint     *self,
                               const char          *person,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  FpPrint *template = NULL;

  g_return_if_fail (ANJU_IS_FINGERPRINT (self));
  g_return_if_fail (person != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, anju_fingerprint_enroll_async);

  if (!check_open (self, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The device takes over the floating template. */
  template = fp_print_new (self->device);
  fp_print_set_username (template, person);
  fp_device_enroll (self->device, template, cancellable,
                    enroll_progress_cb, self, NULL,
                    enroll_cb, g_steal_pointer (&task));
  start_autoscan (self, fp_device_get_nr_enroll_stages (self->device));
}

GBytes *
anju_fingerprint_enroll_finish (AnjuFingerprint  *self,
                                GAsyncResult     *result,
                                GError          **error)
{
  g_return_val_if_fail (ANJU_IS_FINGERPRINT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == anju_fingerprint_enroll_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
anju_fingerprint_verify_async (AnjuFingerprint     *self,
                               GBytes              *serialized_print,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  VerifyJob *job = NULL;
  gsize len = 0;
  const guchar *data = NULL;

  g_return_if_fail (ANJU_IS_FINGERPRINT (self));
  g_return_if_fail (serialized_print != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, anju_fingerprint_verify_async);

  if (!check_open (self, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  job = g_new0 (VerifyJob, 1);
  g_task_set_task_data (task, job, (GDestroyNotify) verify_job_free);
  data = g_bytes_get_data (serialized_print, &len);
  job->print = fp_print_deserialize (data, len, &error);
  if (job->print == NULL)
    {
      g_debug ("fingerprint reader: %s", error->message);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s",
                               _("The stored fingerprint cannot be used with this reader"));
      return;
    }
  start_verify (g_steal_pointer (&task));
}

gboolean
anju_fingerprint_verify_finish (AnjuFingerprint  *self,
                                GAsyncResult     *result,
                                gboolean         *matched,
                                GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  gssize answer = 0;

  g_return_val_if_fail (ANJU_IS_FINGERPRINT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == anju_fingerprint_verify_async, FALSE);
  g_return_val_if_fail (matched != NULL, FALSE);

  answer = g_task_propagate_int (G_TASK (result), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  *matched = answer != 0;
  return TRUE;
}

int
anju_fingerprint_get_enroll_stages (AnjuFingerprint *self)
{
  g_return_val_if_fail (ANJU_IS_FINGERPRINT (self), 0);

  return self->device != NULL ? fp_device_get_nr_enroll_stages (self->device) : 0;
}
