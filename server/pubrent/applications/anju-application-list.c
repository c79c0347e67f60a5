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
  g_clear_pointer (&filters->q_pattern, g_free);
  g_clear_pointer (&filters->statuses, g_free);
  g_clear_pointer (&filters->caller_copy, anju_caller_free);
  g_clear_pointer (&filters->business_type_copy, g_free);
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

static void
read_statuses (AnjuRequest            *request,
               AnjuApplicationFilters *filters)
{
  const char *text = anju_request_get_query (request, "status");
  g_auto(GStrv) parts = NULL;

  if (text == NULL || *text == '\0')
    return;
  parts = g_strsplit (text, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (!g_strv_contains (statuses, g_strstrip (parts[i])))
      {
        /* Translators: %s is the value sent */
        g_autofree char *why = g_strdup_printf (_("Unknown status: %s"), parts[i]);

        anju_request_add_field_error (request, "status", why);
        return;
      }
  filters->statuses = g_strjoinv (",", parts);
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
    {
      filters->q_pattern = anju_sql_contains_pattern (trimmed);
      filters->q = g_steal_pointer (&trimmed);
    }
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

void
anju_application_filters_bind (sqlite3_stmt  *stmt,
                               gconstpointer  data)
{
  const AnjuApplicationFilters *filters = data;

  anju_db_bind_text (stmt, 1, filters->caller->org_path);
  anju_db_bind_text (stmt, 2, filters->q);
  anju_db_bind_text (stmt, 3, filters->q_pattern);
  anju_db_bind_text (stmt, 4, filters->statuses);
  anju_db_bind_text (stmt, 5, filters->business_type);
  sqlite3_bind_int64 (stmt, 6, filters->org_id);
  if (filters->has_from)
    sqlite3_bind_int64 (stmt, 7, filters->submitted_from);
  if (filters->has_to)
    sqlite3_bind_int64 (stmt, 8, filters->submitted_to);
  sqlite3_bind_int (stmt, 9, filters->directed);
}

static void
add_masked (JsonBuilder  *builder,
            const char   *member,
            sqlite3_stmt *stmt,
            int           column,
            char       *(*mask) (const char *))
{
  const char *value = (const char *) sqlite3_column_text (stmt, column);
  g_autofree char *masked = value != NULL ? mask (value) : NULL;

  json_builder_set_member_name (builder, member);
  if (masked == NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, masked);
}

JsonNode *
anju_application_summary_from_row (sqlite3_stmt  *stmt,
                                   gpointer       user_data,
                                   GError       **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  anju_json_add_id_column (builder, "id", stmt, 0);
  anju_json_add_text_column (builder, "application_no", stmt, 1);
  anju_json_add_text_column (builder, "business_type", stmt, 2);
  anju_json_add_text_column (builder, "business_type_label", stmt, 3);
  anju_json_add_text_column (builder, "status", stmt, 4);
  anju_json_add_text_column (builder, "status_label", stmt, 5);
  json_builder_set_member_name (builder, "org");
  json_builder_begin_object (builder);
  anju_json_add_id_column (builder, "id", stmt, 6);
  anju_json_add_text_column (builder, "name", stmt, 7);
  json_builder_end_object (builder);
  anju_json_add_text_column (builder, "applicant_name", stmt, 8);
  add_masked (builder, "id_no", stmt, 9, anju_mask_id_number);
  add_masked (builder, "phone", stmt, 10, anju_mask_phone);
  anju_json_add_id_column (builder, "household_size", stmt, 11);
  anju_json_add_text_column (builder, "employer_name", stmt, 12);
  anju_json_add_time_column (builder, "submitted_at", stmt, 13);
  anju_json_add_time_column (builder, "created_at", stmt, 14);
  anju_json_add_time_column (builder, "updated_at", stmt, 15);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

void
anju_application_handle_list (AnjuRequest *request)
{
  g_auto(AnjuApplicationFilters) filters = { 0, };
  g_autoptr(GError) error = NULL;
  guint page, page_size;

  if (!anju_request_get_paging (request, &page, &page_size, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  if (!anju_application_filters_read (request, &filters))
    return;
  /* A search by name reads every application of the scope: in the
   * worker, so it never holds up the main loop. */
  anju_db_worker_reply_list (request,
                             "SELECT COUNT(*) FROM" ANJU_APPLICATION_LIST_FROM
                             ANJU_APPLICATION_LIST_WHERE,
                             "SELECT " ANJU_APPLICATION_SUMMARY_COLUMNS " FROM"
                             ANJU_APPLICATION_LIST_FROM ANJU_APPLICATION_LIST_WHERE
                             ANJU_APPLICATION_LIST_ORDER " LIMIT ?10 OFFSET ?11",
                             10, page, page_size, anju_application_filters_bind,
                             anju_application_filters_take (&filters),
                             anju_application_filters_free, anju_application_summary_from_row);
}
