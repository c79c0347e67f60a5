/* anju-application-test.h: what the application tests share: valid ID
 * numbers made to order, complete bodies per business type, and
 * creating an application through HTTPS. */
#pragma once

#include "anju-content-test.h"

G_BEGIN_DECLS

#define APPLICATIONS "/api/v1/pubrent/applications"

/* The demo fixture (anju-test-identity.h), without the issue-3 demo's
 * placeholder processes of pubrent.application, whose record ids name
 * no application and would collide with the ids of new ones. */
void      anju_app_test_set_up       (AnjuTestFixture *fixture,
                                      gconstpointer    data);

/* A valid resident ID number of Yuelu district: birth is "19900101",
 * seq three digits (odd: male). */
char     *anju_app_test_id           (const char     *birth,
                                      const char     *seq);
/* A body complete for business_type with one member (the applicant)
 * and extra members spliced in (",\"agent_name\":\"…\"" or ""). */
char     *anju_app_test_body         (const char     *business_type,
                                      const char     *name,
                                      const char     *id_no,
                                      const char     *extra);
/* POST the body; fails the test unless 201; returns the id. */
gint64    anju_app_test_create       (AnjuTestServer *srv,
                                      const char     *token,
                                      const char     *body);
/* GET one application. */
JsonNode *anju_app_test_get          (AnjuTestServer *srv,
                                      const char     *token,
                                      gint64          id,
                                      guint          *out_status);

G_END_DECLS
