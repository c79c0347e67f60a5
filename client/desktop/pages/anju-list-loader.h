/* anju-list-loader.h: the loading half of a page that lists one
 * AnjuPagedModel in a GtkColumnView.
 *
 * Every such page loads the next page of its model when the user
 * scrolls to the bottom, reloads it after a change and selects the
 * record it changed, narrows it by filters and shows "N of M things".
 * This is that code, once.
 *
 * Contract:
 * - The page embeds an AnjuListLoader in its instance struct and sets it
 *   up with anju_list_loader_init() once its model exists.  Every
 *   pointer is borrowed: the page owns them and keeps them for its life.
 *   The loader must not outlive the page.
 * - A load keeps the page alive until its answer arrives.  A cancelled
 *   load, or one made pointless by a newer one, reports nothing.
 * - When a load fails with rows already shown, the page toasts
 *   load_more_failed ("Could not load more users") with the reason;
 *   when the list is still empty, error_page says why and stack shows
 *   its child "error".  A successful load shows stack's child "table",
 *   or "empty" when there are no rows, then selects the record asked
 *   for by anju_list_loader_reload_selecting() and calls loaded.
 */
#pragma once

#include <adwaita.h>
#include <gtk/gtk.h>

#include "anju-api-client.h"
#include "anju-paged-model.h"

G_BEGIN_DECLS

/* Called after each successful load, once the selection is made. */
typedef void   (*AnjuListLoaderLoaded)    (GtkWidget *page);
/* The translated "N of M things" text (owned by the caller). */
typedef char * (*AnjuListLoaderCountText) (guint      shown,
                                           guint      total);

typedef struct
{
  GtkWidget            *page;             /* toasts go through it; kept alive during a load */
  AnjuApiClient        *client;           /* the model's */
  AnjuPagedModel       *model;            /* NULL until the page made it: nothing happens */
  GtkSingleSelection   *selection;        /* over model; NULL when nothing is selected after a load */
  GtkStack             *stack;            /* children "table", "empty", "error" */
  AdwStatusPage        *error_page;
  GCancellable         *cancellable;      /* every load of the page */
  const char           *load_more_failed; /* translated, static */
  AnjuListLoaderLoaded  loaded;           /* nullable */
  gint64                select_after_load;
} AnjuListLoader;

/* selection: (nullable).  load_more_failed: translated, static.  The
 * page may then set loaded. */
void     anju_list_loader_init             (AnjuListLoader          *loader,
                                            GtkWidget               *page,
                                            AnjuPagedModel          *model,
                                            GtkSingleSelection      *selection,
                                            GtkStack                *stack,
                                            AdwStatusPage           *error_page,
                                            GCancellable            *cancellable,
                                            const char              *load_more_failed);
/* Keeps label at count_text() of the model's rows and total, for as
 * long as the page lives. */
void     anju_list_loader_show_count       (AnjuListLoader          *loader,
                                            GtkLabel                *label,
                                            AnjuListLoaderCountText  count_text);
/* Selects the loaded record with this id; nothing when none has it. */
void     anju_list_loader_select_id        (AnjuListLoader          *loader,
                                            gint64                   id);
/* Fetches the next page unless one is on its way or there is none. */
void     anju_list_loader_load_more        (AnjuListLoader          *loader);
/* Empties the list and loads it again, then selects the record with
 * this id (0: none). */
void     anju_list_loader_reload_selecting (AnjuListLoader          *loader,
                                            gint64                   id);
/* Sets filter name to value ("" means no filter) and returns whether it
 * changed, which emptied the list: the caller then loads more. */
gboolean anju_list_loader_apply_filter     (AnjuListLoader          *loader,
                                            const char              *name,
                                            const char              *value);
/* For the "edge-reached" signal of the list's scrolled window: loads
 * more at the bottom edge. */
void     anju_list_loader_edge_reached     (AnjuListLoader          *loader,
                                            GtkPositionType          position);

G_END_DECLS
