/* anju-enterprise-labels.c: labels for the enterprise and publicity codes.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-enterprise-labels.h"

typedef struct
{
  const char *code;
  const char *label;   /* N_() or NC_() */
  const char *context; /* (nullable) */
} CodeLabel;

static const char *
lookup (const CodeLabel *labels,
        guint            n_labels,
        const char      *code)
{
  if (code == NULL)
    return "";
  for (guint i = 0; i < n_labels; i++)
    if (g_str_equal (labels[i].code, code))
      return labels[i].context != NULL
             ? g_dpgettext2 (GETTEXT_PACKAGE, labels[i].context, labels[i].label)
             : _(labels[i].label);
  return code;
}

const char *
anju_enterprise_state_label (const char *state)
{
  static const CodeLabel labels[] = {
    { "active", NC_("enterprise state", "Active"), "enterprise state" },
    { "purged", NC_("enterprise state", "Purged"), "enterprise state" },
  };

  return lookup (labels, G_N_ELEMENTS (labels), state);
}

const char *
anju_publicity_kind_label (const char *kind)
{
  static const CodeLabel labels[] = {
    { "street", N_("Street publicity"), NULL },
    { "announcement", N_("New Area announcement"), NULL },
  };

  return lookup (labels, G_N_ELEMENTS (labels), kind);
}

const char *
anju_objection_result_label (const char *result)
{
  static const CodeLabel labels[] = {
    { "pending", N_("Awaiting verification"), NULL },
    { "substantiated", N_("Substantiated"), NULL },
    { "unfounded", N_("Unfounded"), NULL },
  };

  return lookup (labels, G_N_ELEMENTS (labels), result);
}

const char *
anju_publicity_outcome_label (gboolean decided,
                              gboolean passed)
{
  if (!decided)
    return C_("publicity", "Undecided");
  return passed ? C_("publicity", "Passed") : C_("publicity", "Not passed");
}

const char * const anju_objection_methods[] = { "phone", "letter", "visit", "email", "other", NULL };

const char *
anju_objection_method_label (const char *method)
{
  static const CodeLabel labels[] = {
    { "phone", N_("By telephone"), NULL },
    { "letter", N_("By letter"), NULL },
    { "visit", N_("In person"), NULL },
    { "email", N_("By email"), NULL },
    { "other", NC_("objection method", "Other"), "objection method" },
  };

  return lookup (labels, G_N_ELEMENTS (labels), method);
}

const char * const anju_verification_methods[] = { "visit", "records", "interview", "other", NULL };

const char *
anju_verification_method_label (const char *method)
{
  static const CodeLabel labels[] = {
    { "visit", N_("Home visit"), NULL },
    { "records", N_("Records check"), NULL },
    { "interview", N_("Interview"), NULL },
    { "other", NC_("verification method", "Other"), "verification method" },
  };

  return lookup (labels, G_N_ELEMENTS (labels), method);
}
