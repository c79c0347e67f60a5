#include "config.h"

#include <glib/gi18n.h>

#include "anju-document-kind.h"

static const char * const codes[] = { "street_publicity", "announcement", "confirmation", NULL };

static const char * const labels[] = {
  N_("Street publicity"),
  N_("New Area announcement"),
  N_("Confirmation form"),
};

const char * const *
anju_document_kind_codes (void)
{
  return codes;
}

const char *
anju_document_kind_label (const char *code)
{
  for (guint i = 0; codes[i] != NULL; i++)
    if (g_strcmp0 (codes[i], code) == 0)
      return _(labels[i]);
  return code;
}
