/* anju-honor-roll-store.c: honor-roll entries in SQLite.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-honor-roll-store.h"
#include "anju-json-columns.h"
#include "anju-stmt.h"

const char * const anju_honor_categories[] = { "enterprise", "supplier", "staff", NULL };

#define COLUMNS \
  "id, category, rank, name, subtitle, community, rating, description, photo_file_id," \
  " updated_at"
/* Categories in display order, then rank; of two entries of one rank
 * the one placed last comes first (it is the newer ranking). */
#define ORDER \
  " ORDER BY CASE category WHEN 'enterprise' THEN 0 WHEN 'supplier' THEN 1 ELSE 2 END," \
  " rank, updated_at DESC, id DESC"

void
anju_honor_entry_clear (AnjuHonorEntry *entry)
{
  g_clear_pointer (&entry->category, g_free);
  g_clear_pointer (&entry->name, g_free);
  g_clear_pointer (&entry->subtitle, g_free);
  g_clear_pointer (&entry->community, g_free);
  g_clear_pointer (&entry->rating, g_free);
  g_clear_pointer (&entry->description, g_free);
}

gboolean
anju_honor_store_load (AnjuDb          *db,
                       gint64           id,
                       AnjuHonorEntry  *out_entry,
                       GError         **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db, "SELECT " COLUMNS " FROM honor_roll_entries"
                                               " WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!anju_db_step_row (db, stmt, ANJU_ERROR_NOT_FOUND, _("No such honor-roll entry"), error))
    return FALSE;
  *out_entry = (AnjuHonorEntry) {
    .category = anju_db_column_dup (stmt, 1),
    .rank = sqlite3_column_int64 (stmt, 2),
    .name = anju_db_column_dup (stmt, 3),
    .subtitle = anju_db_column_dup (stmt, 4),
    .community = anju_db_column_dup (stmt, 5),
    .rating = anju_db_column_dup (stmt, 6),
    .description = anju_db_column_dup (stmt, 7),
    .photo_file_id = sqlite3_column_int64 (stmt, 8),
  };
  return TRUE;
}

/* ?1 … ?8 from entry, ?9 now, in the order both writes list them. */
static void
bind_entry (sqlite3_stmt         *stmt,
            const AnjuHonorEntry *entry,
            gint64                now)
{
  anju_db_bind_text (stmt, 1, entry->category);
  sqlite3_bind_int64 (stmt, 2, entry->rank);
  anju_db_bind_text (stmt, 3, entry->name);
  anju_db_bind_text (stmt, 4, entry->subtitle);
  anju_db_bind_text (stmt, 5, entry->community);
  anju_db_bind_text (stmt, 6, entry->rating);
  anju_db_bind_text (stmt, 7, entry->description);
  if (entry->photo_file_id != 0)
    sqlite3_bind_int64 (stmt, 8, entry->photo_file_id);
  sqlite3_bind_int64 (stmt, 9, now);
}

gint64
anju_honor_store_insert (AnjuDb                *db,
                         const AnjuHonorEntry  *entry,
                         gint64                 now,
                         GError               **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "INSERT INTO honor_roll_entries (category, rank, name,"
                                           " subtitle, community, rating, description,"
                                           " photo_file_id, created_at, updated_at)"
                                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
                                           error);

  if (stmt == NULL)
    return 0;
  bind_entry (stmt, entry, now);
  return anju_db_step_done (db, stmt, error) ? anju_db_last_insert_id (db) : 0;
}

gboolean
anju_honor_store_update (AnjuDb                *db,
                         gint64                 id,
                         const AnjuHonorEntry  *entry,
                         gint64                 now,
                         GError               **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "UPDATE honor_roll_entries SET category = ?1,"
                                           " rank = ?2, name = ?3, subtitle = ?4,"
                                           " community = ?5, rating = ?6, description = ?7,"
                                           " photo_file_id = ?8, updated_at = ?9"
                                           " WHERE id = ?10",
                                           error);

  if (stmt == NULL)
    return FALSE;
  bind_entry (stmt, entry, now);
  sqlite3_bind_int64 (stmt, 10, id);
  return anju_db_step_done (db, stmt, error);
}

gboolean
anju_honor_store_delete (AnjuDb  *db,
                         gint64   id,
                         GError **error)
{
  return anju_db_exec_with_id (db, "DELETE FROM honor_roll_entries WHERE id = ?1", id, error);
}

static JsonNode *
entry_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  anju_json_add_id_column (builder, "id", stmt, 0);
  anju_json_add_text_column (builder, "category", stmt, 1);
  json_builder_set_member_name (builder, "rank");
  json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 2));
  anju_json_add_text_column (builder, "name", stmt, 3);
  anju_json_add_text_column (builder, "subtitle", stmt, 4);
  anju_json_add_text_column (builder, "community", stmt, 5);
  anju_json_add_text_column (builder, "rating", stmt, 6);
  anju_json_add_text_column (builder, "description", stmt, 7);
  anju_json_add_id_column (builder, "photo_file_id", stmt, 8);
  anju_json_add_time_column (builder, "updated_at", stmt, 9);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

JsonNode *
anju_honor_store_to_json (AnjuDb  *db,
                          gint64   id,
                          GError **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db, "SELECT " COLUMNS " FROM honor_roll_entries"
                                               " WHERE id = ?1", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!anju_db_step_row (db, stmt, ANJU_ERROR_NOT_FOUND, _("No such honor-roll entry"), error))
    return NULL;
  return entry_from_row (stmt);
}

JsonNode *
anju_honor_store_list (AnjuDb      *db,
                       const char  *category,
                       guint        limit,
                       GError     **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db, "SELECT " COLUMNS " FROM honor_roll_entries"
                                               " WHERE ?1 IS NULL OR category = ?1" ORDER
                                               " LIMIT ?2", error);
  g_autoptr(JsonArray) items = json_array_new ();
  int rc;

  if (stmt == NULL)
    return NULL;
  anju_db_bind_text (stmt, 1, category);
  sqlite3_bind_int64 (stmt, 2, limit == 0 ? -1 : (gint64) limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    json_array_add_element (items, entry_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      anju_db_set_error (db, error);
      return NULL;
    }
  return json_node_init_array (json_node_alloc (), items);
}
