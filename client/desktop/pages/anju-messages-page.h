/* anju-messages-page.h: the signed-in user's inbox, the message center
 * (消息中心, F-PORTAL-006, F-SUPPORT-004).
 *
 * A paged table of the user's messages, newest first, unread ones bold
 * and marked "Unread" in words; filters for unread only, the kind of
 * message and a search.  Choosing a message shows it beside the table
 * and marks it read; a message about a record opens that record through
 * the window's "win.open-record" action ((sxx): domain, record id,
 * instance id), whose button stays insensitive while no page provides
 * the action.  "Mark All Read" empties the unread count, and holders of
 * support.message.send write new messages from here.
 *
 * The number of unread messages shows beside the page's sidebar entry
 * (the window's "win.set-page-badge" action): fetched when the window is
 * shown, after signing in again, after every reload or read, and every
 * minute while the window is shown.
 *
 * Created by AnjuWindow by GType with the construct-only property
 * "client" (AnjuApiClient).  The list loads when the page is first shown.
 */
#pragma once

#include <adwaita.h>

#include "anju-api-client.h"

G_BEGIN_DECLS

/* How often the unread count is asked for while the window is shown. */
#define ANJU_MESSAGES_UNREAD_POLL_SECONDS (60)

#define ANJU_TYPE_MESSAGES_PAGE (anju_messages_page_get_type ())
G_DECLARE_FINAL_TYPE (AnjuMessagesPage, anju_messages_page, ANJU, MESSAGES_PAGE, AdwBin)

GtkWidget *anju_messages_page_new                  (AnjuApiClient    *client);
/* Drops what is shown and fetches the list and the unread count again. */
void       anju_messages_page_reload               (AnjuMessagesPage *self);
/* Asks the server for the unread count and shows it in the sidebar. */
void       anju_messages_page_refresh_unread_count (AnjuMessagesPage *self);

G_END_DECLS
