/* anju-bytes-save.h: bytes the desktop already holds (a previewed PDF,
 * an exported list) saved where the user says.
 *
 * Asks with the platform's file chooser (GtkFileChooserNative: GTK 4.8
 * has no GtkFileDialog), offering name, writes the bytes and tells the
 * outcome as a toast of the window widget is in.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void anju_bytes_save (GtkWidget  *widget,
                      GBytes     *bytes,
                      const char *name);

G_END_DECLS
