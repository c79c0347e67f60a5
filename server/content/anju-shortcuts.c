/* anju-shortcuts.c: the signed-in user's workbench shortcuts.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-caller.h"
#include "anju-content-write.h"
#include "anju-desktop-pages.h"
#include "anju-shortcuts.h"
#include "anju-stmt.h"
#include "anju-validation.h"

/* {"pages": [...]} of user id, in order. */
static JsonNode *
shortcuts_json (AnjuDb  *db,
                gint64   id,
                GError **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_auto(AnjuStmt) stmt = NULL;
  int rc;

  stmt = anju_db_prepare (db, "SELECT page FROM user_shortcuts WHERE user_id = ?1"
                              " ORDER BY position", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "pages");
  json_builder_begin_array (builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      anju_db_set_error (db, error);
      return NULL;
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static const AnjuContentKind shortcuts_kind = { "shortcuts", shortcuts_json };

gboolean
anju_shortcuts_store_set (AnjuDb             *db,
                          gint64              user_id,
                          const char * const *pages,
                          GError            **error)
{
  if (!anju_db_exec_with_id (db, "DELETE FROM user_shortcuts WHERE user_id = ?1", user_id, error))
    return FALSE;

  for (guint i = 0; pages[i] != NULL; i++)
    {
      g_auto(AnjuStmt) stmt = anju_db_prepare (db, "INSERT INTO user_shortcuts (user_id, position,"
                                                   " page) VALUES (?1, ?2, ?3)", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, user_id);
      sqlite3_bind_int (stmt, 2, (int) i);
      anju_db_bind_text (stmt, 3, pages[i]);
      if (!anju_db_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static void
handle_get (AnjuRequest *request)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node;

  node = shortcuts_json (anju_request_get_db (request),
                         anju_request_get_caller (request)->user_id, &error);
  if (node == NULL)
    anju_request_reply_error (request, error);
  else
    anju_request_reply_json (request, SOUP_STATUS_OK, node);
}

static const AnjuFieldSpec put_body[] = {
  { "pages", ANJU_FIELD_STRING_ARRAY, ANJU_FIELD_REQUIRED, NULL, 64,
    "Desktop page names in order, at most 12: home, todo, messages, news, notices, guides, "
    "feedback, workflow-templates, workflow-instances, message-settings, organisations, "
    "users, roles, audit, account" },
  { NULL }
};

/* The first problem with the list, or NULL when there is none. */
static char *
check_pages (const char * const *pages)
{
  guint n = g_strv_length ((char **) pages);

  if (n > ANJU_SHORTCUTS_MAX)
    return g_strdup_printf (_("At most %u shortcuts are allowed"), ANJU_SHORTCUTS_MAX);
  for (guint i = 0; i < n; i++)
    {
      if (!anju_desktop_page_is_known (pages[i]))
        /* Translators: %s is what the client sent as a page name */
        return g_strdup_printf (_("There is no page called “%s”"), pages[i]);
      for (guint j = 0; j < i; j++)
        if (g_str_equal (pages[i], pages[j]))
          /* Translators: %s is a page name */
          return g_strdup_printf (_("“%s” is listed twice"), pages[i]);
    }
  return NULL;
}

static gboolean
write_pages (AnjuRequest *request,
             gpointer     data,
             gint64      *inout_id,
             GError     **error)
{
  return anju_shortcuts_store_set (anju_request_get_db (request), *inout_id, data, error);
}

static void
handle_put (AnjuRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) pages = NULL;
  g_autofree char *problem = NULL;
  JsonObject *body;
  JsonArray *array;

  body = anju_request_parse_body (request, put_body, &error);
  if (body == NULL)
    {
      anju_request_reply_error (request, error);
      return;
    }
  array = json_object_get_array_member (body, "pages");
  for (guint i = 0; i < json_array_get_length (array); i++)
    g_strv_builder_add (builder, json_array_get_string_element (array, i));
  pages = g_strv_builder_end (builder);

  problem = check_pages ((const char * const *) pages);
  if (problem != NULL)
    anju_reply_field_error (request, "pages", problem);
  else
    anju_content_run_write (request, &shortcuts_kind, "shortcuts.update",
                            anju_request_get_caller (request)->user_id, write_pages, pages,
                            SOUP_STATUS_OK);
}

static const AnjuRoute shortcut_routes[] = {
  { "GET", "/api/v1/me/shortcuts", NULL, ANJU_ROUTE_DEFAULT, handle_get,
    "The caller's workbench shortcuts (desktop page names), in order", NULL, "workbench" },
  { "PUT", "/api/v1/me/shortcuts", NULL, ANJU_ROUTE_DEFAULT, handle_put,
    "Replace the caller's workbench shortcuts", put_body, "workbench" },
};

const AnjuRoute *
anju_shortcuts_get_routes (guint *n_routes)
{
  *n_routes = G_N_ELEMENTS (shortcut_routes);
  return shortcut_routes;
}
