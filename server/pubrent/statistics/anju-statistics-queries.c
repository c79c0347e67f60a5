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

#define GENERATION_SQL "SELECT generation FROM pubrent_statistics_generation WHERE id = 1"

/* Organisations are few (thousands at city size) and walked in id
 * order; CROSS JOIN keeps them the outer loop.  Each one's applications
 * come from pubrent_applications_org_stage already in (business_type,
 * status) order, so the inner GROUP BY streams without a sort and only
 * its small result (types × stages per organisation) is grouped again. */
#define STAGES_SQL \
  "SELECT business_type, status, SUM (n) FROM" \
  " (SELECT a.business_type AS business_type, a.status AS status, COUNT(*) AS n" \
  "  FROM organisations o CROSS JOIN pubrent_applications a ON a.org_id = o.id" \
  "  WHERE substr (o.path, 1, length (?1)) = ?1" \
  "  GROUP BY o.id, a.business_type, a.status)" \
  " GROUP BY business_type, status"

/* One month each: a range of a partial index (time, org_id), no row of
 * the table and no strftime() per row; the scope is a list of ids.
 * INDEXED BY: without ANALYZE's statistics the planner may prefer
 * pubrent_applications_org_stage or _status, then read every row of the
 * scope for its time. */
#define ORGS_IN_SCOPE \
  " AND a.org_id IN (SELECT o.id FROM organisations o WHERE substr (o.path, 1, length (?1)) = ?1)"
#define SUBMITTED_SQL \
  "SELECT COUNT(*) FROM pubrent_applications a INDEXED BY pubrent_applications_submitted_org" \
  " WHERE a.submitted_at >= ?2 AND a.submitted_at < ?3" ORGS_IN_SCOPE
#define CONFIRMED_SQL \
  "SELECT COUNT(*) FROM pubrent_applications a INDEXED BY pubrent_applications_confirmed_org" \
  " WHERE a.confirmed_at >= ?2 AND a.confirmed_at < ?3" ORGS_IN_SCOPE
#define REJECTED_SQL \
  "SELECT COUNT(*) FROM pubrent_applications a INDEXED BY pubrent_applications_rejected_org" \
  " WHERE a.status = 'rejected' AND a.decided_at >= ?2 AND a.decided_at < ?3" ORGS_IN_SCOPE

/* Projects in id order, each one's units from pubrent_units_project_state
 * in (state, abnormal) order: the GROUP BY streams; only the projects
 * (hundreds) are sorted for the answer's order. */
#define UNITS_SQL \
  "SELECT p.id, p.name, u.state, u.abnormal, COUNT(u.id)" \
  " FROM pubrent_projects p" \
  " LEFT JOIN organisations op ON op.id = p.operator_org_id" \
  " LEFT JOIN pubrent_units u ON u.project_id = p.id" \
  " WHERE (?1 IS NULL OR substr (op.path, 1, length (?1)) = ?1)" \
  " GROUP BY p.id, u.state, u.abnormal" \
  " ORDER BY p.project_no, p.id"

const char * const anju_statistics_sql[] = {
  STAGES_SQL, SUBMITTED_SQL, CONFIRMED_SQL, REJECTED_SQL, UNITS_SQL, NULL
};

gboolean
anju_statistics_read_generation (AnjuDb  *db,
                                 gint64  *out_generation,
                                 GError **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db, GENERATION_SQL, error);

  if (stmt == NULL)
    return FALSE;
  return anju_db_step_count (db, stmt, out_generation, error);
}

static gint64
lookup_count (GHashTable *counts,
              const char *key)
{
  return (gint64) GPOINTER_TO_SIZE (g_hash_table_lookup (counts, key));
}

static void
add_to_count (GHashTable *counts,
              const char *key,
              gint64      n)
{
  g_hash_table_replace (counts, g_strdup (key),
                        GSIZE_TO_POINTER ((gsize) (lookup_count (counts, key) + n)));
}

static void
add_counts (JsonBuilder        *builder,
            const char         *member,
            const char         *key_member,
            const char * const *keys,
            GHashTable         *counts)
{
  json_builder_set_member_name (builder, member);
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
anju_statistics_add_applications (AnjuDb       *db,
                                  const char   *scope_path,
                                  JsonBuilder  *builder,
                                  GError      **error)
{
  g_autoptr(GHashTable) by_type = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) by_status = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(AnjuStmt) stmt = anju_db_prepare (db, STAGES_SQL, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  anju_db_bind_text (stmt, 1, scope_path);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 n = sqlite3_column_int64 (stmt, 2);

      add_to_count (by_type, (const char *) sqlite3_column_text (stmt, 0), n);
      add_to_count (by_status, (const char *) sqlite3_column_text (stmt, 1), n);
    }
  if (rc != SQLITE_DONE)
    {
      anju_db_set_error (db, error);
      return FALSE;
    }
  add_counts (builder, "by_business_type", "business_type", business_types, by_type);
  add_counts (builder, "by_status", "status", statuses, by_status);
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

/* The count of sql (one of the month queries) from from to to. */
static gboolean
count_range (AnjuDb      *db,
             const char  *sql,
             const char  *scope_path,
             gint64       from,
             gint64       to,
             gint64      *out_count,
             GError     **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  anju_db_bind_text (stmt, 1, scope_path);
  sqlite3_bind_int64 (stmt, 2, from);
  sqlite3_bind_int64 (stmt, 3, to);
  return anju_db_step_count (db, stmt, out_count, error);
}

static gboolean
add_month (AnjuDb       *db,
           const char   *scope_path,
           GDateTime    *month,
           JsonBuilder  *builder,
           GError      **error)
{
  static const struct { const char *member; const char *sql; } counts[] = {
    { "submitted", SUBMITTED_SQL },
    { "confirmed", CONFIRMED_SQL },
    { "rejected", REJECTED_SQL },
  };
  g_autoptr(GDateTime) next = g_date_time_add_months (month, 1);
  g_autofree char *key = g_date_time_format (month, "%Y-%m");
  gint64 from = g_date_time_to_unix (month);
  gint64 to = g_date_time_to_unix (next);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "month");
  json_builder_add_string_value (builder, key);
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      gint64 n;

      if (!count_range (db, counts[i].sql, scope_path, from, to, &n, error))
        return FALSE;
      json_builder_set_member_name (builder, counts[i].member);
      json_builder_add_int_value (builder, n);
    }
  json_builder_end_object (builder);
  return TRUE;
}

gboolean
anju_statistics_add_months (AnjuDb       *db,
                            const char   *scope_path,
                            gint64        now,
                            guint         n_months,
                            JsonBuilder  *builder,
                            GError      **error)
{
  g_autoptr(GDateTime) first = month_start (now, (int) n_months - 1);

  json_builder_set_member_name (builder, "by_month");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_months; i++)
    {
      g_autoptr(GDateTime) month = g_date_time_add_months (first, (int) i);

      if (!add_month (db, scope_path, month, builder, error))
        return FALSE;
    }
  json_builder_end_array (builder);
  return TRUE;
}

typedef struct
{
  gint64  id;
  char   *name;       /* (owned) */
  gint64  vacant;
  gint64  allocated;
  gint64  leased;
  gint64  abnormal;
} ProjectCounts;

static void
clear_project_counts (gpointer data)
{
  ProjectCounts *counts = data;

  g_free (counts->name);
}

/* Adds the current row (project, state, abnormal, count) to the last
 * project of projects, or starts the next one. */
static void
add_unit_row (GArray       *projects,
              sqlite3_stmt *stmt)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);
  const char *state = (const char *) sqlite3_column_text (stmt, 2);
  gint64 n = sqlite3_column_int64 (stmt, 4);
  ProjectCounts *last = NULL;

  if (projects->len > 0)
    last = &g_array_index (projects, ProjectCounts, projects->len - 1);
  if (last == NULL || last->id != id)
    {
      ProjectCounts next = { id, anju_db_column_dup (stmt, 1), 0, 0, 0, 0 };

      g_array_append_val (projects, next);
      last = &g_array_index (projects, ProjectCounts, projects->len - 1);
    }

  /* A project without units has one row of NULLs and count 0. */
  if (g_strcmp0 (state, "vacant") == 0)
    last->vacant += n;
  else if (g_strcmp0 (state, "allocated") == 0)
    last->allocated += n;
  else if (g_strcmp0 (state, "leased") == 0)
    last->leased += n;
  if (sqlite3_column_int64 (stmt, 3) != 0)
    last->abnormal += n;
}

static void
add_units_by_state (JsonBuilder *builder,
                    GArray      *projects)
{
  static const char * const states[] = { "vacant", "allocated", "leased" };
  gint64 totals[G_N_ELEMENTS (states)] = { 0 };

  for (guint i = 0; i < projects->len; i++)
    {
      ProjectCounts *p = &g_array_index (projects, ProjectCounts, i);

      totals[0] += p->vacant;
      totals[1] += p->allocated;
      totals[2] += p->leased;
    }
  json_builder_set_member_name (builder, "units_by_state");
  json_builder_begin_array (builder);
  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "state");
      json_builder_add_string_value (builder, states[i]);
      json_builder_set_member_name (builder, "count");
      json_builder_add_int_value (builder, totals[i]);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_units_by_project (JsonBuilder *builder,
                      GArray      *projects)
{
  json_builder_set_member_name (builder, "units_by_project");
  json_builder_begin_array (builder);
  for (guint i = 0; i < projects->len; i++)
    {
      ProjectCounts *p = &g_array_index (projects, ProjectCounts, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "project");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, p->id);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, p->name);
      json_builder_end_object (builder);
      json_builder_set_member_name (builder, "vacant");
      json_builder_add_int_value (builder, p->vacant);
      json_builder_set_member_name (builder, "allocated");
      json_builder_add_int_value (builder, p->allocated);
      json_builder_set_member_name (builder, "leased");
      json_builder_add_int_value (builder, p->leased);
      json_builder_set_member_name (builder, "abnormal");
      json_builder_add_int_value (builder, p->abnormal);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

gboolean
anju_statistics_add_units (AnjuDb       *db,
                           const char   *operator_path,
                           JsonBuilder  *builder,
                           GError      **error)
{
  g_autoptr(GArray) projects = g_array_new (FALSE, TRUE, sizeof (ProjectCounts));
  g_auto(AnjuStmt) stmt = anju_db_prepare (db, UNITS_SQL, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  g_array_set_clear_func (projects, clear_project_counts);
  anju_db_bind_text (stmt, 1, operator_path);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    add_unit_row (projects, stmt);
  if (rc != SQLITE_DONE)
    {
      anju_db_set_error (db, error);
      return FALSE;
    }
  add_units_by_state (builder, projects);
  add_units_by_project (builder, projects);
  return TRUE;
}
