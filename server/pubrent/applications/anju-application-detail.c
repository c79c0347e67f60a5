/* anju-application-detail.c: one application as its reader sees it.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anju-application-detail.h"
#include "anju-application-json.h"
#include "anju-application-store.h"
#include "anju-applications.h"
#include "anju-file-store.h"
#include "anju-json-columns.h"
#include "anju-stmt.h"
#include "anju-workflow-instance.h"
#include "anju-workflow-rules.h"
#include "anju-workflow-template.h"

#define FILE_COLUMNS ANJU_FILE_COLUMNS ", af.category, af.note, af.added_by, au.name, af.added_at"
#define FILE_JOIN \
  "pubrent_application_files af JOIN files f ON f.id = af.file_id" \
  " JOIN users fu ON fu.id = f.uploaded_by JOIN users au ON au.id = af.added_by"

static JsonNode *
file_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(JsonNode) node = anju_file_json_from_row (stmt, 0);
  JsonObject *object = json_node_get_object (node);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) extra = NULL;
  g_autoptr(JsonObject) copy = json_object_new ();
  g_autoptr(GList) members = NULL;

  json_builder_begin_object (builder);
  anju_json_add_text_column (builder, "category", stmt, 9);
  anju_json_add_text_column (builder, "note", stmt, 10);
  json_builder_set_member_name (builder, "added_by");
  json_builder_begin_object (builder);
  anju_json_add_id_column (builder, "id", stmt, 11);
  anju_json_add_text_column (builder, "name", stmt, 12);
  json_builder_end_object (builder);
  anju_json_add_time_column (builder, "added_at", stmt, 13);
  json_builder_end_object (builder);
  extra = json_builder_get_root (builder);

  /* The File object is immutable (built by a JsonBuilder): copy it. */
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    json_object_set_member (copy, l->data, json_object_dup_member (object, l->data));
  g_list_free (g_steal_pointer (&members));
  members = json_object_get_members (json_node_get_object (extra));
  for (GList *l = members; l != NULL; l = l->next)
    json_object_set_member (copy, l->data,
                            json_object_dup_member (json_node_get_object (extra), l->data));
  return json_node_init_object (json_node_alloc (), copy);
}

JsonNode *
anju_application_files_json (AnjuDb  *db,
                             gint64   id,
                             gint64   file_id,
                             GError **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "SELECT " FILE_COLUMNS " FROM " FILE_JOIN
                                           " WHERE af.application_id = ?1"
                                           " AND (?2 = 0 OR af.file_id = ?2)"
                                           " ORDER BY af.added_at, af.file_id",
                                           error);
  JsonArray *files = json_array_new ();
  g_autoptr(JsonNode) node = json_node_init_array (json_node_alloc (), files);
  int rc;

  json_array_unref (files);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, file_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    json_array_add_element (files, file_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      anju_db_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&node);
}

static JsonNode *
my_actions (const AnjuWfInstance *instance,
            const AnjuWfRelation *relation)
{
  guint allowed = anju_wf_allowed_actions (instance, relation);
  JsonArray *actions = json_array_new ();
  JsonNode *node = json_node_init_array (json_node_alloc (), actions);

  json_array_unref (actions);
  for (guint i = 0; anju_wf_action_names[i] != NULL; i++)
    if (allowed & (1u << i))
      json_array_add_string_element (actions, anju_wf_action_names[i]);
  return node;
}

/* {"instance_id","state","step_key","step_name","my_actions"} of the
 * newest process of the application, or null. */
static gboolean
add_process (AnjuDb            *db,
             const AnjuCaller  *caller,
             gint64             id,
             JsonObject        *record,
             GError           **error)
{
  g_autoptr(AnjuWfInstance) instance = NULL;
  g_autofree char *state = NULL;
  const AnjuWfStep *step;
  AnjuWfRelation relation;
  JsonObject *process;
  gint64 instance_id;

  if (!anju_wf_instance_find_latest (db, ANJU_APPLICATION_DOMAIN, id, &instance_id, &state,
                                     error))
    return FALSE;
  if (instance_id == 0)
    {
      json_object_set_null_member (record, "process");
      return TRUE;
    }
  instance = anju_wf_instance_load (db, instance_id, error);
  if (instance == NULL
      || !anju_wf_relation_load (db, caller->user_id, caller->org_path, instance, &relation,
                                 error))
    return FALSE;
  step = anju_wf_instance_step (instance);
  process = json_object_new ();
  json_object_set_int_member (process, "instance_id", instance_id);
  json_object_set_string_member (process, "state", instance->state);
  json_object_set_string_member (process, "step_key", step != NULL ? step->key : NULL);
  json_object_set_string_member (process, "step_name", step != NULL ? step->name : NULL);
  json_object_set_member (process, "my_actions", my_actions (instance, &relation));
  json_object_set_object_member (record, "process", process);
  return TRUE;
}

JsonNode *
anju_application_detail (AnjuDb            *db,
                         const AnjuCaller  *caller,
                         gint64             id,
                         GError           **error)
{
  g_autoptr(JsonObject) record = anju_application_store_load_record (db, id, error);
  JsonNode *files;
  JsonObject *org;

  if (record == NULL)
    return NULL;
  org = json_object_get_object_member (record, "org");
  if (!anju_application_caller_sees_pii (caller, json_object_get_int_member (org, "id")))
    anju_application_mask (record);
  files = anju_application_files_json (db, id, 0, error);
  if (files == NULL)
    return NULL;
  json_object_set_member (record, "files", files);
  if (!add_process (db, caller, id, record, error))
    return NULL;
  return json_node_init_object (json_node_alloc (), record);
}
