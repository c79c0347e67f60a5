#include "config.h"

#include <glib/gi18n.h>

#include "anju-organisation-kind.h"

typedef struct
{
  const char *kind;
  const char *parent_kind;
  const char *label;
} KindRule;

static const KindRule kind_rules[] = {
  { "center",                  NULL,        N_("Housing security center") },
  { "street",                  "center",    N_("Street office") },
  { "community",               "street",    N_("Community") },
  { "enterprise_operating",    "center",    N_("Operating enterprise") },
  { "enterprise_property",     "center",    N_("Property management enterprise") },
  { "enterprise_construction", "center",    N_("Construction enterprise") },
  { "employer",                "center",    N_("Employer") },
  { "supplier",                "center",    N_("Supplier") },
};

static const char * const kinds[] = {
  "center",
  "street",
  "community",
  "enterprise_operating",
  "enterprise_property",
  "enterprise_construction",
  "employer",
  "supplier",
  NULL
};

G_STATIC_ASSERT (G_N_ELEMENTS (kinds) == G_N_ELEMENTS (kind_rules) + 1);

static const KindRule *
lookup (const char *kind)
{
  if (kind == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (kind_rules); i++)
    {
      if (g_str_equal (kind_rules[i].kind, kind))
        return &kind_rules[i];
    }

  return NULL;
}

const char * const *
anju_organisation_kinds (void)
{
  return kinds;
}

gboolean
anju_organisation_kind_is_known (const char *kind)
{
  return lookup (kind) != NULL;
}

const char *
anju_organisation_kind_label (const char *kind)
{
  const KindRule *rule = lookup (kind);

  if (rule == NULL)
    return kind;

  return _(rule->label);
}

const char *
anju_organisation_kind_parent_kind (const char *kind)
{
  const KindRule *rule = lookup (kind);

  return rule != NULL ? rule->parent_kind : NULL;
}

gboolean
anju_organisation_kind_can_hold (const char *parent_kind,
                                 const char *child_kind)
{
  const KindRule *rule = lookup (child_kind);

  return rule != NULL
         && rule->parent_kind != NULL
         && g_strcmp0 (rule->parent_kind, parent_kind) == 0;
}
