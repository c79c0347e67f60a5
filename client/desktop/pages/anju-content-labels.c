#include "config.h"

#include <glib/gi18n.h>

#include "anju-content-labels.h"

typedef struct
{
  const char *code;
  const char *context;
  const char *label;   /* NC_() with the same context, for xgettext */
} Label;

static const char * const article_statuses[] = { "draft", "published", "unpublished", NULL };

static const Label article_status_labels[] = {
  { "draft", "article status", NC_("article status", "Draft") },
  { "published", "article status", NC_("article status", "Published") },
  { "unpublished", "article status", NC_("article status", "Withdrawn") },
};

static const char * const feedback_types[] = { "function", "service", "technical", "other", NULL };

static const Label feedback_type_labels[] = {
  { "function", "feedback type", NC_("feedback type", "Improvement") },
  { "service", "feedback type", NC_("feedback type", "Service experience") },
  { "technical", "feedback type", NC_("feedback type", "Technical problem") },
  { "other", "feedback type", NC_("feedback type", "Other") },
};

static const char * const feedback_statuses[] = { "open", "replied", NULL };

static const Label feedback_status_labels[] = {
  { "open", "feedback status", NC_("feedback status", "Awaiting reply") },
  { "replied", "feedback status", NC_("feedback status", "Replied") },
};

static const char *
label_for (const Label *labels,
           gsize        n_labels,
           const char  *code)
{
  if (code == NULL)
    return NULL;

  for (gsize i = 0; i < n_labels; i++)
    if (g_str_equal (labels[i].code, code))
      return g_dpgettext2 (GETTEXT_PACKAGE, labels[i].context, labels[i].label);

  return code;
}

const char * const *
anju_article_status_codes (void)
{
  return article_statuses;
}

const char *
anju_article_status_label (const char *status)
{
  return label_for (article_status_labels, G_N_ELEMENTS (article_status_labels), status);
}

const char * const *
anju_feedback_type_codes (void)
{
  return feedback_types;
}

const char *
anju_feedback_type_label (const char *type)
{
  return label_for (feedback_type_labels, G_N_ELEMENTS (feedback_type_labels), type);
}

const char * const *
anju_feedback_status_codes (void)
{
  return feedback_statuses;
}

const char *
anju_feedback_status_label (const char *status)
{
  return label_for (feedback_status_labels, G_N_ELEMENTS (feedback_status_labels), status);
}
