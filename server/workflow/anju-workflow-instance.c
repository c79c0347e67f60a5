/* anju-workflow-instance.c: process instances in the database. */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-stmt.h"
#include "anju-workflow-instance.h"
#include "anju-workflow-template-store.h"

static const char * const final_states[] = {
  "completed", "rejected", "withdrawn", "cancelled", NULL,
};

void
anju_wf_instance_free (AnjuWfInstance *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->template, anju_wf_template_free);
  g_free (self->domain);
  g_free (self->record_label);
  g_free (self->org_path);
  g_free (self->state);
  g_free (self->paused_from);
  g_clear_pointer (&self->fields, json_object_unref);
  g_free (self->step_key);
  g_free (self);
}

gboolean
anju_wf_state_is_final (const char *state)
{
  return state != NULL && g_strv_contains (final_states, state);
}

const AnjuWfStep *
anju_wf_instance_step (const AnjuWfInstance *self)
{
  return anju_wf_template_find_step (self->template, self->step_key, NULL);
}

static JsonObject *
parse_fields (const char  *text,
              GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (!json_parser_load_from_data (parser, text != NULL ? text : "{}", -1, error))
    return NULL;
  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_INTERNAL,
                           "stored instance fields are not an object");
      return NULL;
    }
  return json_object_ref (json_node_get_object (root));
}

AnjuWfInstance *
anju_wf_instance_load (AnjuDb  *db,
                       gint64   id,
                       GError **error)
{
  g_autoptr(AnjuWfInstance) self = g_new0 (AnjuWfInstance, 1);
  g_auto(AnjuStmt) stmt = NULL;
  gint64 template_id;

  stmt = anju_db_prepare (db,
                          "SELECT i.id, i.template_id, i.domain, i.record_id, i.record_label,"
                          " i.org_id, o.path, i.submitter_id, i.state, i.paused_from, i.paused_at,"
                          " i.fields_json, i.step_key"
                          " FROM workflow_instances i JOIN organisations o ON o.id = i.org_id"
                          " WHERE i.id = ?1",
                          error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!anju_db_step_row (db, stmt, ANJU_ERROR_NOT_FOUND, _("No such process instance"), error))
    return NULL;

  self->id = sqlite3_column_int64 (stmt, 0);
  template_id = sqlite3_column_int64 (stmt, 1);
  self->domain = anju_db_column_dup (stmt, 2);
  self->record_id = sqlite3_column_int64 (stmt, 3);
  self->record_label = anju_db_column_dup (stmt, 4);
  self->org_id = sqlite3_column_int64 (stmt, 5);
  self->org_path = anju_db_column_dup (stmt, 6);
  self->submitter_id = sqlite3_column_int64 (stmt, 7);
  self->state = anju_db_column_dup (stmt, 8);
  self->paused_from = anju_db_column_dup (stmt, 9);
  self->paused_at = sqlite3_column_int64 (stmt, 10);
  self->fields = parse_fields ((const char *) sqlite3_column_text (stmt, 11), error);
  self->step_key = anju_db_column_dup (stmt, 12);
  if (self->fields == NULL)
    return NULL;

  /* Done with the row before the next statement runs. */
  sqlite3_reset (stmt);
  self->template = anju_wf_template_store_load (db, template_id, error);
  return self->template != NULL ? g_steal_pointer (&self) : NULL;
}

static char *
fields_to_text (JsonObject *fields)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), fields);

  return json_to_string (node, FALSE);
}

gboolean
anju_wf_instance_insert (AnjuDb          *db,
                         AnjuWfInstance  *self,
                         gint64           now,
                         GError         **error)
{
  g_autofree char *fields = fields_to_text (self->fields);
  g_auto(AnjuStmt) stmt = NULL;

  stmt = anju_db_prepare (db,
                          "INSERT INTO workflow_instances (template_id, domain, record_id,"
                          " record_label, org_id, submitter_id, state, fields_json, created_at,"
                          " updated_at)"
                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'running', ?7, ?8, ?8)",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->template->id);
  anju_db_bind_text (stmt, 2, self->domain);
  sqlite3_bind_int64 (stmt, 3, self->record_id);
  anju_db_bind_text (stmt, 4, self->record_label);
  sqlite3_bind_int64 (stmt, 5, self->org_id);
  if (self->submitter_id != 0)
    sqlite3_bind_int64 (stmt, 6, self->submitter_id);
  anju_db_bind_text (stmt, 7, fields);
  sqlite3_bind_int64 (stmt, 8, now);
  if (!anju_db_step_done (db, stmt, error))
    return FALSE;

  self->id = anju_db_last_insert_id (db);
  g_free (self->state);
  self->state = g_strdup ("running");
  return TRUE;
}

gboolean
anju_wf_instance_save (AnjuDb               *db,
                       const AnjuWfInstance *self,
                       gint64                now,
                       GError              **error)
{
  g_autofree char *fields = fields_to_text (self->fields);
  g_auto(AnjuStmt) stmt = NULL;

  stmt = anju_db_prepare (db,
                          "UPDATE workflow_instances SET state = ?2, paused_from = ?3,"
                          " paused_at = ?4, fields_json = ?5, step_key = ?6, updated_at = ?7,"
                          " finished_at = CASE WHEN ?8 THEN COALESCE(finished_at, ?7) END"
                          " WHERE id = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->id);
  anju_db_bind_text (stmt, 2, self->state);
  anju_db_bind_text (stmt, 3, self->paused_from);
  if (self->paused_from != NULL)
    sqlite3_bind_int64 (stmt, 4, self->paused_at);
  anju_db_bind_text (stmt, 5, fields);
  anju_db_bind_text (stmt, 6, self->step_key);
  sqlite3_bind_int64 (stmt, 7, now);
  sqlite3_bind_int (stmt, 8, anju_wf_state_is_final (self->state));
  return anju_db_step_done (db, stmt, error);
}

gboolean
anju_wf_instance_find_live (AnjuDb      *db,
                            const char  *domain,
                            gint64       record_id,
                            gint64      *out_id,
                            GError     **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "SELECT id FROM workflow_instances"
                                           " WHERE domain = ?1 AND record_id = ?2"
                                           " AND state IN ('running', 'returned', 'paused')",
                                           error);

  if (stmt == NULL)
    return FALSE;
  anju_db_bind_text (stmt, 1, domain);
  sqlite3_bind_int64 (stmt, 2, record_id);
  return anju_db_step_id (db, stmt, out_id, error);
}

gboolean
anju_wf_instance_find_latest (AnjuDb      *db,
                              const char  *domain,
                              gint64       record_id,
                              gint64      *out_id,
                              char       **out_state,
                              GError     **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "SELECT id, state FROM workflow_instances"
                                           " WHERE domain = ?1 AND record_id = ?2"
                                           " ORDER BY id DESC LIMIT 1",
                                           error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  anju_db_bind_text (stmt, 1, domain);
  sqlite3_bind_int64 (stmt, 2, record_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      anju_db_set_error (db, error);
      return FALSE;
    }
  *out_id = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  if (out_state != NULL)
    *out_state = rc == SQLITE_ROW ? anju_db_column_dup (stmt, 1) : NULL;
  return TRUE;
}
