/* anju-document-json.h: the Document object of docs/api.md, and who may
 * read a document.
 *
 * A caller may read a document when one of its applications was entered
 * by an organisation in the caller's scope (the center sees all).
 */
#pragma once

#include <json-glib/json-glib.h>

#include "anju-caller.h"
#include "anju-db.h"
#include "anju-documents.h"

G_BEGIN_DECLS

/* SQL: true when the caller of path ?1 may read document d. */
#define ANJU_DOCUMENT_VISIBLE \
  "EXISTS (SELECT 1 FROM pubrent_document_applications vda" \
  " JOIN pubrent_applications va ON va.id = vda.application_id" \
  " JOIN organisations vo ON vo.id = va.org_id" \
  " WHERE vda.document_id = d.id AND substr (vo.path, 1, length (?1)) = ?1)"

JsonNode *anju_document_to_json   (AnjuDocuments     *documents,
                                   AnjuDb            *db,
                                   gint64             id,
                                   GError           **error);
/* ANJU_ERROR_NOT_FOUND when there is no such document or caller may
 * not read it. */
gboolean  anju_document_check_readable (AnjuDb            *db,
                                        const AnjuCaller  *caller,
                                        gint64             id,
                                        GError           **error);

G_END_DECLS
