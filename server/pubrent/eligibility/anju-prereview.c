/* anju-prereview.c: running the enabled rules and writing the report.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-prereview-private.h"
#include "anju-prereview.h"
#include "anju-stmt.h"
#include "anju-time.h"

static void
member_free (gpointer data)
{
  AnjuPrereviewMember *member = data;

  g_free (member->name);
  g_free (member->id_no);
  g_free (member);
}

static void
subject_clear (AnjuPrereviewSubject *subject)
{
  g_clear_pointer (&subject->business_type, g_free);
  g_clear_pointer (&subject->hukou_county_code, g_free);
  g_clear_pointer (&subject->members, g_ptr_array_unref);
}

static void
check_clear (AnjuPrereviewCheck *check)
{
  g_clear_pointer (&check->data, g_free);
  g_clear_pointer (&check->reason, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AnjuPrereviewSubject, subject_clear)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AnjuPrereviewCheck, check_clear)

static gboolean
load_household (AnjuDb                *db,
                gint64                 application_id,
                AnjuPrereviewSubject  *subject,
                GError               **error)
{
  g_auto(AnjuStmt) stmt = NULL;

  stmt = anju_db_prepare (db,
                          "SELECT business_type, hukou_county_code, annual_income_per_capita,"
                          " floor_area_per_capita, had_housing_benefit, is_dibao_household"
                          " FROM pubrent_applications WHERE id = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, application_id);
  if (!anju_db_step_row (db, stmt, ANJU_ERROR_NOT_FOUND, _("No such application"), error))
    return FALSE;

  subject->business_type = anju_db_column_dup (stmt, 0);
  subject->hukou_county_code = anju_db_column_dup (stmt, 1);
  subject->has_income = sqlite3_column_type (stmt, 2) != SQLITE_NULL;
  subject->annual_income_per_capita = sqlite3_column_int64 (stmt, 2);
  subject->has_area = sqlite3_column_type (stmt, 3) != SQLITE_NULL;
  subject->floor_area_per_capita = sqlite3_column_int64 (stmt, 3);
  subject->had_housing_benefit = sqlite3_column_int (stmt, 4) != 0;
  subject->is_dibao_household = sqlite3_column_int (stmt, 5) != 0;
  if (subject->business_type == NULL)
    subject->business_type = g_strdup ("");
  return TRUE;
}

static gboolean
load_members (AnjuDb                *db,
              gint64                 application_id,
              AnjuPrereviewSubject  *subject,
              GError               **error)
{
  g_auto(AnjuStmt) stmt = NULL;
  int rc;

  stmt = anju_db_prepare (db,
                          "SELECT name, id_no, hukou_years, has_housing_subsidy, had_welfare_housing"
                          " FROM pubrent_members WHERE application_id = ?1 ORDER BY position, id",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, application_id);

  subject->members = g_ptr_array_new_with_free_func (member_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AnjuPrereviewMember *member = g_new0 (AnjuPrereviewMember, 1);

      member->name = anju_db_column_dup (stmt, 0);
      member->id_no = anju_db_column_dup (stmt, 1);
      member->has_hukou_years = sqlite3_column_type (stmt, 2) != SQLITE_NULL;
      member->hukou_years = sqlite3_column_int64 (stmt, 2);
      member->has_housing_subsidy = sqlite3_column_int (stmt, 3) != 0;
      member->had_welfare_housing = sqlite3_column_int (stmt, 4) != 0;
      if (member->name == NULL)
        member->name = g_strdup ("");
      g_ptr_array_add (subject->members, member);
    }
  if (rc != SQLITE_DONE)
    {
      anju_db_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

static void
add_check (JsonBuilder              *builder,
           const char               *code,
           const char               *name,
           const AnjuPrereviewCheck *check)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "rule");
  json_builder_add_string_value (builder, code);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "passed");
  json_builder_add_boolean_value (builder, check->passed);
  json_builder_set_member_name (builder, "data");
  json_builder_add_string_value (builder, check->data);
  json_builder_set_member_name (builder, "reason");
  json_builder_add_string_value (builder, check->reason);
  json_builder_end_object (builder);
}

/* Runs every enabled rule in order, adding its check to builder. */
static gboolean
run_rules (const AnjuPrereviewSubject  *subject,
           JsonBuilder                 *builder,
           gboolean                    *out_passed,
           GError                     **error)
{
  g_auto(AnjuStmt) stmt = NULL;
  gboolean passed = TRUE;
  int rc;

  stmt = anju_db_prepare (subject->db,
                          "SELECT code, name, threshold FROM pubrent_rules"
                          " WHERE enabled = 1 ORDER BY position",
                          error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *code = (const char *) sqlite3_column_text (stmt, 0);
      const AnjuPrereviewRule *rule = anju_prereview_rule_lookup (code);
      g_auto(AnjuPrereviewCheck) check = { 0 };

      /* A row this server does not know (a newer server's) is skipped
       * rather than failing every submission. */
      if (rule == NULL)
        continue;
      if (!rule->check (subject, sqlite3_column_int64 (stmt, 2), &check, error))
        return FALSE;
      add_check (builder, code, (const char *) sqlite3_column_text (stmt, 1), &check);
      passed = passed && check.passed;
    }
  if (rc != SQLITE_DONE)
    {
      anju_db_set_error (subject->db, error);
      return FALSE;
    }

  *out_passed = passed;
  return TRUE;
}

gboolean
anju_prereview_run (AnjuDb     *db,
                    gint64      application_id,
                    gint64      now,
                    JsonNode  **out_report,
                    gboolean   *out_passed,
                    GError    **error)
{
  g_auto(AnjuPrereviewSubject) subject = { .db = db, .now = now };
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *at = anju_time_format_iso8601 (now);
  gboolean passed = FALSE;

  g_return_val_if_fail (ANJU_IS_DB (db), FALSE);
  g_return_val_if_fail (out_report != NULL, FALSE);

  if (!load_household (db, application_id, &subject, error) ||
      !load_members (db, application_id, &subject, error))
    return FALSE;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "checks");
  json_builder_begin_array (builder);
  if (!run_rules (&subject, builder, &passed, error))
    return FALSE;
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "passed");
  json_builder_add_boolean_value (builder, passed);
  json_builder_set_member_name (builder, "at");
  json_builder_add_string_value (builder, at);
  json_builder_end_object (builder);

  *out_report = json_builder_get_root (builder);
  if (out_passed != NULL)
    *out_passed = passed;
  return TRUE;
}
