/* anju-documents.c: the documents service and generation.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-document-data.h"
#include "anju-document-fields.h"
#include "anju-document-number.h"
#include "anju-document-render.h"
#include "anju-documents-private.h"
#include "anju-document-json.h"
#include "anju-file-access.h"
#include "anju-file-store.h"
#include "anju-stmt.h"

#define DOCUMENTS_SERVICE "documents"

struct _AnjuDocuments
{
  GObject     parent_instance;

  AnjuServer *server;  /* borrowed: the server owns the service */
};

G_DEFINE_FINAL_TYPE (AnjuDocuments, anju_documents, G_TYPE_OBJECT)

static void
anju_documents_class_init (AnjuDocumentsClass *klass)
{
}

static void
anju_documents_init (AnjuDocuments *self)
{
}

char *
_anju_documents_verify_url (AnjuDocuments *self,
                            const char    *number,
                            const char    *code)
{
  const AnjuConfig *config = anju_server_get_config (self->server);
  g_autofree char *base = g_strdup (config->documents_verify_base_url);
  g_autofree char *escaped = g_uri_escape_string (number, NULL, FALSE);

  /* "https://host/" and "https://host" mean the same. */
  while (g_str_has_suffix (base, "/"))
    base[strlen (base) - 1] = '\0';
  return g_strdup_printf ("%s/verify/%s?code=%s", base, escaped, code);
}

GBytes *
_anju_documents_render_with (AnjuDocuments              *self,
                             AnjuDb                     *db,
                             const AnjuDocumentTemplate *template,
                             AnjuDocumentContent        *content,
                             GError                    **error)
{
  g_clear_pointer (&content->title, g_free);
  g_clear_pointer (&content->issuer, g_free);
  g_clear_pointer (&content->body, g_free);
  g_clear_pointer (&content->logo_png, g_bytes_unref);
  content->title = g_strdup (template->title);
  content->issuer = g_strdup (template->issuer);
  content->font_size = template->font_size;
  content->body = anju_document_fields_fill (template->body, content);
  if (template->logo_file_id > 0)
    {
      content->logo_png = anju_file_store_read (db, template->logo_file_id, error);
      if (content->logo_png == NULL)
        return NULL;
    }
  return anju_document_render (content, error);
}

/* Generated files need an uploader; when anju-server itself generates
 * (the announcement sweep) the first account, the administrator made at
 * installation, stands in. */
static gboolean
uploader_for (AnjuDb               *db,
              const AnjuAuditActor *actor,
              gint64               *out_user_id,
              GError              **error)
{
  g_auto(AnjuStmt) stmt = NULL;

  if (actor->actor_id > 0)
    {
      *out_user_id = actor->actor_id;
      return TRUE;
    }
  stmt = anju_db_prepare (db, "SELECT MIN (id) FROM users", error);
  if (stmt == NULL || !anju_db_step_id (db, stmt, out_user_id, error))
    return FALSE;
  if (*out_user_id > 0)
    return TRUE;
  g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_CONFLICT,
                       _("There is no user account to file the document under"));
  return FALSE;
}

static gint64
store_pdf (AnjuDocuments        *self,
           AnjuDb               *db,
           const AnjuAuditActor *actor,
           const char           *number,
           GBytes               *pdf,
           gint64                now,
           GError              **error)
{
  g_autofree char *name = g_strdup_printf ("%s.pdf", number);
  AnjuFileUpload upload = { name, "application/pdf", pdf, 0 };
  gint64 file_id;

  if (!uploader_for (db, actor, &upload.uploaded_by, error))
    return 0;
  file_id = anju_file_store_add (db, &upload, G_MAXSIZE, now, error);
  /* A document of record never changes. */
  if (file_id == 0 || !anju_file_store_archive (db, file_id, now, error))
    return 0;
  return file_id;
}

static gint64
insert_document (AnjuDb                     *db,
                 const AnjuDocumentContent  *content,
                 const AnjuDocumentTemplate *template,
                 gint64                      file_id,
                 const char                 *code,
                 const AnjuAuditActor       *actor,
                 gint64                      now,
                 GError                    **error)
{
  g_auto(AnjuStmt) stmt = NULL;
  g_auto(AnjuStmt) link = NULL;
  gint64 id;

  stmt = anju_db_prepare (db,
                          "INSERT INTO pubrent_documents (number, kind, title, template_id, file_id,"
                          " code, conclusion, generated_at, generated_by)"
                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, NULLIF (?9, 0))",
                          error);
  if (stmt == NULL)
    return 0;
  anju_db_bind_text (stmt, 1, content->number);
  anju_db_bind_text (stmt, 2, content->kind);
  anju_db_bind_text (stmt, 3, content->title);
  sqlite3_bind_int64 (stmt, 4, template->id);
  sqlite3_bind_int64 (stmt, 5, file_id);
  anju_db_bind_text (stmt, 6, code);
  anju_db_bind_text (stmt, 7, content->conclusion);
  sqlite3_bind_int64 (stmt, 8, now);
  sqlite3_bind_int64 (stmt, 9, actor->actor_id);
  if (!anju_db_step_done (db, stmt, error))
    return 0;
  id = anju_db_last_insert_id (db);

  link = anju_db_prepare (db,
                          "INSERT INTO pubrent_document_applications (document_id, application_id,"
                          " position) VALUES (?1, ?2, ?3)",
                          error);
  if (link == NULL)
    return 0;
  for (guint i = 0; i < content->applicants->len; i++)
    {
      AnjuDocumentApplicant *applicant = g_ptr_array_index (content->applicants, i);

      sqlite3_reset (link);
      sqlite3_bind_int64 (link, 1, id);
      sqlite3_bind_int64 (link, 2, applicant->id);
      sqlite3_bind_int (link, 3, (int) i);
      if (!anju_db_step_done (db, link, error))
        return 0;
    }
  return id;
}

static JsonNode *
audit_after (const AnjuDocumentContent *content)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "number");
  json_builder_add_string_value (builder, content->number);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, content->kind);
  json_builder_set_member_name (builder, "application_ids");
  json_builder_begin_array (builder);
  for (guint i = 0; i < content->applicants->len; i++)
    json_builder_add_int_value (builder,
                                ((AnjuDocumentApplicant *) g_ptr_array_index (content->applicants, i))->id);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* Numbers, renders, files and records one document. */
static gint64
record_document (AnjuDocuments              *self,
                 AnjuDb                     *db,
                 const AnjuAuditActor       *actor,
                 gint64                      now,
                 const AnjuDocumentTemplate *template,
                 AnjuDocumentContent        *content,
                 GError                    **error)
{
  g_autofree char *code = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(JsonNode) after = NULL;
  gint64 file_id, id;

  content->number = anju_document_number_next (db, content->kind, now, error);
  if (content->number == NULL)
    return 0;
  code = anju_document_code_for (db, content->number, error);
  if (code == NULL)
    return 0;
  content->issued_at = now;
  if (g_str_equal (content->kind, "confirmation"))
    content->verify_url = _anju_documents_verify_url (self, content->number, code);

  pdf = _anju_documents_render_with (self, db, template, content, error);
  if (pdf == NULL)
    return 0;
  file_id = store_pdf (self, db, actor, content->number, pdf, now, error);
  if (file_id == 0)
    return 0;
  id = insert_document (db, content, template, file_id, code, actor, now, error);
  if (id == 0 || !anju_document_template_count_use (db, template->id, now, error))
    return 0;

  after = audit_after (content);
  if (!anju_audit_record_as (db, anju_server_get_audit_key (self->server), now, actor,
                             "pubrent.document.generate", "pubrent.document", id, NULL, after,
                             error))
    return 0;
  return id;
}

/* The applicant of id, refused unless kind may take it now. */
static AnjuDocumentApplicant *
load_allowed_applicant (AnjuDb      *db,
                        const char  *kind,
                        gint64       id,
                        gint64       now,
                        GError     **error)
{
  g_autoptr(AnjuDocumentApplicant) applicant = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean allowed;

  applicant = anju_document_data_load_applicant (db, id, anju_document_kind_is_list (kind), NULL,
                                                 &local_error);
  if (applicant == NULL)
    {
      if (g_error_matches (local_error, ANJU_ERROR, ANJU_ERROR_NOT_FOUND))
        {
          g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

          g_set_error (error, ANJU_ERROR, ANJU_ERROR_VALIDATION,
                       /* Translators: %s is an application id */
                       _("There is no application with id %s"), text);
        }
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (!anju_document_data_status_allows (db, kind, applicant, now, &allowed, error))
    return NULL;
  if (!allowed)
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_CONFLICT,
                   /* Translators: %1$s is an application number, %2$s its status code */
                   _("Application %1$s is in status %2$s, which this kind of document does not allow"),
                   applicant->application_no, applicant->status);
      return NULL;
    }
  return g_steal_pointer (&applicant);
}

static gboolean
generate_form (AnjuDocuments              *self,
               AnjuDb                     *db,
               const AnjuAuditActor       *actor,
               gint64                      now,
               const AnjuDocumentTemplate *template,
               AnjuDocumentApplicant      *applicant,
               GArray                     *out_document_ids,
               GError                    **error)
{
  g_autoptr(AnjuDocumentContent) content = anju_document_content_new ("confirmation");
  gint64 id;

  if (applicant->confirmed_at <= 0)
    applicant->confirmed_at = now;
  g_ptr_array_add (content->applicants, applicant);
  content->conclusion = anju_document_data_conclusion (applicant);
  if (!anju_document_data_load_nodes (db, applicant->id, content->nodes, error))
    return FALSE;
  id = record_document (self, db, actor, now, template, content, error);
  if (id == 0)
    return FALSE;
  if (out_document_ids != NULL)
    g_array_append_val (out_document_ids, id);
  return TRUE;
}

gboolean
anju_documents_generate (AnjuDocuments         *self,
                         AnjuDb                *db,
                         const AnjuAuditActor  *actor,
                         gint64                 now,
                         const char            *kind,
                         const gint64          *application_ids,
                         guint                  n_application_ids,
                         GArray                *out_document_ids,
                         GError               **error)
{
  g_auto(AnjuDocumentTemplate) template = { 0, };
  g_autoptr(AnjuDocumentContent) list = NULL;
  gint64 id;

  g_return_val_if_fail (ANJU_IS_DOCUMENTS (self), FALSE);
  g_return_val_if_fail (sqlite3_get_autocommit (anju_db_get_handle (db)) == 0, FALSE);

  if (anju_document_kind_prefix (kind) == NULL)
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_VALIDATION,
                   /* Translators: %s is what was asked for */
                   _("There is no kind of document “%s”"), kind);
      return FALSE;
    }
  if (n_application_ids == 0)
    {
      g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_VALIDATION,
                           _("Name at least one application"));
      return FALSE;
    }
  if (!anju_document_template_load_active (db, kind, &template, error))
    return FALSE;

  list = anju_document_content_new (kind);
  for (guint i = 0; i < n_application_ids; i++)
    {
      AnjuDocumentApplicant *applicant = load_allowed_applicant (db, kind, application_ids[i], now,
                                                                 error);

      if (applicant == NULL)
        return FALSE;
      if (!anju_document_kind_is_list (kind))
        {
          if (!generate_form (self, db, actor, now, &template, applicant, out_document_ids, error))
            return FALSE;
        }
      else
        g_ptr_array_add (list->applicants, applicant);
    }
  if (!anju_document_kind_is_list (kind))
    return TRUE;

  if (!anju_document_data_load_period (db, list, now, error))
    return FALSE;
  id = record_document (self, db, actor, now, &template, list, error);
  if (id == 0)
    return FALSE;
  if (out_document_ids != NULL)
    g_array_append_val (out_document_ids, id);
  return TRUE;
}

/* A document's PDF is readable by whoever may read the document. */
static gboolean
document_file_reader (AnjuDb            *db,
                      const AnjuCaller  *caller,
                      gint64             file_id,
                      gboolean          *out_may_read,
                      gpointer           user_data,
                      GError           **error)
{
  g_auto(AnjuStmt) stmt = NULL;
  gint64 found;

  if (!anju_caller_has_permission (caller, ANJU_DOCUMENTS_PERM_READ))
    return TRUE;
  stmt = anju_db_prepare (db,
                          "SELECT d.id FROM pubrent_documents d WHERE d.file_id = ?2 AND "
                          ANJU_DOCUMENT_VISIBLE " LIMIT 1",
                          error);
  if (stmt == NULL)
    return FALSE;
  anju_db_bind_text (stmt, 1, caller->org_path);
  sqlite3_bind_int64 (stmt, 2, file_id);
  if (!anju_db_step_id (db, stmt, &found, error))
    return FALSE;
  if (found != 0)
    *out_may_read = TRUE;
  return TRUE;
}

AnjuDocuments *
anju_documents_get (AnjuServer *server)
{
  return anju_server_get_service (server, DOCUMENTS_SERVICE);
}

void
anju_documents_register (AnjuServer *server)
{
  g_autoptr(AnjuDocuments) self = g_object_new (ANJU_TYPE_DOCUMENTS, NULL);

  self->server = server;
  anju_server_set_service (server, DOCUMENTS_SERVICE, self);
  anju_file_access_add_reader (anju_file_access_get (server), document_file_reader, NULL, NULL);
  _anju_document_templates_api_register (server);
  _anju_documents_api_register (server);
  _anju_document_verify_register (server);
  _anju_document_export_register (server);
}
