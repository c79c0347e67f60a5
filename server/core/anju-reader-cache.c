/* anju-reader-cache.c: what a reader connection keeps by SQL text.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "anju-reader-cache.h"
#include "anju-str-hash.h"

struct _AnjuReaderCache
{
  GHashTable *by_key;      /* (owned) SQL with its values → (owned) Entry */
  gsize       n_bytes;     /* what by_key takes, about */
  gsize       max_bytes;
};

typedef struct
{
  gsize    n_bytes;        /* the key's and the value's */
  gpointer value;          /* (owned) */
} Entry;

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->value);
  g_free (entry);
}

static void
cache_free (gpointer data)
{
  AnjuReaderCache *self = data;

  g_hash_table_unref (self->by_key);
  g_free (self);
}

AnjuReaderCache *
anju_reader_cache_get (AnjuDb     *reader,
                       const char *name,
                       gsize       max_bytes)
{
  AnjuReaderCache *self = g_object_get_data (G_OBJECT (reader), name);

  if (self == NULL)
    {
      self = g_new0 (AnjuReaderCache, 1);
      self->by_key = g_hash_table_new_full (anju_str_hash, g_str_equal, g_free, entry_free);
      self->max_bytes = max_bytes;
      g_object_set_data_full (G_OBJECT (reader), name, self, cache_free);
    }
  return self;
}

gpointer
anju_reader_cache_lookup (AnjuReaderCache *self,
                          const char      *key)
{
  Entry *entry = g_hash_table_lookup (self->by_key, key);

  return entry != NULL ? entry->value : NULL;
}

void
anju_reader_cache_keep (AnjuReaderCache *self,
                        char            *key,
                        gpointer         value,
                        gsize            value_bytes)
{
  gsize n_bytes = strlen (key) + 1 + sizeof (Entry) + value_bytes;
  Entry *old = g_hash_table_lookup (self->by_key, key);
  Entry *entry;

  if (old != NULL)
    {
      self->n_bytes -= old->n_bytes;
      g_hash_table_remove (self->by_key, key);
    }
  if (n_bytes > self->max_bytes)
    {
      g_free (key);
      g_free (value);
      return;
    }
  if (self->n_bytes + n_bytes > self->max_bytes)
    {
      g_hash_table_remove_all (self->by_key);
      self->n_bytes = 0;
    }
  entry = g_new (Entry, 1);
  *entry = (Entry) { n_bytes, value };
  self->n_bytes += n_bytes;
  g_hash_table_insert (self->by_key, key, entry);
}
