/* anju-web-test.h: the fixture of the mobile web's browser tests.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A real test server with the demo data (anju-test-server.h) and a
 * 360×780 phone browser (scale 2, touch) that trusts exactly its
 * certificate.  The helpers fail the test (an assertion: the test stops
 * there) when something does not happen within 15 s, after saving a
 * screenshot of the page under $G_TEST_BUILDDIR/web-failures/ and naming
 * it in the log.
 *
 * No Chromium: anju_web_test_start() fails the test when CI is set (CI
 * must run these), and otherwise skips it and returns NULL: a test then
 * returns at once.
 *
 * Select elements by the stable attributes their page sets (ids, name=,
 * data-action=), never by translated text.
 */
#pragma once

#include "anju-browser.h"
#include "anju-test-server.h"

G_BEGIN_DECLS

typedef struct
{
  AnjuTestServer *server;
  AnjuBrowser    *browser;
} AnjuWebTest;

/* The default wait of every helper. */
#define ANJU_WEB_TEST_TIMEOUT_MS 15000

AnjuWebTest *anju_web_test_start   (const char  *fake_camera_y4m);
/* Fails the test on console errors / CSP violations still not taken
 * (anju_browser_take_console_errors), then closes everything. */
void         anju_web_test_stop    (AnjuWebTest *self);
/* Opens <base_uri>/m/<hash> ("#/todo"; the "#" may be left out) and waits
 * until the router has rendered it: body[data-ready="1"]. */
void         anju_web_test_open    (AnjuWebTest *self,
                                    const char  *hash);
/* Signs username in (demo password) through the sign-in page and waits
 * for the home page. */
void         anju_web_test_sign_in (AnjuWebTest *self,
                                    const char  *username);
void         anju_web_test_wait    (AnjuWebTest *self,
                                    const char  *expression);
void         anju_web_test_click   (AnjuWebTest *self,
                                    const char  *selector);
void         anju_web_test_type    (AnjuWebTest *self,
                                    const char  *selector,
                                    const char  *text);

/* Added to the contract. */

/* The page's URL for hash: "<base_uri>/m/#/todo". */
char        *anju_web_test_url     (AnjuWebTest *self,
                                    const char  *hash);
/* Evaluates expression in the page; fails the test on an exception. */
JsonNode    *anju_web_test_eval    (AnjuWebTest *self,
                                    const char  *expression);
/* The same for a string value. */
char        *anju_web_test_eval_string (AnjuWebTest *self,
                                        const char  *expression);
/* Marks the page as not rendered (deletes body's data-ready), so that
 * a later wait for data-ready="1" sees the next rendering, not this one.
 * anju_web_test_open and _sign_in do it themselves; call it before a
 * click that makes the router render another page. */
void         anju_web_test_unready (AnjuWebTest *self);
/* Waits for body[data-ready="1"], and data-page = page unless NULL. */
void         anju_web_test_wait_ready (AnjuWebTest *self,
                                       const char  *page);
/* Fails the test with error after saving a screenshot (see above). */
void         anju_web_test_fail    (AnjuWebTest *self,
                                    GError      *error);

G_END_DECLS
