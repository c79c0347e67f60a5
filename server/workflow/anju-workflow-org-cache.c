/* anju-workflow-org-cache.c: ancestors and actors kept per identity
 * generation (anju-workflow-org-cache.h). */
#include "config.h"

#include "anju-org-store.h"
#include "anju-stmt.h"
#include "anju-workflow-org-cache.h"

/* Enough for every (role, organisation) pair a city's processes use;
 * past it everything is forgotten rather than tracking use. */
#define MAX_ENTRIES 4096

struct _AnjuWfOrgCache
{
  GMutex      lock;
  gint64      generation;   /* of every entry: the newest one looked up */
  guint64     rollbacks;    /* the connection's, when they were read */
  GHashTable *ancestors;    /* org path → (owned) AnjuWfAncestors */
  GHashTable *actors;       /* "role\norg path" → (owned) GArray of gint64 */
  guint       n_read;
};

AnjuWfOrgCache *
anju_wf_org_cache_new (void)
{
  AnjuWfOrgCache *self = g_new0 (AnjuWfOrgCache, 1);

  g_mutex_init (&self->lock);
  self->generation = G_MININT64;
  self->ancestors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) anju_wf_ancestors_unref);
  self->actors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) g_array_unref);
  return self;
}

void
anju_wf_org_cache_free (AnjuWfOrgCache *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->ancestors);
  g_hash_table_unref (self->actors);
  g_mutex_clear (&self->lock);
  g_free (self);
}

/* The identity generation (0021-session-cache.sql): one row by its
 * primary key. */
static gboolean
read_generation (AnjuDb  *db,
                 gint64  *out_generation,
                 GError **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "SELECT generation FROM identity_generation"
                                           " WHERE id = 1",
                                           error);

  return stmt != NULL && anju_db_step_count (db, stmt, out_generation, error);
}

/* Called locked: any other generation than the entries' forgets them
 * (another one, not only a newer one: a rolled-back change takes its
 * increment back), and so does any rollback since they were read, as
 * they are read inside writes (anju_db_get_rollbacks()). */
static gboolean
see_generation (AnjuWfOrgCache  *self,
                AnjuDb          *db,
                GError         **error)
{
  guint64 rollbacks = anju_db_get_rollbacks (db);
  gint64 generation;

  if (!read_generation (db, &generation, error))
    return FALSE;
  if (generation != self->generation || rollbacks != self->rollbacks
      || g_hash_table_size (self->ancestors) + g_hash_table_size (self->actors) > MAX_ENTRIES)
    {
      g_hash_table_remove_all (self->ancestors);
      g_hash_table_remove_all (self->actors);
      self->generation = generation;
      self->rollbacks = rollbacks;
    }
  return TRUE;
}

AnjuWfAncestors *
anju_wf_org_cache_ancestors (AnjuWfOrgCache  *self,
                             AnjuDb          *db,
                             const char      *org_path,
                             GError         **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  AnjuWfAncestors *ancestors;

  if (self == NULL || org_path == NULL)
    return anju_wf_ancestors_load (db, org_path, error);
  locker = g_mutex_locker_new (&self->lock);
  if (!see_generation (self, db, error))
    return NULL;
  ancestors = g_hash_table_lookup (self->ancestors, org_path);
  if (ancestors == NULL)
    {
      ancestors = anju_wf_ancestors_load (db, org_path, error);
      if (ancestors == NULL)
        return NULL;
      self->n_read++;
      g_hash_table_insert (self->ancestors, g_strdup (org_path), ancestors);
    }
  return anju_wf_ancestors_ref (ancestors);
}

/* The users of role on the organisations of the path, each found
 * through the path index and then its users. */
static GArray *
read_actor_ids (AnjuDb      *db,
                const char  *role,
                const char  *org_path,
                GError     **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "WITH RECURSIVE " ANJU_ORG_ANCESTORS_CTE ("?2")
                                           " SELECT DISTINCT u.id FROM org_ancestors a"
                                           " JOIN organisations uo ON uo.path = a.path"
                                           " JOIN users u ON u.org_id = uo.id"
                                           " JOIN user_roles ur ON ur.user_id = u.id"
                                           " JOIN roles r ON r.id = ur.role_id"
                                           " WHERE r.code = ?1 AND u.status = 'active'"
                                           " ORDER BY u.id",
                                           error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (stmt == NULL)
    return NULL;
  anju_db_bind_text (stmt, 1, role);
  anju_db_bind_text (stmt, 2, org_path);
  if (!anju_db_step_add_ids (db, stmt, ids, error))
    return NULL;
  return g_steal_pointer (&ids);
}

gboolean
anju_wf_org_cache_actor_ids (AnjuWfOrgCache  *self,
                             AnjuDb          *db,
                             const char      *role,
                             const char      *org_path,
                             GArray          *out_ids,
                             GError         **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GArray) read = NULL;
  g_autofree char *key = NULL;
  GArray *ids;

  /* A role-less task has only its assignee (no one here); the query
   * matched nothing for it either. */
  if (role == NULL || org_path == NULL)
    return TRUE;
  if (self == NULL)
    {
      read = read_actor_ids (db, role, org_path, error);
      if (read != NULL)
        g_array_append_vals (out_ids, read->data, read->len);
      return read != NULL;
    }
  locker = g_mutex_locker_new (&self->lock);
  if (!see_generation (self, db, error))
    return FALSE;
  key = g_strconcat (role, "\n", org_path, NULL);
  ids = g_hash_table_lookup (self->actors, key);
  if (ids == NULL)
    {
      ids = read_actor_ids (db, role, org_path, error);
      if (ids == NULL)
        return FALSE;
      self->n_read++;
      g_hash_table_insert (self->actors, g_steal_pointer (&key), ids);
    }
  g_array_append_vals (out_ids, ids->data, ids->len);
  return TRUE;
}

guint
anju_wf_org_cache_get_n_read (AnjuWfOrgCache *self)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);

  return self->n_read;
}
