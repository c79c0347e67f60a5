/* anju-inbox-item.h: one message of the inbox, with whether it is unread.
 *
 * A message (AnjuRecord, docs/api.md "Messages") is immutable, but being
 * read changes while the inbox shows it: opening it marks it read on the
 * server, and the row must stop being bold without reloading the list.
 * The inbox maps each record to an item whose "unread" property the rows
 * watch.
 */
#pragma once

#include <glib-object.h>

#include "anju-record.h"

G_BEGIN_DECLS

#define ANJU_TYPE_INBOX_ITEM (anju_inbox_item_get_type ())
G_DECLARE_FINAL_TYPE (AnjuInboxItem, anju_inbox_item, ANJU, INBOX_ITEM, GObject)

/* unread: what the inbox knows, which may be newer than the record. */
AnjuInboxItem *anju_inbox_item_new        (AnjuRecord    *message,
                                           gboolean       unread);
AnjuRecord    *anju_inbox_item_get_message (AnjuInboxItem *self);
gboolean       anju_inbox_item_get_unread  (AnjuInboxItem *self);
void           anju_inbox_item_set_unread  (AnjuInboxItem *self,
                                            gboolean       unread);

G_END_DECLS
