/* anju-session-cache.c: the callers this server built for session tokens.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anju-session-cache.h"

typedef struct
{
  char       *token_hash;     /* (owned) */
  AnjuCaller *caller;         /* (owned) */
  gint64      last_used_at;
  GList      *link;           /* (unowned) this entry's place in recent */
} Entry;

struct _AnjuSessionCache
{
  guint       max_entries;
  /* The generation of every entry: the newest one looked up. */
  gint64      generation;
  GHashTable *entries;        /* (owned) token hash → (owned) Entry */
  GQueue      recent;         /* of (unowned) Entry, most recently used first */
  int         n_kept;         /* atomic: read by tests from their thread */
};

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->token_hash);
  anju_caller_free (entry->caller);
  g_free (entry);
}

static void
forget_all (AnjuSessionCache *self)
{
  g_queue_clear (&self->recent);
  g_hash_table_remove_all (self->entries);
}

static void
forget_entry (AnjuSessionCache *self,
              Entry            *entry)
{
  g_queue_delete_link (&self->recent, entry->link);
  g_hash_table_remove (self->entries, entry->token_hash);
}

/* Another generation makes every entry stale.  Any other, not only a
 * newer one: a database restored from a backup starts again from the
 * backup's generation. */
static void
see_generation (AnjuSessionCache *self,
                gint64            generation)
{
  if (generation != self->generation)
    {
      forget_all (self);
      self->generation = generation;
    }
}

AnjuSessionCache *
anju_session_cache_new (guint max_entries)
{
  AnjuSessionCache *self;

  g_return_val_if_fail (max_entries >= 1, NULL);

  self = g_new0 (AnjuSessionCache, 1);
  self->max_entries = max_entries;
  self->generation = G_MININT64;
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, entry_free);
  g_queue_init (&self->recent);
  return self;
}

void
anju_session_cache_free (AnjuSessionCache *self)
{
  if (self == NULL)
    return;

  forget_all (self);
  g_hash_table_unref (self->entries);
  g_free (self);
}

const AnjuCaller *
anju_session_cache_lookup (AnjuSessionCache *self,
                           const char       *token_hash,
                           gint64            generation,
                           gint64           *out_last_used_at)
{
  Entry *entry;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (token_hash != NULL && out_last_used_at != NULL, NULL);

  see_generation (self, generation);
  entry = g_hash_table_lookup (self->entries, token_hash);
  if (entry == NULL)
    return NULL;

  if (entry->link != self->recent.head)
    {
      g_queue_unlink (&self->recent, entry->link);
      g_queue_push_head_link (&self->recent, entry->link);
    }
  *out_last_used_at = entry->last_used_at;
  return entry->caller;
}

/* Makes room first, dropping the least recently used when full. */
void
anju_session_cache_insert (AnjuSessionCache *self,
                           const char       *token_hash,
                           gint64            generation,
                           AnjuCaller       *caller,
                           gint64            last_used_at)
{
  Entry *entry;

  g_return_if_fail (self != NULL);
  g_return_if_fail (token_hash != NULL && caller != NULL);

  see_generation (self, generation);
  anju_session_cache_remove (self, token_hash);
  while (g_hash_table_size (self->entries) >= self->max_entries)
    forget_entry (self, g_queue_peek_tail (&self->recent));

  entry = g_new0 (Entry, 1);
  entry->token_hash = g_strdup (token_hash);
  entry->caller = caller;
  entry->last_used_at = last_used_at;
  g_queue_push_head (&self->recent, entry);
  entry->link = self->recent.head;
  g_hash_table_insert (self->entries, entry->token_hash, entry);
  g_atomic_int_inc (&self->n_kept);
}

void
anju_session_cache_set_last_used (AnjuSessionCache *self,
                                  const char       *token_hash,
                                  gint64            last_used_at)
{
  Entry *entry;

  g_return_if_fail (self != NULL && token_hash != NULL);

  entry = g_hash_table_lookup (self->entries, token_hash);
  if (entry != NULL)
    entry->last_used_at = last_used_at;
}

void
anju_session_cache_clear (AnjuSessionCache *self)
{
  g_return_if_fail (self != NULL);

  forget_all (self);
}

void
anju_session_cache_remove (AnjuSessionCache *self,
                           const char       *token_hash)
{
  Entry *entry;

  g_return_if_fail (self != NULL && token_hash != NULL);

  entry = g_hash_table_lookup (self->entries, token_hash);
  if (entry != NULL)
    forget_entry (self, entry);
}

guint
anju_session_cache_get_n_kept (AnjuSessionCache *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return (guint) g_atomic_int_get (&self->n_kept);
}
