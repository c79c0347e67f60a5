/* anju-messages.h: the message center (消息中心) of anju-server.
 *
 * anju_messages_register() is all the server calls: it makes the
 * AnjuMessages service (server service "messages"), listens on the
 * server's event bus (anju-message-listener.h), starts the SMS dispatcher
 * (anju-sms-dispatcher.h) and adds the routes of docs/api.md "Messages"
 * and "Message settings".  Other modules never call into it: they emit
 * AnjuEvents (server/core/anju-event-bus.h).
 */
#pragma once

#include "anju-server.h"
#include "anju-sms-dispatcher.h"

G_BEGIN_DECLS

#define ANJU_MESSAGES_SERVICE "messages"

#define ANJU_TYPE_MESSAGES (anju_messages_get_type ())
G_DECLARE_FINAL_TYPE (AnjuMessages, anju_messages, ANJU, MESSAGES, GObject)

void               anju_messages_register       (AnjuServer   *server);
/* (transfer none): the service registered on server. */
AnjuMessages      *anju_messages_get            (AnjuServer   *server);
/* (transfer none) */
AnjuSmsDispatcher *anju_messages_get_dispatcher (AnjuMessages *self);

G_END_DECLS
