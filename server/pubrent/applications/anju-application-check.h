/* anju-application-check.h: is an application acceptable?
 *
 * The rules of docs/api.md "Applications", on a record (the Application
 * object with its "members" array, wire values):
 *
 *  - anju_application_check() — every member well formed (codes in the
 *    dictionary, resident ID numbers by GB 11643, birth date and gender
 *    agreeing with the number, mainland mobile numbers, amounts, areas,
 *    dates, lengths), the applicant first as relation "self" and nobody
 *    twice; with complete, also what the business type requires and a
 *    household size equal to the number of members.  It fills what the
 *    ID number tells (birth date, gender), the applicant's member from
 *    the application, and the defaults (resident ID, special category
 *    "none").  Each problem goes into errors under the member's path
 *    ("members[2].id_no").
 *  - anju_application_check_people() — the 409s: a person in another
 *    open application, already confirmed, or with a lease on record.
 *
 * Both only read.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "anju-db.h"

G_BEGIN_DECLS

/* FALSE only for a store error; the verdict is errors being empty. */
gboolean anju_application_check        (AnjuDb      *db,
                                        JsonObject  *record,
                                        gboolean     complete,
                                        JsonObject  *errors,
                                        GError     **error);
/* ANJU_ERROR_CONFLICT naming the member ("members[1].id_no") and the
 * other application's number; application_id (0 for a new one) is left
 * out of the search. */
gboolean anju_application_check_people (AnjuDb      *db,
                                        gint64       application_id,
                                        JsonObject  *record,
                                        GError     **error);

/* Whether the business type is one of the directed ones. */
gboolean anju_application_type_is_directed (const char *business_type);
/* Whether it is one of the physical allocation ones. */
gboolean anju_application_type_is_physical (const char *business_type);

G_END_DECLS
