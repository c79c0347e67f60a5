/* anju-article-store.c: articles, their targets and attachments in SQLite.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-article-store.h"
#include "anju-content-json.h"
#include "anju-file-store.h"
#include "anju-json-columns.h"
#include "anju-permissions.h"
#include "anju-stmt.h"

const char * const anju_article_kinds[] = {
  "news", "notice", "guide", "publicity", "policy", NULL
};
const char * const anju_article_statuses[] = { "draft", "published", "unpublished", NULL };

void
anju_article_ref_clear (AnjuArticleRef *ref)
{
  g_clear_pointer (&ref->kind, g_free);
  g_clear_pointer (&ref->status, g_free);
  g_clear_pointer (&ref->org_path, g_free);
}

void
anju_article_input_init (AnjuArticleInput *input)
{
  *input = (AnjuArticleInput) {
    .target_org_ids = g_array_new (FALSE, FALSE, sizeof (gint64)),
    .attachment_ids = g_array_new (FALSE, FALSE, sizeof (gint64)),
  };
}

void
anju_article_input_clear (AnjuArticleInput *input)
{
  g_clear_pointer (&input->kind, g_free);
  g_clear_pointer (&input->title, g_free);
  g_clear_pointer (&input->summary, g_free);
  g_clear_pointer (&input->body, g_free);
  g_clear_pointer (&input->category, g_free);
  g_clear_pointer (&input->target_org_ids, g_array_unref);
  g_clear_pointer (&input->attachment_ids, g_array_unref);
  g_clear_pointer (&input->guide_materials, g_strfreev);
  g_clear_pointer (&input->guide_steps, g_strfreev);
  g_clear_pointer (&input->display_from, g_free);
  g_clear_pointer (&input->display_until, g_free);
}

void
anju_article_bind_reader (sqlite3_stmt     *stmt,
                          const AnjuCaller *caller)
{
  anju_db_bind_text (stmt, 1, caller->org_path);
  sqlite3_bind_int (stmt, 2, anju_caller_has_permission (caller, ANJU_PERM_CONTENT_WRITE));
}

gboolean
anju_article_store_load (AnjuDb         *db,
                         gint64          id,
                         AnjuArticleRef *out_ref,
                         GError        **error)
{
  g_auto(AnjuStmt) stmt = NULL;

  stmt = anju_db_prepare (db,
                          "SELECT a.id, a.kind, a.status, o.path FROM articles a"
                          " JOIN organisations o ON o.id = a.org_id WHERE a.id = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!anju_db_step_row (db, stmt, ANJU_ERROR_NOT_FOUND, _("No such article"), error))
    return FALSE;

  *out_ref = (AnjuArticleRef) {
    .id = sqlite3_column_int64 (stmt, 0),
    .kind = anju_db_column_dup (stmt, 1),
    .status = anju_db_column_dup (stmt, 2),
    .org_path = anju_db_column_dup (stmt, 3),
  };
  return TRUE;
}

gboolean
anju_article_store_may_read (AnjuDb           *db,
                             const AnjuCaller *caller,
                             gint64            id,
                             gboolean         *out_may_read,
                             GError          **error)
{
  g_auto(AnjuStmt) stmt = NULL;
  gint64 found = 0;

  stmt = anju_db_prepare (db, "SELECT a.id FROM articles a WHERE a.id = ?3 AND "
                              ANJU_ARTICLE_VISIBLE, error);
  if (stmt == NULL)
    return FALSE;
  anju_article_bind_reader (stmt, caller);
  sqlite3_bind_int64 (stmt, 3, id);
  if (!anju_db_step_id (db, stmt, &found, error))
    return FALSE;
  *out_may_read = found != 0;
  return TRUE;
}

/* ---- guide lists as JSON text ----------------------------------------- */

static char *
strv_to_json (const char * const *strv)
{
  g_autoptr(JsonArray) array = json_array_new ();
  g_autoptr(JsonNode) node = NULL;

  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    json_array_add_string_element (array, strv[i]);
  node = json_node_init_array (json_node_alloc (), array);
  return json_to_string (node, FALSE);
}

/* The stored array; an unreadable column (never written so) is empty. */
static GStrv
strv_from_column (sqlite3_stmt *stmt,
                  int           column)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  g_autoptr(JsonNode) node = text != NULL ? json_from_string (text, NULL) : NULL;

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        g_strv_builder_add (builder, json_array_get_string_element (array, i));
    }
  return g_strv_builder_end (builder);
}

/* ---- writes ------------------------------------------------------------ */

static gboolean
replace_id_rows (AnjuDb       *db,
                 const char   *delete_sql,
                 const char   *insert_sql,
                 gint64        article_id,
                 const GArray *ids,
                 GError      **error)
{
  if (!anju_db_exec_with_id (db, delete_sql, article_id, error))
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      g_auto(AnjuStmt) stmt = anju_db_prepare (db, insert_sql, error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, article_id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (ids, gint64, i));
      /* Lists that keep an order have a ?3 for the position. */
      if (sqlite3_bind_parameter_count (stmt) >= 3)
        sqlite3_bind_int (stmt, 3, (int) i);
      if (!anju_db_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_links (AnjuDb                 *db,
             gint64                  id,
             const AnjuArticleInput *input,
             GError                **error)
{
  return replace_id_rows (db, "DELETE FROM article_targets WHERE article_id = ?1",
                          "INSERT INTO article_targets (article_id, org_id) VALUES (?1, ?2)",
                          id, input->target_org_ids, error)
         && replace_id_rows (db, "DELETE FROM article_attachments WHERE article_id = ?1",
                             "INSERT INTO article_attachments (article_id, file_id, position)"
                             " VALUES (?1, ?2, ?3)",
                             id, input->attachment_ids, error);
}

/* Binds ?1 … ?8, ?12 and ?13 from input, in the order both writes list
 * them. */
static void
bind_input (sqlite3_stmt           *stmt,
            const AnjuArticleInput *input)
{
  gboolean guide = g_str_equal (input->kind, "guide");
  g_autofree char *materials = NULL;
  g_autofree char *steps = NULL;

  if (guide)
    {
      materials = strv_to_json ((const char * const *) input->guide_materials);
      steps = strv_to_json ((const char * const *) input->guide_steps);
    }

  anju_db_bind_text (stmt, 1, input->kind);
  anju_db_bind_text (stmt, 2, input->title);
  anju_db_bind_text (stmt, 3, input->summary);
  anju_db_bind_text (stmt, 4, input->body);
  anju_db_bind_text (stmt, 5, input->category);
  sqlite3_bind_text (stmt, 6, g_steal_pointer (&materials), -1, g_free);
  if (guide && input->guide_time_limit_days > 0)
    sqlite3_bind_int64 (stmt, 7, input->guide_time_limit_days);
  sqlite3_bind_text (stmt, 8, g_steal_pointer (&steps), -1, g_free);
  anju_db_bind_text (stmt, 12, input->display_from);
  anju_db_bind_text (stmt, 13, input->display_until);
}

gint64
anju_article_store_insert (AnjuDb                 *db,
                           const AnjuArticleInput *input,
                           gint64                  author_id,
                           gint64                  org_id,
                           gint64                  now,
                           GError                **error)
{
  g_auto(AnjuStmt) stmt = NULL;
  gint64 id;

  stmt = anju_db_prepare (db,
                          "INSERT INTO articles (kind, title, summary, body, category,"
                          " guide_materials, guide_time_limit_days, guide_steps, author_id,"
                          " org_id, created_at, updated_at, display_from, display_until)"
                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11, ?12, ?13)",
                          error);
  if (stmt == NULL)
    return 0;
  bind_input (stmt, input);
  sqlite3_bind_int64 (stmt, 9, author_id);
  sqlite3_bind_int64 (stmt, 10, org_id);
  sqlite3_bind_int64 (stmt, 11, now);
  if (!anju_db_step_done (db, stmt, error))
    return 0;

  id = anju_db_last_insert_id (db);
  return write_links (db, id, input, error) ? id : 0;
}

gboolean
anju_article_store_update (AnjuDb                 *db,
                           gint64                  id,
                           const AnjuArticleInput *input,
                           gint64                  now,
                           GError                **error)
{
  g_auto(AnjuStmt) stmt = NULL;

  stmt = anju_db_prepare (db,
                          "UPDATE articles SET kind = ?1, title = ?2, summary = ?3, body = ?4,"
                          " category = ?5, guide_materials = ?6, guide_time_limit_days = ?7,"
                          " guide_steps = ?8, updated_at = ?10, display_from = ?12,"
                          " display_until = ?13 WHERE id = ?9",
                          error);
  if (stmt == NULL)
    return FALSE;
  bind_input (stmt, input);
  sqlite3_bind_int64 (stmt, 9, id);
  sqlite3_bind_int64 (stmt, 10, now);
  return anju_db_step_done (db, stmt, error) && write_links (db, id, input, error);
}

gboolean
anju_article_store_set_status (AnjuDb     *db,
                               gint64      id,
                               const char *status,
                               gint64      now,
                               GError    **error)
{
  g_auto(AnjuStmt) stmt = NULL;

  stmt = anju_db_prepare (db,
                          "UPDATE articles SET status = ?2, updated_at = ?3,"
                          " published_at = CASE WHEN ?2 = 'published' THEN ?3 ELSE published_at END"
                          " WHERE id = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  anju_db_bind_text (stmt, 2, status);
  sqlite3_bind_int64 (stmt, 3, now);
  return anju_db_step_done (db, stmt, error);
}

gboolean
anju_article_store_archive_attachments (AnjuDb  *db,
                                        gint64   id,
                                        gint64   now,
                                        GError **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_auto(AnjuStmt) stmt = NULL;
  int rc;

  stmt = anju_db_prepare (db, "SELECT file_id FROM article_attachments WHERE article_id = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 file_id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, file_id);
    }
  if (rc != SQLITE_DONE)
    {
      anju_db_set_error (db, error);
      return FALSE;
    }

  for (guint i = 0; i < ids->len; i++)
    if (!anju_file_store_archive (db, g_array_index (ids, gint64, i), now, error))
      return FALSE;
  return TRUE;
}

gboolean
anju_article_store_delete (AnjuDb  *db,
                           gint64   id,
                           GError **error)
{
  return anju_db_exec_with_id (db, "DELETE FROM articles WHERE id = ?1", id, error);
}

/* ---- reads ------------------------------------------------------------- */

/* Appends the first column of every row of sql (with ?1 = id) to ids. */
static gboolean
collect_ids (AnjuDb     *db,
             const char *sql,
             gint64      id,
             GArray     *ids,
             GError    **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 value = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, value);
    }
  if (rc != SQLITE_DONE)
    {
      anju_db_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
anju_article_store_load_input (AnjuDb           *db,
                               gint64            id,
                               AnjuArticleInput *out_input,
                               GError          **error)
{
  g_auto(AnjuStmt) stmt = NULL;

  stmt = anju_db_prepare (db,
                          "SELECT kind, title, summary, body, category, guide_materials,"
                          " guide_time_limit_days, guide_steps, display_from, display_until"
                          " FROM articles WHERE id = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!anju_db_step_row (db, stmt, ANJU_ERROR_NOT_FOUND, _("No such article"), error))
    return FALSE;

  out_input->kind = anju_db_column_dup (stmt, 0);
  out_input->title = anju_db_column_dup (stmt, 1);
  out_input->summary = anju_db_column_dup (stmt, 2);
  out_input->body = anju_db_column_dup (stmt, 3);
  out_input->category = anju_db_column_dup (stmt, 4);
  out_input->display_from = anju_db_column_dup (stmt, 8);
  out_input->display_until = anju_db_column_dup (stmt, 9);
  if (g_str_equal (out_input->kind, "guide"))
    {
      out_input->guide_materials = strv_from_column (stmt, 5);
      out_input->guide_time_limit_days = sqlite3_column_int64 (stmt, 6);
      out_input->guide_steps = strv_from_column (stmt, 7);
    }

  return collect_ids (db, "SELECT org_id FROM article_targets WHERE article_id = ?1"
                          " ORDER BY org_id", id, out_input->target_org_ids, error)
         && collect_ids (db, "SELECT file_id FROM article_attachments WHERE article_id = ?1"
                             " ORDER BY position", id, out_input->attachment_ids, error);
}

static gboolean
add_targets (AnjuDb      *db,
             JsonBuilder *builder,
             gint64       id,
             GError     **error)
{
  g_auto(AnjuStmt) stmt = NULL;
  int rc;

  stmt = anju_db_prepare (db,
                          "SELECT o.id, o.name FROM article_targets t"
                          " JOIN organisations o ON o.id = t.org_id"
                          " WHERE t.article_id = ?1 ORDER BY o.path",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);

  json_builder_set_member_name (builder, "targets");
  json_builder_begin_array (builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      json_builder_begin_object (builder);
      anju_json_add_id_column (builder, "id", stmt, 0);
      anju_json_add_text_column (builder, "name", stmt, 1);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  if (rc != SQLITE_DONE)
    {
      anju_db_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
add_attachments (AnjuDb      *db,
                 JsonBuilder *builder,
                 gint64       id,
                 GError     **error)
{
  g_auto(AnjuStmt) stmt = NULL;
  int rc;

  stmt = anju_db_prepare (db,
                          "SELECT " ANJU_FILE_COLUMNS " FROM article_attachments x"
                          " JOIN files f ON f.id = x.file_id JOIN users fu ON fu.id = f.uploaded_by"
                          " WHERE x.article_id = ?1 ORDER BY x.position",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);

  json_builder_set_member_name (builder, "attachments");
  json_builder_begin_array (builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    json_builder_add_value (builder, anju_file_json_from_row (stmt, 0));
  json_builder_end_array (builder);
  if (rc != SQLITE_DONE)
    {
      anju_db_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

static void
add_string_array (JsonBuilder        *builder,
                  const char         *member,
                  const char * const *strv)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    json_builder_add_string_value (builder, strv[i]);
  json_builder_end_array (builder);
}

/* "guide": the details of a guide, null for the other kinds. */
static void
add_guide (JsonBuilder  *builder,
           sqlite3_stmt *stmt)
{
  g_auto(GStrv) materials = NULL;
  g_auto(GStrv) steps = NULL;

  json_builder_set_member_name (builder, "guide");
  if (!g_str_equal ((const char *) sqlite3_column_text (stmt, 1), "guide"))
    {
      json_builder_add_null_value (builder);
      return;
    }

  materials = strv_from_column (stmt, 10);
  steps = strv_from_column (stmt, 12);
  json_builder_begin_object (builder);
  add_string_array (builder, "materials", (const char * const *) materials);
  anju_json_add_id_column (builder, "time_limit_days", stmt, 11);
  add_string_array (builder, "steps", (const char * const *) steps);
  json_builder_end_object (builder);
}

JsonNode *
anju_article_json_from_row (AnjuDb       *db,
                            sqlite3_stmt *stmt,
                            gboolean      with_body,
                            GError      **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  gint64 id = sqlite3_column_int64 (stmt, 0);

  json_builder_begin_object (builder);
  anju_json_add_id_column (builder, "id", stmt, 0);
  anju_json_add_text_column (builder, "kind", stmt, 1);
  anju_json_add_text_column (builder, "title", stmt, 2);
  anju_json_add_text_column (builder, "summary", stmt, 3);
  if (with_body)
    anju_json_add_text_column (builder, "body", stmt, 4);
  anju_json_add_text_column (builder, "category", stmt, 5);
  anju_json_add_text_column (builder, "status", stmt, 6);
  anju_json_add_time_column (builder, "published_at", stmt, 7);
  anju_content_json_add_ref (builder, "author", stmt, 8);
  add_guide (builder, stmt);
  anju_json_add_time_column (builder, "created_at", stmt, 13);
  anju_json_add_time_column (builder, "updated_at", stmt, 14);
  anju_json_add_text_column (builder, "display_from", stmt, 15);
  anju_json_add_text_column (builder, "display_until", stmt, 16);
  json_builder_set_member_name (builder, "view_count");
  json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 17));
  if (!add_targets (db, builder, id, error) || !add_attachments (db, builder, id, error))
    return NULL;
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

JsonNode *
anju_article_store_to_json (AnjuDb  *db,
                            gint64   id,
                            gboolean with_body,
                            GError **error)
{
  g_auto(AnjuStmt) stmt = NULL;

  stmt = anju_db_prepare (db, "SELECT " ANJU_ARTICLE_COLUMNS " FROM " ANJU_ARTICLE_JOIN
                              " WHERE a.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!anju_db_step_row (db, stmt, ANJU_ERROR_NOT_FOUND, _("No such article"), error))
    return NULL;
  return anju_article_json_from_row (db, stmt, with_body, error);
}
