/* anju-review-timeline.c: the progress timeline of an application
 * (docs/api.md, Timeline), from the application, its pre-review, the
 * history of its newest review process and its publicity rows.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-json-text.h"
#include "anju-review-private.h"
#include "anju-stmt.h"
#include "anju-time.h"

typedef struct
{
  const char *key;
  const char *name;      /* N_() */
  const char *state;     /* done, current, pending, skipped, failed */
  gint64      at;
  gint64      owner_id;  /* 0: none (or the server) */
  char       *owner_name;
  char       *owner_org;
  char       *opinion;
} Node;

static void
node_clear (Node *node)
{
  g_clear_pointer (&node->owner_name, g_free);
  g_clear_pointer (&node->owner_org, g_free);
  g_clear_pointer (&node->opinion, g_free);
}

enum { SUBMITTED, PREREVIEW, STREET_REVIEW, STREET_PUBLICITY, CENTER_FIRST, CENTER_SECOND,
       CENTER_DECISION, ANNOUNCEMENT, CONFIRMED, N_NODES };

static const struct { const char *key; const char *name; } node_names[N_NODES] = {
  { "submitted", N_("Submitted") },
  { "prereview", N_("Pre-review") },
  { "street_review", N_("Street review") },
  { "street_publicity", N_("Street publicity") },
  { "center_first", N_("First review") },
  { "center_second", N_("Second review") },
  { "center_decision", N_("Decision") },
  { "announcement", N_("New Area announcement") },
  { "confirmed", N_("Qualification confirmed") },
};

static void
set_owner (Node         *node,
           sqlite3_stmt *stmt,
           int           column)
{
  node_clear (node);
  node->owner_id = sqlite3_column_int64 (stmt, column);
  node->owner_name = anju_db_column_dup (stmt, column + 1);
  node->owner_org = anju_db_column_dup (stmt, column + 2);
}

static gboolean
fill_submitted (AnjuDb              *db,
                const AnjuReviewApp *app,
                Node                *node,
                GError             **error)
{
  g_auto(AnjuStmt) stmt = NULL;

  if (app->submitted_at == 0)
    {
      node->state = "current";
      return TRUE;
    }
  node->state = "done";
  node->at = app->submitted_at;
  stmt = anju_db_prepare (db,
                          "SELECT u.id, u.name, o.name FROM users u"
                          " JOIN organisations o ON o.id = u.org_id WHERE u.id = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, app->created_by);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    set_owner (node, stmt, 0);
  return TRUE;
}

static void
fill_prereview (const AnjuReviewApp *app,
                Node                *node)
{
  if (app->prereview_passed < 0)
    return;
  node->state = app->prereview_passed ? "done" : "failed";
  if (app->prereview_at == NULL || !anju_time_parse_iso8601 (app->prereview_at, &node->at, NULL))
    node->at = app->submitted_at;
}

static Node *
node_for_step (Node       *nodes,
               const char *step_key)
{
  for (guint i = STREET_REVIEW; i <= CENTER_DECISION; i++)
    if (g_strcmp0 (node_names[i].key, step_key) == 0)
      return &nodes[i];
  return NULL;
}

/* The newest review process of the application: its history in order,
 * then the step it is at. */
static gboolean
fill_steps (AnjuDb              *db,
            const AnjuReviewApp *app,
            Node                *nodes,
            GError             **error)
{
  g_auto(AnjuStmt) instance = anju_db_prepare (db,
                                               "SELECT id, state, step_key FROM workflow_instances"
                                               " WHERE domain = ?1 AND record_id = ?2"
                                               " ORDER BY id DESC LIMIT 1",
                                               error);
  g_auto(AnjuStmt) history = NULL;
  g_autofree char *state = NULL;
  g_autofree char *step_key = NULL;
  gint64 instance_id;
  int rc;

  if (instance == NULL)
    return FALSE;
  anju_db_bind_text (instance, 1, ANJU_REVIEW_DOMAIN);
  sqlite3_bind_int64 (instance, 2, app->id);
  rc = sqlite3_step (instance);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    {
      anju_db_set_error (db, error);
      return FALSE;
    }
  instance_id = sqlite3_column_int64 (instance, 0);
  state = anju_db_column_dup (instance, 1);
  step_key = anju_db_column_dup (instance, 2);

  history = anju_db_prepare (db,
                             "SELECT h.action, h.step_key, h.at, h.comment, h.actor_id, u.name,"
                             " o.name FROM workflow_history h"
                             " LEFT JOIN users u ON u.id = h.actor_id"
                             " LEFT JOIN organisations o ON o.id = u.org_id"
                             " WHERE h.instance_id = ?1"
                             " AND h.action IN ('approve', 'reject', 'skip', 'return')"
                             " ORDER BY h.id",
                             error);
  if (history == NULL)
    return FALSE;
  sqlite3_bind_int64 (history, 1, instance_id);
  while ((rc = sqlite3_step (history)) == SQLITE_ROW)
    {
      const char *action = (const char *) sqlite3_column_text (history, 0);
      Node *node = node_for_step (nodes, (const char *) sqlite3_column_text (history, 1));

      if (node == NULL)
        continue;
      node->at = sqlite3_column_int64 (history, 2);
      node->state = g_str_equal (action, "skip") ? "skipped"
                    : g_str_equal (action, "reject") ? "failed"
                    : g_str_equal (action, "return") ? "current" : "done";
      if (g_str_equal (action, "skip"))
        continue;
      set_owner (node, history, 4);
      node->opinion = anju_db_column_dup (history, 3);
    }
  if (rc != SQLITE_DONE)
    {
      anju_db_set_error (db, error);
      return FALSE;
    }
  if (g_strv_contains ((const char * const[]) { "running", "returned", "paused", NULL }, state))
    {
      Node *current = node_for_step (nodes, step_key);

      if (current != NULL)
        current->state = "current";
    }
  return TRUE;
}

/* The announcement's row: current while open, done once passed. */
static gboolean
fill_announcement (AnjuDb              *db,
                   const AnjuReviewApp *app,
                   Node                *nodes,
                   GError             **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "SELECT start_at, closed_at, passed"
                                           " FROM pubrent_publicity"
                                           " WHERE application_id = ?1 AND kind = 'announcement'"
                                           " ORDER BY id DESC LIMIT 1",
                                           error);
  Node *node = &nodes[ANNOUNCEMENT];
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, app->id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      gboolean closed = sqlite3_column_type (stmt, 1) != SQLITE_NULL;

      node->at = closed ? sqlite3_column_int64 (stmt, 1) : sqlite3_column_int64 (stmt, 0);
      node->state = !closed ? "current" : sqlite3_column_int (stmt, 2) ? "done" : "failed";
    }
  else if (rc != SQLITE_DONE)
    {
      anju_db_set_error (db, error);
      return FALSE;
    }
  if (g_str_equal (app->status, "confirmed"))
    {
      nodes[CONFIRMED].state = "done";
      nodes[CONFIRMED].at = app->confirmed_at;
    }
  return TRUE;
}

static void
add_node (JsonBuilder *builder,
          guint        index,
          const Node  *node,
          gboolean     with_people)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "key");
  json_builder_add_string_value (builder, node_names[index].key);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, _(node_names[index].name));
  json_builder_set_member_name (builder, "state");
  json_builder_add_string_value (builder, node->state);
  json_builder_set_member_name (builder, "at");
  if (node->at != 0)
    {
      g_autofree char *at = anju_time_format_iso8601 (node->at);

      json_builder_add_string_value (builder, at);
    }
  else
    json_builder_add_null_value (builder);
  if (with_people)
    {
      json_builder_set_member_name (builder, "owner");
      if (node->owner_id != 0)
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_int_value (builder, node->owner_id);
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, node->owner_name);
          json_builder_set_member_name (builder, "org");
          json_builder_add_string_value (builder, node->owner_org);
          json_builder_end_object (builder);
        }
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "opinion");
      if (node->opinion != NULL)
        json_builder_add_string_value (builder, node->opinion);
      else
        json_builder_add_null_value (builder);
    }
  json_builder_end_object (builder);
}

/* Every node from the application's rows; nodes are cleared by the
 * caller. */
static gboolean
fill_nodes (AnjuDb              *db,
            const AnjuReviewApp *app,
            Node                *nodes,
            GError             **error)
{
  for (guint i = 0; i < N_NODES; i++)
    nodes[i].state = "pending";
  if (!fill_submitted (db, app, &nodes[SUBMITTED], error))
    return FALSE;
  fill_prereview (app, &nodes[PREREVIEW]);
  return fill_steps (db, app, nodes, error) && fill_announcement (db, app, nodes, error);
}

JsonNode *
_anju_review_timeline (AnjuDb              *db,
                       const AnjuReviewApp *app,
                       gboolean             with_people,
                       GError             **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  Node nodes[N_NODES] = { { 0 } };
  gboolean ok = fill_nodes (db, app, nodes, error);

  if (ok)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "nodes");
      json_builder_begin_array (builder);
      for (guint i = 0; i < N_NODES; i++)
        add_node (builder, i, &nodes[i], with_people);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  for (guint i = 0; i < N_NODES; i++)
    node_clear (&nodes[i]);
  return ok ? json_builder_get_root (builder) : NULL;
}

/* add_node() as JSON text. */
static void
write_node (AnjuJsonText *text,
            guint         index,
            const Node   *node,
            gboolean      with_people)
{
  g_autofree char *at = node->at != 0 ? anju_time_format_iso8601 (node->at) : NULL;

  anju_json_text_begin_object (text);
  anju_json_text_member (text, "key");
  anju_json_text_string (text, node_names[index].key);
  anju_json_text_member (text, "name");
  anju_json_text_string (text, _(node_names[index].name));
  anju_json_text_member (text, "state");
  anju_json_text_string (text, node->state);
  anju_json_text_member (text, "at");
  anju_json_text_string (text, at);
  if (with_people)
    {
      anju_json_text_member (text, "owner");
      if (node->owner_id != 0)
        {
          anju_json_text_begin_object (text);
          anju_json_text_member (text, "id");
          anju_json_text_int (text, node->owner_id);
          anju_json_text_member (text, "name");
          anju_json_text_string (text, node->owner_name);
          anju_json_text_member (text, "org");
          anju_json_text_string (text, node->owner_org);
          anju_json_text_end_object (text);
        }
      else
        anju_json_text_null (text);
      anju_json_text_member (text, "opinion");
      anju_json_text_string (text, node->opinion);
    }
  anju_json_text_end_object (text);
}

gboolean
_anju_review_timeline_write (AnjuDb              *db,
                             const AnjuReviewApp *app,
                             gboolean             with_people,
                             GString             *out,
                             GError             **error)
{
  g_autoptr(AnjuJsonText) text = anju_json_text_new (out);
  Node nodes[N_NODES] = { { 0 } };
  gboolean ok = fill_nodes (db, app, nodes, error);

  if (ok)
    {
      anju_json_text_begin_object (text);
      anju_json_text_member (text, "nodes");
      anju_json_text_begin_array (text);
      for (guint i = 0; i < N_NODES; i++)
        write_node (text, i, &nodes[i], with_people);
      anju_json_text_end_array (text);
      anju_json_text_end_object (text);
    }
  for (guint i = 0; i < N_NODES; i++)
    node_clear (&nodes[i]);
  return ok;
}
