/* anju-pubrent-member-dialog.h: one household member, added or edited
 * (docs/api.md, "Applications": Member, D02).
 *
 * Every D02 field as a row (anju-pubrent-fields.h); coded ones offer the
 * names of GET /api/v1/pubrent/codes.  Typing a resident ID number fills
 * the date of birth and the sex from it.  The applicant is always the
 * first member: for them the name, ID number and phone come from the
 * household form, and the relation is "self", so those rows are locked.
 *
 * "Done" checks what the desktop can (a name, a valid resident ID
 * number) and emits ::done with the member object; nothing goes to the
 * server here: the editor sends the whole application.
 */
#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define ANJU_TYPE_PUBRENT_MEMBER_DIALOG (anju_pubrent_member_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AnjuPubrentMemberDialog, anju_pubrent_member_dialog, ANJU, PUBRENT_MEMBER_DIALOG, AdwWindow)

/* codes: GET /api/v1/pubrent/codes (nullable).  member: the member to
 * edit (nullable: a new one; copied).  is_applicant: the first member. */
GtkWidget *anju_pubrent_member_dialog_new        (JsonObject              *codes,
                                                  JsonObject              *member,
                                                  gboolean                 is_applicant);
/* (nullable) The row of a member field, for tests. */
GtkWidget *anju_pubrent_member_dialog_get_row    (AnjuPubrentMemberDialog *self,
                                                  const char              *member);
/* Shows the server's messages for this member ("members[2].id_no" with
 * prefix "members[2].") at its rows. */
void       anju_pubrent_member_dialog_show_errors (AnjuPubrentMemberDialog *self,
                                                   JsonObject              *fields,
                                                   const char              *prefix);
/* Same as the Done button. */
void       anju_pubrent_member_dialog_finish     (AnjuPubrentMemberDialog *self);

G_END_DECLS
