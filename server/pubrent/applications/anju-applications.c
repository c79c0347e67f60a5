/* anju-applications.c: the HTTP endpoints of docs/api.md "Applications"
 * (all but withdraw, timeline and the public progress query, which are
 * the review's).
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-application-detail.h"
#include "anju-application-json.h"
#include "anju-application-list.h"
#include "anju-application-routes.h"
#include "anju-application-store.h"
#include "anju-application-writes.h"
#include "anju-applications.h"
#include "anju-caller.h"
#include "anju-clock.h"
#include "anju-db-worker.h"
#include "anju-stmt.h"
#include "anju-transaction.h"
#include "anju-validation.h"
#include "anju-workflow.h"

gboolean
anju_application_load_visible (AnjuRequest        *request,
                               AnjuApplicationRef *ref)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!anju_request_get_path_id (request, "id", &id))
    return FALSE;
  if (anju_application_store_load_ref (anju_request_get_db (request), id, ref, &error)
      && !anju_caller_can_see_org_path (anju_request_get_caller (request), ref->org_path))
    g_set_error_literal (&error, ANJU_ERROR, ANJU_ERROR_NOT_FOUND, _("No such application"));
  if (error == NULL)
    return TRUE;
  anju_request_reply_error (request, error);
  return FALSE;
}

void
anju_application_reply_detail (AnjuRequest *request,
                               guint        status,
                               gint64       id)
{
  g_autoptr(GString) out = g_string_sized_new (8192);
  g_autoptr(GError) error = NULL;
  gsize length;

  /* On the main connection: a write replies what it has just committed. */
  if (!anju_application_detail_write (anju_request_get_db (request),
                                      anju_request_get_caller (request), id, FALSE, out, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  length = out->len;
  anju_request_reply_json_data (request, status, g_string_free (g_steal_pointer (&out), FALSE),
                                length);
}

/* ---- the detail, read by the database worker --------------------------- */

static gboolean           /* in a worker thread */
write_detail (AnjuDb            *reader,
              const AnjuCaller  *caller,
              gint64             id,
              GString           *out,
              GError           **error)
{
  return anju_application_detail_write (reader, caller, id, TRUE, out, error);
}

/* A failure: the field errors of a 422 go into the answer. */
void
anju_application_reply_failure (AnjuRequest  *request,
                                JsonObject   *field_errors,
                                const GError *error)
{
  g_autoptr(GList) members = NULL;

  if (!g_error_matches (error, ANJU_ERROR, ANJU_ERROR_VALIDATION)
      || json_object_get_size (field_errors) == 0)
    {
      anju_request_reply_error (request, error);
      return;
    }
  members = json_object_get_members (field_errors);
  for (GList *l = members; l != NULL; l = l->next)
    anju_request_add_field_error (request, l->data,
                                  json_object_get_string_member (field_errors, l->data));
  anju_reply_validation_failed (request);
}

void
anju_application_run_write (AnjuRequest         *request,
                            AnjuApplicationStep  step,
                            gpointer             data,
                            gint64               id,
                            guint                status)
{
  AnjuDb *db = anju_request_get_db (request);
  g_autoptr(JsonObject) field_errors = json_object_new ();
  g_autoptr(GError) error = NULL;
  AnjuAuditActor actor;
  AnjuApplicationWrite write = {
    anju_request_get_server (request), &actor,
    anju_clock_now_secs (anju_request_get_clock (request)), field_errors,
  };

  anju_workflow_actor_from_request (request, &actor);
  if (!anju_db_begin (db, &error)
      || !anju_transaction_end (db, step (&write, data, &id, &error), &error))
    anju_application_reply_failure (request, field_errors, error);
  else if (status == SOUP_STATUS_NO_CONTENT)
    anju_request_reply_no_content (request);
  else
    anju_application_reply_detail (request, status, id);
}

/* ---- the handlers ----------------------------------------------------- */

/* A read of only committed rows: the RECORD lane of the database worker
 * answers it on the connection that reads this application's timeline
 * too, beside the main loop; the application's scope is checked there
 * (404 out of scope). */
static void
handle_get (AnjuRequest *request)
{
  gint64 id;

  if (!anju_request_get_path_id (request, "id", &id))
    return;
  anju_db_worker_reply_record (request, write_detail, id, 8192);
}

/* Applications carry a list of member objects, which AnjuFieldSpec does
 * not describe: the body is checked member by member by
 * anju_application_read_body().  Only the JSON itself is parsed here. */
static JsonObject *
parse_object_body (AnjuRequest  *request,
                   JsonNode    **out_root,
                   GError      **error)
{
  SoupMessageBody *body = soup_server_message_get_request_body (anju_request_get_message (request));
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  if (length == 0 || !json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_MALFORMED,
                   _("The request body is not valid JSON: %s"),
                   local_error != NULL ? local_error->message : _("it is empty"));
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_MALFORMED,
                           _("The request body must be a JSON object"));
      return NULL;
    }
  *out_root = json_node_copy (json_parser_get_root (parser));
  return json_node_get_object (*out_root);
}

static gboolean
step_create (const AnjuApplicationWrite  *write,
             gpointer                     data,
             gint64                      *inout_id,
             GError                     **error)
{
  *inout_id = anju_applications_create (write, data, error);
  return *inout_id != 0;
}

static void
handle_create (AnjuRequest *request)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *body = parse_object_body (request, &root, &error);

  if (body == NULL)
    anju_request_reply_error (request, error);
  else
    anju_application_run_write (request, step_create, body, 0, SOUP_STATUS_CREATED);
}

static gboolean
step_update (const AnjuApplicationWrite  *write,
             gpointer                     data,
             gint64                      *inout_id,
             GError                     **error)
{
  return anju_applications_update (write, *inout_id, data, error);
}

static void
handle_update (AnjuRequest *request)
{
  g_auto(AnjuApplicationRef) ref = { 0, };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *body;

  if (!anju_application_load_visible (request, &ref))
    return;
  body = parse_object_body (request, &root, &error);
  if (body == NULL)
    anju_request_reply_error (request, error);
  else
    anju_application_run_write (request, step_update, body, ref.id, SOUP_STATUS_OK);
}

static gboolean
step_delete (const AnjuApplicationWrite  *write,
             gpointer                     data,
             gint64                      *inout_id,
             GError                     **error)
{
  AnjuDb *db = anju_server_get_db (write->server);
  g_autoptr(JsonObject) before = anju_application_store_load_record (db, *inout_id, error);
  g_autoptr(JsonNode) before_node = NULL;

  if (before == NULL)
    return FALSE;
  before_node = anju_application_audit_node (before);
  return anju_application_store_delete (db, *inout_id, error)
         && anju_audit_record_as (db, anju_server_get_audit_key (write->server), write->now,
                                  write->actor, "pubrent.application.delete",
                                  ANJU_APPLICATION_DOMAIN, *inout_id, before_node, NULL, error);
}

static void
handle_delete (AnjuRequest *request)
{
  g_auto(AnjuApplicationRef) ref = { 0, };

  if (!anju_application_load_visible (request, &ref))
    return;
  if (!g_str_equal (ref.status, "draft"))
    anju_reply_error_code (request, ANJU_ERROR_CONFLICT,
                           _("Only a draft application can be deleted"));
  else
    anju_application_run_write (request, step_delete, NULL, ref.id, SOUP_STATUS_NO_CONTENT);
}

static const AnjuFieldSpec abandon_body[] = {
  { "reason", ANJU_FIELD_STRING, ANJU_FIELD_OPTIONAL | ANJU_FIELD_NULLABLE, NULL, 500,
    "Why the application ends" },
  { NULL }
};

static gboolean
step_abandon (const AnjuApplicationWrite  *write,
              gpointer                     data,
              gint64                      *inout_id,
              GError                     **error)
{
  return anju_applications_abandon (write, *inout_id, data, error);
}

static void
handle_abandon (AnjuRequest *request)
{
  g_auto(AnjuApplicationRef) ref = { 0, };
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  JsonObject *body;

  if (!anju_application_load_visible (request, &ref))
    return;
  body = anju_request_parse_body (request, abandon_body, &error);
  if (body == NULL)
    {
      anju_request_reply_error (request, error);
      return;
    }
  reason = anju_body_dup_trimmed (body, "reason");
  anju_application_run_write (request, step_abandon, reason, ref.id, SOUP_STATUS_OK);
}

/* GET /pubrent/codes: {"set": [{"code","name","seed_code"}]}. */
static void
handle_codes (AnjuRequest *request)
{
  AnjuDb *db = anju_request_get_db (request);
  g_autoptr(GError) error = NULL;
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "SELECT code_set, code, name, seed_code"
                                           " FROM pubrent_codes ORDER BY code_set, position",
                                           &error);
  g_autoptr(JsonObject) sets = json_object_new ();
  int rc;

  if (stmt == NULL)
    {
      anju_request_reply_error (request, error);
      return;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *set = (const char *) sqlite3_column_text (stmt, 0);
      JsonObject *code = json_object_new ();

      if (!json_object_has_member (sets, set))
        json_object_set_array_member (sets, set, json_array_new ());
      json_object_set_string_member (code, "code", (const char *) sqlite3_column_text (stmt, 1));
      json_object_set_string_member (code, "name", (const char *) sqlite3_column_text (stmt, 2));
      json_object_set_string_member (code, "seed_code",
                                     (const char *) sqlite3_column_text (stmt, 3));
      json_array_add_object_element (json_object_get_array_member (sets, set), code);
    }
  if (rc != SQLITE_DONE)
    {
      anju_db_set_error (db, &error);
      anju_request_reply_error (request, error);
      return;
    }
  anju_request_reply_json (request, SOUP_STATUS_OK,
                           json_node_init_object (json_node_alloc (), sets));
}

static const AnjuRoute application_routes[] = {
  { "GET", "/api/v1/pubrent/codes", NULL, ANJU_ROUTE_DEFAULT, handle_codes,
    "The code dictionary of applications: {set: [{code, name, seed_code}]}", NULL, "pubrent" },
  { "GET", "/api/v1/pubrent/applications", ANJU_PERM_APPLICATION_READ, ANJU_ROUTE_DEFAULT,
    anju_application_handle_list,
    "Applications in scope; filters q, status (comma list), business_type, org_id,"
    " submitted_from, submitted_to, directed", NULL, "pubrent" },
  { "POST", "/api/v1/pubrent/applications", ANJU_PERM_APPLICATION_CREATE, ANJU_ROUTE_DEFAULT,
    handle_create, "A draft application (Application without ids)", NULL, "pubrent" },
  { "GET", "/api/v1/pubrent/applications/{id}", ANJU_PERM_APPLICATION_READ, ANJU_ROUTE_DEFAULT,
    handle_get, "One application with members, files, prereview and process", NULL,
    "pubrent" },
  { "PATCH", "/api/v1/pubrent/applications/{id}", ANJU_PERM_APPLICATION_CREATE,
    ANJU_ROUTE_DEFAULT, handle_update,
    "Change an application before review (members replaces the list)", NULL, "pubrent" },
  { "DELETE", "/api/v1/pubrent/applications/{id}", ANJU_PERM_APPLICATION_CREATE,
    ANJU_ROUTE_DEFAULT, handle_delete, "Delete a draft", NULL, "pubrent" },
  { "POST", "/api/v1/pubrent/applications/{id}/abandon", ANJU_PERM_APPLICATION_CREATE,
    ANJU_ROUTE_DEFAULT, handle_abandon,
    "End an application that failed pre-review or was rejected", abandon_body, "pubrent" },
};

void
anju_applications_register (AnjuServer *server)
{
  const AnjuRoute *(*tables[]) (guint *) = {
    /* Export and import before {id}: the router takes the first match. */
    anju_application_import_routes,
    anju_application_export_routes,
    anju_application_scan_routes,
    anju_application_submit_routes,
    anju_application_file_routes,
  };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      guint n_routes;
      const AnjuRoute *routes = tables[i] (&n_routes);

      anju_server_add_routes (server, routes, n_routes);
    }
  anju_server_add_routes (server, application_routes, G_N_ELEMENTS (application_routes));
  anju_application_files_register_reader (server);
}
