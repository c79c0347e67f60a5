/* anju-articles-page.h: the sidebar page of one kind of article.
 *
 * AnjuWindow creates pages by GType with nothing but the "client"
 * construct property, so each kind of article (news, notices, guides,
 * terminal publicity and policy publicity)
 * needs a type of its own that knows its kind: a subclass of this one
 * that names it in its class (anju-article-pages.h).  The page holds an
 * AnjuArticlesBrowser of that kind, which does the work.
 */
#pragma once

#include <adwaita.h>

#include "anju-api-client.h"
#include "anju-articles-browser.h"

G_BEGIN_DECLS

#define ANJU_TYPE_ARTICLES_PAGE (anju_articles_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (AnjuArticlesPage, anju_articles_page, ANJU, ARTICLES_PAGE, AdwBin)

struct _AnjuArticlesPageClass
{
  AdwBinClass  parent_class;

  /* "news", "notice", "guide", "publicity" or "policy": the API's kind
   * of the articles shown. */
  const char  *kind;
};

AnjuArticlesBrowser *anju_articles_page_get_browser (AnjuArticlesPage *self);
void                 anju_articles_page_reload      (AnjuArticlesPage *self);
/* Shows one article in the reader (from a link elsewhere: the home
 * page's latest news, say). */
void                 anju_articles_page_open        (AnjuArticlesPage *self,
                                                     gint64            article_id);

G_END_DECLS
