/* anju-articles.h: the articles endpoints: news, notices and business
 * guides (docs/api.md "Portal content"; F-PORTAL-003, -004, -009).
 *
 * Reads are open to every signed-in user and show what
 * anju-article-store.h lets them see (a read outside it is a 404).
 * Writes need portal.content.write and an article of the caller's data
 * scope (403 otherwise); each commits with its audit row
 * (article.create|update|publish|unpublish|delete).  States: a new
 * article is a draft; publish takes a draft or unpublished article to
 * published, unpublish takes it back (409 from any other state); edits
 * and deletion are allowed in every state.
 */
#pragma once

#include "anju-file-access.h"
#include "anju-route.h"

G_BEGIN_DECLS

const AnjuRoute *anju_articles_get_routes   (guint *n_routes);

/* The AnjuFileReader for attachments: a file attached to an article the
 * caller may read. */
gboolean         anju_articles_file_reader  (AnjuDb            *db,
                                             const AnjuCaller  *caller,
                                             gint64             file_id,
                                             gboolean          *out_may_read,
                                             gpointer           user_data,
                                             GError           **error);

G_END_DECLS
