/* anju-users-private.h: what anju-users.c and anju-user-actions.c share. */
#pragma once

#include "anju-request.h"
#include "anju-user-store.h"

G_BEGIN_DECLS

/* For actions on a user: 404 when missing, 403 outside the caller's
 * scope.  Replies and returns FALSE on either. */
gboolean  _anju_users_load_for_action   (AnjuRequest  *request,
                                         gint64        id,
                                         AnjuUserRef  *out_user);
/* 403 when the user holds permissions the caller lacks.  Replies and
 * returns FALSE then. */
gboolean  _anju_users_check_covers      (AnjuRequest  *request,
                                         gint64        id);
/* The User object as this caller may see it (phone masked or not). */
JsonNode *_anju_users_json_for_caller   (AnjuRequest  *request,
                                         gint64        id,
                                         GError      **error);
/* The User object as the audit log stores it (phone masked). */
JsonNode *_anju_users_json_for_audit    (AnjuRequest  *request,
                                         gint64        id,
                                         GError      **error);

void      _anju_user_actions_disable        (AnjuRequest *request);
void      _anju_user_actions_enable         (AnjuRequest *request);
void      _anju_user_actions_unlock         (AnjuRequest *request);
void      _anju_user_actions_reset_password (AnjuRequest *request);
extern const AnjuFieldSpec _anju_user_actions_reset_password_body[];

G_END_DECLS
