/* anju-user-json.h: the User and User-self objects of docs/api.md.
 *
 * User is what the users API answers and what the audit log stores as a
 * user's before/after (always with the phone masked there).  User-self is
 * the signed-in user's own view from auth/login and auth/me: their own
 * phone unmasked, their permissions and when their session ends.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "anju-caller.h"
#include "anju-db.h"

G_BEGIN_DECLS

/* NULL with ANJU_ERROR_NOT_FOUND when there is no such user.  now decides
 * whether a stored lock is still in force; the phone is masked unless
 * reveal_phone. */
JsonNode *anju_user_json_new      (AnjuDb            *db,
                                   gint64             user_id,
                                   gint64             now,
                                   gboolean           reveal_phone,
                                   GError           **error);
JsonNode *anju_user_json_new_self (AnjuDb            *db,
                                   const AnjuCaller  *caller,
                                   GError           **error);

G_END_DECLS
