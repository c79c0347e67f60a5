/* anju-identity-private.h: writes that anju-server's subcommands make
 * without a request (create-admin, init --demo).
 *
 * Each one audits as ANJU_AUDIT_SYSTEM_ACTOR and must run inside the
 * caller's transaction.
 */
#pragma once

#include "anju-org-store.h"
#include "anju-user-store.h"

G_BEGIN_DECLS

/* The New Area housing security service center: the root of the tree. */
#define ANJU_CENTER_NAME "湘江新区住房保障服务中心"

typedef struct
{
  AnjuDb *db;
  GBytes *audit_key;
  gint64  now;
} AnjuSystemWriter;

/* The center, made (and audited) when there is none yet. */
gboolean _anju_identity_ensure_center (const AnjuSystemWriter  *writer,
                                       AnjuOrgRef              *out_center,
                                       GError                 **error);
/* A new organisation under parent, audited. Returns its id or 0. */
gint64   _anju_identity_add_org       (const AnjuSystemWriter  *writer,
                                       const AnjuOrgRef        *parent,
                                       const char              *kind,
                                       const char              *name,
                                       const char              *code,
                                       const char              *description,
                                       GError                 **error);
/* A new user holding the system role role_code, audited. Returns its id
 * or 0. */
gint64   _anju_identity_add_user      (const AnjuSystemWriter  *writer,
                                       const AnjuNewUser       *user,
                                       const char              *role_code,
                                       GError                 **error);

G_END_DECLS
