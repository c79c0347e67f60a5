/* anju-sessions.h: session tokens.
 *
 * A token is 256 random bits, base64url; only its SHA-256 is stored.  A
 * session ends after session_idle_minutes without use or
 * session_lifetime_hours after sign-in, whichever comes first.
 */
#pragma once

#include "anju-caller.h"
#include "anju-config.h"
#include "anju-db.h"
#include "anju-request.h"

G_BEGIN_DECLS

/* Called by the router for every non-public route.  Returns the caller
 * (the request's own), or NULL with ANJU_ERROR_UNAUTHORIZED.  Touches the
 * session's last use, at most once a second.  A token seen before costs
 * one read of the identity generation: its caller comes from the
 * server's session cache (anju-session-cache.h) while nothing it was
 * built from has changed. */
AnjuCaller *anju_sessions_authenticate (AnjuRequest  *request,
                                        const char   *token,
                                        GError      **error);

/* Starts a session for user_id at now (seconds since the epoch) and
 * returns its token; the token is never stored, only its hash.  The
 * session ends session_idle_minutes after its last use or
 * session_lifetime_hours after now, whichever comes first. */
char       *anju_sessions_create       (AnjuDb            *db,
                                        const AnjuConfig  *config,
                                        gint64             user_id,
                                        gint64             now,
                                        const char        *client_address,
                                        gint64            *out_session_id,
                                        gint64            *out_expires_at,
                                        GError           **error);
gboolean    anju_sessions_end          (AnjuDb            *db,
                                        gint64             session_id,
                                        GError           **error);
/* Ends every session of user_id except keep_session_id (0 = end all). */
gboolean    anju_sessions_end_for_user (AnjuDb            *db,
                                        gint64             user_id,
                                        gint64             keep_session_id,
                                        GError           **error);

/* The caller for user_id with the given session: the user, their
 * organisation and the union of their roles' permissions.  Answers
 * ANJU_ERROR_UNAUTHORIZED when the user does not exist or is disabled. */
AnjuCaller *anju_sessions_load_caller  (AnjuDb            *db,
                                        gint64             user_id,
                                        gint64             session_id,
                                        gint64             session_expires_at,
                                        GError           **error);

G_END_DECLS
