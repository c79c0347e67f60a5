/* anju-grants.h: nobody hands out more than they hold (F-PORTAL-018).
 *
 * A caller may create or edit a role only with permissions they hold,
 * give a user only roles whose permissions they hold, and reset the
 * password only of a user whose every permission they hold: otherwise
 * resetting a stronger account's password would be a way to become it.
 */
#pragma once

#include "anju-caller.h"
#include "anju-db.h"

G_BEGIN_DECLS

/* TRUE when the caller holds every permission id in set. */
gboolean anju_grants_caller_holds_all (const AnjuCaller  *caller,
                                       GHashTable        *set);
/* *out_allowed: the caller holds every permission of every role. */
gboolean anju_grants_check_roles      (AnjuDb            *db,
                                       const AnjuCaller  *caller,
                                       GArray            *role_ids,
                                       gboolean          *out_allowed,
                                       GError           **error);
/* *out_allowed: the caller holds every permission of the user. */
gboolean anju_grants_check_user       (AnjuDb            *db,
                                       const AnjuCaller  *caller,
                                       gint64             user_id,
                                       gboolean          *out_allowed,
                                       GError           **error);

G_END_DECLS
