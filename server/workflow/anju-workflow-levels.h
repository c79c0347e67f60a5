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

/* The organisation of a path and every one above it, nearest first:
 * read once, it answers every level of a template (a start checks them
 * all) without a query each. */
typedef struct _AnjuWfAncestors AnjuWfAncestors;

AnjuWfAncestors *anju_wf_ancestors_load  (AnjuDb                *db,
                                          const char            *org_path,
                                          GError               **error);
AnjuWfAncestors *anju_wf_ancestors_ref   (AnjuWfAncestors       *ancestors);
void             anju_wf_ancestors_unref (AnjuWfAncestors       *ancestors);
/* The nearest organisation of the level, or 0 (and *out_path NULL,
 * when out_path is given) when there is none. */
gint64           anju_wf_ancestors_find  (const AnjuWfAncestors *ancestors,
                                          const char            *level,
                                          const char           **out_path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnjuWfAncestors, anju_wf_ancestors_unref)


G_END_DECLS
