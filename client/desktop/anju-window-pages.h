/* anju-window-pages.h: the pages the main window may show.
 *
 * One row per page, in sidebar order.  A page whose permission the
 * signed-in user lacks gets neither a sidebar entry nor a widget; a NULL
 * permission means every user sees it.  Each page is a GtkWidget type
 * with a construct property "client" (AnjuApiClient), built when it is
 * first shown, or with the window when build_at_start says the page has
 * work to do while hidden (a sidebar badge).
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct
{
  const char *name;                       /* GtkStack child name, "users" */
  const char *permission;                 /* (nullable) "portal.user.read" */
  const char *title;                      /* N_() */
  const char *icon_name;
  GType     (*get_type) (void);
  void      (*reload)   (GtkWidget *page); /* (nullable) */
  gboolean    build_at_start;             /* works while hidden; else built when first shown */
} AnjuWindowPage;

const AnjuWindowPage *anju_window_pages       (guint      *n_pages);
const AnjuWindowPage *anju_window_page_lookup (const char *name);

G_END_DECLS
