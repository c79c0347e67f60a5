/* anju-audit-action.h: the audit log's actions and entities, named for
 * people.
 *
 * Actions are "<entity>.<verb>" ids (docs/api.md, "Audit log"); the
 * table gives each a translated label for the audit page's column and
 * filter.  An id the table does not know (a newer server) is shown as
 * it is.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *id;       /* "user.create" */
  const char *label;    /* N_() */
} AnjuAuditName;

const AnjuAuditName *anju_audit_actions       (guint      *n_actions);
const AnjuAuditName *anju_audit_entities      (guint      *n_entities);
/* Translated, or id itself when unknown (NULL for NULL). */
const char          *anju_audit_action_label  (const char *id);
const char          *anju_audit_entity_label  (const char *id);

G_END_DECLS
