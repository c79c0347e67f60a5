/* anju-terminal-store.h: the terminals table and its change history.
 *
 * A deleted terminal keeps its row (history, alerts, what its service
 * user created) but is "no such terminal" to everything here but the
 * history.  Like the other stores, nothing here opens a transaction or
 * audits; the JSON is the Terminal of docs/api.md.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "anju-db.h"

G_BEGIN_DECLS

/* The peripheral kinds a terminal may have, in display order. */
extern const char * const anju_terminal_peripheral_kinds[];

/* Enough of a terminal to decide whether the caller may act on it. */
typedef struct
{
  gint64    id;
  char     *sn;
  char     *terminal_no;
  char     *name;
  char     *location;
  char     *state;            /* "enabled" or "disabled" */
  gint64    org_id;
  char     *org_name;
  char     *org_path;
  gint64    service_user_id;
  gboolean  has_credential;   /* issued and not revoked */
} AnjuTerminalRef;

void      anju_terminal_ref_clear       (AnjuTerminalRef *ref);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AnjuTerminalRef, anju_terminal_ref_clear)

/* How a Terminal is written out.  with_status adds online and
 * last_heartbeat_at, which change by themselves and so stay out of the
 * history's before/after. */
typedef struct
{
  gboolean reveal_pii;        /* person_phone unmasked */
  gboolean with_status;
  gint64   now;
  gint64   offline_after;     /* seconds */
} AnjuTerminalJsonOptions;

/* FALSE with ANJU_ERROR_NOT_FOUND when there is no such terminal or it
 * has been deleted. */
gboolean  anju_terminal_store_load      (AnjuDb                         *db,
                                         gint64                          id,
                                         AnjuTerminalRef                *out_ref,
                                         GError                        **error);
JsonNode *anju_terminal_store_to_json   (AnjuDb                         *db,
                                         gint64                          id,
                                         const AnjuTerminalJsonOptions  *options,
                                         GError                        **error);

/* The columns anju_terminal_json_from_row() reads, FROM ANJU_TERMINAL_FROM. */
#define ANJU_TERMINAL_COLUMNS \
  "t.id, t.sn, t.terminal_no, t.name, t.person_in_charge, t.person_phone, o.id, o.name," \
  " t.location, t.network, t.model, t.peripherals, t.state," \
  " t.credential_hash IS NOT NULL AND t.credential_revoked_at IS NULL," \
  " t.credential_issued_at, t.credential_revoked_at, t.last_heartbeat_at," \
  " t.created_at, t.updated_at"
#define ANJU_TERMINAL_FROM " terminals t JOIN organisations o ON o.id = t.org_id"

JsonNode *anju_terminal_json_from_row   (sqlite3_stmt                   *stmt,
                                         const AnjuTerminalJsonOptions  *options);

/* The registry's configured peripherals, every kind present:
 * {"camera":{"enabled","model"}, …}; a kind the text lacks is off. */
JsonNode *anju_terminal_peripherals_normalise (JsonObject          *configured);

/* One history row; before and after may be NULL. */
gboolean  anju_terminal_store_add_change (AnjuDb       *db,
                                          gint64        terminal_id,
                                          const char   *action,
                                          gint64        at,
                                          gint64        actor_id,
                                          const char   *actor_name,
                                          JsonNode     *before,
                                          JsonNode     *after,
                                          GError      **error);

G_END_DECLS
