/* anju-role-store.h: roles and their permission sets in the database
 * (F-PORTAL-016, -018).
 *
 * System roles (those with a code) come from the schema migration and are
 * never changed through the API; custom roles have no code.  Like the
 * other stores, nothing here opens a transaction or audits.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "anju-db.h"

G_BEGIN_DECLS

typedef struct
{
  gint64    id;
  char     *code;        /* (nullable): NULL for a custom role */
  char     *name;
  gboolean  is_system;
} AnjuRoleRef;

void      anju_role_ref_clear            (AnjuRoleRef *ref);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AnjuRoleRef, anju_role_ref_clear)

/* FALSE with ANJU_ERROR_NOT_FOUND when there is no such role. */
gboolean  anju_role_store_load           (AnjuDb       *db,
                                          gint64        id,
                                          AnjuRoleRef  *out_ref,
                                          GError      **error);
/* The id of the system role with this code, or ANJU_ERROR_NOT_FOUND. */
gboolean  anju_role_store_find_by_code   (AnjuDb       *db,
                                          const char   *code,
                                          gint64       *out_id,
                                          GError      **error);
/* The id of another role (not except_id) called name, or 0. */
gboolean  anju_role_store_find_name      (AnjuDb       *db,
                                          const char   *name,
                                          gint64        except_id,
                                          gint64       *out_id,
                                          GError      **error);
/* Adds the permission ids of role_id to set (a string set). */
gboolean  anju_role_store_add_permissions (AnjuDb      *db,
                                           gint64       role_id,
                                           GHashTable  *set,
                                           GError     **error);
gboolean  anju_role_store_count_users    (AnjuDb       *db,
                                          gint64        id,
                                          gint64       *out_count,
                                          GError      **error);

/* Returns the new id, or 0 with error (a duplicate name is a conflict). */
gint64    anju_role_store_insert         (AnjuDb       *db,
                                          const char   *name,
                                          const char   *description,
                                          gint64        now,
                                          GError      **error);
gboolean  anju_role_store_update         (AnjuDb       *db,
                                          gint64        id,
                                          const char   *name,
                                          const char   *description,
                                          gint64        now,
                                          GError      **error);
/* Replaces the role's permission set with permissions (NULL-terminated). */
gboolean  anju_role_store_set_permissions (AnjuDb             *db,
                                           gint64              id,
                                           const char * const *permissions,
                                           GError            **error);
gboolean  anju_role_store_delete         (AnjuDb       *db,
                                          gint64        id,
                                          GError      **error);

/* The Role object of docs/api.md. */
JsonNode *anju_role_store_to_json        (AnjuDb       *db,
                                          gint64        id,
                                          GError      **error);

G_END_DECLS
