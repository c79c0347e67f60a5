/* anju-document-templates-api.c: /api/v1/pubrent/document-templates.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-caller.h"
#include "anju-clock.h"
#include "anju-document-data.h"
#include "anju-document-fields.h"
#include "anju-documents-private.h"
#include "anju-file-access.h"
#include "anju-server.h"
#include "anju-transaction.h"
#include "anju-validation.h"

#define TEMPLATE_NAME_MAX 100
#define TITLE_MAX 200
#define ISSUER_MAX 100
#define BODY_MAX 5000
#define FONT_SIZE_MIN 8
#define FONT_SIZE_MAX 24
#define FONT_SIZE_DEFAULT 12

static const char * const sorts[] = { "created", "updated", NULL };

static const AnjuFieldSpec template_body[] = {
  { "kind", ANJU_FIELD_STRING, ANJU_FIELD_REQUIRED, anju_document_kinds, 0,
    "street_publicity 街道公示, announcement 新区公告 or confirmation 资格确认单" },
  { "name", ANJU_FIELD_STRING, ANJU_FIELD_REQUIRED, NULL, TEMPLATE_NAME_MAX, "Name in the list of templates" },
  { "title", ANJU_FIELD_STRING, ANJU_FIELD_REQUIRED, NULL, TITLE_MAX, "Printed title" },
  { "issuer", ANJU_FIELD_STRING, ANJU_FIELD_REQUIRED, NULL, ISSUER_MAX, "Issuing organisation" },
  { "body", ANJU_FIELD_STRING, ANJU_FIELD_REQUIRED, NULL, BODY_MAX,
    "Text with {{field}} names (GET …/fields)" },
  { "logo_file_id", ANJU_FIELD_INT, ANJU_FIELD_NULLABLE, NULL, 0, "An uploaded PNG, or null" },
  { "font_size", ANJU_FIELD_INT, ANJU_FIELD_OPTIONAL, NULL, 0, "Points, 8 to 24 (12)" },
  { NULL }
};

static gint64
request_now (AnjuRequest *request)
{
  return anju_clock_now_secs (anju_request_get_clock (request));
}

/* ---- reading a body ---------------------------------------------------- */

static void
check_logo (AnjuRequest *request,
            gint64       file_id)
{
  AnjuServer *server = anju_request_get_server (request);
  g_auto(AnjuFileInfo) info = { 0, };
  g_autoptr(GError) error = NULL;

  if (!anju_file_access_load (anju_file_access_get (server), anju_request_get_db (request),
                              anju_request_get_caller (request), file_id, &info, &error))
    anju_request_add_field_error (request, "logo_file_id", _("There is no such file"));
  /* cairo reads PNG only; the server has no other image decoder. */
  else if (g_strcmp0 (info.content_type, "image/png") != 0)
    anju_request_add_field_error (request, "logo_file_id", _("The logo must be a PNG image"));
}

/* Fills template from body (kind from the body only when with_kind);
 * every problem is a field error.  Replies 422 and returns FALSE when
 * there is one. */
static gboolean
read_template (AnjuRequest          *request,
               JsonObject           *body,
               gboolean              with_kind,
               AnjuDocumentTemplate *template)
{
  static const char * const texts[] = { "name", "title", "issuer", "body" };
  char **slots[] = { &template->name, &template->title, &template->issuer, &template->body };
  g_autofree char *unknown = NULL;

  if (with_kind)
    template->kind = anju_body_dup_trimmed (body, "kind");
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      *slots[i] = anju_body_dup_trimmed (body, texts[i]);
      anju_check_not_blank (request, texts[i], *slots[i]);
    }
  if (template->body != NULL
      && !anju_document_fields_check (template->kind, template->body, &unknown))
    {
      /* Translators: %s is a field name a template body used */
      g_autofree char *message = g_strdup_printf (_("There is no field “%s” for this kind of document"),
                                                  unknown);
      anju_request_add_field_error (request, "body", message);
    }

  template->font_size = json_object_has_member (body, "font_size")
                        ? (int) CLAMP (json_object_get_int_member (body, "font_size"), -1, 1000)
                        : FONT_SIZE_DEFAULT;
  if (template->font_size < FONT_SIZE_MIN || template->font_size > FONT_SIZE_MAX)
    anju_request_add_field_error (request, "font_size", _("Must be a whole number from 8 to 24"));

  template->logo_file_id = 0;
  if (json_object_has_member (body, "logo_file_id") && !json_object_get_null_member (body, "logo_file_id"))
    {
      template->logo_file_id = json_object_get_int_member (body, "logo_file_id");
      check_logo (request, template->logo_file_id);
    }

  if (!anju_request_has_field_errors (request))
    return TRUE;
  anju_reply_validation_failed (request);
  return FALSE;
}

/* ---- reads ------------------------------------------------------------- */

typedef struct
{
  const char *kind;
  gboolean    by_created;
} TemplateFilters;

static void
bind_filters (sqlite3_stmt  *stmt,
              gconstpointer  bind_data)
{
  const TemplateFilters *filters = bind_data;

  anju_db_bind_text (stmt, 1, filters->kind);
  sqlite3_bind_int (stmt, 2, filters->by_created);
}

static JsonNode *
template_item (sqlite3_stmt *stmt,
               gpointer      user_data,
               GError      **error)
{
  return anju_document_template_json_from_row (stmt);
}

static void
handle_list (AnjuRequest *request)
{
#define TEMPLATES_WHERE " WHERE (?1 IS NULL OR t.kind = ?1)"
  const char *kind = anju_request_get_query (request, "kind");
  const char *sort = anju_request_get_query (request, "sort");
  TemplateFilters filters = { kind, g_strcmp0 (sort, "created") == 0 };
  g_autoptr(GError) error = NULL;
  guint page, page_size;

  if (!anju_request_get_paging (request, &page, &page_size, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  if (kind != NULL && !g_strv_contains (anju_document_kinds, kind))
    anju_request_add_field_error (request, "kind",
                                  _("Must be one of: street_publicity, announcement, confirmation"));
  if (sort != NULL && !g_strv_contains (sorts, sort))
    anju_request_add_field_error (request, "sort", _("Must be one of: created, updated"));
  if (anju_request_has_field_errors (request))
    {
      anju_reply_validation_failed (request);
      return;
    }

  anju_request_reply_list (request,
                           "SELECT COUNT(*) FROM pubrent_document_templates t" TEMPLATES_WHERE,
                           "SELECT " ANJU_DOCUMENT_TEMPLATE_COLUMNS " FROM " ANJU_DOCUMENT_TEMPLATE_JOIN
                           TEMPLATES_WHERE
                           " ORDER BY CASE WHEN ?2 THEN t.created_at ELSE t.updated_at END DESC, t.id DESC"
                           " LIMIT ?3 OFFSET ?4",
                           3, page, page_size, bind_filters, &filters, template_item, NULL);
#undef TEMPLATES_WHERE
}

static void
reply_template (AnjuRequest *request,
                guint        status,
                gint64       id)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = anju_document_template_to_json (anju_request_get_db (request), id, &error);

  if (node == NULL)
    anju_request_reply_error (request, error);
  else
    anju_request_reply_json (request, status, node);
}

static void
handle_get (AnjuRequest *request)
{
  gint64 id;

  if (anju_request_get_path_id (request, "id", &id))
    reply_template (request, SOUP_STATUS_OK, id);
}

static void
handle_fields (AnjuRequest *request)
{
  const char *kind = anju_request_get_query (request, "kind");
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const AnjuDocumentField *fields;
  guint n_fields;

  fields = anju_document_fields_for_kind (kind, &n_fields);
  if (fields == NULL)
    {
      anju_reply_field_error (request, "kind",
                              _("Must be one of: street_publicity, announcement, confirmation"));
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "fields");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_fields; i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, fields[i].name);
      json_builder_set_member_name (builder, "label");
      json_builder_add_string_value (builder, _(fields[i].label));
      json_builder_set_member_name (builder, "example");
      json_builder_add_string_value (builder, fields[i].example);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  anju_request_reply_json (request, SOUP_STATUS_OK, json_builder_get_root (builder));
}

static void
handle_preview (AnjuRequest *request)
{
  AnjuServer *server = anju_request_get_server (request);
  g_auto(AnjuDocumentTemplate) template = { 0, };
  g_autoptr(AnjuDocumentContent) content = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  JsonObject *body;

  body = anju_request_parse_body (request, template_body, &error);
  if (body == NULL)
    {
      anju_request_reply_error (request, error);
      return;
    }
  if (!read_template (request, body, TRUE, &template))
    return;

  content = anju_document_data_example (template.kind,
                                        anju_server_get_config (server)->documents_verify_base_url,
                                        request_now (request));
  pdf = _anju_documents_render_with (anju_documents_get (server), anju_request_get_db (request),
                                     &template, content, &error);
  if (pdf == NULL)
    anju_request_reply_error (request, error);
  else
    anju_request_reply_text (request, SOUP_STATUS_OK, "application/pdf", pdf);
}

/* ---- writes ------------------------------------------------------------ */

typedef gboolean (*TemplateWrite) (AnjuDb *db, AnjuDocumentTemplate *template, gint64 user_id,
                                   gint64 now, GError **error);

/* Runs write and its audit row in one transaction, then replies the
 * template. */
static void
run_write (AnjuRequest          *request,
           const char           *action,
           TemplateWrite         write,
           AnjuDocumentTemplate *template,
           guint                 status)
{
  AnjuDb *db = anju_request_get_db (request);
  AnjuCaller *caller = anju_request_get_caller (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  gboolean ok;

  if (!anju_db_begin (db, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  if (template->id > 0)
    before = anju_document_template_to_json (db, template->id, NULL);
  ok = write (db, template, caller->user_id, request_now (request), &error)
       && (after = anju_document_template_to_json (db, template->id, &error)) != NULL
       && anju_audit_record (request, NULL, action, "pubrent.document_template", template->id,
                             before, after, &error);
  if (!anju_transaction_end (db, ok, &error))
    anju_request_reply_error (request, error);
  else
    reply_template (request, status, template->id);
}

static gboolean
write_create (AnjuDb               *db,
              AnjuDocumentTemplate *template,
              gint64                user_id,
              gint64                now,
              GError              **error)
{
  template->id = anju_document_template_insert (db, template, user_id, now, error);
  return template->id != 0;
}

static void
handle_create (AnjuRequest *request)
{
  g_auto(AnjuDocumentTemplate) template = { 0, };
  g_autoptr(GError) error = NULL;
  JsonObject *body;

  body = anju_request_parse_body (request, template_body, &error);
  if (body == NULL)
    anju_request_reply_error (request, error);
  else if (read_template (request, body, TRUE, &template))
    run_write (request, "pubrent.document_template.create", write_create, &template,
               SOUP_STATUS_CREATED);
}

static gboolean
write_update (AnjuDb               *db,
              AnjuDocumentTemplate *template,
              gint64                user_id,
              gint64                now,
              GError              **error)
{
  return anju_document_template_update (db, template, user_id, now, error);
}

static gboolean
load_path_template (AnjuRequest          *request,
                    AnjuDocumentTemplate *template)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!anju_request_get_path_id (request, "id", &id))
    return FALSE;
  if (anju_document_template_load (anju_request_get_db (request), id, template, &error))
    return TRUE;
  anju_request_reply_error (request, error);
  return FALSE;
}

static void
handle_update (AnjuRequest *request)
{
  g_auto(AnjuDocumentTemplate) template = { 0, };
  g_autoptr(GError) error = NULL;
  JsonObject *body;
  const char *kind;

  if (!load_path_template (request, &template))
    return;
  body = anju_request_parse_body (request, template_body, &error);
  if (body == NULL)
    {
      anju_request_reply_error (request, error);
      return;
    }
  /* A template keeps its kind: its fields depend on it. */
  kind = json_object_get_string_member (body, "kind");
  if (!g_str_equal (kind, template.kind))
    anju_request_add_field_error (request, "kind", _("A template’s kind cannot change"));
  anju_document_template_clear (&template);
  template.kind = g_strdup (kind);
  if (read_template (request, body, FALSE, &template))
    run_write (request, "pubrent.document_template.update", write_update, &template, SOUP_STATUS_OK);
}

static gboolean
write_activate (AnjuDb               *db,
                AnjuDocumentTemplate *template,
                gint64                user_id,
                gint64                now,
                GError              **error)
{
  return anju_document_template_activate (db, template->id, user_id, now, error);
}

static void
handle_activate (AnjuRequest *request)
{
  g_auto(AnjuDocumentTemplate) template = { 0, };

  if (load_path_template (request, &template))
    run_write (request, "pubrent.document_template.activate", write_activate, &template,
               SOUP_STATUS_OK);
}

static const AnjuRoute template_routes[] = {
  { "GET", "/api/v1/pubrent/document-templates/fields", ANJU_DOCUMENTS_PERM_READ, ANJU_ROUTE_DEFAULT,
    handle_fields, "The {{field}} names a template of ?kind= may use, with examples", NULL,
    "documents" },
  { "POST", "/api/v1/pubrent/document-templates/preview", ANJU_DOCUMENTS_PERM_WRITE,
    ANJU_ROUTE_DEFAULT, handle_preview, "A template (saved or not) rendered with example data: the PDF",
    template_body, "documents" },
  { "GET", "/api/v1/pubrent/document-templates", ANJU_DOCUMENTS_PERM_READ, ANJU_ROUTE_DEFAULT,
    handle_list, "Document templates with usage count and last use; ?kind=, ?sort=created|updated",
    NULL, "documents" },
  { "POST", "/api/v1/pubrent/document-templates", ANJU_DOCUMENTS_PERM_WRITE, ANJU_ROUTE_DEFAULT,
    handle_create, "A new (inactive) document template", template_body, "documents" },
  { "GET", "/api/v1/pubrent/document-templates/{id}", ANJU_DOCUMENTS_PERM_READ, ANJU_ROUTE_DEFAULT,
    handle_get, "One document template", NULL, "documents" },
  { "PUT", "/api/v1/pubrent/document-templates/{id}", ANJU_DOCUMENTS_PERM_WRITE, ANJU_ROUTE_DEFAULT,
    handle_update, "Replace a template's text, logo and font size (its kind stays)", template_body,
    "documents" },
  { "POST", "/api/v1/pubrent/document-templates/{id}/activate", ANJU_DOCUMENTS_PERM_WRITE,
    ANJU_ROUTE_DEFAULT, handle_activate, "Make the template the one its kind is generated with", NULL,
    "documents" },
};

void
_anju_document_templates_api_register (AnjuServer *server)
{
  anju_server_add_routes (server, template_routes, G_N_ELEMENTS (template_routes));
}
