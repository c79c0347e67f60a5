/* anju-kiosk-documents.c: POST /kiosk/documents: the applicant's
 * qualification confirmation form or street publicity list, printed at
 * the kiosk after the ID card is read (F-TERM-013).
 *
 * The applicant's newest application decides: a confirmation form needs
 * it confirmed, a street publicity list a street publicity (open or
 * ended).  The stored document is answered when there is one; otherwise
 * the documents' renderer (anju_documents_generate) makes it now, as the
 * terminal's service user.  Either way the print is audited
 * (kiosk.document.print); the query counts against the progress query's
 * per-address limit, since the ID number is all it takes.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-audit.h"
#include "anju-clock.h"
#include "anju-documents.h"
#include "anju-file-store.h"
#include "anju-kiosk-private.h"
#include "anju-review.h"
#include "anju-stmt.h"
#include "anju-transaction.h"
#include "anju-validation.h"
#include "anju-workflow.h"

#define ID_NO_MAX 18

static const char * const document_kinds[] = { "confirmation", "street_publicity", NULL };

static const AnjuFieldSpec documents_body[] = {
  { "id_no", ANJU_FIELD_STRING, ANJU_FIELD_REQUIRED, NULL, ID_NO_MAX,
    "The ID number read from the card" },
  { "kind", ANJU_FIELD_STRING, ANJU_FIELD_REQUIRED, document_kinds, 0,
    "confirmation or street_publicity" },
  { NULL }
};

typedef struct
{
  const AnjuKioskApp *app;
  const char         *kind;
  gint64              document_id;
  char               *number;
  gint64              file_id;
} Print;

static void
print_clear (Print *print)
{
  g_clear_pointer (&print->number, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Print, print_clear)

/* The status's Chinese name from the codes, for the messages. */
static char *
status_name (AnjuDb     *db,
             const char *status)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db, "SELECT name FROM pubrent_codes"
                                               " WHERE code_set = 'status' AND code = ?1", NULL);

  if (stmt == NULL)
    return g_strdup (status);
  anju_db_bind_text (stmt, 1, status);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return g_strdup (status);
  return anju_db_column_dup (stmt, 0);
}

/* FALSE with the 409 docs/api.md asks for when the application is not
 * yet where the kind needs it. */
static gboolean
check_ready (AnjuDb              *db,
             const AnjuKioskApp  *app,
             const char          *kind,
             GError             **error)
{
  g_autofree char *name = NULL;
  g_auto(AnjuStmt) stmt = NULL;
  gint64 publicity = 0;

  if (g_str_equal (kind, "confirmation"))
    {
      if (g_str_equal (app->status, "confirmed"))
        return TRUE;
      name = status_name (db, app->status);
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_CONFLICT,
                   /* Translators: %s is the application's status, e.g. 街道审核 */
                   _("The qualification review is not finished yet; current status: %s"), name);
      return FALSE;
    }

  stmt = anju_db_prepare (db, "SELECT id FROM pubrent_publicity WHERE application_id = ?1"
                              " AND kind = 'street' ORDER BY id DESC LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, app->id);
  if (!anju_db_step_id (db, stmt, &publicity, error))
    return FALSE;
  if (publicity != 0)
    return TRUE;
  name = status_name (db, app->status);
  g_set_error (error, ANJU_ERROR, ANJU_ERROR_CONFLICT,
               /* Translators: %s is the application's status, e.g. 街道审核 */
               _("The street publicity has not started yet; current status: %s"), name);
  return FALSE;
}

/* The newest stored document of the print's kind about its application;
 * document_id stays 0 when there is none. */
static gboolean
find_stored (AnjuDb  *db,
             Print   *print,
             GError **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "SELECT d.id, d.number, d.file_id"
                                           " FROM pubrent_documents d"
                                           " JOIN pubrent_document_applications da"
                                           " ON da.document_id = d.id"
                                           " WHERE da.application_id = ?1 AND d.kind = ?2"
                                           " ORDER BY d.generated_at DESC, d.id DESC LIMIT 1",
                                           error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, print->app->id);
  anju_db_bind_text (stmt, 2, print->kind);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      print->document_id = sqlite3_column_int64 (stmt, 0);
      g_free (print->number);
      print->number = anju_db_column_dup (stmt, 1);
      print->file_id = sqlite3_column_int64 (stmt, 2);
    }
  else if (rc != SQLITE_DONE)
    {
      anju_db_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

static JsonNode *
print_audit_json (const Print *print)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, print->kind);
  json_builder_set_member_name (builder, "number");
  json_builder_add_string_value (builder, print->number);
  json_builder_set_member_name (builder, "application_no");
  json_builder_add_string_value (builder, print->app->application_no);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* Inside the transaction: the stored document, or a new one, and the
 * audit row of the print. */
static gboolean
prepare_print (AnjuRequest  *request,
               Print        *print,
               GError      **error)
{
  AnjuDb *db = anju_request_get_db (request);
  AnjuDocuments *documents = anju_documents_get (anju_request_get_server (request));
  g_autoptr(GArray) made = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(JsonNode) after = NULL;
  AnjuAuditActor actor;

  if (!find_stored (db, print, error))
    return FALSE;
  if (print->document_id == 0)
    {
      anju_workflow_actor_from_request (request, &actor);
      if (!anju_documents_generate (documents, db, &actor,
                                    anju_clock_now_secs (anju_request_get_clock (request)),
                                    print->kind, &print->app->id, 1, made, error)
          || !find_stored (db, print, error))
        return FALSE;
    }
  after = print_audit_json (print);
  return anju_audit_record (request, NULL, "kiosk.document.print", "pubrent.document",
                            print->document_id, NULL, after, error);
}

static void
handle_documents (AnjuRequest *request)
{
  g_auto(AnjuKioskApp) app = { 0, };
  g_auto(Print) print = { &app, };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *given = NULL;
  g_autofree char *id_no = NULL;
  g_autofree char *filename = NULL;
  AnjuDb *db = anju_request_get_db (request);
  JsonObject *body;

  if (!anju_review_count_progress_query (request))
    return;
  body = anju_request_parse_body (request, documents_body, &error);
  if (body == NULL)
    {
      anju_request_reply_error (request, error);
      return;
    }
  given = anju_body_dup_trimmed (body, "id_no");
  id_no = g_ascii_strup (given, -1);
  print.kind = json_object_get_string_member (body, "kind");
  if (_anju_kiosk_find_by_id_no (db, id_no, &app, &error) && app.id == 0)
    g_set_error_literal (&error, ANJU_ERROR, ANJU_ERROR_NOT_FOUND,
                         _("No application of this person"));
  if (error == NULL && check_ready (db, &app, print.kind, &error) && anju_db_begin (db, &error))
    anju_transaction_end (db, prepare_print (request, &print, &error), &error);
  if (error == NULL)
    pdf = anju_file_store_read (db, print.file_id, &error);

  if (pdf == NULL)
    {
      anju_request_reply_error (request, error);
      return;
    }
  filename = g_strconcat (print.number, ".pdf", NULL);
  anju_request_reply_file (request, pdf, "application/pdf", filename);
}

static const AnjuRoute routes[] = {
  { "POST", "/api/v1/kiosk/documents", ANJU_PERM_KIOSK_OPERATE, ANJU_ROUTE_DEFAULT,
    handle_documents, "The card holder's confirmation form or street publicity list (PDF)",
    documents_body, "kiosk" },
};

const AnjuRoute *
_anju_kiosk_document_routes (guint *n_routes)
{
  *n_routes = G_N_ELEMENTS (routes);
  return routes;
}
