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

/* "function", "service", "technical", "other" (NULL-terminated). */
const char * const *anju_feedback_type_codes    (void);
const char         *anju_feedback_type_label    (const char *type);

/* "open", "replied" (NULL-terminated). */
const char * const *anju_feedback_status_codes  (void);
const char         *anju_feedback_status_label  (const char *status);

G_END_DECLS
