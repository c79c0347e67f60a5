/* anju-application-check.c: the validation rules of an application.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "anju-application-check.h"
#include "anju-application-fields.h"
#include "anju-decimal.h"
#include "anju-id-number.h"
#include "anju-phone.h"
#include "anju-stmt.h"

typedef struct
{
  AnjuDb     *db;
  JsonObject *errors;
  const char *prefix;     /* "" or "members[2]." */
} Checker;

gboolean
anju_application_type_is_directed (const char *business_type)
{
  return g_str_has_prefix (business_type != NULL ? business_type : "", "directed_");
}

gboolean
anju_application_type_is_physical (const char *business_type)
{
  return g_str_has_suffix (business_type != NULL ? business_type : "", "_physical");
}

static void
add_error (Checker    *checker,
           const char *name,
           const char *message)
{
  g_autofree char *field = g_strconcat (checker->prefix, name, NULL);

  if (!json_object_has_member (checker->errors, field))
    json_object_set_string_member (checker->errors, field, message);
}

static gboolean
has_value (JsonObject *record,
           const char *member)
{
  JsonNode *node = json_object_get_member (record, member);

  return node != NULL && !JSON_NODE_HOLDS_NULL (node);
}

static gboolean
code_exists (AnjuDb      *db,
             const char  *code_set,
             const char  *code,
             gboolean    *out_exists,
             GError     **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "SELECT 1 FROM pubrent_codes"
                                           " WHERE code_set = ?1 AND code = ?2",
                                           error);
  gint64 found;

  if (stmt == NULL)
    return FALSE;
  anju_db_bind_text (stmt, 1, code_set);
  anju_db_bind_text (stmt, 2, code);
  if (!anju_db_step_id (db, stmt, &found, error))
    return FALSE;
  *out_exists = found != 0;
  return TRUE;
}

static gboolean
date_is_valid (const char *text)
{
  int y, m, d;
  char extra;

  return strlen (text) == 10 && text[4] == '-' && text[7] == '-'
         && sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &extra) == 3
         && g_date_valid_dmy (d, m, y);
}

/* The id_doc_type member that goes with an ID number member:
 * "id_no" → "id_doc_type", "agent_id_no" → "agent_id_doc_type". */
static char *
doc_type_member (const char *id_member)
{
  gsize prefix_len = strlen (id_member) - strlen ("id_no");

  return g_strdup_printf ("%.*sid_doc_type", (int) prefix_len, id_member);
}

static void
check_id_no (Checker    *checker,
             JsonObject *record,
             const char *name,
             const char *value)
{
  g_autofree char *type_member = doc_type_member (name);
  const char *doc_type = anju_app_record_get_string (record, type_member);
  g_autoptr(GError) local_error = NULL;

  if (doc_type != NULL && !g_str_equal (doc_type, "resident_id"))
    {
      if (g_utf8_strlen (value, -1) > 30)
        add_error (checker, name, _("Must be at most 30 characters"));
      return;
    }
  if (!anju_id_number_validate (value, &local_error))
    add_error (checker, name, local_error->message);
}

static gboolean
check_value (Checker             *checker,
             const AnjuAppField  *field,
             JsonObject          *record,
             GError             **error)
{
  const char *text = anju_app_record_get_string (record, field->name);
  g_autoptr(GError) local_error = NULL;
  gint64 hundredths;
  gboolean exists;

  switch (field->kind)
    {
    case ANJU_APP_TEXT:
      if (g_utf8_strlen (text, -1) > (glong) (field->max_length ? field->max_length : 30))
        {
          g_autofree char *why = g_strdup_printf (_("Must be at most %u characters"),
                                                  field->max_length ? field->max_length : 30);
          add_error (checker, field->name, why);
        }
      break;
    case ANJU_APP_INT:
      if (json_object_get_int_member (record, field->name) < 0)
        add_error (checker, field->name, _("Must not be negative"));
      break;
    case ANJU_APP_MONEY:
      if (!anju_decimal_parse_hundredths (text, &hundredths, NULL))
        add_error (checker, field->name,
                   _("Must be an amount in yuan with at most two decimals, such as 1250.00"));
      break;
    case ANJU_APP_AREA:
      if (!anju_decimal_parse_hundredths (text, &hundredths, NULL))
        add_error (checker, field->name,
                   _("Must be an area in square metres with at most two decimals, such as 65.50"));
      break;
    case ANJU_APP_DATE:
      if (!date_is_valid (text))
        add_error (checker, field->name, _("Must be a date written YYYY-MM-DD"));
      break;
    case ANJU_APP_CODE:
      if (!code_exists (checker->db, field->code_set, text, &exists, error))
        return FALSE;
      if (!exists)
        {
          /* Translators: %1$s is the value sent, %2$s a code list such as "ethnicity" */
          g_autofree char *why = g_strdup_printf (_("“%1$s” is not a code of %2$s"), text,
                                                  field->code_set);
          add_error (checker, field->name, why);
        }
      break;
    case ANJU_APP_ID_NO:
      check_id_no (checker, record, field->name, text);
      break;
    case ANJU_APP_PHONE:
      if (!anju_phone_validate_mobile (text, &local_error))
        add_error (checker, field->name, local_error->message);
      break;
    case ANJU_APP_COUNTY:
      if (strlen (text) != 6 || strspn (text, "0123456789") != 6)
        add_error (checker, field->name, _("Must be a six-digit administrative division code"));
      break;
    case ANJU_APP_BOOL:
    default:
      break;
    }
  return TRUE;
}

static gboolean
check_values (Checker             *checker,
              const AnjuAppField  *fields,
              guint                n_fields,
              JsonObject          *record,
              GError             **error)
{
  for (guint i = 0; i < n_fields; i++)
    if (has_value (record, fields[i].name)
        && !check_value (checker, &fields[i], record, error))
      return FALSE;
  return TRUE;
}

static void
require (Checker    *checker,
         JsonObject *record,
         const char *member)
{
  if (!has_value (record, member))
    add_error (checker, member, _("This field is required"));
}

static void
set_default (JsonObject *record,
             const char *member,
             const char *value)
{
  if (!has_value (record, member))
    json_object_set_string_member (record, member, value);
}

/* Birth date and gender come from a resident ID number: filled when
 * missing, refused when they disagree. */
static void
check_against_id (Checker    *checker,
                  JsonObject *member)
{
  const char *id_no = anju_app_record_get_string (member, "id_no");
  const char *birth = anju_app_record_get_string (member, "birth_date");
  const char *gender = anju_app_record_get_string (member, "gender");
  char id_birth[11];
  const char *id_gender;
  GDate date;

  if (id_no == NULL || !g_str_equal (anju_app_record_get_string (member, "id_doc_type"),
                                     "resident_id")
      || !anju_id_number_validate (id_no, NULL)
      || !anju_id_number_get_birth_date (id_no, &date))
    return;
  g_date_strftime (id_birth, sizeof id_birth, "%Y-%m-%d", &date);
  id_gender = anju_id_number_get_sex (id_no) == ANJU_SEX_MALE ? "male" : "female";

  if (birth == NULL)
    json_object_set_string_member (member, "birth_date", id_birth);
  else if (!g_str_equal (birth, id_birth))
    add_error (checker, "birth_date", _("Does not agree with the birth date in the ID number"));
  if (gender == NULL)
    json_object_set_string_member (member, "gender", id_gender);
  else if (!g_str_equal (gender, id_gender))
    add_error (checker, "gender", _("Does not agree with the sex in the ID number"));
}

/* The applicant is members[0], relation "self": made from the
 * application when the list is empty, completed from it otherwise, and
 * refused when it names someone else. */
static JsonArray *
applicant_member (Checker    *checker,
                  JsonObject *record)
{
  static const char * const shared[][2] = {
    { "applicant_name", "name" }, { "id_doc_type", "id_doc_type" },
    { "id_no", "id_no" }, { "phone", "phone" },
  };
  JsonArray *members;
  JsonObject *first;

  if (!json_object_has_member (record, "members")
      || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (record, "members")))
    json_object_set_array_member (record, "members", json_array_new ());
  members = json_object_get_array_member (record, "members");
  if (json_array_get_length (members) == 0)
    {
      first = json_object_new ();
      json_object_set_string_member (first, "relation", "self");
      json_array_add_object_element (members, first);
    }
  first = json_array_get_object_element (members, 0);
  for (guint i = 0; i < G_N_ELEMENTS (shared); i++)
    {
      const char *ours = anju_app_record_get_string (record, shared[i][0]);
      const char *theirs = anju_app_record_get_string (first, shared[i][1]);
      g_autofree char *field = g_strdup_printf ("members[0].%s", shared[i][1]);

      if (ours == NULL)
        continue;
      if (theirs == NULL)
        json_object_set_string_member (first, shared[i][1], ours);
      else if (!g_str_equal (ours, theirs) && !json_object_has_member (checker->errors, field))
        json_object_set_string_member (checker->errors, field,
                                       _("The first member is the applicant and must match the application"));
    }
  return members;
}

static gboolean
check_member (Checker     *checker,
              JsonObject  *member,
              guint        position,
              gboolean     complete,
              GError     **error)
{
  guint n_fields;
  const AnjuAppField *fields = anju_member_fields (&n_fields);
  const char *relation;

  set_default (member, "id_doc_type", "resident_id");
  set_default (member, "special_category_code", "none");
  if (!check_values (checker, fields, n_fields, member, error))
    return FALSE;
  check_against_id (checker, member);
  relation = anju_app_record_get_string (member, "relation");
  if (position == 0 && g_strcmp0 (relation, "self") != 0)
    add_error (checker, "relation", _("The first member is the applicant: relation must be “self”"));
  else if (position > 0 && g_strcmp0 (relation, "self") == 0)
    add_error (checker, "relation", _("Only the first member may be the applicant (“self”)"));
  require (checker, member, "name");
  if (complete)
    {
      require (checker, member, "relation");
      require (checker, member, "id_no");
    }
  return TRUE;
}

/* Nobody twice in one household. */
static void
check_distinct (Checker   *checker,
                JsonArray *members)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < json_array_get_length (members); i++)
    {
      const char *id_no = anju_app_record_get_string (json_array_get_object_element (members, i),
                                                      "id_no");
      g_autofree char *field = g_strdup_printf ("members[%u].id_no", i);

      if (id_no == NULL)
        continue;
      if (g_hash_table_contains (seen, id_no) && !json_object_has_member (checker->errors, field))
        json_object_set_string_member (checker->errors, field,
                                       _("This person is already a member of this household"));
      g_hash_table_add (seen, (gpointer) id_no);
    }
}

static void
check_complete (Checker    *checker,
                JsonObject *record,
                guint       n_members)
{
  const char *type = anju_app_record_get_string (record, "business_type");
  static const char * const always[] = {
    "applicant_name", "id_no", "phone", "household_size", "hukou_county_code",
  };
  static const char * const physical[] = {
    "annual_income_per_capita", "annual_income_total", "floor_area_per_capita",
    "floor_area_total",
  };

  for (guint i = 0; i < G_N_ELEMENTS (always); i++)
    require (checker, record, always[i]);
  if (anju_application_type_is_physical (type))
    for (guint i = 0; i < G_N_ELEMENTS (physical); i++)
      require (checker, record, physical[i]);
  if (anju_application_type_is_directed (type))
    require (checker, record, "employer_name");
  if (has_value (record, "household_size")
      && json_object_get_int_member (record, "household_size") != (gint64) n_members)
    {
      /* Translators: %u is the number of members listed */
      g_autofree char *why = g_strdup_printf (_("Must equal the number of members (%u)"),
                                              n_members);

      add_error (checker, "household_size", why);
    }
}

gboolean
anju_application_check (AnjuDb      *db,
                        JsonObject  *record,
                        gboolean     complete,
                        JsonObject  *errors,
                        GError     **error)
{
  Checker checker = { db, errors, "" };
  guint n_fields;
  const AnjuAppField *fields = anju_application_fields (&n_fields);
  JsonArray *members;

  set_default (record, "id_doc_type", "resident_id");
  require (&checker, record, "business_type");
  require (&checker, record, "applicant_name");
  if (has_value (record, "household_size")
      && json_object_get_int_member (record, "household_size") < 1)
    add_error (&checker, "household_size", _("Must be at least 1"));
  if (!check_values (&checker, fields, n_fields, record, error))
    return FALSE;

  members = applicant_member (&checker, record);
  for (guint i = 0; i < json_array_get_length (members); i++)
    {
      g_autofree char *prefix = g_strdup_printf ("members[%u].", i);
      Checker member_checker = { db, errors, prefix };

      if (!check_member (&member_checker, json_array_get_object_element (members, i), i,
                         complete, error))
        return FALSE;
    }
  check_distinct (&checker, members);
  if (complete)
    check_complete (&checker, record, json_array_get_length (members));
  return TRUE;
}

/* ---- the 409s -------------------------------------------------------- */

static gboolean
check_person (AnjuDb      *db,
              gint64       application_id,
              const char  *field,
              const char  *id_no,
              GError     **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "SELECT a.application_no, a.status"
                                           " FROM pubrent_members m"
                                           " JOIN pubrent_applications a ON a.id = m.application_id"
                                           " WHERE m.id_no = ?1 AND a.id != ?2"
                                           " AND a.status NOT IN ('rejected', 'withdrawn', 'closed')"
                                           " ORDER BY a.status = 'confirmed' DESC, a.id LIMIT 1",
                                           error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  anju_db_bind_text (stmt, 1, id_no);
  sqlite3_bind_int64 (stmt, 2, application_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const char *other = (const char *) sqlite3_column_text (stmt, 0);

      if (g_str_equal ((const char *) sqlite3_column_text (stmt, 1), "confirmed"))
        g_set_error (error, ANJU_ERROR, ANJU_ERROR_CONFLICT,
                     /* Translators: %1$s is a field such as members[1].id_no, %2$s an application number */
                     _("%1$s: this person’s qualification is already confirmed by application %2$s "
                       "(waiting for allocation or on the subsidy roster) and cannot apply again"),
                     field, other);
      else
        g_set_error (error, ANJU_ERROR, ANJU_ERROR_CONFLICT,
                     /* Translators: %1$s is a field such as members[1].id_no, %2$s an application number */
                     _("%1$s: this person is already in the open application %2$s"), field, other);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      anju_db_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

/* An active lease on the external records (pubrent_external_records,
 * kind "lease") blocks a new application. */
static gboolean
check_lease (AnjuDb      *db,
             const char  *field,
             const char  *id_no,
             GError     **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "SELECT data FROM pubrent_external_records"
                                           " WHERE id_no = ?1 AND kind = 'lease'"
                                           " ORDER BY imported_at DESC LIMIT 1",
                                           error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  anju_db_bind_text (stmt, 1, id_no);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_CONFLICT,
                   /* Translators: %1$s is a field such as members[1].id_no, %2$s the lease on record */
                   _("%1$s: this person has an active lease on record (%2$s) and cannot apply"),
                   field, (const char *) sqlite3_column_text (stmt, 0));
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      anju_db_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
anju_application_check_people (AnjuDb      *db,
                               gint64       application_id,
                               JsonObject  *record,
                               GError     **error)
{
  JsonArray *members = json_object_get_array_member (record, "members");

  for (guint i = 0; i < json_array_get_length (members); i++)
    {
      const char *id_no = anju_app_record_get_string (json_array_get_object_element (members, i),
                                                      "id_no");
      g_autofree char *field = g_strdup_printf ("members[%u].id_no", i);

      if (id_no != NULL
          && (!check_person (db, application_id, field, id_no, error)
              || !check_lease (db, field, id_no, error)))
        return FALSE;
    }
  return TRUE;
}
