/* anju-web.h: the mobile web under /m/, and the security headers of
 * every response.
 *
 * The pages are plain files in resources/web/, bundled into the server
 * as GResources under /org/anju/server/web/ (resources/anju-web.gresource.xml).
 * /m answers 301 to /m/, /m/ the index page, /m/<path> the bundled file
 * with its Content-Type, a strong ETag (SHA-256 of the bytes, so 304 on
 * If-None-Match) and Cache-Control: no-cache, so a phone revalidates but
 * need not download again.  Anything else under /m/ is 404; a path with
 * "..", "//", "%", "\" or a hidden segment never reaches the lookup.
 */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

#define ANJU_WEB_PREFIX "/m"

/* The Content-Security-Policy of the API, /verify and errors. */
#define ANJU_WEB_CSP_API "default-src 'none'; frame-ancestors 'none'"
/* The one of the pages under /m/. */
#define ANJU_WEB_CSP_PAGES                                                  \
  "default-src 'none'; script-src 'self'; style-src 'self'; "              \
  "img-src 'self' blob: data:; media-src 'self' blob: mediastream:; "      \
  "connect-src 'self'; font-src 'self'; base-uri 'none'; "                 \
  "form-action 'self'; frame-ancestors 'none'"

/* Sets the API's CSP, Referrer-Policy: no-referrer, X-Frame-Options: DENY
 * and X-Content-Type-Options: nosniff; the server calls it as each
 * request starts, so errors written by the HTTP layer carry them too. */
void      anju_web_set_security_headers (SoupMessageHeaders *headers);

/* TRUE for /m and every path under /m/. */
gboolean  anju_web_handles_path         (const char         *path);
/* Answers a request for such a path. */
void      anju_web_serve                (SoupServerMessage  *msg,
                                         const char         *path);

/* The bundled file at path (relative to /m/, e.g. "js/app.js"), or NULL
 * when there is none.  For tests and the serving above. */
GBytes   *anju_web_lookup               (const char         *path);

G_END_DECLS
