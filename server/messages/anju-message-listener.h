/* anju-message-listener.h: turns events into messages and texts.
 *
 * The message center's AnjuEventListener.  Inside the emitter's
 * transaction it renders the event's template (anju-message-template.h)
 * once and, following the event's push strategy:
 *
 *  - disabled strategy: nothing;
 *  - inbox channel: one inbox row per recipient (anju-message-recipients.h);
 *  - sms channel: one outbox row per recipient with a phone, pending (due
 *    at once, or at the end of the strategy's quiet hours) or, without a
 *    gateway, disabled with the reason — never dropped; then a kick for
 *    the dispatcher, which runs after the transaction.
 *
 * account.initial_password carries a password: it never goes to an inbox,
 * whatever the strategy says (the schema refuses it too), is never logged
 * nor audited, and its outbox text is erased once final (anju-sms-outbox.h).
 *
 * message.manual takes one variable beyond its template's: "sms", "true"
 * when the sender asked for a text as well; without it only the inbox is
 * used.  Events of types the message center does not know are ignored.
 */
#pragma once

#include "anju-event-bus.h"

G_BEGIN_DECLS

/* user_data: the AnjuMessages service. */
gboolean anju_message_listener_deliver (const AnjuEvent  *event,
                                        gpointer          user_data,
                                        GError          **error);

G_END_DECLS
