/* anju-application-fields.h: the columns of an application and of its
 * members, as one table each.
 *
 * The wire member and the column have the same name (docs/api.md,
 * "Applications").  One table drives reading a request body, binding the
 * values to SQL and building the JSON back from a row, so the three can
 * never disagree.  A "record" is a JsonObject holding wire values
 * (amounts and areas as "1250.00" strings, booleans, whole numbers,
 * texts); a member is absent or JSON null when it has no value.
 */
#pragma once

#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "anju-json-text.h"

G_BEGIN_DECLS

typedef enum
{
  ANJU_APP_TEXT,
  ANJU_APP_INT,
  ANJU_APP_BOOL,
  ANJU_APP_MONEY,     /* "1250.00" yuan ↔ fen */
  ANJU_APP_AREA,      /* "65.50" m² ↔ 0.01 m² */
  ANJU_APP_DATE,      /* "YYYY-MM-DD" */
  ANJU_APP_CODE,      /* a code of pubrent_codes' code_set */
  ANJU_APP_ID_NO,     /* checked by the id_doc_type member next to it */
  ANJU_APP_PHONE,     /* mainland mobile number */
  ANJU_APP_COUNTY,    /* six-digit administrative division code */
} AnjuAppFieldKind;

typedef struct
{
  const char       *name;
  AnjuAppFieldKind  kind;
  guint             max_length;   /* texts; 0 = 30 */
  const char       *code_set;     /* codes */
} AnjuAppField;

/* Every column of pubrent_applications a client writes. */
const AnjuAppField *anju_application_fields     (guint *n_fields);
/* Every column of pubrent_members a client writes. */
const AnjuAppField *anju_member_fields          (guint *n_fields);

/* "a.name, a.id_no, …" for fields, each prefixed by "<alias>." (alias
 * may be NULL). */
char       *anju_app_fields_columns             (const AnjuAppField *fields,
                                                 guint               n_fields,
                                                 const char         *alias);
/* Copies the body's members onto record, checking only their JSON types;
 * a JSON null clears a member.  Every problem goes into errors under
 * prefix + name ("members[2].id_no"); members named in skip are left to
 * the caller. */
void        anju_app_fields_read                (const AnjuAppField *fields,
                                                 guint               n_fields,
                                                 JsonObject         *body,
                                                 JsonObject         *record,
                                                 const char         *prefix,
                                                 const char * const *skip,
                                                 JsonObject         *errors);
/* Binds record's values to first_param, first_param + 1 … in the order
 * of fields.  The record must have been checked: an amount that does not
 * parse binds NULL. */
void        anju_app_fields_bind                (const AnjuAppField *fields,
                                                 guint               n_fields,
                                                 JsonObject         *record,
                                                 sqlite3_stmt       *stmt,
                                                 int                 first_param);
/* Sets fields' members on record from the row's columns from
 * first_column on. */
void        anju_app_fields_from_row            (const AnjuAppField *fields,
                                                 guint               n_fields,
                                                 sqlite3_stmt       *stmt,
                                                 int                 first_column,
                                                 JsonObject         *record);

/* Writes the member of field and its value from the row's column, as
 * anju_app_fields_from_row() sets it; with mask (nullable), a text is
 * written as mask gives it. */
void        anju_app_fields_write               (const AnjuAppField *field,
                                                 sqlite3_stmt       *stmt,
                                                 int                 column,
                                                 char             *(*mask) (const char *),
                                                 AnjuJsonText       *text);

/* The member's string, or NULL when absent, null or not a string. */
const char *anju_app_record_get_string          (JsonObject         *record,
                                                 const char         *member);

G_END_DECLS
