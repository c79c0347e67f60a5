/* anju-session-cache.h: the callers this server built for session
 * tokens, so that the next request with the same token need not build
 * its caller again (issue 7: three queries and a fresh permission set on
 * the main connection for every request).
 *
 * One cache per AnjuServer (anju_server_get_session_cache), used on its
 * main context only.  Entries are keyed by the token's SHA-256 (hex, as
 * sessions.token_hash): the cache never holds a token.  At most
 * max_entries are kept; the least recently used goes first.
 *
 * Never stale: each entry carries the identity generation
 * (0021-session-cache.sql) it was built at, and a lookup with any other
 * generation than the last one seen forgets every entry.  The triggers
 * raise it in the transaction of every change a caller depends on, so
 * anju_sessions_authenticate(), which reads it for every request, only
 * gets back a caller nothing has changed under.  What depends on time
 * alone (the session's end, its idle limit) is the authenticator's to
 * check against the entry's expires_at and last_used_at.
 */
#pragma once

#include "anju-caller.h"

G_BEGIN_DECLS

typedef struct _AnjuSessionCache AnjuSessionCache;

AnjuSessionCache *anju_session_cache_new           (guint             max_entries);
void              anju_session_cache_free          (AnjuSessionCache *self);

/* The caller kept for token_hash at generation, or NULL; it stays the
 * cache's (hand out anju_caller_copy ()), until the next call that
 * changes the cache.  *out_last_used_at is the session's last use as
 * this server last wrote it. */
const AnjuCaller *anju_session_cache_lookup        (AnjuSessionCache *self,
                                                    const char       *token_hash,
                                                    gint64            generation,
                                                    gint64           *out_last_used_at);
/* Keeps caller (taking it) for token_hash as built at generation, with
 * the session's last use. */
void              anju_session_cache_insert        (AnjuSessionCache *self,
                                                    const char       *token_hash,
                                                    gint64            generation,
                                                    AnjuCaller       *caller,
                                                    gint64            last_used_at);
/* The session's idle clock moved on to last_used_at. */
void              anju_session_cache_set_last_used (AnjuSessionCache *self,
                                                    const char       *token_hash,
                                                    gint64            last_used_at);
/* Forgets every caller: what they were read from may be gone. */
void              anju_session_cache_clear         (AnjuSessionCache *self);
void              anju_session_cache_remove        (AnjuSessionCache *self,
                                                    const char       *token_hash);

/* How many callers were kept since the cache was made: each one built
 * because no entry served its request.  Readable from any thread, for
 * tests. */
guint             anju_session_cache_get_n_kept    (AnjuSessionCache *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnjuSessionCache, anju_session_cache_free)

G_END_DECLS
