/* anju-workflow-org-cache.h: the organisations above an instance's and
 * the users who may act on a task there, kept between operations.
 *
 * Every start and every approval that enters a step reads the ancestors
 * of the instance's organisation (for the step's level) and the users
 * holding the step's role on them (to tell them): at city size the
 * center alone has 300 users, each probed for the role, about 0.15 ms a
 * task on the main connection.  What both read changes only with the
 * identity generation (0021-session-cache.sql), which triggers raise in
 * the transaction of every change to a user's organisation or status, to
 * an organisation's path or kind, or to who holds which role.  So, like
 * the session cache, every answer is kept at the generation it was read
 * at, and a lookup at any other generation forgets them all first; the
 * generation is one row read by primary key.
 *
 * One cache per AnjuWorkflow; it locks itself, so any thread may use it.
 */
#pragma once

#include "anju-db.h"
#include "anju-workflow-levels.h"

G_BEGIN_DECLS

typedef struct _AnjuWfOrgCache AnjuWfOrgCache;

AnjuWfOrgCache  *anju_wf_org_cache_new       (void);
void             anju_wf_org_cache_free      (AnjuWfOrgCache  *self);

/* (transfer full) The ancestors-or-self of org_path, nearest first. */
AnjuWfAncestors *anju_wf_org_cache_ancestors (AnjuWfOrgCache  *self,
                                              AnjuDb          *db,
                                              const char      *org_path,
                                              GError         **error);
/* Appends the ids of the active users who hold role in org_path or an
 * organisation above it, in id order. */
gboolean         anju_wf_org_cache_actor_ids (AnjuWfOrgCache  *self,
                                              AnjuDb          *db,
                                              const char      *role,
                                              const char      *org_path,
                                              GArray          *out_ids,
                                              GError         **error);

/* How many answers were read from the database since the cache was
 * made (each one that no kept answer served), for tests. */
guint            anju_wf_org_cache_get_n_read (AnjuWfOrgCache *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnjuWfOrgCache, anju_wf_org_cache_free)

G_END_DECLS
