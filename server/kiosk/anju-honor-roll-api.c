/* anju-honor-roll-api.c: the honor roll (光荣榜, F-TERM-014): center
 * staff keep it (terminal.device.manage), the terminals show the first
 * five of each category with their photos.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-caller.h"
#include "anju-clock.h"
#include "anju-content-write.h"
#include "anju-file-access.h"
#include "anju-file-type.h"
#include "anju-honor-roll-store.h"
#include "anju-kiosk-private.h"
#include "anju-stmt.h"
#include "anju-validation.h"

#define KIOSK_TOP   5
#define RANK_MAX    999
#define ENTRY_NAME_MAX    100
#define RATING_MAX  20
#define TEXT_MAX    1000

static JsonNode *
entry_json (AnjuDb  *db,
            gint64   id,
            GError **error)
{
  return anju_honor_store_to_json (db, id, error);
}

static const AnjuContentKind honor_kind = { "terminal.honor", entry_json };

/* ---- staff reads ------------------------------------------------------- */

static gboolean
check_category (AnjuRequest *request,
                const char  *category)
{
  if (category == NULL || g_strv_contains (anju_honor_categories, category))
    return TRUE;
  anju_reply_field_error (request, "category", _("Must be one of: enterprise, supplier, staff"));
  return FALSE;
}

static void
reply_items (AnjuRequest *request,
             JsonNode    *items)
{
  JsonObject *answer = json_object_new ();

  json_object_set_member (answer, "items", items);
  anju_request_reply_json (request, SOUP_STATUS_OK,
                           json_node_init_object (json_node_alloc (), answer));
  json_object_unref (answer);
}

static void
handle_list (AnjuRequest *request)
{
  const char *category = anju_request_get_query (request, "category");
  g_autoptr(GError) error = NULL;
  JsonNode *items;

  if (!check_category (request, category))
    return;
  items = anju_honor_store_list (anju_request_get_db (request), category, 0, &error);
  if (items == NULL)
    anju_request_reply_error (request, error);
  else
    reply_items (request, items);
}

/* ---- staff writes ------------------------------------------------------ */

static const AnjuFieldSpec create_body[] = {
  { "category", ANJU_FIELD_STRING, ANJU_FIELD_REQUIRED, anju_honor_categories, 0,
    "enterprise, supplier or staff" },
  { "name", ANJU_FIELD_STRING, ANJU_FIELD_REQUIRED, NULL, ENTRY_NAME_MAX, "Who is honoured" },
  { "rank", ANJU_FIELD_INT, ANJU_FIELD_REQUIRED, NULL, 0, "1 … 999 within the category" },
  { "subtitle", ANJU_FIELD_STRING, ANJU_FIELD_NULLABLE, NULL, ENTRY_NAME_MAX,
    "Service field, product type or post" },
  { "community", ANJU_FIELD_STRING, ANJU_FIELD_NULLABLE, NULL, ENTRY_NAME_MAX,
    "Staff: the estate served" },
  { "rating", ANJU_FIELD_STRING, ANJU_FIELD_NULLABLE, NULL, RATING_MAX, "\"AAA\", \"4.9分\"" },
  { "description", ANJU_FIELD_STRING, ANJU_FIELD_NULLABLE, NULL, TEXT_MAX, "Why" },
  { "photo_file_id", ANJU_FIELD_INT, ANJU_FIELD_NULLABLE, NULL, 0,
    "A PNG or JPEG the caller uploaded (POST /files); null for none" },
  { NULL }
};

static const AnjuFieldSpec update_body[] = {
  { "category", ANJU_FIELD_STRING, ANJU_FIELD_OPTIONAL, anju_honor_categories, 0,
    "enterprise, supplier or staff" },
  { "name", ANJU_FIELD_STRING, ANJU_FIELD_OPTIONAL, NULL, ENTRY_NAME_MAX, "Who is honoured" },
  { "rank", ANJU_FIELD_INT, ANJU_FIELD_OPTIONAL, NULL, 0, "1 … 999 within the category" },
  { "subtitle", ANJU_FIELD_STRING, ANJU_FIELD_NULLABLE, NULL, ENTRY_NAME_MAX,
    "Service field, product type or post" },
  { "community", ANJU_FIELD_STRING, ANJU_FIELD_NULLABLE, NULL, ENTRY_NAME_MAX,
    "Staff: the estate served" },
  { "rating", ANJU_FIELD_STRING, ANJU_FIELD_NULLABLE, NULL, RATING_MAX, "\"AAA\", \"4.9分\"" },
  { "description", ANJU_FIELD_STRING, ANJU_FIELD_NULLABLE, NULL, TEXT_MAX, "Why" },
  { "photo_file_id", ANJU_FIELD_INT, ANJU_FIELD_NULLABLE, NULL, 0,
    "A PNG or JPEG the caller uploaded, or the one it has; null removes it" },
  { NULL }
};

/* A text member the body has replaces the slot: required ones must not
 * be blank, optional blank ones are cleared. */
static void
read_text (AnjuRequest *request,
           JsonObject  *body,
           const char  *member,
           gboolean     required,
           char       **slot)
{
  g_autofree char *value = NULL;

  if (!json_object_has_member (body, member))
    return;
  value = anju_body_dup_trimmed (body, member);
  if (required)
    anju_check_not_blank (request, member, value);
  else if (value != NULL && *value == '\0')
    g_clear_pointer (&value, g_free);
  g_free (*slot);
  *slot = g_steal_pointer (&value);
}

/* The photo must be a PNG or JPEG the caller uploaded, unless the entry
 * has it already. */
static void
read_photo (AnjuRequest    *request,
            JsonObject     *body,
            AnjuHonorEntry *entry)
{
  g_auto(AnjuFileInfo) info = { 0, };
  JsonNode *node = json_object_get_member (body, "photo_file_id");
  gint64 id;

  if (node == NULL)
    return;
  id = JSON_NODE_HOLDS_NULL (node) ? 0 : json_node_get_int (node);
  if (id == 0 || id == entry->photo_file_id)
    {
      entry->photo_file_id = id;
      return;
    }
  if (!anju_file_store_load (anju_request_get_db (request), id, &info, NULL)
      || info.uploaded_by != anju_request_get_caller (request)->user_id)
    anju_request_add_field_error (request, "photo_file_id",
                                  _("No such file among the caller’s uploads"));
  else if (g_strcmp0 (info.content_type, ANJU_FILE_TYPE_PNG) != 0
           && g_strcmp0 (info.content_type, ANJU_FILE_TYPE_JPEG) != 0)
    anju_request_add_field_error (request, "photo_file_id", _("The photo must be a PNG or JPEG"));
  entry->photo_file_id = id;
}

/* Replies 422 and returns FALSE when a member is not acceptable. */
static gboolean
read_entry (AnjuRequest    *request,
            JsonObject     *body,
            AnjuHonorEntry *entry)
{
  read_text (request, body, "category", TRUE, &entry->category);
  read_text (request, body, "name", TRUE, &entry->name);
  read_text (request, body, "subtitle", FALSE, &entry->subtitle);
  read_text (request, body, "community", FALSE, &entry->community);
  read_text (request, body, "rating", FALSE, &entry->rating);
  read_text (request, body, "description", FALSE, &entry->description);
  if (json_object_has_member (body, "rank"))
    {
      entry->rank = json_object_get_int_member (body, "rank");
      if (entry->rank < 1 || entry->rank > RANK_MAX)
        anju_request_add_field_error (request, "rank", _("Must be a whole number from 1 to 999"));
    }
  read_photo (request, body, entry);
  if (!anju_request_has_field_errors (request))
    return TRUE;
  anju_reply_validation_failed (request);
  return FALSE;
}

static gint64
request_now (AnjuRequest *request)
{
  return anju_clock_now_secs (anju_request_get_clock (request));
}

static gboolean
write_create (AnjuRequest *request,
              gpointer     data,
              gint64      *inout_id,
              GError     **error)
{
  *inout_id = anju_honor_store_insert (anju_request_get_db (request), data,
                                       request_now (request), error);
  return *inout_id != 0;
}

static void
handle_create (AnjuRequest *request)
{
  g_auto(AnjuHonorEntry) entry = { 0, };
  g_autoptr(GError) error = NULL;
  JsonObject *body = anju_request_parse_body (request, create_body, &error);

  if (body == NULL)
    anju_request_reply_error (request, error);
  else if (read_entry (request, body, &entry))
    anju_content_run_write (request, &honor_kind, "terminal.honor.create", 0, write_create,
                            &entry, SOUP_STATUS_CREATED);
}

/* The entry of the path's {id}; replies 404 and returns FALSE when none. */
static gboolean
load_entry (AnjuRequest    *request,
            gint64         *out_id,
            AnjuHonorEntry *entry)
{
  g_autoptr(GError) error = NULL;

  if (!anju_request_get_path_id (request, "id", out_id))
    return FALSE;
  if (anju_honor_store_load (anju_request_get_db (request), *out_id, entry, &error))
    return TRUE;
  anju_request_reply_error (request, error);
  return FALSE;
}

static gboolean
write_update (AnjuRequest *request,
              gpointer     data,
              gint64      *inout_id,
              GError     **error)
{
  return anju_honor_store_update (anju_request_get_db (request), *inout_id, data,
                                  request_now (request), error);
}

static void
handle_update (AnjuRequest *request)
{
  g_auto(AnjuHonorEntry) entry = { 0, };
  g_autoptr(GError) error = NULL;
  JsonObject *body;
  gint64 id;

  if (!load_entry (request, &id, &entry))
    return;
  body = anju_request_parse_body (request, update_body, &error);
  if (body == NULL)
    anju_request_reply_error (request, error);
  else if (read_entry (request, body, &entry))
    anju_content_run_write (request, &honor_kind, "terminal.honor.update", id, write_update,
                            &entry, SOUP_STATUS_OK);
}

static gboolean
write_delete (AnjuRequest *request,
              gpointer     data,
              gint64      *inout_id,
              GError     **error)
{
  return anju_honor_store_delete (anju_request_get_db (request), *inout_id, error);
}

static void
handle_delete (AnjuRequest *request)
{
  g_auto(AnjuHonorEntry) entry = { 0, };
  gint64 id;

  if (load_entry (request, &id, &entry))
    anju_content_run_write (request, &honor_kind, "terminal.honor.delete", id, write_delete,
                            NULL, SOUP_STATUS_NO_CONTENT);
}

/* ---- the terminals' view ------------------------------------------------- */

static void
handle_kiosk_roll (AnjuRequest *request)
{
  AnjuDb *db = anju_request_get_db (request);
  g_autoptr(GError) error = NULL;
  JsonObject *answer = json_object_new ();

  for (guint i = 0; anju_honor_categories[i] != NULL && error == NULL; i++)
    {
      JsonNode *top = anju_honor_store_list (db, anju_honor_categories[i], KIOSK_TOP, &error);

      if (top != NULL)
        json_object_set_member (answer, anju_honor_categories[i], top);
    }
  if (error != NULL)
    anju_request_reply_error (request, error);
  else
    anju_request_reply_json (request, SOUP_STATUS_OK,
                             json_node_init_object (json_node_alloc (), answer));
  json_object_unref (answer);
}

static void
handle_kiosk_photo (AnjuRequest *request)
{
  g_auto(AnjuHonorEntry) entry = { 0, };
  g_auto(AnjuFileInfo) info = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  AnjuDb *db = anju_request_get_db (request);
  gint64 id;

  if (!load_entry (request, &id, &entry))
    return;
  if (entry.photo_file_id == 0)
    g_set_error_literal (&error, ANJU_ERROR, ANJU_ERROR_NOT_FOUND,
                         _("This honor-roll entry has no photo"));
  else if (anju_file_store_load (db, entry.photo_file_id, &info, &error))
    bytes = anju_file_store_read (db, entry.photo_file_id, &error);

  if (bytes == NULL)
    anju_request_reply_error (request, error);
  else
    anju_request_reply_text (request, SOUP_STATUS_OK, info.content_type, bytes);
}

/* Whoever keeps the honor roll may read its photos. */
static gboolean
photo_reader (AnjuDb           *db,
              const AnjuCaller *caller,
              gint64            file_id,
              gboolean         *out_may_read,
              gpointer          user_data,
              GError          **error)
{
  g_auto(AnjuStmt) stmt = NULL;
  gint64 found = 0;

  if (!anju_caller_has_permission (caller, ANJU_PERM_DEVICE_MANAGE))
    return TRUE;
  stmt = anju_db_prepare (db, "SELECT id FROM honor_roll_entries WHERE photo_file_id = ?1"
                              " LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, file_id);
  if (!anju_db_step_id (db, stmt, &found, error))
    return FALSE;
  if (found != 0)
    *out_may_read = TRUE;
  return TRUE;
}

void
_anju_honor_roll_register_reader (AnjuServer *server)
{
  anju_file_access_add_reader (anju_file_access_get (server), photo_reader, NULL, NULL);
}

static const AnjuRoute routes[] = {
  { "GET", "/api/v1/honor-roll", ANJU_PERM_DEVICE_MANAGE, ANJU_ROUTE_DEFAULT, handle_list,
    "The honor roll by category and rank; filter category", NULL, "terminals" },
  { "POST", "/api/v1/honor-roll", ANJU_PERM_DEVICE_MANAGE, ANJU_ROUTE_DEFAULT, handle_create,
    "Add an honor-roll entry", create_body, "terminals" },
  { "PATCH", "/api/v1/honor-roll/{id}", ANJU_PERM_DEVICE_MANAGE, ANJU_ROUTE_DEFAULT,
    handle_update, "Change an honor-roll entry", update_body, "terminals" },
  { "DELETE", "/api/v1/honor-roll/{id}", ANJU_PERM_DEVICE_MANAGE, ANJU_ROUTE_DEFAULT,
    handle_delete, "Remove an honor-roll entry", NULL, "terminals" },
  { "GET", "/api/v1/kiosk/honor-roll", ANJU_PERM_KIOSK_OPERATE, ANJU_ROUTE_DEFAULT,
    handle_kiosk_roll, "The first five of each honor-roll category", NULL, "kiosk" },
  { "GET", "/api/v1/kiosk/honor-roll/{id}/photo", ANJU_PERM_KIOSK_OPERATE, ANJU_ROUTE_DEFAULT,
    handle_kiosk_photo, "An honor-roll entry's photo", NULL, "kiosk" },
};

const AnjuRoute *
_anju_honor_roll_routes (guint *n_routes)
{
  *n_routes = G_N_ELEMENTS (routes);
  return routes;
}
