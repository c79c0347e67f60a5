/* anju-json-text.h: JSON text written straight into a GString.
 *
 * A page of a list at city scale is 50–200 rows of 20 members each.
 * Building it as JsonNodes (an object, a hash table and a node per
 * member) and then walking them with a JsonGenerator cost most of a
 * list's CPU; writing the text as the rows are read costs a fraction.
 *
 *   anju_json_text_begin_object (text);
 *   anju_json_text_member (text, "id");
 *   anju_json_text_int (text, 7);
 *   anju_json_text_end_object (text);
 *
 * The writer puts the commas and the colons; the caller keeps the shape
 * right (a member name before each value of an object, none in an
 * array), as with JsonBuilder.
 *
 * Strings: '"' and '\\' are escaped, so are the control characters
 * U+0000–U+001F (\b \f \n \r \t, the others as \u00XX), and nothing else:
 * UTF-8 (CJK, emoji) passes through as it is.  Bytes that are not valid
 * UTF-8 become U+FFFD, so the text is always valid JSON.  An embedded NUL
 * (anju_json_text_string_len() only) is written as \u0000, which is
 * JSON for it.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _AnjuJsonText AnjuJsonText;

/* Appends to out, which the caller keeps. */
AnjuJsonText *anju_json_text_new          (GString      *out);
void          anju_json_text_free         (AnjuJsonText *self);

void          anju_json_text_begin_object (AnjuJsonText *self);
void          anju_json_text_end_object   (AnjuJsonText *self);
void          anju_json_text_begin_array  (AnjuJsonText *self);
void          anju_json_text_end_array    (AnjuJsonText *self);
/* name is written as a JSON string, escaped like any other. */
void          anju_json_text_member       (AnjuJsonText *self,
                                           const char   *name);

/* (nullable) value: NULL writes null. */
void          anju_json_text_string       (AnjuJsonText *self,
                                           const char   *value);
/* length bytes of value, which may hold NULs. */
void          anju_json_text_string_len   (AnjuJsonText *self,
                                           const char   *value,
                                           gsize         length);
void          anju_json_text_int          (AnjuJsonText *self,
                                           gint64        value);
/* The fewest digits (15 to 17) that read back as the same double; NaN and the
 * infinities, which JSON has no text for, as null. */
void          anju_json_text_double       (AnjuJsonText *self,
                                           double        value);
void          anju_json_text_bool         (AnjuJsonText *self,
                                           gboolean      value);
void          anju_json_text_null         (AnjuJsonText *self);
/* A value that is JSON text already (one complete value, as a
 * JsonGenerator wrote it), appended as it is. */
void          anju_json_text_raw          (AnjuJsonText *self,
                                           const char   *json,
                                           gsize         length);

/* A page of a list (docs/api.md, "Lists"): begin opens its object and
 * its "items" array; end closes the array and writes "total" and "next"
 * (page + 1 while rows remain after this page, else null). */
void          anju_json_text_begin_page   (AnjuJsonText *self);
void          anju_json_text_end_page     (AnjuJsonText *self,
                                           gint64        total,
                                           guint         page,
                                           guint         page_size);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnjuJsonText, anju_json_text_free)

G_END_DECLS
