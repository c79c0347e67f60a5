/* anju-article-view.h: one article of any kind, for reading
 * (F-PORTAL-003, 004, 009; F-TERM-004, 007).
 *
 * Title, publication time and author, the organisations it is for, for
 * terminal publicity and policy publicity the display period and the
 * terminals' view count, the summary and the text (wrapped and selectable, to copy from), for a
 * guide the time limit, the required materials and the numbered steps,
 * and the attachments, each with a Save… button.  The view fetches the
 * article itself (GET /api/v1/articles/{id}: list items carry no text)
 * and shows a spinner, then the article or why it could not be loaded.
 */
#pragma once

#include <adwaita.h>

#include "anju-api-client.h"
#include "anju-record.h"

G_BEGIN_DECLS

#define ANJU_TYPE_ARTICLE_VIEW (anju_article_view_get_type ())
G_DECLARE_FINAL_TYPE (AnjuArticleView, anju_article_view, ANJU, ARTICLE_VIEW, AdwBin)

GtkWidget  *anju_article_view_new         (AnjuApiClient   *client);
void        anju_article_view_load        (AnjuArticleView *self,
                                           gint64           article_id);
/* (nullable) the article shown, once loaded ("article" property,
 * notified when it changes). */
AnjuRecord *anju_article_view_get_article (AnjuArticleView *self);

G_END_DECLS
