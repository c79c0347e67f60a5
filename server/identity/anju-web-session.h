/* anju-web-session.h: the mobile web's cookie session and its CSRF token.
 *
 * A browser signs in with "session": "cookie" and gets the session token
 * in an HttpOnly cookie (anju_session) instead of the JSON body, so page
 * scripts never see it.  Since the browser sends the cookie by itself,
 * every cookie-authenticated write must also carry X-CSRF-Token: the hex
 * HMAC-SHA256 of the session token under a key derived from the audit key
 * (HMAC-SHA256 (audit key, "anju web csrf v1")), so the token lives as
 * long as the session and needs no storage.  A write whose Origin header
 * names another origin is refused as well.  Bearer requests (the desktop,
 * the kiosk) are not affected by any of this.
 */
#pragma once

#include <libsoup/soup.h>

#include "anju-request.h"

G_BEGIN_DECLS

#define ANJU_WEB_SESSION_COOKIE "anju_session"
#define ANJU_WEB_SESSION_CSRF_HEADER "X-CSRF-Token"

/* The session token in the request's anju_session cookie, or NULL.
 * Free with g_free. */
char     *anju_web_session_get_cookie   (SoupServerMessage  *msg);
/* TRUE when the request has no Authorization header and a session
 * cookie, i.e. the router authenticates it by the cookie. */
gboolean  anju_web_session_is_cookie_request (AnjuRequest *request);

/* The CSRF token of a session: 64 hex digits. */
char     *anju_web_session_csrf_token   (GBytes             *audit_key,
                                         const char         *session_token);

/* Refuses a cookie-authenticated write (any method but GET and HEAD) with
 * ANJU_ERROR_CSRF_FAILED when X-CSRF-Token is missing or wrong (compared in
 * constant time), or when Origin is present and not the server's own.
 * session_token is the cookie's value. */
gboolean  anju_web_session_check_write  (AnjuRequest        *request,
                                         const char         *session_token,
                                         GError            **error);
/* FALSE with ANJU_ERROR_CSRF_FAILED when the request has an Origin header
 * naming another origin than the one it was sent to (scheme + Host). */
gboolean  anju_web_session_check_origin (AnjuRequest        *request,
                                         GError            **error);

/* Set-Cookie: anju_session=<token>; Path=/; Secure; HttpOnly; SameSite=Strict
 * (no Max-Age: the server ends the session, and the cookie with the
 * browser). */
void      anju_web_session_set_cookie   (SoupServerMessage  *msg,
                                         const char         *session_token);
/* The same cookie, emptied, with Max-Age=0. */
void      anju_web_session_clear_cookie (SoupServerMessage  *msg);

G_END_DECLS
