/* anju-application-detail-text.c: the Application a GET answers, written
 * as JSON text straight from its rows.
 *
 * The same members in the same order, of the same types and masked
 * alike as anju_application_detail() builds them (a record of
 * anju_application_store_load_record(), masked, with its files and
 * process): building that JsonObject with its hash tables, masking it
 * in place and serialising it cost most of the detail's CPU.
 * tests/server/test-detail-text.c builds both and compares them.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "anju-application-detail.h"
#include "anju-application-fields.h"
#include "anju-application-json.h"
#include "anju-application-store.h"
#include "anju-applications.h"
#include "anju-file-store.h"
#include "anju-json-text-columns.h"
#include "anju-stmt.h"
#include "anju-workflow-instance.h"
#include "anju-workflow-rules.h"
#include "anju-workflow-template.h"

/* The columns of anju_application_store_record_sql() before the fields;
 * the fields follow from FIELDS on. */
enum
{
  APPLICATION_NO, STATUS, STATUS_LABEL, ORG_ID, ORG_NAME, CREATED_BY, CREATED_BY_NAME,
  SUBMITTED_AT, DECIDED_AT, CONFIRMED_AT, CREATED_AT, UPDATED_AT, PREREVIEW, ORG_PATH, FIELDS
};
G_STATIC_ASSERT (FIELDS == ANJU_APP_RECORD_FIELDS);

/* Each field of the row from first_column on; when masked, the personal
 * data as anju_application_mask() leaves it. */
static void
write_fields (const AnjuAppField *fields,
              guint               n_fields,
              sqlite3_stmt       *stmt,
              int                 first_column,
              gboolean            masked,
              AnjuJsonText       *text)
{
  for (guint i = 0; i < n_fields; i++)
    {
      AnjuApplicationMaskFunc mask = masked ? anju_application_mask_of (fields[i].name) : NULL;

      anju_app_fields_write (&fields[i], stmt, first_column + (int) i, mask, text);
    }
}

/* The report as it is stored: anju_application_store_submitted() wrote
 * it with json-glib's generator, so it is the text the JsonNode way's
 * parse and generate gives back.  Anything else (not an object as the
 * generator writes one) goes the JsonNode way, null when it does not
 * parse. */
static void
write_prereview (sqlite3_stmt *stmt,
                 AnjuJsonText *text)
{
  const char *report = (const char *) sqlite3_column_text (stmt, PREREVIEW);
  gsize length = report != NULL ? (gsize) sqlite3_column_bytes (stmt, PREREVIEW) : 0;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *again = NULL;

  anju_json_text_member (text, "prereview");
  if (length >= 2 && report[0] == '{' && report[length - 1] == '}' && strlen (report) == length)
    {
      anju_json_text_raw (text, report, length);
      return;
    }
  node = report != NULL ? json_from_string (report, NULL) : NULL;
  if (node == NULL)
    {
      anju_json_text_null (text);
      return;
    }
  again = json_to_string (node, FALSE);
  anju_json_text_raw (text, again, strlen (again));
}

static gboolean
write_members (AnjuDb        *db,
               gint64         id,
               gboolean       masked,
               AnjuJsonText  *text,
               GError       **error)
{
  guint n_fields;
  const AnjuAppField *fields = anju_member_fields (&n_fields);
  g_auto(AnjuStmt) stmt = anju_db_prepare (db, anju_application_store_members_sql (), error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  anju_json_text_member (text, "members");
  anju_json_text_begin_array (text);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      anju_json_text_begin_object (text);
      anju_json_text_member (text, "id");
      anju_json_text_int (text, sqlite3_column_int64 (stmt, 0));
      anju_json_text_member (text, "member_no");
      anju_json_text_string (text, (const char *) sqlite3_column_text (stmt, 1));
      write_fields (fields, n_fields, stmt, 2, masked, text);
      anju_json_text_end_object (text);
    }
  anju_json_text_end_array (text);
  if (rc != SQLITE_DONE)
    {
      anju_db_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

/* An ApplicationFile: the File object (anju_file_json_from_row()), then
 * what the application adds. */
static void
write_file (sqlite3_stmt *stmt,
            AnjuJsonText *text)
{
  anju_json_text_begin_object (text);
  anju_json_text_id_column (text, "id", stmt, 0);
  anju_json_text_text_column (text, "name", stmt, 1);
  anju_json_text_text_column (text, "content_type", stmt, 2);
  anju_json_text_member (text, "size");
  anju_json_text_int (text, sqlite3_column_int64 (stmt, 3));
  anju_json_text_text_column (text, "sha256", stmt, 4);
  anju_json_text_time_column (text, "uploaded_at", stmt, 5);
  anju_json_text_ref_columns (text, "uploaded_by", stmt, 6);
  anju_json_text_member (text, "archived");
  anju_json_text_bool (text, sqlite3_column_int (stmt, 8) != 0);
  anju_json_text_text_column (text, "category", stmt, 9);
  anju_json_text_text_column (text, "note", stmt, 10);
  anju_json_text_member (text, "added_by");
  anju_json_text_begin_object (text);
  anju_json_text_id_column (text, "id", stmt, 11);
  anju_json_text_text_column (text, "name", stmt, 12);
  anju_json_text_end_object (text);
  anju_json_text_time_column (text, "added_at", stmt, 13);
  anju_json_text_end_object (text);
}

static gboolean
write_files (AnjuDb        *db,
             gint64         id,
             AnjuJsonText  *text,
             GError       **error)
{
  /* pubrent_application_files' primary key (application_id, file_id)
   * finds them; the handful of rows is sorted by time. */
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "SELECT " ANJU_FILE_COLUMNS ", af.category, af.note,"
                                           " af.added_by, au.name, af.added_at"
                                           " FROM pubrent_application_files af"
                                           " JOIN files f ON f.id = af.file_id"
                                           " JOIN users fu ON fu.id = f.uploaded_by"
                                           " JOIN users au ON au.id = af.added_by"
                                           " WHERE af.application_id = ?1"
                                           " ORDER BY af.added_at, af.file_id",
                                           error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  anju_json_text_member (text, "files");
  anju_json_text_begin_array (text);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    write_file (stmt, text);
  anju_json_text_end_array (text);
  if (rc != SQLITE_DONE)
    {
      anju_db_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

/* {"instance_id","state","step_key","step_name","my_actions"} of the
 * newest process of the application, or null. */
static gboolean
write_process (AnjuDb            *db,
               const AnjuCaller  *caller,
               gint64             id,
               AnjuJsonText      *text,
               GError           **error)
{
  g_autoptr(AnjuWfInstance) instance = NULL;
  g_autofree char *state = NULL;
  const AnjuWfStep *step;
  AnjuWfRelation relation;
  gint64 instance_id;
  guint allowed;

  if (!anju_wf_instance_find_latest (db, ANJU_APPLICATION_DOMAIN, id, &instance_id, &state,
                                     error))
    return FALSE;
  anju_json_text_member (text, "process");
  if (instance_id == 0)
    {
      anju_json_text_null (text);
      return TRUE;
    }
  instance = anju_wf_instance_load (db, instance_id, error);
  if (instance == NULL
      || !anju_wf_relation_load (db, caller->user_id, caller->org_path, instance, &relation,
                                 error))
    return FALSE;
  step = anju_wf_instance_step (instance);
  allowed = anju_wf_allowed_actions (instance, &relation);
  anju_json_text_begin_object (text);
  anju_json_text_member (text, "instance_id");
  anju_json_text_int (text, instance_id);
  anju_json_text_member (text, "state");
  anju_json_text_string (text, instance->state);
  anju_json_text_member (text, "step_key");
  anju_json_text_string (text, step != NULL ? step->key : NULL);
  anju_json_text_member (text, "step_name");
  anju_json_text_string (text, step != NULL ? step->name : NULL);
  anju_json_text_member (text, "my_actions");
  anju_json_text_begin_array (text);
  for (guint i = 0; anju_wf_action_names[i] != NULL; i++)
    if (allowed & (1u << i))
      anju_json_text_string (text, anju_wf_action_names[i]);
  anju_json_text_end_array (text);
  anju_json_text_end_object (text);
  return TRUE;
}

/* The record's own members, in anju_application_store_load_record()'s
 * order: business_type third, the other fields after org. */
static void
write_record (sqlite3_stmt       *stmt,
              gint64              id,
              const AnjuAppField *fields,
              guint               n_fields,
              gboolean            masked,
              AnjuJsonText       *text)
{
  anju_json_text_member (text, "id");
  anju_json_text_int (text, id);
  anju_json_text_member (text, "application_no");
  anju_json_text_string (text, (const char *) sqlite3_column_text (stmt, APPLICATION_NO));
  write_fields (fields, 1, stmt, FIELDS, masked, text);
  anju_json_text_member (text, "status");
  anju_json_text_string (text, (const char *) sqlite3_column_text (stmt, STATUS));
  anju_json_text_member (text, "status_label");
  anju_json_text_string (text, (const char *) sqlite3_column_text (stmt, STATUS_LABEL));
  anju_json_text_ref_columns (text, "org", stmt, ORG_ID);
  write_fields (fields + 1, n_fields - 1, stmt, FIELDS + 1, masked, text);
  anju_json_text_time_column (text, "submitted_at", stmt, SUBMITTED_AT);
  anju_json_text_time_column (text, "decided_at", stmt, DECIDED_AT);
  anju_json_text_time_column (text, "confirmed_at", stmt, CONFIRMED_AT);
  anju_json_text_ref_columns (text, "created_by", stmt, CREATED_BY);
  anju_json_text_time_column (text, "created_at", stmt, CREATED_AT);
  anju_json_text_time_column (text, "updated_at", stmt, UPDATED_AT);
  write_prereview (stmt, text);
}

gboolean
anju_application_detail_write (AnjuDb            *db,
                               const AnjuCaller  *caller,
                               gint64             id,
                               gboolean           in_scope_only,
                               GString           *out,
                               GError           **error)
{
  guint n_fields;
  const AnjuAppField *fields = anju_application_fields (&n_fields);
  g_auto(AnjuStmt) stmt = anju_db_prepare (db, anju_application_store_record_sql (), error);
  g_autoptr(AnjuJsonText) text = anju_json_text_new (out);
  gboolean masked;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!anju_db_step_row (db, stmt, ANJU_ERROR_NOT_FOUND, _("No such application"), error))
    return FALSE;
  /* Out of scope reads as absent (anju-caller.h). */
  if (in_scope_only
      && !anju_caller_can_see_org_path (caller,
                                        (const char *) sqlite3_column_text (stmt, ORG_PATH)))
    {
      g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_NOT_FOUND, _("No such application"));
      return FALSE;
    }
  masked = !anju_application_caller_sees_pii (caller, sqlite3_column_int64 (stmt, ORG_ID));

  anju_json_text_begin_object (text);
  write_record (stmt, id, fields, n_fields, masked, text);
  /* Done with the row before the next statement runs. */
  sqlite3_reset (stmt);
  if (!write_members (db, id, masked, text, error)
      || !write_files (db, id, text, error)
      || !write_process (db, caller, id, text, error))
    return FALSE;
  anju_json_text_end_object (text);
  return TRUE;
}
