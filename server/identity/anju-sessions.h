/* anju-sessions.h: session tokens.
 *
 * A token is 256 random bits, base64url; only its SHA-256 is stored.  A
 * session ends after session_idle_minutes without use or
 * session_lifetime_hours after sign-in, whichever comes first.
 */
#pragma once

#include "anju-caller.h"
#include "anju-request.h"

G_BEGIN_DECLS

/* Called by the router for every non-public route.  Returns the caller, or
 * NULL with ANJU_ERROR_UNAUTHORIZED.  Touches the session's last use. */
AnjuCaller *anju_sessions_authenticate (AnjuRequest  *request,
                                        const char   *token,
                                        GError      **error);

G_END_DECLS
