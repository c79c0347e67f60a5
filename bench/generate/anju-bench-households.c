/* anju-bench-households.c: applicants and their families.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anju-bench-households.h"
#include "anju-bench-people.h"
#include "anju-bench-places.h"
#include "anju-decimal.h"

static const char * const ethnicities[] = { "han", "tujia", "miao", "hui", "dong", "yao", "man" };
static const guint ethnicity_weights[] = { 900, 40, 30, 10, 10, 7, 3 };
static const char * const educations[] = {
  "postgraduate", "bachelor", "college", "vocational", "high_school", "junior_high", "primary",
};
static const guint education_weights[] = { 3, 18, 22, 15, 20, 17, 5 };
static const char * const employer_types[] = {
  "government", "public_institution", "state_owned", "collective", "private", "foreign",
  "individual",
};
static const guint employer_type_weights[] = { 3, 8, 12, 3, 55, 5, 14 };

typedef struct
{
  AnjuBenchGen    *gen;
  AnjuBenchRandom *random;
  AnjuBenchOrg    *org;
  const char      *hukou_region;
  gboolean         passes;
  gboolean         fail_hukou;
  gint64           applicant_extra;  /* fen over the applicant's wage: a failing income */
  gint64           income_total;     /* fen */
} Household;

static void
set_money (JsonObject *object,
           const char *name,
           gint64      hundredths)
{
  g_autofree char *text = anju_decimal_format_hundredths (hundredths);

  json_object_set_string_member (object, name, text);
}

static const char *
employment_of (Household *household,
               int        age)
{
  if (age < 18)
    return "student";
  if (age >= 60)
    return "retired";
  if (anju_bench_random_percent (household->random, 8))
    return anju_bench_random_percent (household->random, 50) ? "unemployed" : "flexible";
  return "employed";
}

/* One member: relation, the person, their work and income. */
static JsonObject *
member_new (Household  *household,
            const char *relation,
            gboolean    female,
            int         age,
            const char *marital)
{
  AnjuBenchRandom *random = household->random;
  g_auto(AnjuBenchPerson) person = { 0, };
  JsonObject *member = json_object_new ();
  const char *employment = employment_of (household, age);
  gint64 income = 0;
  int hukou_years;

  anju_bench_person_init (&person, random, anju_bench_birth_region (random), female, age,
                          household->gen->today);
  /* Three years or more keeps the hukou rule satisfied; a failing
   * household has moved in within the last two. */
  hukou_years = household->fail_hukou ? (int) anju_bench_random_range (random, 0, MIN (2, age))
                : MAX (MIN (age, 3), (int) anju_bench_random_range (random, MIN (age, 3), age));

  json_object_set_string_member (member, "relation", relation);
  json_object_set_string_member (member, "name", person.name);
  json_object_set_string_member (member, "id_doc_type", "resident_id");
  json_object_set_string_member (member, "id_no", person.id_no);
  json_object_set_string_member (member, "gender", female ? "female" : "male");
  json_object_set_string_member (member, "birth_date", person.birth_date);
  json_object_set_string_member (member, "ethnicity",
                                 ethnicities[anju_bench_random_weighted (random, ethnicity_weights,
                                                                         G_N_ELEMENTS (ethnicity_weights))]);
  if (age >= 16)
    json_object_set_string_member (member, "phone", person.phone);
  json_object_set_string_member (member, "hukou_type",
                                 anju_bench_random_percent (random, 70) ? "urban" : "resident");
  json_object_set_int_member (member, "hukou_years", hukou_years);
  json_object_set_boolean_member (member, "is_permanent_resident", TRUE);
  json_object_set_string_member (member, "marital_status", marital);
  if (age >= 7)
    json_object_set_string_member (member, "education_level",
                                   educations[anju_bench_random_weighted (random, education_weights,
                                                                          G_N_ELEMENTS (education_weights))]);
  json_object_set_string_member (member, "employment_status", employment);
  if (g_str_equal (employment, "employed"))
    {
      json_object_set_string_member (member, "employer_name",
                                     household->org->ref.kind != NULL
                                     && g_str_equal (household->org->ref.kind, "employer")
                                     && g_str_equal (relation, "self")
                                     ? household->org->ref.name : "长沙市某企业");
      json_object_set_string_member (member, "employer_type",
                                     employer_types[anju_bench_random_weighted (random, employer_type_weights,
                                                                                G_N_ELEMENTS (employer_type_weights))]);
      income = anju_bench_random_range (random, 2400000, 4800000);
    }
  else if (g_str_equal (employment, "retired"))
    income = anju_bench_random_range (random, 1800000, 3600000);
  else if (g_str_equal (employment, "flexible"))
    income = anju_bench_random_range (random, 900000, 2400000);
  if (g_str_equal (relation, "self"))
    income += household->applicant_extra;
  set_money (member, "annual_income", income);
  household->income_total += income;
  json_object_set_string_member (member, "special_category_code",
                                 age >= 65 && anju_bench_random_percent (random, 10) ? "elderly_alone"
                                 : anju_bench_random_percent (random, 2) ? "disabled" : "none");
  json_object_set_boolean_member (member, "lives_together", TRUE);
  json_object_set_boolean_member (member, "has_housing_fund",
                                  g_str_equal (employment, "employed")
                                  && anju_bench_random_percent (random, 60));
  return member;
}

/* Applicant, spouse, children, then a parent for large households. */
static JsonArray *
members_new (Household *household,
             guint      size)
{
  AnjuBenchRandom *random = household->random;
  JsonArray *members = json_array_new ();
  gboolean female = anju_bench_random_percent (random, 48);
  int age = (int) anju_bench_random_range (random, size > 2 ? 28 : 22, 66);
  gboolean married = size >= 2 && anju_bench_random_percent (random, 85);
  guint added = 1;

  json_array_add_object_element (members,
                                 member_new (household, "self", female, age,
                                             married ? "married"
                                             : size >= 2 ? "divorced" : "unmarried"));
  if (married)
    {
      int spouse_age = CLAMP (age + (int) anju_bench_random_range (random, -5, 5), 20, 90);

      json_array_add_object_element (members, member_new (household, "spouse", !female,
                                                          spouse_age, "married"));
      added++;
    }
  while (added < size)
    {
      /* Children while the applicant is young enough, a parent after. */
      if (age - 20 >= 0 && (added < size - 1 || age < 45 || size <= 3))
        json_array_add_object_element (members,
                                       member_new (household, "child",
                                                   anju_bench_random_percent (random, 50),
                                                   (int) anju_bench_random_range (random, 0,
                                                                                  MIN (age - 20, 30)),
                                                   "unmarried"));
      else
        json_array_add_object_element (members,
                                       member_new (household, "parent",
                                                   anju_bench_random_percent (random, 55),
                                                   MIN (95, age + (int) anju_bench_random_range (random, 22, 32)),
                                                   "married"));
      added++;
    }
  return members;
}

static guint
draw_size (Household *household)
{
  const AnjuBenchSize *size = household->gen->size;

  return 1 + anju_bench_random_weighted (household->random, size->household_weights,
                                         ANJU_BENCH_MAX_HOUSEHOLD);
}

JsonObject *
anju_bench_household_new (AnjuBenchGen    *gen,
                          AnjuBenchRandom *random,
                          AnjuBenchOrg    *org,
                          const char      *business_type,
                          gboolean         passes,
                          gint64           created_at)
{
  gboolean physical = g_str_has_suffix (business_type, "physical");
  Household household = {
    .gen = gen,
    .random = random,
    .org = org,
    .passes = passes,
    /* Subsidies have no income limit: those fail on the hukou. */
    .fail_hukou = !passes && (!physical || anju_bench_random_percent (random, 50)),
  };
  g_autoptr(GDateTime) created = g_date_time_new_from_unix_utc (created_at + 8 * 3600);
  JsonObject *record = json_object_new ();
  JsonObject *applicant;
  JsonArray *members;
  guint size = draw_size (&household);
  gint64 per_capita;
  gint64 area_per_capita = anju_bench_random_range (random, 0, 1400);
  char street_no[16];
  char building[16];
  char room[16];

  /* Over the 60,000 yuan per person limit whatever the others earn. */
  if (!passes && !household.fail_hukou)
    household.applicant_extra = G_GINT64_CONSTANT (7000000) * size;
  members = members_new (&household, size);
  per_capita = household.income_total / size;
  applicant = json_array_get_object_element (members, 0);

  g_snprintf (street_no, sizeof street_no, "%u号", (guint) anju_bench_random_range (random, 1, 500));
  g_snprintf (building, sizeof building, "%u栋", (guint) anju_bench_random_range (random, 1, 30));
  g_snprintf (room, sizeof room, "%u%02u", (guint) anju_bench_random_range (random, 1, 28),
              (guint) anju_bench_random_range (random, 1, 6));

  json_object_set_string_member (record, "business_type", business_type);
  json_object_set_int_member (record, "admission_year", g_date_time_get_year (created));
  json_object_set_string_member (record, "applicant_name",
                                 json_object_get_string_member (applicant, "name"));
  json_object_set_string_member (record, "id_doc_type", "resident_id");
  json_object_set_string_member (record, "id_no", json_object_get_string_member (applicant, "id_no"));
  json_object_set_string_member (record, "phone", json_object_get_string_member (applicant, "phone"));
  json_object_set_string_member (record, "hukou_county_code", org->district_code);
  if (org->parent != NULL && g_str_equal (org->ref.kind, "community"))
    {
      json_object_set_string_member (record, "hukou_subdistrict", org->parent->ref.name);
      json_object_set_string_member (record, "hukou_community", org->ref.name);
    }
  json_object_set_string_member (record, "hukou_road", anju_bench_road (random));
  json_object_set_string_member (record, "hukou_street_no", street_no);
  json_object_set_string_member (record, "hukou_building", building);
  json_object_set_string_member (record, "hukou_room", room);
  json_object_set_int_member (record, "household_size", size);
  set_money (record, "annual_income_per_capita", per_capita);
  set_money (record, "annual_income_total", household.income_total);
  set_money (record, "floor_area_per_capita", area_per_capita);
  set_money (record, "floor_area_total", area_per_capita * size);
  json_object_set_boolean_member (record, "is_low_income", per_capita < 2000000);
  json_object_set_boolean_member (record, "is_dibao_household",
                                  per_capita < 1000000 && anju_bench_random_percent (random, 50));
  json_object_set_boolean_member (record, "had_housing_benefit", FALSE);
  if (g_str_equal (org->ref.kind, "employer"))
    json_object_set_string_member (record, "employer_name", org->ref.name);
  json_object_set_array_member (record, "members", members);
  return record;
}
