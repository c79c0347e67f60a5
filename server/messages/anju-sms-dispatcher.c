/* anju-sms-dispatcher.c: the outbox's sender (see the header for rules). */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-sms-dispatcher.h"
#include "anju-sms-gateway.h"
#include "anju-sms-outbox.h"
#include "anju-sms-schedule.h"
#include "anju-transaction.h"

/* How long dispose waits for cancelled requests to report back. */
#define DRAIN_SECONDS 5

struct _AnjuSmsDispatcher
{
  GObject         parent_instance;

  /* borrowed */
  AnjuServer     *server;           /* outlives us: it owns us */

  /* owned */
  AnjuSmsGateway *gateway;          /* (nullable) NULL: SMS disabled */
  GMainContext   *context;          /* the server's */
  GCancellable   *cancellable;
  GSource        *wakeup;           /* (nullable) a run scheduled soon */
  gint64          wakeup_at;        /* monotonic µs it fires at */

  guint           in_flight;
  gint64          window_start;     /* monotonic µs: the current rate second */
  guint           started_in_window;
  gboolean        recovered;        /* rows left sending were reset */
  gboolean        stopping;
};

G_DEFINE_FINAL_TYPE (AnjuSmsDispatcher, anju_sms_dispatcher, G_TYPE_OBJECT)

static void run_dispatch (AnjuSmsDispatcher *self);

static gboolean
wakeup_cb (gpointer user_data)
{
  AnjuSmsDispatcher *self = user_data;

  g_clear_pointer (&self->wakeup, g_source_unref);
  run_dispatch (self);
  return G_SOURCE_REMOVE;
}

/* At most one wakeup is pending; asking for an earlier one replaces it. */
static void
schedule_run (AnjuSmsDispatcher *self,
              guint              delay_ms)
{
  gint64 ready = g_get_monotonic_time () + (gint64) delay_ms * 1000;

  if (self->stopping)
    return;
  if (self->wakeup != NULL)
    {
      if (self->wakeup_at <= ready)
        return;
      g_source_destroy (self->wakeup);
      g_clear_pointer (&self->wakeup, g_source_unref);
    }
  self->wakeup = g_timeout_source_new (delay_ms);
  self->wakeup_at = ready;
  g_source_set_name (self->wakeup, "anju-sms-dispatcher wakeup");
  g_source_set_callback (self->wakeup, wakeup_cb, self, NULL);
  g_source_attach (self->wakeup, self->context);
}

static const AnjuConfig *
get_config (AnjuSmsDispatcher *self)
{
  return anju_server_get_config (self->server);
}

static gint64
now_secs (AnjuSmsDispatcher *self)
{
  return anju_clock_now_secs (anju_server_get_clock (self->server));
}

/* Records the answer of one attempt.  Nothing is written once the server
 * has closed its database (shutdown): the row stays sending and goes back
 * to pending at the next start. */
static void
record_attempt (AnjuSmsDispatcher *self,
                gint64             id,
                const char        *provider_id,
                const GError      *send_error)
{
  AnjuDb *db = anju_server_get_db (self->server);
  const AnjuConfig *config = get_config (self);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (db == NULL)
    return;
  if (provider_id != NULL)
    ok = anju_sms_outbox_mark_sent (db, id, provider_id, now_secs (self), &error);
  else
    ok = anju_sms_outbox_mark_failed (db, id, send_error->message, now_secs (self),
                                      config->sms_max_attempts,
                                      config->sms_retry_base_seconds, &error);
  if (!ok)
    g_warning ("Could not record the outcome of text message %" G_GINT64_FORMAT ": %s",
               id, error->message);
  else if (send_error != NULL)
    /* Never the phone or the text: a text may hold a password. */
    g_message ("Text message %" G_GINT64_FORMAT " not sent: %s", id, send_error->message);
}

typedef struct
{
  AnjuSmsDispatcher *self;   /* (unowned) dispose waits for every attempt */
  gint64             id;
} Attempt;

static void
send_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autofree Attempt *attempt = user_data;
  AnjuSmsDispatcher *self = attempt->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *provider_id = NULL;

  provider_id = anju_sms_gateway_send_finish (ANJU_SMS_GATEWAY (source), result, &error);
  g_assert (self->in_flight > 0);
  self->in_flight--;
  if (self->stopping)
    return;

  record_attempt (self, attempt->id, provider_id, error);
  /* A retry may be due already, or rows waited for the rate window. */
  schedule_run (self, 0);
}

static void
start_attempt (AnjuSmsDispatcher *self,
               const AnjuSmsDue  *due)
{
  Attempt *attempt = g_new0 (Attempt, 1);

  *attempt = (Attempt) { self, due->id };
  self->in_flight++;
  self->started_in_window++;
  anju_sms_gateway_send_async (self->gateway, due->id, due->phone, due->text,
                               self->cancellable, send_cb, attempt);
}

/* How many requests may start now under the rate limit; when none, the
 * milliseconds until the next second opens in *out_wait_ms. */
static guint
rate_budget (AnjuSmsDispatcher *self,
             guint             *out_wait_ms)
{
  gint64 now = g_get_monotonic_time ();
  guint rate = get_config (self)->sms_rate_per_second;

  if (now - self->window_start >= G_USEC_PER_SEC)
    {
      self->window_start = now;
      self->started_in_window = 0;
    }
  *out_wait_ms = (guint) ((self->window_start + G_USEC_PER_SEC - now) / 1000) + 1;
  return self->started_in_window < rate ? rate - self->started_in_window : 0;
}

/* Marks the rows to send now as sending, in one transaction, and returns
 * them; quiet hours postpone the others.  *out_n_due counts both. */
static GPtrArray *
claim_due (AnjuDb   *db,
           gint64    now,
           guint     limit,
           guint    *out_n_due,
           GError  **error)
{
  g_autoptr(GPtrArray) due = NULL;
  gboolean ok = TRUE;
  guint i = 0;

  *out_n_due = 0;
  due = anju_sms_outbox_list_due (db, now, limit, error);
  if (due == NULL || !anju_db_begin (db, error))
    return NULL;
  *out_n_due = due->len;
  while (ok && i < due->len)
    {
      AnjuSmsDue *row = g_ptr_array_index (due, i);
      gint64 release = anju_sms_after_quiet_hours (now, row->quiet_start, row->quiet_end);

      if (release > now)
        {
          ok = anju_sms_outbox_postpone (db, row->id, release, error);
          g_ptr_array_remove_index (due, i);
        }
      else
        {
          ok = anju_sms_outbox_mark_sending (db, row->id, error);
          i++;
        }
    }
  if (!anju_transaction_end (db, ok, error))
    return NULL;
  return g_steal_pointer (&due);
}

/* The daily cap: how many more may start today; 0 defers every due row to
 * the next Shanghai day. */
static gboolean
cap_budget (AnjuSmsDispatcher  *self,
            AnjuDb             *db,
            gint64              now,
            guint              *out_budget,
            GError            **error)
{
  guint cap = get_config (self)->sms_daily_cap;
  AnjuSmsCounts counts = { 0, };
  gint64 used;

  if (!anju_sms_outbox_count (db, anju_sms_day_start (now), &counts, error))
    return FALSE;
  used = counts.sent_today + counts.sending;
  *out_budget = used < cap ? (guint) (cap - used) : 0;
  if (*out_budget == 0)
    return anju_sms_outbox_defer_due (db, now, anju_sms_next_day_start (now), error);
  return TRUE;
}

static gboolean
dispatch_due (AnjuSmsDispatcher  *self,
              AnjuDb             *db,
              GError            **error)
{
  g_autoptr(GPtrArray) claimed = NULL;
  gint64 now = now_secs (self);
  guint wait_ms = 0;
  guint rate, cap, limit, n_due;

  if (!self->recovered)
    {
      if (!anju_sms_outbox_recover (db, error))
        return FALSE;
      self->recovered = TRUE;
    }

  rate = rate_budget (self, &wait_ms);
  if (rate == 0)
    {
      schedule_run (self, wait_ms);
      return TRUE;
    }
  if (!cap_budget (self, db, now, &cap, error))
    return FALSE;
  if (cap == 0)
    return TRUE;

  limit = MIN (rate, cap);
  claimed = claim_due (db, now, limit, &n_due, error);
  if (claimed == NULL)
    return FALSE;
  for (guint i = 0; i < claimed->len; i++)
    start_attempt (self, g_ptr_array_index (claimed, i));

  /* A full batch means more may be due: go on once the rate allows (the
   * next run also defers the rest should the cap be reached). */
  if (n_due == limit)
    schedule_run (self, self->started_in_window >= get_config (self)->sms_rate_per_second
                        ? wait_ms : 0);
  return TRUE;
}

static void
run_dispatch (AnjuSmsDispatcher *self)
{
  AnjuDb *db = anju_server_get_db (self->server);
  g_autoptr(GError) error = NULL;

  if (self->gateway == NULL || self->stopping || db == NULL)
    return;
  if (!dispatch_due (self, db, &error))
    g_warning ("Sending text messages failed: %s", error->message);
}

static void
dispatch_periodic_cb (AnjuServer *server,
                      gpointer    user_data)
{
  run_dispatch (user_data);
}

/* Cancelled requests report back from the context, not at once. */
static void
drain_in_flight (AnjuSmsDispatcher *self)
{
  gint64 deadline = g_get_monotonic_time () + DRAIN_SECONDS * G_USEC_PER_SEC;

  while (self->in_flight > 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (self->context, FALSE);
  if (self->in_flight > 0)
    g_warning ("%u text message requests did not end at shutdown", self->in_flight);
}

static void
anju_sms_dispatcher_dispose (GObject *object)
{
  AnjuSmsDispatcher *self = ANJU_SMS_DISPATCHER (object);

  self->stopping = TRUE;
  if (self->wakeup != NULL)
    g_source_destroy (self->wakeup);
  g_clear_pointer (&self->wakeup, g_source_unref);
  g_cancellable_cancel (self->cancellable);
  drain_in_flight (self);
  g_clear_object (&self->gateway);

  G_OBJECT_CLASS (anju_sms_dispatcher_parent_class)->dispose (object);
}

static void
anju_sms_dispatcher_finalize (GObject *object)
{
  AnjuSmsDispatcher *self = ANJU_SMS_DISPATCHER (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->context, g_main_context_unref);

  G_OBJECT_CLASS (anju_sms_dispatcher_parent_class)->finalize (object);
}

static void
anju_sms_dispatcher_class_init (AnjuSmsDispatcherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = anju_sms_dispatcher_dispose;
  object_class->finalize = anju_sms_dispatcher_finalize;
}

static void
anju_sms_dispatcher_init (AnjuSmsDispatcher *self)
{
  self->cancellable = g_cancellable_new ();
  self->context = g_main_context_ref_thread_default ();
}

AnjuSmsDispatcher *
anju_sms_dispatcher_new (AnjuServer *server)
{
  AnjuSmsDispatcher *self;
  const AnjuConfig *config;

  g_return_val_if_fail (ANJU_IS_SERVER (server), NULL);

  self = g_object_new (ANJU_TYPE_SMS_DISPATCHER, NULL);
  self->server = server;
  config = anju_server_get_config (server);
  if (config->sms_gateway_url != NULL)
    self->gateway = anju_sms_gateway_new (config->sms_gateway_url, config->sms_account,
                                          config->sms_secret, config->sms_signature);
  return self;
}

void
anju_sms_dispatcher_start (AnjuSmsDispatcher *self)
{
  guint interval = get_config (self)->sms_dispatch_interval_seconds;

  g_return_if_fail (ANJU_IS_SMS_DISPATCHER (self));

  if (self->gateway != NULL)
    anju_server_add_periodic (self->server, interval * 1000, dispatch_periodic_cb, self);
}

gboolean
anju_sms_dispatcher_is_enabled (AnjuSmsDispatcher *self)
{
  g_return_val_if_fail (ANJU_IS_SMS_DISPATCHER (self), FALSE);
  return self->gateway != NULL;
}

const char *
anju_sms_dispatcher_get_disabled_reason (AnjuSmsDispatcher *self)
{
  g_return_val_if_fail (ANJU_IS_SMS_DISPATCHER (self), NULL);
  return self->gateway != NULL ? NULL : _("No SMS gateway is configured");
}

void
anju_sms_dispatcher_kick (AnjuSmsDispatcher *self)
{
  g_return_if_fail (ANJU_IS_SMS_DISPATCHER (self));

  if (self->gateway != NULL)
    schedule_run (self, 0);
}
