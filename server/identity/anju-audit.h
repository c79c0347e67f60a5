/* anju-audit.h: the tamper-evident audit log.
 *
 * Every write in every domain calls anju_audit_record() inside the same
 * transaction as the write, so a write and its audit row land together or
 * not at all.  Each row stores an HMAC-SM3 (key from [security]
 * audit_key_file) over its own content and the previous row's HMAC;
 * anju_audit_verify() walks the chain and names the first broken row.
 * before/after are JSON objects with personal fields already masked by the
 * caller (use anju_mask_* from shared/).
 */
#pragma once

#include <json-glib/json-glib.h>

#include "anju-db.h"
#include "anju-request.h"

G_BEGIN_DECLS

/* Actor, organisation and client address come from the request (the
 * caller may be NULL, e.g. a failed login: pass actor_name then). */
gboolean anju_audit_record       (AnjuRequest  *request,
                                  const char   *actor_name,
                                  const char   *action,
                                  const char   *entity,
                                  gint64        entity_id,
                                  JsonNode     *before,
                                  JsonNode     *after,
                                  GError      **error);

/* Who acted, for writes that have no signed-in caller to take it from:
 * a successful sign-in (the session does not exist yet), anju-server
 * create-admin and init --demo. */
typedef struct
{
  gint64      actor_id;        /* 0 when there is no user */
  const char *actor;           /* username, or "anju-server" */
  gint64      org_id;          /* 0 when unknown */
  const char *org_path;        /* (nullable): scope of the row for readers */
  const char *client_address;  /* (nullable) */
} AnjuAuditActor;

/* The name written as actor for writes made by anju-server itself. */
#define ANJU_AUDIT_SYSTEM_ACTOR "anju-server"

/* Like anju_audit_record() with everything explicit; at is seconds since
 * the epoch.  Must run inside a transaction, like every audit write. */
gboolean anju_audit_record_as    (AnjuDb               *db,
                                  GBytes               *key,
                                  gint64                at,
                                  const AnjuAuditActor *actor,
                                  const char           *action,
                                  const char           *entity,
                                  gint64                entity_id,
                                  JsonNode             *before,
                                  JsonNode             *after,
                                  GError              **error);
/* The same with before and after already written as JSON (NULL for
 * none), for a caller that stores the same text elsewhere too. */
gboolean anju_audit_record_json_as (AnjuDb               *db,
                                    GBytes               *key,
                                    gint64                at,
                                    const AnjuAuditActor *actor,
                                    const char           *action,
                                    const char           *entity,
                                    gint64                entity_id,
                                    const char           *before_json,
                                    const char           *after_json,
                                    GError              **error);

/* Returns TRUE when the whole chain verifies.  On a broken chain returns
 * FALSE with *out_first_broken set to the first bad row's id and error
 * set (ANJU_ERROR_CONFLICT) describing it. */
gboolean anju_audit_verify       (AnjuDb       *db,
                                  GBytes       *key,
                                  gint64       *out_checked,
                                  gint64       *out_first_broken,
                                  GError      **error);

/* Reads the key file; makes a new random 32-byte key (mode 0600) when the
 * file does not exist. */
GBytes  *anju_audit_load_key     (const char   *path,
                                  GError      **error);

G_END_DECLS
