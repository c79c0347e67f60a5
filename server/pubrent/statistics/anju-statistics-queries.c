/* anju-statistics-queries.c: counting applications and units.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anju-statistics-queries.h"
#include "anju-stmt.h"

/* The keys every answer lists, zero or not, so charts keep their bars in
 * one order whatever the data (docs/api.md "Applications"). */
static const char * const business_types[] = {
  "directed_physical", "directed_subsidy", "open_physical", "open_subsidy", NULL
};
static const char * const statuses[] = {
  "draft", "prereview_failed", "street_review", "street_publicity", "center_review",
  "returned", "rejected", "announcement", "confirmed", "withdrawn", "closed", NULL
};
static const char * const unit_states[] = { "vacant", "allocated", "leased", NULL };

#define IN_SCOPE \
  " FROM pubrent_applications a JOIN organisations o ON o.id = a.org_id" \
  " WHERE substr (o.path, 1, length (?1)) = ?1"

/* Runs sql (binding ?1 to text when given), a query of (key, count)
 * rows, into a table from key to count. */
static GHashTable *
count_by_key (AnjuDb       *db,
              const char   *sql,
              const char   *text,
              gint64        from,
              gint64        to,
              GError      **error)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(AnjuStmt) stmt = anju_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  anju_db_bind_text (stmt, 1, text);
  if (sqlite3_bind_parameter_count (stmt) == 3)
    {
      sqlite3_bind_int64 (stmt, 2, from);
      sqlite3_bind_int64 (stmt, 3, to);
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
      g_hash_table_insert (counts, anju_db_column_dup (stmt, 0),
                           GSIZE_TO_POINTER ((gsize) sqlite3_column_int64 (stmt, 1)));
  if (rc != SQLITE_DONE)
    {
      anju_db_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&counts);
}

static gint64
lookup_count (GHashTable *counts,
              const char *key)
{
  return (gint64) GPOINTER_TO_SIZE (g_hash_table_lookup (counts, key));
}

static void
add_counts (JsonBuilder        *builder,
            const char         *key_member,
            const char * const *keys,
            GHashTable         *counts)
{
  json_builder_begin_array (builder);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, key_member);
      json_builder_add_string_value (builder, keys[i]);
      json_builder_set_member_name (builder, "count");
      json_builder_add_int_value (builder, lookup_count (counts, keys[i]));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

gboolean
anju_statistics_by_business_type (AnjuDb       *db,
                                  const char   *scope_path,
                                  JsonBuilder  *builder,
                                  GError      **error)
{
  g_autoptr(GHashTable) counts = count_by_key (db, "SELECT a.business_type, COUNT(*)" IN_SCOPE
                                               " GROUP BY a.business_type",
                                               scope_path, 0, 0, error);

  if (counts == NULL)
    return FALSE;
  add_counts (builder, "business_type", business_types, counts);
  return TRUE;
}

gboolean
anju_statistics_by_status (AnjuDb       *db,
                           const char   *scope_path,
                           JsonBuilder  *builder,
                           GError      **error)
{
  g_autoptr(GHashTable) counts = count_by_key (db, "SELECT a.status, COUNT(*)" IN_SCOPE
                                               " GROUP BY a.status",
                                               scope_path, 0, 0, error);

  if (counts == NULL)
    return FALSE;
  add_counts (builder, "status", statuses, counts);
  return TRUE;
}

/* The first second of the month holding secs, n months earlier, in
 * Shanghai (UTC+8, no daylight saving). */
static GDateTime *
month_start (gint64 secs,
             int    months_back)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (8 * 3600);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (secs);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);
  g_autoptr(GDateTime) first = g_date_time_new (tz, g_date_time_get_year (local),
                                                g_date_time_get_month (local), 1, 0, 0, 0);

  return g_date_time_add_months (first, -months_back);
}

/* Counts per "YYYY-MM" of column (a time) from from to to, for the
 * applications in scope that match extra (SQL, may be ""). */
static GHashTable *
count_by_month (AnjuDb      *db,
                const char  *scope_path,
                const char  *column,
                const char  *extra,
                gint64       from,
                gint64       to,
                GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT strftime ('%%Y-%%m', a.%s, 'unixepoch', '+8 hours'),"
                                          " COUNT(*)" IN_SCOPE " AND a.%s >= ?2 AND a.%s < ?3 %s"
                                          " GROUP BY 1",
                                          column, column, column, extra);

  return count_by_key (db, sql, scope_path, from, to, error);
}

gboolean
anju_statistics_by_month (AnjuDb       *db,
                          const char   *scope_path,
                          gint64        now,
                          guint         n_months,
                          JsonBuilder  *builder,
                          GError      **error)
{
  g_autoptr(GDateTime) first = month_start (now, (int) n_months - 1);
  g_autoptr(GDateTime) end = month_start (now, -1);
  gint64 from = g_date_time_to_unix (first);
  gint64 to = g_date_time_to_unix (end);
  g_autoptr(GHashTable) submitted = NULL;
  g_autoptr(GHashTable) confirmed = NULL;
  g_autoptr(GHashTable) rejected = NULL;

  submitted = count_by_month (db, scope_path, "submitted_at", "", from, to, error);
  if (submitted == NULL)
    return FALSE;
  confirmed = count_by_month (db, scope_path, "confirmed_at", "", from, to, error);
  if (confirmed == NULL)
    return FALSE;
  rejected = count_by_month (db, scope_path, "decided_at", "AND a.status = 'rejected'",
                             from, to, error);
  if (rejected == NULL)
    return FALSE;

  json_builder_begin_array (builder);
  for (guint i = 0; i < n_months; i++)
    {
      g_autoptr(GDateTime) month = g_date_time_add_months (first, (int) i);
      g_autofree char *key = g_date_time_format (month, "%Y-%m");

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "month");
      json_builder_add_string_value (builder, key);
      json_builder_set_member_name (builder, "submitted");
      json_builder_add_int_value (builder, lookup_count (submitted, key));
      json_builder_set_member_name (builder, "confirmed");
      json_builder_add_int_value (builder, lookup_count (confirmed, key));
      json_builder_set_member_name (builder, "rejected");
      json_builder_add_int_value (builder, lookup_count (rejected, key));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return TRUE;
}

#define PROJECTS_IN_SCOPE \
  " FROM pubrent_projects p LEFT JOIN organisations op ON op.id = p.operator_org_id" \
  " WHERE (?1 IS NULL OR substr (op.path, 1, length (?1)) = ?1)"

gboolean
anju_statistics_units_by_state (AnjuDb       *db,
                                const char   *operator_path,
                                JsonBuilder  *builder,
                                GError      **error)
{
  g_autoptr(GHashTable) counts = NULL;

  counts = count_by_key (db, "SELECT u.state, COUNT(*) FROM pubrent_units u"
                             " WHERE u.project_id IN (SELECT p.id" PROJECTS_IN_SCOPE ")"
                             " GROUP BY u.state",
                         operator_path, 0, 0, error);
  if (counts == NULL)
    return FALSE;
  add_counts (builder, "state", unit_states, counts);
  return TRUE;
}

static void
add_project_row (JsonBuilder  *builder,
                 sqlite3_stmt *stmt)
{
  static const char * const members[] = { "vacant", "allocated", "leased", "abnormal" };

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "project");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 0));
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, 1));
  json_builder_end_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      json_builder_set_member_name (builder, members[i]);
      json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 2 + (int) i));
    }
  json_builder_end_object (builder);
}

gboolean
anju_statistics_units_by_project (AnjuDb       *db,
                                  const char   *operator_path,
                                  JsonBuilder  *builder,
                                  GError      **error)
{
  g_auto(AnjuStmt) stmt = NULL;
  int rc;

  stmt = anju_db_prepare (db,
                          "SELECT p.id, p.name,"
                          " COALESCE (SUM (u.state = 'vacant'), 0),"
                          " COALESCE (SUM (u.state = 'allocated'), 0),"
                          " COALESCE (SUM (u.state = 'leased'), 0),"
                          " COALESCE (SUM (u.abnormal != 0), 0)"
                          " FROM pubrent_projects p"
                          " LEFT JOIN organisations op ON op.id = p.operator_org_id"
                          " LEFT JOIN pubrent_units u ON u.project_id = p.id"
                          " WHERE (?1 IS NULL OR substr (op.path, 1, length (?1)) = ?1)"
                          " GROUP BY p.id ORDER BY p.project_no, p.id",
                          error);
  if (stmt == NULL)
    return FALSE;
  anju_db_bind_text (stmt, 1, operator_path);

  json_builder_begin_array (builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    add_project_row (builder, stmt);
  json_builder_end_array (builder);
  if (rc == SQLITE_DONE)
    return TRUE;
  anju_db_set_error (db, error);
  return FALSE;
}
