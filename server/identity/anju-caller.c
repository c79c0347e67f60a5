#include "config.h"

#include "anju-caller.h"

AnjuCaller *
anju_caller_new (void)
{
  AnjuCaller *self = g_new0 (AnjuCaller, 1);

  self->permissions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return self;
}

void
anju_caller_free (AnjuCaller *self)
{
  if (self == NULL)
    return;

  g_free (self->username);
  g_free (self->display_name);
  g_free (self->org_path);
  g_free (self->org_kind);
  g_free (self->org_name);
  g_clear_pointer (&self->permissions, g_hash_table_unref);
  g_free (self);
}

AnjuCaller *
anju_caller_copy (const AnjuCaller *self)
{
  AnjuCaller *copy;

  g_return_val_if_fail (self != NULL, NULL);

  /* Copying the set would cost an allocation per permission (dozens for
   * an administrator) on every request the session cache answers. */
  copy = g_new0 (AnjuCaller, 1);
  copy->permissions = g_hash_table_ref (self->permissions);
  copy->user_id = self->user_id;
  copy->username = g_strdup (self->username);
  copy->display_name = g_strdup (self->display_name);
  copy->org_id = self->org_id;
  copy->org_path = g_strdup (self->org_path);
  copy->org_kind = g_strdup (self->org_kind);
  copy->org_name = g_strdup (self->org_name);
  copy->session_id = self->session_id;
  copy->session_expires_at = self->session_expires_at;
  copy->must_change_password = self->must_change_password;
  copy->terminal_id = self->terminal_id;
  return copy;
}

gboolean
anju_caller_has_permission (const AnjuCaller *self,
                            const char       *permission)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (permission != NULL, FALSE);

  return g_hash_table_contains (self->permissions, permission);
}

/* Paths end in "/", so "/1/4/" is never mistaken for a prefix of
 * "/1/45/". */
gboolean
anju_caller_can_see_org_path (const AnjuCaller *self,
                              const char       *org_path)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (org_path == NULL || self->org_path == NULL)
    return FALSE;
  return g_str_has_prefix (org_path, self->org_path);
}
