/* anju-json-body.h: reading a request body that AnjuFieldSpec cannot
 * describe (a list of objects), for the eligibility endpoints.
 */
#pragma once

#include "anju-request.h"

G_BEGIN_DECLS

/* The body as an object (a new reference), or NULL with the 400 already
 * replied when it is not JSON or not an object. */
JsonObject *anju_json_body_read            (AnjuRequest *request);
/* Adds a field error for every member of body not in known (a
 * NULL-terminated list); returns whether there was none. */
gboolean    anju_json_body_check_members   (AnjuRequest        *request,
                                            JsonObject         *body,
                                            const char         *prefix,
                                            const char * const *known);

G_END_DECLS
