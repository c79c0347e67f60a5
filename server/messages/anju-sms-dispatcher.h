/* anju-sms-dispatcher.h: sends what the SMS outbox holds.
 *
 * Runs on the server's main context: every [sms] dispatch_interval_seconds
 * (anju_server_add_periodic) and soon after a kick (the listener kicks
 * after queuing, so a text does not wait for the next period).  A run
 * claims the due rows (anju-sms-outbox.h) and starts one asynchronous
 * request per row through AnjuSmsGateway; it never waits for an answer.
 *
 *  - rate: at most [sms] rate_per_second requests start in any second;
 *  - daily cap: once [sms] daily_cap texts are sent (or being sent) in the
 *    current Asia/Shanghai day, due rows become deferred until the next;
 *  - quiet hours of a row's event push it to the end of the quiet hours;
 *  - a failed attempt is retried with doubling backoff from [sms]
 *    retry_base_seconds, read from the server's AnjuClock, until [sms]
 *    max_attempts; then the row is failed.
 *
 * Without [sms] gateway_url the dispatcher is disabled: it sends nothing
 * and says why (the listener then writes rows as disabled).
 *
 * Disposing it cancels every request in flight and waits (iterating the
 * server's context, for the cancellations to be delivered) until none is
 * left, so nothing outlives the server.  Rows left sending are set back to
 * pending at the next start.
 */
#pragma once

#include "anju-server.h"

G_BEGIN_DECLS

#define ANJU_TYPE_SMS_DISPATCHER (anju_sms_dispatcher_get_type ())
G_DECLARE_FINAL_TYPE (AnjuSmsDispatcher, anju_sms_dispatcher, ANJU, SMS_DISPATCHER, GObject)

/* Reads [sms] of the server's config; call from the server's context.
 * server must outlive the dispatcher. */
AnjuSmsDispatcher *anju_sms_dispatcher_new                 (AnjuServer        *server);
/* Adds the periodic run to the server. */
void               anju_sms_dispatcher_start               (AnjuSmsDispatcher *self);
gboolean           anju_sms_dispatcher_is_enabled          (AnjuSmsDispatcher *self);
/* (nullable): why SMS is disabled, translated; NULL when enabled. */
const char        *anju_sms_dispatcher_get_disabled_reason (AnjuSmsDispatcher *self);
/* Runs soon, from the main loop (never inside the caller's transaction). */
void               anju_sms_dispatcher_kick                (AnjuSmsDispatcher *self);

G_END_DECLS
