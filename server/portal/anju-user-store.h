/* anju-user-store.h: user accounts in the database (F-PORTAL-017).
 *
 * Passwords arrive here already hashed (anju-kdf.h).  Like the other
 * stores, nothing here opens a transaction or audits.
 */
#pragma once

#include <glib.h>

#include "anju-db.h"

G_BEGIN_DECLS

typedef struct
{
  const char *username;
  const char *name;
  const char *phone;
  const char *post;               /* (nullable) */
  gint64      org_id;
  const char *password_hash;
  gboolean    must_change_password;
} AnjuNewUser;

/* Enough of a user to decide whether the caller may act on them. */
typedef struct
{
  gint64  id;
  char   *username;
  char   *status;
  gint64  org_id;
  char   *org_path;
} AnjuUserRef;

void      anju_user_ref_clear            (AnjuUserRef *ref);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AnjuUserRef, anju_user_ref_clear)

/* FALSE with ANJU_ERROR_NOT_FOUND when there is no such user. */
gboolean  anju_user_store_load           (AnjuDb            *db,
                                          gint64             id,
                                          AnjuUserRef       *out_ref,
                                          GError           **error);
/* The id of the user called username, or 0. */
gboolean  anju_user_store_find_username  (AnjuDb            *db,
                                          const char        *username,
                                          gint64            *out_id,
                                          GError           **error);
/* Returns the new id, or 0 with error. */
gint64    anju_user_store_insert         (AnjuDb            *db,
                                          const AnjuNewUser *user,
                                          gint64             now,
                                          GError           **error);
/* Replaces the user's roles. */
gboolean  anju_user_store_set_roles      (AnjuDb            *db,
                                          gint64             user_id,
                                          GArray            *role_ids,
                                          GError           **error);
/* Adds the permissions of every role of user_id to set. */
gboolean  anju_user_store_add_permissions (AnjuDb           *db,
                                           gint64            user_id,
                                           GHashTable       *set,
                                           GError          **error);
/* A change to a user's profile: what is NULL (or 0, or set_post FALSE)
 * stays as it is. */
typedef struct
{
  const char *name;
  const char *phone;
  gboolean    set_post;
  const char *post;               /* (nullable): NULL clears the post */
  gint64      org_id;
} AnjuUserPatch;

gboolean  anju_user_store_update_profile (AnjuDb              *db,
                                          gint64               id,
                                          const AnjuUserPatch *patch,
                                          gint64               now,
                                          GError             **error);
/* status: "active" or "disabled". */
gboolean  anju_user_store_set_status     (AnjuDb            *db,
                                          gint64             id,
                                          const char        *status,
                                          gint64             now,
                                          GError           **error);
gboolean  anju_user_store_set_password   (AnjuDb            *db,
                                          gint64             id,
                                          const char        *password_hash,
                                          gboolean           must_change_password,
                                          gint64             now,
                                          GError           **error);

G_END_DECLS
