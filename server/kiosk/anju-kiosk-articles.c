/* anju-kiosk-articles.c: GET /kiosk/articles and /kiosk/articles/{id}:
 * the publicity, policy and guide articles a terminal shows (F-TERM-004,
 * -007, -008).
 *
 * A terminal sees a published article of those kinds when today (Asia/
 * Shanghai, the server's clock) lies inside its display period and it is
 * aimed at everyone, at the terminal's organisation or at an ancestor of
 * it: ANJU_ARTICLE_VISIBLE for the service user, whose organisation is
 * the terminal's.  Reading one counts a view.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-article-store.h"
#include "anju-caller.h"
#include "anju-kiosk-private.h"
#include "anju-sql-pattern.h"
#include "anju-stmt.h"
#include "anju-transaction.h"
#include "anju-validation.h"

static const char * const kiosk_kinds[] = { "publicity", "policy", "guide", NULL };

/* ?1 the terminal's organisation path, ?2 0 (a terminal writes no
 * articles), ?3 today; the kinds a terminal shows. */
#define KIOSK_VISIBLE \
  ANJU_ARTICLE_VISIBLE \
  " AND a.kind IN ('publicity', 'policy', 'guide')" \
  " AND (a.display_from IS NULL OR a.display_from <= ?3)" \
  " AND (a.display_until IS NULL OR a.display_until >= ?3)"

typedef struct
{
  const char *org_path;
  const char *today;
  const char *kind;
  const char *pattern;
} KioskFilters;

static void
bind_visible (sqlite3_stmt       *stmt,
              const KioskFilters *filters)
{
  anju_db_bind_text (stmt, 1, filters->org_path);
  sqlite3_bind_int (stmt, 2, 0);
  anju_db_bind_text (stmt, 3, filters->today);
}

static void
bind_list_filters (sqlite3_stmt  *stmt,
                   gconstpointer  bind_data)
{
  const KioskFilters *filters = bind_data;

  bind_visible (stmt, filters);
  anju_db_bind_text (stmt, 4, filters->kind);
  anju_db_bind_text (stmt, 5, filters->pattern);
}

static JsonNode *
article_item (sqlite3_stmt *stmt,
              gpointer      user_data,
              GError      **error)
{
  return anju_article_json_from_row (user_data, stmt, FALSE, error);
}

static void
handle_list (AnjuRequest *request)
{
#define LIST_WHERE \
  " WHERE " KIOSK_VISIBLE \
  " AND (?4 IS NULL OR a.kind = ?4)" \
  " AND (?5 IS NULL OR a.title LIKE ?5 ESCAPE '\\' OR a.body LIKE ?5 ESCAPE '\\')"
  g_autofree char *today = _anju_kiosk_today (request);
  g_autofree char *pattern = anju_sql_contains_pattern (anju_request_get_query (request, "q"));
  const char *kind = anju_request_get_query (request, "kind");
  const KioskFilters filters = {
    anju_request_get_caller (request)->org_path, today, kind, pattern,
  };
  g_autoptr(GError) error = NULL;
  guint page, page_size;

  if (!anju_request_get_paging (request, &page, &page_size, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  if (kind != NULL && !g_strv_contains (kiosk_kinds, kind))
    {
      anju_reply_field_error (request, "kind", _("Must be one of: publicity, policy, guide"));
      return;
    }

  anju_request_reply_list (request,
                           "SELECT COUNT(*) FROM articles a" LIST_WHERE,
                           "SELECT " ANJU_ARTICLE_COLUMNS " FROM " ANJU_ARTICLE_JOIN LIST_WHERE
                           " ORDER BY a.published_at DESC, a.id DESC LIMIT ?6 OFFSET ?7",
                           6, page, page_size, bind_list_filters, &filters, article_item,
                           anju_request_get_db (request));
#undef LIST_WHERE
}

/* One more view of a visible article; *out_found FALSE when the terminal
 * may not show it (or there is none). */
static gboolean
count_view (AnjuDb             *db,
            const KioskFilters *filters,
            gint64              id,
            gboolean           *out_found,
            GError            **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "UPDATE articles AS a SET view_count = view_count + 1"
                                           " WHERE a.id = ?4 AND " KIOSK_VISIBLE,
                                           error);

  if (stmt == NULL)
    return FALSE;
  bind_visible (stmt, filters);
  sqlite3_bind_int64 (stmt, 4, id);
  if (!anju_db_step_done (db, stmt, error))
    return FALSE;
  *out_found = sqlite3_changes (anju_db_get_handle (db)) > 0;
  return TRUE;
}

/* A view is a counter, not a change of the article: it is not audited
 * (a kiosk would fill the audit log with them). */
static void
handle_get (AnjuRequest *request)
{
  AnjuDb *db = anju_request_get_db (request);
  g_autofree char *today = _anju_kiosk_today (request);
  const KioskFilters filters = { anju_request_get_caller (request)->org_path, today, NULL, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  gboolean found = FALSE;
  gint64 id;

  if (!anju_request_get_path_id (request, "id", &id))
    return;
  if (!anju_db_begin (db, &error)
      || !anju_transaction_end (db, count_view (db, &filters, id, &found, &error), &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  if (!found)
    g_set_error_literal (&error, ANJU_ERROR, ANJU_ERROR_NOT_FOUND, _("No such article"));
  else
    node = anju_article_store_to_json (db, id, TRUE, &error);

  if (node == NULL)
    anju_request_reply_error (request, error);
  else
    anju_request_reply_json (request, SOUP_STATUS_OK, g_steal_pointer (&node));
}

static const AnjuRoute routes[] = {
  { "GET", "/api/v1/kiosk/articles", ANJU_PERM_KIOSK_OPERATE, ANJU_ROUTE_DEFAULT, handle_list,
    "Publicity, policy and guide articles this terminal shows today; filters kind, q", NULL,
    "kiosk" },
  { "GET", "/api/v1/kiosk/articles/{id}", ANJU_PERM_KIOSK_OPERATE, ANJU_ROUTE_DEFAULT,
    handle_get, "One article this terminal shows, counting a view", NULL, "kiosk" },
};

const AnjuRoute *
_anju_kiosk_article_routes (guint *n_routes)
{
  *n_routes = G_N_ELEMENTS (routes);
  return routes;
}
