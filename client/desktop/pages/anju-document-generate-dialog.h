/* anju-document-generate-dialog.h: "Generate List…" of the documents
 * page: choose a street publicity or New Area announcement list, tick
 * the applications (those in that status, as the server allows), and
 * generate it (POST /api/v1/pubrent/documents).
 *
 * On success the dialog closes and emits "generated" with the new
 * document's id; a failure is shown in the dialog, which stays open.
 */
#pragma once

#include <adwaita.h>

#include "anju-api-client.h"

G_BEGIN_DECLS

#define ANJU_TYPE_DOCUMENT_GENERATE_DIALOG (anju_document_generate_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AnjuDocumentGenerateDialog, anju_document_generate_dialog, ANJU,
                      DOCUMENT_GENERATE_DIALOG, AdwWindow)

GtkWidget *anju_document_generate_dialog_new (AnjuApiClient *client);

G_END_DECLS
