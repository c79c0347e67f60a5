/* anju-validation.h: the few ways a handler says "no".
 *
 * Handlers check every field they can before answering, adding one field
 * error per bad member (anju_request_add_field_error), so a form can show
 * all its problems at once; then anju_reply_validation_failed() answers
 * 422 with all of them.
 */
#pragma once

#include "anju-request.h"

G_BEGIN_DECLS

/* 422 validation_failed with the field errors added so far. */
void   anju_reply_validation_failed (AnjuRequest   *request);
/* Adds one field error and answers 422 at once. */
void   anju_reply_field_error       (AnjuRequest   *request,
                                     const char    *field,
                                     const char    *message);
/* Answers with code and message (403, 404, 409 …). */
void   anju_reply_error_code        (AnjuRequest   *request,
                                     AnjuErrorCode  code,
                                     const char    *message);

/* The member's string with surrounding white space removed; NULL when the
 * member is absent or JSON null. */
char  *anju_body_dup_trimmed        (JsonObject    *body,
                                     const char    *member);
/* Adds a field error when value is NULL or empty; returns whether it was
 * acceptable. */
gboolean anju_check_not_blank       (AnjuRequest   *request,
                                     const char    *field,
                                     const char    *value);

/* Account names: 3 to 32 of a-z, 0-9, "_", "." and "-". */
gboolean anju_username_is_valid     (const char    *username);
/* What anju_username_is_valid() asks for, translated. */
const char *anju_username_rule      (void);

G_END_DECLS
