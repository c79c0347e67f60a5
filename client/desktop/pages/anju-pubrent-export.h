/* anju-pubrent-export.h: a filtered list saved as a spreadsheet
 * (docs/api.md, "Exports").
 *
 * Asks where with GtkFileChooserNative (GTK 4.8 has no GtkFileDialog),
 * offering name, then GET path (an export endpoint with the list's
 * filters and format=xlsx|csv already in its query) and writes the
 * answer there.  The outcome is a toast of the widget's window.
 */
#pragma once

#include <gtk/gtk.h>

#include "anju-api-client.h"

G_BEGIN_DECLS

void anju_pubrent_export (GtkWidget     *widget,
                          AnjuApiClient *client,
                          const char    *path,
                          const char    *name);

G_END_DECLS
