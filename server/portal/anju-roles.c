#include "config.h"

#include <glib/gi18n.h>

#include "anju-audit.h"
#include "anju-caller.h"
#include "anju-clock.h"
#include "anju-grants.h"
#include "anju-permissions.h"
#include "anju-role-store.h"
#include "anju-roles.h"
#include "anju-transaction.h"
#include "anju-validation.h"

static gint64
request_now (AnjuRequest *request)
{
  return anju_clock_now_secs (anju_request_get_clock (request));
}

static JsonNode *
role_item (sqlite3_stmt  *stmt,
           gpointer       user_data,
           GError       **error)
{
  return anju_role_store_to_json (user_data, sqlite3_column_int64 (stmt, 0), error);
}

static void
handle_list (AnjuRequest *request)
{
  g_autoptr(GError) error = NULL;
  guint page, page_size;

  if (!anju_request_get_paging (request, &page, &page_size, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  anju_request_reply_list (request,
                           "SELECT COUNT(*) FROM roles",
                           "SELECT id FROM roles ORDER BY id LIMIT ?1 OFFSET ?2",
                           1, page, page_size, NULL, NULL,
                           role_item, anju_request_get_db (request));
}

static void
handle_get (AnjuRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) role = NULL;
  gint64 id;

  if (!anju_request_get_path_id (request, "id", &id))
    return;
  role = anju_role_store_to_json (anju_request_get_db (request), id, &error);
  if (role == NULL)
    anju_request_reply_error (request, error);
  else
    anju_request_reply_json (request, SOUP_STATUS_OK, g_steal_pointer (&role));
}

/* The body's permissions as a NULL-terminated, duplicate-free list, with
 * a field error for the first unknown id (then NULL). */
static GStrv
read_permissions (AnjuRequest *request,
                  JsonObject  *body)
{
  JsonArray *array = json_object_get_array_member (body, "permissions");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *id = json_array_get_string_element (array, i);

      if (!anju_permission_is_known (id))
        {
          g_autofree char *message = NULL;

          /* Translators: %1$s is a permission id such as portal.user.read */
          message = g_strdup_printf (_("Unknown permission: %1$s"), id);
          anju_request_add_field_error (request, "permissions", message);
          return NULL;
        }
      if (g_hash_table_add (seen, (gpointer) id))
        g_strv_builder_add (builder, id);
    }
  return g_strv_builder_end (builder);
}

static gboolean
holds_all_strv (const AnjuCaller   *caller,
                const char * const *permissions)
{
  for (guint i = 0; permissions[i] != NULL; i++)
    if (!anju_caller_has_permission (caller, permissions[i]))
      return FALSE;
  return TRUE;
}

static void
reply_cannot_grant (AnjuRequest *request)
{
  anju_reply_error_code (request, ANJU_ERROR_FORBIDDEN,
                         _("You cannot grant permissions you do not hold yourself"));
}

/* 409 when another role already has the name; replies and returns FALSE. */
static gboolean
check_name_free (AnjuRequest *request,
                 const char  *name,
                 gint64       self_id)
{
  g_autoptr(GError) error = NULL;
  gint64 other = 0;

  if (!anju_role_store_find_name (anju_request_get_db (request), name, self_id, &other, &error))
    {
      anju_request_reply_error (request, error);
      return FALSE;
    }
  if (other != 0)
    {
      anju_reply_error_code (request, ANJU_ERROR_CONFLICT,
                             _("A role with this name already exists"));
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  const char         *name;
  const char         *description;
  const char * const *permissions;  /* (nullable): keep the current set */
} RoleFields;

/* Writes fields (id 0: a new role) and its audit row in one transaction,
 * then answers status with the role. */
static void
write_role (AnjuRequest      *request,
            gint64            id,
            const RoleFields *fields,
            guint             status)
{
  AnjuDb *db = anju_request_get_db (request);
  const char *action = id == 0 ? "role.create" : "role.update";
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  gboolean ok;

  if (!anju_db_begin (db, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  if (id == 0)
    ok = (id = anju_role_store_insert (db, fields->name, fields->description,
                                       request_now (request), &error)) != 0;
  else
    ok = (before = anju_role_store_to_json (db, id, &error)) != NULL
         && anju_role_store_update (db, id, fields->name, fields->description,
                                    request_now (request), &error);
  ok = ok
       && (fields->permissions == NULL
           || anju_role_store_set_permissions (db, id, fields->permissions, &error))
       && (after = anju_role_store_to_json (db, id, &error)) != NULL
       && anju_audit_record (request, NULL, action, "role", id, before, after, &error);

  if (!anju_transaction_end (db, ok, &error))
    anju_request_reply_error (request, error);
  else
    anju_request_reply_json (request, status, g_steal_pointer (&after));
}

static const AnjuFieldSpec create_body[] = {
  { "name", ANJU_FIELD_STRING, ANJU_FIELD_REQUIRED, NULL, 64, "Unique name" },
  { "description", ANJU_FIELD_STRING, ANJU_FIELD_NULLABLE, NULL, 500, "Description" },
  { "permissions", ANJU_FIELD_STRING_ARRAY, ANJU_FIELD_REQUIRED, NULL, 0,
    "Permission ids (GET /api/v1/permissions)" },
  { NULL }
};

static void
handle_create (AnjuRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;
  g_auto(GStrv) permissions = NULL;
  JsonObject *body;
  RoleFields fields;

  body = anju_request_parse_body (request, create_body, &error);
  if (body == NULL)
    {
      anju_request_reply_error (request, error);
      return;
    }
  name = anju_body_dup_trimmed (body, "name");
  description = anju_body_dup_trimmed (body, "description");
  permissions = read_permissions (request, body);
  if (!anju_check_not_blank (request, "name", name) || permissions == NULL)
    {
      anju_reply_validation_failed (request);
      return;
    }
  if (!holds_all_strv (anju_request_get_caller (request), (const char * const *) permissions))
    {
      reply_cannot_grant (request);
      return;
    }
  if (!check_name_free (request, name, 0))
    return;

  fields = (RoleFields) { name, description, (const char * const *) permissions };
  write_role (request, 0, &fields, SOUP_STATUS_CREATED);
}

/* For changes: 404 when missing, 409 for a system role, 403 when the
 * role holds permissions the caller lacks.  Replies and returns FALSE. */
static gboolean
load_for_change (AnjuRequest  *request,
                 gint64        id,
                 AnjuRoleRef  *role,
                 const char   *system_message)
{
  AnjuDb *db = anju_request_get_db (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) held = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!anju_role_store_load (db, id, role, &error)
      || !anju_role_store_add_permissions (db, id, held, &error))
    {
      anju_request_reply_error (request, error);
      return FALSE;
    }
  if (role->is_system)
    {
      anju_reply_error_code (request, ANJU_ERROR_CONFLICT, system_message);
      return FALSE;
    }
  if (!anju_grants_caller_holds_all (anju_request_get_caller (request), held))
    {
      anju_reply_error_code (request, ANJU_ERROR_FORBIDDEN,
                             _("This role holds permissions you do not hold yourself"));
      return FALSE;
    }
  return TRUE;
}

static const AnjuFieldSpec update_body[] = {
  { "name", ANJU_FIELD_STRING, ANJU_FIELD_OPTIONAL, NULL, 64, "Unique name" },
  { "description", ANJU_FIELD_STRING, ANJU_FIELD_NULLABLE, NULL, 500,
    "Description; null clears it" },
  { "permissions", ANJU_FIELD_STRING_ARRAY, ANJU_FIELD_OPTIONAL, NULL, 0,
    "The whole new set of permission ids" },
  { NULL }
};

static void
handle_update (AnjuRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_auto(AnjuRoleRef) role = { 0, };
  g_autoptr(JsonNode) current = NULL;
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;
  g_auto(GStrv) permissions = NULL;
  JsonObject *body;
  RoleFields fields;
  gint64 id;

  if (!anju_request_get_path_id (request, "id", &id)
      || !load_for_change (request, id, &role, _("System roles cannot be changed")))
    return;
  body = anju_request_parse_body (request, update_body, &error);
  current = body != NULL ? anju_role_store_to_json (anju_request_get_db (request), id, &error)
                         : NULL;
  if (current == NULL)
    {
      anju_request_reply_error (request, error);
      return;
    }

  name = json_object_has_member (body, "name")
         ? anju_body_dup_trimmed (body, "name") : g_strdup (role.name);
  description = json_object_has_member (body, "description")
                ? anju_body_dup_trimmed (body, "description")
                : g_strdup (json_object_get_string_member_with_default (json_node_get_object (current),
                                                                        "description", NULL));
  if (json_object_has_member (body, "permissions"))
    permissions = read_permissions (request, body);
  if (!anju_check_not_blank (request, "name", name) || anju_request_has_field_errors (request))
    {
      anju_reply_validation_failed (request);
      return;
    }
  if (permissions != NULL
      && !holds_all_strv (anju_request_get_caller (request), (const char * const *) permissions))
    {
      reply_cannot_grant (request);
      return;
    }
  if (!check_name_free (request, name, id))
    return;

  fields = (RoleFields) { name, description, (const char * const *) permissions };
  write_role (request, id, &fields, SOUP_STATUS_OK);
}

static void
handle_delete (AnjuRequest *request)
{
  AnjuDb *db = anju_request_get_db (request);
  g_autoptr(GError) error = NULL;
  g_auto(AnjuRoleRef) role = { 0, };
  g_autoptr(JsonNode) before = NULL;
  gint64 holders = 0;
  gint64 id;
  gboolean ok;

  if (!anju_request_get_path_id (request, "id", &id)
      || !load_for_change (request, id, &role, _("System roles cannot be deleted")))
    return;
  if (!anju_role_store_count_users (db, id, &holders, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  if (holders > 0)
    {
      anju_reply_error_code (request, ANJU_ERROR_CONFLICT, _("Users still hold this role"));
      return;
    }

  if (!anju_db_begin (db, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  ok = (before = anju_role_store_to_json (db, id, &error)) != NULL
       && anju_role_store_delete (db, id, &error)
       && anju_audit_record (request, NULL, "role.delete", "role", id, before, NULL, &error);
  if (!anju_transaction_end (db, ok, &error))
    anju_request_reply_error (request, error);
  else
    anju_request_reply_no_content (request);
}

static void
handle_permissions (AnjuRequest *request)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const AnjuPermission *permissions;
  const AnjuPermissionModule *modules;
  guint n_permissions, n_modules;

  permissions = anju_permissions_all (&n_permissions);
  modules = anju_permission_modules (&n_modules);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_permissions; i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, permissions[i].id);
      json_builder_set_member_name (builder, "module");
      json_builder_add_string_value (builder, permissions[i].module);
      json_builder_set_member_name (builder, "label");
      json_builder_add_string_value (builder, g_dgettext (GETTEXT_PACKAGE, permissions[i].label));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "modules");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_modules; i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, modules[i].id);
      json_builder_set_member_name (builder, "label");
      json_builder_add_string_value (builder, g_dgettext (GETTEXT_PACKAGE, modules[i].label));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  anju_request_reply_json (request, SOUP_STATUS_OK, json_builder_get_root (builder));
}

static const AnjuRoute role_routes[] = {
  { "GET", "/api/v1/roles", ANJU_PERM_ROLE_READ, ANJU_ROUTE_DEFAULT, handle_list,
    "All roles, system roles first", NULL, "roles" },
  { "GET", "/api/v1/roles/{id}", ANJU_PERM_ROLE_READ, ANJU_ROUTE_DEFAULT, handle_get,
    "One role with its permissions", NULL, "roles" },
  { "POST", "/api/v1/roles", ANJU_PERM_ROLE_WRITE, ANJU_ROUTE_DEFAULT, handle_create,
    "Create a custom role from permissions the caller holds", create_body, "roles" },
  { "PATCH", "/api/v1/roles/{id}", ANJU_PERM_ROLE_WRITE, ANJU_ROUTE_DEFAULT, handle_update,
    "Edit a custom role", update_body, "roles" },
  { "DELETE", "/api/v1/roles/{id}", ANJU_PERM_ROLE_WRITE, ANJU_ROUTE_DEFAULT, handle_delete,
    "Delete a custom role nobody holds", NULL, "roles" },
  { "GET", "/api/v1/permissions", ANJU_PERM_ROLE_READ, ANJU_ROUTE_DEFAULT, handle_permissions,
    "The catalogue of permissions, grouped by module", NULL, "roles" },
};

const AnjuRoute *
anju_roles_get_routes (guint *n_routes)
{
  *n_routes = G_N_ELEMENTS (role_routes);
  return role_routes;
}
