/* anju-documents-api.c: /api/v1/pubrent/documents: the history of
 * generated documents, their PDFs, and generation.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-caller.h"
#include "anju-clock.h"
#include "anju-document-data.h"
#include "anju-document-json.h"
#include "anju-documents-private.h"
#include "anju-file-store.h"
#include "anju-server.h"
#include "anju-sql-pattern.h"
#include "anju-stmt.h"
#include "anju-time.h"
#include "anju-transaction.h"
#include "anju-validation.h"
#include "anju-workflow.h"

/* A list document with more households would not be read by anyone. */
#define MAX_APPLICATIONS 500

/* ---- reads ------------------------------------------------------------- */

typedef struct
{
  const AnjuCaller *caller;
  const char       *kind;
  char             *pattern;  /* (owned) (nullable) */
  gint64            from;     /* 0: open */
  gint64            to;       /* 0: open */
} DocumentFilters;

static void
bind_filters (sqlite3_stmt  *stmt,
              gconstpointer  bind_data)
{
  const DocumentFilters *filters = bind_data;

  anju_db_bind_text (stmt, 1, filters->caller->org_path);
  anju_db_bind_text (stmt, 2, filters->kind);
  anju_db_bind_text (stmt, 3, filters->pattern);
  if (filters->from > 0)
    sqlite3_bind_int64 (stmt, 4, filters->from);
  if (filters->to > 0)
    sqlite3_bind_int64 (stmt, 5, filters->to);
}

static JsonNode *
document_item (sqlite3_stmt *stmt,
               gpointer      user_data,
               GError      **error)
{
  AnjuRequest *request = user_data;

  return anju_document_to_json (anju_documents_get (anju_request_get_server (request)),
                                anju_request_get_db (request), sqlite3_column_int64 (stmt, 0),
                                error);
}

/* ?from= and ?to= are dates (or times); to takes its whole day. */
static void
read_date (AnjuRequest *request,
           const char  *name,
           gboolean     end_of_day,
           gint64      *out_value)
{
  const char *text = anju_request_get_query (request, name);
  g_autoptr(GError) error = NULL;

  *out_value = 0;
  if (text == NULL || *text == '\0')
    return;
  if (!anju_time_parse_iso8601 (text, out_value, &error))
    anju_request_add_field_error (request, name, _("Must be a date such as 2026-11-29"));
  else if (end_of_day && strlen (text) == 10)
    *out_value += 24 * 3600 - 1;
}

static void
handle_list (AnjuRequest *request)
{
#define DOCUMENTS_WHERE \
  " WHERE " ANJU_DOCUMENT_VISIBLE \
  " AND (?2 IS NULL OR d.kind = ?2)" \
  " AND (?3 IS NULL OR d.number LIKE ?3 ESCAPE '\\' OR EXISTS (SELECT 1" \
  "  FROM pubrent_document_applications qda JOIN pubrent_applications qa" \
  "  ON qa.id = qda.application_id WHERE qda.document_id = d.id" \
  "  AND (qa.applicant_name LIKE ?3 ESCAPE '\\' OR qa.application_no LIKE ?3 ESCAPE '\\')))" \
  " AND (?4 IS NULL OR d.generated_at >= ?4)" \
  " AND (?5 IS NULL OR d.generated_at <= ?5)"
  DocumentFilters filters = {
    anju_request_get_caller (request), anju_request_get_query (request, "kind"),
    anju_sql_contains_pattern (anju_request_get_query (request, "q")), 0, 0,
  };
  g_autofree char *pattern = filters.pattern;
  g_autoptr(GError) error = NULL;
  guint page, page_size;

  if (!anju_request_get_paging (request, &page, &page_size, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  if (filters.kind != NULL && anju_document_kind_prefix (filters.kind) == NULL)
    anju_request_add_field_error (request, "kind",
                                  _("Must be one of: street_publicity, announcement, confirmation"));
  read_date (request, "from", FALSE, &filters.from);
  read_date (request, "to", TRUE, &filters.to);
  if (anju_request_has_field_errors (request))
    {
      anju_reply_validation_failed (request);
      return;
    }

  anju_request_reply_list (request,
                           "SELECT COUNT(*) FROM pubrent_documents d" DOCUMENTS_WHERE,
                           "SELECT d.id FROM pubrent_documents d" DOCUMENTS_WHERE
                           " ORDER BY d.generated_at DESC, d.id DESC LIMIT ?6 OFFSET ?7",
                           6, page, page_size, bind_filters, &filters, document_item, request);
#undef DOCUMENTS_WHERE
}

/* The path's {id} when the caller may read it; replies and returns
 * FALSE otherwise. */
static gboolean
load_readable (AnjuRequest *request,
               gint64      *out_id)
{
  g_autoptr(GError) error = NULL;

  if (!anju_request_get_path_id (request, "id", out_id))
    return FALSE;
  if (anju_document_check_readable (anju_request_get_db (request), anju_request_get_caller (request),
                                    *out_id, &error))
    return TRUE;
  anju_request_reply_error (request, error);
  return FALSE;
}

static void
reply_document (AnjuRequest *request,
                gint64       id)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = anju_document_to_json (anju_documents_get (anju_request_get_server (request)),
                                          anju_request_get_db (request), id, &error);

  if (node == NULL)
    anju_request_reply_error (request, error);
  else
    anju_request_reply_json (request, SOUP_STATUS_OK, node);
}

static void
handle_get (AnjuRequest *request)
{
  gint64 id;

  if (load_readable (request, &id))
    reply_document (request, id);
}

static void
handle_content (AnjuRequest *request)
{
  AnjuDb *db = anju_request_get_db (request);
  g_auto(AnjuStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *name = NULL;
  gint64 id;

  if (!load_readable (request, &id))
    return;
  stmt = anju_db_prepare (db, "SELECT file_id, number FROM pubrent_documents WHERE id = ?1", &error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      if (anju_db_step_row (db, stmt, ANJU_ERROR_NOT_FOUND, _("No such document"), &error))
        {
          name = g_strdup_printf ("%s.pdf", sqlite3_column_text (stmt, 1));
          pdf = anju_file_store_read (db, sqlite3_column_int64 (stmt, 0), &error);
        }
    }
  if (pdf == NULL)
    anju_request_reply_error (request, error);
  else
    anju_request_reply_file (request, pdf, "application/pdf", name);
}

/* ---- generation -------------------------------------------------------- */

static const AnjuFieldSpec generate_body[] = {
  { "kind", ANJU_FIELD_STRING, ANJU_FIELD_REQUIRED, anju_document_kinds, 0,
    "street_publicity, announcement or confirmation" },
  { "application_ids", ANJU_FIELD_INT_ARRAY, ANJU_FIELD_REQUIRED, NULL, 0,
    "The applications: one list document, or one form each" },
  { NULL }
};

/* The body's ids, each once, each an application the caller may see
 * (422 otherwise, as if it did not exist). */
static GArray *
read_application_ids (AnjuRequest *request,
                      JsonObject  *body)
{
  AnjuCaller *caller = anju_request_get_caller (request);
  JsonArray *array = json_object_get_array_member (body, "application_ids");
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n = json_array_get_length (array);

  if (n == 0 || n > MAX_APPLICATIONS)
    {
      anju_reply_field_error (request, "application_ids", _("Name 1 to 500 applications"));
      return NULL;
    }
  for (guint i = 0; i < n; i++)
    {
      gint64 id = json_array_get_int_element (array, i);
      g_autoptr(AnjuDocumentApplicant) applicant = NULL;
      g_autofree char *org_path = NULL;
      gboolean seen = FALSE;

      for (guint j = 0; j < ids->len; j++)
        seen = seen || g_array_index (ids, gint64, j) == id;
      applicant = anju_document_data_load_applicant (anju_request_get_db (request), id, TRUE,
                                                     &org_path, NULL);
      if (seen || applicant == NULL || !anju_caller_can_see_org_path (caller, org_path))
        {
          g_autofree char *field = g_strdup_printf ("application_ids[%u]", i);

          anju_request_add_field_error (request, field,
                                        seen ? _("This application is named twice")
                                             : _("There is no such application"));
        }
      g_array_append_val (ids, id);
    }
  if (!anju_request_has_field_errors (request))
    return g_steal_pointer (&ids);
  anju_reply_validation_failed (request);
  return NULL;
}

static void
reply_generated (AnjuRequest *request,
                 GArray      *document_ids)
{
  AnjuDocuments *documents = anju_documents_get (anju_request_get_server (request));
  g_autoptr(JsonArray) items = json_array_new ();
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < document_ids->len; i++)
    {
      JsonNode *node = anju_document_to_json (documents, anju_request_get_db (request),
                                              g_array_index (document_ids, gint64, i), &error);

      if (node == NULL)
        {
          anju_request_reply_error (request, error);
          return;
        }
      json_array_add_element (items, node);
    }
  json_object_set_array_member (object, "items", g_steal_pointer (&items));
  anju_request_reply_json (request, SOUP_STATUS_CREATED,
                           json_node_init_object (json_node_alloc (), object));
}

static void
handle_generate (AnjuRequest *request)
{
  AnjuServer *server = anju_request_get_server (request);
  AnjuDb *db = anju_request_get_db (request);
  g_autoptr(GArray) application_ids = NULL;
  g_autoptr(GArray) document_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  AnjuAuditActor actor;
  JsonObject *body;
  gboolean ok;

  body = anju_request_parse_body (request, generate_body, &error);
  if (body == NULL)
    {
      anju_request_reply_error (request, error);
      return;
    }
  application_ids = read_application_ids (request, body);
  if (application_ids == NULL)
    return;

  anju_workflow_actor_from_request (request, &actor);
  if (!anju_db_begin (db, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  ok = anju_documents_generate (anju_documents_get (server), db, &actor,
                                anju_clock_now_secs (anju_request_get_clock (request)),
                                json_object_get_string_member (body, "kind"),
                                (const gint64 *) (gpointer) application_ids->data,
                                application_ids->len, document_ids, &error);
  if (!anju_transaction_end (db, ok, &error))
    anju_request_reply_error (request, error);
  else
    reply_generated (request, document_ids);
}

static const AnjuRoute document_routes[] = {
  { "GET", "/api/v1/pubrent/documents", ANJU_DOCUMENTS_PERM_READ, ANJU_ROUTE_DEFAULT, handle_list,
    "Generated documents, newest first; ?kind=, ?q= number, applicant or application no.,"
    " ?from= &to= generation dates", NULL, "documents" },
  { "POST", "/api/v1/pubrent/documents", ANJU_DOCUMENTS_PERM_WRITE, ANJU_ROUTE_DEFAULT,
    handle_generate, "Generate a publicity list, an announcement list or confirmation forms",
    generate_body, "documents" },
  { "GET", "/api/v1/pubrent/documents/{id}", ANJU_DOCUMENTS_PERM_READ, ANJU_ROUTE_DEFAULT,
    handle_get, "One generated document", NULL, "documents" },
  { "GET", "/api/v1/pubrent/documents/{id}/content", ANJU_DOCUMENTS_PERM_READ, ANJU_ROUTE_DEFAULT,
    handle_content, "The document's PDF", NULL, "documents" },
};

void
_anju_documents_api_register (AnjuServer *server)
{
  anju_server_add_routes (server, document_routes, G_N_ELEMENTS (document_routes));
}
