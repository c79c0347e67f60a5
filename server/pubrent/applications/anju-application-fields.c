/* anju-application-fields.c: the column tables of applications and
 * members, and the three conversions they drive.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "anju-application-fields.h"
#include "anju-decimal.h"
#include "anju-db.h"
#include "anju-json-text-columns.h"

/* D01, in the order of docs/api.md's Application. */
static const AnjuAppField application_fields[] = {
  { "business_type", ANJU_APP_CODE, 0, "business_type" },
  { "admission_year", ANJU_APP_INT, 0, NULL },
  { "applicant_name", ANJU_APP_TEXT, 50, NULL },
  { "id_doc_type", ANJU_APP_CODE, 0, "id_doc_type" },
  { "id_no", ANJU_APP_ID_NO, 30, NULL },
  { "phone", ANJU_APP_PHONE, 0, NULL },
  { "agent_name", ANJU_APP_TEXT, 50, NULL },
  { "agent_id_doc_type", ANJU_APP_CODE, 0, "id_doc_type" },
  { "agent_id_no", ANJU_APP_ID_NO, 30, NULL },
  { "agent_phone", ANJU_APP_PHONE, 0, NULL },
  { "hukou_county_code", ANJU_APP_COUNTY, 0, NULL },
  { "hukou_subdistrict", ANJU_APP_TEXT, 50, NULL },
  { "hukou_community", ANJU_APP_TEXT, 50, NULL },
  { "hukou_road", ANJU_APP_TEXT, 30, NULL },
  { "hukou_street_no", ANJU_APP_TEXT, 30, NULL },
  { "hukou_building", ANJU_APP_TEXT, 30, NULL },
  { "hukou_room", ANJU_APP_TEXT, 30, NULL },
  { "household_size", ANJU_APP_INT, 0, NULL },
  { "annual_income_per_capita", ANJU_APP_MONEY, 0, NULL },
  { "annual_income_total", ANJU_APP_MONEY, 0, NULL },
  { "floor_area_per_capita", ANJU_APP_AREA, 0, NULL },
  { "floor_area_total", ANJU_APP_AREA, 0, NULL },
  { "lives_in_shantytown", ANJU_APP_BOOL, 0, NULL },
  { "shantytown_name", ANJU_APP_TEXT, 100, NULL },
  { "shantytown_type", ANJU_APP_TEXT, 30, NULL },
  { "state_shantytown_affiliation", ANJU_APP_TEXT, 30, NULL },
  { "is_low_income", ANJU_APP_BOOL, 0, NULL },
  { "is_dibao_household", ANJU_APP_BOOL, 0, NULL },
  { "dibao_cert_no", ANJU_APP_TEXT, 30, NULL },
  { "had_housing_benefit", ANJU_APP_BOOL, 0, NULL },
  { "housing_benefit_mode", ANJU_APP_CODE, 0, "housing_benefit_mode" },
  { "employer_name", ANJU_APP_TEXT, 100, NULL },
};

/* D02, in the order of docs/api.md's Member. */
static const AnjuAppField member_fields[] = {
  { "relation", ANJU_APP_CODE, 0, "relation" },
  { "name", ANJU_APP_TEXT, 50, NULL },
  { "id_doc_type", ANJU_APP_CODE, 0, "id_doc_type" },
  { "id_no", ANJU_APP_ID_NO, 30, NULL },
  { "gender", ANJU_APP_CODE, 0, "gender" },
  { "birth_date", ANJU_APP_DATE, 0, NULL },
  { "ethnicity", ANJU_APP_CODE, 0, "ethnicity" },
  { "phone", ANJU_APP_PHONE, 0, NULL },
  { "hukou_type", ANJU_APP_CODE, 0, "hukou_type" },
  { "hukou_years", ANJU_APP_INT, 0, NULL },
  { "is_permanent_resident", ANJU_APP_BOOL, 0, NULL },
  { "marital_status", ANJU_APP_CODE, 0, "marital_status" },
  { "education_level", ANJU_APP_CODE, 0, "education_level" },
  { "employment_status", ANJU_APP_CODE, 0, "employment_status" },
  { "employer_name", ANJU_APP_TEXT, 100, NULL },
  { "employer_type", ANJU_APP_CODE, 0, "employer_type" },
  { "occupation_type", ANJU_APP_TEXT, 30, NULL },
  { "annual_income", ANJU_APP_MONEY, 0, NULL },
  { "special_category_code", ANJU_APP_CODE, 0, "special_category_code" },
  { "disability_type", ANJU_APP_TEXT, 30, NULL },
  { "disability_grade", ANJU_APP_TEXT, 30, NULL },
  { "honor_title_level", ANJU_APP_TEXT, 30, NULL },
  { "honor_title_type", ANJU_APP_TEXT, 30, NULL },
  { "honor_medal_type", ANJU_APP_TEXT, 30, NULL },
  { "is_recruited_talent", ANJU_APP_BOOL, 0, NULL },
  { "is_migrant_worker", ANJU_APP_BOOL, 0, NULL },
  { "has_housing_fund", ANJU_APP_BOOL, 0, NULL },
  { "had_welfare_housing", ANJU_APP_BOOL, 0, NULL },
  { "has_housing_subsidy", ANJU_APP_BOOL, 0, NULL },
  { "lives_together", ANJU_APP_BOOL, 0, NULL },
  { "income_source", ANJU_APP_TEXT, 30, NULL },
  { "has_criminal_record", ANJU_APP_BOOL, 0, NULL },
  { "pension_insurance_no", ANJU_APP_TEXT, 30, NULL },
  { "medical_insurance_no", ANJU_APP_TEXT, 30, NULL },
  { "unemployment_insurance_no", ANJU_APP_TEXT, 30, NULL },
  { "maternity_insurance_no", ANJU_APP_TEXT, 30, NULL },
  { "injury_insurance_no", ANJU_APP_TEXT, 30, NULL },
  { "combined_insurance_no", ANJU_APP_TEXT, 30, NULL },
  { "housing_fund_account", ANJU_APP_TEXT, 30, NULL },
  { "five_guarantees_cert_no", ANJU_APP_TEXT, 30, NULL },
  { "worker_hardship_cert_no", ANJU_APP_TEXT, 30, NULL },
};

const AnjuAppField *
anju_application_fields (guint *n_fields)
{
  *n_fields = G_N_ELEMENTS (application_fields);
  return application_fields;
}

const AnjuAppField *
anju_member_fields (guint *n_fields)
{
  *n_fields = G_N_ELEMENTS (member_fields);
  return member_fields;
}

char *
anju_app_fields_columns (const AnjuAppField *fields,
                         guint               n_fields,
                         const char         *alias)
{
  GString *columns = g_string_new (NULL);

  for (guint i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append (columns, ", ");
      if (alias != NULL)
        g_string_append_printf (columns, "%s.", alias);
      g_string_append (columns, fields[i].name);
    }
  return g_string_free (columns, FALSE);
}

static gboolean
holds_type (JsonNode         *node,
            AnjuAppFieldKind  kind)
{
  GType type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;

  switch (kind)
    {
    case ANJU_APP_INT:
      return type == G_TYPE_INT64;
    case ANJU_APP_BOOL:
      return type == G_TYPE_BOOLEAN;
    case ANJU_APP_TEXT:
    case ANJU_APP_MONEY:
    case ANJU_APP_AREA:
    case ANJU_APP_DATE:
    case ANJU_APP_CODE:
    case ANJU_APP_ID_NO:
    case ANJU_APP_PHONE:
    case ANJU_APP_COUNTY:
    default:
      return type == G_TYPE_STRING;
    }
}

static const char *
type_message (AnjuAppFieldKind kind)
{
  switch (kind)
    {
    case ANJU_APP_INT:
      return _("Must be a whole number");
    case ANJU_APP_BOOL:
      return _("Must be true or false");
    case ANJU_APP_TEXT:
    case ANJU_APP_MONEY:
    case ANJU_APP_AREA:
    case ANJU_APP_DATE:
    case ANJU_APP_CODE:
    case ANJU_APP_ID_NO:
    case ANJU_APP_PHONE:
    case ANJU_APP_COUNTY:
    default:
      return _("Must be a string");
    }
}

static const AnjuAppField *
find_field (const AnjuAppField *fields,
            guint               n_fields,
            const char         *name)
{
  for (guint i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].name, name))
      return &fields[i];
  return NULL;
}

static void
add_error (JsonObject *errors,
           const char *prefix,
           const char *name,
           const char *message)
{
  g_autofree char *field = g_strconcat (prefix != NULL ? prefix : "", name, NULL);

  if (!json_object_has_member (errors, field))
    json_object_set_string_member (errors, field, message);
}

/* Copies one member, trimming texts; a blank text is no value. */
static void
copy_value (const AnjuAppField *field,
            JsonNode           *node,
            JsonObject         *record)
{
  g_autofree char *text = NULL;

  if (JSON_NODE_HOLDS_NULL (node))
    {
      json_object_set_null_member (record, field->name);
      return;
    }
  if (field->kind == ANJU_APP_INT || field->kind == ANJU_APP_BOOL)
    {
      json_object_set_member (record, field->name, json_node_copy (node));
      return;
    }
  text = g_strstrip (g_strdup (json_node_get_string (node)));
  if (*text == '\0')
    json_object_set_null_member (record, field->name);
  else if (field->kind == ANJU_APP_ID_NO)
    {
      /* A check character "x" is an "X". */
      g_autofree char *upper = g_ascii_strup (text, -1);

      json_object_set_string_member (record, field->name, upper);
    }
  else
    json_object_set_string_member (record, field->name, text);
}

void
anju_app_fields_read (const AnjuAppField *fields,
                      guint               n_fields,
                      JsonObject         *body,
                      JsonObject         *record,
                      const char         *prefix,
                      const char * const *skip,
                      JsonObject         *errors)
{
  g_autoptr(GList) members = json_object_get_members (body);

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      const AnjuAppField *field = find_field (fields, n_fields, name);
      JsonNode *node = json_object_get_member (body, name);

      if (skip != NULL && g_strv_contains (skip, name))
        continue;
      if (field == NULL)
        add_error (errors, prefix, name, _("Unknown field"));
      else if (!JSON_NODE_HOLDS_NULL (node) && !holds_type (node, field->kind))
        add_error (errors, prefix, name, type_message (field->kind));
      else if (field->kind != ANJU_APP_INT && field->kind != ANJU_APP_BOOL
               && !JSON_NODE_HOLDS_NULL (node)
               && !g_utf8_validate (json_node_get_string (node), -1, NULL))
        add_error (errors, prefix, name, _("Must be valid UTF-8 text"));
      else
        copy_value (field, node, record);
    }
}

const char *
anju_app_record_get_string (JsonObject *record,
                            const char *member)
{
  JsonNode *node = json_object_get_member (record, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static void
bind_one (const AnjuAppField *field,
          JsonObject         *record,
          sqlite3_stmt       *stmt,
          int                 param)
{
  JsonNode *node = json_object_get_member (record, field->name);
  gint64 hundredths;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      /* Booleans are NOT NULL columns: no value is "no". */
      if (field->kind == ANJU_APP_BOOL)
        sqlite3_bind_int (stmt, param, 0);
      else
        sqlite3_bind_null (stmt, param);
      return;
    }
  switch (field->kind)
    {
    case ANJU_APP_INT:
      sqlite3_bind_int64 (stmt, param, json_node_get_int (node));
      break;
    case ANJU_APP_BOOL:
      sqlite3_bind_int (stmt, param, json_node_get_boolean (node));
      break;
    case ANJU_APP_MONEY:
    case ANJU_APP_AREA:
      if (anju_decimal_parse_hundredths (json_node_get_string (node), &hundredths, NULL))
        sqlite3_bind_int64 (stmt, param, hundredths);
      else
        sqlite3_bind_null (stmt, param);
      break;
    case ANJU_APP_TEXT:
    case ANJU_APP_DATE:
    case ANJU_APP_CODE:
    case ANJU_APP_ID_NO:
    case ANJU_APP_PHONE:
    case ANJU_APP_COUNTY:
    default:
      anju_db_bind_text (stmt, param, json_node_get_string (node));
      break;
    }
}

void
anju_app_fields_bind (const AnjuAppField *fields,
                      guint               n_fields,
                      JsonObject         *record,
                      sqlite3_stmt       *stmt,
                      int                 first_param)
{
  for (guint i = 0; i < n_fields; i++)
    bind_one (&fields[i], record, stmt, first_param + (int) i);
}

void
anju_app_fields_from_row (const AnjuAppField *fields,
                          guint               n_fields,
                          sqlite3_stmt       *stmt,
                          int                 first_column,
                          JsonObject         *record)
{
  for (guint i = 0; i < n_fields; i++)
    {
      int column = first_column + (int) i;
      const char *name = fields[i].name;

      if (fields[i].kind == ANJU_APP_BOOL)
        json_object_set_boolean_member (record, name, sqlite3_column_int (stmt, column) != 0);
      else if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
        json_object_set_null_member (record, name);
      else if (fields[i].kind == ANJU_APP_INT)
        json_object_set_int_member (record, name, sqlite3_column_int64 (stmt, column));
      else if (fields[i].kind == ANJU_APP_MONEY || fields[i].kind == ANJU_APP_AREA)
        {
          g_autofree char *text = anju_decimal_format_hundredths (sqlite3_column_int64 (stmt, column));

          json_object_set_string_member (record, name, text);
        }
      else
        json_object_set_string_member (record, name,
                                       (const char *) sqlite3_column_text (stmt, column));
    }
}

void
anju_app_fields_write (const AnjuAppField *field,
                       sqlite3_stmt       *stmt,
                       int                 column,
                       char             *(*mask) (const char *),
                       AnjuJsonText       *text)
{
  /* The same cases in the same order as anju_app_fields_from_row(). */
  if (field->kind == ANJU_APP_BOOL)
    {
      anju_json_text_member (text, field->name);
      anju_json_text_bool (text, sqlite3_column_int (stmt, column) != 0);
    }
  else if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    {
      anju_json_text_member (text, field->name);
      anju_json_text_null (text);
    }
  else if (field->kind == ANJU_APP_INT)
    anju_json_text_id_column (text, field->name, stmt, column);
  else if (field->kind == ANJU_APP_MONEY || field->kind == ANJU_APP_AREA)
    anju_json_text_hundredths_column (text, field->name, stmt, column);
  else if (mask != NULL)
    {
      g_autofree char *masked = mask ((const char *) sqlite3_column_text (stmt, column));

      anju_json_text_member (text, field->name);
      anju_json_text_string (text, masked);
    }
  else
    {
      /* As a C string, as json_object_set_string_member() takes it. */
      anju_json_text_member (text, field->name);
      anju_json_text_string (text, (const char *) sqlite3_column_text (stmt, column));
    }
}
