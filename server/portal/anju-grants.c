#include "config.h"

#include "anju-grants.h"
#include "anju-role-store.h"
#include "anju-user-store.h"

gboolean
anju_grants_caller_holds_all (const AnjuCaller *caller,
                              GHashTable       *set)
{
  GHashTableIter iter;
  gpointer permission;

  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, &permission, NULL))
    if (!anju_caller_has_permission (caller, permission))
      return FALSE;
  return TRUE;
}

static GHashTable *
permission_set_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

gboolean
anju_grants_check_roles (AnjuDb            *db,
                         const AnjuCaller  *caller,
                         GArray            *role_ids,
                         gboolean          *out_allowed,
                         GError           **error)
{
  g_autoptr(GHashTable) set = permission_set_new ();

  for (guint i = 0; i < role_ids->len; i++)
    if (!anju_role_store_add_permissions (db, g_array_index (role_ids, gint64, i), set, error))
      return FALSE;

  *out_allowed = anju_grants_caller_holds_all (caller, set);
  return TRUE;
}

gboolean
anju_grants_check_user (AnjuDb            *db,
                        const AnjuCaller  *caller,
                        gint64             user_id,
                        gboolean          *out_allowed,
                        GError           **error)
{
  g_autoptr(GHashTable) set = permission_set_new ();

  if (!anju_user_store_add_permissions (db, user_id, set, error))
    return FALSE;

  *out_allowed = anju_grants_caller_holds_all (caller, set);
  return TRUE;
}
