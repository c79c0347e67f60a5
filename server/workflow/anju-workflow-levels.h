/* anju-workflow-levels.h: which organisation a step's level names.
 *
 * A step's task goes to an organisation found from the instance's own
 * (the applicant's community, the owning enterprise) by walking up its
 * path: "community" is the community on it, "street" the street,
 * "center" the center (the root, always there), "enterprise" the
 * enterprise.  A level the path cannot supply (a street for an
 * enterprise's record) is no organisation.
 */
#pragma once

#include "anju-db.h"

G_BEGIN_DECLS

/* *out_org_id is 0 (and *out_path NULL) when the path has no
 * organisation of that level; free *out_path. */
gboolean anju_wf_level_resolve (AnjuDb      *db,
                                const char  *org_path,
                                const char  *level,
                                gint64      *out_org_id,
                                char       **out_path,
                                GError     **error);

G_END_DECLS
