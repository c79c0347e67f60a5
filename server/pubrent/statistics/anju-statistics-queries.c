/* anju-statistics-queries.c: counting applications and units.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

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

/* Every count comes from the summaries the writes keep (migration 0022):
 * a few dozen rows per organisation, whatever the number of
 * applications.  Organisations are few (thousands at city size) and
 * walked in id order; CROSS JOIN keeps them the outer loop, each one's
 * summary rows a range of the primary key.  No GROUP BY: summing the
 * rows into a fixed table in C costs less than SQLite's sort of them
 * (tens of thousands at the center). */
#define SCOPE_WHERE " WHERE substr (o.path, 1, length (?1)) = ?1"
#define STAGES_SQL \
  "SELECT s.business_type, s.status, s.n" \
  " FROM organisations o CROSS JOIN pubrent_statistics_stages s ON s.org_id = o.id" \
  SCOPE_WHERE

/* Months are yyyymm (Shanghai); ?2 and ?3 the first and last asked. */
#define MONTHS_SQL \
  "SELECT m.month, m.submitted, m.confirmed, m.rejected" \
  " FROM organisations o CROSS JOIN pubrent_statistics_months m" \
  "  ON m.org_id = o.id AND m.month >= ?2 AND m.month <= ?3" \
  SCOPE_WHERE

/* Projects with their rows of the units summary (project, state,
 * abnormal: a handful each); sorted for the answer's order, which keeps
 * each project's rows together. */
#define UNITS_SQL \
  "SELECT p.id, p.name, u.state, u.abnormal, u.n" \
  " FROM pubrent_projects p" \
  " LEFT JOIN organisations op ON op.id = p.operator_org_id" \
  " LEFT JOIN pubrent_statistics_units u ON u.project_id = p.id" \
  " WHERE (?1 IS NULL OR substr (op.path, 1, length (?1)) = ?1)" \
  " ORDER BY p.project_no, p.id"

const char * const anju_statistics_sql[] = {
  STAGES_SQL, MONTHS_SQL, UNITS_SQL, NULL
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

/* The place of text in keys, or -1. */
static int
key_index (const char * const *keys,
           const char         *text)
{
  for (int i = 0; text != NULL && keys[i] != NULL; i++)
    if (strcmp (keys[i], text) == 0)
      return i;
  return -1;
}

static void
add_counts (JsonBuilder        *builder,
            const char         *member,
            const char         *key_member,
            const char * const *keys,
            const gint64       *counts)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, key_member);
      json_builder_add_string_value (builder, keys[i]);
      json_builder_set_member_name (builder, "count");
      json_builder_add_int_value (builder, counts[i]);
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
  gint64 by_type[G_N_ELEMENTS (business_types)] = { 0 };
  gint64 by_status[G_N_ELEMENTS (statuses)] = { 0 };
  g_auto(AnjuStmt) stmt = anju_db_prepare (db, STAGES_SQL, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  anju_db_bind_text (stmt, 1, scope_path);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int type = key_index (business_types, (const char *) sqlite3_column_text (stmt, 0));
      int status = key_index (statuses, (const char *) sqlite3_column_text (stmt, 1));
      gint64 n = sqlite3_column_int64 (stmt, 2);

      /* The table's CHECKs allow no other values. */
      if (type >= 0)
        by_type[type] += n;
      if (status >= 0)
        by_status[status] += n;
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

/* The summary's key of month: yyyymm. */
static gint64
month_key (GDateTime *month)
{
  return g_date_time_get_year (month) * 100 + g_date_time_get_month (month);
}

typedef struct
{
  gint64 submitted;
  gint64 confirmed;
  gint64 rejected;
} MonthCounts;

/* Sums the summary rows of the n_months from first into counts (one per
 * month, oldest first). */
static gboolean
count_months (AnjuDb       *db,
              const char   *scope_path,
              GDateTime    *first,
              guint         n_months,
              MonthCounts  *counts,
              GError      **error)
{
  g_autoptr(GDateTime) last = g_date_time_add_months (first, (int) n_months - 1);
  gint64 first_index = g_date_time_get_year (first) * 12 + g_date_time_get_month (first) - 1;
  g_auto(AnjuStmt) stmt = anju_db_prepare (db, MONTHS_SQL, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  anju_db_bind_text (stmt, 1, scope_path);
  sqlite3_bind_int64 (stmt, 2, month_key (first));
  sqlite3_bind_int64 (stmt, 3, month_key (last));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 key = sqlite3_column_int64 (stmt, 0);
      gint64 i = (key / 100) * 12 + key % 100 - 1 - first_index;

      if (i < 0 || i >= n_months)
        continue;
      counts[i].submitted += sqlite3_column_int64 (stmt, 1);
      counts[i].confirmed += sqlite3_column_int64 (stmt, 2);
      counts[i].rejected += sqlite3_column_int64 (stmt, 3);
    }
  if (rc != SQLITE_DONE)
    {
      anju_db_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

static void
add_month (JsonBuilder       *builder,
           GDateTime         *month,
           const MonthCounts *counts)
{
  g_autofree char *key = g_date_time_format (month, "%Y-%m");

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "month");
  json_builder_add_string_value (builder, key);
  json_builder_set_member_name (builder, "submitted");
  json_builder_add_int_value (builder, counts->submitted);
  json_builder_set_member_name (builder, "confirmed");
  json_builder_add_int_value (builder, counts->confirmed);
  json_builder_set_member_name (builder, "rejected");
  json_builder_add_int_value (builder, counts->rejected);
  json_builder_end_object (builder);
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
  g_autofree MonthCounts *counts = g_new0 (MonthCounts, n_months);

  if (!count_months (db, scope_path, first, n_months, counts, error))
    return FALSE;

  json_builder_set_member_name (builder, "by_month");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_months; i++)
    {
      g_autoptr(GDateTime) month = g_date_time_add_months (first, (int) i);

      add_month (builder, month, &counts[i]);
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
