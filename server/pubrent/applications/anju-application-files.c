/* anju-application-files.c: the materials (资料) of an application:
 * GET / POST …/files, PATCH / DELETE …/files/{file_id}, and the
 * file-access rule that lets readers of an application read them.
 *
 * A material is a file the caller uploaded to /api/v1/files, linked with
 * a category.  Materials change while the application may (draft,
 * prereview_failed, returned, rejected); an archived file (archived when
 * the application is decided) is immutable and stays readable.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-application-detail.h"
#include "anju-application-routes.h"
#include "anju-application-writes.h"
#include "anju-audit.h"
#include "anju-caller.h"
#include "anju-clock.h"
#include "anju-file-access.h"
#include "anju-file-store.h"
#include "anju-file-type.h"
#include "anju-stmt.h"
#include "anju-transaction.h"
#include "anju-validation.h"
#include "anju-workflow.h"

#define ENTITY "pubrent.application_file"

static const char * const material_types[] = {
  ANJU_FILE_TYPE_PDF, ANJU_FILE_TYPE_JPEG, ANJU_FILE_TYPE_PNG, ANJU_FILE_TYPE_DOC,
  ANJU_FILE_TYPE_DOCX, NULL
};

typedef struct
{
  gint64      application_id;
  gint64      file_id;
  char       *category;
  char       *note;
  gboolean    set_note;
} Material;

static void
material_clear (Material *material)
{
  g_clear_pointer (&material->category, g_free);
  g_clear_pointer (&material->note, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Material, material_clear)

static JsonNode *
material_json (AnjuDb  *db,
               gint64   application_id,
               gint64   file_id,
               GError **error)
{
  g_autoptr(JsonNode) list = anju_application_files_json (db, application_id, file_id, error);
  JsonArray *array;

  if (list == NULL)
    return NULL;
  array = json_node_get_array (list);
  if (json_array_get_length (array) == 0)
    {
      g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_NOT_FOUND,
                           _("No such material of this application"));
      return NULL;
    }
  return json_array_dup_element (array, 0);
}

static gboolean
audit_material (const AnjuApplicationWrite  *write,
                const char                  *action,
                gint64                       file_id,
                JsonNode                    *before,
                JsonNode                    *after,
                GError                     **error)
{
  return anju_audit_record_as (anju_server_get_db (write->server),
                               anju_server_get_audit_key (write->server), write->now,
                               write->actor, action, ENTITY, file_id, before, after, error);
}

/* ---- reads ------------------------------------------------------------ */

static void
handle_list (AnjuRequest *request)
{
  g_auto(AnjuApplicationRef) ref = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) files = NULL;
  JsonObject *answer;

  if (!anju_application_load_visible (request, &ref))
    return;
  files = anju_application_files_json (anju_request_get_db (request), ref.id, 0, &error);
  if (files == NULL)
    {
      anju_request_reply_error (request, error);
      return;
    }
  answer = json_object_new ();
  json_object_set_member (answer, "items", g_steal_pointer (&files));
  anju_request_reply_json (request, SOUP_STATUS_OK,
                           json_node_init_object (json_node_alloc (), answer));
  json_object_unref (answer);
}

/* ---- writes ----------------------------------------------------------- */

static gboolean
category_exists (AnjuDb     *db,
                 const char *category)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "SELECT 1 FROM pubrent_codes"
                                           " WHERE code_set = 'file_category' AND code = ?1",
                                           NULL);

  if (stmt == NULL)
    return FALSE;
  anju_db_bind_text (stmt, 1, category);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

/* Materials change only while the application itself may. */
static gboolean
check_editable (AnjuRequest              *request,
                const AnjuApplicationRef *ref)
{
  if (anju_application_status_is_editable (ref->status))
    return TRUE;
  anju_reply_error_code (request, ANJU_ERROR_CONFLICT,
                         _("The materials of this application can no longer be changed"));
  return FALSE;
}

/* Adding is also open to reviewers of the application's scope while the
 * street reviews it: street staff attach the originals they checked
 * (photographed at the kiosk, F-TERM-012).  The caller's scope holds the
 * application already (anju_application_load_visible). */
static gboolean
check_may_add (AnjuRequest              *request,
               const AnjuApplicationRef *ref)
{
  if (g_str_equal (ref->status, "street_review")
      && anju_caller_has_permission (anju_request_get_caller (request),
                                     ANJU_PERM_APPLICATION_REVIEW))
    return TRUE;
  return check_editable (request, ref);
}

static gboolean
step_add (const AnjuApplicationWrite  *write,
          gpointer                     data,
          gint64                      *inout_id,
          GError                     **error)
{
  Material *material = data;
  AnjuDb *db = anju_server_get_db (write->server);
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "INSERT INTO pubrent_application_files"
                                           " (application_id, file_id, category, note,"
                                           " added_by, added_at)"
                                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                           error);
  g_autoptr(JsonNode) after = NULL;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, material->application_id);
  sqlite3_bind_int64 (stmt, 2, material->file_id);
  anju_db_bind_text (stmt, 3, material->category);
  anju_db_bind_text (stmt, 4, material->note);
  sqlite3_bind_int64 (stmt, 5, write->actor->actor_id);
  sqlite3_bind_int64 (stmt, 6, write->now);
  if (!anju_db_step_done (db, stmt, error))
    {
      if (g_error_matches (*error, ANJU_ERROR, ANJU_ERROR_CONFLICT))
        {
          g_clear_error (error);
          g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_CONFLICT,
                               _("This file is already a material of this application"));
        }
      return FALSE;
    }
  after = material_json (db, material->application_id, material->file_id, error);
  return after != NULL
         && audit_material (write, "pubrent.application_file.add", material->file_id, NULL,
                            after, error);
}

static void
run_material_write (AnjuRequest         *request,
                    AnjuApplicationStep  step,
                    Material            *material,
                    guint                status)
{
  AnjuDb *db = anju_request_get_db (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) field_errors = json_object_new ();
  g_autoptr(JsonNode) answer = NULL;
  AnjuAuditActor actor;
  AnjuApplicationWrite write = {
    anju_request_get_server (request), &actor,
    anju_clock_now_secs (anju_request_get_clock (request)), field_errors,
  };
  gint64 id = material->application_id;

  anju_workflow_actor_from_request (request, &actor);
  if (!anju_db_begin (db, &error)
      || !anju_transaction_end (db, step (&write, material, &id, &error), &error))
    anju_application_reply_failure (request, field_errors, error);
  else if (status == SOUP_STATUS_NO_CONTENT)
    anju_request_reply_no_content (request);
  else if ((answer = material_json (db, material->application_id, material->file_id,
                                    &error)) == NULL)
    anju_request_reply_error (request, error);
  else
    anju_request_reply_json (request, status, g_steal_pointer (&answer));
}

static const AnjuFieldSpec add_body[] = {
  { "file_id", ANJU_FIELD_INT, ANJU_FIELD_REQUIRED, NULL, 0,
    "A file the caller uploaded to /api/v1/files (PDF, JPEG, PNG, DOC or DOCX)" },
  { "category", ANJU_FIELD_STRING, ANJU_FIELD_REQUIRED, NULL, 30,
    "id_card, hukou, income, no_housing, marriage, divorce, lease, employment or other" },
  { "note", ANJU_FIELD_STRING, ANJU_FIELD_OPTIONAL | ANJU_FIELD_NULLABLE, NULL, 200, "Note" },
  { NULL }
};

/* The file must be the caller's own upload of a material type. */
static void
check_file (AnjuRequest *request,
            gint64       file_id)
{
  g_auto(AnjuFileInfo) info = { 0, };

  if (!anju_file_store_load (anju_request_get_db (request), file_id, &info, NULL)
      || info.uploaded_by != anju_request_get_caller (request)->user_id)
    anju_request_add_field_error (request, "file_id",
                                  _("No such file among the caller’s uploads"));
  else if (!g_strv_contains (material_types, info.content_type))
    anju_request_add_field_error (request, "file_id",
                                  _("Materials must be PDF, JPEG, PNG or Word documents"));
}

static void
handle_add (AnjuRequest *request)
{
  g_auto(AnjuApplicationRef) ref = { 0, };
  g_auto(Material) material = { 0, };
  g_autoptr(GError) error = NULL;
  JsonObject *body;

  if (!anju_application_load_visible (request, &ref))
    return;
  body = anju_request_parse_body (request, add_body, &error);
  if (body == NULL)
    {
      anju_request_reply_error (request, error);
      return;
    }
  material.application_id = ref.id;
  material.file_id = json_object_get_int_member (body, "file_id");
  material.category = anju_body_dup_trimmed (body, "category");
  material.note = anju_body_dup_trimmed (body, "note");
  check_file (request, material.file_id);
  if (!category_exists (anju_request_get_db (request), material.category))
    anju_request_add_field_error (request, "category", _("Unknown material category"));
  if (anju_request_has_field_errors (request))
    anju_reply_validation_failed (request);
  else if (check_may_add (request, &ref))
    run_material_write (request, step_add, &material, SOUP_STATUS_CREATED);
}

/* The material of the path's {file_id}, not archived; replies and
 * returns FALSE otherwise. */
static gboolean
load_material (AnjuRequest        *request,
               AnjuApplicationRef *ref,
               Material           *material)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  if (!anju_application_load_visible (request, ref)
      || !anju_request_get_path_id (request, "file_id", &material->file_id))
    return FALSE;
  material->application_id = ref->id;
  node = material_json (anju_request_get_db (request), ref->id, material->file_id, &error);
  if (node == NULL)
    {
      anju_request_reply_error (request, error);
      return FALSE;
    }
  if (json_object_get_boolean_member (json_node_get_object (node), "archived"))
    {
      anju_reply_error_code (request, ANJU_ERROR_CONFLICT,
                             _("This material is archived and can no longer be changed"));
      return FALSE;
    }
  material->category = g_strdup (json_object_get_string_member (json_node_get_object (node),
                                                                "category"));
  return check_editable (request, ref);
}

static gboolean
step_update (const AnjuApplicationWrite  *write,
             gpointer                     data,
             gint64                      *inout_id,
             GError                     **error)
{
  Material *material = data;
  AnjuDb *db = anju_server_get_db (write->server);
  g_autoptr(JsonNode) before = material_json (db, material->application_id, material->file_id,
                                              error);
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "UPDATE pubrent_application_files SET category = ?3,"
                                           " note = CASE WHEN ?5 THEN ?4 ELSE note END"
                                           " WHERE application_id = ?1 AND file_id = ?2",
                                           error);
  g_autoptr(JsonNode) after = NULL;

  if (before == NULL || stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, material->application_id);
  sqlite3_bind_int64 (stmt, 2, material->file_id);
  anju_db_bind_text (stmt, 3, material->category);
  anju_db_bind_text (stmt, 4, material->note);
  sqlite3_bind_int (stmt, 5, material->set_note);
  if (!anju_db_step_done (db, stmt, error))
    return FALSE;
  after = material_json (db, material->application_id, material->file_id, error);
  return after != NULL
         && audit_material (write, "pubrent.application_file.update", material->file_id, before,
                            after, error);
}

static const AnjuFieldSpec update_body[] = {
  { "category", ANJU_FIELD_STRING, ANJU_FIELD_OPTIONAL, NULL, 30, "Material category" },
  { "note", ANJU_FIELD_STRING, ANJU_FIELD_OPTIONAL | ANJU_FIELD_NULLABLE, NULL, 200, "Note" },
  { NULL }
};

static void
handle_update (AnjuRequest *request)
{
  g_auto(AnjuApplicationRef) ref = { 0, };
  g_auto(Material) material = { 0, };
  g_autoptr(GError) error = NULL;
  JsonObject *body;

  if (!load_material (request, &ref, &material))
    return;
  body = anju_request_parse_body (request, update_body, &error);
  if (body == NULL)
    {
      anju_request_reply_error (request, error);
      return;
    }
  if (json_object_has_member (body, "category"))
    {
      g_free (material.category);
      material.category = anju_body_dup_trimmed (body, "category");
      if (!category_exists (anju_request_get_db (request), material.category))
        {
          anju_reply_field_error (request, "category", _("Unknown material category"));
          return;
        }
    }
  material.set_note = json_object_has_member (body, "note");
  material.note = anju_body_dup_trimmed (body, "note");
  run_material_write (request, step_update, &material, SOUP_STATUS_OK);
}

static gboolean
step_delete (const AnjuApplicationWrite  *write,
             gpointer                     data,
             gint64                      *inout_id,
             GError                     **error)
{
  Material *material = data;
  AnjuDb *db = anju_server_get_db (write->server);
  g_autoptr(JsonNode) before = material_json (db, material->application_id, material->file_id,
                                              error);
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "DELETE FROM pubrent_application_files"
                                           " WHERE application_id = ?1 AND file_id = ?2",
                                           error);

  if (before == NULL || stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, material->application_id);
  sqlite3_bind_int64 (stmt, 2, material->file_id);
  return anju_db_step_done (db, stmt, error)
         && audit_material (write, "pubrent.application_file.delete", material->file_id, before,
                            NULL, error);
}

static void
handle_delete (AnjuRequest *request)
{
  g_auto(AnjuApplicationRef) ref = { 0, };
  g_auto(Material) material = { 0, };

  if (load_material (request, &ref, &material))
    run_material_write (request, step_delete, &material, SOUP_STATUS_NO_CONTENT);
}

static const AnjuRoute file_routes[] = {
  { "GET", "/api/v1/pubrent/applications/{id}/files", ANJU_PERM_APPLICATION_READ,
    ANJU_ROUTE_DEFAULT, handle_list, "The materials of an application", NULL, "pubrent" },
  { "POST", "/api/v1/pubrent/applications/{id}/files", ANJU_PERM_APPLICATION_CREATE,
    ANJU_ROUTE_DEFAULT, handle_add, "Link an uploaded file as a material", add_body,
    "pubrent" },
  { "PATCH", "/api/v1/pubrent/applications/{id}/files/{file_id}", ANJU_PERM_APPLICATION_CREATE,
    ANJU_ROUTE_DEFAULT, handle_update, "Classify a material", update_body, "pubrent" },
  { "DELETE", "/api/v1/pubrent/applications/{id}/files/{file_id}",
    ANJU_PERM_APPLICATION_CREATE, ANJU_ROUTE_DEFAULT, handle_delete,
    "Remove a material (not once archived)", NULL, "pubrent" },
};

const AnjuRoute *
anju_application_file_routes (guint *n_routes)
{
  *n_routes = G_N_ELEMENTS (file_routes);
  return file_routes;
}

/* A reader of an application in scope may read its materials. */
static gboolean
material_reader (AnjuDb            *db,
                 const AnjuCaller  *caller,
                 gint64             file_id,
                 gboolean          *out_may_read,
                 gpointer           user_data,
                 GError           **error)
{
  g_auto(AnjuStmt) stmt = NULL;
  gint64 found;

  if (!anju_caller_has_permission (caller, ANJU_PERM_APPLICATION_READ))
    return TRUE;
  stmt = anju_db_prepare (db,
                          "SELECT 1 FROM pubrent_application_files af"
                          " JOIN pubrent_applications a ON a.id = af.application_id"
                          " JOIN organisations o ON o.id = a.org_id"
                          " WHERE af.file_id = ?1"
                          " AND substr (o.path, 1, length (?2)) = ?2 LIMIT 1",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, file_id);
  anju_db_bind_text (stmt, 2, caller->org_path);
  if (!anju_db_step_id (db, stmt, &found, error))
    return FALSE;
  if (found != 0)
    *out_may_read = TRUE;
  return TRUE;
}

void
anju_application_files_register_reader (AnjuServer *server)
{
  anju_file_access_add_reader (anju_file_access_get (server), material_reader, NULL, NULL);
}
