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

/* Short words that mean other things elsewhere, hence the context
 * (spelled out each time: xgettext does not expand macros). */
static const AnjuAuditName entities[] = {
  { "user",          NC_("audit entity", "User") },
  { "organisation",  NC_("audit entity", "Organisation") },
  { "role",          NC_("audit entity", "Role") },
};

static const AnjuAuditName *
lookup (const AnjuAuditName *names,
        guint                n_names,
        const char          *id)
{
  for (guint i = 0; id != NULL && i < n_names; i++)
    {
      if (g_str_equal (names[i].id, id))
        return &names[i];
    }

  return NULL;
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
  const AnjuAuditName *name = lookup (actions, G_N_ELEMENTS (actions), id);

  return name != NULL ? _(name->label) : id;
}

const char *
anju_audit_entity_label (const char *id)
{
  const AnjuAuditName *name = lookup (entities, G_N_ELEMENTS (entities), id);

  return name != NULL ? g_dpgettext2 (NULL, "audit entity", name->label) : id;
}
