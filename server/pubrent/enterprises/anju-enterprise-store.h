/* anju-enterprise-store.h: operating enterprises in the database
 * (F-PRH-011).
 *
 * An enterprise is an organisation of kind enterprise_operating (name and
 * USCC are the organisation's name and code) plus its row of
 * pubrent_enterprises (migration 0009), which a trigger makes for every
 * such organisation.  Its id is the organisation's id.
 *
 * Like the other stores, nothing here opens a transaction or audits: the
 * handlers do both, so that a write and its audit row commit together.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "anju-db.h"

G_BEGIN_DECLS

/* Enough of an enterprise to decide what may be done to it. */
typedef struct
{
  gint64  id;
  char   *name;
  char   *path;                /* the organisation's path, for scope */
  char   *state;               /* "active" or "purged" */
  gint64  account_user_id;     /* 0 without an account */
  char   *contact_name;        /* (nullable) */
  char   *contact_phone;       /* (nullable) */
} AnjuEnterpriseRef;

void      anju_enterprise_ref_clear         (AnjuEnterpriseRef *ref);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AnjuEnterpriseRef, anju_enterprise_ref_clear)

/* The profile members of docs/api.md besides name and uscc, which are
 * the organisation's.  NULL clears an optional member. */
typedef struct
{
  const char *legal_representative;
  const char *contact_name;
  const char *contact_phone;
  const char *address;
  const char *industry;
  const char *business_scope;
} AnjuEnterpriseProfile;

/* The states, NULL-terminated (for enum checks). */
extern const char * const anju_enterprise_states[];

/* FALSE with ANJU_ERROR_NOT_FOUND when id is no operating enterprise. */
gboolean  anju_enterprise_store_load        (AnjuDb                      *db,
                                             gint64                       id,
                                             AnjuEnterpriseRef           *out_ref,
                                             GError                     **error);
gboolean  anju_enterprise_store_set_profile (AnjuDb                      *db,
                                             gint64                       id,
                                             const AnjuEnterpriseProfile *profile,
                                             gint64                       now,
                                             GError                     **error);
gboolean  anju_enterprise_store_set_account (AnjuDb                      *db,
                                             gint64                       id,
                                             gint64                       user_id,
                                             gint64                       now,
                                             GError                     **error);
/* Marks the enterprise purged by purged_by with reason, and unlinks its
 * projects (pubrent_projects.operator_org_id).  The users are the
 * caller's business (anju-enterprise-purge.c). */
gboolean  anju_enterprise_store_mark_purged (AnjuDb                      *db,
                                             gint64                       id,
                                             const char                  *reason,
                                             gint64                       purged_by,
                                             gint64                       now,
                                             GError                     **error);
/* The ids of every user of the enterprise's organisation. */
GArray   *anju_enterprise_store_user_ids    (AnjuDb                      *db,
                                             gint64                       id,
                                             GError                     **error);

/* The Enterprise object of docs/api.md; contact_phone masked unless
 * reveal_phone; with_projects adds "projects" (the detail's). */
JsonNode *anju_enterprise_store_to_json     (AnjuDb                      *db,
                                             gint64                       id,
                                             gboolean                     reveal_phone,
                                             gboolean                     with_projects,
                                             GError                     **error);
/* The same, from a row of ANJU_ENTERPRISE_COLUMNS (for lists). */
JsonNode *anju_enterprise_json_from_row     (sqlite3_stmt                *stmt,
                                             gboolean                     reveal_phone);

/* The select list anju_enterprise_json_from_row() reads, over
 * "pubrent_enterprises e JOIN organisations o ON o.id = e.org_id
 *  LEFT JOIN users a ON a.id = e.account_user_id
 *  LEFT JOIN users p ON p.id = e.purged_by". */
#define ANJU_ENTERPRISE_FROM \
  " pubrent_enterprises e JOIN organisations o ON o.id = e.org_id" \
  " LEFT JOIN users a ON a.id = e.account_user_id" \
  " LEFT JOIN users p ON p.id = e.purged_by"
#define ANJU_ENTERPRISE_COLUMNS \
  "o.id, o.name, o.code, e.legal_representative, e.contact_name, e.contact_phone," \
  " e.address, e.industry, e.business_scope, e.state," \
  " a.id, a.username, a.created_at, a.status," \
  " (SELECT COUNT(*) FROM pubrent_projects pp WHERE pp.operator_org_id = o.id)," \
  " e.purged_at, e.purge_reason, p.id, p.name, e.created_at, e.updated_at"

G_END_DECLS
