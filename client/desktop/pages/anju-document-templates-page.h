/* anju-document-templates-page.h: document templates (F-PRH-005,
 * F-PRH-006): the templates of street publicity lists, New Area
 * announcements and confirmation forms with their usage count and last
 * use, by kind, newest modified or created first; the editor of the
 * selected (or a new) one, with a live preview of example data
 * (POST …/document-templates/preview); save and activate.
 *
 * Created by AnjuWindow by GType with the construct-only property
 * "client" (needs pubrent.document.write); loads nothing until shown.
 */
#pragma once

#include <adwaita.h>

#include "anju-api-client.h"

G_BEGIN_DECLS

#define ANJU_TYPE_DOCUMENT_TEMPLATES_PAGE (anju_document_templates_page_get_type ())
G_DECLARE_FINAL_TYPE (AnjuDocumentTemplatesPage, anju_document_templates_page, ANJU,
                      DOCUMENT_TEMPLATES_PAGE, AdwBin)

GtkWidget *anju_document_templates_page_new    (AnjuApiClient             *client);
void       anju_document_templates_page_reload (AnjuDocumentTemplatesPage *self);

G_END_DECLS
