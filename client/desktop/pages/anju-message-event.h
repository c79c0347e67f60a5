/* anju-message-event.h: the events messages come from, named for people.
 *
 * docs/api.md ("Messages") lists the events the engine and the modules
 * emit.  Every user's inbox names a message's event, and the inbox
 * filters by it, without the message settings (which only managers may
 * read), so the names live here.  An event a newer server adds still
 * shows, by its code.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The events that can reach an inbox, in the order the filter offers
 * them (NULL-terminated).  account.initial_password is SMS only. */
const char * const *anju_message_inbox_events (void);
/* The translated name of an event; an unknown event is returned as is. */
const char         *anju_message_event_name   (const char *event);

G_END_DECLS
