/* anju-org-store.h: the organisation tree in the database (F-PORTAL-015).
 *
 * Tree rules (docs/api.md): exactly one center, the root; a street's parent
 * is the center; a community's parent is a street; enterprises and
 * suppliers hang under the center.  Every organisation carries its
 * materialised path "/<root id>/…/<own id>/", which is what data scope is
 * checked against (anju-caller.h).
 *
 * Writes here do not open transactions or audit: the callers do both, so
 * that a write and its audit row commit together.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "anju-db.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;
  gint64  parent_id;     /* 0 for the center */
  char   *kind;
  char   *name;
  char   *path;
} AnjuOrgRef;

void        anju_org_ref_clear          (AnjuOrgRef *ref);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AnjuOrgRef, anju_org_ref_clear)

/* A recursive CTE "org_ancestors (path, rest)" whose rows' path are the
 * prefixes of the path given (an SQL expression) that end in '/': the
 * paths of that organisation and of every one above it.  Joining
 * organisations ON path finds them through the path index, where
 * "substr(?, 1, length (path)) = path" read every organisation (2,191 at
 * city size, on every workflow start and review step).  Use after
 * WITH RECURSIVE. */
#define ANJU_ORG_ANCESTORS_CTE(path_sql) \
  "org_ancestors (path, rest) AS (SELECT '', " path_sql \
  " UNION ALL SELECT path || substr (rest, 1, instr (rest, '/'))," \
  " substr (rest, instr (rest, '/') + 1) FROM org_ancestors WHERE instr (rest, '/') > 0)"

/* The organisation kinds, NULL-terminated (for enum checks). */
extern const char * const anju_org_kinds[];

/* FALSE with ANJU_ERROR_NOT_FOUND when there is no such organisation. */
gboolean    anju_org_store_load         (AnjuDb      *db,
                                         gint64       id,
                                         AnjuOrgRef  *out_ref,
                                         GError     **error);
/* *out_found is FALSE (and no error) before the center is made. */
gboolean    anju_org_store_load_center  (AnjuDb      *db,
                                         AnjuOrgRef  *out_ref,
                                         gboolean    *out_found,
                                         GError     **error);
/* The kind the parent of a kind-organisation must have, or NULL for the
 * center, which has none. */
const char *anju_org_kind_parent_kind   (const char  *kind);
/* A sentence saying where an organisation of this kind belongs. */
const char *anju_org_kind_placement_rule (const char *kind);

/* The id of the sibling under parent_id (0: the root level) already
 * called name, or 0; except_id is left out (for renames). */
gboolean    anju_org_store_find_sibling (AnjuDb      *db,
                                         gint64       parent_id,
                                         const char  *name,
                                         gint64       except_id,
                                         gint64      *out_id,
                                         GError     **error);
/* The id of the organisation with this code (0 if none), except except_id. */
gboolean    anju_org_store_find_code    (AnjuDb      *db,
                                         const char  *code,
                                         gint64       except_id,
                                         gint64      *out_id,
                                         GError     **error);

/* Inserts under parent (NULL for the center) and sets the path.  Returns
 * the new id, or 0 with error. */
gint64      anju_org_store_insert       (AnjuDb            *db,
                                         const AnjuOrgRef  *parent,
                                         const char        *kind,
                                         const char        *name,
                                         const char        *code,
                                         const char        *description,
                                         gint64             now,
                                         GError           **error);
/* Sets name, code and description (code and description nullable). */
gboolean    anju_org_store_update       (AnjuDb      *db,
                                         gint64       id,
                                         const char  *name,
                                         const char  *code,
                                         const char  *description,
                                         gint64       now,
                                         GError     **error);
/* Re-parents org and rewrites the paths of its whole subtree. */
gboolean    anju_org_store_move         (AnjuDb            *db,
                                         const AnjuOrgRef  *org,
                                         const AnjuOrgRef  *new_parent,
                                         gint64             now,
                                         GError           **error);
/* Counts the direct children and the users of id. */
gboolean    anju_org_store_count_dependents (AnjuDb  *db,
                                             gint64   id,
                                             gint64  *out_children,
                                             gint64  *out_users,
                                             GError **error);
gboolean    anju_org_store_delete       (AnjuDb      *db,
                                         gint64       id,
                                         GError     **error);

/* The Organisation object of docs/api.md. */
JsonNode   *anju_org_store_to_json      (AnjuDb      *db,
                                         gint64       id,
                                         GError     **error);
/* The same, from a row of ANJU_ORG_COLUMNS (for lists). */
JsonNode   *anju_org_json_from_row      (sqlite3_stmt *stmt);

/* The select list anju_org_json_from_row() reads, over "organisations o". */
#define ANJU_ORG_COLUMNS \
  "o.id, o.parent_id, o.name, o.kind, o.code, o.description, o.path," \
  " (SELECT COUNT(*) FROM users u WHERE u.org_id = o.id), o.created_at, o.updated_at"

G_END_DECLS
