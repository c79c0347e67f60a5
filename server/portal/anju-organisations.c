#include "config.h"

#include <glib/gi18n.h>

#include "anju-audit.h"
#include "anju-caller.h"
#include "anju-clock.h"
#include "anju-org-store.h"
#include "anju-organisations.h"
#include "anju-permissions.h"
#include "anju-sql-pattern.h"
#include "anju-transaction.h"
#include "anju-validation.h"

static gint64
request_now (AnjuRequest *request)
{
  return anju_clock_now_secs (anju_request_get_clock (request));
}

static void
reply_out_of_scope (AnjuRequest *request)
{
  anju_reply_error_code (request, ANJU_ERROR_FORBIDDEN,
                         _("This organisation is outside your data scope"));
}

/* For actions: 404 when the organisation does not exist, 403 when it is
 * outside the caller's scope.  Replies and returns FALSE on either. */
static gboolean
load_for_action (AnjuRequest *request,
                 gint64       id,
                 AnjuOrgRef  *org)
{
  g_autoptr(GError) error = NULL;

  if (!anju_org_store_load (anju_request_get_db (request), id, org, &error))
    {
      anju_request_reply_error (request, error);
      return FALSE;
    }
  if (!anju_caller_can_see_org_path (anju_request_get_caller (request), org->path))
    {
      reply_out_of_scope (request);
      return FALSE;
    }
  return TRUE;
}

/* The parent named by a body's parent_id must exist (else a field error),
 * be in scope (else 403) and suit the kind (else a field error).  Replies
 * and returns FALSE when it does not. */
static gboolean
load_parent_for (AnjuRequest *request,
                 gint64       parent_id,
                 const char  *kind,
                 AnjuOrgRef  *parent)
{
  g_autoptr(GError) error = NULL;

  if (!anju_org_store_load (anju_request_get_db (request), parent_id, parent, &error))
    {
      if (g_error_matches (error, ANJU_ERROR, ANJU_ERROR_NOT_FOUND))
        anju_reply_field_error (request, "parent_id", _("No such organisation"));
      else
        anju_request_reply_error (request, error);
      return FALSE;
    }
  if (!anju_caller_can_see_org_path (anju_request_get_caller (request), parent->path))
    {
      reply_out_of_scope (request);
      return FALSE;
    }
  if (g_strcmp0 (parent->kind, anju_org_kind_parent_kind (kind)) != 0)
    {
      anju_reply_field_error (request, "parent_id", anju_org_kind_placement_rule (kind));
      return FALSE;
    }
  return TRUE;
}

/* 409 when a sibling already has the name or another organisation the
 * code.  Replies and returns FALSE on a clash. */
static gboolean
check_unique (AnjuRequest *request,
              gint64       parent_id,
              const char  *name,
              const char  *code,
              gint64       self_id)
{
  AnjuDb *db = anju_request_get_db (request);
  g_autoptr(GError) error = NULL;
  gint64 sibling = 0;
  gint64 same_code = 0;

  if (!anju_org_store_find_sibling (db, parent_id, name, self_id, &sibling, &error)
      || (code != NULL && !anju_org_store_find_code (db, code, self_id, &same_code, &error)))
    {
      anju_request_reply_error (request, error);
      return FALSE;
    }
  if (sibling != 0)
    {
      anju_reply_error_code (request, ANJU_ERROR_CONFLICT,
                             _("An organisation with this name already exists under the same parent"));
      return FALSE;
    }
  if (same_code != 0)
    {
      anju_reply_error_code (request, ANJU_ERROR_CONFLICT,
                             _("This organisation code is already in use"));
      return FALSE;
    }
  return TRUE;
}

/* Runs write and the audit row in one transaction.  The row holds the
 * organisation as it was (unless this creates it: id 0) and as it is
 * after (unless this deletes it: status 204).  Answers status with the
 * organisation, or 204 without a body. */
typedef gboolean (*OrgWriteFunc) (AnjuRequest  *request,
                                  gpointer      data,
                                  gint64       *inout_id,
                                  GError      **error);

static void
run_org_write (AnjuRequest  *request,
               const char   *action,
               gint64        id,
               OrgWriteFunc  write,
               gpointer      data,
               guint         status)
{
  AnjuDb *db = anju_request_get_db (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  gboolean deleting = status == SOUP_STATUS_NO_CONTENT;
  gboolean ok;

  if (!anju_db_begin (db, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  ok = (id == 0 || (before = anju_org_store_to_json (db, id, &error)) != NULL)
       && write (request, data, &id, &error)
       && (deleting || (after = anju_org_store_to_json (db, id, &error)) != NULL)
       && anju_audit_record (request, NULL, action, "organisation", id, before, after, &error);
  if (!anju_transaction_end (db, ok, &error))
    anju_request_reply_error (request, error);
  else if (deleting)
    anju_request_reply_no_content (request);
  else
    anju_request_reply_json (request, status, g_steal_pointer (&after));
}

typedef struct
{
  const char *scope_path;
  const char *kind;
  gboolean    has_parent;
  gint64      parent_id;
  const char *name_pattern;
} OrgListFilters;

/* An absent filter stays NULL, which the WHERE clause reads as "any". */
static void
bind_list_filters (sqlite3_stmt  *stmt,
                   gconstpointer  bind_data)
{
  const OrgListFilters *filters = bind_data;

  anju_db_bind_text (stmt, 1, filters->scope_path);
  anju_db_bind_text (stmt, 2, filters->kind);
  if (filters->has_parent)
    sqlite3_bind_int64 (stmt, 3, filters->parent_id);
  anju_db_bind_text (stmt, 4, filters->name_pattern);
}

static JsonNode *
org_item (sqlite3_stmt  *stmt,
          gpointer       user_data,
          GError       **error)
{
  return anju_org_json_from_row (stmt);
}

static void
handle_list (AnjuRequest *request)
{
#define ORG_LIST_WHERE \
  " WHERE o.path LIKE ?1 || '%'" \
  " AND (?2 IS NULL OR o.kind = ?2)" \
  " AND (?3 IS NULL OR o.parent_id = ?3)" \
  " AND (?4 IS NULL OR o.name LIKE ?4 ESCAPE '\\')"
  const char *kind = anju_request_get_query (request, "kind");
  g_autofree char *pattern = anju_sql_contains_pattern (anju_request_get_query (request, "q"));
  OrgListFilters filters = {
    .scope_path = anju_request_get_caller (request)->org_path,
    .kind = kind,
    .name_pattern = pattern,
  };
  g_autoptr(GError) error = NULL;
  guint page, page_size;

  if (!anju_request_get_paging (request, &page, &page_size, &error)
      || !anju_request_get_query_int (request, "parent_id", &filters.parent_id,
                                      &filters.has_parent, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  if (kind != NULL && !g_strv_contains (anju_org_kinds, kind))
    {
      anju_reply_field_error (request, "kind", _("Unknown kind of organisation"));
      return;
    }

  anju_request_reply_list (request,
                           "SELECT COUNT(*) FROM organisations o" ORG_LIST_WHERE,
                           "SELECT " ANJU_ORG_COLUMNS " FROM organisations o" ORG_LIST_WHERE
                           " ORDER BY o.path LIMIT ?5 OFFSET ?6",
                           5, page, page_size, bind_list_filters, &filters,
                           org_item, NULL);
#undef ORG_LIST_WHERE
}

static void
handle_get (AnjuRequest *request)
{
  AnjuDb *db = anju_request_get_db (request);
  g_auto(AnjuOrgRef) org = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  gint64 id;

  if (!anju_request_get_path_id (request, "id", &id))
    return;

  if (anju_org_store_load (db, id, &org, &error)
      && !anju_caller_can_see_org_path (anju_request_get_caller (request), org.path))
    g_set_error_literal (&error, ANJU_ERROR, ANJU_ERROR_NOT_FOUND, _("No such organisation"));
  if (error == NULL)
    node = anju_org_store_to_json (db, id, &error);

  if (node == NULL)
    anju_request_reply_error (request, error);
  else
    anju_request_reply_json (request, SOUP_STATUS_OK, g_steal_pointer (&node));
}

typedef struct
{
  const AnjuOrgRef *parent;    /* (nullable) */
  const char       *kind;
  const char       *name;
  const char       *code;
  const char       *description;
} OrgCreation;

static gboolean
write_create (AnjuRequest  *request,
              gpointer      data,
              gint64       *inout_id,
              GError      **error)
{
  OrgCreation *creation = data;

  *inout_id = anju_org_store_insert (anju_request_get_db (request), creation->parent,
                                     creation->kind, creation->name, creation->code,
                                     creation->description, request_now (request), error);
  return *inout_id != 0;
}

static const AnjuFieldSpec create_body[] = {
  { "name", ANJU_FIELD_STRING, ANJU_FIELD_REQUIRED, NULL, 100, "Name" },
  { "kind", ANJU_FIELD_STRING, ANJU_FIELD_REQUIRED, anju_org_kinds, 0,
    "center, street, community, enterprise_operating, enterprise_property, "
    "enterprise_construction, employer or supplier" },
  { "parent_id", ANJU_FIELD_INT, ANJU_FIELD_REQUIRED | ANJU_FIELD_NULLABLE, NULL, 0,
    "Parent organisation; null only for the center" },
  { "code", ANJU_FIELD_STRING, ANJU_FIELD_NULLABLE, NULL, 64, "Unique code, e.g. the USCC" },
  { "description", ANJU_FIELD_STRING, ANJU_FIELD_NULLABLE, NULL, 500, "Description, address" },
  { NULL }
};

/* The center exists from the first create-admin on, so asking for a
 * second one is a conflict, and a center with a parent a field error. */
static void
refuse_center (AnjuRequest *request,
               gboolean     has_parent)
{
  if (has_parent)
    anju_reply_field_error (request, "parent_id", anju_org_kind_placement_rule ("center"));
  else
    anju_reply_error_code (request, ANJU_ERROR_CONFLICT, _("There is already a center"));
}

static void
handle_create (AnjuRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_auto(AnjuOrgRef) parent = { 0, };
  g_autofree char *name = NULL;
  g_autofree char *code = NULL;
  g_autofree char *description = NULL;
  OrgCreation creation;
  JsonObject *body;
  JsonNode *parent_node;

  body = anju_request_parse_body (request, create_body, &error);
  if (body == NULL)
    {
      anju_request_reply_error (request, error);
      return;
    }
  name = anju_body_dup_trimmed (body, "name");
  code = anju_body_dup_trimmed (body, "code");
  description = anju_body_dup_trimmed (body, "description");
  parent_node = json_object_get_member (body, "parent_id");
  creation = (OrgCreation) {
    .parent = &parent,
    .kind = json_object_get_string_member (body, "kind"),
    .name = name,
    .code = code != NULL && *code != '\0' ? code : NULL,
    .description = description,
  };

  if (!anju_check_not_blank (request, "name", name))
    {
      anju_reply_validation_failed (request);
      return;
    }
  if (g_str_equal (creation.kind, "center"))
    {
      refuse_center (request, !JSON_NODE_HOLDS_NULL (parent_node));
      return;
    }
  if (JSON_NODE_HOLDS_NULL (parent_node))
    {
      anju_reply_field_error (request, "parent_id", anju_org_kind_placement_rule (creation.kind));
      return;
    }

  if (!load_parent_for (request, json_node_get_int (parent_node), creation.kind, &parent)
      || !check_unique (request, parent.id, name, creation.code, 0))
    return;

  run_org_write (request, "organisation.create", 0, write_create, &creation,
                 SOUP_STATUS_CREATED);
}

typedef struct
{
  const char *name;
  const char *code;
  const char *description;
} OrgUpdate;

static gboolean
write_update (AnjuRequest  *request,
              gpointer      data,
              gint64       *inout_id,
              GError      **error)
{
  OrgUpdate *update = data;

  return anju_org_store_update (anju_request_get_db (request), *inout_id, update->name,
                                update->code, update->description, request_now (request),
                                error);
}

static const AnjuFieldSpec update_body[] = {
  { "name", ANJU_FIELD_STRING, ANJU_FIELD_OPTIONAL, NULL, 100, "Name" },
  { "code", ANJU_FIELD_STRING, ANJU_FIELD_NULLABLE, NULL, 64, "Unique code; null clears it" },
  { "description", ANJU_FIELD_STRING, ANJU_FIELD_NULLABLE, NULL, 500,
    "Description; null clears it" },
  { NULL }
};

/* The member's new value when the body has it, else the current one. */
static char *
patched_text (JsonObject *body,
              JsonObject *current,
              const char *member)
{
  char *value;

  if (!json_object_has_member (body, member))
    return g_strdup (json_object_get_string_member_with_default (current, member, NULL));
  value = anju_body_dup_trimmed (body, member);
  if (value != NULL && *value == '\0' && !g_str_equal (member, "name"))
    g_clear_pointer (&value, g_free);
  return value;
}

static void
handle_update (AnjuRequest *request)
{
  AnjuDb *db = anju_request_get_db (request);
  g_autoptr(GError) error = NULL;
  g_auto(AnjuOrgRef) org = { 0, };
  g_autoptr(JsonNode) current = NULL;
  g_autofree char *name = NULL;
  g_autofree char *code = NULL;
  g_autofree char *description = NULL;
  JsonObject *body;
  JsonObject *now_object;
  OrgUpdate update;
  gint64 id;

  if (!anju_request_get_path_id (request, "id", &id) || !load_for_action (request, id, &org))
    return;
  body = anju_request_parse_body (request, update_body, &error);
  current = body != NULL ? anju_org_store_to_json (db, id, &error) : NULL;
  if (current == NULL)
    {
      anju_request_reply_error (request, error);
      return;
    }

  now_object = json_node_get_object (current);
  name = patched_text (body, now_object, "name");
  code = patched_text (body, now_object, "code");
  description = patched_text (body, now_object, "description");
  if (!anju_check_not_blank (request, "name", name))
    {
      anju_reply_validation_failed (request);
      return;
    }
  if (!check_unique (request, org.parent_id, name, code, id))
    return;

  update = (OrgUpdate) { name, code, description };
  run_org_write (request, "organisation.update", id, write_update, &update, SOUP_STATUS_OK);
}

typedef struct
{
  const AnjuOrgRef *org;
  const AnjuOrgRef *new_parent;
} OrgMove;

static gboolean
write_move (AnjuRequest  *request,
            gpointer      data,
            gint64       *inout_id,
            GError      **error)
{
  OrgMove *move = data;

  return anju_org_store_move (anju_request_get_db (request), move->org, move->new_parent,
                              request_now (request), error);
}

static const AnjuFieldSpec move_body[] = {
  { "parent_id", ANJU_FIELD_INT, ANJU_FIELD_REQUIRED, NULL, 0, "The new parent organisation" },
  { NULL }
};

static void
handle_move (AnjuRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_auto(AnjuOrgRef) org = { 0, };
  g_auto(AnjuOrgRef) parent = { 0, };
  OrgMove move = { &org, &parent };
  JsonObject *body;
  gint64 id;

  if (!anju_request_get_path_id (request, "id", &id) || !load_for_action (request, id, &org))
    return;
  body = anju_request_parse_body (request, move_body, &error);
  if (body == NULL)
    {
      anju_request_reply_error (request, error);
      return;
    }
  if (g_str_equal (org.kind, "center"))
    {
      anju_reply_field_error (request, "parent_id", _("The center cannot be moved"));
      return;
    }
  if (!load_parent_for (request, json_object_get_int_member (body, "parent_id"), org.kind,
                        &parent))
    return;
  /* The kind rules already keep a node out of its own subtree today; this
   * check keeps the tree a tree should the rules ever loosen. */
  if (g_str_has_prefix (parent.path, org.path))
    {
      anju_reply_field_error (request, "parent_id",
                              _("An organisation cannot be moved under itself or one of its sub-organisations"));
      return;
    }
  if (parent.id == org.parent_id)
    {
      g_autoptr(JsonNode) node = anju_org_store_to_json (anju_request_get_db (request), id, &error);

      if (node == NULL)
        anju_request_reply_error (request, error);
      else
        anju_request_reply_json (request, SOUP_STATUS_OK, g_steal_pointer (&node));
      return;
    }
  if (!check_unique (request, parent.id, org.name, NULL, id))
    return;

  run_org_write (request, "organisation.move", id, write_move, &move, SOUP_STATUS_OK);
}

static gboolean
write_delete (AnjuRequest  *request,
              gpointer      data,
              gint64       *inout_id,
              GError      **error)
{
  g_autoptr(GError) local_error = NULL;

  if (anju_org_store_delete (anju_request_get_db (request), *inout_id, &local_error))
    return TRUE;

  /* Children and users were checked before; what still holds on to the
   * organisation through a foreign key is another module's records. */
  if (g_error_matches (local_error, ANJU_ERROR, ANJU_ERROR_CONFLICT))
    g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_CONFLICT,
                         _("Records of other modules still belong to this organisation"));
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static void
handle_delete (AnjuRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_auto(AnjuOrgRef) org = { 0, };
  gint64 children = 0;
  gint64 users = 0;
  gint64 id;

  if (!anju_request_get_path_id (request, "id", &id) || !load_for_action (request, id, &org))
    return;
  if (!anju_org_store_count_dependents (anju_request_get_db (request), id, &children, &users,
                                        &error))
    {
      anju_request_reply_error (request, error);
      return;
    }

  if (g_str_equal (org.kind, "center"))
    anju_reply_error_code (request, ANJU_ERROR_CONFLICT, _("The center cannot be deleted"));
  else if (children > 0)
    anju_reply_error_code (request, ANJU_ERROR_CONFLICT,
                           _("The organisation still has sub-organisations"));
  else if (users > 0)
    anju_reply_error_code (request, ANJU_ERROR_CONFLICT, _("The organisation still has users"));
  else
    run_org_write (request, "organisation.delete", id, write_delete, NULL,
                   SOUP_STATUS_NO_CONTENT);
}

static const AnjuRoute org_routes[] = {
  { "GET", "/api/v1/organisations", ANJU_PERM_ORG_READ, ANJU_ROUTE_DEFAULT, handle_list,
    "Organisations in the caller's scope, ordered by path; filters kind, parent_id, q",
    NULL, "organisations" },
  { "GET", "/api/v1/organisations/{id}", ANJU_PERM_ORG_READ, ANJU_ROUTE_DEFAULT, handle_get,
    "One organisation", NULL, "organisations" },
  { "POST", "/api/v1/organisations", ANJU_PERM_ORG_WRITE, ANJU_ROUTE_DEFAULT, handle_create,
    "Create an organisation under a parent in the caller's scope", create_body,
    "organisations" },
  { "PATCH", "/api/v1/organisations/{id}", ANJU_PERM_ORG_WRITE, ANJU_ROUTE_DEFAULT,
    handle_update, "Rename or redescribe an organisation", update_body, "organisations" },
  { "POST", "/api/v1/organisations/{id}/move", ANJU_PERM_ORG_WRITE, ANJU_ROUTE_DEFAULT,
    handle_move, "Move an organisation (and its subtree) under another parent", move_body,
    "organisations" },
  { "DELETE", "/api/v1/organisations/{id}", ANJU_PERM_ORG_WRITE, ANJU_ROUTE_DEFAULT,
    handle_delete, "Delete an organisation with no children, users or records", NULL,
    "organisations" },
};

const AnjuRoute *
anju_organisations_get_routes (guint *n_routes)
{
  *n_routes = G_N_ELEMENTS (org_routes);
  return org_routes;
}
