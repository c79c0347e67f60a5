/* anju-event-list-view.h: one row per event, for the message settings.
 *
 * Message templates and push strategies both come as {"items": [...]}
 * with one object per event ({"event","name",…}; docs/api.md "Message
 * settings"), a short list fixed by the server.  This view shows one
 * activatable row per item, titled with the event's name, with a
 * subtitle the owner computes, and emits ::activated with the item's
 * record; the owner opens its editor.  Failures show in the view, with
 * a way to try again.
 */
#pragma once

#include <adwaita.h>

#include "anju-api-client.h"
#include "anju-record.h"

G_BEGIN_DECLS

/* The subtitle of an item's row (transfer full, nullable). */
typedef char *(*AnjuEventListSubtitleFunc) (AnjuRecord *item);

#define ANJU_TYPE_EVENT_LIST_VIEW (anju_event_list_view_get_type ())
G_DECLARE_FINAL_TYPE (AnjuEventListView, anju_event_list_view, ANJU, EVENT_LIST_VIEW, AdwBin)

/* path: "/api/v1/message-templates"; title: what the list holds, for
 * its accessible name and its error message. */
GtkWidget *anju_event_list_view_new    (AnjuApiClient             *client,
                                        const char                *path,
                                        const char                *title,
                                        AnjuEventListSubtitleFunc  subtitle_func);
void       anju_event_list_view_reload (AnjuEventListView         *self);
/* (nullable) the row of that event, once loaded. */
GtkWidget *anju_event_list_view_get_row (AnjuEventListView        *self,
                                         const char               *event);

G_END_DECLS
