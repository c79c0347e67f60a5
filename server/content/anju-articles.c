/* anju-articles.c: list, read, write, publish and delete articles.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-article-input.h"
#include "anju-article-store.h"
#include "anju-articles.h"
#include "anju-content-write.h"
#include "anju-caller.h"
#include "anju-clock.h"
#include "anju-permissions.h"
#include "anju-sql-pattern.h"
#include "anju-stmt.h"
#include "anju-validation.h"

#define TITLE_MAX 200
#define SUMMARY_MAX 500
#define BODY_MAX 100000
#define CATEGORY_MAX 50
#define DATE_MAX 10

static gint64
request_now (AnjuRequest *request)
{
  return anju_clock_now_secs (anju_request_get_clock (request));
}

static gboolean
may_read (AnjuRequest *request,
          gint64       id,
          gboolean    *out_may_read)
{
  g_autoptr(GError) error = NULL;

  if (anju_article_store_may_read (anju_request_get_db (request),
                                   anju_request_get_caller (request), id, out_may_read, &error))
    return TRUE;
  anju_request_reply_error (request, error);
  return FALSE;
}

/* For writes: 404 when the article does not exist or the caller may not
 * even read it, 403 when it belongs outside the caller's scope.  Replies
 * and returns FALSE on either. */
static gboolean
load_for_action (AnjuRequest    *request,
                 AnjuArticleRef *ref)
{
  g_autoptr(GError) error = NULL;
  gboolean readable = FALSE;
  gint64 id;

  if (!anju_request_get_path_id (request, "id", &id))
    return FALSE;
  if (!anju_article_store_load (anju_request_get_db (request), id, ref, &error))
    {
      anju_request_reply_error (request, error);
      return FALSE;
    }
  if (anju_caller_can_see_org_path (anju_request_get_caller (request), ref->org_path))
    return TRUE;

  if (may_read (request, id, &readable))
    {
      if (readable)
        anju_reply_error_code (request, ANJU_ERROR_FORBIDDEN,
                               _("This article belongs to an organisation outside your data scope"));
      else
        anju_reply_error_code (request, ANJU_ERROR_NOT_FOUND, _("No such article"));
    }
  return FALSE;
}

static JsonNode *
article_json (AnjuDb  *db,
              gint64   id,
              GError **error)
{
  return anju_article_store_to_json (db, id, TRUE, error);
}

static const AnjuContentKind article_kind = { "article", article_json };

/* ---- reads ------------------------------------------------------------- */

typedef struct
{
  const AnjuCaller *caller;
  const char       *kind;
  const char       *status;
  const char       *pattern;
} ArticleListFilters;

/* An absent filter stays NULL, which the WHERE clause reads as "any". */
static void
bind_list_filters (sqlite3_stmt  *stmt,
                   gconstpointer  bind_data)
{
  const ArticleListFilters *filters = bind_data;

  anju_article_bind_reader (stmt, filters->caller);
  anju_db_bind_text (stmt, 3, filters->kind);
  anju_db_bind_text (stmt, 4, filters->status);
  anju_db_bind_text (stmt, 5, filters->pattern);
}

static JsonNode *
article_item (sqlite3_stmt *stmt,
              gpointer      user_data,
              GError      **error)
{
  return anju_article_json_from_row (user_data, stmt, FALSE, error);
}

/* The kind and status filters must name real ones (422 otherwise). */
static gboolean
check_list_enums (AnjuRequest *request,
                  const char  *kind,
                  const char  *status)
{
  if (kind != NULL && !g_strv_contains (anju_article_kinds, kind))
    anju_request_add_field_error (request, "kind",
                                  _("Must be one of: news, notice, guide, publicity, policy"));
  if (status != NULL && !g_strv_contains (anju_article_statuses, status))
    anju_request_add_field_error (request, "status",
                                  _("Must be one of: draft, published, unpublished"));
  if (!anju_request_has_field_errors (request))
    return TRUE;
  anju_reply_validation_failed (request);
  return FALSE;
}

static void
handle_list (AnjuRequest *request)
{
  /* Readers see only published articles whatever ?status= says, so the
   * filter cannot reveal drafts to them. */
#define ARTICLE_LIST_WHERE \
  " WHERE " ANJU_ARTICLE_VISIBLE \
  " AND (?3 IS NULL OR a.kind = ?3)" \
  " AND (?4 IS NULL OR a.status = ?4)" \
  " AND (?5 IS NULL OR a.title LIKE ?5 ESCAPE '\\' OR a.body LIKE ?5 ESCAPE '\\')"
  const char *kind = anju_request_get_query (request, "kind");
  const char *status = anju_request_get_query (request, "status");
  g_autofree char *pattern = anju_sql_contains_pattern (anju_request_get_query (request, "q"));
  const ArticleListFilters filters = {
    anju_request_get_caller (request), kind, status, pattern,
  };
  g_autoptr(GError) error = NULL;
  guint page, page_size;

  if (!anju_request_get_paging (request, &page, &page_size, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  if (!check_list_enums (request, kind, status))
    return;

  anju_request_reply_list (request,
                           "SELECT COUNT(*) FROM articles a" ARTICLE_LIST_WHERE,
                           "SELECT " ANJU_ARTICLE_COLUMNS " FROM " ANJU_ARTICLE_JOIN
                           ARTICLE_LIST_WHERE
                           " ORDER BY coalesce (a.published_at, a.updated_at) DESC, a.id DESC"
                           " LIMIT ?6 OFFSET ?7",
                           6, page, page_size, bind_list_filters, &filters,
                           article_item, anju_request_get_db (request));
#undef ARTICLE_LIST_WHERE
}

static void
handle_get (AnjuRequest *request)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = NULL;
  gboolean readable = FALSE;
  gint64 id;

  if (!anju_request_get_path_id (request, "id", &id) || !may_read (request, id, &readable))
    return;
  if (!readable)
    g_set_error_literal (&error, ANJU_ERROR, ANJU_ERROR_NOT_FOUND, _("No such article"));
  else
    node = anju_article_store_to_json (anju_request_get_db (request), id, TRUE, &error);

  if (node == NULL)
    anju_request_reply_error (request, error);
  else
    anju_request_reply_json (request, SOUP_STATUS_OK, node);
}

/* ---- writes ------------------------------------------------------------ */

static const AnjuFieldSpec create_body[] = {
  { "kind", ANJU_FIELD_STRING, ANJU_FIELD_REQUIRED, anju_article_kinds, 0,
    "news, notice, guide, publicity or policy" },
  { "title", ANJU_FIELD_STRING, ANJU_FIELD_REQUIRED, NULL, TITLE_MAX, "Title" },
  { "summary", ANJU_FIELD_STRING, ANJU_FIELD_NULLABLE, NULL, SUMMARY_MAX,
    "One or two sentences for lists" },
  { "body", ANJU_FIELD_STRING, ANJU_FIELD_REQUIRED, NULL, BODY_MAX, "The text" },
  { "category", ANJU_FIELD_STRING, ANJU_FIELD_NULLABLE, NULL, CATEGORY_MAX,
    "Free category, e.g. 政策解读" },
  { "target_org_ids", ANJU_FIELD_INT_ARRAY, ANJU_FIELD_OPTIONAL, NULL, 0,
    "Organisations whose users (and their sub-organisations') may read it; empty = everyone" },
  { "attachment_ids", ANJU_FIELD_INT_ARRAY, ANJU_FIELD_OPTIONAL, NULL, 0,
    "Files the caller uploaded (POST /files), in order" },
  { "guide", ANJU_FIELD_OBJECT, ANJU_FIELD_NULLABLE, NULL, 0,
    "Guides only: {materials: [string], time_limit_days: int|null, steps: [string]}" },
  { "display_from", ANJU_FIELD_STRING, ANJU_FIELD_NULLABLE, NULL, DATE_MAX,
    "First day terminals show it, YYYY-MM-DD; null: no bound" },
  { "display_until", ANJU_FIELD_STRING, ANJU_FIELD_NULLABLE, NULL, DATE_MAX,
    "Last day terminals show it, YYYY-MM-DD, not before display_from; null: no bound" },
  { NULL }
};

static const AnjuFieldSpec update_body[] = {
  { "kind", ANJU_FIELD_STRING, ANJU_FIELD_OPTIONAL, anju_article_kinds, 0,
    "news, notice, guide, publicity or policy" },
  { "title", ANJU_FIELD_STRING, ANJU_FIELD_OPTIONAL, NULL, TITLE_MAX, "Title" },
  { "summary", ANJU_FIELD_STRING, ANJU_FIELD_NULLABLE, NULL, SUMMARY_MAX,
    "One or two sentences for lists; null clears it" },
  { "body", ANJU_FIELD_STRING, ANJU_FIELD_OPTIONAL, NULL, BODY_MAX, "The text" },
  { "category", ANJU_FIELD_STRING, ANJU_FIELD_NULLABLE, NULL, CATEGORY_MAX,
    "Free category; null clears it" },
  { "target_org_ids", ANJU_FIELD_INT_ARRAY, ANJU_FIELD_OPTIONAL, NULL, 0,
    "Replaces the targets; empty = everyone" },
  { "attachment_ids", ANJU_FIELD_INT_ARRAY, ANJU_FIELD_OPTIONAL, NULL, 0,
    "Replaces the attachments: ones it has, or files the caller uploaded" },
  { "guide", ANJU_FIELD_OBJECT, ANJU_FIELD_NULLABLE, NULL, 0,
    "Guides only: replaces the guide details" },
  { "display_from", ANJU_FIELD_STRING, ANJU_FIELD_NULLABLE, NULL, DATE_MAX,
    "First day terminals show it, YYYY-MM-DD; null clears it" },
  { "display_until", ANJU_FIELD_STRING, ANJU_FIELD_NULLABLE, NULL, DATE_MAX,
    "Last day terminals show it, YYYY-MM-DD; null clears it" },
  { NULL }
};

static gboolean
write_create (AnjuRequest *request,
              gpointer     data,
              gint64      *inout_id,
              GError     **error)
{
  AnjuCaller *caller = anju_request_get_caller (request);

  *inout_id = anju_article_store_insert (anju_request_get_db (request), data, caller->user_id,
                                         caller->org_id, request_now (request), error);
  return *inout_id != 0;
}

static void
handle_create (AnjuRequest *request)
{
  g_auto(AnjuArticleInput) input = { 0, };
  g_autoptr(GError) error = NULL;
  JsonObject *body;

  body = anju_request_parse_body (request, create_body, &error);
  if (body == NULL)
    {
      anju_request_reply_error (request, error);
      return;
    }
  anju_article_input_init (&input);
  if (!anju_article_input_read (request, body, NULL, &input))
    return;

  anju_content_run_write (request, &article_kind, "article.create", 0, write_create, &input,
                          SOUP_STATUS_CREATED);
}

typedef struct
{
  const AnjuArticleInput *input;
  gboolean                published;
} ArticleUpdate;

/* What a published article refers to stays as it was published. */
static gboolean
write_update (AnjuRequest *request,
              gpointer     data,
              gint64      *inout_id,
              GError     **error)
{
  ArticleUpdate *update = data;
  AnjuDb *db = anju_request_get_db (request);
  gint64 now = request_now (request);

  return anju_article_store_update (db, *inout_id, update->input, now, error)
         && (!update->published
             || anju_article_store_archive_attachments (db, *inout_id, now, error));
}

static void
handle_update (AnjuRequest *request)
{
  g_auto(AnjuArticleRef) ref = { 0, };
  g_auto(AnjuArticleInput) input = { 0, };
  g_autoptr(GArray) attached = NULL;
  g_autoptr(GError) error = NULL;
  ArticleUpdate update = { &input, FALSE };
  JsonObject *body;

  if (!load_for_action (request, &ref))
    return;
  body = anju_request_parse_body (request, update_body, &error);
  anju_article_input_init (&input);
  if (body == NULL
      || !anju_article_store_load_input (anju_request_get_db (request), ref.id, &input, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  attached = g_array_copy (input.attachment_ids);
  if (!anju_article_input_read (request, body, attached, &input))
    return;

  update.published = g_str_equal (ref.status, "published");
  anju_content_run_write (request, &article_kind, "article.update", ref.id, write_update,
                          &update, SOUP_STATUS_OK);
}

static gboolean
write_publish (AnjuRequest *request,
               gpointer     data,
               gint64      *inout_id,
               GError     **error)
{
  AnjuDb *db = anju_request_get_db (request);
  gint64 now = request_now (request);

  return anju_article_store_set_status (db, *inout_id, "published", now, error)
         && anju_article_store_archive_attachments (db, *inout_id, now, error);
}

static void
handle_publish (AnjuRequest *request)
{
  g_auto(AnjuArticleRef) ref = { 0, };

  if (!load_for_action (request, &ref))
    return;
  if (g_str_equal (ref.status, "published"))
    anju_reply_error_code (request, ANJU_ERROR_CONFLICT, _("The article is already published"));
  else
    anju_content_run_write (request, &article_kind, "article.publish", ref.id, write_publish,
                            NULL, SOUP_STATUS_OK);
}

static gboolean
write_unpublish (AnjuRequest *request,
                 gpointer     data,
                 gint64      *inout_id,
                 GError     **error)
{
  return anju_article_store_set_status (anju_request_get_db (request), *inout_id, "unpublished",
                                        request_now (request), error);
}

static void
handle_unpublish (AnjuRequest *request)
{
  g_auto(AnjuArticleRef) ref = { 0, };

  if (!load_for_action (request, &ref))
    return;
  if (!g_str_equal (ref.status, "published"))
    anju_reply_error_code (request, ANJU_ERROR_CONFLICT,
                           _("Only a published article can be unpublished"));
  else
    anju_content_run_write (request, &article_kind, "article.unpublish", ref.id,
                            write_unpublish, NULL, SOUP_STATUS_OK);
}

static gboolean
write_delete (AnjuRequest *request,
              gpointer     data,
              gint64      *inout_id,
              GError     **error)
{
  return anju_article_store_delete (anju_request_get_db (request), *inout_id, error);
}

static void
handle_delete (AnjuRequest *request)
{
  g_auto(AnjuArticleRef) ref = { 0, };

  if (load_for_action (request, &ref))
    anju_content_run_write (request, &article_kind, "article.delete", ref.id, write_delete,
                            NULL, SOUP_STATUS_NO_CONTENT);
}

gboolean
anju_articles_file_reader (AnjuDb           *db,
                           const AnjuCaller *caller,
                           gint64            file_id,
                           gboolean         *out_may_read,
                           gpointer          user_data,
                           GError          **error)
{
  g_auto(AnjuStmt) stmt = NULL;
  gint64 found = 0;

  stmt = anju_db_prepare (db,
                          "SELECT x.file_id FROM article_attachments x"
                          " JOIN articles a ON a.id = x.article_id"
                          " WHERE x.file_id = ?3 AND " ANJU_ARTICLE_VISIBLE " LIMIT 1",
                          error);
  if (stmt == NULL)
    return FALSE;
  anju_article_bind_reader (stmt, caller);
  sqlite3_bind_int64 (stmt, 3, file_id);
  if (!anju_db_step_id (db, stmt, &found, error))
    return FALSE;
  if (found != 0)
    *out_may_read = TRUE;
  return TRUE;
}

static const AnjuRoute article_routes[] = {
  { "GET", "/api/v1/articles", NULL, ANJU_ROUTE_DEFAULT, handle_list,
    "Articles the caller may read, newest first, without body; filters kind, q, status",
    NULL, "articles" },
  { "GET", "/api/v1/articles/{id}", NULL, ANJU_ROUTE_DEFAULT, handle_get,
    "One article", NULL, "articles" },
  { "POST", "/api/v1/articles", ANJU_PERM_CONTENT_WRITE, ANJU_ROUTE_DEFAULT, handle_create,
    "Write a news item, notice or guide (a draft)", create_body, "articles" },
  { "PATCH", "/api/v1/articles/{id}", ANJU_PERM_CONTENT_WRITE, ANJU_ROUTE_DEFAULT,
    handle_update, "Edit an article in any state", update_body, "articles" },
  { "POST", "/api/v1/articles/{id}/publish", ANJU_PERM_CONTENT_WRITE, ANJU_ROUTE_DEFAULT,
    handle_publish, "Publish a draft or unpublished article", NULL, "articles" },
  { "POST", "/api/v1/articles/{id}/unpublish", ANJU_PERM_CONTENT_WRITE, ANJU_ROUTE_DEFAULT,
    handle_unpublish, "Withdraw a published article", NULL, "articles" },
  { "DELETE", "/api/v1/articles/{id}", ANJU_PERM_CONTENT_WRITE, ANJU_ROUTE_DEFAULT,
    handle_delete, "Delete an article", NULL, "articles" },
};

const AnjuRoute *
anju_articles_get_routes (guint *n_routes)
{
  *n_routes = G_N_ELEMENTS (article_routes);
  return article_routes;
}
