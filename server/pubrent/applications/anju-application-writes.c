/* anju-application-writes.c: create, update, abandon and archive, the
 * C entry points of anju-applications.h the handlers share.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-application-check.h"
#include "anju-application-fields.h"
#include "anju-application-json.h"
#include "anju-application-store.h"
#include "anju-application-writes.h"
#include "anju-applications.h"
#include "anju-file-store.h"
#include "anju-stmt.h"

/* ---- reading a body ---------------------------------------------------- */

static void
add_error (JsonObject *errors,
           const char *field,
           const char *message)
{
  if (!json_object_has_member (errors, field))
    json_object_set_string_member (errors, field, message);
}

static void
read_members (JsonNode   *node,
              JsonObject *record,
              JsonObject *errors)
{
  static const char * const ignored[] = { "id", "member_no", NULL };
  guint n_fields;
  const AnjuAppField *fields = anju_member_fields (&n_fields);
  JsonArray *members = json_array_new ();
  JsonArray *given;

  json_object_set_array_member (record, "members", members);
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      add_error (errors, "members", _("Must be a list of members"));
      return;
    }
  given = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (given); i++)
    {
      JsonNode *element = json_array_get_element (given, i);
      g_autofree char *prefix = g_strdup_printf ("members[%u].", i);
      JsonObject *member = json_object_new ();

      json_array_add_object_element (members, member);
      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_autofree char *field = g_strdup_printf ("members[%u]", i);

          add_error (errors, field, _("Must be an object"));
          continue;
        }
      anju_app_fields_read (fields, n_fields, json_node_get_object (element), member, prefix,
                            ignored, errors);
    }
}

void
anju_application_read_body (JsonObject *body,
                            JsonObject *record,
                            JsonObject *errors)
{
  static const char * const skip[] = { "members", NULL };
  guint n_fields;
  const AnjuAppField *fields = anju_application_fields (&n_fields);

  anju_app_fields_read (fields, n_fields, body, record, "", skip, errors);
  if (json_object_has_member (body, "members"))
    read_members (json_object_get_member (body, "members"), record, errors);
}

gboolean
anju_application_fail_validation (JsonObject  *errors,
                                  GError     **error)
{
  g_autoptr(GList) members = json_object_get_members (errors);

  if (members == NULL)
    return TRUE;
  g_set_error (error, ANJU_ERROR, ANJU_ERROR_VALIDATION,
               /* Translators: %1$s is a field such as members[1].id_no, %2$s what is wrong */
               _("Some fields are missing or invalid (%1$s: %2$s)"),
               (const char *) members->data,
               json_object_get_string_member (errors, members->data));
  return FALSE;
}

/* ---- who may enter which business type ------------------------------- */

gboolean
anju_application_check_org_kind (const char  *business_type,
                                 const char  *org_kind,
                                 GError     **error)
{
  gboolean directed = anju_application_type_is_directed (business_type);

  if (business_type == NULL)
    return TRUE;
  if (directed && g_strcmp0 (org_kind, "employer") != 0)
    g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_CONFLICT,
                         _("business_type: directed applications are entered by the employer "
                           "of the applicants"));
  else if (!directed && g_strcmp0 (org_kind, "street") != 0
           && g_strcmp0 (org_kind, "community") != 0)
    g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_CONFLICT,
                         _("business_type: open applications are entered by a street or a "
                           "community"));
  else
    return TRUE;
  return FALSE;
}

static char *
org_kind (AnjuDb  *db,
          gint64   org_id,
          GError **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db, "SELECT kind FROM organisations WHERE id = ?1",
                                           error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, org_id);
  if (!anju_db_step_row (db, stmt, ANJU_ERROR_FORBIDDEN,
                         _("Only a user of an organisation may enter applications"), error))
    return NULL;
  return anju_db_column_dup (stmt, 0);
}

/* ---- the audited write ------------------------------------------------ */

static char *
audit_json (JsonObject *record)
{
  g_autoptr(JsonNode) node = anju_application_audit_node (record);

  return json_to_string (node, FALSE);
}

gboolean
anju_application_record_change (const AnjuApplicationWrite  *write,
                                gint64                       id,
                                const char                  *action,
                                JsonObject                  *before,
                                GError                     **error)
{
  AnjuDb *db = anju_server_get_db (write->server);
  g_autoptr(JsonObject) after = anju_application_store_load_record (db, id, error);
  g_autofree char *before_json = NULL;
  g_autofree char *after_json = NULL;
  g_autofree char *audit_action = g_strconcat ("pubrent.application.", action, NULL);

  if (after == NULL)
    return FALSE;
  /* Masked and written once for both rows. */
  before_json = before != NULL ? audit_json (before) : NULL;
  after_json = audit_json (after);
  return anju_application_store_log_change_json (db, id, write->actor->actor_id, action,
                                                 before_json, after_json, write->now, error)
         && anju_audit_record_json_as (db, anju_server_get_audit_key (write->server), write->now,
                                       write->actor, audit_action, ANJU_APPLICATION_DOMAIN, id,
                                       before_json, after_json, error);
}

/* Validation (422) first, then who may enter it and who is in it (409). */
static gboolean
accept_record (const AnjuApplicationWrite  *write,
               gint64                       id,
               JsonObject                  *record,
               const char                  *kind,
               gboolean                     complete,
               JsonObject                  *errors,
               GError                     **error)
{
  AnjuDb *db = anju_server_get_db (write->server);

  return anju_application_check (db, record, complete, errors, error)
         && anju_application_fail_validation (errors, error)
         && anju_application_check_org_kind (anju_app_record_get_string (record, "business_type"),
                                             kind, error)
         && anju_application_check_people (db, id, record, error);
}

gint64
anju_applications_create (const AnjuApplicationWrite  *write,
                          JsonObject                  *application,
                          GError                     **error)
{
  AnjuDb *db = anju_server_get_db (write->server);
  g_autoptr(JsonObject) record = json_object_new ();
  g_autoptr(JsonObject) own_errors = json_object_new ();
  JsonObject *errors = write->field_errors != NULL ? write->field_errors : own_errors;
  g_autofree char *kind = org_kind (db, write->actor->org_id, error);
  gint64 id;

  if (kind == NULL)
    return 0;
  anju_application_read_body (application, record, errors);
  if (!anju_app_record_get_string (record, "employer_name")
      && anju_application_type_is_directed (anju_app_record_get_string (record, "business_type"))
      && g_str_equal (kind, "employer"))
    {
      /* A directed application's employer is the organisation entering it. */
      g_auto(AnjuStmt) stmt = anju_db_prepare (db, "SELECT name FROM organisations WHERE id = ?1",
                                               NULL);

      if (stmt != NULL)
        {
          sqlite3_bind_int64 (stmt, 1, write->actor->org_id);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            json_object_set_string_member (record, "employer_name",
                                           (const char *) sqlite3_column_text (stmt, 0));
        }
    }
  if (!accept_record (write, 0, record, kind, FALSE, errors, error))
    return 0;
  id = anju_application_store_insert (db, record, write->actor->org_id, write->actor->actor_id,
                                      write->now, error);
  if (id == 0 || !anju_application_record_change (write, id, "create", NULL, error))
    return 0;
  return id;
}

/* A PATCH of the applicant's own members without a new member list
 * changes members[0] too; a new ID number refills birth date and
 * gender from it. */
static void
follow_applicant (JsonObject *body,
                  JsonObject *record)
{
  static const char * const shared[][2] = {
    { "applicant_name", "name" }, { "id_doc_type", "id_doc_type" },
    { "id_no", "id_no" }, { "phone", "phone" },
  };
  JsonArray *members = json_object_get_array_member (record, "members");
  JsonObject *first;

  if (json_object_has_member (body, "members") || members == NULL
      || json_array_get_length (members) == 0)
    return;
  first = json_array_get_object_element (members, 0);
  for (guint i = 0; i < G_N_ELEMENTS (shared); i++)
    if (json_object_has_member (body, shared[i][0]))
      json_object_set_member (first, shared[i][1],
                              json_object_dup_member (record, shared[i][0]));
  if (json_object_has_member (body, "id_no"))
    {
      json_object_remove_member (first, "birth_date");
      json_object_remove_member (first, "gender");
    }
}

gboolean
anju_application_status_is_editable (const char *status)
{
  static const char * const editable[] = {
    "draft", "prereview_failed", "returned", "rejected", NULL
  };

  return g_strv_contains (editable, status);
}

gboolean
anju_applications_update (const AnjuApplicationWrite  *write,
                          gint64                       id,
                          JsonObject                  *application,
                          GError                     **error)
{
  AnjuDb *db = anju_server_get_db (write->server);
  g_auto(AnjuApplicationRef) ref = { 0, };
  g_autoptr(JsonObject) before = NULL;
  g_autoptr(JsonObject) record = NULL;
  g_autoptr(JsonObject) own_errors = json_object_new ();
  JsonObject *errors = write->field_errors != NULL ? write->field_errors : own_errors;

  if (!anju_application_store_load_ref (db, id, &ref, error))
    return FALSE;
  if (!anju_application_status_is_editable (ref.status))
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_CONFLICT,
                   /* Translators: %s is a status such as center_review */
                   _("The application is in status %s and can no longer be changed"), ref.status);
      return FALSE;
    }
  record = anju_application_store_load_record (db, id, error);
  if (record == NULL)
    return FALSE;
  before = anju_application_record_copy (record);
  if (json_object_has_member (application, "members"))
    json_object_remove_member (record, "members");
  anju_application_read_body (application, record, errors);
  follow_applicant (application, record);
  return accept_record (write, id, record, ref.org_kind, FALSE, errors, error)
         && anju_application_store_update (db, id, record, write->now, error)
         && anju_application_record_change (write, id, "update", before, error);
}

gboolean
anju_applications_abandon (const AnjuApplicationWrite  *write,
                           gint64                       id,
                           const char                  *reason,
                           GError                     **error)
{
  AnjuDb *db = anju_server_get_db (write->server);
  g_auto(AnjuApplicationRef) ref = { 0, };
  g_autoptr(JsonObject) before = NULL;

  if (!anju_application_store_load_ref (db, id, &ref, error))
    return FALSE;
  if (!g_str_equal (ref.status, "prereview_failed") && !g_str_equal (ref.status, "rejected"))
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_CONFLICT,
                   /* Translators: %s is a status such as center_review */
                   _("Only an application that failed pre-review or was rejected can be "
                     "abandoned; this one is in status %s"), ref.status);
      return FALSE;
    }
  before = anju_application_store_load_record (db, id, error);
  return before != NULL
         && anju_application_store_close (db, id, reason, write->now, error)
         && anju_applications_archive_files (db, id, error)
         && anju_application_record_change (write, id, "abandon", before, error);
}

gboolean
anju_applications_archive_files (AnjuDb  *db,
                                 gint64   application_id,
                                 GError **error)
{
  g_auto(AnjuStmt) when = anju_db_prepare (db,
                                           "SELECT COALESCE (decided_at, updated_at)"
                                           " FROM pubrent_applications WHERE id = ?1",
                                           error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 at;

  if (when == NULL)
    return FALSE;
  sqlite3_bind_int64 (when, 1, application_id);
  if (!anju_db_step_row (db, when, ANJU_ERROR_NOT_FOUND, _("No such application"), error))
    return FALSE;
  at = sqlite3_column_int64 (when, 0);

  {
    g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                             "SELECT af.file_id FROM pubrent_application_files af"
                                             " JOIN files f ON f.id = af.file_id"
                                             " WHERE af.application_id = ?1"
                                             " AND f.archived_at IS NULL",
                                             error);
    int rc;

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, application_id);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        gint64 file_id = sqlite3_column_int64 (stmt, 0);

        g_array_append_val (ids, file_id);
      }
    if (rc != SQLITE_DONE)
      {
        anju_db_set_error (db, error);
        return FALSE;
      }
  }
  for (guint i = 0; i < ids->len; i++)
    if (!anju_file_store_archive (db, g_array_index (ids, gint64, i), at, error))
      return FALSE;
  return TRUE;
}
