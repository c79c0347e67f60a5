/* anju-document-number.h: document numbers and their verification codes.
 *
 * Numbers run per kind and calendar year (Asia/Shanghai): GS-2026-000001
 * (street publicity), GG-2026-000001 (announcement), QRD-2026-000001
 * (confirmation form), kept in pubrent_document_counters inside the
 * caller's transaction.  A code is the first 16 hex characters of
 * HMAC-SHA256 (number) under the database's own key (made by migration
 * 0013), so only this server can issue a code that verifies, and a
 * changed number or code fails.
 */
#pragma once

#include "anju-db.h"

G_BEGIN_DECLS

#define ANJU_DOCUMENT_CODE_LENGTH 16

char     *anju_document_number_next   (AnjuDb      *db,
                                       const char  *kind,
                                       gint64       now,
                                       GError     **error);
char     *anju_document_code_for      (AnjuDb      *db,
                                       const char  *number,
                                       GError     **error);
/* TRUE in *out_valid when code is number's code. */
gboolean  anju_document_code_verify   (AnjuDb      *db,
                                       const char  *number,
                                       const char  *code,
                                       gboolean    *out_valid,
                                       GError     **error);

G_END_DECLS
