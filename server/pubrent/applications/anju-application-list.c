/* anju-application-list.c: GET /api/v1/pubrent/applications.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "anju-application-list.h"
#include "anju-db-worker.h"
#include "anju-db.h"
#include "anju-json-columns.h"
#include "anju-json-text-columns.h"
#include "anju-mask.h"
#include "anju-sql-pattern.h"
#include "anju-time.h"
#include "anju-validation.h"

static const char * const statuses[] = {
  "draft", "prereview_failed", "street_review", "street_publicity", "center_review",
  "returned", "rejected", "announcement", "confirmed", "withdrawn", "closed", NULL
};
static const char * const business_types[] = {
  "directed_physical", "directed_subsidy", "open_physical", "open_subsidy", NULL
};

void
anju_application_filters_clear (AnjuApplicationFilters *filters)
{
  g_clear_pointer (&filters->q, g_free);
  g_clear_pointer (&filters->q_end, g_free);
  g_clear_pointer (&filters->q_id_no, g_free);
  g_clear_pointer (&filters->statuses, g_strfreev);
  g_clear_pointer (&filters->caller_copy, anju_caller_free);
  g_clear_pointer (&filters->business_type_copy, g_free);
}

void
anju_application_filters_set_q (AnjuApplicationFilters *filters,
                                const char             *q)
{
  g_free (filters->q);
  g_free (filters->q_end);
  g_free (filters->q_id_no);
  filters->q = g_strdup (q);
  filters->q_end = anju_sql_prefix_end (q, &filters->q_end_length);
  /* What upper () made of it before: ID numbers end in X, stored so. */
  filters->q_id_no = g_ascii_strup (q, -1);
}

AnjuApplicationFilters *
anju_application_filters_take (AnjuApplicationFilters *filters)
{
  AnjuApplicationFilters *owned = g_new0 (AnjuApplicationFilters, 1);

  *owned = *filters;
  memset (filters, 0, sizeof *filters);
  if (owned->caller_copy == NULL)
    {
      owned->caller_copy = anju_caller_copy (owned->caller);
      owned->caller = owned->caller_copy;
      owned->business_type_copy = g_strdup (owned->business_type);
      owned->business_type = owned->business_type_copy;
    }
  return owned;
}

void
anju_application_filters_free (gpointer filters)
{
  anju_application_filters_clear (filters);
  g_free (filters);
}

/* The known statuses asked for, each once (so at most all of them, each
 * a parameter of its own). */
static void
read_statuses (AnjuRequest            *request,
               AnjuApplicationFilters *filters)
{
  const char *text = anju_request_get_query (request, "status");
  g_auto(GStrv) parts = NULL;
  g_autoptr(GStrvBuilder) wanted = NULL;
  g_autoptr(GHashTable) seen = NULL;

  if (text == NULL || *text == '\0')
    return;
  parts = g_strsplit (text, ",", -1);
  wanted = g_strv_builder_new ();
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (!g_strv_contains (statuses, g_strstrip (parts[i])))
        {
          /* Translators: %s is the value sent */
          g_autofree char *why = g_strdup_printf (_("Unknown status: %s"), parts[i]);

          anju_request_add_field_error (request, "status", why);
          return;
        }
      if (g_hash_table_add (seen, parts[i]))
        g_strv_builder_add (wanted, parts[i]);
    }
  filters->statuses = g_strv_builder_end (wanted);
}

static void
read_time (AnjuRequest *request,
           const char  *name,
           gint64      *out_value,
           gboolean    *out_present)
{
  const char *text = anju_request_get_query (request, name);

  *out_present = text != NULL && *text != '\0';
  if (*out_present && !anju_time_parse_iso8601 (text, out_value, NULL))
    anju_request_add_field_error (request, name, _("Must be a date or an ISO 8601 time"));
}

gboolean
anju_application_filters_read (AnjuRequest            *request,
                               AnjuApplicationFilters *filters)
{
  const char *q = anju_request_get_query (request, "q");
  const char *directed = anju_request_get_query (request, "directed");
  g_autofree char *trimmed = q != NULL ? g_strstrip (g_strdup (q)) : NULL;
  g_autoptr(GError) error = NULL;
  gboolean has_org;

  filters->caller = anju_request_get_caller (request);
  filters->directed = -1;
  if (trimmed != NULL && *trimmed != '\0')
    anju_application_filters_set_q (filters, trimmed);
  read_statuses (request, filters);
  filters->business_type = anju_request_get_query (request, "business_type");
  if (filters->business_type != NULL && !g_strv_contains (business_types, filters->business_type))
    anju_request_add_field_error (request, "business_type",
                                  _("Must be one of: directed_physical, directed_subsidy, "
                                    "open_physical, open_subsidy"));
  if (!anju_request_get_query_int (request, "org_id", &filters->org_id, &has_org, &error))
    g_clear_error (&error);
  read_time (request, "submitted_from", &filters->submitted_from, &filters->has_from);
  read_time (request, "submitted_to", &filters->submitted_to, &filters->has_to);
  if (directed != NULL)
    {
      filters->directed = g_str_equal (directed, "true") ? 1
                          : g_str_equal (directed, "false") ? 0 : -1;
      if (filters->directed < 0)
        anju_request_add_field_error (request, "directed", _("Must be true or false"));
    }
  if (!anju_request_has_field_errors (request))
    return TRUE;
  anju_reply_validation_failed (request);
  return FALSE;
}

/* " WHERE " before the first condition, " AND " before the others. */
static void
add_condition (GString    *sql,
               gboolean   *first,
               const char *condition)
{
  g_string_append (sql, *first ? " WHERE " : " AND ");
  g_string_append (sql, condition);
  *first = FALSE;
}

/* Parameters: ?1 ?2 the scope's path range, ?3 ?4 the name range, ?5
 * the number, ?6 the ID number, ?7 business type, ?8 org, ?9 ?10 the
 * submission times, ?11 … the statuses. */
#define STATUS_PARAM 11

static void
add_status_condition (GString  *sql,
                      gboolean *first,
                      GStrv     wanted)
{
  g_autoptr(GString) condition = g_string_new ("a.status IN (");
  guint n = g_strv_length (wanted);

  /* One status is an equality, which (status, created_at) serves in
   * order; several are an IN over the same index. */
  if (n == 1)
    {
      add_condition (sql, first, "a.status = ?11");
      return;
    }
  for (guint i = 0; i < n; i++)
    g_string_append_printf (condition, "%s?%u", i > 0 ? ", " : "", STATUS_PARAM + i);
  g_string_append_c (condition, ')');
  add_condition (sql, first, condition->str);
}

/* The conditions of every filter but ?q=, on pubrent_applications a
 * alone. */
static void
add_filter_conditions (GString                      *sql,
                       gboolean                     *first,
                       const AnjuApplicationFilters *filters)
{
  /* The center is the root of every organisation: no condition.  Any
   * other scope is the set of organisations in the caller's subtree (a
   * range of the unique index on path), then the applications of each
   * through (org_id, created_at). */
  if (g_strcmp0 (filters->caller->org_kind, "center") != 0)
    add_condition (sql, first,
                   "a.org_id IN (SELECT so.id FROM organisations so"
                   " WHERE so.path >= ?1 AND so.path < ?2)");
  if (filters->statuses != NULL)
    add_status_condition (sql, first, filters->statuses);
  if (filters->business_type != NULL)
    add_condition (sql, first, "a.business_type = ?7");
  if (filters->org_id != 0)
    add_condition (sql, first, "a.org_id = ?8");
  if (filters->has_from)
    add_condition (sql, first, "a.submitted_at >= ?9");
  if (filters->has_to)
    add_condition (sql, first, "a.submitted_at <= ?10");
  if (filters->directed == 1)
    add_condition (sql, first, "a.business_type LIKE 'directed_%'");
  else if (filters->directed == 0)
    add_condition (sql, first, "a.business_type NOT LIKE 'directed_%'");
}

/* The ways ?q= matches, each a lookup in an index of its own. */
static const char * const search_ways[] = {
  "a.applicant_name >= ?3 AND a.applicant_name < ?4",
  "a.application_no = ?5",
  "a.id_no = ?6",
  "a.id IN (SELECT m.application_id FROM pubrent_members m WHERE m.id_no = ?6)",
};

/* (id, created_at, name) of every match of ?q= and the other filters:
 * one SELECT a way to match, united.  A common name matches hundreds of
 * applications; as one WHERE of ORs (a MULTI-INDEX OR) SQLite fetched
 * each match's row, from anywhere in the file, only to sort them and
 * keep a page.  United, each way reads its index alone
 * (pubrent_applications_name_summary covers the name's). */
static void
add_search_matches (GString                      *sql,
                    const AnjuApplicationFilters *filters)
{
  for (guint i = 0; i < G_N_ELEMENTS (search_ways); i++)
    {
      gboolean first = TRUE;

      g_string_append (sql, i == 0 ? "SELECT a.id AS id, a.created_at AS created_at,"
                                     " a.applicant_name AS name"
                                   : " UNION SELECT a.id, a.created_at, a.applicant_name");
      g_string_append (sql, " FROM pubrent_applications a");
      add_condition (sql, &first, search_ways[i]);
      add_filter_conditions (sql, &first, filters);
    }
}

/* Joins the page's matches (k) with their rows.  A name's namesakes lie
 * side by side in the name's index, which holds the summary (0026); in
 * the table each is a random page of the file.  An ID or application
 * number (ASCII) matches a row or two, which the match has just read
 * from the table: there the rowid is one lookup fewer. */
static void
add_page_rows (GString                      *sql,
               const AnjuApplicationFilters *filters)
{
  /* CROSS JOIN: the page's few matches lead, each one lookup. */
  if (g_str_is_ascii (filters->q))
    {
      g_string_append (sql, ") k CROSS JOIN" ANJU_APPLICATION_LIST_FROM " WHERE a.id = k.id");
      return;
    }
  /* Without INDEXED BY SQLite would take a.id = k.id, the table's own
   * key, and read the row. */
  g_string_append (sql, ") k CROSS JOIN pubrent_applications a"
                        " INDEXED BY pubrent_applications_name_summary"
                        ANJU_APPLICATION_LIST_JOINS
                        " WHERE a.applicant_name = k.name AND a.created_at = k.created_at"
                        " AND a.id = k.id");
}

/* The search's SQL: the matches are sorted and paged by themselves,
 * then joined with what the summary shows. */
static char *
search_sql (const AnjuApplicationFilters *filters,
            AnjuApplicationListSql        what)
{
  GString *sql = g_string_new (NULL);

  if (what == ANJU_APPLICATION_LIST_COUNT)
    {
      g_string_append (sql, "SELECT COUNT(*) FROM (");
      add_search_matches (sql, filters);
      g_string_append_c (sql, ')');
      return g_string_free (sql, FALSE);
    }
  g_string_append (sql, "SELECT " ANJU_APPLICATION_SUMMARY_COLUMNS " FROM (");
  add_search_matches (sql, filters);
  g_string_append (sql, " ORDER BY 2 DESC, 1 DESC");
  if (what == ANJU_APPLICATION_LIST_PAGE)
    g_string_append (sql, " LIMIT ?30 OFFSET ?31");
  add_page_rows (sql, filters);
  g_string_append (sql, " ORDER BY a.created_at DESC, a.id DESC");
  return g_string_free (sql, FALSE);
}

char *
anju_application_list_sql (const AnjuApplicationFilters *filters,
                           AnjuApplicationListSql        what)
{
  GString *sql;
  gboolean first = TRUE;

  if (filters->q != NULL)
    return search_sql (filters, what);
  sql = g_string_new (NULL);
  if (what == ANJU_APPLICATION_LIST_COUNT)
    {
      /* No join: every application has its organisation (a NOT NULL
       * foreign key); without a WHERE SQLite counts an index's entries. */
      g_string_append (sql, "SELECT COUNT(*) FROM pubrent_applications a");
      add_filter_conditions (sql, &first, filters);
      return g_string_free (sql, FALSE);
    }
  g_string_append (sql, "SELECT " ANJU_APPLICATION_SUMMARY_COLUMNS " FROM"
                        ANJU_APPLICATION_LIST_FROM);
  add_filter_conditions (sql, &first, filters);
  /* The rowid ends every index entry: (created_at) and the indexes that
   * end in created_at give this order without a sort. */
  g_string_append (sql, " ORDER BY a.created_at DESC, a.id DESC");
  if (what == ANJU_APPLICATION_LIST_PAGE)
    g_string_append (sql, " LIMIT ?30 OFFSET ?31");
  return g_string_free (sql, FALSE);
}

void
anju_application_filters_bind (sqlite3_stmt  *stmt,
                               gconstpointer  data)
{
  const AnjuApplicationFilters *filters = data;

  if (g_strcmp0 (filters->caller->org_kind, "center") != 0)
    {
      /* A caller without an organisation sees nothing: no path is "". */
      const char *path = filters->caller->org_path != NULL && *filters->caller->org_path != '\0'
                         ? filters->caller->org_path : "/nowhere/";
      gsize length;
      g_autofree char *end = anju_sql_prefix_end (path, &length);

      anju_db_bind_text (stmt, 1, path);
      sqlite3_bind_text (stmt, 2, end, (int) length, SQLITE_TRANSIENT);
    }
  if (filters->q != NULL)
    {
      anju_db_bind_text (stmt, 3, filters->q);
      sqlite3_bind_text (stmt, 4, filters->q_end, (int) filters->q_end_length,
                         SQLITE_TRANSIENT);
      anju_db_bind_text (stmt, 5, filters->q);
      anju_db_bind_text (stmt, 6, filters->q_id_no);
    }
  for (guint i = 0; filters->statuses != NULL && filters->statuses[i] != NULL; i++)
    anju_db_bind_text (stmt, STATUS_PARAM + i, filters->statuses[i]);
  anju_db_bind_text (stmt, 7, filters->business_type);
  sqlite3_bind_int64 (stmt, 8, filters->org_id);
  if (filters->has_from)
    sqlite3_bind_int64 (stmt, 9, filters->submitted_from);
  if (filters->has_to)
    sqlite3_bind_int64 (stmt, 10, filters->submitted_to);
}

static void
write_masked (AnjuJsonText *text,
              const char   *member,
              sqlite3_stmt *stmt,
              int           column,
              char       *(*mask) (const char *))
{
  const char *value = (const char *) sqlite3_column_text (stmt, column);
  g_autofree char *masked = value != NULL ? mask (value) : NULL;

  anju_json_text_member (text, member);
  anju_json_text_string (text, masked);
}

/* ApplicationSummary, ID number and phone masked. */
void
anju_application_summary_write_row (sqlite3_stmt *stmt,
                                    AnjuJsonText *text,
                                    gpointer      user_data G_GNUC_UNUSED)
{
  anju_json_text_begin_object (text);
  anju_json_text_id_column (text, "id", stmt, 0);
  anju_json_text_text_column (text, "application_no", stmt, 1);
  anju_json_text_text_column (text, "business_type", stmt, 2);
  anju_json_text_text_column (text, "business_type_label", stmt, 3);
  anju_json_text_text_column (text, "status", stmt, 4);
  anju_json_text_text_column (text, "status_label", stmt, 5);
  anju_json_text_member (text, "org");
  anju_json_text_begin_object (text);
  anju_json_text_id_column (text, "id", stmt, 6);
  anju_json_text_text_column (text, "name", stmt, 7);
  anju_json_text_end_object (text);
  anju_json_text_text_column (text, "applicant_name", stmt, 8);
  write_masked (text, "id_no", stmt, 9, anju_mask_id_number);
  write_masked (text, "phone", stmt, 10, anju_mask_phone);
  anju_json_text_id_column (text, "household_size", stmt, 11);
  anju_json_text_text_column (text, "employer_name", stmt, 12);
  anju_json_text_time_column (text, "submitted_at", stmt, 13);
  anju_json_text_time_column (text, "created_at", stmt, 14);
  anju_json_text_time_column (text, "updated_at", stmt, 15);
  anju_json_text_end_object (text);
}

void
anju_application_handle_list (AnjuRequest *request)
{
  g_auto(AnjuApplicationFilters) filters = { 0, };
  g_autoptr(GError) error = NULL;
  g_autofree char *count_sql = NULL;
  g_autofree char *rows_sql = NULL;
  guint page, page_size;

  if (!anju_request_get_paging (request, &page, &page_size, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  if (!anju_application_filters_read (request, &filters))
    return;
  /* Counting a status of 400 000 applications reads an index range of
   * 100 000 entries: in the worker, so it never holds up the main loop,
   * and once per change of the applications (anju-list-totals.h). */
  count_sql = anju_application_list_sql (&filters, ANJU_APPLICATION_LIST_COUNT);
  rows_sql = anju_application_list_sql (&filters, ANJU_APPLICATION_LIST_PAGE);
  anju_db_worker_reply_list_rows (request, count_sql,
                                  "SELECT version FROM pubrent_applications_version WHERE id = 1",
                                  rows_sql, ANJU_APPLICATION_LIST_LIMIT_PARAM, page, page_size,
                                  anju_application_filters_bind,
                                  anju_application_filters_take (&filters),
                                  anju_application_filters_free,
                                  anju_application_summary_write_row);
}
