/* anju-enterprises.c: list, read, create and edit operating enterprises.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-audit.h"
#include "anju-caller.h"
#include "anju-clock.h"
#include "anju-enterprises-private.h"
#include "anju-enterprises.h"
#include "anju-org-store.h"
#include "anju-permissions.h"
#include "anju-phone.h"
#include "anju-sql-pattern.h"
#include "anju-time.h"
#include "anju-transaction.h"
#include "anju-uscc.h"
#include "anju-validation.h"

gint64
_anju_enterprises_now (AnjuRequest *request)
{
  return anju_clock_now_secs (anju_request_get_clock (request));
}

gboolean
_anju_enterprises_load_for_action (AnjuRequest       *request,
                                   gint64             id,
                                   gboolean           must_be_active,
                                   AnjuEnterpriseRef *out_ref)
{
  g_autoptr(GError) error = NULL;

  if (!anju_enterprise_store_load (anju_request_get_db (request), id, out_ref, &error))
    {
      anju_request_reply_error (request, error);
      return FALSE;
    }
  if (!anju_caller_can_see_org_path (anju_request_get_caller (request), out_ref->path))
    {
      anju_reply_error_code (request, ANJU_ERROR_FORBIDDEN,
                             _("This enterprise is outside your data scope"));
      return FALSE;
    }
  if (must_be_active && g_strcmp0 (out_ref->state, "purged") == 0)
    {
      anju_reply_error_code (request, ANJU_ERROR_CONFLICT, _("This enterprise has been purged"));
      return FALSE;
    }
  return TRUE;
}

JsonNode *
_anju_enterprises_json_for_caller (AnjuRequest  *request,
                                   gint64        id,
                                   gboolean      with_projects,
                                   GError      **error)
{
  gboolean reveal = anju_caller_has_permission (anju_request_get_caller (request),
                                                ANJU_PERM_USER_PII);

  return anju_enterprise_store_to_json (anju_request_get_db (request), id, reveal,
                                        with_projects, error);
}

JsonNode *
_anju_enterprises_json_for_audit (AnjuRequest  *request,
                                  gint64        id,
                                  GError      **error)
{
  return anju_enterprise_store_to_json (anju_request_get_db (request), id, FALSE, FALSE, error);
}

/* ---- list ---- */

typedef struct
{
  const char *scope_path;
  const char *pattern;
  const char *state;
  gboolean    has_from;
  gint64      from;
  gboolean    has_to;
  gint64      to;
} EnterpriseListFilters;

/* An absent filter stays NULL, which the WHERE clause reads as "any". */
static void
bind_list_filters (sqlite3_stmt  *stmt,
                   gconstpointer  bind_data)
{
  const EnterpriseListFilters *filters = bind_data;

  anju_db_bind_text (stmt, 1, filters->scope_path);
  anju_db_bind_text (stmt, 2, filters->pattern);
  anju_db_bind_text (stmt, 3, filters->state);
  if (filters->has_from)
    sqlite3_bind_int64 (stmt, 4, filters->from);
  if (filters->has_to)
    sqlite3_bind_int64 (stmt, 5, filters->to);
}

/* A created_from / created_to filter: a date or a date-time.  A plain
 * date as the upper bound means the whole of that day. */
static gboolean
read_time_filter (AnjuRequest *request,
                  const char  *name,
                  gboolean     upper,
                  gboolean    *out_present,
                  gint64      *out_secs)
{
  const char *text = anju_request_get_query (request, name);
  g_autoptr(GError) error = NULL;

  *out_present = text != NULL && *text != '\0';
  if (!*out_present)
    return TRUE;
  if (!anju_time_parse_iso8601 (text, out_secs, &error))
    {
      anju_request_add_field_error (request, name,
                                    _("Must be a date (YYYY-MM-DD) or an ISO 8601 time"));
      return FALSE;
    }
  if (upper && strlen (text) == 10)
    *out_secs += 24 * 60 * 60 - 1;
  return TRUE;
}

static JsonNode *
enterprise_item (sqlite3_stmt  *stmt,
                 gpointer       user_data,
                 GError       **error)
{
  AnjuRequest *request = user_data;

  return anju_enterprise_json_from_row (stmt,
                                        anju_caller_has_permission (anju_request_get_caller (request),
                                                                    ANJU_PERM_USER_PII));
}

static void
handle_list (AnjuRequest *request)
{
#define ENTERPRISE_LIST_WHERE \
  " WHERE o.kind = 'enterprise_operating' AND o.path LIKE ?1 || '%'" \
  " AND (?2 IS NULL OR o.name LIKE ?2 ESCAPE '\\' OR o.code LIKE ?2 ESCAPE '\\'" \
  "      OR a.username LIKE ?2 ESCAPE '\\')" \
  " AND (?3 IS NULL OR e.state = ?3)" \
  " AND (?4 IS NULL OR e.created_at >= ?4)" \
  " AND (?5 IS NULL OR e.created_at <= ?5)"
  const char *state = anju_request_get_query (request, "state");
  g_autofree char *pattern = anju_sql_contains_pattern (anju_request_get_query (request, "q"));
  EnterpriseListFilters filters = {
    .scope_path = anju_request_get_caller (request)->org_path,
    .pattern = pattern,
    .state = state,
  };
  g_autoptr(GError) error = NULL;
  guint page, page_size;

  if (!anju_request_get_paging (request, &page, &page_size, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  if (state != NULL && !g_strv_contains (anju_enterprise_states, state))
    anju_request_add_field_error (request, "state", _("Must be “active” or “purged”"));
  read_time_filter (request, "created_from", FALSE, &filters.has_from, &filters.from);
  read_time_filter (request, "created_to", TRUE, &filters.has_to, &filters.to);
  if (anju_request_has_field_errors (request))
    {
      anju_reply_validation_failed (request);
      return;
    }

  anju_request_reply_list (request,
                           "SELECT COUNT(*) FROM" ANJU_ENTERPRISE_FROM ENTERPRISE_LIST_WHERE,
                           "SELECT " ANJU_ENTERPRISE_COLUMNS " FROM" ANJU_ENTERPRISE_FROM
                           ENTERPRISE_LIST_WHERE
                           " ORDER BY e.created_at DESC, o.id DESC LIMIT ?6 OFFSET ?7",
                           6, page, page_size, bind_list_filters, &filters,
                           enterprise_item, request);
#undef ENTERPRISE_LIST_WHERE
}

/* ---- detail ---- */

static void
handle_get (AnjuRequest *request)
{
  g_auto(AnjuEnterpriseRef) enterprise = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  gint64 id;

  if (!anju_request_get_path_id (request, "id", &id))
    return;

  if (anju_enterprise_store_load (anju_request_get_db (request), id, &enterprise, &error)
      && !anju_caller_can_see_org_path (anju_request_get_caller (request), enterprise.path))
    g_set_error_literal (&error, ANJU_ERROR, ANJU_ERROR_NOT_FOUND,
                         _("No such operating enterprise"));
  if (error == NULL)
    node = _anju_enterprises_json_for_caller (request, id, TRUE, &error);

  if (node == NULL)
    anju_request_reply_error (request, error);
  else
    anju_request_reply_json (request, SOUP_STATUS_OK, g_steal_pointer (&node));
}

/* ---- the profile, shared by create and edit ---- */

/* Every text of a profile, trimmed; empty optional members are NULL. */
typedef struct
{
  char *name;
  char *uscc;
  char *legal_representative;
  char *contact_name;
  char *contact_phone;
  char *address;
  char *industry;
  char *business_scope;
} ProfileInput;

static void
profile_input_clear (ProfileInput *input)
{
  g_free (input->name);
  g_free (input->uscc);
  g_free (input->legal_representative);
  g_free (input->contact_name);
  g_free (input->contact_phone);
  g_free (input->address);
  g_free (input->industry);
  g_free (input->business_scope);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ProfileInput, profile_input_clear)

#define PROFILE_FIELDS(required) \
  { "name", ANJU_FIELD_STRING, required, NULL, 100, "Enterprise name" }, \
  { "uscc", ANJU_FIELD_STRING, required, NULL, 32, "Unified social credit code (18 characters)" }, \
  { "legal_representative", ANJU_FIELD_STRING, required, NULL, 64, "Legal representative" }, \
  { "contact_name", ANJU_FIELD_STRING, required, NULL, 64, "Contact person" }, \
  { "contact_phone", ANJU_FIELD_STRING, required, NULL, 20, \
    "Contact's mainland mobile number; the account's password is texted to it" }, \
  { "address", ANJU_FIELD_STRING, ANJU_FIELD_NULLABLE, NULL, 200, "Registered address" }, \
  { "industry", ANJU_FIELD_STRING, ANJU_FIELD_NULLABLE, NULL, 64, "Industry" }, \
  { "business_scope", ANJU_FIELD_STRING, ANJU_FIELD_NULLABLE, NULL, 500, "Business scope" }

static const AnjuFieldSpec create_body[] = {
  PROFILE_FIELDS (ANJU_FIELD_REQUIRED),
  { NULL }
};

static const AnjuFieldSpec update_body[] = {
  PROFILE_FIELDS (ANJU_FIELD_OPTIONAL),
  { NULL }
};

/* The member's new value when the body has it, else the current one
 * (current may be NULL when creating).  Empty text is NULL. */
static char *
merged_text (JsonObject *body,
             JsonObject *current,
             const char *member)
{
  char *value;

  if (!json_object_has_member (body, member))
    return current != NULL
           ? g_strdup (json_object_get_string_member_with_default (current, member, NULL))
           : NULL;
  value = anju_body_dup_trimmed (body, member);
  if (value != NULL && *value == '\0')
    g_clear_pointer (&value, g_free);
  return value;
}

static void
read_profile (JsonObject   *body,
              JsonObject   *current,
              ProfileInput *input)
{
  input->name = merged_text (body, current, "name");
  input->uscc = merged_text (body, current, "uscc");
  if (input->uscc != NULL)
    {
      char *upper = g_ascii_strup (input->uscc, -1);

      g_free (input->uscc);
      input->uscc = upper;
    }
  input->legal_representative = merged_text (body, current, "legal_representative");
  input->contact_name = merged_text (body, current, "contact_name");
  input->contact_phone = merged_text (body, current, "contact_phone");
  input->address = merged_text (body, current, "address");
  input->industry = merged_text (body, current, "industry");
  input->business_scope = merged_text (body, current, "business_scope");
}

/* Adds a field error for every bad member, so a form shows them all. */
static void
check_profile (AnjuRequest        *request,
               const ProfileInput *input)
{
  g_autoptr(GError) uscc_error = NULL;
  g_autoptr(GError) phone_error = NULL;

  anju_check_not_blank (request, "name", input->name);
  if (input->uscc == NULL)
    anju_check_not_blank (request, "uscc", NULL);
  else if (!anju_uscc_validate (input->uscc, &uscc_error))
    anju_request_add_field_error (request, "uscc", uscc_error->message);
  anju_check_not_blank (request, "legal_representative", input->legal_representative);
  anju_check_not_blank (request, "contact_name", input->contact_name);
  if (input->contact_phone == NULL)
    anju_check_not_blank (request, "contact_phone", NULL);
  else if (!anju_phone_validate_mobile (input->contact_phone, &phone_error))
    anju_request_add_field_error (request, "contact_phone", phone_error->message);
}

/* 409 when another organisation under the center has the name, or any
 * organisation the USCC.  Replies and returns FALSE on a clash. */
static gboolean
check_unique (AnjuRequest        *request,
              gint64              center_id,
              const ProfileInput *input,
              gint64              self_id)
{
  AnjuDb *db = anju_request_get_db (request);
  g_autoptr(GError) error = NULL;
  gint64 same_name = 0;
  gint64 same_code = 0;

  if (!anju_org_store_find_sibling (db, center_id, input->name, self_id, &same_name, &error)
      || !anju_org_store_find_code (db, input->uscc, self_id, &same_code, &error))
    {
      anju_request_reply_error (request, error);
      return FALSE;
    }
  if (same_name != 0)
    {
      anju_reply_error_code (request, ANJU_ERROR_CONFLICT,
                             _("An organisation with this name already exists"));
      return FALSE;
    }
  if (same_code != 0)
    {
      anju_reply_error_code (request, ANJU_ERROR_CONFLICT,
                             _("An organisation with this unified social credit code already exists"));
      return FALSE;
    }
  return TRUE;
}

static AnjuEnterpriseProfile
profile_from_input (const ProfileInput *input)
{
  return (AnjuEnterpriseProfile) {
    .legal_representative = input->legal_representative,
    .contact_name = input->contact_name,
    .contact_phone = input->contact_phone,
    .address = input->address,
    .industry = input->industry,
    .business_scope = input->business_scope,
  };
}

/* Replies 201/200 with the enterprise after a committed write, or the
 * error. */
static void
reply_written (AnjuRequest *request,
               gint64       id,
               gboolean     ok,
               GError      *error,
               guint        status)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!ok)
    {
      anju_request_reply_error (request, error);
      return;
    }
  node = _anju_enterprises_json_for_caller (request, id, status == SOUP_STATUS_OK,
                                            &local_error);
  if (node == NULL)
    anju_request_reply_error (request, local_error);
  else
    anju_request_reply_json (request, status, g_steal_pointer (&node));
}

/* ---- create ---- */

static gboolean
write_create (AnjuRequest        *request,
              const AnjuOrgRef   *center,
              const ProfileInput *input,
              gint64             *out_id,
              GError            **error)
{
  AnjuDb *db = anju_request_get_db (request);
  gint64 now = _anju_enterprises_now (request);
  AnjuEnterpriseProfile profile = profile_from_input (input);
  g_autoptr(JsonNode) org = NULL;
  g_autoptr(JsonNode) after = NULL;

  /* The organisation's description is what the organisations page shows
   * of an enterprise: its address. */
  *out_id = anju_org_store_insert (db, center, "enterprise_operating", input->name,
                                   input->uscc, input->address, now, error);
  return *out_id != 0
         && anju_enterprise_store_set_profile (db, *out_id, &profile, now, error)
         && (org = anju_org_store_to_json (db, *out_id, error)) != NULL
         && anju_audit_record (request, NULL, "organisation.create", "organisation", *out_id,
                               NULL, org, error)
         && (after = _anju_enterprises_json_for_audit (request, *out_id, error)) != NULL
         && anju_audit_record (request, NULL, "pubrent.enterprise.create", "pubrent.enterprise",
                               *out_id, NULL, after, error);
}

/* The center, which every enterprise hangs under; 403 when the caller
 * cannot place an organisation there. */
static gboolean
load_center (AnjuRequest *request,
             AnjuOrgRef  *center)
{
  g_autoptr(GError) error = NULL;
  gboolean found = FALSE;

  if (!anju_org_store_load_center (anju_request_get_db (request), center, &found, &error))
    {
      anju_request_reply_error (request, error);
      return FALSE;
    }
  if (!found || !anju_caller_can_see_org_path (anju_request_get_caller (request), center->path))
    {
      anju_reply_error_code (request, ANJU_ERROR_FORBIDDEN,
                             _("Only the center can add operating enterprises"));
      return FALSE;
    }
  return TRUE;
}

static void
handle_create (AnjuRequest *request)
{
  AnjuDb *db = anju_request_get_db (request);
  g_autoptr(GError) error = NULL;
  g_auto(AnjuOrgRef) center = { 0, };
  g_auto(ProfileInput) input = { 0, };
  JsonObject *body;
  gint64 id = 0;
  gboolean ok;

  body = anju_request_parse_body (request, create_body, &error);
  if (body == NULL)
    {
      anju_request_reply_error (request, error);
      return;
    }
  read_profile (body, NULL, &input);
  check_profile (request, &input);
  if (anju_request_has_field_errors (request))
    {
      anju_reply_validation_failed (request);
      return;
    }
  if (!load_center (request, &center) || !check_unique (request, center.id, &input, 0))
    return;

  if (!anju_db_begin (db, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  ok = write_create (request, &center, &input, &id, &error);
  ok = anju_transaction_end (db, ok, &error);
  reply_written (request, id, ok, error, SOUP_STATUS_CREATED);
}

/* ---- edit ---- */

static gboolean
write_update (AnjuRequest        *request,
              gint64              id,
              JsonNode           *before,
              const ProfileInput *input,
              GError            **error)
{
  AnjuDb *db = anju_request_get_db (request);
  gint64 now = _anju_enterprises_now (request);
  AnjuEnterpriseProfile profile = profile_from_input (input);
  g_autoptr(JsonNode) after = NULL;

  return anju_org_store_update (db, id, input->name, input->uscc, input->address, now, error)
         && anju_enterprise_store_set_profile (db, id, &profile, now, error)
         && (after = _anju_enterprises_json_for_audit (request, id, error)) != NULL
         && anju_audit_record (request, NULL, "pubrent.enterprise.update", "pubrent.enterprise",
                               id, before, after, error);
}

static void
handle_update (AnjuRequest *request)
{
  AnjuDb *db = anju_request_get_db (request);
  g_autoptr(GError) error = NULL;
  g_auto(AnjuEnterpriseRef) enterprise = { 0, };
  g_auto(AnjuOrgRef) center = { 0, };
  g_auto(ProfileInput) input = { 0, };
  g_autoptr(JsonNode) current = NULL;
  g_autoptr(JsonNode) before = NULL;
  JsonObject *body;
  gint64 id;
  gboolean ok;

  if (!anju_request_get_path_id (request, "id", &id)
      || !_anju_enterprises_load_for_action (request, id, TRUE, &enterprise))
    return;
  body = anju_request_parse_body (request, update_body, &error);
  if (body != NULL)
    current = anju_enterprise_store_to_json (db, id, TRUE, FALSE, &error);
  if (current == NULL)
    {
      anju_request_reply_error (request, error);
      return;
    }
  read_profile (body, json_node_get_object (current), &input);
  check_profile (request, &input);
  if (anju_request_has_field_errors (request))
    {
      anju_reply_validation_failed (request);
      return;
    }
  if (!load_center (request, &center) || !check_unique (request, center.id, &input, id))
    return;

  if (!anju_db_begin (db, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  ok = (before = _anju_enterprises_json_for_audit (request, id, &error)) != NULL
       && write_update (request, id, before, &input, &error);
  ok = anju_transaction_end (db, ok, &error);
  reply_written (request, id, ok, error, SOUP_STATUS_OK);
}

/* ---- routes ---- */

/* shared/anju-permissions.c: "Manage operating enterprises and their
 * accounts". */
#define PERM_MANAGE "pubrent.enterprise.manage"

static const AnjuRoute enterprise_routes[] = {
  { "GET", "/api/v1/pubrent/enterprises", PERM_MANAGE, ANJU_ROUTE_DEFAULT,
    handle_list,
    "Operating enterprises, newest first; filters q (name, USCC, account), state, "
    "created_from, created_to", NULL, "pubrent" },
  { "POST", "/api/v1/pubrent/enterprises", PERM_MANAGE,
    ANJU_ROUTE_DEFAULT, handle_create,
    "Add an operating enterprise (its organisation under the center and its profile)",
    create_body, "pubrent" },
  { "GET", "/api/v1/pubrent/enterprises/{id}", PERM_MANAGE,
    ANJU_ROUTE_DEFAULT, handle_get, "One operating enterprise with its projects", NULL,
    "pubrent" },
  { "PATCH", "/api/v1/pubrent/enterprises/{id}", PERM_MANAGE,
    ANJU_ROUTE_DEFAULT, handle_update, "Edit an operating enterprise's profile", update_body,
    "pubrent" },
  { "POST", "/api/v1/pubrent/enterprises/{id}/account", PERM_MANAGE,
    ANJU_ROUTE_DEFAULT, _anju_enterprises_create_account,
    "Open the enterprise's account; the first password is texted to the contact",
    _anju_enterprises_account_body, "pubrent" },
  { "POST", "/api/v1/pubrent/enterprises/{id}/purge", PERM_MANAGE,
    ANJU_ROUTE_DEFAULT, _anju_enterprises_purge,
    "Purge an exited enterprise: its users are disabled, its projects unlinked",
    _anju_enterprises_purge_body, "pubrent" },
};

void
anju_enterprises_register (AnjuServer *server)
{
  g_return_if_fail (ANJU_IS_SERVER (server));

  anju_server_add_routes (server, enterprise_routes, G_N_ELEMENTS (enterprise_routes));
}
