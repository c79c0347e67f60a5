/* anju-terminal-layout-api.c: GET and PUT /terminals/{id}/layout
 * (F-TERM-002), and who may read a layout's banner.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-caller.h"
#include "anju-file-access.h"
#include "anju-json-body.h"
#include "anju-stmt.h"
#include "anju-terminal-layout.h"
#include "anju-terminals-private.h"
#include "anju-transaction.h"
#include "anju-validation.h"

#define MAX_TITLE_LENGTH 100

typedef struct
{
  char      *title;
  JsonArray *modules;         /* [{"key","enabled"}] */
  gint64     banner_file_id;  /* 0: none */
  char      *theme;
} LayoutInput;

static void
layout_input_clear (LayoutInput *input)
{
  g_clear_pointer (&input->title, g_free);
  g_clear_pointer (&input->modules, json_array_unref);
  g_clear_pointer (&input->theme, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LayoutInput, layout_input_clear)

static void
handle_get (AnjuRequest *request)
{
  g_auto(AnjuTerminalRef) terminal = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  gint64 id;

  if (!anju_request_get_path_id (request, "id", &id)
      || !_anju_terminals_load_for_action (request, id, &terminal))
    return;
  node = anju_terminal_layout_to_json (anju_request_get_db (request), id, &error);
  if (node == NULL)
    anju_request_reply_error (request, error);
  else
    anju_request_reply_json (request, SOUP_STATUS_OK, g_steal_pointer (&node));
}

static void
read_title (AnjuRequest *request,
            JsonObject  *body,
            LayoutInput *input)
{
  JsonNode *node = json_object_get_member (body, "title");

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      anju_request_add_field_error (request, "title", _("Enter the home screen's title"));
      return;
    }
  input->title = anju_body_dup_trimmed (body, "title");
  if (anju_check_not_blank (request, "title", input->title)
      && g_utf8_strlen (input->title, -1) > MAX_TITLE_LENGTH)
    {
      g_autofree char *why = g_strdup_printf (_("Must be at most %u characters"),
                                              MAX_TITLE_LENGTH);

      anju_request_add_field_error (request, "title", why);
    }
}

static gboolean
is_module_key (const char *key)
{
  for (guint i = 0; anju_terminal_layout_modules[i].key != NULL; i++)
    {
      if (g_strcmp0 (anju_terminal_layout_modules[i].key, key) == 0)
        return TRUE;
    }
  return FALSE;
}

static guint
count_modules (void)
{
  guint n = 0;

  while (anju_terminal_layout_modules[n].key != NULL)
    n++;
  return n;
}

/* One {"key","enabled"} of a known key not seen before, copied to out. */
static gboolean
read_module (JsonNode    *node,
             GHashTable  *seen,
             JsonArray   *out)
{
  JsonObject *module;
  JsonNode *key;
  JsonNode *enabled;
  JsonObject *copy;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;
  module = json_node_get_object (node);
  key = json_object_get_member (module, "key");
  enabled = json_object_get_member (module, "enabled");
  if (key == NULL || json_node_get_value_type (key) != G_TYPE_STRING
      || enabled == NULL || json_node_get_value_type (enabled) != G_TYPE_BOOLEAN
      || json_object_get_size (module) != 2 || !is_module_key (json_node_get_string (key))
      || g_hash_table_contains (seen, json_node_get_string (key)))
    return FALSE;
  g_hash_table_add (seen, (gpointer) json_node_get_string (key));
  copy = json_object_new ();
  json_object_set_string_member (copy, "key", json_node_get_string (key));
  json_object_set_boolean_member (copy, "enabled", json_node_get_boolean (enabled));
  json_array_add_object_element (out, copy);
  return TRUE;
}

static void
read_modules (AnjuRequest *request,
              JsonObject  *body,
              LayoutInput *input)
{
  JsonNode *node = json_object_get_member (body, "modules");
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(JsonArray) modules = json_array_new ();
  JsonArray *given;
  gboolean ok;

  ok = node != NULL && JSON_NODE_HOLDS_ARRAY (node);
  given = ok ? json_node_get_array (node) : NULL;
  for (guint i = 0; ok && i < json_array_get_length (given); i++)
    ok = read_module (json_array_get_element (given, i), seen, modules);
  if (!ok || g_hash_table_size (seen) != count_modules ())
    {
      anju_request_add_field_error (request, "modules",
                                    _("List each of the seven modules once, as "
                                      "{\"key\", \"enabled\"}: publicity, policy, guides, "
                                      "apply, progress, print, honor_roll"));
      return;
    }
  input->modules = g_steal_pointer (&modules);
}

static void
read_theme (AnjuRequest *request,
            JsonObject  *body,
            LayoutInput *input)
{
  static const char * const themes[] = { "standard", "high_contrast", NULL };
  JsonNode *node = json_object_get_member (body, "theme");

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    input->theme = g_strdup ("standard");
  else if (json_node_get_value_type (node) == G_TYPE_STRING
           && g_strv_contains (themes, json_node_get_string (node)))
    input->theme = g_strdup (json_node_get_string (node));
  else
    anju_request_add_field_error (request, "theme",
                                  _("Must be “standard” or “high_contrast”"));
}

/* A PNG or JPEG the caller uploaded, or the banner already saved (which a
 * colleague may have uploaded). */
static gboolean
check_banner (AnjuRequest  *request,
              gint64        terminal_id,
              gint64        file_id,
              GError      **error)
{
  AnjuDb *db = anju_request_get_db (request);
  g_auto(AnjuFileInfo) file = { 0, };
  g_autoptr(GError) local_error = NULL;
  gint64 saved = 0;

  if (!anju_terminal_layout_get_banner (db, terminal_id, &saved, error))
    return FALSE;
  if (file_id == saved)
    return TRUE;
  if (!anju_file_store_load (db, file_id, &file, &local_error))
    {
      if (!g_error_matches (local_error, ANJU_ERROR, ANJU_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  if (file.id == 0 || file.uploaded_by != anju_request_get_caller (request)->user_id)
    anju_request_add_field_error (request, "banner_file_id",
                                  _("Upload the banner image first"));
  else if (!g_str_equal (file.content_type, "image/png")
           && !g_str_equal (file.content_type, "image/jpeg"))
    anju_request_add_field_error (request, "banner_file_id",
                                  _("The banner must be a PNG or JPEG image"));
  return TRUE;
}

static gboolean
read_banner (AnjuRequest  *request,
             JsonObject   *body,
             gint64        terminal_id,
             LayoutInput  *input,
             GError      **error)
{
  JsonNode *node = json_object_get_member (body, "banner_file_id");

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (json_node_get_value_type (node) != G_TYPE_INT64 || json_node_get_int (node) <= 0)
    {
      anju_request_add_field_error (request, "banner_file_id",
                                    _("Must be the id of an uploaded file, or null"));
      return TRUE;
    }
  input->banner_file_id = json_node_get_int (node);
  return check_banner (request, terminal_id, input->banner_file_id, error);
}

static gboolean
read_layout (AnjuRequest  *request,
             JsonObject   *body,
             gint64        terminal_id,
             LayoutInput  *input,
             GError      **error)
{
  static const char * const members[] = { "title", "modules", "banner_file_id", "theme", NULL };

  anju_json_body_check_members (request, body, NULL, members);
  read_title (request, body, input);
  read_modules (request, body, input);
  read_theme (request, body, input);
  return read_banner (request, body, terminal_id, input, error);
}

static gboolean
write_layout (AnjuRequest        *request,
              gint64              terminal_id,
              const LayoutInput  *input,
              JsonNode          **out_after,
              GError            **error)
{
  AnjuDb *db = anju_request_get_db (request);
  g_autoptr(JsonNode) before = NULL;

  if (!anju_db_begin (db, error))
    return FALSE;
  return anju_transaction_end (
    db,
    (before = anju_terminal_layout_to_json (db, terminal_id, error)) != NULL
    && anju_terminal_layout_save (db, terminal_id, input->title, input->modules,
                                  input->banner_file_id, input->theme,
                                  anju_request_get_caller (request)->user_id,
                                  _anju_terminals_now (request), error)
    && (*out_after = anju_terminal_layout_to_json (db, terminal_id, error)) != NULL
    && _anju_terminals_record (request, terminal_id, "layout.update", before, *out_after,
                               error),
    error);
}

static void
handle_put (AnjuRequest *request)
{
  g_auto(AnjuTerminalRef) terminal = { 0, };
  g_auto(LayoutInput) input = { 0, };
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) after = NULL;
  gint64 id;

  if (!anju_request_get_path_id (request, "id", &id)
      || !_anju_terminals_load_for_action (request, id, &terminal))
    return;
  body = anju_json_body_read (request);
  if (body == NULL)
    return;
  if (!read_layout (request, body, id, &input, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  if (anju_request_has_field_errors (request))
    {
      anju_reply_validation_failed (request);
      return;
    }
  if (!write_layout (request, id, &input, &after, &error))
    anju_request_reply_error (request, error);
  else
    anju_request_reply_json (request, SOUP_STATUS_OK, g_steal_pointer (&after));
}

/* ---- the banner's readers ---- */

/* The kiosk whose layout shows the file, and whoever keeps terminals. */
static gboolean
banner_reader (AnjuDb            *db,
               const AnjuCaller  *caller,
               gint64             file_id,
               gboolean          *out_may_read,
               gpointer           user_data,
               GError           **error)
{
  g_auto(AnjuStmt) stmt = NULL;
  gint64 found = 0;

  if (caller->terminal_id == 0
      && !anju_caller_has_permission (caller, ANJU_TERMINALS_PERM_MANAGE))
    return TRUE;
  stmt = anju_db_prepare (db,
                          "SELECT terminal_id FROM terminal_layouts WHERE banner_file_id = ?1"
                          " AND (?2 = 0 OR terminal_id = ?2) LIMIT 1",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, file_id);
  sqlite3_bind_int64 (stmt, 2, caller->terminal_id);
  if (!anju_db_step_id (db, stmt, &found, error))
    return FALSE;
  if (found != 0)
    *out_may_read = TRUE;
  return TRUE;
}

void
_anju_terminals_add_banner_reader (AnjuServer *server)
{
  anju_file_access_add_reader (anju_file_access_get (server), banner_reader, NULL, NULL);
}

/* For openapi.json only: the handler reads the body itself, since
 * "modules" is a list of objects, which AnjuFieldSpec cannot say. */
static const AnjuFieldSpec layout_body[] = {
  { "title", ANJU_FIELD_STRING, ANJU_FIELD_REQUIRED, NULL, MAX_TITLE_LENGTH,
    "The home screen's heading" },
  { "modules", ANJU_FIELD_OBJECT, ANJU_FIELD_REQUIRED, NULL, 0,
    "Array of the seven {\"key\",\"enabled\"} in display order" },
  { "banner_file_id", ANJU_FIELD_INT, ANJU_FIELD_NULLABLE, NULL, 0,
    "A PNG or JPEG the caller uploaded, or null" },
  { "theme", ANJU_FIELD_STRING, ANJU_FIELD_OPTIONAL, NULL, 0, "standard or high_contrast" },
  { NULL }
};

static const AnjuRoute layout_routes[] = {
  { "GET", "/api/v1/terminals/{id}/layout", ANJU_TERMINALS_PERM_MANAGE, ANJU_ROUTE_DEFAULT,
    handle_get, "The terminal's home screen layout (the default one when none is saved)", NULL,
    "terminals" },
  { "PUT", "/api/v1/terminals/{id}/layout", ANJU_TERMINALS_PERM_MANAGE, ANJU_ROUTE_DEFAULT,
    handle_put, "Save the terminal's home screen layout", layout_body, "terminals" },
};

const AnjuRoute *
_anju_terminals_layout_routes (guint *n_routes)
{
  *n_routes = G_N_ELEMENTS (layout_routes);
  return layout_routes;
}
