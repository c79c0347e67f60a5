#include "config.h"

#include "anju-article-pages.h"

struct _AnjuNewsPage
{
  AnjuArticlesPage parent_instance;
};

struct _AnjuNoticesPage
{
  AnjuArticlesPage parent_instance;
};

struct _AnjuGuidesPage
{
  AnjuArticlesPage parent_instance;
};

struct _AnjuTerminalPublicityPage
{
  AnjuArticlesPage parent_instance;
};

struct _AnjuTerminalPolicyPage
{
  AnjuArticlesPage parent_instance;
};

G_DEFINE_FINAL_TYPE (AnjuNewsPage, anju_news_page, ANJU_TYPE_ARTICLES_PAGE)
G_DEFINE_FINAL_TYPE (AnjuNoticesPage, anju_notices_page, ANJU_TYPE_ARTICLES_PAGE)
G_DEFINE_FINAL_TYPE (AnjuGuidesPage, anju_guides_page, ANJU_TYPE_ARTICLES_PAGE)
G_DEFINE_FINAL_TYPE (AnjuTerminalPublicityPage, anju_terminal_publicity_page, ANJU_TYPE_ARTICLES_PAGE)
G_DEFINE_FINAL_TYPE (AnjuTerminalPolicyPage, anju_terminal_policy_page, ANJU_TYPE_ARTICLES_PAGE)

static void
anju_news_page_class_init (AnjuNewsPageClass *klass)
{
  ANJU_ARTICLES_PAGE_CLASS (klass)->kind = "news";
}

static void
anju_news_page_init (AnjuNewsPage *self)
{
}

static void
anju_notices_page_class_init (AnjuNoticesPageClass *klass)
{
  ANJU_ARTICLES_PAGE_CLASS (klass)->kind = "notice";
}

static void
anju_notices_page_init (AnjuNoticesPage *self)
{
}

static void
anju_guides_page_class_init (AnjuGuidesPageClass *klass)
{
  ANJU_ARTICLES_PAGE_CLASS (klass)->kind = "guide";
}

static void
anju_guides_page_init (AnjuGuidesPage *self)
{
}

static void
anju_terminal_publicity_page_class_init (AnjuTerminalPublicityPageClass *klass)
{
  ANJU_ARTICLES_PAGE_CLASS (klass)->kind = "publicity";
}

static void
anju_terminal_publicity_page_init (AnjuTerminalPublicityPage *self)
{
}

static void
anju_terminal_policy_page_class_init (AnjuTerminalPolicyPageClass *klass)
{
  ANJU_ARTICLES_PAGE_CLASS (klass)->kind = "policy";
}

static void
anju_terminal_policy_page_init (AnjuTerminalPolicyPage *self)
{
}
