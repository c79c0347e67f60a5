/* anju-application-writes.h: what the files of the applications module
 * share about writing one (anju-application-writes.c). */
#pragma once

#include <json-glib/json-glib.h>

#include "anju-applications.h"

G_BEGIN_DECLS

/* Copies a request body (Application members, "members" as a list)
 * onto record, type errors into errors. */
void     anju_application_read_body          (JsonObject                  *body,
                                              JsonObject                  *record,
                                              JsonObject                  *errors);
/* TRUE when errors is empty; else ANJU_ERROR_VALIDATION naming the first. */
gboolean anju_application_fail_validation    (JsonObject                  *errors,
                                              GError                     **error);
/* 409 unless org_kind may enter business_type. */
gboolean anju_application_check_org_kind     (const char                  *business_type,
                                              const char                  *org_kind,
                                              GError                     **error);
/* draft, prereview_failed, returned, rejected: the record may change. */
gboolean anju_application_status_is_editable (const char                  *status);
/* The change row and the audit row (pubrent.application.<action>) of a
 * write to application id; before is NULL for a create. */
gboolean anju_application_record_change      (const AnjuApplicationWrite  *write,
                                              gint64                       id,
                                              const char                  *action,
                                              JsonObject                  *before,
                                              GError                     **error);

G_END_DECLS
