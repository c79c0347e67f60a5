/* anju-files.c: POST /files, GET /files/{id} and its content.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anju-audit.h"
#include "anju-caller.h"
#include "anju-clock.h"
#include "anju-config.h"
#include "anju-file-access.h"
#include "anju-file-store.h"
#include "anju-files.h"
#include "anju-transaction.h"
#include "anju-validation.h"

/* RFC 5987 attr-char beyond the unreserved characters, which
 * g_uri_escape_string() always leaves alone. */
#define ATTR_CHAR_EXTRA "!#$&+^`|"

/* The declared type without parameters, lower-cased; NULL when none. */
static char *
declared_type (AnjuRequest *request)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (
    anju_request_get_message (request));
  const char *type = soup_message_headers_get_content_type (headers, NULL);

  return type != NULL ? g_ascii_strdown (type, -1) : NULL;
}

/* Adds a field error for member when check failed; a too large file is
 * not a field's problem but the request's, and is kept in *too_large. */
static void
note_problem (AnjuRequest *request,
              const char  *member,
              GError      *error,
              GError     **too_large)
{
  if (error == NULL)
    return;
  if (g_error_matches (error, ANJU_ERROR, ANJU_ERROR_TOO_LARGE))
    g_propagate_error (too_large, g_error_copy (error));
  else
    anju_request_add_field_error (request, member, error->message);
}

/* Every problem with the upload at once; replies and returns FALSE when
 * there is one. */
static gboolean
check_upload (AnjuRequest          *request,
              const AnjuFileUpload *upload)
{
  gsize max_bytes = anju_request_get_config (request)->max_upload_bytes;
  g_autoptr(GError) name_error = NULL;
  g_autoptr(GError) size_error = NULL;
  g_autoptr(GError) type_error = NULL;
  g_autoptr(GError) too_large = NULL;

  anju_file_check_name (upload->name, &name_error);
  if (anju_file_check_size (g_bytes_get_size (upload->data), max_bytes, &size_error))
    anju_file_check_type (upload->content_type, upload->data, &type_error);

  note_problem (request, "name", name_error, &too_large);
  note_problem (request, "file", size_error, &too_large);
  note_problem (request, "content_type", type_error, &too_large);
  if (too_large != NULL)
    anju_request_reply_error (request, too_large);
  else if (anju_request_has_field_errors (request))
    anju_reply_validation_failed (request);
  else
    return TRUE;
  return FALSE;
}

static void
handle_upload (AnjuRequest *request)
{
  AnjuDb *db = anju_request_get_db (request);
  SoupServerMessage *msg = anju_request_get_message (request);
  g_autoptr(GBytes) data = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  g_autofree char *type = declared_type (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) after = NULL;
  AnjuFileUpload upload = {
    .name = anju_request_get_query (request, "name"),
    .content_type = type,
    .data = data,
    .uploaded_by = anju_request_get_caller (request)->user_id,
  };
  gint64 id = 0;
  gboolean ok;

  if (!check_upload (request, &upload) || !anju_db_begin (db, &error))
    {
      if (error != NULL)
        anju_request_reply_error (request, error);
      return;
    }
  ok = (id = anju_file_store_add (db, &upload, anju_request_get_config (request)->max_upload_bytes,
                                  anju_clock_now_secs (anju_request_get_clock (request)),
                                  &error)) != 0
       && (after = anju_file_store_to_json (db, id, &error)) != NULL
       && anju_audit_record (request, NULL, "file.upload", "file", id, NULL, after, &error);
  if (!anju_transaction_end (db, ok, &error))
    anju_request_reply_error (request, error);
  else
    anju_request_reply_json (request, SOUP_STATUS_CREATED, g_steal_pointer (&after));
}

/* Loads the file of the path's {id} if the caller may read it; replies
 * (404 when not) and returns FALSE otherwise. */
static gboolean
load_readable (AnjuRequest  *request,
               AnjuFileInfo *out_info)
{
  AnjuFileAccess *access = anju_file_access_get (anju_request_get_server (request));
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!anju_request_get_path_id (request, "id", &id))
    return FALSE;
  if (!anju_file_access_load (access, anju_request_get_db (request),
                              anju_request_get_caller (request), id, out_info, &error))
    {
      anju_request_reply_error (request, error);
      return FALSE;
    }
  return TRUE;
}

static void
handle_get (AnjuRequest *request)
{
  g_auto(AnjuFileInfo) info = { 0, };
  g_autoptr(GError) error = NULL;
  JsonNode *node;

  if (!load_readable (request, &info))
    return;
  node = anju_file_store_to_json (anju_request_get_db (request), info.id, &error);
  if (node == NULL)
    anju_request_reply_error (request, error);
  else
    anju_request_reply_json (request, SOUP_STATUS_OK, node);
}

static void
handle_content (AnjuRequest *request)
{
  g_auto(AnjuFileInfo) info = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *disposition = NULL;
  SoupMessageHeaders *headers;

  if (!load_readable (request, &info))
    return;
  data = anju_file_store_read (anju_request_get_db (request), info.id, &error);
  if (data == NULL)
    {
      anju_request_reply_error (request, error);
      return;
    }

  /* RFC 6266 with the RFC 5987 encoding, so Chinese names survive. */
  escaped = g_uri_escape_string (info.name, ATTR_CHAR_EXTRA, FALSE);
  disposition = g_strconcat ("attachment; filename*=UTF-8''", escaped, NULL);
  headers = soup_server_message_get_response_headers (anju_request_get_message (request));
  soup_message_headers_replace (headers, "Content-Disposition", disposition);
  soup_message_headers_replace (headers, "X-Content-SHA256", info.sha256);
  anju_request_reply_text (request, SOUP_STATUS_OK, info.content_type, data);
}

static const AnjuRoute file_routes[] = {
  { "POST", "/api/v1/files", NULL, ANJU_ROUTE_UPLOAD, handle_upload,
    "Upload a file: the raw bytes, ?name= its name, Content-Type its type", NULL, "files" },
  { "GET", "/api/v1/files/{id}", NULL, ANJU_ROUTE_DEFAULT, handle_get,
    "A file's metadata (its uploader, or a reader of a record it is attached to)", NULL,
    "files" },
  { "GET", "/api/v1/files/{id}/content", NULL, ANJU_ROUTE_DEFAULT, handle_content,
    "A file's bytes, with Content-Disposition and X-Content-SHA256", NULL, "files" },
};

const AnjuRoute *
anju_files_get_routes (guint *n_routes)
{
  *n_routes = G_N_ELEMENTS (file_routes);
  return file_routes;
}
