/* anju-pubrent-fields.c: the D01 and D02 field tables. */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-pubrent-fields.h"

#define TEXT    ANJU_PUBRENT_FIELD_TEXT
#define COUNT   ANJU_PUBRENT_FIELD_COUNT
#define AMOUNT  ANJU_PUBRENT_FIELD_AMOUNT
#define AREA    ANJU_PUBRENT_FIELD_AREA
#define DATE    ANJU_PUBRENT_FIELD_DATE
#define BOOLEAN ANJU_PUBRENT_FIELD_BOOLEAN
#define CODE    ANJU_PUBRENT_FIELD_CODE

static const AnjuPubrentField applicant[] = {
  { "applicant_name",  N_("Applicant’s name"), TEXT, NULL },
  { "id_doc_type",     N_("ID document type"), CODE, "id_doc_type" },
  { "id_no",           N_("ID number"), TEXT, NULL },
  { "phone",           N_("Mobile phone"), TEXT, NULL },
  { "admission_year",  N_("Admission year"), COUNT, NULL },
  { "employer_name",   N_("Employer"), TEXT, NULL },
};

static const AnjuPubrentField agent[] = {
  { "agent_name",        N_("Agent’s name"), TEXT, NULL },
  { "agent_id_doc_type", N_("Agent’s ID document type"), CODE, "id_doc_type" },
  { "agent_id_no",       N_("Agent’s ID number"), TEXT, NULL },
  { "agent_phone",       N_("Agent’s phone"), TEXT, NULL },
};

static const AnjuPubrentField hukou[] = {
  { "hukou_county_code", N_("County or district code"), CODE, "hukou_county_code" },
  { "hukou_subdistrict", N_("Street"), TEXT, NULL },
  { "hukou_community",   N_("Community"), TEXT, NULL },
  { "hukou_road",        N_("Road or estate"), TEXT, NULL },
  { "hukou_street_no",   N_("Number"), TEXT, NULL },
  { "hukou_building",    N_("Building"), TEXT, NULL },
  { "hukou_room",        N_("Room"), TEXT, NULL },
};

static const AnjuPubrentField income[] = {
  { "annual_income_per_capita", N_("Annual income per person (yuan)"), AMOUNT, NULL },
  { "annual_income_total",      N_("Annual household income (yuan)"), AMOUNT, NULL },
  { "floor_area_per_capita",    N_("Floor area per person (m²)"), AREA, NULL },
  { "floor_area_total",         N_("Household floor area (m²)"), AREA, NULL },
};

static const AnjuPubrentField benefits[] = {
  { "lives_in_shantytown",  N_("Lives in a shanty town"), BOOLEAN, NULL },
  { "shantytown_name",      N_("Shanty town"), TEXT, NULL },
  { "is_low_income",        N_("Low-income household"), BOOLEAN, NULL },
  { "is_dibao_household",   N_("Receives minimum living allowance"), BOOLEAN, NULL },
  { "dibao_cert_no",        N_("Minimum living allowance certificate"), TEXT, NULL },
  { "had_housing_benefit",  N_("Has had housing support"), BOOLEAN, NULL },
  { "housing_benefit_mode", N_("Kind of housing support"), CODE, "housing_benefit_mode" },
};

static const AnjuPubrentFieldGroup household_groups[] = {
  { N_("Applicant"), applicant, G_N_ELEMENTS (applicant) },
  { N_("Agent"), agent, G_N_ELEMENTS (agent) },
  { N_("Registered Residence"), hukou, G_N_ELEMENTS (hukou) },
  { N_("Income and Floor Area"), income, G_N_ELEMENTS (income) },
  { N_("Housing Support"), benefits, G_N_ELEMENTS (benefits) },
};

static const AnjuPubrentField person[] = {
  { "relation",    N_("Relation to the applicant"), CODE, "relation" },
  { "name",        N_("Name"), TEXT, NULL },
  { "id_doc_type", N_("ID document type"), CODE, "id_doc_type" },
  { "id_no",       N_("ID number"), TEXT, NULL },
  { "gender",      N_("Sex"), CODE, "gender" },
  { "birth_date",  N_("Date of birth"), DATE, NULL },
  { "ethnicity",   N_("Ethnic group"), CODE, "ethnicity" },
  { "phone",       N_("Mobile phone"), TEXT, NULL },
};

static const AnjuPubrentField member_hukou[] = {
  { "hukou_type",            N_("Kind of registered residence"), CODE, "hukou_type" },
  { "hukou_years",           N_("Years of registered residence"), COUNT, NULL },
  { "is_permanent_resident", N_("Lives here permanently"), BOOLEAN, NULL },
  { "lives_together",        N_("Lives with the applicant"), BOOLEAN, NULL },
};

static const AnjuPubrentField work[] = {
  { "marital_status",    N_("Marital status"), CODE, "marital_status" },
  { "education_level",   N_("Education"), CODE, "education_level" },
  { "employment_status", N_("Employment"), CODE, "employment_status" },
  { "employer_name",     N_("Employer"), TEXT, NULL },
  { "employer_type",     N_("Kind of employer"), CODE, "employer_type" },
  { "occupation_type",   N_("Kind of occupation"), CODE, "occupation_type" },
  { "annual_income",     N_("Annual income (yuan)"), AMOUNT, NULL },
  { "income_source",     N_("Source of income"), CODE, "income_source" },
};

static const AnjuPubrentField special[] = {
  { "special_category_code", N_("Special category"), CODE, "special_category_code" },
  { "disability_type",       N_("Kind of disability"), CODE, "disability_type" },
  { "disability_grade",      N_("Disability grade"), CODE, "disability_grade" },
  { "is_recruited_talent",   N_("Recruited talent"), BOOLEAN, NULL },
  { "is_migrant_worker",     N_("Migrant worker"), BOOLEAN, NULL },
  { "has_criminal_record",   N_("Has a criminal record"), BOOLEAN, NULL },
};

static const AnjuPubrentField housing[] = {
  { "has_housing_fund",      N_("Pays into the housing fund"), BOOLEAN, NULL },
  { "had_welfare_housing",   N_("Has had welfare housing"), BOOLEAN, NULL },
  { "has_housing_subsidy",   N_("Receives a housing subsidy"), BOOLEAN, NULL },
  { "pension_insurance_no",  N_("Pension insurance number"), TEXT, NULL },
  { "medical_insurance_no",  N_("Medical insurance number"), TEXT, NULL },
  { "housing_fund_account",  N_("Housing fund account"), TEXT, NULL },
};

static const AnjuPubrentFieldGroup member_groups[] = {
  { N_("Person"), person, G_N_ELEMENTS (person) },
  { N_("Registered Residence"), member_hukou, G_N_ELEMENTS (member_hukou) },
  { N_("Work and Income"), work, G_N_ELEMENTS (work) },
  { N_("Special Circumstances"), special, G_N_ELEMENTS (special) },
  { N_("Housing and Insurance"), housing, G_N_ELEMENTS (housing) },
};

const AnjuPubrentFieldGroup *
anju_pubrent_household_groups (guint *n_groups)
{
  *n_groups = G_N_ELEMENTS (household_groups);
  return household_groups;
}

const AnjuPubrentFieldGroup *
anju_pubrent_member_groups (guint *n_groups)
{
  *n_groups = G_N_ELEMENTS (member_groups);
  return member_groups;
}
