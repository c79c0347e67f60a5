#include "config.h"

#include <glib/gi18n-lib.h>

#include "anju-permissions.h"

static const AnjuPermissionModule modules[] = {
  { "portal", N_("Unified portal") },
  { "workflow", N_("Workflow") },
  { "pubrent", N_("Public rental housing") },
  { "affordable", N_("Affordable rental housing") },
  { "operations", N_("Operations") },
  { "ecosystem", N_("Ecosystem") },
  { "supervision", N_("Supervision") },
  { "decision", N_("Decision analysis") },
  { "terminal", N_("Service terminals") },
  { "support", N_("Business support") },
  { "iot", N_("Internet of things") },
};

/* Keep sorted by module, then object, then action: the role editor shows
 * them in this order. */
static const AnjuPermission permissions[] = {
  { ANJU_PERM_AUDIT_READ, "portal", N_("View the audit log") },
  { ANJU_PERM_CONTENT_WRITE, "portal", N_("Write, publish and delete news, notices and guides") },
  { ANJU_PERM_FEEDBACK_REPLY, "portal", N_("Read everyone's feedback and reply to it") },
  { ANJU_PERM_ORG_READ, "portal", N_("View organisations") },
  { ANJU_PERM_ORG_WRITE, "portal", N_("Create, edit, move and delete organisations") },
  { ANJU_PERM_ROLE_READ, "portal", N_("View roles") },
  { ANJU_PERM_ROLE_WRITE, "portal", N_("Create, edit and delete roles") },
  { ANJU_PERM_USER_PII, "portal", N_("See users' full phone numbers") },
  { ANJU_PERM_USER_READ, "portal", N_("View users") },
  { ANJU_PERM_USER_WRITE, "portal", N_("Create, edit, disable, unlock users and reset passwords") },

  { ANJU_PERM_WF_INSTANCE_MANAGE, "workflow",
    N_("Monitor, start, pause, resume and cancel process instances") },
  { ANJU_PERM_WF_TEMPLATE_WRITE, "workflow", N_("Edit process templates") },

  { "pubrent.application.create", "pubrent", N_("Enter applications") },
  { "pubrent.application.read", "pubrent", N_("View applications") },
  { "pubrent.application.review", "pubrent", N_("Review applications") },
  { "pubrent.document.write", "pubrent", N_("Edit notice and form templates and generate documents") },
  { "pubrent.enterprise.manage", "pubrent", N_("Manage operating enterprises and their accounts") },
  { "pubrent.housing.read", "pubrent", N_("View housing stock") },
  { "pubrent.housing.write", "pubrent", N_("Edit housing stock") },
  { "pubrent.rules.write", "pubrent",
    N_("Set eligibility rules and publicity periods, import external records") },

  { "affordable.filing.review", "affordable", N_("Review project filings") },
  { "affordable.project.declare", "affordable", N_("Declare projects") },

  { "operations.contract.write", "operations", N_("Manage lease contracts") },
  { "operations.listing.write", "operations", N_("Manage listings") },

  { "ecosystem.supplier.write", "ecosystem", N_("Manage supplier services") },

  { "supervision.alert.handle", "supervision", N_("Handle supervision alerts") },

  { "decision.dashboard.read", "decision", N_("View decision dashboards") },

  { "terminal.capture.read", "terminal", N_("View identity captures") },
  { "terminal.device.manage", "terminal", N_("Manage service terminals") },
  { "terminal.kiosk.operate", "terminal", N_("Operate as a service terminal") },

  { ANJU_PERM_MESSAGE_MANAGE, "support",
    N_("Edit message templates and push strategies, view the SMS log") },
  { ANJU_PERM_MESSAGE_SEND, "support", N_("Send messages to users and organisations") },

  { "iot.device.manage", "iot", N_("Manage IoT devices") },
};

const AnjuPermission *
anju_permissions_all (guint *n_permissions)
{
  if (n_permissions != NULL)
    *n_permissions = G_N_ELEMENTS (permissions);
  return permissions;
}

const AnjuPermissionModule *
anju_permission_modules (guint *n_modules)
{
  if (n_modules != NULL)
    *n_modules = G_N_ELEMENTS (modules);
  return modules;
}

const AnjuPermission *
anju_permission_lookup (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (permissions); i++)
    if (g_str_equal (permissions[i].id, id))
      return &permissions[i];
  return NULL;
}

gboolean
anju_permission_is_known (const char *id)
{
  return id != NULL && anju_permission_lookup (id) != NULL;
}
