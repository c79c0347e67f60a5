/* anju-application-editor.h: enter or change a public rental application
 * (F-PRH application management, directed application; docs/api.md,
 * "Applications").
 *
 * A new application starts with its business type, chosen first from
 * big buttons: the directed types only for users of an employer, the
 * open ones only for users of a street or community (the server refuses
 * the rest with 409).  Then the household's D01 fields in groups
 * (applicant, agent, registered residence, income and floor area,
 * housing support) and its members: the applicant is always the first,
 * kept in step with the applicant's name, ID number and phone; others
 * are added, edited (AnjuPubrentMemberDialog) and removed.  The household
 * size is the number of members.  Coded fields offer the names of
 * GET /api/v1/pubrent/codes.
 *
 * "Save Draft" creates (POST) or changes (PATCH) the application;
 * "Submit" saves, then POST …/submit.  The server's messages appear at
 * their fields, a member's ("members[2].id_no") at that member's row
 * and again in its dialog, and all of them in a banner at the top.
 * After a save ::saved carries the application as the server has it.
 *
 * Widget actions: editor.save, editor.submit, editor.add-member.
 */
#pragma once

#include <adwaita.h>

#include "anju-api-client.h"
#include "anju-record.h"

G_BEGIN_DECLS

#define ANJU_TYPE_APPLICATION_EDITOR (anju_application_editor_get_type ())
G_DECLARE_FINAL_TYPE (AnjuApplicationEditor, anju_application_editor, ANJU, APPLICATION_EDITOR, AdwWindow)

/* application_id 0: a new application. */
GtkWidget *anju_application_editor_new (AnjuApiClient *client,
                                        gint64         application_id);

G_END_DECLS
