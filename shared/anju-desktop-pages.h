/* anju-desktop-pages.h: the names of anju-desktop's pages.
 *
 * Workbench shortcuts (常用功能, GET/PUT /api/v1/me/shortcuts) are lists
 * of these names: the server refuses any other, and the desktop opens the
 * page of that name (its sidebar rows carry the same names).  A new page
 * adds its name here, in one place both sides see.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Every page name, NULL-terminated, in sidebar order. */
extern const char * const anju_desktop_pages[];

gboolean anju_desktop_page_is_known (const char *name);

G_END_DECLS
