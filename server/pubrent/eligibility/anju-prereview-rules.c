/* anju-prereview-rules.c: the six pre-review rules (docs/api.md
 * "Eligibility pre-review"; F-PRH-008).
 *
 * Each rule says what it looked at in `data`, in Chinese whatever the
 * server's language: the report is stored with the application and shown
 * as it is to streets, the center and the applicant, like the seed's own
 * forms.  `reason` is interface text and translated.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "anju-decimal.h"
#include "anju-external-record-data.h"
#include "anju-prereview-private.h"
#include "anju-stmt.h"

typedef struct
{
  char   *data;
  gint64  imported_at;
} ExternalRecord;

static void
external_record_free (gpointer data)
{
  ExternalRecord *record = data;

  g_free (record->data);
  g_free (record);
}

/* The person's records of one kind, newest first. */
static GPtrArray *
load_records (AnjuDb      *db,
              const char  *id_no,
              const char  *kind,
              GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (external_record_free);
  g_auto(AnjuStmt) stmt = NULL;
  int rc;

  stmt = anju_db_prepare (db,
                          "SELECT data, imported_at FROM pubrent_external_records"
                          " WHERE id_no = ?1 AND kind = ?2 ORDER BY imported_at DESC, id DESC",
                          error);
  if (stmt == NULL)
    return NULL;
  anju_db_bind_text (stmt, 1, id_no);
  anju_db_bind_text (stmt, 2, kind);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ExternalRecord *record = g_new0 (ExternalRecord, 1);

      record->data = anju_db_column_dup (stmt, 0);
      record->imported_at = sqlite3_column_int64 (stmt, 1);
      g_ptr_array_add (records, record);
    }
  if (rc != SQLITE_DONE)
    {
      anju_db_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&records);
}

static GDateTime *
shanghai_date_time (gint64 secs)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (8 * 3600);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (secs);

  return g_date_time_to_timezone (utc, tz);
}

static char *
format_date (gint64 secs)
{
  g_autoptr(GDateTime) dt = shanghai_date_time (secs);

  return g_date_time_format (dt, "%Y-%m-%d");
}

/* Whole years from since to now, by the calendar in Shanghai. */
static gint64
years_between (gint64 since,
               gint64 now)
{
  g_autoptr(GDateTime) from = shanghai_date_time (since);
  g_autoptr(GDateTime) to = shanghai_date_time (now);
  gint64 years = g_date_time_get_year (to) - g_date_time_get_year (from);

  if (g_date_time_get_month (to) < g_date_time_get_month (from) ||
      (g_date_time_get_month (to) == g_date_time_get_month (from) &&
       g_date_time_get_day_of_month (to) < g_date_time_get_day_of_month (from)))
    years--;
  return MAX (years, 0);
}

static gboolean
is_directed (const AnjuPrereviewSubject *subject)
{
  return g_str_has_prefix (subject->business_type, "directed_");
}

static gboolean
is_physical (const AnjuPrereviewSubject *subject)
{
  return g_str_has_suffix (subject->business_type, "_physical");
}

static void
add_note (GString    *notes,
          const char *note)
{
  if (notes->len > 0)
    g_string_append (notes, "；");
  g_string_append (notes, note);
}

static AnjuPrereviewMember *
member_at (const AnjuPrereviewSubject *subject,
           guint                       i)
{
  return g_ptr_array_index (subject->members, i);
}

/* hukou_years: a member with a Changsha hukou for threshold years or more.
 * An external hukou record of the member wins over the declaration. */
static gboolean
check_hukou_years (const AnjuPrereviewSubject  *subject,
                   gint64                       threshold,
                   AnjuPrereviewCheck          *check,
                   GError                     **error)
{
  g_autoptr(GString) notes = g_string_new (NULL);
  const char *qualifying = NULL;

  for (guint i = 0; i < subject->members->len; i++)
    {
      AnjuPrereviewMember *member = member_at (subject, i);
      g_autoptr(GPtrArray) records = load_records (subject->db, member->id_no, "hukou", error);
      g_autofree char *note = NULL;
      gboolean changsha = FALSE;
      gint64 years = 0;

      if (records == NULL)
        return FALSE;

      if (records->len > 0)
        {
          ExternalRecord *record = g_ptr_array_index (records, 0);
          g_autofree char *county = NULL;
          g_autofree char *as_of = format_date (record->imported_at);
          gint64 since = 0;

          if (!anju_external_hukou_parse (record->data, &county, &since, error))
            return FALSE;
          changsha = anju_county_is_changsha (county);
          years = years_between (since, subject->now);
          note = changsha
            ? g_strdup_printf ("%s：长沙户籍 %" G_GINT64_FORMAT " 年（户籍数据 %s）",
                               member->name, years, as_of)
            : g_strdup_printf ("%s：户籍 %s，非长沙户籍（户籍数据 %s）",
                               member->name, county, as_of);
        }
      else
        {
          changsha = anju_county_is_changsha (subject->hukou_county_code);
          years = member->has_hukou_years ? member->hukou_years : 0;
          if (!changsha)
            note = g_strdup_printf ("%s：申报户籍 %s，非长沙户籍（无户籍数据）", member->name,
                                    subject->hukou_county_code != NULL ? subject->hukou_county_code : "未填");
          else if (member->has_hukou_years)
            note = g_strdup_printf ("%s：申报长沙户籍 %" G_GINT64_FORMAT " 年（无户籍数据）",
                                    member->name, years);
          else
            note = g_strdup_printf ("%s：申报长沙户籍，未填户口年限（无户籍数据）", member->name);
        }

      add_note (notes, note);
      if (changsha && years >= threshold && qualifying == NULL)
        qualifying = member->name;
    }

  check->passed = qualifying != NULL;
  check->data = g_string_free (g_steal_pointer (&notes), FALSE);
  check->reason = check->passed
    /* Translators: %1$s is a person's name, %2$d a number of years */
    ? g_strdup_printf (_("%1$s has had a Changsha hukou for at least %2$d years"),
                       qualifying, (int) threshold)
    /* Translators: %1$d is a number of years */
    : g_strdup_printf (_("No member has had a Changsha hukou for %1$d years or more"),
                       (int) threshold);
  return TRUE;
}

/* no_property_new_area: directed applications only. */
static gboolean
check_no_property_new_area (const AnjuPrereviewSubject  *subject,
                            G_GNUC_UNUSED gint64         threshold,
                            AnjuPrereviewCheck          *check,
                            GError                     **error)
{
  g_autoptr(GString) notes = g_string_new (NULL);
  g_autoptr(GString) owners = g_string_new (NULL);

  if (!is_directed (subject))
    {
      check->passed = TRUE;
      check->data = g_strdup ("非定向申请，不适用");
      check->reason = g_strdup (_("This rule applies to directed applications only"));
      return TRUE;
    }

  for (guint i = 0; i < subject->members->len; i++)
    {
      AnjuPrereviewMember *member = member_at (subject, i);
      g_autoptr(GPtrArray) records = load_records (subject->db, member->id_no, "property", error);

      if (records == NULL)
        return FALSE;
      for (guint j = 0; j < records->len; j++)
        {
          ExternalRecord *record = g_ptr_array_index (records, j);
          g_autofree char *address = NULL;
          g_autofree char *area_text = NULL;
          g_autofree char *as_of = format_date (record->imported_at);
          g_autofree char *note = NULL;
          gboolean in_new_area = FALSE;
          gint64 area = 0;

          if (!anju_external_property_parse (record->data, &in_new_area, &area, &address, error))
            return FALSE;
          area_text = anju_decimal_format_hundredths (area);
          note = g_strdup_printf ("%s：%s房产 %s m²%s%s（房产数据 %s）", member->name,
                                  in_new_area ? "新区" : "新区外", area_text,
                                  address != NULL ? " " : "", address != NULL ? address : "", as_of);
          add_note (notes, note);
          if (in_new_area)
            {
              if (owners->len > 0)
                g_string_append (owners, "、");
              g_string_append (owners, member->name);
            }
        }
    }

  if (notes->len == 0)
    g_string_printf (notes, "%u 名家庭成员均无房产数据记录", subject->members->len);

  check->passed = owners->len == 0;
  check->data = g_string_free (g_steal_pointer (&notes), FALSE);
  check->reason = check->passed
    ? g_strdup (_("No member owns property in the New Area"))
    /* Translators: %1$s is one or more names */
    : g_strdup_printf (_("%1$s owns property in the New Area"), owners->str);
  return TRUE;
}

/* no_housing_benefit: neither declared nor recorded. */
static gboolean
check_no_housing_benefit (const AnjuPrereviewSubject  *subject,
                          G_GNUC_UNUSED gint64         threshold,
                          AnjuPrereviewCheck          *check,
                          GError                     **error)
{
  g_autoptr(GString) notes = g_string_new (NULL);

  if (subject->had_housing_benefit)
    add_note (notes, "申报：家庭曾享受住房保障");

  for (guint i = 0; i < subject->members->len; i++)
    {
      AnjuPrereviewMember *member = member_at (subject, i);
      g_autoptr(GPtrArray) records = load_records (subject->db, member->id_no, "benefit", error);

      if (records == NULL)
        return FALSE;
      if (member->has_housing_subsidy)
        {
          g_autofree char *note = g_strdup_printf ("%s：申报正在享受住房补贴", member->name);
          add_note (notes, note);
        }
      if (member->had_welfare_housing)
        {
          g_autofree char *note = g_strdup_printf ("%s：申报享受过福利分房", member->name);
          add_note (notes, note);
        }
      for (guint j = 0; j < records->len; j++)
        {
          ExternalRecord *record = g_ptr_array_index (records, j);
          g_autofree char *as_of = format_date (record->imported_at);
          g_autofree char *note = g_strdup_printf ("%s：住房保障记录“%s”（住房保障数据 %s）",
                                                   member->name, record->data, as_of);
          add_note (notes, note);
        }
    }

  check->passed = notes->len == 0;
  if (check->passed)
    g_string_printf (notes, "申报及住房保障数据均无记录（%u 名家庭成员）", subject->members->len);
  check->data = g_string_free (g_steal_pointer (&notes), FALSE);
  check->reason = g_strdup (check->passed
                            ? _("The household has had no housing benefit")
                            : _("The household has had a housing benefit"));
  return TRUE;
}

/* A per-capita figure of the household against its upper limit. */
static void
check_upper_limit (gboolean             applies,
                   gboolean             declared,
                   gint64               value,
                   gint64               limit,
                   const char          *label,
                   const char          *unit,
                   AnjuPrereviewCheck  *check)
{
  g_autofree char *value_text = anju_decimal_format_hundredths (value);
  g_autofree char *limit_text = anju_decimal_format_hundredths (limit);

  if (!declared)
    {
      check->passed = !applies;
      check->data = g_strdup_printf ("未申报%s%s", label, applies ? "" : "，租赁补贴申请不适用");
      check->reason = g_strdup (applies ? _("The figure is not declared")
                                        : _("Not declared; required for physical allocation only"));
      return;
    }

  check->passed = value <= limit;
  check->data = g_strdup_printf ("%s %s %s，上限 %s %s", label, value_text, unit, limit_text, unit);
  check->reason = check->passed
    /* Translators: %1$s and %2$s are numbers with their unit, like 15.00 m² */
    ? g_strdup_printf (_("%1$s is within the limit of %2$s"), value_text, limit_text)
    /* Translators: %1$s and %2$s are numbers with their unit, like 15.00 m² */
    : g_strdup_printf (_("%1$s exceeds the limit of %2$s"), value_text, limit_text);
}

/* income_per_capita: physical types only. */
static gboolean
check_income_per_capita (const AnjuPrereviewSubject  *subject,
                         gint64                       threshold,
                         AnjuPrereviewCheck          *check,
                         G_GNUC_UNUSED GError       **error)
{
  if (!is_physical (subject))
    {
      check->passed = TRUE;
      check->data = g_strdup ("租赁补贴申请，不适用");
      check->reason = g_strdup (_("This rule applies to physical allocation only"));
      return TRUE;
    }
  check_upper_limit (TRUE, subject->has_income, subject->annual_income_per_capita,
                     threshold, "家庭人均年收入", "元", check);
  return TRUE;
}

static gboolean
check_area_per_capita (const AnjuPrereviewSubject  *subject,
                       gint64                       threshold,
                       AnjuPrereviewCheck          *check,
                       G_GNUC_UNUSED GError       **error)
{
  check_upper_limit (is_physical (subject), subject->has_area, subject->floor_area_per_capita,
                     threshold, "家庭人均住房建筑面积", "m²", check);
  return TRUE;
}

/* dibao: information for the reviewers; never fails. */
static gboolean
check_dibao (const AnjuPrereviewSubject  *subject,
             G_GNUC_UNUSED gint64         threshold,
             AnjuPrereviewCheck          *check,
             GError                     **error)
{
  g_autoptr(GString) notes = g_string_new (NULL);
  gboolean recorded = FALSE;

  add_note (notes, subject->is_dibao_household ? "申报：低保家庭" : "申报：非低保家庭");
  for (guint i = 0; i < subject->members->len; i++)
    {
      AnjuPrereviewMember *member = member_at (subject, i);
      g_autoptr(GPtrArray) records = load_records (subject->db, member->id_no, "dibao", error);

      if (records == NULL)
        return FALSE;
      for (guint j = 0; j < records->len; j++)
        {
          ExternalRecord *record = g_ptr_array_index (records, j);
          g_autofree char *as_of = format_date (record->imported_at);
          g_autofree char *note = g_strdup_printf ("%s：低保记录“%s”（低保数据 %s）",
                                                   member->name, record->data, as_of);
          add_note (notes, note);
          recorded = TRUE;
        }
    }
  if (!recorded)
    add_note (notes, "无低保数据记录");

  check->passed = TRUE;
  check->data = g_string_free (g_steal_pointer (&notes), FALSE);
  check->reason = g_strdup (subject->is_dibao_household || recorded
                            ? _("A dibao household (for information only)")
                            : _("Not a dibao household (for information only)"));
  return TRUE;
}

#define YUAN(y) ((gint64) (y) * 100)

static const AnjuPrereviewRule rules[] = {
  { "hukou_years", ANJU_PREREVIEW_UNIT_YEARS, 1, 30, check_hukou_years },
  { "no_property_new_area", ANJU_PREREVIEW_UNIT_NONE, 0, 0, check_no_property_new_area },
  { "no_housing_benefit", ANJU_PREREVIEW_UNIT_NONE, 0, 0, check_no_housing_benefit },
  { "income_per_capita", ANJU_PREREVIEW_UNIT_YUAN, YUAN (1), YUAN (1000000), check_income_per_capita },
  { "area_per_capita", ANJU_PREREVIEW_UNIT_SQUARE_METRES, 100, 20000, check_area_per_capita },
  { "dibao", ANJU_PREREVIEW_UNIT_NONE, 0, 0, check_dibao },
};

const AnjuPrereviewRule *
anju_prereview_rules (guint *n_rules)
{
  *n_rules = G_N_ELEMENTS (rules);
  return rules;
}

const AnjuPrereviewRule *
anju_prereview_rule_lookup (const char *code)
{
  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (rules); i++)
    if (strcmp (rules[i].code, code) == 0)
      return &rules[i];
  return NULL;
}
