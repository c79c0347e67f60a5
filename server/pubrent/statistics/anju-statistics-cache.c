/* anju-statistics-cache.c: statistics answers already counted, and the
 * counts under way.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anju-statistics-cache.h"

typedef struct
{
  char   *key;          /* (owned) */
  gint64  generation;
  GBytes *answer;       /* (owned) */
  GList  *link;         /* (unowned) this entry's place in recent */
} Entry;

struct _AnjuStatisticsCache
{
  GObject     parent_instance;

  guint       max_entries;
  /* The newest generation looked up: entries of older ones are gone. */
  gint64      generation;
  GHashTable *entries;     /* (owned) key → (owned) Entry */
  GQueue      recent;      /* of (unowned) Entry, most recently used first */
  /* "generation key" → (owned) GPtrArray of (owned) waiting AnjuRequest */
  GHashTable *counting;    /* (owned) */
  int         n_counted;   /* atomic: read by tests from their thread */
};

G_DEFINE_FINAL_TYPE (AnjuStatisticsCache, anju_statistics_cache, G_TYPE_OBJECT)

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->key);
  g_bytes_unref (entry->answer);
  g_free (entry);
}

static char *
counting_key (const char *key,
              gint64      generation)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT " %s", generation, key);
}

static void
forget_all (AnjuStatisticsCache *self)
{
  g_queue_clear (&self->recent);
  g_hash_table_remove_all (self->entries);
}

static void
forget_entry (AnjuStatisticsCache *self,
              Entry               *entry)
{
  g_queue_delete_link (&self->recent, entry->link);
  g_hash_table_remove (self->entries, entry->key);
}

/* Another generation makes every kept answer stale.  Any other, not
 * only a newer one: a database restored from a backup starts again from
 * the backup's generation. */
static void
see_generation (AnjuStatisticsCache *self,
                gint64               generation)
{
  if (generation != self->generation)
    {
      forget_all (self);
      self->generation = generation;
    }
}

static void
anju_statistics_cache_finalize (GObject *object)
{
  AnjuStatisticsCache *self = ANJU_STATISTICS_CACHE (object);

  forget_all (self);
  g_clear_pointer (&self->entries, g_hash_table_unref);
  /* The server waits for every request in flight before it goes, so
   * nobody still waits here. */
  g_clear_pointer (&self->counting, g_hash_table_unref);

  G_OBJECT_CLASS (anju_statistics_cache_parent_class)->finalize (object);
}

static void
anju_statistics_cache_class_init (AnjuStatisticsCacheClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = anju_statistics_cache_finalize;
}

static void
anju_statistics_cache_init (AnjuStatisticsCache *self)
{
  self->generation = G_MININT64;
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, entry_free);
  self->counting = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) g_ptr_array_unref);
  g_queue_init (&self->recent);
}

AnjuStatisticsCache *
anju_statistics_cache_new (guint max_entries)
{
  AnjuStatisticsCache *self;

  g_return_val_if_fail (max_entries >= 1, NULL);

  self = g_object_new (ANJU_TYPE_STATISTICS_CACHE, NULL);
  self->max_entries = max_entries;
  return self;
}

GBytes *
anju_statistics_cache_lookup (AnjuStatisticsCache *self,
                              const char          *key,
                              gint64               generation)
{
  Entry *entry;

  g_return_val_if_fail (ANJU_IS_STATISTICS_CACHE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  see_generation (self, generation);
  entry = g_hash_table_lookup (self->entries, key);
  if (entry == NULL || entry->generation != generation)
    return NULL;

  g_queue_unlink (&self->recent, entry->link);
  g_queue_push_head_link (&self->recent, entry->link);
  return g_bytes_ref (entry->answer);
}

gboolean
anju_statistics_cache_begin (AnjuStatisticsCache *self,
                             const char          *key,
                             gint64               generation,
                             AnjuRequest         *request)
{
  g_autofree char *counting = counting_key (key, generation);
  GPtrArray *waiting;

  g_return_val_if_fail (ANJU_IS_STATISTICS_CACHE (self), FALSE);
  g_return_val_if_fail (key != NULL && request != NULL, FALSE);

  waiting = g_hash_table_lookup (self->counting, counting);
  if (waiting == NULL)
    {
      waiting = g_ptr_array_new_with_free_func ((GDestroyNotify) anju_request_unref);
      g_hash_table_insert (self->counting, g_steal_pointer (&counting), waiting);
      return TRUE;
    }

  anju_request_pause (request);
  g_ptr_array_add (waiting, anju_request_ref (request));
  return FALSE;
}

/* Keeps answer, first dropping the least recently used when full. */
static void
keep (AnjuStatisticsCache *self,
      const char          *key,
      GBytes              *answer,
      gint64               generation)
{
  Entry *entry = g_hash_table_lookup (self->entries, key);

  if (entry != NULL)
    forget_entry (self, entry);
  while (g_hash_table_size (self->entries) >= self->max_entries)
    forget_entry (self, g_queue_peek_tail (&self->recent));

  entry = g_new0 (Entry, 1);
  entry->key = g_strdup (key);
  entry->generation = generation;
  entry->answer = g_bytes_ref (answer);
  g_queue_push_head (&self->recent, entry);
  entry->link = self->recent.head;
  g_hash_table_insert (self->entries, entry->key, entry);
}

GPtrArray *
anju_statistics_cache_end (AnjuStatisticsCache *self,
                           const char          *key,
                           gint64               generation,
                           GBytes              *answer,
                           gint64               answer_generation)
{
  g_autofree char *counting = counting_key (key, generation);
  g_autofree char *stolen_key = NULL;
  gpointer waiting = NULL;

  g_return_val_if_fail (ANJU_IS_STATISTICS_CACHE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (!g_hash_table_steal_extended (self->counting, counting, (gpointer *) &stolen_key, &waiting))
    g_return_val_if_reached (g_ptr_array_new ());

  /* An answer from before the newest generation seen would never be
   * served again: not worth a place. */
  if (answer != NULL)
    g_atomic_int_inc (&self->n_counted);
  if (answer != NULL && answer_generation >= self->generation)
    {
      see_generation (self, answer_generation);
      keep (self, key, answer, answer_generation);
    }
  return waiting;
}

guint
anju_statistics_cache_get_size (AnjuStatisticsCache *self)
{
  g_return_val_if_fail (ANJU_IS_STATISTICS_CACHE (self), 0);

  return g_hash_table_size (self->entries);
}

guint
anju_statistics_cache_get_n_counted (AnjuStatisticsCache *self)
{
  g_return_val_if_fail (ANJU_IS_STATISTICS_CACHE (self), 0);

  return (guint) g_atomic_int_get (&self->n_counted);
}
