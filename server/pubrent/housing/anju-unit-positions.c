/* anju-unit-positions.c: where every page of a long unit list starts.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "anju-stmt.h"
#include "anju-unit-positions.h"

/* What the kept lists may take before the cache forgets them all.  A
 * 600 000 unit list keeps under 5 000 numbers (about 200 KiB), one
 * project's list in one state a few hundred bytes with its key: the
 * city's 1 500 projects in each state fit several times over.  Counting
 * lists instead (64 of them) had the city unit-list scenario, which goes
 * round every project, walk again on nearly every request. */
#define MAX_BYTES (4 * 1024 * 1024)
#define NO_VERSION G_MININT64

struct _AnjuUnitPositions
{
  gint       ref_count;
  gint64     version;   /* pubrent_units_version it holds for */
  gint64     total;
  GPtrArray *starts;    /* (owned) starts[i]: the unit number at i × STEP */
  gsize      n_bytes;   /* what it takes, about */
};

/* One list (its keys SQL with its values). */
typedef struct
{
  AnjuUnitPositions *positions;  /* (owned) (nullable) the newest kept */
  gint64             walking;    /* the version a walk is under way for, or NO_VERSION */
} List;

struct _AnjuUnitPositionsCache
{
  GObject     parent_instance;

  GMutex      lock;
  GCond       walked;    /* broadcast whenever a walk ends */
  GHashTable *lists;     /* (owned) keys SQL → (owned) List; under lock */
  gsize       n_bytes;   /* what lists takes, about; under lock */
  guint       n_walks;   /* under lock */
};

G_DEFINE_FINAL_TYPE (AnjuUnitPositionsCache, anju_unit_positions_cache, G_TYPE_OBJECT)

AnjuUnitPositions *
anju_unit_positions_ref (AnjuUnitPositions *self)
{
  g_atomic_int_inc (&self->ref_count);
  return self;
}

void
anju_unit_positions_unref (AnjuUnitPositions *self)
{
  if (g_atomic_int_dec_and_test (&self->ref_count))
    {
      g_ptr_array_unref (self->starts);
      g_free (self);
    }
}

static void
list_free (gpointer data)
{
  List *list = data;

  g_clear_pointer (&list->positions, anju_unit_positions_unref);
  g_free (list);
}

static AnjuUnitPositions *
walk_keys (AnjuDb        *reader,
           sqlite3_stmt  *keys,
           gint64         version,
           GError       **error)
{
  AnjuUnitPositions *self = g_new0 (AnjuUnitPositions, 1);
  int rc;

  self->ref_count = 1;
  self->version = version;
  self->starts = g_ptr_array_new_with_free_func (g_free);
  self->n_bytes = sizeof *self;
  while ((rc = sqlite3_step (keys)) == SQLITE_ROW)
    {
      if (self->total % ANJU_UNIT_POSITIONS_STEP == 0)
        {
          const char *start = (const char *) sqlite3_column_text (keys, 0);

          g_ptr_array_add (self->starts, g_strdup (start));
          self->n_bytes += sizeof (gpointer) + strlen (start) + 1;
        }
      self->total++;
    }
  if (rc != SQLITE_DONE)
    {
      anju_db_set_error (reader, error);
      anju_unit_positions_unref (self);
      return NULL;
    }
  return self;
}

/* Under lock. */
static List *
lookup_list (AnjuUnitPositionsCache *self,
             const char             *key)
{
  List *list = g_hash_table_lookup (self->lists, key);

  if (list == NULL)
    {
      gsize n_bytes = sizeof *list + strlen (key) + 1;

      /* Nobody holds a List outside the lock: forgetting them all only
       * makes walks under way keep their answer under a new one. */
      if (self->n_bytes + n_bytes > MAX_BYTES)
        {
          g_hash_table_remove_all (self->lists);
          self->n_bytes = 0;
        }
      self->n_bytes += n_bytes;
      list = g_new0 (List, 1);
      list->walking = NO_VERSION;
      g_hash_table_insert (self->lists, g_strdup (key), list);
    }
  return list;
}

/* Under lock: kept positions of version, after waiting for a walk of
 * that version under way; NULL when the caller must walk (it is then
 * marked as walking). */
static AnjuUnitPositions *
find_or_wait (AnjuUnitPositionsCache *self,
              const char             *key,
              gint64                  version)
{
  for (;;)
    {
      List *list = lookup_list (self, key);

      if (list->positions != NULL && list->positions->version == version)
        return anju_unit_positions_ref (list->positions);
      if (list->walking != version)
        {
          list->walking = version;
          return NULL;
        }
      g_cond_wait (&self->walked, &self->lock);
    }
}

/* Under lock: the walk of version ended with positions (NULL: it failed);
 * waiters wake and use them, or walk themselves. */
static void
end_walk (AnjuUnitPositionsCache *self,
          const char             *key,
          gint64                  version,
          AnjuUnitPositions      *positions)
{
  List *list = lookup_list (self, key);

  if (list->walking == version)
    list->walking = NO_VERSION;
  if (positions != NULL)
    {
      self->n_walks++;
      if (list->positions == NULL || list->positions->version < positions->version)
        {
          if (list->positions != NULL)
            self->n_bytes -= list->positions->n_bytes;
          g_clear_pointer (&list->positions, anju_unit_positions_unref);
          list->positions = anju_unit_positions_ref (positions);
          self->n_bytes += positions->n_bytes;
        }
    }
  g_cond_broadcast (&self->walked);
}

static void
anju_unit_positions_cache_finalize (GObject *object)
{
  AnjuUnitPositionsCache *self = ANJU_UNIT_POSITIONS_CACHE (object);

  g_clear_pointer (&self->lists, g_hash_table_unref);
  g_cond_clear (&self->walked);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (anju_unit_positions_cache_parent_class)->finalize (object);
}

static void
anju_unit_positions_cache_class_init (AnjuUnitPositionsCacheClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = anju_unit_positions_cache_finalize;
}

static void
anju_unit_positions_cache_init (AnjuUnitPositionsCache *self)
{
  g_mutex_init (&self->lock);
  g_cond_init (&self->walked);
  self->lists = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, list_free);
}

AnjuUnitPositionsCache *
anju_unit_positions_cache_new (void)
{
  return g_object_new (ANJU_TYPE_UNIT_POSITIONS_CACHE, NULL);
}

AnjuUnitPositions *
anju_unit_positions_cache_get (AnjuUnitPositionsCache  *self,
                               AnjuDb                  *reader,
                               sqlite3_stmt            *keys,
                               GError                 **error)
{
  g_autofree char *key = NULL;
  AnjuUnitPositions *positions;
  gint64 version;

  g_return_val_if_fail (ANJU_IS_UNIT_POSITIONS_CACHE (self), NULL);
  /* The version and the walk must see one snapshot (anju-db-worker.h). */
  g_return_val_if_fail (!sqlite3_get_autocommit (anju_db_get_handle (reader)), NULL);

  if ((key = anju_db_expanded_sql (keys, error)) == NULL
      || !anju_db_query_count (reader, "SELECT version FROM pubrent_units_version WHERE id = 1",
                               &version, error))
    return NULL;

  g_mutex_lock (&self->lock);
  positions = find_or_wait (self, key, version);
  g_mutex_unlock (&self->lock);
  if (positions != NULL)
    return positions;

  /* This thread walks; others asking for this list at this version wait
   * for it. */
  positions = walk_keys (reader, keys, version, error);

  g_mutex_lock (&self->lock);
  end_walk (self, key, version, positions);
  g_mutex_unlock (&self->lock);
  return positions;
}

guint
anju_unit_positions_cache_get_n_walks (AnjuUnitPositionsCache *self)
{
  guint n;

  g_return_val_if_fail (ANJU_IS_UNIT_POSITIONS_CACHE (self), 0);

  g_mutex_lock (&self->lock);
  n = self->n_walks;
  g_mutex_unlock (&self->lock);
  return n;
}

gint64
anju_unit_positions_get_total (const AnjuUnitPositions *self)
{
  return self->total;
}

const char *
anju_unit_positions_find (const AnjuUnitPositions *self,
                          gint64                   offset,
                          gint64                  *out_skip)
{
  gint64 i = offset / ANJU_UNIT_POSITIONS_STEP;

  *out_skip = 0;
  if (offset < 0 || offset >= self->total)
    return NULL;
  *out_skip = offset - i * ANJU_UNIT_POSITIONS_STEP;
  return g_ptr_array_index (self->starts, i);
}
