/* anju-documents.h: generated documents (street publicity, New Area
 * announcement, qualification confirmation form), as the domains use them.
 *
 * One renderer (cairo + pango → PDF, QR codes by libqrencode) turns a
 * document template (docs/api.md, "Documents") and the applications it is
 * about into a PDF, keeps the PDF in the file store (archived: immutable)
 * and records the document with its number and verification code.  The
 * HTTP API lets staff edit templates, preview, generate, list, download,
 * export publicity lists and verify a form's QR code.
 */
#pragma once

#include "anju-audit.h"
#include "anju-db.h"
#include "anju-server.h"

G_BEGIN_DECLS

#define ANJU_TYPE_DOCUMENTS (anju_documents_get_type ())
G_DECLARE_FINAL_TYPE (AnjuDocuments, anju_documents, ANJU, DOCUMENTS, GObject)

/* Makes the service "documents" and adds its routes.  Called once from
 * anju_server_new(). */
void           anju_documents_register (AnjuServer *server);
/* (transfer none) */
AnjuDocuments *anju_documents_get      (AnjuServer *server);

/* Renders and records documents of kind ("street_publicity",
 * "announcement" or "confirmation") for the applications, with the kind's
 * active template, inside the caller's transaction (programming error
 * otherwise), audited as actor.  A list kind makes one document for all
 * the applications; "confirmation" one per application.  The new
 * documents' ids are appended to out_document_ids (nullable; gint64).
 * Errors: ANJU_ERROR_VALIDATION for an unknown kind or application,
 * ANJU_ERROR_CONFLICT when an application is not in a state the kind
 * allows, or a rendering / file-store failure. */
gboolean anju_documents_generate (AnjuDocuments         *self,
                                  AnjuDb                *db,
                                  const AnjuAuditActor  *actor,
                                  gint64                 now,
                                  const char            *kind,
                                  const gint64          *application_ids,
                                  guint                  n_application_ids,
                                  GArray                *out_document_ids,
                                  GError               **error);

G_END_DECLS
