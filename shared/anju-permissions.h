/* anju-permissions.h: the fixed catalogue of permissions.
 *
 * One permission per action per module, named "<module>.<object>.<action>".
 * Roles hold sets of these ids; the server checks them on every request and
 * the desktop uses them to decide which sidebar entries exist.  The labels
 * are marked for translation (N_) and translated where they are shown.
 * docs/permissions.md lists the same table for administrators.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *id;           /* "portal.user.write" */
  const char *module;       /* "portal" */
  const char *label;        /* N_() English label */
} AnjuPermission;

typedef struct
{
  const char *id;           /* "portal" */
  const char *label;        /* N_() English label */
} AnjuPermissionModule;

/* Identity and access (issue 2) */
#define ANJU_PERM_ORG_READ        "portal.org.read"
#define ANJU_PERM_ORG_WRITE       "portal.org.write"
#define ANJU_PERM_USER_READ       "portal.user.read"
#define ANJU_PERM_USER_WRITE      "portal.user.write"
#define ANJU_PERM_USER_PII        "portal.user.pii"     /* see unmasked phones */
#define ANJU_PERM_ROLE_READ       "portal.role.read"
#define ANJU_PERM_ROLE_WRITE      "portal.role.write"
#define ANJU_PERM_AUDIT_READ      "portal.audit.read"

/* Workflow and the unified portal (issue 3) */
#define ANJU_PERM_CONTENT_WRITE   "portal.content.write"
#define ANJU_PERM_FEEDBACK_REPLY  "portal.feedback.reply"
#define ANJU_PERM_WF_TEMPLATE_WRITE "workflow.template.write"
#define ANJU_PERM_WF_INSTANCE_MANAGE "workflow.instance.manage"
#define ANJU_PERM_MESSAGE_MANAGE  "support.message.manage"
#define ANJU_PERM_MESSAGE_SEND    "support.message.send"

const AnjuPermission       *anju_permissions_all       (guint *n_permissions);
const AnjuPermissionModule *anju_permission_modules    (guint *n_modules);
const AnjuPermission       *anju_permission_lookup     (const char *id);
gboolean                    anju_permission_is_known   (const char *id);

G_END_DECLS
