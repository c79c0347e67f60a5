#include "config.h"

#include <glib/gi18n.h>

#include "anju-code-label.h"

#include "anju-content-labels.h"

static const char * const article_statuses[] = { "draft", "published", "unpublished", NULL };

static const AnjuCodeLabel article_status_labels[] = {
  { "draft", "article status", NC_("article status", "Draft") },
  { "published", "article status", NC_("article status", "Published") },
  { "unpublished", "article status", NC_("article status", "Withdrawn") },
};

static const AnjuCodeLabel display_state_labels[] = {
  { "upcoming", "display period", NC_("display period", "Not yet shown") },
  { "showing", "display period", NC_("display period", "Showing") },
  { "ended", "display period", NC_("display period", "Ended") },
};

static const char * const feedback_types[] = { "function", "service", "technical", "other", NULL };

static const AnjuCodeLabel feedback_type_labels[] = {
  { "function", "feedback type", NC_("feedback type", "Improvement") },
  { "service", "feedback type", NC_("feedback type", "Service experience") },
  { "technical", "feedback type", NC_("feedback type", "Technical problem") },
  { "other", "feedback type", NC_("feedback type", "Other") },
};

static const char * const feedback_statuses[] = { "open", "replied", NULL };

static const AnjuCodeLabel feedback_status_labels[] = {
  { "open", "feedback status", NC_("feedback status", "Awaiting reply") },
  { "replied", "feedback status", NC_("feedback status", "Replied") },
};

const char * const *
anju_article_status_codes (void)
{
  return article_statuses;
}

const char *
anju_article_status_label (const char *status)
{
  return anju_code_label_lookup (article_status_labels, G_N_ELEMENTS (article_status_labels), status);
}

gboolean
anju_article_kind_is_terminal (const char *kind)
{
  return g_strcmp0 (kind, "publicity") == 0 || g_strcmp0 (kind, "policy") == 0;
}

/* Dates as "YYYY-MM-DD" compare as strings. */
const char *
anju_article_display_state (const char *display_from,
                            const char *display_until,
                            const char *today)
{
  g_return_val_if_fail (today != NULL, NULL);

  if (display_from != NULL && g_strcmp0 (today, display_from) < 0)
    return "upcoming";
  if (display_until != NULL && g_strcmp0 (today, display_until) > 0)
    return "ended";

  return "showing";
}

const char *
anju_article_display_state_label (const char *state)
{
  return anju_code_label_lookup (display_state_labels, G_N_ELEMENTS (display_state_labels), state);
}

char *
anju_article_display_period_text (const char *display_from,
                                  const char *display_until)
{
  if (display_from != NULL && display_until != NULL)
    /* Translators: a display period; %1$s and %2$s are dates */
    return g_strdup_printf (_("%1$s – %2$s"), display_from, display_until);
  if (display_from != NULL)
    /* Translators: a display period without end; %1$s is a date */
    return g_strdup_printf (_("From %1$s"), display_from);
  if (display_until != NULL)
    /* Translators: a display period without start; %1$s is a date */
    return g_strdup_printf (_("Until %1$s"), display_until);

  return g_strdup (_("No display period"));
}

const char * const *
anju_feedback_type_codes (void)
{
  return feedback_types;
}

const char *
anju_feedback_type_label (const char *type)
{
  return anju_code_label_lookup (feedback_type_labels, G_N_ELEMENTS (feedback_type_labels), type);
}

const char * const *
anju_feedback_status_codes (void)
{
  return feedback_statuses;
}

const char *
anju_feedback_status_label (const char *status)
{
  return anju_code_label_lookup (feedback_status_labels, G_N_ELEMENTS (feedback_status_labels), status);
}
