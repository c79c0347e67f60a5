#include "config.h"

#include "anju-articles-page.h"

typedef struct
{
  AnjuApiClient *client;   /* (owned) */
} AnjuArticlesPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (AnjuArticlesPage, anju_articles_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CLIENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
anju_articles_page_constructed (GObject *object)
{
  AnjuArticlesPage *self = ANJU_ARTICLES_PAGE (object);
  AnjuArticlesPagePrivate *priv = anju_articles_page_get_instance_private (self);
  const char *kind = ANJU_ARTICLES_PAGE_GET_CLASS (self)->kind;

  G_OBJECT_CLASS (anju_articles_page_parent_class)->constructed (object);

  g_assert (ANJU_IS_API_CLIENT (priv->client));
  g_assert (kind != NULL);

  adw_bin_set_child (ADW_BIN (self), anju_articles_browser_new (priv->client, kind));
}

static void
anju_articles_page_finalize (GObject *object)
{
  AnjuArticlesPagePrivate *priv = anju_articles_page_get_instance_private (ANJU_ARTICLES_PAGE (object));

  g_clear_object (&priv->client);

  G_OBJECT_CLASS (anju_articles_page_parent_class)->finalize (object);
}

static void
anju_articles_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AnjuArticlesPagePrivate *priv = anju_articles_page_get_instance_private (ANJU_ARTICLES_PAGE (object));

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, priv->client);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_articles_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AnjuArticlesPagePrivate *priv = anju_articles_page_get_instance_private (ANJU_ARTICLES_PAGE (object));

  switch (prop_id)
    {
    case PROP_CLIENT:
      priv->client = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_articles_page_class_init (AnjuArticlesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = anju_articles_page_constructed;
  object_class->finalize = anju_articles_page_finalize;
  object_class->get_property = anju_articles_page_get_property;
  object_class->set_property = anju_articles_page_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         ANJU_TYPE_API_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
anju_articles_page_init (AnjuArticlesPage *self)
{
}

AnjuArticlesBrowser *
anju_articles_page_get_browser (AnjuArticlesPage *self)
{
  g_return_val_if_fail (ANJU_IS_ARTICLES_PAGE (self), NULL);

  return ANJU_ARTICLES_BROWSER (adw_bin_get_child (ADW_BIN (self)));
}

void
anju_articles_page_reload (AnjuArticlesPage *self)
{
  g_return_if_fail (ANJU_IS_ARTICLES_PAGE (self));

  anju_articles_browser_reload (anju_articles_page_get_browser (self));
}

void
anju_articles_page_open (AnjuArticlesPage *self,
                         gint64            article_id)
{
  g_return_if_fail (ANJU_IS_ARTICLES_PAGE (self));

  anju_articles_browser_open (anju_articles_page_get_browser (self), article_id);
}
