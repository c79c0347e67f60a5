#include "config.h"

#include <glib/gi18n.h>

#include "anju-audit-action.h"

static const AnjuAuditName actions[] = {
  { "auth.login",            N_("Signed in") },
  { "auth.login_failed",     N_("Failed to sign in") },
  { "auth.logout",           N_("Signed out") },
  { "user.create",           N_("Created a user") },
  { "user.update",           N_("Edited a user") },
  { "user.disable",          N_("Disabled a user") },
  { "user.enable",           N_("Enabled a user") },
  { "user.unlock",           N_("Unlocked a user") },
  { "user.reset_password",   N_("Reset a password") },
  { "user.change_password",  N_("Changed own password") },
  { "organisation.create",   N_("Created an organisation") },
  { "organisation.update",   N_("Edited an organisation") },
  { "organisation.move",     N_("Moved an organisation") },
  { "organisation.delete",   N_("Deleted an organisation") },
  { "role.create",           N_("Created a role") },
  { "role.update",           N_("Edited a role") },
  { "role.delete",           N_("Deleted a role") },
};

static const AnjuAuditName entities[] = {
  { "user",          N_("User") },
  { "organisation",  N_("Organisation") },
  { "role",          N_("Role") },
};

static const char *
lookup_label (const AnjuAuditName *names,
              guint                n_names,
              const char          *id)
{
  if (id == NULL)
    return NULL;

  for (guint i = 0; i < n_names; i++)
    {
      if (g_str_equal (names[i].id, id))
        return _(names[i].label);
    }

  return id;
}

const AnjuAuditName *
anju_audit_actions (guint *n_actions)
{
  *n_actions = G_N_ELEMENTS (actions);
  return actions;
}

const AnjuAuditName *
anju_audit_entities (guint *n_entities)
{
  *n_entities = G_N_ELEMENTS (entities);
  return entities;
}

const char *
anju_audit_action_label (const char *id)
{
  return lookup_label (actions, G_N_ELEMENTS (actions), id);
}

const char *
anju_audit_entity_label (const char *id)
{
  return lookup_label (entities, G_N_ELEMENTS (entities), id);
}
