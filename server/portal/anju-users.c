#include "config.h"

#include <glib/gi18n.h>

#include "anju-audit.h"
#include "anju-caller.h"
#include "anju-clock.h"
#include "anju-grants.h"
#include "anju-kdf.h"
#include "anju-org-store.h"
#include "anju-password-policy.h"
#include "anju-permissions.h"
#include "anju-phone.h"
#include "anju-role-store.h"
#include "anju-sql-pattern.h"
#include "anju-transaction.h"
#include "anju-user-json.h"
#include "anju-users-private.h"
#include "anju-users.h"
#include "anju-validation.h"

#define USERNAME_MAX 32

static const char * const user_statuses[] = { "active", "disabled", NULL };

static gint64
request_now (AnjuRequest *request)
{
  return anju_clock_now_secs (anju_request_get_clock (request));
}

JsonNode *
_anju_users_json_for_caller (AnjuRequest  *request,
                             gint64        id,
                             GError      **error)
{
  gboolean reveal = anju_caller_has_permission (anju_request_get_caller (request),
                                                ANJU_PERM_USER_PII);

  return anju_user_json_new (anju_request_get_db (request), id, request_now (request),
                             reveal, error);
}

JsonNode *
_anju_users_json_for_audit (AnjuRequest  *request,
                            gint64        id,
                            GError      **error)
{
  return anju_user_json_new (anju_request_get_db (request), id, request_now (request),
                             FALSE, error);
}

gboolean
_anju_users_load_for_action (AnjuRequest *request,
                             gint64       id,
                             AnjuUserRef *out_user)
{
  g_autoptr(GError) error = NULL;

  if (!anju_user_store_load (anju_request_get_db (request), id, out_user, &error))
    {
      anju_request_reply_error (request, error);
      return FALSE;
    }
  if (!anju_caller_can_see_org_path (anju_request_get_caller (request), out_user->org_path))
    {
      anju_reply_error_code (request, ANJU_ERROR_FORBIDDEN,
                             _("This user is outside your data scope"));
      return FALSE;
    }
  return TRUE;
}

gboolean
_anju_users_check_covers (AnjuRequest *request,
                          gint64       id)
{
  g_autoptr(GError) error = NULL;
  gboolean covered = FALSE;

  if (!anju_grants_check_user (anju_request_get_db (request), anju_request_get_caller (request),
                               id, &covered, &error))
    {
      anju_request_reply_error (request, error);
      return FALSE;
    }
  if (!covered)
    {
      anju_reply_error_code (request, ANJU_ERROR_FORBIDDEN,
                             _("This user holds permissions you do not hold yourself"));
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  const char *scope_path;
  const char *pattern;
  gint64      ids[2];
  const char *status;
} UserListFilters;

/* An absent filter stays NULL, which the WHERE clause reads as "any". */
static void
bind_list_filters (sqlite3_stmt  *stmt,
                   gconstpointer  bind_data)
{
  const UserListFilters *filters = bind_data;

  anju_db_bind_text (stmt, 1, filters->scope_path);
  anju_db_bind_text (stmt, 2, filters->pattern);
  if (filters->ids[0] != 0)
    sqlite3_bind_int64 (stmt, 3, filters->ids[0]);
  if (filters->ids[1] != 0)
    sqlite3_bind_int64 (stmt, 4, filters->ids[1]);
  anju_db_bind_text (stmt, 5, filters->status);
}

/* organisation_id and role_id filters; 0 where absent. */
static gboolean
read_list_ids (AnjuRequest  *request,
               gint64        ids[2],
               GError      **error)
{
  static const char * const names[] = { "organisation_id", "role_id" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      gboolean present = FALSE;

      ids[i] = 0;
      if (!anju_request_get_query_int (request, names[i], &ids[i], &present, error))
        return FALSE;
      /* Ids are positive: any other number matches nothing, like an id
       * that does not exist, rather than meaning "no filter". */
      if (present && ids[i] <= 0)
        ids[i] = -1;
    }
  return TRUE;
}

static JsonNode *
user_item (sqlite3_stmt  *stmt,
           gpointer       user_data,
           GError       **error)
{
  return _anju_users_json_for_caller (user_data, sqlite3_column_int64 (stmt, 0), error);
}

static void
handle_list (AnjuRequest *request)
{
#define USER_LIST_FROM \
  " FROM users u JOIN organisations o ON o.id = u.org_id" \
  " WHERE o.path LIKE ?1 || '%' AND u.is_service = 0" \
  " AND (?2 IS NULL OR u.username LIKE ?2 ESCAPE '\\' OR u.name LIKE ?2 ESCAPE '\\')" \
  " AND (?3 IS NULL OR u.org_id = ?3)" \
  " AND (?4 IS NULL OR EXISTS (SELECT 1 FROM user_roles ur" \
  "                            WHERE ur.user_id = u.id AND ur.role_id = ?4))" \
  " AND (?5 IS NULL OR u.status = ?5)"
  const char *status = anju_request_get_query (request, "status");
  g_autofree char *pattern = anju_sql_contains_pattern (anju_request_get_query (request, "q"));
  UserListFilters filters = {
    .scope_path = anju_request_get_caller (request)->org_path,
    .pattern = pattern,
    .status = status,
  };
  g_autoptr(GError) error = NULL;
  guint page, page_size;

  if (!anju_request_get_paging (request, &page, &page_size, &error)
      || !read_list_ids (request, filters.ids, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  if (status != NULL && !g_strv_contains (user_statuses, status))
    {
      anju_reply_field_error (request, "status", _("Must be “active” or “disabled”"));
      return;
    }

  anju_request_reply_list (request,
                           "SELECT COUNT(*)" USER_LIST_FROM,
                           "SELECT u.id" USER_LIST_FROM " ORDER BY u.id LIMIT ?6 OFFSET ?7",
                           6, page, page_size, bind_list_filters, &filters,
                           user_item, request);
#undef USER_LIST_FROM
}

static void
handle_get (AnjuRequest *request)
{
  g_auto(AnjuUserRef) user = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  gint64 id;

  if (!anju_request_get_path_id (request, "id", &id))
    return;

  if (anju_user_store_load (anju_request_get_db (request), id, &user, &error)
      && !anju_caller_can_see_org_path (anju_request_get_caller (request), user.org_path))
    g_set_error_literal (&error, ANJU_ERROR, ANJU_ERROR_NOT_FOUND, _("No such user"));
  if (error == NULL)
    node = _anju_users_json_for_caller (request, id, &error);

  if (node == NULL)
    anju_request_reply_error (request, error);
  else
    anju_request_reply_json (request, SOUP_STATUS_OK, g_steal_pointer (&node));
}

/* Adds a field error for a phone that is present but not a mainland
 * mobile number. */
static void
check_phone (AnjuRequest *request,
             const char  *phone)
{
  g_autoptr(GError) error = NULL;

  if (phone != NULL && !anju_phone_validate_mobile (phone, &error))
    anju_request_add_field_error (request, "phone", error->message);
}

/* The organisation a user is to be placed in: a field error when it does
 * not exist.  Scope is checked later, as a 403. */
static gboolean
check_organisation (AnjuRequest *request,
                    gint64       org_id,
                    AnjuOrgRef  *org,
                    GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (anju_org_store_load (anju_request_get_db (request), org_id, org, &local_error))
    return TRUE;
  if (!g_error_matches (local_error, ANJU_ERROR, ANJU_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  anju_request_add_field_error (request, "organisation_id", _("No such organisation"));
  return TRUE;
}

/* The body's role_ids without duplicates; a field error for an id that is
 * no role, or for no role at all (an account without a role could sign
 * in and do nothing).  Returns NULL only for a store error. */
static GArray *
read_role_ids (AnjuRequest  *request,
               JsonObject   *body,
               GError      **error)
{
  JsonArray *array = json_object_get_array_member (body, "role_ids");
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gint64 id = json_array_get_int_element (array, i);
      g_auto(AnjuRoleRef) role = { 0, };
      g_autoptr(GError) local_error = NULL;
      gboolean seen = FALSE;

      for (guint j = 0; j < ids->len && !seen; j++)
        seen = g_array_index (ids, gint64, j) == id;
      if (seen)
        continue;

      if (!anju_role_store_load (anju_request_get_db (request), id, &role, &local_error))
        {
          if (!g_error_matches (local_error, ANJU_ERROR, ANJU_ERROR_NOT_FOUND))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          anju_request_add_field_error (request, "role_ids", _("No such role"));
        }
      g_array_append_val (ids, id);
    }
  if (ids->len == 0)
    anju_request_add_field_error (request, "role_ids", _("Choose at least one role"));
  return g_steal_pointer (&ids);
}

/* The 403s of placing a user: the organisation must be in scope and every
 * role's permissions held by the caller.  Replies and returns FALSE. */
static gboolean
check_placement (AnjuRequest      *request,
                 const AnjuOrgRef *org,
                 GArray           *role_ids)
{
  AnjuCaller *caller = anju_request_get_caller (request);
  g_autoptr(GError) error = NULL;
  gboolean allowed = TRUE;

  if (org != NULL && !anju_caller_can_see_org_path (caller, org->path))
    {
      anju_reply_error_code (request, ANJU_ERROR_FORBIDDEN,
                             _("This organisation is outside your data scope"));
      return FALSE;
    }
  if (role_ids != NULL
      && !anju_grants_check_roles (anju_request_get_db (request), caller, role_ids, &allowed,
                                   &error))
    {
      anju_request_reply_error (request, error);
      return FALSE;
    }
  if (!allowed)
    {
      anju_reply_error_code (request, ANJU_ERROR_FORBIDDEN,
                             _("You cannot give roles with permissions you do not hold yourself"));
      return FALSE;
    }
  return TRUE;
}

/* A new user between the handler and the end of the password hash. */
typedef struct
{
  AnjuRequest *request;
  char        *username;
  char        *name;
  char        *phone;
  char        *post;
  gint64       org_id;
  GArray      *role_ids;
} UserCreation;

static void
user_creation_free (UserCreation *creation)
{
  anju_request_unref (creation->request);
  g_free (creation->username);
  g_free (creation->name);
  g_free (creation->phone);
  g_free (creation->post);
  g_clear_pointer (&creation->role_ids, g_array_unref);
  g_free (creation);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UserCreation, user_creation_free)

static void
reply_username_taken (AnjuRequest *request)
{
  anju_reply_error_code (request, ANJU_ERROR_CONFLICT, _("This account name is already taken"));
}

static gboolean
write_new_user (UserCreation  *creation,
                const char    *password_hash,
                gint64        *out_id,
                GError       **error)
{
  AnjuRequest *request = creation->request;
  AnjuDb *db = anju_request_get_db (request);
  g_autoptr(JsonNode) after = NULL;
  AnjuNewUser user = {
    .username = creation->username,
    .name = creation->name,
    .phone = creation->phone,
    .post = creation->post,
    .org_id = creation->org_id,
    .password_hash = password_hash,
    .must_change_password = TRUE,
  };

  *out_id = anju_user_store_insert (db, &user, request_now (request), error);
  return *out_id != 0
         && anju_user_store_set_roles (db, *out_id, creation->role_ids, error)
         && (after = _anju_users_json_for_audit (request, *out_id, error)) != NULL
         && anju_audit_record (request, NULL, "user.create", "user", *out_id, NULL, after, error);
}

static void
new_user_hashed_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(UserCreation) creation = user_data;
  AnjuRequest *request = creation->request;
  AnjuDb *db = anju_request_get_db (request);
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = anju_kdf_hash_finish (result, &error);
  g_autoptr(JsonNode) reply = NULL;
  gint64 id = 0;
  gboolean ok;

  if (hash == NULL || !anju_db_begin (db, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  ok = write_new_user (creation, hash, &id, &error);
  if (!anju_transaction_end (db, ok, &error))
    {
      /* The name was free when the request came in; someone took it while
       * the password was being hashed. */
      if (g_error_matches (error, ANJU_ERROR, ANJU_ERROR_CONFLICT))
        reply_username_taken (request);
      else
        anju_request_reply_error (request, error);
      return;
    }

  reply = _anju_users_json_for_caller (request, id, &error);
  if (reply == NULL)
    anju_request_reply_error (request, error);
  else
    anju_request_reply_json (request, SOUP_STATUS_CREATED, g_steal_pointer (&reply));
}

static const AnjuFieldSpec create_body[] = {
  { "username", ANJU_FIELD_STRING, ANJU_FIELD_REQUIRED, NULL, USERNAME_MAX,
    "Account name: 3-32 of a-z, 0-9, _ . -; unique" },
  { "name", ANJU_FIELD_STRING, ANJU_FIELD_REQUIRED, NULL, 64, "Full name" },
  { "phone", ANJU_FIELD_STRING, ANJU_FIELD_REQUIRED, NULL, 20, "Mainland mobile number" },
  { "organisation_id", ANJU_FIELD_INT, ANJU_FIELD_REQUIRED, NULL, 0,
    "Organisation in the caller's scope" },
  { "role_ids", ANJU_FIELD_INT_ARRAY, ANJU_FIELD_REQUIRED, NULL, 0,
    "Roles whose permissions the caller holds" },
  { "password", ANJU_FIELD_STRING, ANJU_FIELD_REQUIRED | ANJU_FIELD_SECRET, NULL, 256,
    "First password; the user must change it at first sign-in" },
  { "post", ANJU_FIELD_STRING, ANJU_FIELD_NULLABLE, NULL, 64, "Post (job title)" },
  { NULL }
};

/* Every field error of a new user at once, so a form can show them all. */
static void
check_new_user (AnjuRequest  *request,
                UserCreation *creation,
                const char   *password)
{
  g_autoptr(GError) error = NULL;

  if (!anju_username_is_valid (creation->username))
    anju_request_add_field_error (request, "username",
                                  anju_username_rule ());
  anju_check_not_blank (request, "name", creation->name);
  check_phone (request, creation->phone);
  if (!anju_password_policy_check (password, creation->username, &error))
    anju_request_add_field_error (request, "password", error->message);
}

static void
handle_create (AnjuRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UserCreation) creation = NULL;
  g_auto(AnjuOrgRef) org = { 0, };
  const char *password;
  JsonObject *body;
  gint64 existing = 0;

  body = anju_request_parse_body (request, create_body, &error);
  if (body == NULL)
    {
      anju_request_reply_error (request, error);
      return;
    }
  creation = g_new0 (UserCreation, 1);
  creation->request = anju_request_ref (request);
  creation->username = anju_body_dup_trimmed (body, "username");
  creation->name = anju_body_dup_trimmed (body, "name");
  creation->phone = anju_body_dup_trimmed (body, "phone");
  creation->post = anju_body_dup_trimmed (body, "post");
  creation->org_id = json_object_get_int_member (body, "organisation_id");
  password = json_object_get_string_member (body, "password");

  check_new_user (request, creation, password);
  if (!check_organisation (request, creation->org_id, &org, &error)
      || (creation->role_ids = read_role_ids (request, body, &error)) == NULL
      || !anju_user_store_find_username (anju_request_get_db (request), creation->username,
                                         &existing, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  if (anju_request_has_field_errors (request))
    {
      anju_reply_validation_failed (request);
      return;
    }
  if (!check_placement (request, &org, creation->role_ids))
    return;
  if (existing != 0)
    {
      reply_username_taken (request);
      return;
    }

  anju_request_pause (request);
  anju_kdf_hash_async (password, NULL, new_user_hashed_cb, g_steal_pointer (&creation));
}

static const AnjuFieldSpec update_body[] = {
  { "name", ANJU_FIELD_STRING, ANJU_FIELD_OPTIONAL, NULL, 64, "Full name" },
  { "phone", ANJU_FIELD_STRING, ANJU_FIELD_OPTIONAL, NULL, 20, "Mainland mobile number" },
  { "post", ANJU_FIELD_STRING, ANJU_FIELD_NULLABLE, NULL, 64, "Post; null clears it" },
  { "organisation_id", ANJU_FIELD_INT, ANJU_FIELD_OPTIONAL, NULL, 0,
    "Move the user to this organisation (in the caller's scope)" },
  { "role_ids", ANJU_FIELD_INT_ARRAY, ANJU_FIELD_OPTIONAL, NULL, 0,
    "The whole new set of roles" },
  { NULL }
};

static gboolean
write_update (AnjuRequest          *request,
              gint64                id,
              const AnjuUserPatch  *patch,
              GArray               *role_ids,
              GError              **error)
{
  AnjuDb *db = anju_request_get_db (request);
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;

  return (before = _anju_users_json_for_audit (request, id, error)) != NULL
         && anju_user_store_update_profile (db, id, patch, request_now (request), error)
         && (role_ids == NULL || anju_user_store_set_roles (db, id, role_ids, error))
         && (after = _anju_users_json_for_audit (request, id, error)) != NULL
         && anju_audit_record (request, NULL, "user.update", "user", id, before, after, error);
}

static void
finish_update (AnjuRequest          *request,
               gint64                id,
               const AnjuUserPatch  *patch,
               GArray               *role_ids)
{
  AnjuDb *db = anju_request_get_db (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) reply = NULL;
  gboolean ok;

  if (!anju_db_begin (db, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  ok = write_update (request, id, patch, role_ids, &error);
  if (!anju_transaction_end (db, ok, &error)
      || (reply = _anju_users_json_for_caller (request, id, &error)) == NULL)
    anju_request_reply_error (request, error);
  else
    anju_request_reply_json (request, SOUP_STATUS_OK, g_steal_pointer (&reply));
}

static void
handle_update (AnjuRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_auto(AnjuUserRef) user = { 0, };
  g_auto(AnjuOrgRef) org = { 0, };
  g_autoptr(GArray) role_ids = NULL;
  g_autofree char *name = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *post = NULL;
  AnjuUserPatch patch;
  JsonObject *body;
  gboolean moving;
  gint64 id;

  if (!anju_request_get_path_id (request, "id", &id)
      || !_anju_users_load_for_action (request, id, &user))
    return;
  body = anju_request_parse_body (request, update_body, &error);
  if (body == NULL)
    {
      anju_request_reply_error (request, error);
      return;
    }
  name = anju_body_dup_trimmed (body, "name");
  phone = anju_body_dup_trimmed (body, "phone");
  post = anju_body_dup_trimmed (body, "post");
  patch = (AnjuUserPatch) {
    .name = name,
    .phone = phone,
    .set_post = json_object_has_member (body, "post"),
    .post = post != NULL && *post != '\0' ? post : NULL,
    .org_id = json_object_get_int_member_with_default (body, "organisation_id", 0),
  };

  moving = json_object_has_member (body, "organisation_id");

  if (json_object_has_member (body, "name"))
    anju_check_not_blank (request, "name", name);
  check_phone (request, phone);
  if ((moving && !check_organisation (request, patch.org_id, &org, &error))
      || (json_object_has_member (body, "role_ids")
          && (role_ids = read_role_ids (request, body, &error)) == NULL))
    {
      anju_request_reply_error (request, error);
      return;
    }
  if (anju_request_has_field_errors (request))
    {
      anju_reply_validation_failed (request);
      return;
    }
  if (!check_placement (request, moving ? &org : NULL, role_ids))
    return;

  finish_update (request, id, &patch, role_ids);
}

static const AnjuRoute user_routes[] = {
  { "GET", "/api/v1/users", ANJU_PERM_USER_READ, ANJU_ROUTE_DEFAULT, handle_list,
    "Users in the caller's scope; filters q, organisation_id, role_id, status", NULL,
    "users" },
  { "GET", "/api/v1/users/{id}", ANJU_PERM_USER_READ, ANJU_ROUTE_DEFAULT, handle_get,
    "One user", NULL, "users" },
  { "POST", "/api/v1/users", ANJU_PERM_USER_WRITE, ANJU_ROUTE_DEFAULT, handle_create,
    "Create a user, who must change the password at first sign-in", create_body, "users" },
  { "PATCH", "/api/v1/users/{id}", ANJU_PERM_USER_WRITE, ANJU_ROUTE_DEFAULT, handle_update,
    "Edit a user's profile, organisation or roles", update_body, "users" },
  { "POST", "/api/v1/users/{id}/disable", ANJU_PERM_USER_WRITE, ANJU_ROUTE_DEFAULT,
    _anju_user_actions_disable, "Disable an account; its sessions end", NULL, "users" },
  { "POST", "/api/v1/users/{id}/enable", ANJU_PERM_USER_WRITE, ANJU_ROUTE_DEFAULT,
    _anju_user_actions_enable, "Enable a disabled account", NULL, "users" },
  { "POST", "/api/v1/users/{id}/unlock", ANJU_PERM_USER_WRITE, ANJU_ROUTE_DEFAULT,
    _anju_user_actions_unlock, "End a lockout and clear the failure count", NULL, "users" },
  { "POST", "/api/v1/users/{id}/reset-password", ANJU_PERM_USER_WRITE, ANJU_ROUTE_DEFAULT,
    _anju_user_actions_reset_password,
    "Set a new password the user must change at next sign-in; sessions end",
    _anju_user_actions_reset_password_body, "users" },
};

const AnjuRoute *
anju_users_get_routes (guint *n_routes)
{
  *n_routes = G_N_ELEMENTS (user_routes);
  return user_routes;
}
