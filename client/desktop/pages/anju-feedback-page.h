/* anju-feedback-page.h: feedback (意见反馈, F-PORTAL-014): what users
 * tell the housing security center about the platform and its service.
 *
 * Every signed-in user submits feedback, changes or deletes their own
 * while it awaits a reply, and reads the center's reply beside the
 * list.  Users holding portal.feedback.reply see everyone's feedback
 * (or only their own), filter it by status and type, and reply.
 *
 * Created by AnjuWindow by GType with the construct-only property
 * "client" (AnjuApiClient).
 */
#pragma once

#include <adwaita.h>

#include "anju-api-client.h"

G_BEGIN_DECLS

#define ANJU_TYPE_FEEDBACK_PAGE (anju_feedback_page_get_type ())
G_DECLARE_FINAL_TYPE (AnjuFeedbackPage, anju_feedback_page, ANJU, FEEDBACK_PAGE, AdwBin)

GtkWidget *anju_feedback_page_new    (AnjuApiClient    *client);
/* Loads the first page again, keeping the selection where it can. */
void       anju_feedback_page_reload (AnjuFeedbackPage *self);

G_END_DECLS
