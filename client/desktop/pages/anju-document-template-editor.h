/* anju-document-template-editor.h: the form of one document template:
 * kind (only for a new one), name, printed title, issuer, font size,
 * PNG logo (uploaded here) and the body, with buttons that insert the
 * kind's {{field}} names (GET …/document-templates/fields) at the
 * cursor.
 *
 * "changed" is emitted on every edit, so the page can refresh its
 * preview; anju_document_template_editor_build_body() is the Template
 * the server takes for save and preview.
 */
#pragma once

#include <adwaita.h>

#include "anju-api-client.h"

G_BEGIN_DECLS

#define ANJU_TYPE_DOCUMENT_TEMPLATE_EDITOR (anju_document_template_editor_get_type ())
G_DECLARE_FINAL_TYPE (AnjuDocumentTemplateEditor, anju_document_template_editor, ANJU,
                      DOCUMENT_TEMPLATE_EDITOR, AdwBin)

void      anju_document_template_editor_set_client   (AnjuDocumentTemplateEditor *self,
                                                      AnjuApiClient              *client);
/* template: a Template of docs/api.md, or NULL for a new one of kind. */
void      anju_document_template_editor_set_template (AnjuDocumentTemplateEditor *self,
                                                      JsonObject                 *template,
                                                      const char                 *kind);
/* 0 while the template is not saved. */
gint64    anju_document_template_editor_get_id       (AnjuDocumentTemplateEditor *self);
JsonNode *anju_document_template_editor_build_body   (AnjuDocumentTemplateEditor *self);

G_END_DECLS
