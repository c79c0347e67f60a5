/* anju-external-records-api.c: GET /api/v1/pubrent/external-records
 * (docs/api.md "Eligibility pre-review"; F-PRH-008).
 *
 * The list the pre-review checks against, newest import first.  ID
 * numbers are always masked: the list is for finding records, and who
 * holds a record is told by the full number typed into ?id_no= or ?q=.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-eligibility.h"
#include "anju-external-record-data.h"
#include "anju-external-record-store.h"
#include "anju-sql-pattern.h"
#include "anju-validation.h"

typedef struct
{
  char       *id_no;
  const char *kind;
  char       *q;
  char       *q_pattern;
} RecordFilters;

static void
record_filters_clear (RecordFilters *filters)
{
  g_clear_pointer (&filters->id_no, g_free);
  g_clear_pointer (&filters->q, g_free);
  g_clear_pointer (&filters->q_pattern, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RecordFilters, record_filters_clear)

static void
bind_filters (sqlite3_stmt  *stmt,
              gconstpointer  bind_data)
{
  const RecordFilters *filters = bind_data;

  anju_db_bind_text (stmt, 1, filters->id_no);
  anju_db_bind_text (stmt, 2, filters->kind);
  anju_db_bind_text (stmt, 3, filters->q);
  anju_db_bind_text (stmt, 4, filters->q_pattern);
}

static JsonNode *
record_item (sqlite3_stmt *stmt,
             gpointer      user_data,
             GError      **error)
{
  return anju_external_record_json_from_row (stmt);
}

/* An ID number as stored: trimmed, a lower-case x made upper-case. */
static char *
normalise_id_no (const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  return trimmed[0] == '\0' ? NULL : g_ascii_strup (trimmed, -1);
}

static void
handle_list (AnjuRequest *request)
{
#define RECORDS_WHERE \
  " WHERE (?1 IS NULL OR id_no = ?1)" \
  " AND (?2 IS NULL OR kind = ?2)" \
  " AND (?3 IS NULL OR upper(id_no) = upper(?3) OR name LIKE ?4 ESCAPE '\\')"
  g_auto(RecordFilters) filters = { NULL, };
  const char *id_no = anju_request_get_query (request, "id_no");
  const char *kind = anju_request_get_query (request, "kind");
  const char *q = anju_request_get_query (request, "q");
  g_autoptr(GError) error = NULL;
  guint page, page_size;

  if (!anju_request_get_paging (request, &page, &page_size, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  if (kind != NULL && kind[0] != '\0')
    {
      filters.kind = anju_external_kind_from_name (kind);
      if (filters.kind == NULL)
        anju_request_add_field_error (request, "kind",
                                      _("Must be one of: hukou, property, benefit, dibao, lease, marriage"));
    }
  if (anju_request_has_field_errors (request))
    {
      anju_reply_validation_failed (request);
      return;
    }
  filters.id_no = id_no != NULL ? normalise_id_no (id_no) : NULL;
  filters.q = q != NULL ? g_strstrip (g_strdup (q)) : NULL;
  filters.q_pattern = anju_sql_contains_pattern (filters.q);
  if (filters.q_pattern == NULL)
    g_clear_pointer (&filters.q, g_free);

  anju_request_reply_list (request,
                           "SELECT COUNT(*) FROM pubrent_external_records" RECORDS_WHERE,
                           "SELECT " ANJU_EXTERNAL_RECORD_COLUMNS " FROM pubrent_external_records"
                           RECORDS_WHERE " ORDER BY imported_at DESC, id DESC LIMIT ?5 OFFSET ?6",
                           5, page, page_size, bind_filters, &filters, record_item, NULL);
#undef RECORDS_WHERE
}

static const AnjuRoute routes[] = {
  { "GET", "/api/v1/pubrent/external-records", ANJU_PERM_PUBRENT_APPLICATION_READ,
    ANJU_ROUTE_DEFAULT, handle_list,
    "External person records (?id_no= ?kind= ?q= name or full ID number)", NULL, "pubrent" },
};

const AnjuRoute *
anju_external_records_api_get_routes (guint *n_routes)
{
  *n_routes = G_N_ELEMENTS (routes);
  return routes;
}
