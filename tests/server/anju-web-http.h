/* anju-web-http.h: requests as the mobile web's browser makes them, for
 * the server tests of issue 6: any request headers (Cookie,
 * X-CSRF-Token, Origin, If-None-Match), redirects not followed, and the
 * response headers kept for the test to read.
 */
#pragma once

#include "anju-test-identity.h"

G_BEGIN_DECLS

typedef struct
{
  guint               status;
  SoupMessageHeaders *headers;   /* (owned) the response's */
  GBytes             *body;      /* (owned) */
} AnjuWebReply;

/* headers: name, value pairs ending in NULL (a NULL value skips the
 * pair).  body may be NULL; content_type goes with it. */
AnjuWebReply *anju_web_http              (AnjuTestServer     *srv,
                                          const char         *method,
                                          const char         *path,
                                          const char * const *headers,
                                          const char         *content_type,
                                          GBytes             *body);
void          anju_web_reply_free        (AnjuWebReply       *reply);
/* The body as JSON (JSON null when empty). */
JsonNode     *anju_web_reply_json        (AnjuWebReply       *reply);
const char   *anju_web_reply_header      (AnjuWebReply       *reply,
                                          const char         *name);

/* GET with the request line's target sent byte for byte (an HTTP client
 * would normalise "/m/%2e%2e/x" to "/x" before sending it).  Returns the
 * raw response, head and body; *out_status is its status code. */
char         *anju_web_http_verbatim     (AnjuTestServer     *srv,
                                          const char         *target,
                                          guint              *out_status);

/* "anju_session=<token>" of a sign-in with "session":"cookie", and its
 * CSRF token; fails the test unless the sign-in succeeds. */
char         *anju_web_sign_in           (AnjuTestServer     *srv,
                                          const char         *username,
                                          char              **out_csrf);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnjuWebReply, anju_web_reply_free)

G_END_DECLS
