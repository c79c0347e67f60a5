/* anju-kiosk-heartbeat.c
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "anju-kiosk-heartbeat.h"

struct _AnjuKioskHeartbeat
{
  GObject           parent_instance;

  /* Owned */
  AnjuKioskContext *context;
  GCancellable     *cancellable;
  guint             timer;
  guint             n_answered;
};

G_DEFINE_FINAL_TYPE (AnjuKioskHeartbeat, anju_kiosk_heartbeat, G_TYPE_OBJECT)

enum
{
  ANSWERED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static JsonNode *
build_beat (AnjuKioskHeartbeat *self)
{
  g_autoptr(JsonObject) beat = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_string_member (beat, "app_version", PACKAGE_VERSION);
  json_object_set_array_member (beat, "peripherals",
                                anju_kiosk_devices_get_status (anju_kiosk_context_get_devices (self->context)));
  json_node_set_object (node, beat);

  return node;
}

typedef struct
{
  AnjuKioskHeartbeat *self;      /* (owned) */
  gboolean            accepted;
} Beat;

static void
beat_done (Beat *beat)
{
  beat->self->n_answered++;
  g_signal_emit (beat->self, signals[ANSWERED], 0, beat->accepted);
  g_object_unref (beat->self);
  g_free (beat);
}

static void
reader_checked_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Beat *beat = user_data;
  g_autoptr(GError) error = NULL;

  /* The outcome is in the reader's state, for the next beat. */
  if (!anju_id_reader_check_finish (ANJU_ID_READER (source), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_object_unref (beat->self);
      g_free (beat);
      return;
    }

  beat_done (beat);
}

static void
beat_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Beat *beat = user_data;
  AnjuKioskHeartbeat *self = beat->self;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  AnjuIdReader *reader;

  answer = anju_api_client_request_finish (ANJU_API_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_object_unref (beat->self);
      g_free (beat);
      return;
    }
  /* A lost beat is not worth a toast: the next one comes soon, and the
   * server raises an alert when too many are missing. */
  if (answer == NULL)
    g_message ("Heartbeat failed: %s", error->message);
  beat->accepted = answer != NULL;

  /* The beat reported what the last flow left (a reader fault stays
   * ERROR until then); now the reader is asked on its own, so that an
   * unplugged or recovered one shows in the next beat.  The check comes
   * after the report, never before: it would hide a flow's failure. */
  reader = anju_kiosk_devices_get_id_reader (anju_kiosk_context_get_devices (self->context));
  if (reader == NULL)
    {
      beat_done (beat);
      return;
    }
  anju_id_reader_check_async (reader, self->cancellable, reader_checked_cb, beat);
}

static gboolean
timer_cb (gpointer user_data)
{
  anju_kiosk_heartbeat_beat (ANJU_KIOSK_HEARTBEAT (user_data));

  return G_SOURCE_CONTINUE;
}

static void
anju_kiosk_heartbeat_dispose (GObject *object)
{
  AnjuKioskHeartbeat *self = ANJU_KIOSK_HEARTBEAT (object);

  anju_kiosk_heartbeat_stop (self);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (anju_kiosk_heartbeat_parent_class)->dispose (object);
}

static void
anju_kiosk_heartbeat_class_init (AnjuKioskHeartbeatClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = anju_kiosk_heartbeat_dispose;

  signals[ANSWERED] =
    g_signal_new ("answered",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
}

static void
anju_kiosk_heartbeat_init (AnjuKioskHeartbeat *self)
{
  self->cancellable = g_cancellable_new ();
}

AnjuKioskHeartbeat *
anju_kiosk_heartbeat_new (AnjuKioskContext *context)
{
  AnjuKioskHeartbeat *self;

  g_return_val_if_fail (ANJU_IS_KIOSK_CONTEXT (context), NULL);

  self = g_object_new (ANJU_TYPE_KIOSK_HEARTBEAT, NULL);
  self->context = g_object_ref (context);

  return self;
}

void
anju_kiosk_heartbeat_start (AnjuKioskHeartbeat *self)
{
  g_return_if_fail (ANJU_IS_KIOSK_HEARTBEAT (self));

  if (self->timer != 0)
    return;

  if (g_cancellable_is_cancelled (self->cancellable))
    {
      g_clear_object (&self->cancellable);
      self->cancellable = g_cancellable_new ();
    }
  anju_kiosk_heartbeat_beat (self);
  self->timer = g_timeout_add_seconds (anju_kiosk_context_get_config (self->context)->heartbeat_seconds,
                                       timer_cb, self);
}

void
anju_kiosk_heartbeat_stop (AnjuKioskHeartbeat *self)
{
  g_return_if_fail (ANJU_IS_KIOSK_HEARTBEAT (self));

  g_clear_handle_id (&self->timer, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

void
anju_kiosk_heartbeat_beat (AnjuKioskHeartbeat *self)
{
  g_autoptr(JsonNode) body = NULL;
  Beat *beat;

  g_return_if_fail (ANJU_IS_KIOSK_HEARTBEAT (self));

  body = build_beat (self);
  beat = g_new0 (Beat, 1);
  beat->self = g_object_ref (self);
  anju_api_client_request_async (anju_kiosk_context_get_api (self->context), "POST",
                                 "/api/v1/kiosk/heartbeat", body, self->cancellable,
                                 beat_cb, beat);
}

guint
anju_kiosk_heartbeat_get_n_answered (AnjuKioskHeartbeat *self)
{
  g_return_val_if_fail (ANJU_IS_KIOSK_HEARTBEAT (self), 0);

  return self->n_answered;
}
