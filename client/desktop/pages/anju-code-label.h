/* anju-code-label.h: the translated names of the API's codes.
 *
 * The API speaks in codes ("vacant", "peripheral_fault"); the label
 * files keep a table of AnjuCodeLabel per code set, each label marked
 * with NC_() and the same context so xgettext sees it.  A code the
 * desktop does not know is shown as it came, so a newer server never
 * makes a row go blank.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *code;
  const char *context;
  const char *label;   /* NC_() with the same context, for xgettext */
} AnjuCodeLabel;

/* The entry for code, or NULL (also for a NULL code). */
const AnjuCodeLabel *anju_code_label_find   (const AnjuCodeLabel *labels,
                                             gsize                n_labels,
                                             const char          *code);
/* The translated label, the code itself when unknown, NULL for NULL. */
const char          *anju_code_label_lookup (const AnjuCodeLabel *labels,
                                             gsize                n_labels,
                                             const char          *code);

G_END_DECLS
