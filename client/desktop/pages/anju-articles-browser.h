/* anju-articles-browser.h: news (新闻动态), notices (通知公告), business
 * guides (业务指南), terminal publicity (公示信息) or policy publicity
 * (政策宣传): one searchable, paged table of GET /api/v1/articles?kind=…
 * and a reader (F-PORTAL-003, 004, 009; F-TERM-004, 007, spec §A.10).
 *
 * Every signed-in user reads: the server lists only what is published
 * for the reader's organisation, and activating a row opens the article
 * in the reader, inside the browser, with a way back to the list.
 * Users holding portal.content.write also see drafts and withdrawn
 * articles, with a status column and filter, and write, edit, publish,
 * withdraw (after asking) and delete them.  The kinds the service
 * terminals show also list their display period, the streets they are
 * for and their view count, and their status says whether a published
 * one is showing, not yet shown or ended.
 */
#pragma once

#include <adwaita.h>

#include "anju-api-client.h"

G_BEGIN_DECLS

#define ANJU_TYPE_ARTICLES_BROWSER (anju_articles_browser_get_type ())
G_DECLARE_FINAL_TYPE (AnjuArticlesBrowser, anju_articles_browser, ANJU, ARTICLES_BROWSER, AdwBin)

/* kind: "news", "notice", "guide", "publicity" or "policy". */
GtkWidget  *anju_articles_browser_new      (AnjuApiClient       *client,
                                            const char          *kind);
const char *anju_articles_browser_get_kind (AnjuArticlesBrowser *self);
/* Loads the first page again, keeping the selection where it can. */
void        anju_articles_browser_reload   (AnjuArticlesBrowser *self);
/* Shows the article in the reader, whether or not it is listed. */
void        anju_articles_browser_open     (AnjuArticlesBrowser *self,
                                            gint64               article_id);

G_END_DECLS
