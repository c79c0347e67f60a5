/* anju-workflow-json.c: instances, tasks, history and files as JSON. */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-json-columns.h"
#include "anju-stmt.h"
#include "anju-workflow-json.h"
#include "anju-workflow-refs.h"

/* The time overdue is measured against: a paused instance's clock stands
 * at the pause. */
static gint64
clock_for (const AnjuWfInstance *instance,
           gint64                now)
{
  return g_str_equal (instance->state, "paused") ? instance->paused_at : now;
}

static gboolean
step_rows (AnjuDb        *db,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    anju_db_set_error (db, error);
  return FALSE;
}

/* ---- current step ------------------------------------------------------ */

static gboolean
add_current_step (JsonBuilder          *builder,
                  AnjuDb               *db,
                  const AnjuWfInstance *instance,
                  gint64                now,
                  GError              **error)
{
  const AnjuWfStep *step = anju_wf_instance_step (instance);
  g_auto(AnjuStmt) stmt = NULL;
  gboolean open;
  gint64 due_at;

  json_builder_set_member_name (builder, "current_step");
  if (step == NULL || anju_wf_state_is_final (instance->state))
    {
      json_builder_add_null_value (builder);
      return TRUE;
    }

  /* A step is entered once (branches only go forward); transfers and
   * resubmissions give it newer tasks, the newest holds the due date. */
  stmt = anju_db_prepare (db,
                          "SELECT t.org_id, o.name, t.state, t.due_at,"
                          " (SELECT MIN(f.created_at) FROM workflow_tasks f"
                          "  WHERE f.instance_id = t.instance_id AND f.step_key = t.step_key"
                          "  AND f.kind = 'review')"
                          " FROM workflow_tasks t JOIN organisations o ON o.id = t.org_id"
                          " WHERE t.instance_id = ?1 AND t.step_key = ?2 AND t.kind = 'review'"
                          " ORDER BY t.id DESC LIMIT 1",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, instance->id);
  anju_db_bind_text (stmt, 2, step->key);
  if (!anju_db_step_row (db, stmt, ANJU_ERROR_INTERNAL, "current step without a task", error))
    return FALSE;

  open = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 2), "open") == 0;
  due_at = sqlite3_column_int64 (stmt, 3);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "key");
  json_builder_add_string_value (builder, step->key);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, step->name);
  json_builder_set_member_name (builder, "role");
  json_builder_add_string_value (builder, step->role);
  json_builder_set_member_name (builder, "level");
  json_builder_add_string_value (builder, step->level);
  anju_wf_json_add_ref_columns (builder, "organisation", stmt, 0, 1);
  anju_json_add_time_column (builder, "entered_at", stmt, 4);
  anju_json_add_time_column (builder, "due_at", stmt, 3);
  json_builder_set_member_name (builder, "overdue");
  json_builder_add_boolean_value (builder, open && due_at != 0
                                           && due_at < clock_for (instance, now));
  json_builder_end_object (builder);
  return TRUE;
}

static void
add_my_actions (JsonBuilder          *builder,
                const AnjuWfInstance *instance,
                const AnjuWfRelation *relation)
{
  guint allowed = relation != NULL ? anju_wf_allowed_actions (instance, relation) : 0;

  json_builder_set_member_name (builder, "my_actions");
  json_builder_begin_array (builder);
  for (guint i = 0; anju_wf_action_names[i] != NULL; i++)
    if (allowed & (1u << i))
      json_builder_add_string_value (builder, anju_wf_action_names[i]);
  json_builder_end_array (builder);
}

/* ---- tasks --------------------------------------------------------------- */

static void
add_task (JsonBuilder          *builder,
          sqlite3_stmt         *stmt,
          const AnjuWfInstance *instance,
          gint64                now)
{
  gboolean open = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 9), "open") == 0;
  gint64 due_at = sqlite3_column_int64 (stmt, 11);

  json_builder_begin_object (builder);
  anju_json_add_id_column (builder, "id", stmt, 0);
  anju_json_add_id_column (builder, "instance_id", stmt, 1);
  anju_json_add_text_column (builder, "step_key", stmt, 2);
  anju_json_add_text_column (builder, "step_name", stmt, 3);
  anju_json_add_text_column (builder, "kind", stmt, 4);
  anju_wf_json_add_ref_columns (builder, "organisation", stmt, 5, 6);
  anju_wf_json_add_ref_columns (builder, "assignee", stmt, 7, 8);
  anju_json_add_text_column (builder, "state", stmt, 9);
  anju_json_add_time_column (builder, "created_at", stmt, 10);
  anju_json_add_time_column (builder, "due_at", stmt, 11);
  json_builder_set_member_name (builder, "overdue");
  json_builder_add_boolean_value (builder, open && due_at != 0
                                           && due_at < clock_for (instance, now));
  anju_json_add_time_column (builder, "done_at", stmt, 12);
  anju_wf_json_add_ref_columns (builder, "done_by", stmt, 13, 14);
  anju_json_add_text_column (builder, "action", stmt, 15);
  json_builder_end_object (builder);
}

static gboolean
add_tasks (JsonBuilder          *builder,
           AnjuDb               *db,
           const AnjuWfInstance *instance,
           gint64                now,
           GError              **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "SELECT t.id, t.instance_id, t.step_key, t.step_name,"
                                           " t.kind, t.org_id, o.name, t.assignee_id, au.name,"
                                           " t.state, t.created_at, t.due_at, t.done_at,"
                                           " t.done_by, du.name, t.action"
                                           " FROM workflow_tasks t"
                                           " JOIN organisations o ON o.id = t.org_id"
                                           " LEFT JOIN users au ON au.id = t.assignee_id"
                                           " LEFT JOIN users du ON du.id = t.done_by"
                                           " WHERE t.instance_id = ?1 ORDER BY t.id",
                                           error);
  GError *step_error = NULL;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, instance->id);
  json_builder_set_member_name (builder, "tasks");
  json_builder_begin_array (builder);
  while (step_rows (db, stmt, &step_error))
    add_task (builder, stmt, instance, now);
  json_builder_end_array (builder);
  if (step_error != NULL)
    {
      g_propagate_error (error, step_error);
      return FALSE;
    }
  return TRUE;
}

/* ---- history ------------------------------------------------------------- */

static void
add_file (JsonBuilder  *builder,
          sqlite3_stmt *stmt)
{
  json_builder_begin_object (builder);
  anju_json_add_id_column (builder, "id", stmt, 0);
  anju_json_add_text_column (builder, "name", stmt, 1);
  anju_json_add_text_column (builder, "content_type", stmt, 2);
  anju_json_add_id_column (builder, "size", stmt, 3);
  anju_json_add_text_column (builder, "sha256", stmt, 4);
  anju_json_add_time_column (builder, "uploaded_at", stmt, 5);
  anju_wf_json_add_ref_columns (builder, "uploaded_by", stmt, 6, 7);
  json_builder_set_member_name (builder, "archived");
  json_builder_add_boolean_value (builder, sqlite3_column_type (stmt, 8) != SQLITE_NULL);
  json_builder_end_object (builder);
}

static gboolean
add_attachments (JsonBuilder  *builder,
                 AnjuDb       *db,
                 gint64        history_id,
                 GError      **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "SELECT f.id, f.name, f.content_type, f.size, f.sha256,"
                                           " f.uploaded_at, f.uploaded_by, u.name, f.archived_at"
                                           " FROM workflow_history_files hf"
                                           " JOIN files f ON f.id = hf.file_id"
                                           " LEFT JOIN users u ON u.id = f.uploaded_by"
                                           " WHERE hf.history_id = ?1 ORDER BY hf.position",
                                           error);
  GError *step_error = NULL;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, history_id);
  json_builder_set_member_name (builder, "attachments");
  json_builder_begin_array (builder);
  while (step_rows (db, stmt, &step_error))
    add_file (builder, stmt);
  json_builder_end_array (builder);
  if (step_error != NULL)
    {
      g_propagate_error (error, step_error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
add_history_row (JsonBuilder   *builder,
                 AnjuDb        *db,
                 sqlite3_stmt  *stmt,
                 GError       **error)
{
  json_builder_begin_object (builder);
  anju_json_add_id_column (builder, "id", stmt, 0);
  anju_json_add_time_column (builder, "at", stmt, 1);
  anju_wf_json_add_ref_columns (builder, "actor", stmt, 2, 3);
  anju_wf_json_add_ref_columns (builder, "organisation", stmt, 4, 5);
  anju_json_add_text_column (builder, "action", stmt, 6);
  anju_json_add_text_column (builder, "step_key", stmt, 7);
  anju_json_add_text_column (builder, "step_name", stmt, 8);
  anju_json_add_text_column (builder, "comment", stmt, 9);
  if (!add_attachments (builder, db, sqlite3_column_int64 (stmt, 0), error))
    return FALSE;
  json_builder_end_object (builder);
  return TRUE;
}

static gboolean
add_history (JsonBuilder          *builder,
             AnjuDb               *db,
             const AnjuWfInstance *instance,
             GError              **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "SELECT h.id, h.at, h.actor_id, u.name, h.org_id,"
                                           " o.name, h.action, h.step_key, h.step_name, h.comment"
                                           " FROM workflow_history h"
                                           " LEFT JOIN users u ON u.id = h.actor_id"
                                           " LEFT JOIN organisations o ON o.id = h.org_id"
                                           " WHERE h.instance_id = ?1 ORDER BY h.id",
                                           error);
  GError *step_error = NULL;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, instance->id);
  json_builder_set_member_name (builder, "history");
  json_builder_begin_array (builder);
  while (step_rows (db, stmt, &step_error))
    if (!add_history_row (builder, db, stmt, error))
      return FALSE;
  json_builder_end_array (builder);
  if (step_error != NULL)
    {
      g_propagate_error (error, step_error);
      return FALSE;
    }
  return TRUE;
}

/* ---- the instance -------------------------------------------------------- */

static void
add_template (JsonBuilder          *builder,
              const AnjuWfInstance *instance)
{
  const AnjuWfTemplate *template = instance->template;

  json_builder_set_member_name (builder, "template");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, template->id);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, template->code);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, template->name);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, template->version);
  json_builder_end_object (builder);
}

static void
add_fields (JsonBuilder          *builder,
            const AnjuWfInstance *instance)
{
  json_builder_set_member_name (builder, "fields");
  json_builder_add_value (builder, json_node_init_object (json_node_alloc (), instance->fields));
}

JsonNode *
anju_wf_instance_to_json (AnjuDb               *db,
                          const AnjuWfInstance *instance,
                          gint64                now,
                          const AnjuWfRelation *relation,
                          gboolean              details,
                          GError              **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "SELECT o.name, i.submitter_id, u.name, i.created_at,"
                                           " i.updated_at, i.finished_at"
                                           " FROM workflow_instances i"
                                           " JOIN organisations o ON o.id = i.org_id"
                                           " LEFT JOIN users u ON u.id = i.submitter_id"
                                           " WHERE i.id = ?1",
                                           error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, instance->id);
  if (!anju_db_step_row (db, stmt, ANJU_ERROR_NOT_FOUND, _("No such process instance"), error))
    return NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, instance->id);
  add_template (builder, instance);
  json_builder_set_member_name (builder, "domain");
  json_builder_add_string_value (builder, instance->domain);
  json_builder_set_member_name (builder, "record_id");
  json_builder_add_int_value (builder, instance->record_id);
  json_builder_set_member_name (builder, "record_label");
  json_builder_add_string_value (builder, instance->record_label);
  anju_wf_json_add_ref (builder, "organisation", instance->org_id,
                        (const char *) sqlite3_column_text (stmt, 0));
  anju_wf_json_add_ref_columns (builder, "submitter", stmt, 1, 2);
  json_builder_set_member_name (builder, "state");
  json_builder_add_string_value (builder, instance->state);
  add_fields (builder, instance);
  if (!add_current_step (builder, db, instance, now, error))
    return NULL;
  add_my_actions (builder, instance, relation);
  anju_json_add_time_column (builder, "created_at", stmt, 3);
  anju_json_add_time_column (builder, "updated_at", stmt, 4);
  anju_json_add_time_column (builder, "finished_at", stmt, 5);
  if (details
      && (!add_tasks (builder, db, instance, now, error)
          || !add_history (builder, db, instance, error)))
    return NULL;
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
