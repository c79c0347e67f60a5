/* anju-kiosk-timeline.h: an application's progress, one line per node.
 *
 * Shows the server's Timeline (docs/api.md, "Timeline") as a column of
 * rows: a state icon (done, current, pending, skipped, failed), the
 * node's name, its state in words and its date.  Nothing is computed
 * here: the server decides every state.
 */
#pragma once

#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define ANJU_TYPE_KIOSK_TIMELINE (anju_kiosk_timeline_get_type ())
G_DECLARE_FINAL_TYPE (AnjuKioskTimeline, anju_kiosk_timeline, ANJU, KIOSK_TIMELINE, GtkBox)

GtkWidget *anju_kiosk_timeline_new       (void);
/* nodes: (nullable) the Timeline's "nodes"; NULL empties it. */
void       anju_kiosk_timeline_set_nodes (AnjuKioskTimeline *self,
                                          JsonArray         *nodes);

G_END_DECLS
