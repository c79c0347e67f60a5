#include "config.h"

#include <glib/gi18n.h>

#include "anju-audit.h"
#include "anju-caller.h"
#include "anju-clock.h"
#include "anju-kdf.h"
#include "anju-lockout.h"
#include "anju-password-policy.h"
#include "anju-sessions.h"
#include "anju-transaction.h"
#include "anju-users-private.h"
#include "anju-validation.h"

/* Changes the state of user inside the transaction run_action() opens. */
typedef gboolean (*UserActionFunc) (AnjuRequest        *request,
                                    const AnjuUserRef  *user,
                                    gconstpointer       data,
                                    GError            **error);

/* Runs func and the audit row (the user before and after, phone masked)
 * in one transaction, then answers 200 with the user. */
static void
run_action (AnjuRequest        *request,
            const char         *action,
            const AnjuUserRef  *user,
            UserActionFunc      func,
            gconstpointer       data)
{
  AnjuDb *db = anju_request_get_db (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(JsonNode) reply = NULL;
  gboolean ok;

  if (!anju_db_begin (db, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  ok = (before = _anju_users_json_for_audit (request, user->id, &error)) != NULL
       && func (request, user, data, &error)
       && (after = _anju_users_json_for_audit (request, user->id, &error)) != NULL
       && anju_audit_record (request, NULL, action, "user", user->id, before, after, &error);
  if (!anju_transaction_end (db, ok, &error)
      || (reply = _anju_users_json_for_caller (request, user->id, &error)) == NULL)
    anju_request_reply_error (request, error);
  else
    anju_request_reply_json (request, SOUP_STATUS_OK, g_steal_pointer (&reply));
}

static gint64
request_now (AnjuRequest *request)
{
  return anju_clock_now_secs (anju_request_get_clock (request));
}

static gboolean
disable_user (AnjuRequest        *request,
              const AnjuUserRef  *user,
              gconstpointer       data,
              GError            **error)
{
  AnjuDb *db = anju_request_get_db (request);

  return anju_user_store_set_status (db, user->id, "disabled", request_now (request), error)
         && anju_sessions_end_for_user (db, user->id, 0, error);
}

void
_anju_user_actions_disable (AnjuRequest *request)
{
  g_auto(AnjuUserRef) user = { 0, };
  gint64 id;

  if (!anju_request_get_path_id (request, "id", &id)
      || !_anju_users_load_for_action (request, id, &user))
    return;

  /* Nobody should be able to shut themselves out by accident; another
   * administrator can still disable the account. */
  if (id == anju_request_get_caller (request)->user_id)
    anju_reply_error_code (request, ANJU_ERROR_CONFLICT, _("You cannot disable your own account"));
  else
    run_action (request, "user.disable", &user, disable_user, NULL);
}

static gboolean
enable_user (AnjuRequest        *request,
             const AnjuUserRef  *user,
             gconstpointer       data,
             GError            **error)
{
  return anju_user_store_set_status (anju_request_get_db (request), user->id, "active",
                                     request_now (request), error);
}

void
_anju_user_actions_enable (AnjuRequest *request)
{
  g_auto(AnjuUserRef) user = { 0, };
  gint64 id;

  if (anju_request_get_path_id (request, "id", &id)
      && _anju_users_load_for_action (request, id, &user))
    run_action (request, "user.enable", &user, enable_user, NULL);
}

static gboolean
unlock_user (AnjuRequest        *request,
             const AnjuUserRef  *user,
             gconstpointer       data,
             GError            **error)
{
  return anju_lockout_clear (anju_request_get_db (request), user->id, error);
}

void
_anju_user_actions_unlock (AnjuRequest *request)
{
  g_auto(AnjuUserRef) user = { 0, };
  gint64 id;

  if (anju_request_get_path_id (request, "id", &id)
      && _anju_users_load_for_action (request, id, &user))
    run_action (request, "user.unlock", &user, unlock_user, NULL);
}

/* A reset between the handler and the end of the password hash. */
typedef struct
{
  AnjuRequest *request;
  AnjuUserRef  user;
} PasswordReset;

static void
password_reset_free (PasswordReset *reset)
{
  anju_request_unref (reset->request);
  anju_user_ref_clear (&reset->user);
  g_free (reset);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PasswordReset, password_reset_free)

static gboolean
reset_password (AnjuRequest        *request,
                const AnjuUserRef  *user,
                gconstpointer       data,
                GError            **error)
{
  AnjuDb *db = anju_request_get_db (request);
  const char *hash = data;

  return anju_user_store_set_password (db, user->id, hash, TRUE, request_now (request), error)
         && anju_sessions_end_for_user (db, user->id, 0, error);
}

static void
reset_hashed_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PasswordReset) reset = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = anju_kdf_hash_finish (result, &error);

  if (hash == NULL)
    anju_request_reply_error (reset->request, error);
  else
    run_action (reset->request, "user.reset_password", &reset->user, reset_password, hash);
}

const AnjuFieldSpec _anju_user_actions_reset_password_body[] = {
  { "new_password", ANJU_FIELD_STRING, ANJU_FIELD_REQUIRED | ANJU_FIELD_SECRET, NULL, 256,
    "The new password; the user must change it at next sign-in" },
  { NULL }
};

void
_anju_user_actions_reset_password (AnjuRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PasswordReset) reset = g_new0 (PasswordReset, 1);
  const char *password;
  JsonObject *body;
  gint64 id;

  reset->request = anju_request_ref (request);
  if (!anju_request_get_path_id (request, "id", &id)
      || !_anju_users_load_for_action (request, id, &reset->user)
      || !_anju_users_check_covers (request, id))
    return;
  body = anju_request_parse_body (request, _anju_user_actions_reset_password_body, &error);
  if (body == NULL)
    {
      anju_request_reply_error (request, error);
      return;
    }
  password = json_object_get_string_member (body, "new_password");
  if (!anju_password_policy_check (password, reset->user.username, &error))
    {
      anju_reply_field_error (request, "new_password", error->message);
      return;
    }

  anju_request_pause (request);
  anju_kdf_hash_async (password, NULL, reset_hashed_cb, g_steal_pointer (&reset));
}
