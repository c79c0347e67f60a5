/* anju-pubrent-form.h: rows for the members of a JSON object, built from
 * a table.
 *
 * The household (D01) and member (D02) forms have dozens of fields of a
 * few kinds: text, a count, an amount in yuan, an area in m², a date,
 * yes/no, and coded values from GET /api/v1/pubrent/codes.  A form takes
 * tables of AnjuPubrentField, makes one row per field (an entry row, a
 * combo row over the code set's names, a switch), fills them from an
 * object, writes them back into one, and shows the server's per-field
 * messages at their rows (docs/api.md: "fields": {"phone": "…"}, with
 * a prefix such as "members[2]." for a member).
 *
 * A coded field whose set the server did not send becomes a text entry,
 * so that nothing is lost against an older dictionary.  The form is plain
 * data owned by its dialog; the rows belong to their groups.
 */
#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum
{
  ANJU_PUBRENT_FIELD_TEXT,
  ANJU_PUBRENT_FIELD_COUNT,    /* a whole number: JSON integer */
  ANJU_PUBRENT_FIELD_AMOUNT,   /* yuan, "1250.00": JSON string */
  ANJU_PUBRENT_FIELD_AREA,     /* m², "65.50": JSON string */
  ANJU_PUBRENT_FIELD_DATE,     /* "YYYY-MM-DD" */
  ANJU_PUBRENT_FIELD_BOOLEAN,
  ANJU_PUBRENT_FIELD_CODE,     /* a code of code_set */
} AnjuPubrentFieldKind;

typedef struct
{
  const char           *member;    /* "applicant_name" */
  const char           *label;     /* N_() */
  AnjuPubrentFieldKind  kind;
  const char           *code_set;  /* for ANJU_PUBRENT_FIELD_CODE */
} AnjuPubrentField;

typedef struct _AnjuPubrentForm AnjuPubrentForm;

/* codes: the answer of GET /api/v1/pubrent/codes (nullable; referenced). */
AnjuPubrentForm *anju_pubrent_form_new          (JsonObject             *codes);
void             anju_pubrent_form_free         (AnjuPubrentForm        *self);
/* A preferences group titled title (N_()) with a row per field. */
GtkWidget       *anju_pubrent_form_add_group    (AnjuPubrentForm        *self,
                                                 const char             *title,
                                                 const AnjuPubrentField *fields,
                                                 guint                   n_fields);
/* (nullable) The row of a member: AdwEntryRow, AdwComboRow or an
 * AdwActionRow holding a GtkSwitch. */
GtkWidget       *anju_pubrent_form_get_row      (AnjuPubrentForm        *self,
                                                 const char             *member);
/* Fills every row from object (a missing member empties the row). */
void             anju_pubrent_form_set_values   (AnjuPubrentForm        *self,
                                                 JsonObject             *object);
/* Sets one member's row from a string: the text, "true"/"false", or a
 * code. */
void             anju_pubrent_form_set_text     (AnjuPubrentForm        *self,
                                                 const char             *member,
                                                 const char             *value);
/* (transfer full) (nullable) What a row holds as text; NULL when empty. */
char            *anju_pubrent_form_get_text     (AnjuPubrentForm        *self,
                                                 const char             *member);
/* Writes every row into object: empty rows as null, counts as integers
 * (a count that is not a number goes as the text, for the server to
 * name). */
void             anju_pubrent_form_get_values   (AnjuPubrentForm        *self,
                                                 JsonObject             *object);
/* Shows each message of fields whose name is prefix + a member of this
 * form at its row and returns how many it showed. */
guint            anju_pubrent_form_show_errors  (AnjuPubrentForm        *self,
                                                 JsonObject             *fields,
                                                 const char             *prefix);
void             anju_pubrent_form_clear_errors (AnjuPubrentForm        *self);
/* The name a code set gives code (NULL when unknown). */
const char      *anju_pubrent_codes_name        (JsonObject             *codes,
                                                 const char             *code_set,
                                                 const char             *code);
/* A value as text for reading: booleans as Yes/No, codes by name,
 * numbers as digits; NULL for null or missing. */
char            *anju_pubrent_form_display      (JsonObject             *codes,
                                                 const AnjuPubrentField *field,
                                                 JsonObject             *object);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnjuPubrentForm, anju_pubrent_form_free)

G_END_DECLS
