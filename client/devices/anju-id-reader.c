/* anju-id-reader.c
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <unistd.h>

#include "anju-id-frame.h"
#include "anju-id-line.h"
#include "anju-id-reader.h"

#define DEFAULT_TIMEOUT_MS 3000

struct _AnjuIdReader
{
  GObject          parent_instance;

  /* owned */
  char            *device_path;
  guint            timeout_ms;

  /* Main context only. */
  AnjuDeviceState  state;
  char            *status_message;  /* (owned) (nullable) */

  /* The worker threads': one read at a time holds line_lock. */
  GMutex           line_lock;
  int              fd;              /* -1 while closed */
};

/* A worker's order, and what it found besides its answer. */
typedef struct
{
  guint    timeout_ms;
  gboolean check_only; /* a SAM status check instead of a card read */
  gboolean missing;    /* the device path did not exist */
} LineJob;

static void anju_id_reader_device_init (AnjuDeviceInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AnjuIdReader, anju_id_reader, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (ANJU_TYPE_DEVICE, anju_id_reader_device_init))

G_DEFINE_QUARK (anju-id-reader-error-quark, anju_id_reader_error)

enum
{
  PROP_0,
  PROP_DEVICE_PATH,
  PROP_TIMEOUT_MS,
  PROP_STATE,
  PROP_STATUS_MESSAGE,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static void
set_state (AnjuIdReader    *self,
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

static void
set_missing (AnjuIdReader *self)
{
  g_autofree char *message = g_strdup_printf (_("No ID card reader at %s"), self->device_path);

  set_state (self, ANJU_DEVICE_STATE_MISSING, message);
}

static gboolean
set_card_error (GError     **error,
                int          code,
                const char  *message)
{
  g_set_error_literal (error, ANJU_ID_READER_ERROR, code, message);
  return FALSE;
}

static void
close_line (AnjuIdReader *self)
{
  if (self->fd >= 0)
    close (self->fd);
  self->fd = -1;
}

/* Asks the reader's security module (SAM) whether it works: without it
 * no card can be read. */
static gboolean
check_sam (AnjuIdReader  *self,
           LineJob       *job,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GBytes) data = NULL;
  guint8 sw3 = 0;

  if (!_anju_id_line_exchange (self->fd, ANJU_ID_CMD_SAM_STATUS, job->timeout_ms,
                               cancellable, &sw3, &data, error))
    return FALSE;
  if (sw3 != ANJU_ID_SW3_SUCCESS)
    {
      g_debug ("ID card reader: SAM status %02X", sw3);
      return set_card_error (error, ANJU_ID_READER_ERROR_FAILED,
                             _("The ID card reader is out of order; please ask the staff for help"));
    }
  return TRUE;
}

/* Opens the line when it is closed, and checks the SAM on a new line. */
static gboolean
ensure_line (AnjuIdReader  *self,
             LineJob       *job,
             GCancellable  *cancellable,
             GError       **error)
{
  if (self->fd >= 0)
    return TRUE;
  self->fd = _anju_id_line_open (self->device_path, &job->missing, error);
  if (self->fd < 0)
    return FALSE;
  return check_sam (self, job, cancellable, error);
}

static gboolean
check_line (AnjuIdReader  *self,
            LineJob       *job,
            GCancellable  *cancellable,
            GError       **error)
{
  if (self->fd < 0)
    return ensure_line (self, job, cancellable, error);
  return check_sam (self, job, cancellable, error);
}

/* Takes data over: as its last holder it gets the block itself back,
 * and wipes the person's data from it. */
static AnjuIdCard *
decode_card (GBytes  *data,
             GError **error)
{
  g_autoptr(GError) local_error = NULL;
  AnjuIdCard *card = NULL;
  gsize len = 0;
  guint8 *bytes = g_bytes_unref_to_data (data, &len);

  card = anju_id_card_decode_read_data (bytes, len, &local_error);
  if (len > 0)
    explicit_bzero (bytes, len);
  g_free (bytes);
  if (card == NULL)
    {
      g_debug ("ID card reader: %s", local_error->message);
      set_card_error (error, ANJU_ID_READER_ERROR_READ_FAILED,
                      _("The ID card's information could not be recognised; please ask the staff for help"));
    }
  return card;
}

static AnjuIdCard *
read_card_on_line (AnjuIdReader  *self,
                   LineJob       *job,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GBytes) found = NULL;
  g_autoptr(GBytes) selected = NULL;
  g_autoptr(GBytes) data = NULL;
  guint8 sw3 = 0;

  if (!ensure_line (self, job, cancellable, error))
    return NULL;

  if (!_anju_id_line_exchange (self->fd, ANJU_ID_CMD_FIND_CARD, job->timeout_ms,
                               cancellable, &sw3, &found, error))
    return NULL;
  if (sw3 != ANJU_ID_SW3_FIND_OK)
    {
      set_card_error (error, ANJU_ID_READER_ERROR_NO_CARD,
                      _("Please place your ID card on the reader"));
      return NULL;
    }

  if (!_anju_id_line_exchange (self->fd, ANJU_ID_CMD_SELECT_CARD, job->timeout_ms,
                               cancellable, &sw3, &selected, error))
    return NULL;
  if (sw3 != ANJU_ID_SW3_SUCCESS)
    {
      set_card_error (error, ANJU_ID_READER_ERROR_SELECT_FAILED,
                      _("The ID card could not be read; please put it flat on the reader again"));
      return NULL;
    }

  if (!_anju_id_line_exchange (self->fd, ANJU_ID_CMD_READ_TEXT, job->timeout_ms,
                               cancellable, &sw3, &data, error))
    return NULL;
  if (sw3 == ANJU_ID_SW3_UNKNOWN_CARD)
    {
      set_card_error (error, ANJU_ID_READER_ERROR_READ_FAILED,
                      _("This card is not a resident ID card"));
      return NULL;
    }
  if (sw3 != ANJU_ID_SW3_SUCCESS)
    {
      set_card_error (error, ANJU_ID_READER_ERROR_READ_FAILED,
                      _("Reading the ID card failed; please lift it off and put it on the reader again"));
      return NULL;
    }
  return decode_card (g_steal_pointer (&data), error);
}

/* Errors about the card (none there, moved away, unreadable) come from a
 * reader that answered well: they say nothing against the device. */
static gboolean
is_card_error (const GError *error)
{
  return g_error_matches (error, ANJU_ID_READER_ERROR, ANJU_ID_READER_ERROR_NO_CARD) ||
         g_error_matches (error, ANJU_ID_READER_ERROR, ANJU_ID_READER_ERROR_SELECT_FAILED) ||
         g_error_matches (error, ANJU_ID_READER_ERROR, ANJU_ID_READER_ERROR_READ_FAILED);
}

/* The worker answers a card for a read, the reader itself for a check. */
static void
line_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  AnjuIdReader *self = source_object;
  LineJob *job = task_data;
  g_autoptr(GError) error = NULL;
  gpointer answer = NULL;

  g_mutex_lock (&self->line_lock);
  if (job->check_only)
    answer = check_line (self, job, cancellable, &error) ? self : NULL;
  else
    answer = read_card_on_line (self, job, cancellable, &error);
  /* After a broken exchange an answer may still be on its way; a fresh
   * open (and SAM check) puts the next read on a clean line. */
  if (answer == NULL && !is_card_error (error))
    close_line (self);
  g_mutex_unlock (&self->line_lock);

  if (answer == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else if (job->check_only)
    g_task_return_pointer (task, NULL, NULL);
  else
    g_task_return_pointer (task, answer, (GDestroyNotify) anju_id_card_free);
}

/* Back in the caller's main context: the device's state follows the
 * outcome, then the caller gets it. */
static void
line_done_cb (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  AnjuIdReader *self = ANJU_ID_READER (source_object);
  g_autoptr(GTask) task = user_data;
  LineJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gpointer answer = g_task_propagate_pointer (G_TASK (result), &error);

  if (error == NULL || is_card_error (error))
    set_state (self, ANJU_DEVICE_STATE_OK, NULL);
  else if (job->missing)
    set_missing (self);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    set_state (self, ANJU_DEVICE_STATE_ERROR, error->message);

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else if (job->check_only)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_pointer (task, answer, (GDestroyNotify) anju_id_card_free);
}

static void
run_on_line (AnjuIdReader *self,
             GTask        *task,
             gboolean      check_only)
{
  g_autoptr(GTask) worker = NULL;
  LineJob *job = g_new0 (LineJob, 1);

  job->timeout_ms = self->timeout_ms;
  job->check_only = check_only;
  worker = g_task_new (self, g_task_get_cancellable (task), line_done_cb, task);
  g_task_set_source_tag (worker, line_thread);
  g_task_set_task_data (worker, job, g_free);
  g_task_run_in_thread (worker, line_thread);
}

static const char *
anju_id_reader_get_kind (AnjuDevice *device)
{
  return "id_reader";
}

static void
anju_id_reader_device_init (AnjuDeviceInterface *iface)
{
  iface->get_kind = anju_id_reader_get_kind;
}

static void
anju_id_reader_constructed (GObject *object)
{
  AnjuIdReader *self = ANJU_ID_READER (object);

  G_OBJECT_CLASS (anju_id_reader_parent_class)->constructed (object);

  if (!g_file_test (self->device_path, G_FILE_TEST_EXISTS))
    set_missing (self);
}

static void
anju_id_reader_finalize (GObject *object)
{
  AnjuIdReader *self = ANJU_ID_READER (object);

  close_line (self);
  g_mutex_clear (&self->line_lock);
  g_free (self->device_path);
  g_free (self->status_message);

  G_OBJECT_CLASS (anju_id_reader_parent_class)->finalize (object);
}

static void
anju_id_reader_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AnjuIdReader *self = ANJU_ID_READER (object);

  switch (prop_id)
    {
    case PROP_DEVICE_PATH:
      g_value_set_string (value, self->device_path);
      break;
    case PROP_TIMEOUT_MS:
      g_value_set_uint (value, self->timeout_ms);
      break;
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
anju_id_reader_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  AnjuIdReader *self = ANJU_ID_READER (object);

  switch (prop_id)
    {
    case PROP_DEVICE_PATH:
      self->device_path = g_value_dup_string (value);
      break;
    case PROP_TIMEOUT_MS:
      anju_id_reader_set_timeout (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_id_reader_class_init (AnjuIdReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = anju_id_reader_constructed;
  object_class->finalize = anju_id_reader_finalize;
  object_class->get_property = anju_id_reader_get_property;
  object_class->set_property = anju_id_reader_set_property;

  properties[PROP_DEVICE_PATH] =
    g_param_spec_string ("device-path", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TIMEOUT_MS] =
    g_param_spec_uint ("timeout-ms", NULL, NULL,
                       1, G_MAXINT / 1000, DEFAULT_TIMEOUT_MS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, PROP_STATE, properties);

  g_object_class_override_property (object_class, PROP_STATE, "state");
  properties[PROP_STATE] = g_object_class_find_property (object_class, "state");
  g_object_class_override_property (object_class, PROP_STATUS_MESSAGE, "status-message");
  properties[PROP_STATUS_MESSAGE] = g_object_class_find_property (object_class, "status-message");
}

static void
anju_id_reader_init (AnjuIdReader *self)
{
  self->fd = -1;
  self->timeout_ms = DEFAULT_TIMEOUT_MS;
  self->state = ANJU_DEVICE_STATE_OK;
  g_mutex_init (&self->line_lock);
}

AnjuIdReader *
anju_id_reader_new (const char *device_path)
{
  g_return_val_if_fail (device_path != NULL, NULL);

  return g_object_new (ANJU_TYPE_ID_READER, "device-path", device_path, NULL);
}

const char *
anju_id_reader_get_device_path (AnjuIdReader *self)
{
  g_return_val_if_fail (ANJU_IS_ID_READER (self), NULL);

  return self->device_path;
}

void
anju_id_reader_set_timeout (AnjuIdReader *self,
                            guint         timeout_ms)
{
  g_return_if_fail (ANJU_IS_ID_READER (self));
  g_return_if_fail (timeout_ms > 0);

  if (self->timeout_ms == timeout_ms)
    return;
  self->timeout_ms = timeout_ms;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEOUT_MS]);
}

void
anju_id_reader_read_card_async (AnjuIdReader        *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task = NULL;

  g_return_if_fail (ANJU_IS_ID_READER (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, anju_id_reader_read_card_async);
  run_on_line (self, task, FALSE);
}

AnjuIdCard *
anju_id_reader_read_card_finish (AnjuIdReader  *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (ANJU_IS_ID_READER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == anju_id_reader_read_card_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
anju_id_reader_check_async (AnjuIdReader        *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task = NULL;

  g_return_if_fail (ANJU_IS_ID_READER (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, anju_id_reader_check_async);
  run_on_line (self, task, TRUE);
}

gboolean
anju_id_reader_check_finish (AnjuIdReader  *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (ANJU_IS_ID_READER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == anju_id_reader_check_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
