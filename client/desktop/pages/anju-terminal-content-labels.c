/* anju-terminal-content-labels.c: the words for the terminal content's codes.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-code-label.h"

#include "anju-terminal-content-labels.h"

static const char * const honor_categories[] = { "enterprise", "supplier", "staff", NULL };

static const AnjuCodeLabel honor_category_labels[] = {
  { "enterprise", "honor roll", NC_("honor roll", "Quality enterprises") },
  { "supplier", "honor roll", NC_("honor roll", "Quality suppliers") },
  { "staff", "honor roll", NC_("honor roll", "Excellent service staff") },
};

static const AnjuCodeLabel honor_subtitle_titles[] = {
  { "enterprise", "honor roll", NC_("honor roll", "Service field") },
  { "supplier", "honor roll", NC_("honor roll", "Products") },
  { "staff", "honor roll", NC_("honor roll", "Post") },
};

static const char * const capture_kinds[] = { "face", "fingerprint", NULL };

static const AnjuCodeLabel capture_kind_labels[] = {
  { "face", "capture kind", NC_("capture kind", "Face") },
  { "fingerprint", "capture kind", NC_("capture kind", "Fingerprint") },
};

const char * const *
anju_honor_category_codes (void)
{
  return honor_categories;
}

const char *
anju_honor_category_label (const char *category)
{
  return anju_code_label_lookup (honor_category_labels, G_N_ELEMENTS (honor_category_labels), category);
}

const char *
anju_honor_category_subtitle_title (const char *category)
{
  const char *title = anju_code_label_lookup (honor_subtitle_titles, G_N_ELEMENTS (honor_subtitle_titles), category);

  /* An unknown category still names the column. */
  if (title == NULL || g_strcmp0 (title, category) == 0)
    return C_("honor roll", "Field, products or post");

  return title;
}

gboolean
anju_honor_category_has_community (const char *category)
{
  return g_strcmp0 (category, "staff") == 0;
}

const char * const *
anju_capture_kind_codes (void)
{
  return capture_kinds;
}

const char *
anju_capture_kind_label (const char *kind)
{
  return anju_code_label_lookup (capture_kind_labels, G_N_ELEMENTS (capture_kind_labels), kind);
}

char *
anju_capture_size_text (gint64 size)
{
  return g_format_size ((guint64) MAX (size, 0));
}
