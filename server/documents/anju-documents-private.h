/* anju-documents-private.h: shared between the files of server/documents.
 *
 * The HTTP handlers (anju-document-templates-api.c, anju-documents-api.c,
 * anju-document-verify.c) register their routes through these, and use
 * the service for rendering with a template.
 */
#pragma once

#include "anju-document-content.h"
#include "anju-document-template-store.h"
#include "anju-documents.h"

G_BEGIN_DECLS

/* docs/api.md, "Documents": reading follows the applications, writing
 * (templates, generation) is its own permission. */
#define ANJU_DOCUMENTS_PERM_READ  "pubrent.application.read"
#define ANJU_DOCUMENTS_PERM_WRITE "pubrent.document.write"


void    _anju_document_templates_api_register (AnjuServer  *server);
void    _anju_documents_api_register          (AnjuServer  *server);
void    _anju_document_verify_register        (AnjuServer  *server);
void    _anju_document_export_register        (AnjuServer  *server);

/* "<[documents] verify_base_url>/verify/<number>?code=<code>" */
char   *_anju_documents_verify_url            (AnjuDocuments              *self,
                                               const char                 *number,
                                               const char                 *code);
/* Puts template's text, size and logo into content (filling the body
 * with content's values) and renders it. */
GBytes *_anju_documents_render_with           (AnjuDocuments              *self,
                                               AnjuDb                     *db,
                                               const AnjuDocumentTemplate *template,
                                               AnjuDocumentContent        *content,
                                               GError                    **error);

G_END_DECLS
