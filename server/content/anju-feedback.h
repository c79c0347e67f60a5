/* anju-feedback.h: the feedback endpoints (docs/api.md "Feedback";
 * F-PORTAL-014, F-PORTAL-034).
 *
 * Any signed-in user submits feedback and sees their own; its author may
 * edit or delete it while it is open (403 for anyone else who can see it,
 * 409 once replied).  Holders of portal.feedback.reply see the feedback
 * of their data scope and reply once, which emits "feedback.replied" to
 * the author on the server's event bus (variables title and reply; link
 * portal.feedback / the feedback's id) in the same transaction.  Every
 * write commits with its audit row (feedback.create|update|delete|reply).
 */
#pragma once

#include "anju-route.h"

G_BEGIN_DECLS

/* The event a reply emits. */
#define ANJU_FEEDBACK_REPLIED_EVENT "feedback.replied"
#define ANJU_FEEDBACK_LINK_DOMAIN "portal.feedback"

const AnjuRoute *anju_feedback_get_routes (guint *n_routes);

G_END_DECLS
