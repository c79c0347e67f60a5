/* anju-message-recipients.h: who receives an event.
 *
 * The users named by id plus the users of one organisation (only those
 * holding a role, when one is given), each once, disabled accounts left
 * out: a disabled account must not pile up messages nor receive texts.
 * A terminal's service user (users.is_service) has no inbox either: no
 * person reads it.
 * Ids of users that do not exist are skipped.
 */
#pragma once

#include "anju-db.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  user_id;
  char   *phone;     /* (nullable) create-admin accounts have none */
} AnjuRecipient;

/* (transfer full): array of AnjuRecipient ordered by user id. */
GArray *anju_message_recipients_resolve (AnjuDb        *db,
                                         const gint64  *user_ids,
                                         guint          n_user_ids,
                                         gint64         org_id,
                                         const char    *role_code,
                                         GError       **error);

/* Keeps in recipients only those holding at least one of roles (codes),
 * in order: a push strategy's audience.  Empty roles keep everyone. */
gboolean anju_message_recipients_keep_roles (AnjuDb              *db,
                                             GArray              *recipients,
                                             const char * const  *roles,
                                             GError             **error);

G_END_DECLS
