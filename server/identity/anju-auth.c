#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <openssl/crypto.h>

#include "anju-audit.h"
#include "anju-auth.h"
#include "anju-caller.h"
#include "anju-clock.h"
#include "anju-kdf.h"
#include "anju-lockout.h"
#include "anju-password-policy.h"
#include "anju-server.h"
#include "anju-sessions.h"
#include "anju-stmt.h"
#include "anju-time.h"
#include "anju-transaction.h"
#include "anju-user-json.h"
#include "anju-validation.h"
#include "anju-web-session.h"

/* The account state a sign-in looks at. */
typedef struct
{
  gint64  id;
  char   *password_hash;
  char   *status;
  gint64  locked_until;           /* 0 = never locked */
  gint64  org_id;
  char   *org_path;
} LoginAccount;

static void
login_account_clear (LoginAccount *account)
{
  g_clear_pointer (&account->password_hash, g_free);
  g_clear_pointer (&account->status, g_free);
  g_clear_pointer (&account->org_path, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LoginAccount, login_account_clear)

/* Fills account and returns TRUE when the username exists; FALSE with no
 * error when it does not.  A terminal's service user counts as unknown:
 * it is refused like a wrong password (and as slowly). */
static gboolean
login_account_load (AnjuDb        *db,
                    const char    *username,
                    LoginAccount  *account,
                    GError       **error)
{
  g_auto(AnjuStmt) stmt = NULL;
  int rc;

  stmt = anju_db_prepare (db,
                          "SELECT u.id, u.password_hash, u.status, u.locked_until,"
                          " o.id, o.path"
                          " FROM users u JOIN organisations o ON o.id = u.org_id"
                          " WHERE u.username = ?1 AND u.is_service = 0",
                          error);
  if (stmt == NULL)
    return FALSE;
  anju_db_bind_text (stmt, 1, username);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return FALSE;
  if (rc != SQLITE_ROW)
    {
      anju_db_set_error (db, error);
      return FALSE;
    }

  login_account_clear (account);
  account->id = sqlite3_column_int64 (stmt, 0);
  account->password_hash = anju_db_column_dup (stmt, 1);
  account->status = anju_db_column_dup (stmt, 2);
  account->locked_until = sqlite3_column_int64 (stmt, 3);
  account->org_id = sqlite3_column_int64 (stmt, 4);
  account->org_path = anju_db_column_dup (stmt, 5);
  return TRUE;
}

/* One sign-in between the handler and the end of the password check. */
typedef struct
{
  AnjuRequest *request;
  char        *username;      /* as typed, lower-cased */
  char        *checked_hash;  /* (nullable): NULL for an unknown name */
  gboolean     cookie;        /* "session": "cookie": the web's sign-in */
} LoginAttempt;

static void
login_attempt_free (LoginAttempt *attempt)
{
  anju_request_unref (attempt->request);
  g_free (attempt->username);
  g_free (attempt->checked_hash);
  g_free (attempt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoginAttempt, login_attempt_free)

static gint64
request_now (AnjuRequest *request)
{
  return anju_clock_now_secs (anju_request_get_clock (request));
}

static GBytes *
request_audit_key (AnjuRequest *request)
{
  return anju_server_get_audit_key (anju_request_get_server (request));
}

/* A failed sign-in is written down even for names that do not exist, with
 * the name as typed: that is what an administrator looks for after a
 * password-guessing run.  The row belongs to the account's organisation
 * when there is an account, so its street's administrators see it too. */
static gboolean
audit_login_failure (AnjuRequest         *request,
                     const char          *username,
                     const LoginAccount  *account,
                     const char          *reason,
                     gint64               locked_until,
                     GError             **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) after = NULL;
  AnjuAuditActor actor = {
    .actor = username,
    .org_id = account != NULL ? account->org_id : 0,
    .org_path = account != NULL ? account->org_path : NULL,
    .client_address = anju_request_get_client_address (request),
  };

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "reason");
  json_builder_add_string_value (builder, reason);
  if (locked_until > 0)
    {
      g_autofree char *until = anju_time_format_iso8601 (locked_until);

      json_builder_set_member_name (builder, "locked_until");
      json_builder_add_string_value (builder, until);
    }
  json_builder_end_object (builder);
  after = json_builder_get_root (builder);

  return anju_audit_record_as (anju_request_get_db (request),
                               request_audit_key (request), request_now (request),
                               &actor, "auth.login_failed", "user",
                               account != NULL ? account->id : 0,
                               NULL, after, error);
}

/* The message is read by a person, in Shanghai time like every time the
 * platform shows (anju-time.h), to the minute. */
static void
set_locked_error (GError **error,
                  gint64   locked_until)
{
  g_autoptr(GTimeZone) shanghai = g_time_zone_new_offset (8 * 3600);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (locked_until);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, shanghai);
  g_autofree char *until = g_date_time_format (local, "%Y-%m-%d %H:%M");

  g_set_error (error, ANJU_ERROR, ANJU_ERROR_ACCOUNT_LOCKED,
               /* Translators: %1$s is a date and time, e.g. 2026-11-29 17:15 */
               _("Too many failed sign-ins: this account is locked until %1$s"),
               until);
}

/* Writes the failure (and perhaps the lock it causes) with its audit row,
 * then answers with refusal, or with the storage error if writing failed. */
static void
login_refuse (AnjuRequest        *request,
              const char         *username,
              const LoginAccount *account,
              const char         *reason,
              GError             *refusal)
{
  AnjuDb *db = anju_request_get_db (request);
  g_autoptr(GError) owned_refusal = refusal;
  g_autoptr(GError) error = NULL;
  /* Only a wrong password counts towards a lock; a locked or disabled
   * account refused with the right one does not. */
  gboolean counts = account != NULL && g_str_equal (reason, "invalid_credentials");
  gint64 locked_until = 0;
  gboolean ok;

  if (!anju_db_begin (db, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  ok = (!counts || anju_lockout_record_failure (db, anju_request_get_config (request),
                                                account->id, request_now (request),
                                                &locked_until, &error))
       && audit_login_failure (request, username, account, reason, locked_until, &error);
  if (!anju_transaction_end (db, ok, &error))
    anju_request_reply_error (request, error);
  else
    anju_request_reply_error (request, owned_refusal);
}

static void
login_refuse_credentials (AnjuRequest        *request,
                          const char         *username,
                          const LoginAccount *account)
{
  login_refuse (request, username, account, "invalid_credentials",
                g_error_new_literal (ANJU_ERROR, ANJU_ERROR_INVALID_CREDENTIALS,
                                     _("Wrong account name or password")));
}

static void
login_refuse_locked (AnjuRequest        *request,
                     const char         *username,
                     const LoginAccount *account)
{
  GError *refusal = NULL;

  set_locked_error (&refusal, account->locked_until);
  login_refuse (request, username, account, "account_locked", refusal);
}

static gboolean
write_login_success (AnjuRequest         *request,
                     const LoginAccount  *account,
                     const char          *username,
                     char               **out_token,
                     gint64              *out_session_id,
                     gint64              *out_expires_at,
                     GError             **error)
{
  AnjuDb *db = anju_request_get_db (request);
  gint64 now = request_now (request);
  g_auto(AnjuStmt) stmt = NULL;
  AnjuAuditActor actor = {
    .actor_id = account->id,
    .actor = username,
    .org_id = account->org_id,
    .org_path = account->org_path,
    .client_address = anju_request_get_client_address (request),
  };

  if (!anju_lockout_clear (db, account->id, error))
    return FALSE;

  stmt = anju_db_prepare (db, "UPDATE users SET last_login_at = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account->id);
  sqlite3_bind_int64 (stmt, 2, now);
  if (!anju_db_step_done (db, stmt, error))
    return FALSE;

  *out_token = anju_sessions_create (db, anju_request_get_config (request), account->id, now,
                                     actor.client_address, out_session_id, out_expires_at,
                                     error);
  if (*out_token == NULL)
    return FALSE;

  return anju_audit_record_as (db, request_audit_key (request), now, &actor,
                               "auth.login", "user", account->id, NULL, NULL, error);
}

/* The bearer sign-in answers the token; the cookie one keeps the token
 * in the cookie, out of reach of page scripts, and answers its CSRF
 * token instead. */
static JsonNode *
login_reply_new (AnjuRequest  *request,
                 const char   *token,
                 gboolean      cookie,
                 gint64        user_id,
                 gint64        session_id,
                 gint64        expires_at,
                 GError      **error)
{
  AnjuDb *db = anju_request_get_db (request);
  g_autoptr(AnjuCaller) caller = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *expires = NULL;
  JsonNode *user;

  caller = anju_sessions_load_caller (db, user_id, session_id, expires_at, error);
  if (caller == NULL)
    return NULL;
  user = anju_user_json_new_self (db, caller, error);
  if (user == NULL)
    return NULL;

  expires = anju_time_format_iso8601 (expires_at);
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  if (cookie)
    {
      g_autofree char *csrf = anju_web_session_csrf_token (request_audit_key (request), token);

      json_builder_set_member_name (builder, "csrf_token");
      json_builder_add_string_value (builder, csrf);
    }
  else
    {
      json_builder_set_member_name (builder, "token");
      json_builder_add_string_value (builder, token);
    }
  json_builder_set_member_name (builder, "expires_at");
  json_builder_add_string_value (builder, expires);
  json_builder_set_member_name (builder, "user");
  json_builder_add_value (builder, user);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
login_accept (AnjuRequest        *request,
              const char         *username,
              const LoginAccount *account,
              gboolean            cookie)
{
  AnjuDb *db = anju_request_get_db (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) reply = NULL;
  g_autofree char *token = NULL;
  gint64 session_id = 0;
  gint64 expires_at = 0;
  gboolean ok;

  if (!anju_db_begin (db, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  ok = write_login_success (request, account, username, &token, &session_id,
                            &expires_at, &error);
  if (!anju_transaction_end (db, ok, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }

  reply = login_reply_new (request, token, cookie, account->id, session_id, expires_at, &error);
  if (reply == NULL)
    {
      anju_request_reply_error (request, error);
      return;
    }
  if (cookie)
    anju_web_session_set_cookie (anju_request_get_message (request), token);
  anju_request_reply_json (request, SOUP_STATUS_OK, g_steal_pointer (&reply));
}

/* The password matched the hash the check started from.  The account was
 * read again since: it may have been locked (by guesses running in
 * parallel), disabled or given a new password while the hash ran. */
static void
login_password_matched (AnjuRequest        *request,
                        const char         *username,
                        const LoginAccount *account,
                        const char         *checked_hash,
                        gboolean            cookie)
{
  if (!g_str_equal (account->password_hash, checked_hash))
    login_refuse_credentials (request, username, account);
  else if (account->locked_until > request_now (request))
    login_refuse_locked (request, username, account);
  else if (!g_str_equal (account->status, "active"))
    login_refuse (request, username, account, "account_disabled",
                  g_error_new_literal (ANJU_ERROR, ANJU_ERROR_ACCOUNT_DISABLED,
                                       _("This account has been disabled")));
  else
    login_accept (request, username, account, cookie);
}

static void
login_verified_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(LoginAttempt) attempt = user_data;
  g_auto(LoginAccount) account = { 0, };
  g_autoptr(GError) error = NULL;
  gboolean match;
  gboolean known;

  match = anju_kdf_verify_finish (result, &error);
  if (error != NULL)
    {
      /* A corrupt hash must not lock the owner out silently, nor let
       * anyone in: refuse, and tell the operator. */
      g_warning ("Password hash of user %s is unusable: %s", attempt->username, error->message);
      g_clear_error (&error);
    }

  known = login_account_load (anju_request_get_db (attempt->request), attempt->username,
                              &account, &error);
  if (error != NULL)
    anju_request_reply_error (attempt->request, error);
  else if (match && known && attempt->checked_hash != NULL)
    login_password_matched (attempt->request, attempt->username, &account,
                            attempt->checked_hash, attempt->cookie);
  else
    login_refuse_credentials (attempt->request, attempt->username, known ? &account : NULL);
}

static const char * const session_kinds[] = { "token", "cookie", NULL };

static const AnjuFieldSpec login_body[] = {
  { "username", ANJU_FIELD_STRING, ANJU_FIELD_REQUIRED, NULL, 64, "Account name" },
  { "password", ANJU_FIELD_STRING, ANJU_FIELD_REQUIRED | ANJU_FIELD_SECRET, NULL, 256, "Password" },
  { "session", ANJU_FIELD_STRING, ANJU_FIELD_OPTIONAL, session_kinds, 0,
    "token (default): the token in the reply; cookie: the mobile web's HttpOnly cookie "
    "and a CSRF token" },
  { NULL }
};

/* An unknown name is checked against a decoy hash, so it takes as long to
 * refuse as a wrong password and the timing does not tell which it was. */
static void
handle_login (AnjuRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_auto(LoginAccount) account = { 0, };
  g_autoptr(LoginAttempt) attempt = NULL;
  JsonObject *body;
  const char *stored;
  gboolean known;

  body = anju_request_parse_body (request, login_body, &error);
  if (body == NULL)
    {
      anju_request_reply_error (request, error);
      return;
    }

  attempt = g_new0 (LoginAttempt, 1);
  attempt->request = anju_request_ref (request);
  attempt->username = g_ascii_strdown (json_object_get_string_member (body, "username"), -1);
  attempt->cookie = g_strcmp0 (json_object_get_string_member_with_default (body, "session", NULL),
                               "cookie") == 0;
  /* A page of another site must not sign a browser in either. */
  if (attempt->cookie && !anju_web_session_check_origin (request, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }

  known = login_account_load (anju_request_get_db (request), attempt->username, &account, &error);
  if (error != NULL)
    {
      anju_request_reply_error (request, error);
      return;
    }
  if (known && account.locked_until > request_now (request))
    {
      login_refuse_locked (request, attempt->username, &account);
      return;
    }

  attempt->checked_hash = g_strdup (account.password_hash);
  stored = known ? account.password_hash : anju_kdf_get_decoy_hash ();
  anju_request_pause (request);
  anju_kdf_verify_async (json_object_get_string_member (body, "password"), stored,
                         NULL, login_verified_cb, g_steal_pointer (&attempt));
}

static gboolean
audit_logout (AnjuRequest  *request,
              gboolean      all_sessions,
              GError      **error)
{
  AnjuCaller *caller = anju_request_get_caller (request);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) after = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "all_sessions");
  json_builder_add_boolean_value (builder, all_sessions);
  json_builder_end_object (builder);
  after = json_builder_get_root (builder);

  return anju_audit_record (request, NULL, "auth.logout", "user", caller->user_id,
                            NULL, after, error);
}

static void
logout (AnjuRequest *request,
        gboolean     all_sessions)
{
  AnjuDb *db = anju_request_get_db (request);
  AnjuCaller *caller = anju_request_get_caller (request);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (!anju_db_begin (db, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  ok = (all_sessions
        ? anju_sessions_end_for_user (db, caller->user_id, 0, &error)
        : anju_sessions_end (db, caller->session_id, &error))
       && audit_logout (request, all_sessions, &error);
  if (!anju_transaction_end (db, ok, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  if (anju_web_session_is_cookie_request (request))
    anju_web_session_clear_cookie (anju_request_get_message (request));
  anju_request_reply_no_content (request);
}

static void
handle_logout (AnjuRequest *request)
{
  logout (request, FALSE);
}

static void
handle_logout_all (AnjuRequest *request)
{
  logout (request, TRUE);
}

static void
handle_me (AnjuRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) user = NULL;

  user = anju_user_json_new_self (anju_request_get_db (request),
                                  anju_request_get_caller (request), &error);
  if (user == NULL)
    anju_request_reply_error (request, error);
  else
    anju_request_reply_json (request, SOUP_STATUS_OK, g_steal_pointer (&user));
}

/* The page lost its CSRF token on a reload; the cookie still holds the
 * session it belongs to. */
static void
handle_csrf (AnjuRequest *request)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *csrf = anju_web_session_csrf_token (request_audit_key (request),
                                                       anju_request_get_token (request));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "csrf_token");
  json_builder_add_string_value (builder, csrf);
  json_builder_end_object (builder);
  anju_request_reply_json (request, SOUP_STATUS_OK, json_builder_get_root (builder));
}

/* A password change between the handler and the end of the two hashes
 * (check the old one, then hash the new one). */
typedef struct
{
  AnjuRequest *request;
  char        *new_password;
} PasswordChange;

static void
password_change_free (PasswordChange *change)
{
  anju_request_unref (change->request);
  if (change->new_password != NULL)
    OPENSSL_cleanse (change->new_password, strlen (change->new_password));
  g_free (change->new_password);
  g_free (change);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PasswordChange, password_change_free)

static char *
load_password_hash (AnjuDb  *db,
                    gint64   user_id,
                    GError **error)
{
  g_auto(AnjuStmt) stmt = NULL;

  stmt = anju_db_prepare (db, "SELECT password_hash FROM users WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, user_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      anju_db_set_error (db, error);
      return NULL;
    }
  return anju_db_column_dup (stmt, 0);
}

static gboolean
store_own_password (AnjuRequest  *request,
                    const char   *hash,
                    GError      **error)
{
  AnjuDb *db = anju_request_get_db (request);
  AnjuCaller *caller = anju_request_get_caller (request);
  g_auto(AnjuStmt) stmt = NULL;

  stmt = anju_db_prepare (db,
                          "UPDATE users SET password_hash = ?2, must_change_password = 0,"
                          " updated_at = ?3 WHERE id = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, caller->user_id);
  anju_db_bind_text (stmt, 2, hash);
  sqlite3_bind_int64 (stmt, 3, request_now (request));

  return anju_db_step_done (db, stmt, error)
         && anju_sessions_end_for_user (db, caller->user_id, caller->session_id, error)
         && anju_audit_record (request, NULL, "user.change_password", "user",
                               caller->user_id, NULL, NULL, error);
}

static void
password_hashed_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(PasswordChange) change = user_data;
  AnjuDb *db = anju_request_get_db (change->request);
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = anju_kdf_hash_finish (result, &error);
  gboolean ok;

  if (hash == NULL || !anju_db_begin (db, &error))
    {
      anju_request_reply_error (change->request, error);
      return;
    }
  ok = store_own_password (change->request, hash, &error);
  if (!anju_transaction_end (db, ok, &error))
    anju_request_reply_error (change->request, error);
  else
    anju_request_reply_no_content (change->request);
}

static void
old_password_checked_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(PasswordChange) change = user_data;
  g_autoptr(GError) error = NULL;
  const char *new_password;

  if (!anju_kdf_verify_finish (result, &error))
    {
      if (error != NULL)
        anju_request_reply_error (change->request, error);
      else
        anju_reply_field_error (change->request, "old_password",
                           _("The current password is not correct"));
      return;
    }

  new_password = change->new_password;
  anju_kdf_hash_async (new_password, NULL, password_hashed_cb, g_steal_pointer (&change));
}

static const AnjuFieldSpec password_body[] = {
  { "old_password", ANJU_FIELD_STRING, ANJU_FIELD_REQUIRED | ANJU_FIELD_SECRET, NULL, 256,
    "The current password" },
  { "new_password", ANJU_FIELD_STRING, ANJU_FIELD_REQUIRED | ANJU_FIELD_SECRET, NULL, 256,
    "The new password; must satisfy the password policy" },
  { NULL }
};

static void
handle_password (AnjuRequest *request)
{
  AnjuCaller *caller = anju_request_get_caller (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(PasswordChange) change = NULL;
  g_autofree char *stored = NULL;
  const char *old_password;
  const char *new_password;
  JsonObject *body;

  body = anju_request_parse_body (request, password_body, &error);
  if (body == NULL)
    {
      anju_request_reply_error (request, error);
      return;
    }
  old_password = json_object_get_string_member (body, "old_password");
  new_password = json_object_get_string_member (body, "new_password");

  if (!anju_password_policy_check (new_password, caller->username, &error))
    {
      anju_reply_field_error (request, "new_password", error->message);
      return;
    }
  if (g_str_equal (old_password, new_password))
    {
      anju_reply_field_error (request, "new_password",
                         _("The new password must differ from the current one"));
      return;
    }

  stored = load_password_hash (anju_request_get_db (request), caller->user_id, &error);
  if (stored == NULL)
    {
      anju_request_reply_error (request, error);
      return;
    }

  change = g_new0 (PasswordChange, 1);
  change->request = anju_request_ref (request);
  change->new_password = g_strdup (new_password);
  anju_request_pause (request);
  anju_kdf_verify_async (old_password, stored, NULL, old_password_checked_cb,
                         g_steal_pointer (&change));
}

static const AnjuRoute auth_routes[] = {
  { "POST", "/api/v1/auth/login", NULL, ANJU_ROUTE_PUBLIC,
    handle_login, "Sign in with account name and password; returns a session token",
    login_body, "auth" },
  { "POST", "/api/v1/auth/logout", NULL, ANJU_ROUTE_DURING_PASSWORD_CHANGE,
    handle_logout, "End this session", NULL, "auth" },
  { "POST", "/api/v1/auth/logout-all", NULL, ANJU_ROUTE_DURING_PASSWORD_CHANGE,
    handle_logout_all, "End every session of the signed-in user", NULL, "auth" },
  { "GET", "/api/v1/auth/me", NULL, ANJU_ROUTE_DURING_PASSWORD_CHANGE,
    handle_me, "The signed-in user, their roles and permissions", NULL, "auth" },
  { "GET", "/api/v1/auth/csrf", NULL, ANJU_ROUTE_DURING_PASSWORD_CHANGE,
    handle_csrf, "The CSRF token of this session (the mobile web's cookie sign-in)", NULL,
    "auth" },
  { "POST", "/api/v1/auth/password", NULL, ANJU_ROUTE_DURING_PASSWORD_CHANGE,
    handle_password, "Change one's own password; ends the user's other sessions",
    password_body, "auth" },
};

const AnjuRoute *
anju_auth_get_routes (guint *n_routes)
{
  *n_routes = G_N_ELEMENTS (auth_routes);
  return auth_routes;
}
