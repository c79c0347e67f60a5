/* anju-test-identity.h: shortcuts over the identity API for server tests.
 *
 * Every helper goes through HTTPS like a client would and fails the test
 * when the server answers anything but success, printing the answer.
 * Organisations and roles are found by what the demo data calls them
 * (docs/demo.md), never by ids, which are the store's business.
 */
#pragma once

#include "anju-test-json.h"
#include "anju-test-server.h"

G_BEGIN_DECLS

/* A demo server with a center_admin token: most tests start here. */
typedef struct
{
  AnjuTestServer *srv;
  char           *admin;     /* token of "admin" */
} AnjuTestFixture;

void    anju_test_fixture_set_up       (AnjuTestFixture *fixture,
                                        gconstpointer    data);
void    anju_test_fixture_tear_down    (AnjuTestFixture *fixture,
                                        gconstpointer    data);

/* Request with the body given as a printf format (NULL for none). */
JsonNode *anju_test_requestf           (AnjuTestServer *srv,
                                        const char     *token,
                                        const char     *method,
                                        const char     *path,
                                        guint          *out_status,
                                        const char     *body_format,
                                        ...) G_GNUC_PRINTF (6, 7);

/* GET path; fails the test, printing the answer, unless it is 200. */
JsonNode *anju_test_get_ok             (AnjuTestServer *srv,
                                        const char     *token,
                                        const char     *path);

/* Id of the one organisation whose name is exactly name. */
gint64  anju_test_find_org             (AnjuTestServer *srv,
                                        const char     *token,
                                        const char     *name);
/* Id of the center (the root). */
gint64  anju_test_center_id            (AnjuTestServer *srv,
                                        const char     *token);
gint64  anju_test_find_role            (AnjuTestServer *srv,
                                        const char     *token,
                                        const char     *code);
gint64  anju_test_find_user            (AnjuTestServer *srv,
                                        const char     *token,
                                        const char     *username);

/* POST /organisations; returns the new id. */
gint64  anju_test_create_org           (AnjuTestServer *srv,
                                        const char     *token,
                                        gint64          parent_id,
                                        const char     *kind,
                                        const char     *name);
/* POST /users with one role and the given password; returns the new id.
 * The user must still change the password: see make_ready_user. */
gint64  anju_test_create_user          (AnjuTestServer *srv,
                                        const char     *token,
                                        const char     *username,
                                        gint64          org_id,
                                        gint64          role_id,
                                        const char     *password);
/* A custom role with exactly these permissions (NULL-terminated). */
gint64  anju_test_create_role          (AnjuTestServer     *srv,
                                        const char         *token,
                                        const char         *name,
                                        const char * const *permissions);
/* Creates the user, signs in, changes the first password to
 * new_password and returns a token that may do anything the roles allow. */
char   *anju_test_make_ready_user      (AnjuTestServer *srv,
                                        const char     *token,
                                        const char     *username,
                                        gint64          org_id,
                                        gint64          role_id,
                                        const char     *new_password);

/* A list endpoint's answer: items, total, next. */
void    anju_test_assert_page          (JsonNode       *page);

G_END_DECLS
