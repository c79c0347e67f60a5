/* anju-paged-model.h: a list endpoint as a GListModel of AnjuRecord.
 *
 * Feeds itself page by page from a list endpoint answering
 * {"items": [...], "total": N, "next": <page or null>} (docs/api.md,
 * "Lists").  Nothing is fetched until anju_paged_model_load_more_async()
 * is called; each call appends the next page.  Changing a filter resets
 * the model: the items go, an unfinished load is cancelled, and the next
 * load starts again at page 1.
 *
 * "total" is the server's count of matching records, "loading" is TRUE
 * while a page is on its way, "has-more" is FALSE once the server said
 * there is no next page.
 */
#pragma once

#include <gio/gio.h>

#include "anju-api-client.h"

G_BEGIN_DECLS

#define ANJU_PAGED_MODEL_DEFAULT_PAGE_SIZE (50)

#define ANJU_TYPE_PAGED_MODEL (anju_paged_model_get_type ())
G_DECLARE_FINAL_TYPE (AnjuPagedModel, anju_paged_model, ANJU, PAGED_MODEL, GObject)

/* path: "/api/v1/users", without query.  page_size 0: the default. */
AnjuPagedModel *anju_paged_model_new            (AnjuApiClient  *client,
                                                 const char     *path,
                                                 guint           page_size);
AnjuApiClient  *anju_paged_model_get_client     (AnjuPagedModel *self);
const char     *anju_paged_model_get_path       (AnjuPagedModel *self);

/* value NULL or "" removes the filter.  Resets only when something
 * actually changed. */
void            anju_paged_model_set_filter     (AnjuPagedModel *self,
                                                 const char     *name,
                                                 const char     *value);
const char     *anju_paged_model_get_filter     (AnjuPagedModel *self,
                                                 const char     *name);
void            anju_paged_model_clear_filters  (AnjuPagedModel *self);
/* Drops the items so the next load starts at page 1 (after an edit). */
void            anju_paged_model_reset          (AnjuPagedModel *self);

guint           anju_paged_model_get_total      (AnjuPagedModel *self);
gboolean        anju_paged_model_get_loading    (AnjuPagedModel *self);
gboolean        anju_paged_model_get_has_more   (AnjuPagedModel *self);

/* Appends the next page.  Succeeds at once when there is no more; fails
 * with G_IO_ERROR_PENDING while another load runs, and with
 * G_IO_ERROR_CANCELLED when a reset overtook it. */
void            anju_paged_model_load_more_async  (AnjuPagedModel      *self,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean        anju_paged_model_load_more_finish (AnjuPagedModel  *self,
                                                   GAsyncResult    *result,
                                                   GError         **error);

G_END_DECLS
