/* anju-article-pages.h: the sidebar entries of AnjuArticlesPage.
 *
 * News (新闻动态), notices (通知公告), business guides (业务指南), and
 * what the service terminals show, publicity (公示信息, "terminal-publicity")
 * and policy publicity (政策宣传, "terminal-policy"), are one page over one
 * API resource; these subclasses only name the kind, so that AnjuWindow
 * can create each by its GType.
 */
#pragma once

#include "anju-articles-page.h"

G_BEGIN_DECLS

#define ANJU_TYPE_NEWS_PAGE (anju_news_page_get_type ())
G_DECLARE_FINAL_TYPE (AnjuNewsPage, anju_news_page, ANJU, NEWS_PAGE, AnjuArticlesPage)

#define ANJU_TYPE_NOTICES_PAGE (anju_notices_page_get_type ())
G_DECLARE_FINAL_TYPE (AnjuNoticesPage, anju_notices_page, ANJU, NOTICES_PAGE, AnjuArticlesPage)

#define ANJU_TYPE_GUIDES_PAGE (anju_guides_page_get_type ())
G_DECLARE_FINAL_TYPE (AnjuGuidesPage, anju_guides_page, ANJU, GUIDES_PAGE, AnjuArticlesPage)

#define ANJU_TYPE_TERMINAL_PUBLICITY_PAGE (anju_terminal_publicity_page_get_type ())
G_DECLARE_FINAL_TYPE (AnjuTerminalPublicityPage, anju_terminal_publicity_page, ANJU, TERMINAL_PUBLICITY_PAGE, AnjuArticlesPage)

#define ANJU_TYPE_TERMINAL_POLICY_PAGE (anju_terminal_policy_page_get_type ())
G_DECLARE_FINAL_TYPE (AnjuTerminalPolicyPage, anju_terminal_policy_page, ANJU, TERMINAL_POLICY_PAGE, AnjuArticlesPage)

G_END_DECLS
