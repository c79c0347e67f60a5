/* anju-content-labels.h: the words for the states and kinds of the
 * portal's content (docs/api.md, "Portal content" and "Feedback").
 *
 * The API speaks in codes ("draft", "technical"); people read these
 * translated names.  A code this desktop does not know is shown as it
 * came, so a newer server never makes a row go blank.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "draft", "published", "unpublished", in the order filters offer them
 * (NULL-terminated). */
const char * const *anju_article_status_codes   (void);
const char         *anju_article_status_label   (const char *status);

/* Publicity (公示信息) and policy publicity (政策宣传) are articles the
 * service terminals show: they have a display period and a view count. */
gboolean            anju_article_kind_is_terminal (const char *kind);

/* Where today ("2026-12-01") stands in a display period whose ends
 * ("YYYY-MM-DD", either NULL: open) are inclusive: "upcoming",
 * "showing" or "ended". */
const char         *anju_article_display_state       (const char *display_from,
                                                      const char *display_until,
                                                      const char *today);
const char         *anju_article_display_state_label (const char *state);
/* "2026-12-01 – 2026-12-31", "From 2026-12-01", "Until 2026-12-31" or
 * "No display period" (transfer full). */
char               *anju_article_display_period_text (const char *display_from,
                                                      const char *display_until);

/* "function", "service", "technical", "other" (NULL-terminated). */
const char * const *anju_feedback_type_codes    (void);
const char         *anju_feedback_type_label    (const char *type);

/* "open", "replied" (NULL-terminated). */
const char * const *anju_feedback_status_codes  (void);
const char         *anju_feedback_status_label  (const char *status);

G_END_DECLS
