/* anju-file-row.h: one attachment as a list row.
 *
 * The row shows the file's name as its title and "PNG image · 12.3 kB"
 * (the type's description and the size) as its subtitle; the caller
 * adds the buttons (Save…, Remove).  The File object rides on the row,
 * so a button's handler can find what it acts on.
 */
#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* file: a File object of docs/api.md; the row keeps a reference. */
GtkWidget  *anju_file_row_new        (JsonObject *file);
JsonObject *anju_file_row_get_file   (GtkWidget  *row);
/* "PNG image · 12.3 kB" (transfer full). */
char       *anju_file_describe       (JsonObject *file);

G_END_DECLS
