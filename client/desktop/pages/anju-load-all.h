/* anju-load-all.h: fetch every page of an AnjuPagedModel.
 *
 * The organisation tree, the role list and the pick lists of the dialogs
 * need the whole collection, not a window onto it; they use a paged model
 * (with the largest page size) and load it to the end.
 */
#pragma once

#include "anju-paged-model.h"

G_BEGIN_DECLS

/* Largest page_size the API accepts (docs/api.md, "Lists"). */
#define ANJU_LOAD_ALL_PAGE_SIZE (200)

void     anju_load_all_async  (AnjuPagedModel      *model,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data);
gboolean anju_load_all_finish (AnjuPagedModel      *model,
                               GAsyncResult        *result,
                               GError             **error);

G_END_DECLS
