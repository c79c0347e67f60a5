/* anju-unit-positions.c: where every page of a long unit list starts.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anju-stmt.h"
#include "anju-unit-positions.h"

/* The reader's lists, by their keys SQL with its values (GHashTable). */
#define CACHE_DATA "anju-unit-positions"
/* Lists kept per reader before it forgets them all: the filters people
 * use at one time are few, and each list is small (a 600 000 unit list
 * keeps under 5 000 numbers). */
#define MAX_LISTS 32

struct _AnjuUnitPositions
{
  gint64     version;   /* pubrent_units_version it holds for; -1 none */
  gint64     total;
  GPtrArray *starts;    /* (owned) starts[i]: the unit number at i × STEP */
};

static void
positions_free (gpointer data)
{
  AnjuUnitPositions *self = data;

  g_ptr_array_unref (self->starts);
  g_free (self);
}

static gboolean
read_version (AnjuDb   *reader,
              gint64   *out_version,
              GError  **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (reader, "SELECT version FROM pubrent_units_version"
                                                   " WHERE id = 1", error);

  return stmt != NULL && anju_db_step_count (reader, stmt, out_version, error);
}

static AnjuUnitPositions *
walk_keys (AnjuDb        *reader,
           sqlite3_stmt  *keys,
           GError       **error)
{
  AnjuUnitPositions *self = g_new0 (AnjuUnitPositions, 1);
  int rc;

  self->starts = g_ptr_array_new_with_free_func (g_free);
  while ((rc = sqlite3_step (keys)) == SQLITE_ROW)
    {
      if (self->total % ANJU_UNIT_POSITIONS_STEP == 0)
        g_ptr_array_add (self->starts, g_strdup ((const char *) sqlite3_column_text (keys, 0)));
      self->total++;
    }
  if (rc != SQLITE_DONE)
    {
      anju_db_set_error (reader, error);
      positions_free (self);
      return NULL;
    }
  return self;
}

static GHashTable *
reader_lists (AnjuDb *reader)
{
  GHashTable *lists = g_object_get_data (G_OBJECT (reader), CACHE_DATA);

  if (lists == NULL)
    {
      lists = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, positions_free);
      g_object_set_data_full (G_OBJECT (reader), CACHE_DATA, lists,
                              (GDestroyNotify) g_hash_table_unref);
    }
  return lists;
}

const AnjuUnitPositions *
anju_unit_positions_get (AnjuDb        *reader,
                         sqlite3_stmt  *keys,
                         GError       **error)
{
  GHashTable *lists = reader_lists (reader);
  char *expanded = sqlite3_expanded_sql (keys);
  g_autofree char *list = g_strdup (expanded);
  AnjuUnitPositions *self;
  gint64 before, after;

  sqlite3_free (expanded);
  if (list == NULL)
    {
      g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_DATABASE, "Out of memory");
      return NULL;
    }
  if (!read_version (reader, &before, error))
    return NULL;
  self = g_hash_table_lookup (lists, list);
  if (self != NULL && self->version == before)
    return self;

  self = walk_keys (reader, keys, error);
  if (self == NULL)
    return NULL;
  /* Each statement reads the last commit: only when no change came
   * between the two versions did the walk see the list of version
   * before; otherwise it answers this request and is not kept. */
  if (!read_version (reader, &after, error))
    {
      positions_free (self);
      return NULL;
    }
  self->version = after == before ? before : -1;
  if (g_hash_table_size (lists) >= MAX_LISTS)
    g_hash_table_remove_all (lists);
  g_hash_table_replace (lists, g_steal_pointer (&list), self);
  return self;
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
