#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>

#include "anju-clock.h"
#include "anju-server.h"
#include "anju-session-cache.h"
#include "anju-sessions.h"
#include "anju-stmt.h"

#define TOKEN_BYTES 32

/* base64url without padding (RFC 4648 §5): safe in headers and URLs. */
static char *
token_new (GError **error)
{
  guint8 raw[TOKEN_BYTES];
  char *token;

  if (RAND_bytes (raw, sizeof raw) != 1)
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_INTERNAL,
                   "No random bytes for a session token");
      return NULL;
    }
  token = g_base64_encode (raw, sizeof raw);
  OPENSSL_cleanse (raw, sizeof raw);

  g_strdelimit (token, "+", '-');
  g_strdelimit (token, "/", '_');
  *strchrnul (token, '=') = '\0';
  return token;
}

static char *
token_hash (const char *token)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, token, -1);
}

/* Sessions nobody came back for would otherwise stay forever; each
 * sign-in sweeps them. */
static gboolean
purge_dead_sessions (AnjuDb            *db,
                     const AnjuConfig  *config,
                     gint64             now,
                     GError           **error)
{
  g_auto(AnjuStmt) stmt = NULL;

  stmt = anju_db_prepare (db,
                          "DELETE FROM sessions WHERE expires_at <= ?1 OR last_used_at <= ?2",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, now);
  sqlite3_bind_int64 (stmt, 2, now - (gint64) config->session_idle_minutes * 60);
  return anju_db_step_done (db, stmt, error);
}

char *
anju_sessions_create (AnjuDb            *db,
                      const AnjuConfig  *config,
                      gint64             user_id,
                      gint64             now,
                      const char        *client_address,
                      gint64            *out_session_id,
                      gint64            *out_expires_at,
                      GError           **error)
{
  g_auto(AnjuStmt) stmt = NULL;
  g_autofree char *token = NULL;
  g_autofree char *hash = NULL;
  gint64 expires_at = now + (gint64) config->session_lifetime_hours * 3600;

  if (!purge_dead_sessions (db, config, now, error))
    return NULL;
  token = token_new (error);
  if (token == NULL)
    return NULL;
  hash = token_hash (token);

  stmt = anju_db_prepare (db,
                          "INSERT INTO sessions (user_id, token_hash, created_at,"
                          " last_used_at, expires_at, client_address)"
                          " VALUES (?1, ?2, ?3, ?3, ?4, ?5)",
                          error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, user_id);
  anju_db_bind_text (stmt, 2, hash);
  sqlite3_bind_int64 (stmt, 3, now);
  sqlite3_bind_int64 (stmt, 4, expires_at);
  anju_db_bind_text (stmt, 5, client_address);
  if (!anju_db_step_done (db, stmt, error))
    return NULL;

  if (out_session_id != NULL)
    *out_session_id = anju_db_last_insert_id (db);
  if (out_expires_at != NULL)
    *out_expires_at = expires_at;
  return g_steal_pointer (&token);
}

gboolean
anju_sessions_end (AnjuDb  *db,
                   gint64   session_id,
                   GError **error)
{
  return anju_db_exec_with_id (db, "DELETE FROM sessions WHERE id = ?1", session_id, error);
}

gboolean
anju_sessions_end_for_user (AnjuDb  *db,
                            gint64   user_id,
                            gint64   keep_session_id,
                            GError **error)
{
  g_auto(AnjuStmt) stmt = NULL;

  stmt = anju_db_prepare (db, "DELETE FROM sessions WHERE user_id = ?1 AND id <> ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, user_id);
  sqlite3_bind_int64 (stmt, 2, keep_session_id);
  return anju_db_step_done (db, stmt, error);
}

static const char *
session_ended (void)
{
  return _("Your session has ended. Please sign in again.");
}

static void
set_unauthorized (GError **error)
{
  g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_UNAUTHORIZED, session_ended ());
}

static gboolean
load_permissions (AnjuDb      *db,
                  AnjuCaller  *caller,
                  GError     **error)
{
  g_auto(AnjuStmt) stmt = NULL;

  stmt = anju_db_prepare (db,
                          "SELECT DISTINCT rp.permission FROM user_roles ur"
                          " JOIN role_permissions rp ON rp.role_id = ur.role_id"
                          " WHERE ur.user_id = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, caller->user_id);
  return anju_db_step_add_texts (db, stmt, caller->permissions, error);
}

AnjuCaller *
anju_sessions_load_caller (AnjuDb  *db,
                           gint64   user_id,
                           gint64   session_id,
                           gint64   session_expires_at,
                           GError **error)
{
  g_auto(AnjuStmt) stmt = NULL;
  g_autoptr(AnjuCaller) caller = NULL;

  stmt = anju_db_prepare (db,
                          "SELECT u.username, u.name, u.status, u.must_change_password,"
                          " o.id, o.path, o.kind, o.name"
                          " FROM users u JOIN organisations o ON o.id = u.org_id"
                          " WHERE u.id = ?1",
                          error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, user_id);

  if (!anju_db_step_row (db, stmt, ANJU_ERROR_UNAUTHORIZED, session_ended (), error))
    return NULL;
  if (!g_str_equal ((const char *) sqlite3_column_text (stmt, 2), "active"))
    {
      set_unauthorized (error);
      return NULL;
    }

  caller = anju_caller_new ();
  caller->user_id = user_id;
  caller->username = anju_db_column_dup (stmt, 0);
  caller->display_name = anju_db_column_dup (stmt, 1);
  caller->must_change_password = sqlite3_column_int (stmt, 3) != 0;
  caller->org_id = sqlite3_column_int64 (stmt, 4);
  caller->org_path = anju_db_column_dup (stmt, 5);
  caller->org_kind = anju_db_column_dup (stmt, 6);
  caller->org_name = anju_db_column_dup (stmt, 7);
  caller->session_id = session_id;
  caller->session_expires_at = session_expires_at;
  sqlite3_reset (stmt);

  if (!load_permissions (db, caller, error))
    return NULL;
  return g_steal_pointer (&caller);
}

/* Moves the idle clock on.  Skipped within the same second, so a burst of
 * requests costs one write, not one per request. */
static gboolean
touch_session (AnjuDb  *db,
               gint64   session_id,
               gint64   now,
               GError **error)
{
  g_auto(AnjuStmt) stmt = NULL;

  stmt = anju_db_prepare (db,
                          "UPDATE sessions SET last_used_at = ?2"
                          " WHERE id = ?1 AND last_used_at < ?2",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, session_id);
  sqlite3_bind_int64 (stmt, 2, now);
  return anju_db_step_done (db, stmt, error);
}

/* The identity generation (0021-session-cache.sql): one row by its
 * primary key, all the database work of a request the cache answers. */
static gboolean
read_generation (AnjuDb  *db,
                 gint64  *out_generation,
                 GError **error)
{
  g_auto(AnjuStmt) stmt = NULL;

  stmt = anju_db_prepare (db, "SELECT generation FROM identity_generation WHERE id = 1", error);
  return stmt != NULL && anju_db_step_count (db, stmt, out_generation, error);
}

/* The session of token_hash from the database and its caller built
 * afresh; *out_last_used_at is the session's last use after the touch. */
static AnjuCaller *
load_session (AnjuDb            *db,
              const AnjuConfig  *config,
              const char        *token_hash,
              gint64             now,
              gint64            *out_last_used_at,
              GError           **error)
{
  gint64 idle_limit = (gint64) config->session_idle_minutes * 60;
  g_auto(AnjuStmt) stmt = NULL;
  gint64 session_id, user_id, last_used_at, expires_at;

  stmt = anju_db_prepare (db,
                          "SELECT id, user_id, last_used_at, expires_at"
                          " FROM sessions WHERE token_hash = ?1",
                          error);
  if (stmt == NULL)
    return NULL;
  anju_db_bind_text (stmt, 1, token_hash);

  if (!anju_db_step_row (db, stmt, ANJU_ERROR_UNAUTHORIZED, session_ended (), error))
    return NULL;
  session_id = sqlite3_column_int64 (stmt, 0);
  user_id = sqlite3_column_int64 (stmt, 1);
  last_used_at = sqlite3_column_int64 (stmt, 2);
  expires_at = sqlite3_column_int64 (stmt, 3);
  sqlite3_reset (stmt);

  if (now >= expires_at || now - last_used_at >= idle_limit)
    {
      /* Ending it here keeps the table from filling with dead sessions;
       * failing to is harmless, the session is refused either way. */
      anju_sessions_end (db, session_id, NULL);
      set_unauthorized (error);
      return NULL;
    }

  /* Several requests in the same second need not each take the write
   * lock for an update that changes nothing. */
  if (last_used_at < now)
    {
      if (!touch_session (db, session_id, now, error))
        return NULL;
      last_used_at = now;
    }
  *out_last_used_at = last_used_at;
  return anju_sessions_load_caller (db, user_id, session_id, expires_at, error);
}

/* The caller the cache kept for token_hash, when nothing it was built
 * from has changed (the generation) and its session has neither ended
 * nor gone idle since (the time): *out_caller is a copy, its idle clock
 * moved on.  Otherwise *out_caller is NULL and the database decides, as
 * for a token never seen.  FALSE only for a database error. */
static gboolean
reuse_session (AnjuSessionCache  *cache,
               AnjuDb            *db,
               const AnjuConfig  *config,
               const char        *token_hash,
               gint64             generation,
               gint64             now,
               AnjuCaller       **out_caller,
               GError           **error)
{
  gint64 idle_limit = (gint64) config->session_idle_minutes * 60;
  const AnjuCaller *kept;
  gint64 last_used_at = 0;

  *out_caller = NULL;
  kept = anju_session_cache_lookup (cache, token_hash, generation, &last_used_at);
  if (kept == NULL)
    return TRUE;
  if (now >= kept->session_expires_at || now - last_used_at >= idle_limit)
    {
      anju_session_cache_remove (cache, token_hash);
      return TRUE;
    }

  if (last_used_at < now)
    {
      if (!touch_session (db, kept->session_id, now, error))
        return FALSE;
      anju_session_cache_set_last_used (cache, token_hash, now);
    }
  *out_caller = anju_caller_copy (kept);
  return TRUE;
}

AnjuCaller *
anju_sessions_authenticate (AnjuRequest  *request,
                            const char   *token,
                            GError      **error)
{
  AnjuDb *db = anju_request_get_db (request);
  const AnjuConfig *config = anju_request_get_config (request);
  AnjuSessionCache *cache = anju_server_get_session_cache (anju_request_get_server (request));
  gint64 now = anju_clock_now_secs (anju_request_get_clock (request));
  g_autofree char *hash = NULL;
  AnjuCaller *caller = NULL;
  gint64 generation = 0;
  gint64 last_used_at = 0;

  if (token == NULL || *token == '\0')
    {
      g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_UNAUTHORIZED,
                           _("Please sign in."));
      return NULL;
    }

  /* The generation first: what is loaded after it is at least as new,
   * so a change that lands in between only makes the next request
   * load again. */
  hash = token_hash (token);
  if (!read_generation (db, &generation, error))
    return NULL;

  if (!reuse_session (cache, db, config, hash, generation, now, &caller, error))
    return NULL;
  if (caller != NULL)
    return caller;

  caller = load_session (db, config, hash, now, &last_used_at, error);
  if (caller == NULL)
    return NULL;
  /* Inside a transaction the generation read may be one a rollback
   * takes back: then a later change could bring the same number back
   * over other data.  Requests do not start in one; be sure.  (A group
   * commit that fails clears the cache: anju-server.c.) */
  if (!anju_db_in_write (db))
    anju_session_cache_insert (cache, hash, generation, anju_caller_copy (caller), last_used_at);
  return caller;
}
