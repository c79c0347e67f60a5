/* anju-application-json.h: what an Application looks like to whom.
 *
 * docs/api.md: lists always mask ID numbers and phones; a detail is in
 * full only for holders of pubrent.application.review and users of the
 * organisation that entered the application.  Audit and change rows are
 * always masked.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "anju-caller.h"

G_BEGIN_DECLS

/* anju_mask_id_number(), anju_mask_phone(). */
typedef char *(*AnjuApplicationMaskFunc) (const char *value);

/* Masks the ID numbers and phones of record and of its members, in
 * place. */
void      anju_application_mask           (JsonObject        *record);
/* How member (of an application or of one of its members) is masked
 * for whom may not see it in full, or NULL when it is shown as it is:
 * the rule anju_application_mask() applies, for text written from rows. */
AnjuApplicationMaskFunc anju_application_mask_of (const char *member);
/* Whether caller sees the application of org_id unmasked. */
gboolean  anju_application_caller_sees_pii (const AnjuCaller *caller,
                                            gint64            org_id);
/* A copy of record that shares no object or array with it, so that
 * either can change without the other (json_node_copy () shares them). */
JsonObject *anju_application_record_copy  (JsonObject        *record);
/* A masked copy of record for audit and change rows. */
JsonNode *anju_application_audit_node     (JsonObject        *record);
/* "公租房申请 GZF-2026-000123 王*芳": the process's record label. */
char     *anju_application_label          (const char        *application_no,
                                           const char        *applicant_name);

G_END_DECLS
