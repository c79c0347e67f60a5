/* anju-workflow-template-store.c: template versions in the database. */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-json-columns.h"
#include "anju-stmt.h"
#include "anju-workflow-refs.h"
#include "anju-workflow-template-store.h"

/* The parsed steps of the versions read on a connection, kept on the
 * AnjuDb (object data) so they live and die with it; see
 * cached_steps(). */
#define STEPS_CACHE_KEY "anju-wf-template-steps"

typedef struct
{
  char      *steps_json;   /* (owned) the stored text they were read from */
  GPtrArray *steps;        /* (owned) of AnjuWfStep, never changed once read */
} CachedSteps;

#define LOAD_COLUMNS \
  "SELECT id, code, version, name, domain, description, on_complete, steps_json, is_current" \
  " FROM workflow_templates"

static JsonNode *
parse_json_text (const char  *text,
                 GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();

  if (text == NULL)
    {
      g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_INTERNAL, "stored template has no steps");
      return NULL;
    }
  if (!json_parser_load_from_data (parser, text, -1, error))
    return NULL;
  return json_parser_steal_root (parser);
}

/* Stored steps were validated when saved; failing to read them now is a
 * broken database, not the caller's problem. */
static GPtrArray *
read_stored_steps (const char  *text,
                   GError     **error)
{
  g_autoptr(JsonNode) node = parse_json_text (text, error);
  g_auto(AnjuWfCheck) check = { 0, };
  GPtrArray *steps;

  if (node == NULL)
    return NULL;
  anju_wf_check_init (&check, NULL, NULL);
  steps = anju_wf_steps_read (&check, node);
  if (steps == NULL)
    {
      g_autoptr(JsonNode) problems = json_node_init_object (json_node_alloc (), check.problems);
      g_autofree char *text_problems = json_to_string (problems, FALSE);

      g_set_error (error, ANJU_ERROR, ANJU_ERROR_INTERNAL,
                   "stored template steps do not validate: %s", text_problems);
    }
  return steps;
}

static void
cached_steps_free (gpointer data)
{
  CachedSteps *cached = data;

  g_free (cached->steps_json);
  g_ptr_array_unref (cached->steps);
  g_free (cached);
}

/* Every act of every process loads its template, and reading the steps
 * (parsing the JSON, checking every step and branch) was most of the
 * cost of that.  A version's steps never change once stored, but an id
 * can come back: deleting every version of a code frees the highest
 * rowids for the next insert.  So the steps are kept per template id
 * with the text they were read from, and used again only when the row
 * still holds that same text. */
static GPtrArray *
cached_steps (AnjuDb      *db,
              gint64       id,
              const char  *steps_json,
              GError     **error)
{
  GHashTable *cache = g_object_get_data (G_OBJECT (db), STEPS_CACHE_KEY);
  CachedSteps *cached;
  GPtrArray *steps;

  if (cache == NULL)
    {
      cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, cached_steps_free);
      g_object_set_data_full (G_OBJECT (db), STEPS_CACHE_KEY, cache,
                              (GDestroyNotify) g_hash_table_unref);
    }
  cached = g_hash_table_lookup (cache, &id);
  if (cached != NULL && g_strcmp0 (cached->steps_json, steps_json) == 0)
    return g_ptr_array_ref (cached->steps);

  steps = read_stored_steps (steps_json, error);
  if (steps == NULL)
    return NULL;
  cached = g_new0 (CachedSteps, 1);
  cached->steps_json = g_strdup (steps_json);
  cached->steps = g_ptr_array_ref (steps);
  g_hash_table_replace (cache, g_memdup2 (&id, sizeof id), cached);
  return steps;
}

static AnjuWfTemplate *
template_from_row (AnjuDb        *db,
                   sqlite3_stmt  *stmt,
                   GError       **error)
{
  g_autoptr(AnjuWfTemplate) template = g_new0 (AnjuWfTemplate, 1);

  template->id = sqlite3_column_int64 (stmt, 0);
  template->code = anju_db_column_dup (stmt, 1);
  template->version = sqlite3_column_int (stmt, 2);
  template->name = anju_db_column_dup (stmt, 3);
  template->domain = anju_db_column_dup (stmt, 4);
  template->description = anju_db_column_dup (stmt, 5);
  template->on_complete = anju_db_column_dup (stmt, 6);
  template->is_current = sqlite3_column_int (stmt, 8) != 0;
  template->steps = cached_steps (db, template->id, (const char *) sqlite3_column_text (stmt, 7),
                                  error);
  return template->steps != NULL ? g_steal_pointer (&template) : NULL;
}

AnjuWfTemplate *
anju_wf_template_store_load (AnjuDb  *db,
                             gint64   id,
                             GError **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db, LOAD_COLUMNS " WHERE id = ?1", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!anju_db_step_row (db, stmt, ANJU_ERROR_NOT_FOUND, _("No such process template"), error))
    return NULL;
  return template_from_row (db, stmt, error);
}

AnjuWfTemplate *
anju_wf_template_store_load_current (AnjuDb      *db,
                                     const char  *code,
                                     GError     **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db, LOAD_COLUMNS " WHERE code = ?1 AND is_current = 1",
                                           error);

  if (stmt == NULL)
    return NULL;
  anju_db_bind_text (stmt, 1, code);
  if (!anju_db_step_row (db, stmt, ANJU_ERROR_NOT_FOUND, _("No such process template"), error))
    return NULL;
  return template_from_row (db, stmt, error);
}

gboolean
anju_wf_template_store_code_exists (AnjuDb      *db,
                                    const char  *code,
                                    gboolean    *out_exists,
                                    GError     **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db, "SELECT id FROM workflow_templates WHERE code = ?1"
                                           " LIMIT 1", error);
  gint64 id = 0;

  if (stmt == NULL)
    return FALSE;
  anju_db_bind_text (stmt, 1, code);
  if (!anju_db_step_id (db, stmt, &id, error))
    return FALSE;
  *out_exists = id != 0;
  return TRUE;
}

static gboolean
next_version (AnjuDb      *db,
              const char  *code,
              gint64      *out_version,
              GError     **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db, "SELECT COALESCE(MAX(version), 0) + 1"
                                           " FROM workflow_templates WHERE code = ?1", error);

  if (stmt == NULL)
    return FALSE;
  anju_db_bind_text (stmt, 1, code);
  return anju_db_step_count (db, stmt, out_version, error);
}

static gboolean
clear_current (AnjuDb      *db,
               const char  *code,
               GError     **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db, "UPDATE workflow_templates SET is_current = 0"
                                           " WHERE code = ?1 AND is_current = 1", error);

  if (stmt == NULL)
    return FALSE;
  anju_db_bind_text (stmt, 1, code);
  return anju_db_step_done (db, stmt, error);
}

gint64
anju_wf_template_store_insert (AnjuDb                *db,
                               const AnjuWfTemplate  *template,
                               gint64                 created_by,
                               gint64                 now,
                               GError               **error)
{
  g_autoptr(JsonNode) steps = anju_wf_steps_to_json (template->steps);
  g_autofree char *steps_json = json_to_string (steps, FALSE);
  g_auto(AnjuStmt) stmt = NULL;
  gint64 version = 0;

  if (!next_version (db, template->code, &version, error)
      || !clear_current (db, template->code, error))
    return 0;

  stmt = anju_db_prepare (db,
                          "INSERT INTO workflow_templates (code, version, name, domain, description,"
                          " on_complete, steps_json, step_count, is_current, created_at, created_by)"
                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 1, ?9, ?10)",
                          error);
  if (stmt == NULL)
    return 0;
  anju_db_bind_text (stmt, 1, template->code);
  sqlite3_bind_int64 (stmt, 2, version);
  anju_db_bind_text (stmt, 3, template->name);
  anju_db_bind_text (stmt, 4, template->domain);
  anju_db_bind_text (stmt, 5, template->description);
  anju_db_bind_text (stmt, 6, template->on_complete);
  anju_db_bind_text (stmt, 7, steps_json);
  sqlite3_bind_int (stmt, 8, (int) template->steps->len);
  sqlite3_bind_int64 (stmt, 9, now);
  if (created_by != 0)
    sqlite3_bind_int64 (stmt, 10, created_by);
  if (!anju_db_step_done (db, stmt, error))
    return 0;
  return anju_db_last_insert_id (db);
}

gboolean
anju_wf_template_store_count_instances (AnjuDb      *db,
                                        const char  *code,
                                        gint64      *out_count,
                                        GError     **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "SELECT COUNT(*) FROM workflow_instances i"
                                           " JOIN workflow_templates t ON t.id = i.template_id"
                                           " WHERE t.code = ?1",
                                           error);

  if (stmt == NULL)
    return FALSE;
  anju_db_bind_text (stmt, 1, code);
  return anju_db_step_count (db, stmt, out_count, error);
}

gboolean
anju_wf_template_store_delete_code (AnjuDb      *db,
                                    const char  *code,
                                    GError     **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db, "DELETE FROM workflow_templates WHERE code = ?1",
                                           error);

  if (stmt == NULL)
    return FALSE;
  anju_db_bind_text (stmt, 1, code);
  return anju_db_step_done (db, stmt, error);
}

JsonNode *
anju_wf_template_json_from_row (sqlite3_stmt  *stmt,
                                gboolean       with_steps,
                                GError       **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  anju_json_add_id_column (builder, "id", stmt, 0);
  anju_json_add_text_column (builder, "code", stmt, 1);
  anju_json_add_id_column (builder, "version", stmt, 2);
  anju_json_add_text_column (builder, "name", stmt, 3);
  anju_json_add_text_column (builder, "domain", stmt, 4);
  anju_json_add_text_column (builder, "description", stmt, 5);
  anju_json_add_bool_column (builder, "is_current", stmt, 6);
  anju_json_add_text_column (builder, "on_complete", stmt, 7);
  anju_json_add_id_column (builder, "step_count", stmt, 8);
  if (with_steps)
    {
      JsonNode *steps = parse_json_text ((const char *) sqlite3_column_text (stmt, 9), error);

      if (steps == NULL)
        return NULL;
      json_builder_set_member_name (builder, "steps");
      json_builder_add_value (builder, steps);
    }
  anju_json_add_id_column (builder, "instance_count", stmt, 10);
  anju_json_add_time_column (builder, "created_at", stmt, 11);
  anju_wf_json_add_ref_columns (builder, "created_by", stmt, 12, 13);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

JsonNode *
anju_wf_template_store_to_json (AnjuDb   *db,
                                gint64    id,
                                gboolean  with_steps,
                                GError  **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "SELECT " ANJU_WF_TEMPLATE_COLUMNS
                                           ANJU_WF_TEMPLATE_FROM " WHERE t.id = ?1",
                                           error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!anju_db_step_row (db, stmt, ANJU_ERROR_NOT_FOUND, _("No such process template"), error))
    return NULL;
  return anju_wf_template_json_from_row (stmt, with_steps, error);
}
