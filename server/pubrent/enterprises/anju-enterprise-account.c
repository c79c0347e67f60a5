/* anju-enterprise-account.c: opening an operating enterprise's account.
 *
 * The account is a user of the enterprise's organisation, named after
 * the contact and reachable at the contact's phone, with the system role
 * enterprise_operator.  Its first password is random and reaches nobody
 * but the contact: the message center texts it (account.initial_password,
 * SMS only, erased from the outbox once sent) and it is never audited nor
 * answered.  Holding pubrent.enterprise.manage is what allows giving this
 * one role: unlike POST /users, the caller need not hold the role's
 * permissions, since the center opens these accounts for the enterprises
 * it supervises.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "anju-audit.h"
#include "anju-enterprises-private.h"
#include "anju-event-bus.h"
#include "anju-initial-password.h"
#include "anju-kdf.h"
#include "anju-role-store.h"
#include "anju-server.h"
#include "anju-transaction.h"
#include "anju-user-json.h"
#include "anju-user-store.h"
#include "anju-validation.h"

#define ACCOUNT_ROLE "enterprise_operator"
#define INITIAL_PASSWORD_EVENT "account.initial_password"

const AnjuFieldSpec _anju_enterprises_account_body[] = {
  { "username", ANJU_FIELD_STRING, ANJU_FIELD_REQUIRED, NULL, 32,
    "Account name: 3-32 of a-z, 0-9, _ . -; unique" },
  { NULL }
};

/* The account between the handler and the end of the password hash. */
typedef struct
{
  AnjuRequest *request;
  gint64       enterprise_id;
  char        *username;
  char        *password;       /* the clear text, for the SMS only */
} AccountCreation;

static void
account_creation_free (AccountCreation *creation)
{
  anju_request_unref (creation->request);
  g_free (creation->username);
  if (creation->password != NULL)
    memset (creation->password, 0, strlen (creation->password));
  g_free (creation->password);
  g_free (creation);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccountCreation, account_creation_free)

static void
reply_username_taken (AnjuRequest *request)
{
  anju_reply_error_code (request, ANJU_ERROR_CONFLICT, _("This account name is already taken"));
}

static gboolean
send_initial_password (AccountCreation   *creation,
                       gint64             user_id,
                       const char        *contact_name,
                       GError           **error)
{
  AnjuRequest *request = creation->request;
  AnjuServer *server = anju_request_get_server (request);
  g_autoptr(JsonObject) variables = json_object_new ();
  AnjuEvent event = {
    .type = INITIAL_PASSWORD_EVENT,
    .db = anju_request_get_db (request),
    .at = _anju_enterprises_now (request),
    .variables = variables,
    .user_ids = &user_id,
    .n_user_ids = 1,
  };

  json_object_set_string_member (variables, "name", contact_name);
  json_object_set_string_member (variables, "username", creation->username);
  json_object_set_string_member (variables, "password", creation->password);
  return anju_event_bus_emit (anju_server_get_event_bus (server), &event, error);
}

/* The user, its role, the link, the audit rows and the text, all in the
 * caller's transaction.  The checks run again: the enterprise may have
 * been purged or given an account, or the name taken, while the password
 * was hashed. */
static gboolean
write_account (AccountCreation  *creation,
               const char       *password_hash,
               GError          **error)
{
  AnjuRequest *request = creation->request;
  AnjuDb *db = anju_request_get_db (request);
  gint64 now = _anju_enterprises_now (request);
  g_auto(AnjuEnterpriseRef) enterprise = { 0, };
  g_autoptr(GArray) roles = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) user = NULL;
  g_autoptr(JsonNode) after = NULL;
  AnjuNewUser new_user = { 0, };
  gint64 role_id = 0;
  gint64 existing = 0;
  gint64 user_id;

  if (!anju_enterprise_store_load (db, creation->enterprise_id, &enterprise, error)
      || !anju_user_store_find_username (db, creation->username, &existing, error))
    return FALSE;
  if (g_strcmp0 (enterprise.state, "purged") == 0 || enterprise.account_user_id != 0
      || existing != 0)
    {
      g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_CONFLICT,
                           existing != 0 ? _("This account name is already taken")
                           : enterprise.account_user_id != 0
                           ? _("This enterprise already has an account")
                           : _("This enterprise has been purged"));
      return FALSE;
    }
  if (!anju_role_store_find_by_code (db, ACCOUNT_ROLE, &role_id, error)
      || (before = _anju_enterprises_json_for_audit (request, enterprise.id, error)) == NULL)
    return FALSE;
  g_array_append_val (roles, role_id);

  new_user = (AnjuNewUser) {
    .username = creation->username,
    .name = enterprise.contact_name,
    .phone = enterprise.contact_phone,
    .org_id = enterprise.id,
    .password_hash = password_hash,
    .must_change_password = TRUE,
  };
  user_id = anju_user_store_insert (db, &new_user, now, error);
  return user_id != 0
         && anju_user_store_set_roles (db, user_id, roles, error)
         && anju_enterprise_store_set_account (db, enterprise.id, user_id, now, error)
         && (user = anju_user_json_new (db, user_id, now, FALSE, error)) != NULL
         && anju_audit_record (request, NULL, "user.create", "user", user_id, NULL, user, error)
         && (after = _anju_enterprises_json_for_audit (request, enterprise.id, error)) != NULL
         && anju_audit_record (request, NULL, "pubrent.enterprise.account", "pubrent.enterprise",
                               enterprise.id, before, after, error)
         && send_initial_password (creation, user_id, enterprise.contact_name, error);
}

static void
password_hashed_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(AccountCreation) creation = user_data;
  AnjuRequest *request = creation->request;
  AnjuDb *db = anju_request_get_db (request);
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = anju_kdf_hash_finish (result, &error);
  g_autoptr(JsonNode) reply = NULL;
  gboolean ok;

  if (hash == NULL || !anju_db_begin (db, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  ok = write_account (creation, hash, &error);
  if (!anju_transaction_end (db, ok, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }

  reply = _anju_enterprises_json_for_caller (request, creation->enterprise_id, FALSE, &error);
  if (reply == NULL)
    anju_request_reply_error (request, error);
  else
    anju_request_reply_json (request, SOUP_STATUS_CREATED, g_steal_pointer (&reply));
}

/* The 422s and 409s that can be told before hashing.  Replies and returns
 * FALSE on any. */
static gboolean
check_account (AnjuRequest             *request,
               const AnjuEnterpriseRef *enterprise,
               const char              *username)
{
  g_autoptr(GError) error = NULL;
  gint64 existing = 0;

  if (!anju_username_is_valid (username))
    anju_request_add_field_error (request, "username", anju_username_rule ());
  /* Enterprises made through the organisations API may lack a contact. */
  if (enterprise->contact_phone == NULL || enterprise->contact_name == NULL)
    anju_request_add_field_error (request, "contact_phone",
                                  _("Fill in the enterprise's contact and mobile number first: "
                                    "the password is sent there"));
  if (anju_request_has_field_errors (request))
    {
      anju_reply_validation_failed (request);
      return FALSE;
    }
  if (enterprise->account_user_id != 0)
    {
      anju_reply_error_code (request, ANJU_ERROR_CONFLICT,
                             _("This enterprise already has an account"));
      return FALSE;
    }
  if (!anju_user_store_find_username (anju_request_get_db (request), username, &existing,
                                      &error))
    {
      anju_request_reply_error (request, error);
      return FALSE;
    }
  if (existing != 0)
    {
      reply_username_taken (request);
      return FALSE;
    }
  return TRUE;
}

void
_anju_enterprises_create_account (AnjuRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_auto(AnjuEnterpriseRef) enterprise = { 0, };
  g_autoptr(AccountCreation) creation = NULL;
  const char *password;
  JsonObject *body;
  gint64 id;

  if (!anju_request_get_path_id (request, "id", &id)
      || !_anju_enterprises_load_for_action (request, id, TRUE, &enterprise))
    return;
  body = anju_request_parse_body (request, _anju_enterprises_account_body, &error);
  if (body == NULL)
    {
      anju_request_reply_error (request, error);
      return;
    }

  creation = g_new0 (AccountCreation, 1);
  creation->request = anju_request_ref (request);
  creation->enterprise_id = id;
  creation->username = anju_body_dup_trimmed (body, "username");
  if (!check_account (request, &enterprise, creation->username))
    return;
  creation->password = anju_initial_password_new (creation->username, &error);
  if (creation->password == NULL)
    {
      anju_request_reply_error (request, error);
      return;
    }

  /* The password is read before creation is handed over: the order in
   * which arguments are evaluated is not defined. */
  password = creation->password;
  anju_request_pause (request);
  anju_kdf_hash_async (password, NULL, password_hashed_cb, g_steal_pointer (&creation));
}
