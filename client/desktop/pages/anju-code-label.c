/* anju-code-label.c
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-code-label.h"

const AnjuCodeLabel *
anju_code_label_find (const AnjuCodeLabel *labels,
                      gsize                n_labels,
                      const char          *code)
{
  for (gsize i = 0; code != NULL && i < n_labels; i++)
    if (g_str_equal (labels[i].code, code))
      return &labels[i];

  return NULL;
}

const char *
anju_code_label_lookup (const AnjuCodeLabel *labels,
                        gsize                n_labels,
                        const char          *code)
{
  const AnjuCodeLabel *label = anju_code_label_find (labels, n_labels, code);

  if (label == NULL)
    return code;

  return g_dpgettext2 (GETTEXT_PACKAGE, label->context, label->label);
}
