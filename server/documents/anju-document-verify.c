/* anju-document-verify.c: is this document authentic?  The page a
 * confirmation form's QR code opens, and the same answer as JSON.
 *
 * No sign-in: whoever holds the paper (a landlord, a bank, the
 * applicant) may check it.  They learn only what the paper already says,
 * with the name masked, and only for a number whose code matches.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-document-number.h"
#include "anju-document-render.h"
#include "anju-documents-private.h"
#include "anju-mask.h"
#include "anju-server.h"
#include "anju-stmt.h"
#include "anju-time.h"

typedef struct
{
  gboolean  valid;
  char     *number;
  char     *kind;
  char     *title;
  char     *applicant_name;  /* masked; NULL on a list */
  char     *application_no;  /* NULL on a list */
  char     *conclusion;
  gint64    generated_at;
} Verification;

static void
verification_clear (Verification *verification)
{
  g_clear_pointer (&verification->number, g_free);
  g_clear_pointer (&verification->kind, g_free);
  g_clear_pointer (&verification->title, g_free);
  g_clear_pointer (&verification->applicant_name, g_free);
  g_clear_pointer (&verification->application_no, g_free);
  g_clear_pointer (&verification->conclusion, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Verification, verification_clear)

/* A wrong code and an unknown number look the same: not valid. */
static gboolean
verify (AnjuDb        *db,
        const char    *number,
        const char    *code,
        Verification  *out,
        GError       **error)
{
  g_auto(AnjuStmt) stmt = NULL;
  gboolean code_valid;
  int rc;

  if (!anju_document_code_verify (db, number, code, &code_valid, error))
    return FALSE;
  if (!code_valid)
    return TRUE;

  stmt = anju_db_prepare (db,
                          "SELECT d.kind, d.title, d.conclusion, d.generated_at,"
                          " (SELECT COUNT(*) FROM pubrent_document_applications c"
                          "  WHERE c.document_id = d.id),"
                          " a.applicant_name, a.application_no"
                          " FROM pubrent_documents d"
                          " LEFT JOIN pubrent_document_applications da ON da.document_id = d.id"
                          "  AND da.position = 0"
                          " LEFT JOIN pubrent_applications a ON a.id = da.application_id"
                          " WHERE d.number = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;
  anju_db_bind_text (stmt, 1, number);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    {
      anju_db_set_error (db, error);
      return FALSE;
    }

  out->valid = TRUE;
  out->number = g_strdup (number);
  out->kind = anju_db_column_dup (stmt, 0);
  out->title = anju_db_column_dup (stmt, 1);
  out->conclusion = anju_db_column_dup (stmt, 2);
  out->generated_at = sqlite3_column_int64 (stmt, 3);
  if (sqlite3_column_int (stmt, 4) == 1)
    {
      out->applicant_name = anju_mask_name ((const char *) sqlite3_column_text (stmt, 5));
      out->application_no = anju_db_column_dup (stmt, 6);
    }
  return TRUE;
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
handle_verify_json (AnjuRequest *request)
{
  g_auto(Verification) verification = { 0, };
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GError) error = NULL;

  if (!verify (anju_request_get_db (request), anju_request_get_query (request, "number"),
               anju_request_get_query (request, "code"), &verification, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "valid");
  json_builder_add_boolean_value (builder, verification.valid);
  if (verification.valid)
    {
      g_autofree char *generated_at = anju_time_format_iso8601 (verification.generated_at);

      add_string (builder, "number", verification.number);
      add_string (builder, "kind", verification.kind);
      add_string (builder, "title", verification.title);
      add_string (builder, "applicant_name", verification.applicant_name);
      add_string (builder, "application_no", verification.application_no);
      add_string (builder, "conclusion", verification.conclusion);
      add_string (builder, "generated_at", generated_at);
    }
  json_builder_end_object (builder);
  anju_request_reply_json (request, SOUP_STATUS_OK, json_builder_get_root (builder));
}

static void
append_fact (GString    *html,
             const char *label,
             const char *value)
{
  g_autofree char *escaped = NULL;

  if (value == NULL)
    return;
  escaped = g_markup_escape_text (value, -1);
  g_string_append_printf (html, "<dt>%s</dt><dd>%s</dd>\n", label, escaped);
}

/* The page is Chinese whatever the server's locale: it answers the
 * public about a Chinese official document. */
static char *
verification_page (const Verification *verification,
                   const char         *number)
{
  GString *html = g_string_new ("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n"
                                "<meta charset=\"utf-8\">\n"
                                "<meta name=\"viewport\" content=\"width=device-width\">\n"
                                "<title>文书核验 · 湘江新区住房保障</title>\n</head>\n<body>\n");

  if (verification->valid)
    {
      g_autofree char *date = anju_document_format_date (verification->generated_at);

      g_string_append (html, "<h1>核验通过</h1>\n<p>本文书由湘江新区住房保障服务中心出具，内容真实有效。</p>\n<dl>\n");
      append_fact (html, "文书编号", verification->number);
      append_fact (html, "文书名称", verification->title);
      append_fact (html, "申请人", verification->applicant_name);
      append_fact (html, "申请编号", verification->application_no);
      append_fact (html, "审核结论", verification->conclusion);
      append_fact (html, "出具日期", date);
      g_string_append (html, "</dl>\n");
    }
  else
    {
      g_string_append (html, "<h1>核验未通过</h1>\n"
                             "<p>未找到与该编号和核验码相符的文书。请核对二维码是否完整，"
                             "或致电 0731-88393110 向湘江新区住房保障服务中心核实。</p>\n<dl>\n");
      append_fact (html, "文书编号", number);
      g_string_append (html, "</dl>\n");
    }
  g_string_append (html, "</body>\n</html>\n");
  return g_string_free (html, FALSE);
}

static void
handle_verify_page (AnjuRequest *request)
{
  const char *number = anju_request_get_path_param (request, "number");
  g_auto(Verification) verification = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  char *html;

  if (!verify (anju_request_get_db (request), number, anju_request_get_query (request, "code"),
               &verification, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  html = verification_page (&verification, number);
  body = g_bytes_new_take (html, strlen (html));
  anju_request_reply_text (request, SOUP_STATUS_OK, "text/html; charset=utf-8", body);
}

static const AnjuRoute verify_routes[] = {
  { "GET", "/verify/{number}", NULL, ANJU_ROUTE_PUBLIC, handle_verify_page,
    "The page a confirmation form's QR code opens (?code=): authentic or not, in Chinese", NULL,
    "documents" },
  { "GET", "/api/v1/public/documents/verify", NULL, ANJU_ROUTE_PUBLIC, handle_verify_json,
    "Whether ?number= and ?code= are a document this server issued, with its facts", NULL,
    "documents" },
};

void
_anju_document_verify_register (AnjuServer *server)
{
  anju_server_add_routes (server, verify_routes, G_N_ELEMENTS (verify_routes));
}
